// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The PostgreSQL backend of the team server (#19) against a real, throwaway PostgreSQL 15
// cluster (tests/common/pgcluster.h; label `team`): the stores seen through the same interfaces
// as the SQLite ones (ordering, limits, prune, created_at, seq, content hash), the search with
// hostile input, MCP sessions, fleet metrics from two instances (merged percentiles = the
// percentile of the merged histogram), LISTEN/NOTIFY between two backends, PostgreSQL stopped
// and restarted under a live backend, and the bounded pool under eight threads.
#include "engine/metrics/metricsregistry.h"
#include "engine/pg/pgbackend.h"
#include "engine/session.h"
#include "engine/store/workflowstore.h"

#include "callrecords.h"
#include "pgcluster.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace wfs;
using namespace wfs::pg;
using namespace wfs::store;

namespace {

constexpr std::int64_t kStartMs = 1'700'000'000'000;

const char *kFixtures = R"json([
 {"id": "bug-hunt", "name": "Systematic Bug Investigation", "version": "1.0.0",
  "description": "Find the root cause of a defect with hypotheses and evidence",
  "steps": [{"id": "reproduce", "title": "Reproduce the bug", "prompt": "Write a failing test"},
            {"id": "bisect", "type": "loop", "title": "Narrow down",
             "loop": {"type": "while", "maxIterations": 5},
             "body": [{"id": "probe", "title": "Probe", "prompt": "Add logging around the debugger output"}]}]},
 {"id": "docs", "name": "Documentation Writer", "version": "1.0.0",
  "description": "Write user documentation",
  "steps": [{"id": "outline", "title": "Outline", "prompt": "Draft a bug-free outline"}]},
 {"id": "review", "name": "Merge Request Review", "version": "2.0.0",
  "description": "Review a change for correctness",
  "steps": [{"id": "read", "title": "Read the diff", "prompt": "Look for debugging leftovers"},
            {"id": "again", "type": "loop", "title": "Iterate", "loop": {"type": "for", "count": 2, "maxIterations": 2},
             "body": "read"}]}
])json";

// Collects a subscription's payloads; waitFor() blocks until one arrives.
struct Inbox
{
    std::mutex mutex;
    std::condition_variable cv;
    std::vector<std::string> payloads;

    std::function<void(const std::string &)> callback()
    {
        return [this](const std::string &p) {
            std::lock_guard lock(mutex);
            payloads.push_back(p);
            cv.notify_all();
        };
    }
    bool waitFor(const std::string &payload, int ms)
    {
        std::unique_lock lock(mutex);
        return cv.wait_for(lock, std::chrono::milliseconds(ms), [&] {
            return std::find(payloads.begin(), payloads.end(), payload) != payloads.end();
        });
    }
    std::size_t count(const std::string &payload)
    {
        std::lock_guard lock(mutex);
        return std::size_t(std::count(payloads.begin(), payloads.end(), payload));
    }
    void clear()
    {
        std::lock_guard lock(mutex);
        payloads.clear();
    }
};

using wfs::test::call;

} // namespace

class TestPgStore : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void openAndMigrate();
    void openFailsClearly_data();
    void openFailsClearly();
    void sessionsSaveLoadRemove();
    void sessionEventsAndCalls();
    void pruneBounds_data();
    void pruneBounds();
    void sessionSinkOneTransaction();
    void workflowUpsertAndSteps();
    void workflowSyncAndList();
    void search_data();
    void search();
    void hostileQueries_data();
    void hostileQueries();
    void mcpSessions();
    void fleetMetrics();
    void usageAndCounters();
    void listenNotify();
    void postgresStoppedAndRestarted();
    void poolBounded();
    void slowStatementsTimeOut();

private:
    // A fresh database and a backend on it.
    std::unique_ptr<PgBackend> backend(const QString &db, const std::string &instance = "test",
                                       int poolSize = 4, int timeoutMs = 3000, bool create = true);
    QString freshDb(const QString &stem);

    wfs::test::PgCluster m_pg;
    int m_dbCounter = 0;
};

void TestPgStore::initTestCase()
{
    if (!wfs::test::PgCluster::available())
        WFS_SKIP_UNLESS_REQUIRED("PostgreSQL 15 server binaries are not installed "
                                 "(/usr/lib/postgresql/15/bin; apt-get install postgresql-15)");
    QVERIFY2(m_pg.init(), qPrintable(m_pg.error()));
}

QString TestPgStore::freshDb(const QString &stem)
{
    const QString name = QStringLiteral("%1_%2").arg(stem).arg(++m_dbCounter);
    const QString url = m_pg.createDatabase(name);
    if (url.isEmpty())
        qWarning("createdb %s: %s", qPrintable(name), qPrintable(m_pg.error()));
    return name;
}

std::unique_ptr<PgBackend> TestPgStore::backend(const QString &db, const std::string &instance,
                                                int poolSize, int timeoutMs, bool create)
{
    const QString name = create ? freshDb(db) : db;
    PgOptions o;
    o.url = m_pg.url(name).toStdString();
    o.poolSize = poolSize;
    o.statementTimeoutMs = timeoutMs;
    o.connectTimeoutS = 2;
    o.instanceId = instance;
    auto b = PgBackend::open(o);
    if (!b) {
        qWarning("open %s: %s", o.url.c_str(), b.error().c_str());
        return nullptr;
    }
    return std::move(*b);
}

// Several instances starting at once on an empty database: one migrates, all open.
void TestPgStore::openAndMigrate()
{
    const QString db = freshDb("migrate");
    std::vector<std::unique_ptr<PgBackend>> opened(4);
    std::vector<std::string> errors(4);
    std::vector<std::thread> threads;
    for (int i = 0; i < 4; ++i) {
        threads.emplace_back([&, i] {
            PgOptions o;
            o.url = m_pg.url(db).toStdString();
            o.instanceId = "i" + std::to_string(i);
            auto b = PgBackend::open(o);
            if (b)
                opened[std::size_t(i)] = std::move(*b);
            else
                errors[std::size_t(i)] = b.error();
        });
    }
    for (auto &t : threads)
        t.join();
    for (int i = 0; i < 4; ++i)
        QVERIFY2(opened[std::size_t(i)], errors[std::size_t(i)].c_str());
    // Every instance sees the same schema: what one writes, another reads.
    WFS_VERIFY_RESULT(opened[0]->workflows().upsert(wfs::Json::parse(kFixtures)[0], {}));
    auto n = opened[3]->workflows().count();
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(1));
    const std::string described = opened[1]->describe();
    QCOMPARE(QString::fromStdString(described),
             QStringLiteral("postgresql://127.0.0.1:%1/%2").arg(m_pg.port()).arg(db));
    QCOMPARE(opened[2]->instanceId(), std::string("i2"));
    WFS_VERIFY_RESULT(opened[2]->ping());
    // The default instance id is hostname:pid.
    PgOptions o;
    o.url = m_pg.url(db).toStdString();
    auto b = PgBackend::open(o);
    WFS_VERIFY_RESULT(b);
    QVERIFY((*b)->instanceId().ends_with(":" + std::to_string(QCoreApplication::applicationPid())));
    // Over the unix socket (host=/socket/dir in the query): the URL is handed to libpq as-is.
    o.url = QStringLiteral("postgresql://postgres@/%1?host=%2&port=%3")
                .arg(db, m_pg.socketDir())
                .arg(m_pg.port())
                .toStdString();
    auto viaSocket = PgBackend::open(o);
    WFS_VERIFY_RESULT(viaSocket);
    QCOMPARE(
        QString::fromStdString((*viaSocket)->describe()),
        QStringLiteral("postgresql://%1:%2/%3").arg(m_pg.socketDir()).arg(m_pg.port()).arg(db));
    auto seen = (*viaSocket)->workflows().count();
    WFS_VERIFY_RESULT(seen);
    QCOMPARE(*seen, std::int64_t(1));
}

