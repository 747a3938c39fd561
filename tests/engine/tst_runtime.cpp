// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// wfs::Runtime, the composition root: sessions persisted and restored across a re-open, cached
// answers invalidated when the workflow file changes on disk, a database that cannot be opened
// (degraded, still serving; why: corrupt, read-only folder, newer schema), moving a broken file
// aside and reopening a fresh one, a disabled database, warming from recorded usage.
#include "engine/runtime.h"

#include "engine/cache/resultcache.h"
#include "engine/session.h"
#include "engine/store/database.h"
#include "engine/store/metricsstore.h"
#include "engine/store/migrations.h"
#include "engine/store/sessionstore.h"
#include "engine/workflowrepository.h"

#include "testutil.h"

#include <QDateTime>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTemporaryFile>
#include <QTest>

using namespace wfs;

namespace {

Json demoWorkflow(const std::string &name)
{
    Json steps = Json::array();
    steps.push_back(Json{{"id", "step-one"}, {"title", "One"}, {"prompt", "Do one"}});
    steps.push_back(Json{{"id", "step-two"}, {"title", "Two"}, {"prompt", "Do two"}});
    return Json{{"id", "rt-demo"},
                {"name", name},
                {"description", "Runtime test workflow"},
                {"version", "0.1.0"},
                {"steps", steps}};
}

bool writeWorkflow(const QString &path, const std::string &name)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    const std::string text = demoWorkflow(name).dump(2);
    return f.write(text.data(), qint64(text.size())) == qint64(text.size());
}

Runtime::Options optionsFor(const QString &workflowDir, const QString &dbPath)
{
    Runtime::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.workflowDirs = {workflowDir.toStdString()};
    o.databasePath = dbPath.toStdString();
    o.sessionFlushMs = 20;
    o.metricsPersistMs = 100;
    return o;
}

std::string nameOf(const ToolResult &r)
{
    return r.payload.is_object() && r.payload.contains("name") && r.payload["name"].is_string()
               ? r.payload["name"].get<std::string>()
               : std::string("<none>");
}

bool writeBytes(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

bool canCreateIn(const QString &dir)
{
    QTemporaryFile probe(dir + QStringLiteral("/probe-XXXXXX"));
    return probe.open();
}

// Makes `dir` read-only for this process: its permission bits, and for root (who ignores
// those) the immutable attribute where the file system has it. False when neither works.
bool makeReadOnly(const QString &dir)
{
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::ExeOwner | QFile::ReadGroup |
                                   QFile::ExeGroup | QFile::ReadOther | QFile::ExeOther);
    if (!canCreateIn(dir))
        return true;
    QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("+i"), dir});
    return !canCreateIn(dir);
}

void makeWritable(const QString &dir)
{
    QProcess::execute(QStringLiteral("chattr"), {QStringLiteral("-i"), dir});
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

// Rows in `table` of the database file at `path` (-1 when it cannot be read).
std::int64_t rowCount(const QString &path, const std::string &table)
{
    auto db = store::Database::open(path.toStdString());
    if (!db)
        return -1;
    Result<std::int64_t> n = (*db)->queryInt("SELECT count(*) FROM " + table);
    return n ? *n : -1;
}

// A migrated database at `path` with a counter sample 40 days old ("test.old") and, when
// `recent`, one of a second ago ("test.recent").
Result<void> seedMetrics(const QString &path, bool recent)
{
    const std::int64_t nowMs = QDateTime::currentMSecsSinceEpoch();
    auto db = store::Database::open(path.toStdString());
    if (!db)
        return Result<void>::failure(db.error());
    if (auto m = store::migrate(**db); !m)
        return Result<void>::failure(m.error());
    store::MetricsStore ms(**db);
    if (auto w = ms.writeCounters({{"test.old", 1}}, nowMs - 40LL * 86'400'000); !w)
        return w;
    if (recent)
        return ms.writeCounters({{"test.recent", 2}}, nowMs - 1000);
    return {};
}

} // namespace

class TestRuntime : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void sessionsSurviveReopen();
    void restoresOnlyRecentSessions_data();
    void restoresOnlyRecentSessions();
    void cachedAnswerInvalidatedByFileChange();
    void unwritableDatabaseDegrades_data();
    void unwritableDatabaseDegrades();
    void disabledDatabaseIsHealthy();
    void databaseProblemIsNamed_data();
    void databaseProblemIsNamed();
    void corruptDatabaseMovedAsideAndReopened();
    void newerSchemaIsNotTouched();
    void readOnlyFolderCannotMoveAside();
    void warmsFromRecordedUsage();
    void prunesMetricsOlderThanRetention_data();
    void prunesMetricsOlderThanRetention();
    void retentionChangeAppliesWhileRunning();
    void publishedMirrorOfADeadProcessIsRemoved();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_workflows;
};

