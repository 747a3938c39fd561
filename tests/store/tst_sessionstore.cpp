// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// SessionStore and the engine's SessionSink: save/load/list/remove, event log order, and a
// SessionManager restored from the database gets back what was saved.
#include "engine/session.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "engine/store/sessionsink.h"

#include "testutil.h"

#include <QCoreApplication>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <thread>

using namespace wfs;
using namespace wfs::store;

namespace {

// A migrated in-memory database, its SQLite sink and a write-behind manager on it.
struct WriteBehindStore
{
    std::unique_ptr<Database> db;
    std::shared_ptr<SqliteSessionSink> sink;
    SessionManager manager;

    WriteBehindStore()
    {
        auto opened = Database::openInMemory();
        if (!opened || !migrate(**opened))
            return;
        db = std::move(*opened);
        sink = std::make_shared<SqliteSessionSink>(*db);
        manager.setSink(sink);
        manager.setWriteBehind(true);
    }
};

} // namespace

class TestSessionStore : public QObject
{
    Q_OBJECT
private slots:
    void saveLoadRemove();
    void eventsInOrder();
    void sinkSurvivesRestart();
    void flushesKeepOneSavedEvent();
    void pruneBounds_data();
    void pruneBounds();
    void endedAndTransientSessions();
    void memoryLimitKeepsPersistedSessionsOut();
    void signalsFromOtherThreadsAreCoalesced();
};

void TestSessionStore::saveLoadRemove()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    SessionStore ss(**db);
    WFS_VERIFY_RESULT(ss.save({"a", "wf-1", "cli", "active", R"({"x":1})", 100, 100}));
    WFS_VERIFY_RESULT(ss.save({"b", "wf-2", "studio", "active", "{}", 200, 300}));
    WFS_VERIFY_RESULT(ss.save({"a", "wf-1", "cli", "complete", R"({"x":2})", 999, 400}));
    auto a = ss.load("a");
    WFS_VERIFY_RESULT(a);
    QVERIFY(a->has_value());
    QCOMPARE((*a)->status, std::string("complete"));
    QCOMPARE((*a)->state, std::string(R"({"x":2})"));
    QCOMPARE((*a)->createdAtMs, std::int64_t(100)); // kept from the first save
    auto all = ss.loadAll();
    WFS_VERIFY_RESULT(all);
    QCOMPARE(all->size(), std::size_t(2));
    QCOMPARE(all->front().id, std::string("a")); // most recently updated first
    auto removed = ss.remove("a");
    WFS_VERIFY_RESULT(removed);
    QVERIFY(*removed);
    auto gone = ss.load("a");
    WFS_VERIFY_RESULT(gone);
    QVERIFY(!gone->has_value());
    QVERIFY(!ss.save({"", "wf", "", "active", "{}", 0, 0}));
}

void TestSessionStore::eventsInOrder()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    SessionStore ss(**db);
    WFS_VERIFY_RESULT(ss.save({"s", "wf", "cli", "active", "{}", 1, 1}));
    std::int64_t last = 0;
    for (int i = 0; i < 20; ++i) {
        auto seq = ss.appendEvent("s", "call", "{\"i\":" + std::to_string(i) + "}");
        WFS_VERIFY_RESULT(seq);
        QVERIFY(*seq > last);
        last = *seq;
    }
    auto ev = ss.events("s", 0);
    WFS_VERIFY_RESULT(ev);
    QCOMPARE(ev->size(), std::size_t(20));
    QCOMPARE(ev->back().payload, std::string("{\"i\":19}"));
    auto tail = ss.events("s", (*ev)[17].seq);
    WFS_VERIFY_RESULT(tail);
    QCOMPARE(tail->size(), std::size_t(2));
    // Removing the session removes its log.
    WFS_VERIFY_RESULT(ss.remove("s"));
    auto none = ss.events("s");
    WFS_VERIFY_RESULT(none);
    QVERIFY(none->empty());
}

