// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A team server as a round-robin balancer sees it: three `wfstudio mcp --http` instances on one
// throwaway PostgreSQL, one agent whose every request goes to the next instance in turn. A whole
// walk of coding-task-workflow-with-loops (both loops) must give exactly the answers of a single
// instance — also with one instance SIGKILLed mid-run, and with PostgreSQL stopped and restarted
// mid-run (calls that need the store fail with a clear error meanwhile; service resumes).
#include "mcpinstance.h"
#include "teamservices.h"
#include "testutil.h"

#include "../engine/tracedriver.h"

#include "engine/runtime.h"
#include "engine/services/storehandle.h"
#include "engine/store/heatmap.h"
#include "engine/store/sessionstore.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QTest>

#include <thread>

using namespace wfs;
using wfs::test::McpClient;
using wfs::test::McpInstance;

namespace {

// The walk: Large, so the analysis loop (4 passes) and the implementation loop (2 passes) run.
const Json kScript = {{"workflowId", "coding-task-workflow-with-loops"},
                      {"context", {{"taskComplexity", "Large"}, {"totalImplementationSteps", 2}}},
                      {"completedMode", "iteration-aware"},
                      {"maxSteps", 80}};

// An answer without what is the clock's, not the walk's: a loop's "started" time (WorkRail
// stamps Date.now() there), which differs between any two runs on one instance too.
std::string normalized(const std::string &text)
{
    Json answer = Json::parse(text, nullptr, false);
    if (!answer.is_object() || !answer.contains("context") || !answer["context"].is_object())
        return text;
    Json &context = answer["context"];
    if (context.contains("_loopState") && context["_loopState"].is_object()) {
        for (auto &[loop, state] : context["_loopState"].items()) {
            if (state.is_object() && state.contains("started"))
                state["started"] = "<time>";
        }
    }
    return answer.dump(2);
}

struct Walk
{
    std::vector<std::string> answers; ///< every workflow_next answer's text, in order
    test::TraceRun run;
};

} // namespace

class TestTeamFleet : public QObject
{
    Q_OBJECT

    test::PgCluster m_pg;
    test::RedisServer m_redis;
    QString m_store;
    QTemporaryDir m_dir;

    std::unique_ptr<McpInstance> instance(QStringList extra = {})
    {
        QStringList args{QStringLiteral("--store"),
                         m_store,
                         QStringLiteral("--cache"),
                         QString::fromStdString(m_redis.url()),
                         QStringLiteral("--instance-id"),
                         QStringLiteral("fleet-%1").arg(QRandomGenerator::global()->generate())};
        return std::make_unique<McpInstance>(args + extra);
    }

    // `n` started instances (fewer when one did not start: the caller's size check fails, and
    // the reason is logged).
    std::vector<std::unique_ptr<McpInstance>> startFleet(int n, const QStringList &extra = {})
    {
        std::vector<std::unique_ptr<McpInstance>> fleet;
        for (int i = 0; i < n; ++i) {
            auto one = instance(extra);
            QString why;
            if (!one->start(&why)) {
                qWarning("instance %d did not start: %s", i, qPrintable(why));
                break;
            }
            fleet.push_back(std::move(one));
        }
        return fleet;
    }

    // Walks kScript; `pick(n)` says which port answers call n (0 = initialize).
    Walk walk(McpClient &client, const std::function<quint16(int)> &pick,
              const std::function<void(int)> &beforeCall = {})
    {
        Walk w;
        int n = 0;
        w.run = test::runTraceScriptWith(
            [&](const Json &args) {
                ++n;
                if (beforeCall)
                    beforeCall(n);
                const test::ToolAnswer a = client.tool(pick(n), "workflow_next", args);
                w.answers.push_back(normalized(a.text));
                return test::NextAnswer{a.isError, a.text};
            },
            kScript);
        return w;
    }