void TestRuntime::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_workflows = m_dir->filePath(QStringLiteral("workflows"));
    QVERIFY(QDir().mkpath(m_workflows));
    QVERIFY(writeWorkflow(m_workflows + QStringLiteral("/rt-demo.json"), "Version A"));
}

// A session attributed through toolCall is written behind to the file database and comes back
// (workflow, completed steps, context, call count) when a new Runtime opens the same file.
void TestRuntime::sessionsSurviveReopen()
{
    const QString db = m_dir->filePath(QStringLiteral("rt.db"));
    const CallContext ctx{"sess-reopen", "test"};
    {
        Runtime rt(optionsFor(m_workflows, db));
        QVERIFY2(rt.database(), rt.databaseError().c_str());
        QVERIFY2(rt.databaseOpenMs() < 250, qPrintable(QString::number(rt.databaseOpenMs())));
        const ToolResult r = rt.toolCall("workflow_next",
                                         Json{{"workflowId", "rt-demo"},
                                              {"completedSteps", Json::array({"step-one"})},
                                              {"context", Json{{"color", "blue"}}}},
                                         ctx);
        QVERIFY(!r.isError);
        QCOMPARE(r.payload["step"]["id"].get<std::string>(), std::string("step-two"));
        QVERIFY(rt.sessions().get("sess-reopen").has_value());
        // The embedded database's session store: the call log once written behind.
        QVERIFY(rt.sessionStore());
        rt.flush();
        const auto calls = rt.sessionStore()->calls("sess-reopen");
        QVERIFY2(calls, calls ? "" : calls.error().c_str());
        QCOMPARE(calls->size(), std::size_t(1));
        QCOMPARE(calls->front().stepId, std::string("step-two"));
    } // the destructor writes what is pending
    Runtime again(optionsFor(m_workflows, db));
    QVERIFY(again.database());
    const std::optional<Session> s = again.sessions().get("sess-reopen");
    QVERIFY(s.has_value());
    QCOMPARE(s->workflowId, std::string("rt-demo"));
    QCOMPARE(s->client, std::string("test"));
    QCOMPARE(s->calls, 1);
    QVERIFY(s->completedSteps == Json::array({"step-one"}));
    QCOMPARE(s->context.value("color", ""), std::string("blue"));
    QCOMPARE(s->currentStep.value("id", ""), std::string("step-two"));
}

void TestRuntime::restoresOnlyRecentSessions_data()
{
    QTest::addColumn<int>("limit");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("default: all 3 (under 200)") << 200 << QStringList{"s-1", "s-2", "s-3"};
    QTest::newRow("2: the most recently updated") << 2 << QStringList{"s-2", "s-3"};
    QTest::newRow("0: none (wfstudio mcp)") << 0 << QStringList{};
}

// Start-up loads a bounded number of past sessions, most recently updated first: the history
// in the database grows with every run, the memory of a new process must not.
void TestRuntime::restoresOnlyRecentSessions()
{
    QFETCH(int, limit);
    QFETCH(QStringList, expected);
    const QString db = m_dir->filePath(QStringLiteral("recent.db"));
    {
        Runtime rt(optionsFor(m_workflows, db));
        for (const char *id : {"s-1", "s-2", "s-3"}) {
            (void)rt.toolCall("workflow_next",
                              Json{{"workflowId", "rt-demo"}, {"completedSteps", Json::array()}},
                              CallContext{id, "test"});
            QTest::qWait(5); // distinct updated_at
        }
    }
    Runtime::Options o = optionsFor(m_workflows, db);
    o.restoreSessions = limit;
    Runtime again(o);
    QStringList restored;
    for (const Session &s : again.sessions().list())
        restored << QString::fromStdString(s.id);
    restored.sort();
    QCOMPARE(restored, expected);
}