void TestSessionStore::sinkSurvivesRestart()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("s.db").toStdString();
    std::string id;
    {
        auto db = Database::open(path);
        WFS_VERIFY_RESULT(db);
        WFS_VERIFY_RESULT(migrate(**db));
        auto sink = std::make_shared<SqliteSessionSink>(**db);
        SessionManager manager;
        manager.setSink(sink);
        id = manager.create("wf-x", "cli");
        manager.recordCall(
            id, "cli", "workflow_next", Json{{"workflowId", "wf-x"}},
            Json{{"isComplete", false}, {"step", nullptr}, {"context", Json::object()}}, false);
        QCOMPARE(sink->failures(), std::uint64_t(0));
        auto events = sink->store().events(id);
        WFS_VERIFY_RESULT(events);
        QVERIFY(!events->empty());
    }
    auto db = Database::open(path);
    WFS_VERIFY_RESULT(db);
    SqliteSessionSink sink(**db);
    SessionManager restored;
    auto n = sink.restoreInto(restored);
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, 1);
    auto s = restored.get(id);
    QVERIFY(s.has_value());
    QCOMPARE(s->workflowId, std::string("wf-x"));
    QCOMPARE(s->client, std::string("cli"));
}

// Every flush used to append a "saved" event: a session flushed 500 times had 500 rows. The
// snapshot event is replaced instead; the call log keeps every call.
void TestSessionStore::flushesKeepOneSavedEvent()
{
    WriteBehindStore f;
    QVERIFY(f.sink);
    auto &sink = f.sink;
    auto &manager = f.manager;
    const std::string id = manager.create("wf-x", "cli");
    for (int i = 0; i < 500; ++i) {
        manager.recordCall(id, "cli", "workflow_next", Json{{"workflowId", "wf-x"}},
                           Json{{"isComplete", false}, {"step", nullptr}}, false);
        manager.flushPending();
    }
    auto events = sink->store().events(id);
    WFS_VERIFY_RESULT(events);
    QCOMPARE(events->size(), std::size_t(1));
    QVERIFY(events->front().payload.find("\"calls\":500") != std::string::npos);
    auto calls = sink->store().calls(id);
    WFS_VERIFY_RESULT(calls);
    QCOMPARE(calls->size(), std::size_t(500));
    QCOMPARE(sink->failures(), std::uint64_t(0));
}

void TestSessionStore::pruneBounds_data()
{
    QTest::addColumn<qint64>("beforeMs");
    QTest::addColumn<int>("keepSessions");
    QTest::addColumn<qint64>("keepCalls");
    QTest::addColumn<QStringList>("left"); ///< sessions left
    QTest::addColumn<int>("callsLeft");
    // Sessions s1..s4 updated at 1000..4000, with 3 calls each (seq 1-3 for s1, ...).
    QTest::newRow("by age") << 2500ll << 0 << 0ll << QStringList{"s3", "s4"} << 6;
    QTest::newRow("by count") << 0ll << 3 << 0ll << QStringList{"s2", "s3", "s4"} << 9;
    QTest::newRow("by age and count") << 1500ll << 1 << 0ll << QStringList{"s4"} << 3;
    QTest::newRow("call log only") << 0ll << 0 << 4ll << QStringList{"s1", "s2", "s3", "s4"} << 4;
    QTest::newRow("nothing to do")
        << 0ll << 10 << 100ll << QStringList{"s1", "s2", "s3", "s4"} << 12;
}

void TestSessionStore::pruneBounds()
{
    QFETCH(qint64, beforeMs);
    QFETCH(int, keepSessions);
    QFETCH(qint64, keepCalls);
    QFETCH(QStringList, left);
    QFETCH(int, callsLeft);
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    SessionStore store(**db);
    for (int i = 1; i <= 4; ++i) {
        SessionRecord r;
        r.id = "s" + std::to_string(i);
        r.workflowId = "wf";
        r.createdAtMs = r.updatedAtMs = i * 1000;
        WFS_VERIFY_RESULT(store.save(r));
        WFS_VERIFY_RESULT(store.replaceEvent(r.id, "saved", "{}", r.updatedAtMs));
        for (int c = 0; c < 3; ++c) {
            CallRecord call;
            call.sessionId = r.id;
            call.workflowId = "wf";
            call.atMs = r.updatedAtMs;
            call.tool = "workflow_next";
            WFS_VERIFY_RESULT(store.appendCall(call));
        }
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
        // Events go with their session.
        QCOMPARE(e->size(), std::size_t(left.contains(QStringLiteral("s%1").arg(i))));
    }
    QCOMPARE(calls, callsLeft);
    QCOMPARE(pruned->calls, std::int64_t(12 - callsLeft - 3 * (4 - int(left.size()))));
}