    // The session as the store has it once written behind (calls recorded by all instances).
    int storedCalls(const std::string &sessionId)
    {
        auto store = services::StoreHandle::open(m_store.toStdString());
        if (!store)
            return -1;
        for (int i = 0; i < 40; ++i) {
            auto r = (*store)->sessions().load(sessionId);
            if (r && *r) {
                const Json state = Json::parse((*r)->state, nullptr, false);
                const int calls = state.value("calls", -1);
                if (calls >= 0 && i > 5) // a few flush periods after the last call
                    return calls;
            }
            QThread::msleep(100);
        }
        return -2;
    }

    Walk m_single; ///< the reference: every call on one instance

private slots:
    void initTestCase()
    {
        WFS_REQUIRE_SHARED();
        WFS_REQUIRE_TEAM_SERVERS();
        QString why;
        m_store = test::startTeamServices(m_pg, m_redis, QStringLiteral("fleet"), &why);
        QVERIFY2(!m_store.isEmpty(), qPrintable(why));
        // The workflow reaches the instances the team way: published to the store.
        QVERIFY2(test::publishToStore(m_store,
                                      {test::sharedDir() +
                                       "/workrail/workflows/coding-task-workflow-with-loops.json"},
                                      &why),
                 qPrintable(why));

        auto single = instance();
        QVERIFY2(single->start(&why), qPrintable(why));
        McpClient client;
        QVERIFY(client.initialize(single->port()));
        m_single = walk(client, [&](int) { return single->port(); });
        const Json &end = m_single.run.lines.back();
        qInfo("single instance: %zu calls, end %s", m_single.answers.size(),
              end.value("end", std::string()).c_str());
        // Both loops ran: four analysis passes, two implementation passes.
        int analysis = 0, implement = 0;
        for (const Json &line : m_single.run.lines) {
            const std::string step = line.value("step", Json()).is_string()
                                         ? line["step"].get<std::string>()
                                         : std::string();
            analysis += step.rfind("phase-1-step-", 0) == 0;
            implement += step == "phase-6-implement";
        }
        QCOMPARE(analysis, 4);
        QCOMPARE(implement, 2);
        // The final review is handed out; then the refinement steps' conditions are unmet
        // (WorkRail's "blocked" answer, the same from every instance).
        QVERIFY(m_single.answers.size() > 20);
        QVERIFY2(end.value("end", std::string()) != "error", end.dump().c_str());
        QCOMPARE(storedCalls(client.sessionId.toStdString()), int(m_single.answers.size()));
    }

    // Round robin over three instances: the same answers, one session record with every call.
    void roundRobinGivesTheSingleInstanceAnswers()
    {
        std::vector<std::unique_ptr<McpInstance>> fleet = startFleet(3);
        QCOMPARE(fleet.size(), std::size_t(3));
        McpClient client;
        QVERIFY(client.initialize(fleet[0]->port()));
        const Walk w = walk(client, [&](int n) { return fleet[std::size_t(n % 3)]->port(); });
        QCOMPARE(w.answers.size(), m_single.answers.size());
        for (std::size_t i = 0; i < w.answers.size(); ++i) {
            if (w.answers[i] != m_single.answers[i])
                qInfo("call %zu differs:\n%s\n--- single instance:\n%s", i, w.answers[i].c_str(),
                      m_single.answers[i].c_str());
            QVERIFY2(w.answers[i] == m_single.answers[i], qPrintable(QString::number(i)));
        }
        QCOMPARE(storedCalls(client.sessionId.toStdString()), int(w.answers.size()));
    }