void TestPgStore::openFailsClearly_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("expected"); ///< the error starts with this
    QTest::newRow("nothing listens") << QStringLiteral("postgresql://wfs:secret@127.0.0.1:1/x")
                                     << QStringLiteral("PostgreSQL at 127.0.0.1:1/x: ");
    QTest::newRow("no such database")
        << QStringLiteral("postgresql://postgres@127.0.0.1:%1/missing_db")
        << QStringLiteral("PostgreSQL at 127.0.0.1:%1/missing_db: ");
    QTest::newRow("not a URL") << QStringLiteral("postgresql://[bad")
                               << QStringLiteral("PostgreSQL: invalid connection URL");
}

void TestPgStore::openFailsClearly()
{
    QFETCH(QString, url);
    QFETCH(QString, expected);
    url.replace(QStringLiteral("%1"), QString::number(m_pg.port()));
    expected.replace(QStringLiteral("%1"), QString::number(m_pg.port()));
    QElapsedTimer timer;
    timer.start();
    PgOptions o;
    o.url = url.toStdString();
    o.connectTimeoutS = 2;
    auto b = PgBackend::open(o);
    QVERIFY(!b);
    QVERIFY2(QString::fromStdString(b.error()).startsWith(expected), b.error().c_str());
    QVERIFY2(b.error().find("secret") == std::string::npos, b.error().c_str());
    QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
}

void TestPgStore::sessionsSaveLoadRemove()
{
    auto b = backend("sessions");
    QVERIFY(b);
    AbstractSessionStore &ss = b->sessions();
    WFS_VERIFY_RESULT(ss.save({"a", "wf-1", "cli", "active", R"({"x":1})", 100, 100}));
    WFS_VERIFY_RESULT(ss.save({"b", "wf-2", "studio", "active", "{}", 200, 300}));
    WFS_VERIFY_RESULT(ss.save({"c", "wf-2", "studio", "active", "{}", 200, 300}));
    WFS_VERIFY_RESULT(ss.save({"a", "wf-1", "cli", "complete", R"({"x":2})", 999, 400}));
    auto a = ss.load("a");
    WFS_VERIFY_RESULT(a);
    QVERIFY(a->has_value());
    QCOMPARE((*a)->status, std::string("complete"));
    QCOMPARE((*a)->state, std::string(R"({"x":2})"));
    QCOMPARE((*a)->createdAtMs, std::int64_t(100)); // kept from the first save
    QCOMPARE((*a)->updatedAtMs, std::int64_t(400));
    auto all = ss.loadAll();
    WFS_VERIFY_RESULT(all);
    QCOMPARE(all->size(), std::size_t(3));
    // Most recently updated first, ties by id.
    QCOMPARE(all->at(0).id, std::string("a"));
    QCOMPARE(all->at(1).id, std::string("b"));
    QCOMPARE(all->at(2).id, std::string("c"));
    auto two = ss.loadAll(2);
    WFS_VERIFY_RESULT(two);
    QCOMPARE(two->size(), std::size_t(2));
    auto count = ss.sessionCount();
    WFS_VERIFY_RESULT(count);
    QCOMPARE(*count, std::int64_t(3));
    auto removed = ss.remove("a");
    WFS_VERIFY_RESULT(removed);
    QVERIFY(*removed);
    auto again = ss.remove("a");
    WFS_VERIFY_RESULT(again);
    QVERIFY(!*again);
    auto gone = ss.load("a");
    WFS_VERIFY_RESULT(gone);
    QVERIFY(!gone->has_value());
    QVERIFY(!ss.save({"", "wf", "", "active", "{}", 0, 0}));
    // Text survives exactly (quotes, unicode).
    const std::string state = R"({"q":"it's \"quoted\" ✓ 日本"})";
    WFS_VERIFY_RESULT(ss.save({"u", "wf'; DROP TABLE sessions; --", "c", "active", state, 1, 1}));
    auto u = ss.load("u");
    WFS_VERIFY_RESULT(u);
    QVERIFY(u->has_value());
    QCOMPARE((*u)->state, state);
    QCOMPARE((*u)->workflowId, std::string("wf'; DROP TABLE sessions; --"));
}

