// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The load generator (engine/loadgen/loadtest.h, httploadtest.h): think time lowers the request
// rate; a run against a Runtime moves the global registry (what the dashboard plots); the MCP
// HTTP target against a real in-process listener completes with no errors, and reports a wrong
// token (401), a closed port and failing tools as errors without hanging; Cancel ends every
// target early; a bad URL is a clear error.
#include "listeningstudio.h"
#include "testutil.h"

#include "engine/loadgen/httploadtest.h"
#include "engine/loadgen/loadtest.h"
#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "engine/metrics/metricsregistry.h"
#include "engine/runtime.h"
#include "engine/workflowrepository.h"

#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <set>
#include <thread>

using namespace wfs;
using namespace wfs::metrics;

Q_DECLARE_METATYPE(std::string)

namespace {

constexpr const char *kToken = "loadtest-secret-token";

std::uint64_t globalCount(const char *tool)
{
    const MetricsSnapshot s = MetricsRegistry::global().snapshot();
    const OperationSnapshot *op = s.find(tool);
    return op ? op->total.stats.count : 0;
}

std::string kindsOf(const LoadTestReport &r)
{
    std::string out;
    for (const auto &[kind, count] : r.errorKinds)
        out += std::to_string(count) + " x " + kind + "; ";
    return out;
}

bool hasKind(const LoadTestReport &r, const std::string &part)
{
    for (const auto &[kind, count] : r.errorKinds) {
        if (kind.find(part) != std::string::npos && count > 0)
            return true;
    }
    return false;
}

// A port nothing listens on (bound, then released).
quint16 closedPort()
{
    QTcpServer s;
    if (!s.listen(QHostAddress::LocalHost, 0))
        return 1;
    const quint16 port = s.serverPort();
    s.close();
    return port;
}

} // namespace

class TestLoadTest : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void thinkTimeLowersRate_data();
    void thinkTimeLowersRate();
    void runtimeMovesGlobalRegistry();
    void varietyExercisesMissPath_data();
    void varietyExercisesMissPath();
    void uniqueRequestsComeFromTheWorkflow();
    void http_data();
    void http();
    void cancelEndsEarly_data();
    void cancelEndsEarly();
    void badUrlIsAnError_data();
    void badUrlIsAnError();

private:
    QTemporaryDir m_tmp;
    test::ListeningStudio m_studio;
};

void TestLoadTest::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    const auto started = m_studio.start(test::isolatedRuntimeOptions(), kToken);
    QVERIFY2(started.ok(), started.ok() ? "" : started.error().c_str());
}

void TestLoadTest::cleanupTestCase()
{
    m_studio.reset();
}

// Each virtual user waits `think` ms between requests: 4 users x 50 ms think can make at most
// 4 x 20 = 80 requests a second, far below the closed loop.
void TestLoadTest::thinkTimeLowersRate_data()
{
    QTest::addColumn<double>("thinkMs");
    QTest::addColumn<double>("minRps");
    QTest::addColumn<double>("maxRps");
    QTest::newRow("closed loop (no think time)") << 0.0 << 400.0 << 1e12;
    QTest::newRow("50 ms think time, 4 users") << 50.0 << 30.0 << 85.0;
}

void TestLoadTest::thinkTimeLowersRate()
{
    QFETCH(double, thinkMs);
    QFETCH(double, minRps);
    QFETCH(double, maxRps);
    LoadTestOptions o;
    o.users = 4;
    o.seconds = 1;
    o.thinkMs = thinkMs;
    const auto r = runLoadTest(o);
    WFS_VERIFY_RESULT(r);
    QCOMPARE(r->thinkMs, thinkMs);
    QCOMPARE(r->errors, std::uint64_t(0));
    QVERIFY2(r->rps >= minRps && r->rps <= maxRps, std::to_string(r->rps).c_str());
    QCOMPARE(r->operations.size(), std::size_t(4));
    QVERIFY(r->find("workflow_list") && r->find("workflow_list")->count > 0);
}