    // One instance SIGKILLed mid-run: its turns go to the next live instance (as a balancer's
    // health check would send them); nothing answered is lost.
    void killedInstanceLosesNothing()
    {
        std::vector<std::unique_ptr<McpInstance>> fleet = startFleet(3);
        QCOMPARE(fleet.size(), std::size_t(3));
        McpClient client;
        QVERIFY(client.initialize(fleet[1]->port()));
        std::vector<bool> alive{true, true, true};
        const Walk w = walk(
            client,
            [&](int n) {
                std::size_t i = std::size_t(n % 3);
                while (!alive[i])
                    i = (i + 1) % 3;
                return fleet[i]->port();
            },
            [&](int n) {
                if (n == 12) { // mid-way through the analysis loop
                    fleet[1]->kill();
                    alive[1] = false;
                }
            });
        QCOMPARE(w.answers.size(), m_single.answers.size());
        for (std::size_t i = 0; i < w.answers.size(); ++i)
            QVERIFY2(w.answers[i] == m_single.answers[i], qPrintable(QString::number(i)));
        // Every answered call is in the session record, the killed instance's included.
        QCOMPARE(storedCalls(client.sessionId.toStdString()), int(w.answers.size()));
    }

    // Redis (the shared L2 and rate limits) stopped mid-run: no call fails, the instances say
    // "degraded" (still 200 for the balancer) and are healthy again once it is back.
    void redisStoppedAndRestartedMidRun()
    {
        std::vector<std::unique_ptr<McpInstance>> fleet = startFleet(3);
        QCOMPARE(fleet.size(), std::size_t(3));
        McpClient client;
        QVERIFY(client.initialize(fleet[2]->port()));
        const auto status = [&](quint16 port) {
            const test::HttpAnswer h = test::httpRequest(port, "GET", "/health", {});
            return std::make_pair(
                h.status,
                Json::parse(h.body.toStdString(), nullptr, false).value("status", std::string()));
        };
        bool checked = false;
        const Walk w = walk(
            client, [&](int n) { return fleet[std::size_t(n % 3)]->port(); },
            [&](int n) {
                if (n == 8) {
                    m_redis.stop();
                } else if (n == 16) {
                    QCOMPARE(status(fleet[0]->port()),
                             std::make_pair(200, std::string("degraded")));
                    QVERIFY2(m_redis.start(), qPrintable(m_redis.error()));
                    QElapsedTimer t;
                    t.start();
                    while (status(fleet[0]->port()).second != "healthy" && t.elapsed() < 5000)
                        QThread::msleep(100);
                    QCOMPARE(status(fleet[0]->port()), std::make_pair(200, std::string("healthy")));
                    checked = true;
                }
            });
        QVERIFY(checked);
        QCOMPARE(w.answers.size(), m_single.answers.size());
        for (std::size_t i = 0; i < w.answers.size(); ++i)
            QVERIFY2(w.answers[i] == m_single.answers[i], qPrintable(QString::number(i)));
    }

    // The per-session rate limit is one budget for the whole fleet: with --rate-limit 1 (a
    // burst of 2) a session spread over two instances is refused as soon as the shared bucket
    // is empty; with a bucket per instance the second one would still allow its own burst.
    void rateLimitIsSharedByTheFleet()
    {
        std::vector<std::unique_ptr<McpInstance>> fleet = startFleet(2, {"--rate-limit", "1"});
        QCOMPARE(fleet.size(), std::size_t(2));
        McpClient client;
        QVERIFY(client.initialize(fleet[0]->port())); // initialize + initialized: 2 requests
        int allowed = 0, refused = 0;
        for (int n = 0; n < 8; ++n) {
            const test::ToolAnswer a =
                client.tool(fleet[std::size_t(n % 2)]->port(), "workflow_list", Json::object());
            (a.status == 429 ? refused : allowed) += 1;
        }
        qInfo("rate limit 1/s shared by 2 instances: %d allowed, %d refused", allowed, refused);
        // initialize and notifications/initialized took the burst; at most one token refilled.
        QVERIFY2(allowed <= 1, qPrintable(QString::number(allowed)));
        QCOMPARE(allowed + refused, 8);
    }