// The second identical workflow_get is an L1 hit; after the file changes on disk the next read
// is the new version (never the cached old one), both through an explicit reload and through
// the file watcher.
void TestRuntime::cachedAnswerInvalidatedByFileChange()
{
    Runtime rt(optionsFor(m_workflows, QStringLiteral(":memory:")));
    const Json args{{"id", "rt-demo"}, {"mode", "metadata"}};
    QCOMPARE(nameOf(rt.toolCall("workflow_get", args)), std::string("Version A"));
    const std::uint64_t hitsBefore = rt.cache().stats().l1.hits;
    QCOMPARE(nameOf(rt.toolCall("workflow_get", args)), std::string("Version A"));
    QCOMPARE(rt.cache().stats().l1.hits, hitsBefore + 1);

    QVERIFY(writeWorkflow(m_workflows + QStringLiteral("/rt-demo.json"), "Version B"));
    rt.engine().repository().reload();
    QCOMPARE(nameOf(rt.toolCall("workflow_get", args)), std::string("Version B"));

    // Now only the watcher knows (debounced reload in the event loop).
    QVERIFY(writeWorkflow(m_workflows + QStringLiteral("/rt-demo.json"), "Version C"));
    QTRY_COMPARE_WITH_TIMEOUT(nameOf(rt.toolCall("workflow_get", args)), std::string("Version C"),
                              5000);
    const Json list = rt.toolCall("workflow_list", Json::object()).payload;
    QCOMPARE(list["workflows"][0]["name"].get<std::string>(), std::string("Version C"));
}

void TestRuntime::unwritableDatabaseDegrades_data()
{
    QTest::addColumn<QString>("relative");
    // A regular file where a directory would have to be: nobody (root included) can create it.
    QTest::newRow("parent is a regular file") << QStringLiteral("plain.txt/sub/rt.db");
    QTest::newRow("path is a directory") << QStringLiteral("workflows");
}