// The dashboard's charts read MetricsRegistry::global(); a run against the Runtime moves it by
// what the run measured.
void TestLoadTest::runtimeMovesGlobalRegistry()
{
    const std::uint64_t listBefore = globalCount("workflow_list");
    const std::uint64_t getBefore = globalCount("workflow_get");
    LoadTestOptions o;
    o.users = 2;
    o.seconds = 0.4;
    const auto r = runLoadTest(*m_studio.runtime, o);
    WFS_VERIFY_RESULT(r);
    QCOMPARE(r->target, std::string("runtime"));
    QCOMPARE(r->errors, std::uint64_t(0));
    QVERIFY(r->requests > 10);
    QCOMPARE(globalCount("workflow_list") - listBefore, r->find("workflow_list")->count);
    QCOMPARE(globalCount("workflow_get") - getBefore, r->find("workflow_get")->count);
    QVERIFY(r->l1HitRate > 0.5); // the runtime's cache served the repeats
}

// #16 point 5: the load test used to send a fixed set of identical requests, so after one
// pass everything was an L1 hit and next/validate were never computed. By default (varied)
// half of the next/validate requests are unique; the miss path makes all of them unique.
void TestLoadTest::varietyExercisesMissPath_data()
{
    QTest::addColumn<int>("variety"); // -1: the default options
    QTest::addColumn<double>("minHit");
    QTest::addColumn<double>("maxHit");
    QTest::addColumn<bool>("listAndGet");
    QTest::newRow("default options: varied") << -1 << 0.3 << 0.97 << true;
    QTest::newRow("repeated: the hit path")
        << int(LoadTestVariety::Repeated) << 0.95 << 1.0 << true;
    QTest::newRow("unique: the miss path") << int(LoadTestVariety::Unique) << 0.0 << 0.05 << false;
}

void TestLoadTest::varietyExercisesMissPath()
{
    QFETCH(int, variety);
    QFETCH(double, minHit);
    QFETCH(double, maxHit);
    QFETCH(bool, listAndGet);
    LoadTestOptions o;
    o.users = 2;
    o.seconds = 0.6;
    if (variety >= 0)
        o.variety = LoadTestVariety(variety);
    const auto r = runLoadTest(o);
    WFS_VERIFY_RESULT(r);
    QVERIFY2(r->errors == 0, kindsOf(*r).c_str());
    QVERIFY2(r->l1HitRate >= minHit && r->l1HitRate <= maxHit,
             std::to_string(r->l1HitRate).c_str());
    QVERIFY(r->find("workflow_next")->count > 0);
    QVERIFY(r->find("workflow_validate")->count > 0);
    QCOMPARE(r->find("workflow_list")->count > 0, listAndGet);
    QCOMPARE(r->find("workflow_get")->count > 0, listAndGet);
    QCOMPARE(r->toJson().at("variety").get<std::string>(),
             std::string(loadTestVarietyName(variety >= 0 ? LoadTestVariety(variety)
                                                          : LoadTestVariety::Varied)));
}