    // The reporting commands read the whole fleet from the store: the session walked over two
    // instances is one session with every call; stats merges both instances' histograms and
    // breaks them down by instance; heat shows the walks' steps and loop passes; health checks
    // the store and the cache.
    void cliReportsTheWholeFleet()
    {
        auto a = instance({"--instance-id", "report-a"});
        auto b = instance({"--instance-id", "report-b"});
        QString why;
        QVERIFY2(a->start(&why), qPrintable(why));
        QVERIFY2(b->start(&why), qPrintable(why));
        McpClient client;
        QVERIFY(client.initialize(a->port(), "report-client"));
        for (int n = 0; n < 6; ++n) {
            const test::ToolAnswer r =
                client.tool((n % 2 ? b : a)->port(), "workflow_next",
                            Json{{"workflowId", "coding-task-workflow-with-loops"},
                                 {"completedSteps", Json::array()},
                                 {"context", {{"taskComplexity", "Small"}}}});
            QVERIFY2(!r.isError, r.text.c_str());
        }
        a->stop(); // a clean stop writes the metrics behind
        b->stop();
        const auto cli = [](const QStringList &args) {
            QProcess p;
            p.start(test::binaryDir() + "/bin/wfstudio", args);
            p.waitForFinished(60000);
            return std::make_pair(p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()) +
                                                    QString::fromUtf8(p.readAllStandardError()));
        };
        auto [rc, out] = cli({"sessions", "--json", "--store", m_store});
        QCOMPARE(rc, 0);
        const Json sessions = Json::parse(out.toStdString(), nullptr, false);
        QVERIFY2(sessions.is_array(), qPrintable(out));
        bool found = false;
        for (const Json &s : sessions)
            found = found || s.value("id", std::string()) == client.sessionId.toStdString();
        QVERIFY2(found, qPrintable(out));
        QCOMPARE(storedCalls(client.sessionId.toStdString()), 6);

        std::tie(rc, out) = cli({"stats", "--json", "--store", m_store});
        QCOMPARE(rc, 0);
        const Json stats = Json::parse(out.toStdString(), nullptr, false);
        QVERIFY2(stats.is_object() && stats.contains("instances"), qPrintable(out));
        for (const char *id : {"report-a", "report-b"}) {
            QVERIFY2(stats["instances"].contains(id), qPrintable(out));
            QVERIFY2(stats["instances"][id]["operations"].contains("workflow_next"),
                     qPrintable(out));
        }
        const std::int64_t fleetCount = stats["operations"]["workflow_next"]["count"];
        const std::int64_t a3 =
            stats["instances"]["report-a"]["operations"]["workflow_next"]["count"];
        const std::int64_t b3 =
            stats["instances"]["report-b"]["operations"]["workflow_next"]["count"];
        QCOMPARE(a3, std::int64_t(3));
        QCOMPARE(b3, std::int64_t(3));
        QVERIFY(fleetCount >= a3 + b3);
        std::tie(rc, out) = cli({"stats", "--store", m_store});
        QVERIFY2(out.contains(QStringLiteral("Instances:")) && out.contains("report-a"),
                 qPrintable(out));