void TestPgStore::sessionEventsAndCalls()
{
    auto b = backend("events");
    QVERIFY(b);
    AbstractSessionStore &ss = b->sessions();
    WFS_VERIFY_RESULT(ss.save({"s", "wf", "cli", "active", "{}", 1, 1}));
    std::int64_t last = 0;
    for (int i = 0; i < 20; ++i) {
        auto seq = ss.appendEvent("s", "call", "{\"i\":" + std::to_string(i) + "}", 1000 + i);
        WFS_VERIFY_RESULT(seq);
        QVERIFY(*seq > last);
        last = *seq;
    }
    auto ev = ss.events("s", 0);
    WFS_VERIFY_RESULT(ev);
    QCOMPARE(ev->size(), std::size_t(20));
    QCOMPARE(ev->back().payload, std::string("{\"i\":19}"));
    QCOMPARE(ev->back().atMs, std::int64_t(1019));
    auto tail = ss.events("s", (*ev)[17].seq);
    WFS_VERIFY_RESULT(tail);
    QCOMPARE(tail->size(), std::size_t(2));
    // replaceEvent: one row per kind, newer seq.
    auto r1 = ss.replaceEvent("s", "saved", "{\"n\":1}");
    WFS_VERIFY_RESULT(r1);
    auto r2 = ss.replaceEvent("s", "saved", "{\"n\":2}");
    WFS_VERIFY_RESULT(r2);
    QVERIFY(*r2 > *r1);
    auto all = ss.events("s");
    WFS_VERIFY_RESULT(all);
    QCOMPARE(all->size(), std::size_t(21));
    QCOMPARE(all->back().kind, std::string("saved"));
    QCOMPARE(all->back().payload, std::string("{\"n\":2}"));
    // An event of an unknown session is refused.
    QVERIFY(!ss.appendEvent("nobody", "call", "{}"));
    // The call log, in order, every column back.
    CallRecord c = call("s", 5000, "workflow_validate");
    c.stepId = "step-1";
    c.loopId = "loop";
    c.pass = 2;
    c.complete = true;
    c.valid = 0;
    c.isError = true;
    c.arguments = R"({"a":1})";
    c.answer = R"({"ok":false})";
    auto s1 = ss.appendCall(c);
    WFS_VERIFY_RESULT(s1);
    auto s2 = ss.appendCall(call("s", 5001));
    WFS_VERIFY_RESULT(s2);
    QVERIFY(*s2 > *s1);
    auto calls = ss.calls("s");
    WFS_VERIFY_RESULT(calls);
    QCOMPARE(calls->size(), std::size_t(2));
    const CallRecord &got = calls->front();
    QCOMPARE(got.seq, *s1);
    QCOMPARE(got.tool, std::string("workflow_validate"));
    QCOMPARE(got.stepId, std::string("step-1"));
    QCOMPARE(got.loopId, std::string("loop"));
    QCOMPARE(got.pass, 2);
    QVERIFY(got.complete);
    QCOMPARE(got.valid, 0);
    QVERIFY(got.isError);
    QCOMPARE(got.arguments, std::string(R"({"a":1})"));
    QCOMPARE(got.answer, std::string(R"({"ok":false})"));
    QCOMPARE(calls->back().valid, -1); // not a validate call
    QVERIFY(!calls->back().isError);
    // Removing the session removes its logs.
    WFS_VERIFY_RESULT(ss.remove("s"));
    auto none = ss.events("s");
    WFS_VERIFY_RESULT(none);
    QVERIFY(none->empty());
    auto noCalls = ss.calls("s");
    WFS_VERIFY_RESULT(noCalls);
    QVERIFY(noCalls->empty());
}

void TestPgStore::pruneBounds_data()
{
    QTest::addColumn<qint64>("beforeMs");
    QTest::addColumn<int>("keepSessions");
    QTest::addColumn<qint64>("keepCalls");
    QTest::addColumn<QStringList>("left"); ///< sessions left
    QTest::addColumn<int>("callsLeft");
    // Sessions s1..s4 updated at 1000..4000, with 3 calls each (as tst_sessionstore).
    QTest::newRow("by age") << 2500ll << 0 << 0ll << QStringList{"s3", "s4"} << 6;
    QTest::newRow("by count") << 0ll << 3 << 0ll << QStringList{"s2", "s3", "s4"} << 9;
    QTest::newRow("by age and count") << 1500ll << 1 << 0ll << QStringList{"s4"} << 3;
    QTest::newRow("call log only") << 0ll << 0 << 4ll << QStringList{"s1", "s2", "s3", "s4"} << 4;
    QTest::newRow("nothing to do")
        << 0ll << 10 << 100ll << QStringList{"s1", "s2", "s3", "s4"} << 12;
}

void TestPgStore::pruneBounds()
{
    QFETCH(qint64, beforeMs);
    QFETCH(int, keepSessions);
    QFETCH(qint64, keepCalls);
    QFETCH(QStringList, left);
    QFETCH(int, callsLeft);
    auto b = backend("prune");
    QVERIFY(b);
    AbstractSessionStore &store = b->sessions();
    for (int i = 1; i <= 4; ++i) {
        SessionRecord r;
        r.id = "s" + std::to_string(i);
        r.workflowId = "wf";
        r.createdAtMs = r.updatedAtMs = i * 1000;
        WFS_VERIFY_RESULT(store.save(r));
        WFS_VERIFY_RESULT(store.replaceEvent(r.id, "saved", "{}", r.updatedAtMs));
        for (int c = 0; c < 3; ++c)
            WFS_VERIFY_RESULT(store.appendCall(call(r.id, r.updatedAtMs)));
    }
    auto pruned = store.prune(beforeMs, keepSessions, keepCalls);
    WFS_VERIFY_RESULT(pruned);
    auto all = store.loadAll();
    WFS_VERIFY_RESULT(all);
    QStringList ids;
    for (const SessionRecord &r : *all)
        ids << QString::fromStdString(r.id);
    ids.sort();
    QCOMPARE(ids, left);
    QCOMPARE(pruned->sessions, 4 - int(left.size()));
    int calls = 0;
    for (int i = 1; i <= 4; ++i) {
        auto c = store.calls("s" + std::to_string(i));
        WFS_VERIFY_RESULT(c);
        calls += int(c->size());
        auto e = store.events("s" + std::to_string(i));
        WFS_VERIFY_RESULT(e);
        QCOMPARE(e->size(), std::size_t(left.contains(QStringLiteral("s%1").arg(i))));
    }
    QCOMPARE(calls, callsLeft);
    QCOMPARE(pruned->calls, std::int64_t(12 - callsLeft - 3 * (4 - int(left.size()))));
}

// The SessionSink: each save is the row + the new calls + one replaced "saved" event; a manager
// restored from the store gets the session back.
void TestPgStore::sessionSinkOneTransaction()
{
    auto b = backend("sink");
    QVERIFY(b);
    auto sink = b->sessionSink();
    QCOMPARE(sink.get(), b->sessionSink().get()); // one per backend
    std::string id;
    {
        SessionManager manager;
        manager.setSink(sink);
        manager.setWriteBehind(true);
        id = manager.create("wf-x", "cli");
        for (int i = 0; i < 30; ++i) {
            manager.recordCall(id, "cli", "workflow_next", Json{{"workflowId", "wf-x"}},
                               Json{{"isComplete", false}, {"step", nullptr}}, false);
            if (i % 10 == 9)
                manager.flushPending();
        }
        manager.flushPending();
    }
    QCOMPARE(sink->failures(), std::uint64_t(0));
    auto events = b->sessions().events(id);
    WFS_VERIFY_RESULT(events);
    QCOMPARE(events->size(), std::size_t(1));
    QCOMPARE(events->front().kind, std::string("saved"));
    QVERIFY2(events->front().payload.find("\"calls\":30") != std::string::npos,
             events->front().payload.c_str());
    auto calls = b->sessions().calls(id);
    WFS_VERIFY_RESULT(calls);
    QCOMPARE(calls->size(), std::size_t(30));
    QCOMPARE(calls->front().tool, std::string("workflow_next"));
    QCOMPARE(calls->front().workflowId, std::string("wf-x"));
    SessionManager restored;
    auto n = sink->restoreInto(restored);
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, 1);
    auto s = restored.get(id);
    QVERIFY(s.has_value());
    QCOMPARE(s->workflowId, std::string("wf-x"));
    QCOMPARE(s->calls, 30);
    // A session removed from the manager is removed from the store.
    restored.setSink(sink);
    QVERIFY(restored.remove(id));
    auto count = b->sessions().sessionCount();
    WFS_VERIFY_RESULT(count);
    QCOMPARE(*count, std::int64_t(0));
}

