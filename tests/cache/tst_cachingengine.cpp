// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The caching decorator over the real engine. Contract: an answer through the cache is always
// the answer the engine would give now — after an edit on disk, a studio save (override), or a
// restart with an L2 database written before the file changed, the next read is fresh.
#include "engine/cache/cachingengine.h"
#include "engine/cache/l2cache.h"
#include "engine/session.h"
#include "engine/store/database.h"
#include "engine/store/metricsstore.h"
#include "engine/store/migrations.h"
#include "engine/workflowrepository.h"

#include "testfiles.h"
#include "testutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wfs;
using wfs::test::writeFile;
using namespace wfs::cache;

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestCachingEngine : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void sameAnswersAsEngine_data();
    void sameAnswersAsEngine();
    void editOnDiskIsSeenAtOnce();
    void studioSaveIsSeenAtOnce();
    void restartAfterEditNeverServesOldL2();
    void loopCallsBypass();
    void sessionCallsAreCachedAndRecorded();
    void warmingFillsTheCache();
    void oldVersionTablesAreFreed();
    void latencyIsRecorded();

private:
    void writeWorkflow(const QString &id, const QString &name, const QString &extraStep = {});
    Engine::Options options() const;
    QTemporaryDir m_dir;
};

void TestCachingEngine::writeWorkflow(const QString &id, const QString &name,
                                      const QString &extraStep)
{
    QFile f(m_dir.filePath(id + QStringLiteral(".json")));
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    const QString json = QStringLiteral(R"({"id": "%1", "name": "%2", "description": "test flow",
        "version": "1.0.0", "steps": [
          {"id": "first", "title": "First", "prompt": "Do the first thing",
           "validationCriteria": [{"type": "contains", "value": "done", "message": "say done"}]},
          {"id": "second", "title": "Second", "prompt": "Then the second",
           "runCondition": {"var": "mode", "equals": "full"}}%3]})")
                             .arg(id, name, extraStep);
    f.write(json.toUtf8());
}

Engine::Options TestCachingEngine::options() const
{
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {m_dir.path().toStdString()};
    return o;
}

void TestCachingEngine::init()
{
    QVERIFY(m_dir.isValid());
    QDir(m_dir.path()).removeRecursively();
    QDir().mkpath(m_dir.path());
    writeWorkflow(QStringLiteral("alpha-flow"), QStringLiteral("Alpha"));
    writeWorkflow(QStringLiteral("beta-flow"), QStringLiteral("Beta"),
                  QStringLiteral(R"(, {"id": "loop-it", "type": "loop", "title": "Loop",
                      "loop": {"type": "for", "count": 2, "maxIterations": 5},
                      "body": [{"id": "inner", "title": "Inner", "prompt": "again"}]})"));
}

void TestCachingEngine::sameAnswersAsEngine_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("args");
    QTest::newRow("list") << "workflow_list"
                          << "{}";
    QTest::newRow("get preview") << "workflow_get"
                                 << R"({"id": "alpha-flow"})";
    QTest::newRow("get metadata") << "workflow_get"
                                  << R"({"id": "alpha-flow", "mode": "metadata"})";
    QTest::newRow("get unknown id") << "workflow_get"
                                    << R"({"id": "nope"})";
    QTest::newRow("get numeric id") << "workflow_get"
                                    << R"({"id": 123})";
    QTest::newRow("get missing id") << "workflow_get"
                                    << "{}";
    QTest::newRow("next first") << "workflow_next"
                                << R"({"workflowId": "alpha-flow"})";
    QTest::newRow("next with context")
        << "workflow_next"
        << R"({"workflowId": "alpha-flow", "completedSteps": ["first"], "context": {"mode": "full"}})";
    QTest::newRow("next complete")
        << "workflow_next"
        << R"({"workflowId": "alpha-flow", "completedSteps": ["first"]})";
    QTest::newRow("validate ok")
        << "workflow_validate"
        << R"({"workflowId": "alpha-flow", "stepId": "first", "output": "I am done"})";
    QTest::newRow("validate fails")
        << "workflow_validate"
        << R"({"workflowId": "alpha-flow", "stepId": "first", "output": "nope"})";
    QTest::newRow("unknown tool") << "workflow_delete"
                                  << "{}";
    QTest::newRow("validate_json") << "workflow_validate_json"
                                   << R"({"workflowJson": "{}"})";
    QTest::newRow("non-object arguments") << "workflow_get"
                                          << "[1, 2]";
}