// Unique requests are built from the workflow: completed steps are its own step ids, context
// variables those its conditions read, validate outputs for its steps; each one differs.
void TestLoadTest::uniqueRequestsComeFromTheWorkflow()
{
    const LoadTestMix mix = buildLoadTestMix(*m_studio.runtime->engine().snapshot());
    QVERIFY(!mix.varieties.empty());
    bool sawVariable = false;
    for (const LoadTestWorkflowVariety &v : mix.varieties)
        sawVariable = sawVariable || !v.variables.empty();
    QVERIFY2(sawVariable, "the bundled samples have run conditions");
    std::mt19937_64 rng(7);
    std::set<std::string> seen;
    for (std::uint64_t i = 0; i < 200; ++i) {
        LoadTestRequest r;
        if (i % 2)
            mix.uniqueNext(rng, "t-", i, r);
        else
            mix.uniqueValidate(rng, "t-", i, r);
        QVERIFY(seen.insert(r.tool + r.arguments.dump()).second);
        const std::string id = r.arguments.at("workflowId").get<std::string>();
        const auto w = std::find_if(mix.varieties.begin(), mix.varieties.end(),
                                    [&id](const LoadTestWorkflowVariety &v) { return v.id == id; });
        QVERIFY(w != mix.varieties.end());
        if (r.tool == "workflow_next") {
            for (const Json &step : r.arguments.at("completedSteps"))
                QVERIFY(std::count(w->stepIds.begin(), w->stepIds.end(), step.get<std::string>()));
            for (const auto &[name, value] : r.arguments.at("context").items()) {
                const bool known =
                    name == "loadTestRun" ||
                    std::any_of(w->variables.begin(), w->variables.end(),
                                [&name](const auto &var) { return var.first == name; });
                QVERIFY2(known, name.c_str());
            }
        } else {
            const std::string step = r.arguments.at("stepId").get<std::string>();
            QVERIFY(std::any_of(w->outputs.begin(), w->outputs.end(),
                                [&step](const auto &o) { return o.first == step; }));
        }
    }
}

void TestLoadTest::http_data()
{
    QTest::addColumn<QString>("which");
    QTest::addColumn<bool>("expectErrors");
    QTest::addColumn<std::string>("kind"); // part of an expected error kind
    QTest::newRow("right token: every request succeeds") << "ok" << false << std::string();
    QTest::newRow("wrong token: 401 on initialize")
        << "wrong-token" << true << std::string("initialize: HTTP 401");
    QTest::newRow("no token: 401 on initialize")
        << "no-token" << true << std::string("initialize: HTTP 401");
    QTest::newRow("nothing listening: connection refused")
        << "closed-port" << true << std::string("connection refused");
    QTest::newRow("a rate-limited listener: 429")
        << "rate-limited" << true << std::string("HTTP 429 Too Many Requests");
    QTest::newRow("workflows the listener does not serve: tool errors")
        << "unknown-workflows" << true << std::string();
}