// The database cannot be opened: every tool still answers, sessions live in memory, health is
// "degraded" (not unhealthy) and names the reason.
void TestRuntime::unwritableDatabaseDegrades()
{
    QFETCH(QString, relative);
    QFile plain(m_dir->filePath(QStringLiteral("plain.txt")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.write("not a directory");
    plain.close();

    Runtime rt(optionsFor(m_workflows, m_dir->filePath(relative)));
    QVERIFY(rt.database() == nullptr);
    QVERIFY(!rt.databaseError().empty());
    const ToolResult r = rt.toolCall("workflow_next", Json{{"workflowId", "rt-demo"}},
                                     CallContext{"sess-mem", "test"});
    QVERIFY(!r.isError);
    QCOMPARE(r.payload["step"]["id"].get<std::string>(), std::string("step-one"));
    QVERIFY(rt.sessions().get("sess-mem").has_value());
    QCOMPARE(nameOf(rt.toolCall("workflow_get", Json{{"id", "rt-demo"}})),
             std::string("Version A"));

    const metrics::HealthReport h = rt.health();
    QCOMPARE(int(h.status), int(metrics::HealthStatus::Degraded));
    const auto db = std::find_if(h.checks.begin(), h.checks.end(),
                                 [](const auto &c) { return c.name == "database"; });
    QVERIFY(db != h.checks.end());
    QCOMPARE(int(db->status), int(metrics::HealthStatus::Degraded));
    QVERIFY2(db->detail.find(rt.databaseError()) != std::string::npos, db->detail.c_str());
    QCOMPARE(h.toJson()["status"].get<std::string>(), std::string("degraded"));
}

// A runtime on an explicit store mirrors the published set into a folder named after its
// process; one left by a killed process (no destructor ran) is removed by the next runtime, one
// of a live process is left alone, and the runtime's own goes with it.
void TestRuntime::publishedMirrorOfADeadProcessIsRemoved()
{
    const QDir temp(QDir::tempPath());
    // pid 4194305 is above Linux's pid_max: no such process.
    const QString dead = temp.filePath(QStringLiteral("wfs-published-4194305-test"));
    const QString alive = temp.filePath(
        QStringLiteral("wfs-published-%1-test").arg(QCoreApplication::applicationPid()));
    QVERIFY(QDir().mkpath(dead + QStringLiteral("/x")));
    QVERIFY(QDir().mkpath(alive));
    QString own;
    {
        Runtime::Options o = optionsFor(m_workflows, QString());
        o.databasePath.clear();
        o.storeUrl = "sqlite:" + (m_dir->path() + QStringLiteral("/published.db")).toStdString();
        Runtime runtime(o);
        QVERIFY(!QFileInfo::exists(dead));
        QVERIFY(QFileInfo::exists(alive));
        const QStringList mine = temp.entryList(
            {QStringLiteral("wfs-published-%1-*").arg(QCoreApplication::applicationPid())},
            QDir::Dirs);
        QCOMPARE(mine.size(), 2); // `alive` and the runtime's own
        for (const QString &name : mine)
            if (!name.endsWith(QLatin1String("-test")))
                own = temp.filePath(name);
        QVERIFY(QFileInfo::exists(own));
    }
    QVERIFY(!QFileInfo::exists(own));
    QVERIFY(QDir(alive).removeRecursively());
}

void TestRuntime::disabledDatabaseIsHealthy()
{
    Runtime::Options o = optionsFor(m_workflows, {});
    o.storage = Runtime::Storage::Disabled;
    Runtime rt(o);
    QVERIFY(rt.database() == nullptr);
    QVERIFY(rt.sessionStore() == nullptr);
    QVERIFY(rt.databaseError().empty());
    QVERIFY(!rt.toolCall("workflow_list", Json::object()).isError);
    const metrics::HealthReport h = rt.health();
    const auto db = std::find_if(h.checks.begin(), h.checks.end(),
                                 [](const auto &c) { return c.name == "database"; });
    QVERIFY(db != h.checks.end());
    QCOMPARE(int(db->status), int(metrics::HealthStatus::Healthy));
}

void TestRuntime::databaseProblemIsNamed_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("problem");
    QTest::addColumn<QString>("reasonPart");
    QTest::addColumn<bool>("canMoveAside");
    using P = Runtime::DatabaseProblem;
    QTest::newRow("corrupt") << "corrupt" << int(P::Corrupt) << "not a database" << true;
    QTest::newRow("newer schema") << "newer" << int(P::NewerSchema) << "newer" << true;
    QTest::newRow("read-only folder") << "readonly" << int(P::ReadOnly) << "read-only" << false;
    QTest::newRow("path is a folder") << "folder" << int(P::Unavailable) << "rt.db" << false;
}

// A database that does not open says why, in the words a person can act on, and whether the
// file can be moved aside.
void TestRuntime::databaseProblemIsNamed()
{
    QFETCH(QString, kind);
    QFETCH(int, problem);
    QFETCH(QString, reasonPart);
    QFETCH(bool, canMoveAside);
    const QString folder = m_dir->filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(folder));
    const QString db = folder + QStringLiteral("/rt.db");
    const auto restore = qScopeGuard([&] { makeWritable(folder); });
    if (kind == QLatin1String("corrupt") || kind == QLatin1String("readonly")) {
        QVERIFY(writeBytes(db, QByteArray("this is no SQLite file\n").repeated(200)));
    } else if (kind == QLatin1String("newer")) {
        auto made = store::Database::open(db.toStdString());
        QVERIFY(made);
        QVERIFY((*made)->setUserVersion(store::latestSchemaVersion() + 7));
    } else {
        QVERIFY(QDir().mkpath(db));
    }
    if (kind == QLatin1String("readonly") && !makeReadOnly(folder))
        WFS_SKIP_UNLESS_REQUIRED(
            "cannot make a folder read-only for this user on this file system");

    Runtime rt(optionsFor(m_workflows, db));
    QVERIFY(rt.database() == nullptr);
    const Runtime::DatabaseState s = rt.databaseState();
    QVERIFY(!s.open);
    QVERIFY(!s.disabled);
    QCOMPARE(int(s.problem), problem);
    QCOMPARE(QString::fromStdString(s.path), db);
    QVERIFY2(QString::fromStdString(s.reason).contains(reasonPart), s.reason.c_str());
    QCOMPARE(s.reason, rt.databaseError());
    QCOMPARE(s.canMoveAside, canMoveAside);
    // Still serving from memory.
    QVERIFY(!rt.toolCall("workflow_list", Json::object()).isError);
}