// Twice through the cache (miss, then hit) gives exactly the engine's answer.
void TestCachingEngine::sameAnswersAsEngine()
{
    QFETCH(QString, tool);
    QFETCH(QString, args);
    Engine engine(options());
    CachingEngine cached(engine, std::make_shared<ResultCache>(ResultCache::Options{}));
    const Json a = Json::parse(args.toStdString());
    const ToolResult direct = engine.callTool(tool.toStdString(), a);
    for (int round = 0; round < 2; ++round) {
        const ToolResult r = cached.callTool(tool.toStdString(), a);
        QCOMPARE(r.isError, direct.isError);
        QCOMPARE(r.contentText(), direct.contentText());
    }
}

void TestCachingEngine::editOnDiskIsSeenAtOnce()
{
    Engine engine(options());
    auto cache = std::make_shared<ResultCache>(ResultCache::Options{});
    CachingEngine cached(engine, cache);
    const Json get = {{"id", "alpha-flow"}};
    QCOMPARE(cached.callTool("workflow_get", get).payload.at("name").get<std::string>(),
             std::string("Alpha"));
    QCOMPARE(cached.callTool("workflow_get", get).payload.at("name").get<std::string>(),
             std::string("Alpha"));
    QCOMPARE(cached.callTool("workflow_list", Json::object()).payload.at("workflows").size(),
             std::size_t(2));
    QVERIFY(cache->stats().l1.hits >= 1);

    writeWorkflow(QStringLiteral("alpha-flow"), QStringLiteral("Alpha Edited"));
    writeWorkflow(QStringLiteral("gamma-flow"), QStringLiteral("Gamma"));
    engine.repository().reload();
    QCOMPARE(cached.callTool("workflow_get", get).payload.at("name").get<std::string>(),
             std::string("Alpha Edited"));
    const Json list = cached.callTool("workflow_list", Json::object()).payload;
    QCOMPARE(list.at("workflows").size(), std::size_t(3));
    // The engine's own answer agrees.
    QCOMPARE(cached.callTool("workflow_list", Json::object()).contentText(),
             engine.callTool("workflow_list", Json::object()).contentText());
    // Removing a workflow: its answers turn into "not found".
    QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("alpha-flow.json"))));
    engine.repository().reload();
    QVERIFY(cached.callTool("workflow_get", get).isError);
}

void TestCachingEngine::studioSaveIsSeenAtOnce()
{
    Engine engine(options());
    CachingEngine cached(engine, std::make_shared<ResultCache>(ResultCache::Options{}));
    const Json next = {{"workflowId", "alpha-flow"}};
    const std::string before = cached.callTool("workflow_next", next).contentText();
    QCOMPARE(cached.callTool("workflow_next", next).contentText(), before);
    Json edited = engine.snapshot()->find("alpha-flow")->workflow()->document();
    edited["steps"][0]["prompt"] = "Do the first thing, carefully";
    const QByteArray original = readAll(m_dir.filePath(QStringLiteral("alpha-flow.json")));
    writeFile(m_dir.filePath(QStringLiteral("alpha-flow.json")),
              QByteArray::fromStdString(edited.dump()));
    engine.repository().reload();
    const ToolResult after = cached.callTool("workflow_next", next);
    QCOMPARE(after.payload.at("step").at("prompt").get<std::string>(),
             std::string("Do the first thing, carefully"));
    QCOMPARE(after.contentText(), engine.callTool("workflow_next", next).contentText());
    // And back: the old content is served again, freshly.
    writeFile(m_dir.filePath(QStringLiteral("alpha-flow.json")), original);
    engine.repository().reload();
    QCOMPARE(cached.callTool("workflow_next", next).contentText(), before);
}