void TestPgStore::workflowUpsertAndSteps()
{
    auto b = backend("workflows");
    QVERIFY(b);
    AbstractWorkflowStore &ws = b->workflows();
    const Json all = Json::parse(kFixtures);
    auto first = ws.upsert(all[0], {"debugging", "bundled"});
    WFS_VERIFY_RESULT(first);
    QVERIFY(*first);
    WFS_VERIFY_RESULT(ws.upsert(all[2], {"debugging", "user"}));
    auto steps = ws.steps("bug-hunt");
    WFS_VERIFY_RESULT(steps);
    QCOMPARE(steps->size(), std::size_t(3));
    QCOMPARE((*steps)[0].stepId, std::string("reproduce"));
    QCOMPARE((*steps)[0].kind, std::string("step"));
    QCOMPARE((*steps)[0].loopId, std::string());
    QCOMPARE((*steps)[1].kind, std::string("loop"));
    QCOMPARE((*steps)[2].kind, std::string("inline"));
    QCOMPARE((*steps)[2].loopId, std::string("bisect"));
    QCOMPARE((*steps)[2].stepId, std::string("probe"));
    QCOMPARE((*steps)[2].position, 2);
    QCOMPARE((*steps)[2].prompt, std::string("Add logging around the debugger output"));
    auto review = ws.steps("review");
    WFS_VERIFY_RESULT(review);
    QCOMPARE((*review)[1].loopId, std::string("read")); // string body target
    // The stored record: compact JSON, the SQLite store's content hash.
    auto rec = ws.get("bug-hunt");
    WFS_VERIFY_RESULT(rec);
    QVERIFY(rec->has_value());
    const std::string json = all[0].dump(-1, ' ', false, Json::error_handler_t::replace);
    QCOMPARE((*rec)->json, json);
    QCOMPARE((*rec)->contentHash, WorkflowStore::contentHash(json));
    QCOMPARE((*rec)->name, std::string("Systematic Bug Investigation"));
    QCOMPARE((*rec)->category, std::string("debugging"));
    QCOMPARE((*rec)->source, std::string("bundled"));
    QCOMPARE((*rec)->version, std::string("1.0.0"));
    QVERIFY((*rec)->updatedAtMs > kStartMs);
    // Same content again: nothing changes; new meta or content: changed.
    auto changed = ws.upsert(all[0], {"debugging", "bundled"});
    WFS_VERIFY_RESULT(changed);
    QVERIFY(!*changed);
    changed = ws.upsert(all[0], {"debugging", "user"});
    WFS_VERIFY_RESULT(changed);
    QVERIFY(*changed);
    Json edited = all[0];
    edited["steps"][0]["title"] = "Reproduce reliably";
    changed = ws.upsert(edited, {"debugging", "bundled"});
    WFS_VERIFY_RESULT(changed);
    QVERIFY(*changed);
    steps = ws.steps("bug-hunt");
    WFS_VERIFY_RESULT(steps);
    QCOMPARE((*steps)[0].title, std::string("Reproduce reliably"));
    QCOMPARE(steps->size(), std::size_t(3)); // replaced, not appended
    auto hits = ws.search("reliably");
    WFS_VERIFY_RESULT(hits);
    QCOMPARE(hits->size(), std::size_t(1));
    // No id: refused with a reason.
    auto bad = ws.upsert(Json{{"name", "x"}}, {});
    QVERIFY(!bad);
    QVERIFY2(bad.error().find("\"id\"") != std::string::npos, bad.error().c_str());
    // remove: true once, then false; steps go with it.
    auto removed = ws.remove("bug-hunt");
    WFS_VERIFY_RESULT(removed);
    QVERIFY(*removed);
    removed = ws.remove("bug-hunt");
    WFS_VERIFY_RESULT(removed);
    QVERIFY(!*removed);
    steps = ws.steps("bug-hunt");
    WFS_VERIFY_RESULT(steps);
    QVERIFY(steps->empty());
    auto none = ws.get("bug-hunt");
    WFS_VERIFY_RESULT(none);
    QVERIFY(!none->has_value());
}

void TestPgStore::workflowSyncAndList()
{
    auto b = backend("sync");
    QVERIFY(b);
    AbstractWorkflowStore &ws = b->workflows();
    const Json all = Json::parse(kFixtures);
    auto first = ws.sync({{all[0], {"debugging", "bundled"}},
                          {all[1], {"writing", "user"}},
                          {all[2], {"debugging", "user"}}});
    WFS_VERIFY_RESULT(first);
    QCOMPARE(first->inserted, 3);
    QCOMPARE(first->changedIds.size(), std::size_t(3));
    // list: by name, filters by category and/or source.
    auto list = ws.list();
    WFS_VERIFY_RESULT(list);
    QCOMPARE(list->size(), std::size_t(3));
    QCOMPARE(list->at(0).id, std::string("docs"));   // Documentation Writer
    QCOMPARE(list->at(1).id, std::string("review")); // Merge Request Review
    QCOMPARE(list->at(2).id, std::string("bug-hunt"));
    QVERIFY(list->at(0).json.empty()); // list() leaves the JSON out
    auto debugging = ws.list({std::string("debugging"), std::nullopt});
    WFS_VERIFY_RESULT(debugging);
    QCOMPARE(debugging->size(), std::size_t(2));
    auto user = ws.list({std::nullopt, std::string("user")});
    WFS_VERIFY_RESULT(user);
    QCOMPARE(user->size(), std::size_t(2));
    auto both = ws.list({std::string("debugging"), std::string("user")});
    WFS_VERIFY_RESULT(both);
    QCOMPARE(both->size(), std::size_t(1));
    QCOMPARE(both->front().id, std::string("review"));
    auto cats = ws.categories();
    WFS_VERIFY_RESULT(cats);
    QCOMPARE(*cats, (std::vector<std::string>{"debugging", "writing"}));
    // Second sync: one unchanged, one updated, one removed.
    Json docs = all[1];
    docs["description"] = "Write developer documentation";
    auto report = ws.sync({{all[0], {"debugging", "bundled"}}, {docs, {"writing", "user"}}});
    WFS_VERIFY_RESULT(report);
    QCOMPARE(report->unchanged, 1);
    QCOMPARE(report->updated, 1);
    QCOMPARE(report->removed, 1);
    QCOMPARE(report->inserted, 0);
    QCOMPARE(report->changedIds, (std::vector<std::string>{"docs", "review"}));
    auto n = ws.count();
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(2));
    auto hits = ws.search("merge");
    WFS_VERIFY_RESULT(hits);
    QVERIFY(hits->empty());
    hits = ws.search("developer");
    WFS_VERIFY_RESULT(hits);
    QCOMPARE(hits->size(), std::size_t(1));
    // A sync that fails half-way (a workflow without id) changes nothing.
    auto failed = ws.sync({{all[2], {"debugging", "user"}}, {Json{{"name", "x"}}, {}}});
    QVERIFY(!failed);
    n = ws.count();
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(2));
}