// Garbage where the database should be: moved aside under a dated name (kept for inspection),
// a fresh database opened in its place, and sessions are persisted again.
void TestRuntime::corruptDatabaseMovedAsideAndReopened()
{
    const QString db = m_dir->filePath(QStringLiteral("rt.db"));
    const QByteArray garbage = QByteArray("garbage, not SQLite\n").repeated(100);
    QVERIFY(writeBytes(db, garbage));
    Runtime rt(optionsFor(m_workflows, db));
    QVERIFY(rt.database() == nullptr);
    QVERIFY(rt.sessionStore() == nullptr);
    QCOMPARE(int(rt.databaseState().problem), int(Runtime::DatabaseProblem::Corrupt));
    QVERIFY(!rt.reopenDatabase()); // still broken: the same file
    QCOMPARE(int(rt.health().status), int(metrics::HealthStatus::Degraded));

    const Result<std::string> moved = rt.moveDatabaseAside();
    QVERIFY2(moved, moved ? "" : moved.error().c_str());
    const QString aside = QString::fromStdString(*moved);
    QVERIFY2(QFileInfo(aside).fileName().contains(
                 QRegularExpression(QStringLiteral("^rt\\.db\\.broken-\\d{8}-\\d{6}"))),
             qPrintable(aside));
    QFile asideFile(aside);
    QVERIFY(asideFile.open(QIODevice::ReadOnly));
    QCOMPARE(asideFile.readAll(), garbage);
    QVERIFY(!QFile::exists(db));

    QSignalSpy reopened(&rt, &Runtime::databaseReopened);
    const Result<void> r = rt.reopenDatabase();
    QVERIFY2(r, r ? "" : r.error().c_str());
    QCOMPARE(reopened.count(), 1);
    QVERIFY(rt.database() != nullptr);
    QVERIFY(rt.sessionStore() != nullptr);
    const Runtime::DatabaseState s = rt.databaseState();
    QVERIFY(s.open);
    QCOMPARE(int(s.problem), int(Runtime::DatabaseProblem::None));
    QVERIFY(s.reason.empty());
    QCOMPARE(int(rt.health().status), int(metrics::HealthStatus::Healthy));
    QVERIFY(!rt.moveDatabaseAside()); // an open database is never moved

    QVERIFY(!rt.toolCall("workflow_next", Json{{"workflowId", "rt-demo"}},
                         CallContext{"sess-fresh", "test"})
                 .isError);
    rt.flush();
    QCOMPARE(rowCount(db, "sessions"), std::int64_t(1));
}

// A database of a newer version is refused and left exactly as it is: reopening does not
// migrate or touch it; only an explicit move aside replaces it.
void TestRuntime::newerSchemaIsNotTouched()
{
    const QString db = m_dir->filePath(QStringLiteral("rt.db"));
    const int newer = store::latestSchemaVersion() + 1;
    {
        auto made = store::Database::open(db.toStdString());
        QVERIFY(made);
        QVERIFY((*made)->exec("CREATE TABLE future(x)"));
        QVERIFY((*made)->setUserVersion(newer));
    }
    Runtime rt(optionsFor(m_workflows, db));
    QCOMPARE(int(rt.databaseState().problem), int(Runtime::DatabaseProblem::NewerSchema));
    QVERIFY(!rt.reopenDatabase());
    QCOMPARE(int(rt.databaseState().problem), int(Runtime::DatabaseProblem::NewerSchema));
    {
        auto again = store::Database::open(db.toStdString());
        QVERIFY(again);
        QCOMPARE(*(*again)->userVersion(), newer);
        QVERIFY((*again)->queryInt("SELECT count(*) FROM future"));
    }
    const Result<std::string> moved = rt.moveDatabaseAside();
    QVERIFY2(moved, moved ? "" : moved.error().c_str());
    QVERIFY(rt.reopenDatabase());
    QVERIFY(rt.database() != nullptr);
    QCOMPARE(*rt.database()->userVersion(), store::latestSchemaVersion());
}