void TestCachingEngine::restartAfterEditNeverServesOldL2()
{
    QTemporaryDir dbDir;
    const std::string path = dbDir.filePath("cache.db").toStdString();
    const Json get = {{"id", "alpha-flow"}};
    {
        auto db = store::Database::open(path);
        WFS_VERIFY_RESULT(db);
        WFS_VERIFY_RESULT(store::migrate(**db));
        Engine engine(options());
        auto l2 = std::make_shared<L2Cache>(**db, L2Cache::Options{});
        CachingEngine cached(engine, std::make_shared<ResultCache>(ResultCache::Options{}, l2));
        QCOMPARE(cached.callTool("workflow_get", get).payload.at("name").get<std::string>(),
                 std::string("Alpha"));
        QVERIFY(l2->stats().entries >= 1);
    }
    // Unchanged file: the second run is served from L2.
    {
        auto db = store::Database::open(path);
        WFS_VERIFY_RESULT(db);
        Engine engine(options());
        auto cache = std::make_shared<ResultCache>(
            ResultCache::Options{}, std::make_shared<L2Cache>(**db, L2Cache::Options{}));
        CachingEngine cached(engine, cache);
        QCOMPARE(cached.callTool("workflow_get", get).payload.at("name").get<std::string>(),
                 std::string("Alpha"));
        QCOMPARE(cache->stats().l2.hits, std::uint64_t(1));
    }
    // The file changed while nothing ran: the old L2 row must not be used.
    writeWorkflow(QStringLiteral("alpha-flow"), QStringLiteral("Alpha v2"));
    auto db = store::Database::open(path);
    WFS_VERIFY_RESULT(db);
    Engine engine(options());
    auto cache = std::make_shared<ResultCache>(ResultCache::Options{},
                                               std::make_shared<L2Cache>(**db, L2Cache::Options{}));
    CachingEngine cached(engine, cache);
    QCOMPARE(cached.callTool("workflow_get", get).payload.at("name").get<std::string>(),
             std::string("Alpha v2"));
    QCOMPARE(cache->stats().l2.hits, std::uint64_t(0));
}

void TestCachingEngine::loopCallsBypass()
{
    Engine engine(options());
    auto cache = std::make_shared<ResultCache>(ResultCache::Options{});
    CachingEngine cached(engine, cache);
    // Reaching the loop: the answer carries loop state with a timestamp: not stored.
    const Json toLoop = {{"workflowId", "beta-flow"}, {"completedSteps", Json::array({"first"})}};
    const ToolResult r1 = cached.callTool("workflow_next", toLoop);
    QVERIFY(!r1.isError);
    QVERIFY(r1.payload.at("context").contains("_loopState"));
    const ToolResult r2 = cached.callTool("workflow_next", toLoop);
    QCOMPARE(r2.payload.at("step").dump(), r1.payload.at("step").dump());
    const auto stats = cache->stats();
    const OperationCacheStats &next = stats.operations[2];
    QCOMPARE(next.operation, std::string("workflow_next"));
    QCOMPARE(next.l1Hits, std::uint64_t(0));
    QCOMPARE(next.stores, std::uint64_t(0));
    // Echoing loop state back: bypassed before any lookup.
    Json resume = toLoop;
    resume["context"] = r1.payload.at("context");
    (void)cached.callTool("workflow_next", resume);
    QVERIFY(cache->stats().operations[2].bypassed >= 2);
}

void TestCachingEngine::sessionCallsAreCachedAndRecorded()
{
    Engine engine(options());
    auto cache = std::make_shared<ResultCache>(ResultCache::Options{});
    CachingEngine cached(engine, cache);
    // Every MCP client is a session: its calls are answered from the cache like anonymous ones,
    // and next/validate are still recorded in the session, hits included.
    const CallContext ctx{"sess-1", "test"};
    const Json next = {{"workflowId", "alpha-flow"}, {"completedSteps", Json::array({"first"})}};
    const ToolResult miss = cached.callTool("workflow_next", next, ctx);
    const ToolResult hit = cached.callTool("workflow_next", next, ctx);
    QCOMPARE(hit.contentText(), miss.contentText());
    QCOMPARE(hit.contentText(), engine.callTool("workflow_next", next).contentText());
    const Json validate = {{"workflowId", "alpha-flow"}, {"stepId", "first"}, {"output", "done"}};
    (void)cached.callTool("workflow_validate", validate, ctx);
    (void)cached.callTool("workflow_validate", validate, ctx);
    (void)cached.callTool("workflow_list", Json::object(), ctx);
    (void)cached.callTool("workflow_list", Json::object(), ctx);
    (void)cached.callTool("workflow_get", Json{{"id", "alpha-flow"}}, ctx);
    (void)cached.callTool("workflow_get", Json{{"id", "alpha-flow"}}, ctx);

    const auto session = engine.sessions().get("sess-1");
    QVERIFY(session.has_value());
    QCOMPARE(session->calls, 4); // next ×2 and validate ×2; list and get are not step calls
    QCOMPARE(session->client, std::string("test"));
    const auto stats = cache->stats();
    for (int op = 0; op < 4; ++op) {
        // workflow_list is answered from the snapshot every time (an L1 hit, never a miss).
        QCOMPARE(stats.operations[op].l1Hits, std::uint64_t(op == 0 ? 2 : 1));
        QCOMPARE(stats.operations[op].l1Misses, std::uint64_t(op == 0 ? 0 : 1));
        QCOMPARE(stats.operations[op].bypassed, std::uint64_t(0));
    }
    // The recorded state is the one of the answer.
    QCOMPARE(session->completedSteps.dump(), std::string(R"(["first"])"));
    // ("second" waits for mode=full: no step, not complete, WorkRail's guidance instead)
    QVERIFY(session->currentStep.is_null());
    QVERIFY(!session->complete);
    QCOMPARE(session->context.dump(), hit.payload.at("context").dump());
}