        // The heat map of the fleet's sessions: the walks of this test (initTestCase's through
        // both loops, on any instance) are in the store's call log.
        std::tie(rc, out) =
            cli({"heat", "coding-task-workflow-with-loops", "--store", m_store, "--json"});
        QCOMPARE(rc, 0);
        const Json heat = Json::parse(out.toStdString(), nullptr, false);
        QVERIFY2(heat.is_object() && heat.contains("steps") && heat["steps"].is_array(),
                 qPrintable(out));
        QVERIFY2(heat.value("sessions", 0) >= 1, qPrintable(out));
        const auto step = [&](const std::string &id) {
            for (const Json &s : heat["steps"]) {
                if (s.is_object() && s.value("id", std::string()) == id)
                    return s;
            }
            return Json::object();
        };
        QVERIFY2(step("phase-0-intelligent-triage").value("reached", 0) >= 1, qPrintable(out));
        QVERIFY2(step("phase-1-multi-analysis").value("loopPasses", 0) > 0, qPrintable(out));
        QVERIFY2(step("phase-6-iterative-implementation").value("loopPasses", 0) > 0,
                 qPrintable(out));
        // A runtime on the team store reads the same sessions (the studio's heat map and replay).
        {
            Runtime::Options o;
            o.includeBundled = false;
            o.useStandardLocations = false;
            o.useEnvironment = false;
            o.watchFiles = false;
            o.storeUrl = m_store.toStdString();
            o.instanceId = "heat-reader";
            o.warmLimit = 0;
            o.tickMetrics = false;
            o.sessionRetentionDays = 0; // never prune the fleet's store from here
            o.maxStoredSessions = 0;
            o.maxStoredCalls = 0;
            Runtime rt(o);
            QVERIFY2(rt.sessionStore(), rt.databaseError().c_str());
            QVERIFY(rt.database() == nullptr);
            auto fromRuntime =
                store::computeHeat(*rt.sessionStore(), "coding-task-workflow-with-loops");
            QVERIFY2(fromRuntime, fromRuntime ? "" : fromRuntime.error().c_str());
            QCOMPARE(fromRuntime->sessions, heat["sessions"].get<int>());
            const store::HeatCell *loop = fromRuntime->find("phase-1-multi-analysis");
            QVERIFY(loop);
            QCOMPARE(loop->loopPasses, step("phase-1-multi-analysis")["loopPasses"].get<int>());
            auto calls = rt.sessionStore()->calls(client.sessionId.toStdString());
            QVERIFY2(calls, calls ? "" : calls.error().c_str());
            QCOMPARE(calls->size(), std::size_t(6));
        }
        // The table names the store it read.
        std::tie(rc, out) = cli({"heat", "coding-task-workflow-with-loops", "--store", m_store});
        QCOMPARE(rc, 0);
        QVERIFY2(out.startsWith(QStringLiteral("Heat map of coding-task-workflow-with-loops: ")) &&
                     out.contains(QStringLiteral("postgresql://")),
                 qPrintable(out));