void TestPgStore::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); ///< ids, best first ("*" = any order)
    QTest::newRow("name word") << "documentation" << QStringList{"docs"};
    QTest::newRow("prefix as you type") << "docum" << QStringList{"docs"};
    QTest::newRow("case-insensitive") << "MERGE" << QStringList{"review"};
    QTest::newRow("every word must match") << "bug outline" << QStringList{"docs"};
    QTest::newRow("no match") << "kubernetes" << QStringList{};
    QTest::newRow("step prompt") << "debugger" << QStringList{"bug-hunt"};
    // "bug" is in bug-hunt's name (weight A) and only in docs' prompt (D): name ranks first.
    QTest::newRow("name outranks prompt") << "bug" << QStringList{"bug-hunt", "docs"};
    QTest::newRow("prefix across workflows") << "debug" << QStringList{"bug-hunt", "review"};
}

void TestPgStore::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    static std::unique_ptr<PgBackend> b; // one database for every row
    if (!b) {
        b = backend("search");
        QVERIFY(b);
        const Json all = Json::parse(kFixtures);
        WFS_VERIFY_RESULT(b->workflows().upsert(all[0], {"debugging", "bundled"}));
        WFS_VERIFY_RESULT(b->workflows().upsert(all[1], {"writing", "user"}));
        WFS_VERIFY_RESULT(b->workflows().upsert(all[2], {"debugging", "user"}));
    }
    SearchOptions options;
    options.open = "[";
    options.close = "]";
    auto hits = b->workflows().search(query.toStdString(), options);
    WFS_VERIFY_RESULT(hits);
    QStringList ids;
    for (const SearchHit &h : *hits) {
        ids << QString::fromStdString(h.workflowId);
        // Snippets mark the hit with the caller's markers; scores are sorted, lower first.
        QVERIFY2(h.snippet.find('[') != std::string::npos, h.snippet.c_str());
        QVERIFY2(h.snippet.find(']') != std::string::npos, h.snippet.c_str());
        QVERIFY(h.score < 0);
        QVERIFY(!h.name.empty());
    }
    for (std::size_t i = 1; i < hits->size(); ++i)
        QVERIFY((*hits)[i - 1].score <= (*hits)[i].score);
    if (query == "debug")
        ids.sort(); // equal footing: only membership matters
    QCOMPARE(ids, expected);
    options.limit = 1;
    auto one = b->workflows().search(query.toStdString(), options);
    WFS_VERIFY_RESULT(one);
    QCOMPARE(one->size(), std::size_t(std::min<qsizetype>(expected.size(), 1)));
    if (QTest::currentDataTag() == QByteArray("prefix across workflows"))
        b.reset(); // the last row
}

void TestPgStore::hostileQueries_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::addColumn<int>("minHits"); ///< at least this many hits (the word "bug" matches)
    QTest::newRow("empty") << QByteArray("") << 0;
    QTest::newRow("spaces") << QByteArray("   \t\n ") << 0;
    QTest::newRow("single quote") << QByteArray("bug'") << 1;
    QTest::newRow("quotes everywhere") << QByteArray("'\"bug\"' ''") << 1;
    QTest::newRow("sql injection") << QByteArray("bug'); DROP TABLE workflows; --") << 0;
    QTest::newRow("tsquery operators") << QByteArray("bug & | ! <-> ( ) :* :A") << 1;
    QTest::newRow("operator glued") << QByteArray("!bug") << 1;
    QTest::newRow("backslashes") << QByteArray("bug\\ \\' \\\\") << 1;
    QTest::newRow("only punctuation") << QByteArray("&&& ||| !!! (((") << 0;
    QTest::newRow("unicode") << QByteArray("日本語 ✓ émoji 😀") << 0;
    QTest::newRow("invalid utf-8") << QByteArray("bug \xff\xfe\xc3") << 0;
    QTest::newRow("nul byte") << QByteArray("bug\0x", 5) << 0;
    QTest::newRow("very long word") << QByteArray(5000, 'a') << 0;
    QTest::newRow("many words") << QByteArray("bug ").repeated(200) << 1;
    QTest::newRow("colon weight") << QByteArray("bug:*B") << 0;
}

// Any input is accepted: never a tsquery syntax error, never an SQL error.
void TestPgStore::hostileQueries()
{
    QFETCH(QByteArray, query);
    QFETCH(int, minHits);
    static std::unique_ptr<PgBackend> b;
    if (!b) {
        b = backend("hostile");
        QVERIFY(b);
        const Json all = Json::parse(kFixtures);
        for (const Json &w : all)
            WFS_VERIFY_RESULT(b->workflows().upsert(w, {"c", "s"}));
    }
    auto hits =
        b->workflows().search(std::string_view(query.constData(), std::size_t(query.size())));
    WFS_VERIFY_RESULT(hits);
    QVERIFY2(int(hits->size()) >= minHits, qPrintable(QString::number(hits->size())));
    auto n = b->workflows().count(); // nothing was dropped
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(3));
    const std::string tsq =
        PgWorkflowStore::tsQuery(std::string_view(query.constData(), std::size_t(query.size())));
    QVERIFY(tsq.find('\0') == std::string::npos);
    if (QTest::currentDataTag() == QByteArray("colon weight"))
        b.reset();
}