void TestCachingEngine::warmingFillsTheCache()
{
    Engine engine(options());
    auto cache = std::make_shared<ResultCache>(ResultCache::Options{});
    CachingEngine cached(engine, cache);
    QCOMPARE(cached.warm({"alpha-flow", "beta-flow", "missing"}), 5);
    const auto before = cache->stats().l1.hits;
    (void)cached.callTool("workflow_get", Json{{"id", "beta-flow"}});
    (void)cached.callTool("workflow_list", Json::object());
    QCOMPARE(cache->stats().l1.hits, before + 2);
    const auto usage = cached.takeUsage();
    QVERIFY(usage.at("beta-flow") >= 3);
    QVERIFY(cached.takeUsage().empty());

    // Start-up warming from the usage recorded by a previous run.
    auto db = store::Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(store::migrate(**db));
    store::MetricsStore ms(**db);
    WFS_VERIFY_RESULT(ms.addUsage({{"beta-flow", usage.at("beta-flow")}}));
    auto fresh = std::make_shared<ResultCache>(ResultCache::Options{});
    CachingEngine restarted(engine, fresh);
    auto warmed = restarted.warmFromUsage(ms, 10);
    WFS_VERIFY_RESULT(warmed);
    QCOMPARE(*warmed, 3); // workflow_list + beta-flow in both modes
    (void)restarted.callTool("workflow_get", Json{{"id", "beta-flow"}, {"mode", "metadata"}});
    // The get, and warming's own workflow_list (answered from the snapshot: a hit).
    QCOMPARE(fresh->stats().l1.hits, std::uint64_t(2));
}

// Every reload makes a new version table; the old ones are freed once no call holds them (they
// were all kept before), and usage counted before a reload is still reported after it.
void TestCachingEngine::oldVersionTablesAreFreed()
{
    Engine engine(options());
    CachingEngine cached(engine, std::make_shared<ResultCache>(ResultCache::Options{}));
    const Json get = {{"id", "alpha-flow"}};
    for (int i = 0; i < 30; ++i) {
        writeWorkflow(QStringLiteral("alpha-flow"), QStringLiteral("Alpha %1").arg(i));
        engine.repository().reload();
        QCOMPARE(cached.callTool("workflow_get", get).payload.at("name").get<std::string>(),
                 QStringLiteral("Alpha %1").arg(i).toStdString());
        QVERIFY2(cached.versionTablesInMemory() <= 2,
                 qPrintable(QString::number(cached.versionTablesInMemory())));
    }
    QCOMPARE(cached.versionTablesInMemory(), 1);
    // A workflow that left the set still has its calls reported once.
    (void)cached.callTool("workflow_get", Json{{"id", "beta-flow"}});
    QVERIFY(QFile::remove(m_dir.filePath(QStringLiteral("beta-flow.json"))));
    engine.repository().reload();
    (void)cached.callTool("workflow_list", Json::object());
    const auto usage = cached.takeUsage();
    QCOMPARE(usage.at("alpha-flow"), std::int64_t(30));
    QCOMPARE(usage.at("beta-flow"), std::int64_t(1));
    QVERIFY(cached.takeUsage().empty());
    QCOMPARE(cached.versionTablesInMemory(), 1);
}

void TestCachingEngine::latencyIsRecorded()
{
    Engine engine(options());
    metrics::MetricsRegistry registry;
    CachingEngine cached(engine, std::make_shared<ResultCache>(ResultCache::Options{}), registry);
    for (int i = 0; i < 10; ++i)
        (void)cached.callTool("workflow_get", Json{{"id", "alpha-flow"}});
    (void)cached.callTool("workflow_get", Json{{"id", "nope"}});
    (void)cached.callTool("no_such_tool", Json::object());
    const auto snap = registry.snapshot();
    const auto *get = snap.find("workflow_get");
    QVERIFY(get);
    QCOMPARE(get->total.stats.count, std::uint64_t(11));
    QCOMPARE(get->total.stats.errors, std::uint64_t(1));
    QVERIFY(snap.find("unknown_tool"));
}

QTEST_GUILESS_MAIN(TestCachingEngine)
#include "tst_cachingengine.moc"