        std::tie(rc, out) = cli({"health", "--json", "--store", m_store, "--cache",
                                 QString::fromStdString(m_redis.url())});
        QCOMPARE(rc, 0);
        QVERIFY2(out.contains(QStringLiteral("team store")), qPrintable(out));
        std::tie(rc, out) = cli({"health", "--store", m_store, "--cache", "redis://127.0.0.1:1"});
        QCOMPARE(rc, 1);
        QVERIFY2(out.contains(QStringLiteral("degraded")), qPrintable(out));
    }

    // A GET stream stays on its instance; its events carry ids kept in Redis, so a client that
    // reconnects to another instance with Last-Event-ID gets what it missed replayed there.
    void getStreamResumesOnAnotherInstance()
    {
        auto a = instance();
        auto b = instance();
        QString why;
        QVERIFY2(a->start(&why), qPrintable(why));
        QVERIFY2(b->start(&why), qPrintable(why));
        McpClient client;
        QVERIFY(client.initialize(a->port()));
        QVERIFY(!client.tool(a->port(), "workflow_list", Json::object()).isError);
        auto headers = client.headers();
        headers[1].second = "text/event-stream";
        // The stream on A, open for 4 s, while two publishes make A announce list changes.
        test::HttpAnswer stream;
        std::thread reader(
            [&] { stream = test::httpRequest(a->port(), "GET", "/mcp", {}, headers, 4000); });
        for (const char *id : {"stream-one", "stream-two"}) {
            QThread::msleep(1000);
            const QString file = m_dir.path() + "/" + id + ".json";
            QFile f(file);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(QStringLiteral(R"({"id": "%1", "name": "%1", "description": "d",
                "version": "1.0.0", "steps": [{"id": "only-step", "title": "Only", "prompt": "Do it."}]})")
                        .arg(id)
                        .toUtf8());
            f.close();
            QProcess publish;
            publish.start(test::binaryDir() + "/bin/wfstudio",
                          {"publish", "--store", m_store, file});
            QVERIFY(publish.waitForFinished(30000) && publish.exitCode() == 0);
        }
        reader.join();
        QCOMPARE(stream.status, 200);
        QStringList ids;
        for (const QByteArray &line : stream.body.split('\n')) {
            if (line.startsWith("id: r"))
                ids << QString::fromUtf8(line.mid(4));
        }
        qInfo("events on A's stream: %s", qPrintable(ids.join(' ')));
        QVERIFY2(ids.size() >= 6, stream.body.constData()); // 3 list_changed per publish
        // Reconnect to B after the first announcement: the second is replayed from Redis.
        headers.append(qMakePair(QByteArray("Last-Event-ID"), ids[2].toUtf8()));
        const test::HttpAnswer resumed =
            test::httpRequest(b->port(), "GET", "/mcp", {}, headers, 1000);
        QCOMPARE(resumed.status, 200);
        for (int i = 3; i < ids.size(); ++i)
            QVERIFY2(resumed.body.contains("id: " + ids[i].toUtf8() + "\n"),
                     resumed.body.constData());
        for (int i = 0; i < 3; ++i)
            QVERIFY2(!resumed.body.contains("id: " + ids[i].toUtf8() + "\n"),
                     resumed.body.constData());
        QVERIFY2(resumed.body.contains("notifications/tools/list_changed"),
                 resumed.body.constData());
    }

    // PostgreSQL stopped mid-run: the walk goes on where the session is known (workflow_next
    // needs no store), an instance that must look the session up answers 503 with a clear
    // error, GET /health says 503; PostgreSQL back: everything resumes, same answers.
    void postgresStoppedAndRestartedMidRun()
    {
        std::vector<std::unique_ptr<McpInstance>> fleet = startFleet(2);
        QCOMPARE(fleet.size(), std::size_t(2));
        McpClient client;
        QVERIFY(client.initialize(fleet[0]->port()));
        bool checkedOutage = false;
        const Walk w = walk(
            client, [&](int n) { return fleet[std::size_t(n % 2)]->port(); },
            [&](int n) {
                if (n != 20)
                    return;
                QVERIFY2(m_pg.stop(), qPrintable(m_pg.error()));
                // A third instance started during the outage cannot look the session up.
                auto late = instance();
                QString lateWhy;
                // It listens, but is not healthy: the store is unreachable.
                QVERIFY(!late->start(&lateWhy, 4000));
                QVERIFY2(lateWhy.contains(QStringLiteral("never healthy")), qPrintable(lateWhy));
                const test::HttpAnswer health =
                    test::httpRequest(late->port(), "GET", "/health", {});
                QCOMPARE(health.status, 503);
                McpClient other = client;
                const test::ToolAnswer refused =
                    other.tool(late->port(), "workflow_list", Json::object());
                QCOMPARE(refused.status, 503);
                QVERIFY2(refused.text.find("session store cannot be reached") != std::string::npos,
                         refused.text.c_str());
                // A new session cannot be shared while the store is down.
                McpClient fresh;
                QVERIFY(!fresh.initialize(fleet[0]->port()));
                QCOMPARE(test::httpRequest(fleet[0]->port(), "GET", "/health", {}).status, 503);
                QVERIFY2(m_pg.start(), qPrintable(m_pg.error()));
                // Back: healthy again within a few seconds, new sessions work.
                QElapsedTimer t;
                t.start();
                while (test::httpRequest(fleet[0]->port(), "GET", "/health", {}).status != 200 &&
                       t.elapsed() < 10000)
                    QThread::msleep(100);
                QCOMPARE(test::httpRequest(fleet[0]->port(), "GET", "/health", {}).status, 200);
                QVERIFY(fresh.initialize(fleet[1]->port()));
                checkedOutage = true;
            });
        QVERIFY(checkedOutage);
        QCOMPARE(w.answers.size(), m_single.answers.size());
        for (std::size_t i = 0; i < w.answers.size(); ++i)
            QVERIFY2(w.answers[i] == m_single.answers[i], qPrintable(QString::number(i)));
    }
};

QTEST_GUILESS_MAIN(TestTeamFleet)
#include "tst_teamfleet.moc"