void TestPgStore::mcpSessions()
{
    auto b = backend("mcp", "inst-a");
    QVERIFY(b);
    AbstractMcpSessionStore &ms = b->mcpSessions();
    McpSessionRecord r;
    r.id = "m-1";
    r.protocolVersion = "2025-06-18";
    r.clientInfo = R"({"name":"claude"})";
    // instance left empty: the backend's instance id is written
    r.createdAtMs = 1000;
    r.lastUsedAtMs = 1000;
    WFS_VERIFY_RESULT(ms.save(r));
    r.initialized = true;
    r.createdAtMs = 5000; // ignored: created_at kept
    r.lastUsedAtMs = 2000;
    WFS_VERIFY_RESULT(ms.save(r));
    auto got = ms.load("m-1");
    WFS_VERIFY_RESULT(got);
    QVERIFY(got->has_value());
    QCOMPARE((*got)->protocolVersion, std::string("2025-06-18"));
    QCOMPARE((*got)->clientInfo, std::string(R"({"name":"claude"})"));
    QCOMPARE((*got)->instance, std::string("inst-a"));
    QVERIFY((*got)->initialized);
    QCOMPARE((*got)->createdAtMs, std::int64_t(1000));
    QCOMPARE((*got)->lastUsedAtMs, std::int64_t(2000));
    // touch: only ever forward.
    WFS_VERIFY_RESULT(ms.touch("m-1", 3000));
    WFS_VERIFY_RESULT(ms.touch("m-1", 2500));
    got = ms.load("m-1");
    WFS_VERIFY_RESULT(got);
    QCOMPARE((*got)->lastUsedAtMs, std::int64_t(3000));
    // A second instance on the same database sees it.
    auto other = backend(QStringLiteral("mcp_%1").arg(m_dbCounter), "inst-b", 2, 3000, false);
    QVERIFY(other);
    auto seen = other->mcpSessions().load("m-1");
    WFS_VERIFY_RESULT(seen);
    QVERIFY(seen->has_value());
    r.id = "m-2";
    r.lastUsedAtMs = 10'000;
    WFS_VERIFY_RESULT(other->mcpSessions().save(r));
    auto m2 = ms.load("m-2");
    WFS_VERIFY_RESULT(m2);
    QVERIFY(m2->has_value());
    QCOMPARE((*m2)->instance, std::string("inst-b"));
    auto expired = ms.expire(5000);
    WFS_VERIFY_RESULT(expired);
    QCOMPARE(*expired, 1);
    got = ms.load("m-1");
    WFS_VERIFY_RESULT(got);
    QVERIFY(!got->has_value());
    auto removed = ms.remove("m-2");
    WFS_VERIFY_RESULT(removed);
    QVERIFY(*removed);
    removed = ms.remove("m-2");
    WFS_VERIFY_RESULT(removed);
    QVERIFY(!*removed);
    QVERIFY(!ms.save(McpSessionRecord{}));
}