void TestLoadTest::http()
{
    QFETCH(QString, which);
    QFETCH(bool, expectErrors);
    QFETCH(std::string, kind);
    HttpLoadTestTarget t;
    t.url = m_studio.server->url();
    t.token = kToken;
    t.timeoutMs = 2000;
    if (which == QLatin1String("wrong-token"))
        t.token = "not-the-token";
    else if (which == QLatin1String("no-token"))
        t.token.clear();
    else if (which == QLatin1String("closed-port"))
        t.url = "http://127.0.0.1:" + std::to_string(closedPort()) + "/mcp";
    std::unique_ptr<mcp::HttpServer> limited;
    if (which == QLatin1String("rate-limited")) {
        mcp::HttpServer::Options lo;
        lo.port = 0;
        lo.token = kToken;
        lo.rateLimitPerSecond = 20;
        lo.rateLimitBurst = 5;
        limited = std::make_unique<mcp::HttpServer>(*m_studio.dispatcher, lo);
        const auto started = limited->start();
        QVERIFY2(started.ok(), started.ok() ? "" : started.error().c_str());
        t.url = limited->url();
    }
    std::shared_ptr<const WorkflowSnapshot> snapshot = m_studio.runtime->engine().snapshot();
    std::unique_ptr<Engine> other;
    if (which == QLatin1String("unknown-workflows")) {
        QFile f(m_tmp.filePath(QStringLiteral("ghost.json")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("{\"id\": \"ghost-workflow\", \"name\": \"Ghost\", \"description\": \"Not served\","
                " \"version\": \"0.1.0\", \"steps\": [{\"id\": \"step-one\", \"title\": \"One\","
                " \"prompt\": \"Do one\"}]}");
        f.close();
        Engine::Options eo;
        eo.includeBundled = false;
        eo.useStandardLocations = false;
        eo.useEnvironment = false;
        eo.watchFiles = false;
        eo.extraDirs = {m_tmp.path().toStdString()};
        other = std::make_unique<Engine>(eo);
        snapshot = other->snapshot();
    }
    LoadTestOptions o;
    o.users = 2;
    o.seconds = 0.5;
    QElapsedTimer clock;
    clock.start();
    const auto r = runHttpLoadTest(t, *snapshot, o);
    WFS_VERIFY_RESULT(r);
    QVERIFY2(clock.elapsed() < 4000, "the run must end at its deadline");
    QCOMPARE(r->target, std::string("http"));
    const std::string kinds = kindsOf(*r);
    if (!expectErrors) {
        QVERIFY2(r->errors == 0, kinds.c_str());
        QVERIFY(r->requests > 10);
        for (const LoadTestOperation &op : r->operations)
            QVERIFY2(op.count > 0, op.name.c_str());
        // Each virtual user ended its session (DELETE) when the run ended.
        QTRY_COMPARE_WITH_TIMEOUT(m_studio.server->sessionCount(), std::size_t(0), 2000);
        return;
    }
    QVERIFY2(r->errors > 0, kinds.c_str());
    if (!kind.empty())
        QVERIFY2(hasKind(*r, kind), kinds.c_str());
    if (which == QLatin1String("unknown-workflows")) {
        // workflow_list still succeeds; the calls naming the ghost workflow fail.
        QCOMPARE(r->find("workflow_list")->errors, std::uint64_t(0));
        QVERIFY(r->find("workflow_get")->errors > 0);
        QVERIFY2(hasKind(*r, "tool error") || hasKind(*r, "JSON-RPC"), kinds.c_str());
    }
}

void TestLoadTest::cancelEndsEarly_data()
{
    QTest::addColumn<QString>("target");
    QTest::newRow("private engine") << "engine";
    QTest::newRow("runtime") << "runtime";
    QTest::newRow("MCP HTTP") << "http";
    QTest::newRow("MCP HTTP with think time") << "http-think";
}

void TestLoadTest::cancelEndsEarly()
{
    QFETCH(QString, target);
    LoadTestOptions o;
    o.users = 3;
    o.seconds = 60;
    o.cancel = std::make_shared<std::atomic<bool>>(false);
    if (target == QLatin1String("http-think"))
        o.thinkMs = 10000;
    std::thread canceller([flag = o.cancel] {
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        flag->store(true);
    });
    QElapsedTimer clock;
    clock.start();
    Result<LoadTestReport> r = Result<LoadTestReport>::failure("not run");
    if (target == QLatin1String("engine")) {
        r = runLoadTest(o);
    } else if (target == QLatin1String("runtime")) {
        r = runLoadTest(*m_studio.runtime, o);
    } else {
        HttpLoadTestTarget t{m_studio.server->url(), kToken};
        r = runHttpLoadTest(t, *m_studio.runtime->engine().snapshot(), o);
    }
    canceller.join();
    WFS_VERIFY_RESULT(r);
    QVERIFY2(clock.elapsed() < 3000, std::to_string(clock.elapsed()).c_str());
    QVERIFY(r->cancelled);
    QVERIFY(r->seconds < 3);
    QVERIFY(r->requests > 0);
}

void TestLoadTest::badUrlIsAnError_data()
{
    QTest::addColumn<std::string>("url");
    QTest::newRow("https is not spoken") << std::string("https://127.0.0.1:8765/mcp");
    QTest::newRow("no port number") << std::string("http://127.0.0.1:abc/mcp");
    QTest::newRow("empty") << std::string();
}

void TestLoadTest::badUrlIsAnError()
{
    QFETCH(std::string, url);
    HttpLoadTestTarget t{url, kToken};
    LoadTestOptions o;
    o.seconds = 0.2;
    const auto r = runHttpLoadTest(t, *m_studio.runtime->engine().snapshot(), o);
    QVERIFY(!r);
    QVERIFY2(r.error().find("invalid listener URL") != std::string::npos, r.error().c_str());
}

QTEST_GUILESS_MAIN(TestLoadTest)
#include "tst_loadtest.moc"