// An MCP session that closes ends its engine session: saved as "ended". A load test's session
// is never written and is forgotten when it ends.
void TestSessionStore::endedAndTransientSessions()
{
    WriteBehindStore f;
    QVERIFY(f.sink);
    auto &sink = f.sink;
    auto &manager = f.manager;
    const Json args{{"workflowId", "wf-x"}};
    const Json answer{{"isComplete", false}, {"step", nullptr}};
    manager.recordCall("agent", "Claude (http:1)", "workflow_next", args, answer, false);
    manager.recordCall("load", "workflow-studio-loadtest (http:2)", "workflow_next", args, answer,
                       false, /*persist=*/false);
    manager.flushPending();
    QVERIFY(manager.end("agent"));
    QVERIFY(manager.end("load"));
    QVERIFY(!manager.end("unknown"));
    manager.flushPending();
    auto agent = sink->store().load("agent");
    WFS_VERIFY_RESULT(agent);
    QVERIFY(agent->has_value());
    QCOMPARE((*agent)->status, std::string("ended"));
    auto load = sink->store().load("load");
    WFS_VERIFY_RESULT(load);
    QVERIFY(!load->has_value());
    QVERIFY(manager.get("agent").has_value());
    QVERIFY(manager.get("agent")->ended);
    QVERIFY(!manager.get("load").has_value());
    // A restored ended session stays ended.
    SessionManager restored;
    WFS_VERIFY_RESULT(sink->restoreInto(restored));
    QVERIFY(restored.get("agent")->ended);
}

void TestSessionStore::memoryLimitKeepsPersistedSessionsOut()
{
    WriteBehindStore f;
    QVERIFY(f.sink);
    auto &sink = f.sink;
    auto &manager = f.manager;
    manager.setMemoryLimit(10);
    const Json answer{{"isComplete", false}, {"step", nullptr}};
    for (int i = 0; i < 30; ++i) {
        manager.recordCall("s" + std::to_string(i), "c", "workflow_next",
                           Json{{"workflowId", "wf"}}, answer, false);
        if (i == 5)
            manager.end("s5"); // ended: the first to go
    }
    QCOMPARE(manager.size(), std::size_t(30)); // nothing is dropped before it is persisted
    manager.flushPending();
    QCOMPARE(manager.size(), std::size_t(10));
    QVERIFY(!manager.get("s5").has_value());
    QVERIFY(manager.get("s29").has_value()); // the most recent stay
    auto stored = sink->store().sessionCount();
    WFS_VERIFY_RESULT(stored);
    QCOMPARE(*stored, std::int64_t(30)); // all of them are in the store
}

// Calls recorded on other threads (the listener's) are signalled on the manager's thread,
// coalesced: each changed session once per batch, not once per call.
void TestSessionStore::signalsFromOtherThreadsAreCoalesced()
{
    int argc = 1;
    char name[] = "tst_sessionstore";
    char *argv[] = {name, nullptr};
    QCoreApplication app(argc, argv);
    SessionManager manager;
    int updated = 0, created = 0;
    QSet<QString> seen;
    connect(&manager, &SessionManager::sessionUpdated, &manager, [&](const QString &id) {
        QCOMPARE(QThread::currentThread(), manager.thread());
        ++updated;
        seen.insert(id);
    });
    connect(&manager, &SessionManager::sessionCreated, &manager, [&] { ++created; });
    const Json answer{{"isComplete", false}, {"step", nullptr}};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&manager, &answer, t] {
            for (int i = 0; i < 2500; ++i)
                manager.recordCall("s" + std::to_string(t * 10 + i % 10), "c", "workflow_next",
                                   Json{{"workflowId", "wf"}}, answer, false);
        });
    }
    for (std::thread &th : threads)
        th.join();
    QTRY_COMPARE(seen.size(), 40);
    QTest::qWait(3 * SessionManager::kNotifyIntervalMs);
    QCOMPARE(created, 40);
    // 10,000 calls: before, 10,000 queued signals; now a handful of batches of 40.
    QVERIFY2(updated <= 40 * 5, qPrintable(QString::number(updated)));
    // A call on the manager's own thread is signalled at once.
    const int before = updated;
    manager.recordCall("s0", "c", "workflow_next", Json{{"workflowId", "wf"}}, answer, false);
    QCOMPARE(updated, before + 1);
}

QTEST_APPLESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