// Two instances persist into one database; the fleet's percentiles are those of the merged
// histogram (not an average of the instances' percentiles).
void TestPgStore::fleetMetrics()
{
    auto a = backend("fleet", "inst-a");
    QVERIFY(a);
    auto b = backend(QStringLiteral("fleet_%1").arg(m_dbCounter), "inst-b", 2, 3000, false);
    QVERIFY(b);
    using namespace wfs::metrics;
    ManualClock wall(kStartMs * 1'000'000);
    MetricsRegistry regA(steadyClock(), wall.fn());
    MetricsRegistry regB(steadyClock(), wall.fn());
    // A: 900 fast calls (~100 µs); B: 100 slow ones (~20 ms), 5 of them errors.
    for (int i = 0; i < 900; ++i)
        regA.record("workflow_next", 100'000 + std::uint64_t(i) * 10);
    for (int i = 0; i < 100; ++i)
        regB.record("workflow_next", 20'000'000 + std::uint64_t(i) * 1000, i < 5);
    regB.record("workflow_get", 5'000);
    auto rowsA = a->metrics().persist(regA, {{"cache.l1.hit_rate", 0.5}}, kStartMs + 10'000);
    WFS_VERIFY_RESULT(rowsA);
    QCOMPARE(*rowsA, 2);
    auto rowsB = b->metrics().persist(regB, {{"cache.l1.hit_rate", 0.75}}, kStartMs + 20'000);
    WFS_VERIFY_RESULT(rowsB);
    QCOMPARE(*rowsB, 3);
    HistogramData merged = regA.operation("workflow_next").histogram().snapshot();
    merged.add(regB.operation("workflow_next").histogram().snapshot());
    const HistogramStats want = merged.stats();
    QCOMPARE(want.count, std::uint64_t(1000));

    auto summary = a->metrics().summary(0);
    WFS_VERIFY_RESULT(summary);
    QCOMPARE(summary->size(), std::size_t(2));
    const OperationSummary &next = summary->at(1); // ordered by operation
    QCOMPARE(next.operation, std::string("workflow_next"));
    QCOMPARE(next.count, std::int64_t(1000));
    QCOMPARE(next.errors, std::int64_t(5));
    QCOMPARE(next.p50Us, double(want.p50Ns) / 1000.0);
    QCOMPARE(next.p99Us, double(want.p99Ns) / 1000.0);
    QCOMPARE(next.maxUs, double(want.maxNs) / 1000.0);
    QCOMPARE(next.meanUs, want.meanNs / 1000.0);
    QCOMPARE(next.firstMs, kStartMs + 10'000);
    QCOMPARE(next.lastMs, kStartMs + 20'000);
    // The p99 of the fleet is a slow call; averaging the instances' p99 would not be it.
    auto hist = b->metrics().history("workflow_next", 0);
    WFS_VERIFY_RESULT(hist);
    QCOMPARE(hist->size(), std::size_t(2));
    QCOMPARE(hist->at(0).count, std::int64_t(900));
    QCOMPARE(hist->at(1).count, std::int64_t(100));
    QVERIFY(next.p99Us > 19'000);
    QVERIFY((hist->at(0).p99Us + hist->at(1).p99Us) / 2 < next.p99Us * 0.6);
    auto fromDb = a->metrics().mergedHistogram("workflow_next", 0);
    WFS_VERIFY_RESULT(fromDb);
    QVERIFY(fromDb->counts == merged.counts);

    auto report = b->metrics().fleetReport(0);
    WFS_VERIFY_RESULT(report);
    const Json &r = *report;
    QCOMPARE(r["operations"]["workflow_next"]["count"].get<std::int64_t>(), 1000);
    QCOMPARE(r["operations"]["workflow_next"]["p90_us"].get<double>(), double(want.p90Ns) / 1000.0);
    QCOMPARE(r["operations"]["workflow_next"]["p999_us"].get<double>(),
             double(want.p999Ns) / 1000.0);
    QCOMPARE(r["instances"].size(), std::size_t(2));
    QCOMPARE(r["instances"]["inst-a"]["operations"]["workflow_next"]["count"].get<std::int64_t>(),
             900);
    QCOMPARE(r["instances"]["inst-b"]["operations"]["workflow_next"]["count"].get<std::int64_t>(),
             100);
    QVERIFY(!r["instances"]["inst-a"]["operations"].contains("workflow_get"));
    QCOMPARE(r["instances"]["inst-a"]["counters"]["cache.l1.hit_rate"].get<double>(), 0.5);
    QCOMPARE(r["instances"]["inst-b"]["counters"]["cache.l1.hit_rate"].get<double>(), 0.75);
    QCOMPARE(r["counters"]["cache.l1.hit_rate"].get<double>(), 0.75); // the newest
    const HistogramStats aOnly = regA.operation("workflow_next").histogram().snapshot().stats();
    QCOMPARE(r["instances"]["inst-a"]["operations"]["workflow_next"]["p99_us"].get<double>(),
             double(aOnly.p99Ns) / 1000.0);

    auto plain = a->metrics().report(0);
    WFS_VERIFY_RESULT(plain);
    QCOMPARE((*plain)["database"].get<std::string>(), a->describe());
    QCOMPARE((*plain)["operations"]["workflow_next"]["p99_us"].get<double>(),
             double(want.p99Ns) / 1000.0);
    QCOMPARE((*plain)["cache"]["l1_hit_rate"].get<double>(), 0.75);

    // A second persist writes only the new window's calls.
    for (int i = 0; i < 10; ++i)
        regA.record("workflow_next", 1'000);
    auto again = a->metrics().persist(regA, {}, kStartMs + 30'000);
    WFS_VERIFY_RESULT(again);
    QCOMPARE(*again, 1);
    hist = a->metrics().history("workflow_next", kStartMs + 25'000);
    WFS_VERIFY_RESULT(hist);
    QCOMPARE(hist->size(), std::size_t(1));
    QCOMPARE(hist->front().count, std::int64_t(10));
    QCOMPARE(hist->front().windowMs, std::int64_t(20'000));
    // prune by age.
    auto pruned = a->metrics().prune(kStartMs + 15'000);
    WFS_VERIFY_RESULT(pruned);
    QCOMPARE(*pruned, 2); // A's first row and its counter
    summary = a->metrics().summary(0);
    WFS_VERIFY_RESULT(summary);
    QCOMPARE(summary->at(1).count, std::int64_t(110));
}

void TestPgStore::usageAndCounters()
{
    auto b = backend("usage");
    QVERIFY(b);
    auto &m = b->metrics();
    WFS_VERIFY_RESULT(m.addUsage({{"a", 3}, {"b", 5}, {"c", 0}}, 1000));
    WFS_VERIFY_RESULT(m.addUsage({{"a", 4}}, 2000));
    auto used = m.mostUsedWorkflows(10);
    WFS_VERIFY_RESULT(used);
    QCOMPARE(*used, (std::vector<std::string>{"a", "b"})); // 7, 5; c (0) never counted
    used = m.mostUsedWorkflows(1);
    WFS_VERIFY_RESULT(used);
    QCOMPARE(*used, (std::vector<std::string>{"a"}));
    WFS_VERIFY_RESULT(m.writeCounters({{"rss", 10}, {"x", 1}}, 1000));
    WFS_VERIFY_RESULT(m.writeCounters({{"rss", 20}}, 2000));
    auto latest = m.latestCounters();
    WFS_VERIFY_RESULT(latest);
    QCOMPARE(latest->size(), std::size_t(2));
    QCOMPARE(latest->at("rss"), 20.0);
    QCOMPARE(latest->at("x"), 1.0);
}

// An upsert on backend A reaches a subscription of backend B within a second; unchanged upserts
// announce nothing.
void TestPgStore::listenNotify()
{
    auto a = backend("notify", "a");
    QVERIFY(a);
    auto b = backend(QStringLiteral("notify_%1").arg(m_dbCounter), "b", 2, 3000, false);
    QVERIFY(b);
    Inbox inbox;
    auto sub = b->listen(kWorkflowsChannel, inbox.callback());
    QVERIFY(sub);
    const Json all = Json::parse(kFixtures);
    QElapsedTimer timer;
    timer.start();
    WFS_VERIFY_RESULT(a->workflows().upsert(all[0], {"c", "s"}));
    QVERIFY(inbox.waitFor("bug-hunt", 1000));
    QVERIFY2(timer.elapsed() < 1000, qPrintable(QString::number(timer.elapsed())));
    WFS_VERIFY_RESULT(a->workflows().upsert(all[0], {"c", "s"})); // unchanged: no notification
    WFS_VERIFY_RESULT(a->workflows().remove("bug-hunt"));
    QVERIFY(inbox.waitFor("bug-hunt", 1000));
    QTRY_COMPARE_WITH_TIMEOUT(inbox.count("bug-hunt"), std::size_t(2), 1000);
    // sync: one notification per changed workflow.
    inbox.clear();
    auto report = a->workflows().sync({{all[1], {"c", "s"}}, {all[2], {"c", "s"}}});
    WFS_VERIFY_RESULT(report);
    QVERIFY(inbox.waitFor("docs", 1000));
    QVERIFY(inbox.waitFor("review", 1000));
    // A rolled back change announces nothing (the notification is part of the transaction).
    inbox.clear();
    QVERIFY(!a->workflows().sync({{all[0], {"c", "s"}}, {Json{{"name", "no id"}}, {}}}));
    // notify(): any channel and payload, quoted safely.
    Inbox custom;
    auto sub2 = b->listen("wfs \"odd\" channel", custom.callback());
    WFS_VERIFY_RESULT(a->notify("wfs \"odd\" channel", "it's ✓"));
    QVERIFY(custom.waitFor("it's ✓", 1000));
    QTest::qWait(200);
    QCOMPARE(inbox.count("bug-hunt"), std::size_t(0));
    QCOMPARE(custom.count(""), std::size_t(0)); // no reconnect happened
    // Destroying a subscription stops it promptly.
    timer.restart();
    sub.reset();
    sub2.reset();
    QVERIFY2(timer.elapsed() < 500, qPrintable(QString::number(timer.elapsed())));
}

// PostgreSQL stopped under a live backend: calls fail fast with an error; restarted: the same
// backend works again and the subscription reports its reconnect with "".
void TestPgStore::postgresStoppedAndRestarted()
{
    auto b = backend("restart", "r", 3, 2000);
    QVERIFY(b);
    WFS_VERIFY_RESULT(b->sessions().save({"s", "wf", "c", "active", "{}", 1, 1}));
    WFS_VERIFY_RESULT(b->ping());
    Inbox inbox;
    auto sub = b->listen(kWorkflowsChannel, inbox.callback());
    QVERIFY(m_pg.stop());
    QElapsedTimer timer;
    for (int i = 0; i < 3; ++i) {
        timer.start();
        QVERIFY(!b->ping());
        auto saved = b->sessions().save({"s", "wf", "c", "active", "{}", 1, 2});
        QVERIFY(!saved);
        QVERIFY2(QString::fromStdString(saved.error()).contains("PostgreSQL at 127.0.0.1"),
                 saved.error().c_str());
        auto listed = b->workflows().list();
        QVERIFY(!listed);
        auto loaded = b->sessions().load("s");
        QVERIFY(!loaded);
        QVERIFY2(timer.elapsed() < 3000, qPrintable(QString::number(timer.elapsed())));
    }
    b->sessionSink()->sessionRemoved("s"); // a sink failure is counted, never thrown
    QVERIFY(b->sessionSink()->failures() >= 1);
    QVERIFY(m_pg.start());
    // The same backend works again at once: no stale connection is left in the pool.
    WFS_VERIFY_RESULT(b->ping());
    WFS_VERIFY_RESULT(b->sessions().save({"s", "wf", "c", "complete", "{}", 1, 3}));
    auto loaded = b->sessions().load("s");
    WFS_VERIFY_RESULT(loaded);
    QVERIFY(loaded->has_value());
    QCOMPARE((*loaded)->status, std::string("complete"));
    // The subscription reconnected (back-off at most 1 s), said so, and listens again.
    QVERIFY(inbox.waitFor("", 4000));
    WFS_VERIFY_RESULT(b->workflows().upsert(Json::parse(kFixtures)[1], {}));
    QVERIFY(inbox.waitFor("docs", 1000));
    // Restarted with no call in between: the idle connections it closed are noticed and
    // replaced before use, so the first calls after the restart succeed too.
    QVERIFY(b->poolStats().open >= 1);
    QVERIFY(m_pg.stop());
    QVERIFY(m_pg.start());
    for (int i = 0; i < 4; ++i)
        WFS_VERIFY_RESULT(b->ping());
    auto count = b->workflows().count();
    WFS_VERIFY_RESULT(count);
    QCOMPARE(*count, std::int64_t(1));
}

// poolSize 2 and eight threads hammering: every call succeeds (callers wait their turn) and no
// more than two connections are ever open.
void TestPgStore::poolBounded()
{
    auto b = backend("pool", "p", 2, 5000);
    QVERIFY(b);
    constexpr int kThreads = 8;
    constexpr int kOps = 40;
    std::atomic<int> failures{0};
    std::atomic<int> done{0};
    std::string firstError;
    std::mutex errorMutex;
    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < kOps; ++i) {
                const std::string id = "t" + std::to_string(t) + "-" + std::to_string(i);
                bool ok = bool(b->sessions().save({id, "wf", "c", "active", "{}", 1, i + 1}));
                if (ok)
                    ok = bool(b->sessions().appendEvent(id, "k", "{}"));
                if (ok) {
                    auto l = b->sessions().load(id);
                    ok = l && l->has_value();
                }
                if (ok)
                    ok = bool(b->ping());
                if (!ok) {
                    failures.fetch_add(1);
                    std::lock_guard lock(errorMutex);
                    if (firstError.empty())
                        firstError = "a call failed";
                } else {
                    done.fetch_add(1);
                }
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QVERIFY2(failures.load() == 0, firstError.c_str());
    QCOMPARE(done.load(), kThreads * kOps);
    auto count = b->sessions().sessionCount();
    WFS_VERIFY_RESULT(count);
    QCOMPARE(*count, std::int64_t(kThreads * kOps));
    const PgBackend::PoolStats stats = b->poolStats();
    QCOMPARE(stats.size, 2);
    QVERIFY2(stats.peak <= 2, qPrintable(QString::number(stats.peak)));
    QCOMPARE(stats.peak, 2); // the threads did contend
    QCOMPARE(stats.busy, 0);
}

// statement_timeout is set on every connection and the pool never makes a caller wait longer
// than it: with the workflows table locked by another client (psql) and a pool of one, every
// call returns an error within about the timeout (twice it for a caller that first waited for
// the pool), and calls succeed again once the lock is gone. The lock is held 4 s: longer than
// its detection (one timeout) plus the three callers (two timeouts and a pool wait).
void TestPgStore::slowStatementsTimeOut()
{
    const QString psql = wfs::test::PgCluster::binDir() + "/psql";
    if (!QFile::exists(psql))
        WFS_SKIP_UNLESS_REQUIRED("psql is not installed");
    auto b = backend("timeout", "t", 1, 800);
    QVERIFY(b);
    const QString db = QStringLiteral("timeout_%1").arg(m_dbCounter);
    QProcess locker;
    locker.setProcessChannelMode(QProcess::MergedChannels);
    locker.start(psql, {"-h", "127.0.0.1", "-p", QString::number(m_pg.port()), "-U", "postgres",
                        "-d", db, "-v", "ON_ERROR_STOP=1", "-c",
                        "BEGIN; LOCK TABLE workflows IN ACCESS EXCLUSIVE MODE; "
                        "SELECT pg_sleep(4); COMMIT;"});
    QVERIFY(locker.waitForStarted());
    // Until the lock is held, count() succeeds; then it times out.
    QElapsedTimer waited;
    waited.start();
    bool locked = false;
    while (!locked && waited.elapsed() < 2000) {
        locked = !b->workflows().count();
        if (!locked)
            QTest::qWait(20);
    }
    QVERIFY2(locked, "psql did not take the lock");
    const Json wf = Json::parse(kFixtures)[0];
    std::vector<std::thread> threads;
    std::vector<std::string> errors(3);
    std::vector<qint64> took(3);
    for (int i = 0; i < 3; ++i) {
        threads.emplace_back([&, i] {
            QElapsedTimer t;
            t.start();
            auto r = b->workflows().upsert(wf, {});
            took[std::size_t(i)] = t.elapsed();
            errors[std::size_t(i)] = r ? std::string("succeeded") : r.error();
        });
    }
    for (auto &t : threads)
        t.join();
    for (int i = 0; i < 3; ++i) {
        const QString e = QString::fromStdString(errors[std::size_t(i)]);
        QVERIFY2(e.contains("statement timeout") || e.contains("busy"), qPrintable(e));
        QVERIFY2(took[std::size_t(i)] < 2 * 800 + 700,
                 qPrintable(QString::number(took[std::size_t(i)])));
    }
    QVERIFY(locker.waitForFinished(10'000));
    QCOMPARE(locker.exitCode(), 0);
    auto ok = b->workflows().upsert(wf, {});
    WFS_VERIFY_RESULT(ok);
    QVERIFY(*ok);
    QCOMPARE(b->poolStats().peak, 1);
}

QTEST_GUILESS_MAIN(TestPgStore)
#include "tst_pgstore.moc"