// A read-only folder: said so; the file cannot be moved aside (and nothing is lost trying),
// the runtime keeps serving without persistence; once the folder is writable again, a reopen
// works.
void TestRuntime::readOnlyFolderCannotMoveAside()
{
    const QString folder = m_dir->filePath(QStringLiteral("ro"));
    QVERIFY(QDir().mkpath(folder));
    const QString db = folder + QStringLiteral("/rt.db");
    {
        auto made = store::Database::open(db.toStdString(), store::Database::Options{});
        QVERIFY(made);
    }
    QFile::remove(db + QStringLiteral("-wal"));
    QFile::remove(db + QStringLiteral("-shm"));
    const auto restore = qScopeGuard([&] { makeWritable(folder); });
    if (!makeReadOnly(folder))
        WFS_SKIP_UNLESS_REQUIRED(
            "cannot make a folder read-only for this user on this file system");
    Runtime rt(optionsFor(m_workflows, db));
    QVERIFY(rt.database() == nullptr);
    const Runtime::DatabaseState s = rt.databaseState();
    QCOMPARE(int(s.problem), int(Runtime::DatabaseProblem::ReadOnly));
    QVERIFY2(QString::fromStdString(s.reason).contains(QStringLiteral("read-only")),
             s.reason.c_str());
    QVERIFY(!s.canMoveAside);
    const Result<std::string> moved = rt.moveDatabaseAside();
    QVERIFY(!moved);
    QVERIFY2(QString::fromStdString(moved.error()).contains(QStringLiteral("read-only")),
             moved.error().c_str());
    QVERIFY(QFile::exists(db));
    QVERIFY(!rt.toolCall("workflow_next", Json{{"workflowId", "rt-demo"}},
                         CallContext{"sess-ro", "test"})
                 .isError);

    makeWritable(folder);
    QVERIFY(rt.reopenDatabase());
    QVERIFY(rt.database() != nullptr);
    // The session served from memory meanwhile is kept in the reopened database.
    rt.flush();
    QCOMPARE(rowCount(db, "sessions"), std::int64_t(1));
}

// Usage recorded by one run (persisted at shutdown) warms the cache of the next: its first
// workflow_get is an L1 hit.
void TestRuntime::warmsFromRecordedUsage()
{
    const QString db = m_dir->filePath(QStringLiteral("warm.db"));
    {
        Runtime rt(optionsFor(m_workflows, db));
        QVERIFY(rt.database());
        for (int i = 0; i < 3; ++i)
            QVERIFY(!rt.toolCall("workflow_get", Json{{"id", "rt-demo"}}).isError);
    }
    Runtime rt(optionsFor(m_workflows, db));
    QVERIFY(rt.waitForWarming() > 0);
    const std::uint64_t hits = rt.cache().stats().l1.hits;
    QCOMPARE(nameOf(rt.toolCall("workflow_get", Json{{"id", "rt-demo"}})),
             std::string("Version A"));
    QCOMPARE(rt.cache().stats().l1.hits, hits + 1);
}

void TestRuntime::prunesMetricsOlderThanRetention_data()
{
    QTest::addColumn<int>("retentionDays");
    QTest::addColumn<bool>("oldKept");
    QTest::newRow("keep everything (0)") << 0 << true;
    QTest::newRow("30 days drops a 40-day-old sample") << 30 << false;
    QTest::newRow("60 days keeps a 40-day-old sample") << 60 << true;
}

void TestRuntime::prunesMetricsOlderThanRetention()
{
    QFETCH(int, retentionDays);
    QFETCH(bool, oldKept);
    const QString path = m_dir->filePath(QStringLiteral("retention-%1.db").arg(retentionDays));
    WFS_VERIFY_RESULT(seedMetrics(path, true));
    {
        Runtime::Options o = optionsFor(m_workflows, path);
        o.metricsRetentionDays = retentionDays;
        Runtime rt(o);
        QVERIFY(rt.database());
        rt.flush();
    }
    auto db = store::Database::open(path.toStdString());
    WFS_VERIFY_RESULT(db);
    store::MetricsStore ms(**db);
    auto counters = ms.latestCounters();
    WFS_VERIFY_RESULT(counters);
    QCOMPARE(counters->count("test.old") == 1, oldKept);
    QCOMPARE(counters->count("test.recent"), std::size_t(1));
}

// The settings dialog lowers the retention: the running runtime prunes with the new limit at
// its next persist, not an hour (or a restart) later.
void TestRuntime::retentionChangeAppliesWhileRunning()
{
    const QString path = m_dir->filePath(QStringLiteral("retention-live.db"));
    WFS_VERIFY_RESULT(seedMetrics(path, false));
    const auto oldKept = [&path]() -> bool {
        auto db = store::Database::open(path.toStdString());
        if (!db)
            return false;
        store::MetricsStore ms(**db);
        auto counters = ms.latestCounters();
        return counters && counters->count("test.old") == 1;
    };
    Runtime::Options o = optionsFor(m_workflows, path);
    o.metricsRetentionDays = 60;
    Runtime rt(o);
    QVERIFY(rt.database());
    rt.flush();
    QVERIFY(oldKept());
    rt.setMetricsRetentionDays(30);
    QCOMPARE(rt.metricsRetentionDays(), 30);
    rt.flush();
    QVERIFY(!oldKept());
}

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
