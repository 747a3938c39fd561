// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The heat map: the aggregation per step (data-driven: reached, stopped here, think time
// percentiles, validation failures and retries, loop passes), the call log the session sink
// writes (the step handed out and the loop pass read from real-shaped answers), and the
// database query with its filters (client, time).
#include "engine/session.h"
#include "engine/store/database.h"
#include "engine/store/heatmap.h"
#include "engine/store/migrations.h"
#include "engine/store/sessionsink.h"

#include "jsoncompare.h"
#include "testutil.h"

#include <QTest>

using namespace wfs;
using namespace wfs::store;

namespace {

// Calls as JSON: [session, atMs, tool ("next"/"validate"), stepId, {loop, pass, complete,
// valid, error}].
std::vector<HeatCall> callsOf(const char *text)
{
    std::vector<HeatCall> out;
    for (const Json &row : Json::parse(text)) {
        HeatCall c;
        c.sessionId = row[0].get<std::string>();
        c.atMs = row[1].get<std::int64_t>();
        c.tool = row[2] == "next" ? "workflow_next" : "workflow_validate";
        c.stepId = row[3].get<std::string>();
        const Json extra = row.size() > 4 ? row[4] : Json::object();
        c.loopId = extra.value("loop", std::string());
        c.pass = extra.value("pass", 0);
        c.complete = extra.value("complete", false);
        c.valid = extra.value("valid", c.tool == "workflow_validate" ? 1 : -1);
        c.isError = extra.value("error", false);
        out.push_back(std::move(c));
    }
    return out;
}

// Every number of every step, compactly: {"id": [reached, stopped, p50, p95, failures,
// retries, passes]} (null for a missing percentile).
Json summary(const HeatReport &r)
{
    Json out = Json::object();
    out["sessions"] = r.sessions;
    for (const HeatCell &c : r.steps) {
        out[c.id] =
            Json::array({c.reached, c.stoppedHere, c.thinkP50Ms ? Json(*c.thinkP50Ms) : Json(),
                         c.thinkP95Ms ? Json(*c.thinkP95Ms) : Json(), c.validationFailures,
                         c.validationRetries, c.loopPasses});
    }
    return out;
}

} // namespace

class TestHeatMap : public QObject
{
    Q_OBJECT
private slots:
    void aggregate_data();
    void aggregate();
    void stepOrder();
    void clientNames_data();
    void clientNames();
    void callLogFromAnswers();
    void longSessionKeepsSummaries();
    void queryFilters_data();
    void queryFilters();
    void replayCalls();
};

void TestHeatMap::aggregate_data()
{
    QTest::addColumn<QString>("calls");
    QTest::addColumn<QString>("order");
    QTest::addColumn<QString>("expected");

    QTest::newRow("linear, completed") << R"([["s1",0,"next","a"],["s1",100,"next","b"],
        ["s1",300,"next","",{"complete":true}]])"
                                       << "a,b"
                                       << R"({"sessions":1,"a":[1,0,100,100,0,0,0],
        "b":[1,0,200,200,0,0,0]})";
    QTest::newRow("stopped at the last step handed out")
        << R"([["s1",0,"next","a"],["s1",40,"next","b"]])"
        << "a,b,c"
        << R"({"sessions":1,"a":[1,0,40,40,0,0,0],"b":[1,1,null,null,0,0,0],
        "c":[0,0,null,null,0,0,0]})";
    QTest::newRow("validation failures and retries")
        << R"([["s1",0,"next","a"],["s1",10,"validate","a",{"valid":0}],
        ["s1",20,"validate","a",{"valid":0}],["s1",30,"validate","a",{"valid":1}],
        ["s1",50,"next","b"],["s1",60,"validate","b",{"error":true}]])"
        << "a,b"
        << R"({"sessions":1,"a":[1,0,50,50,2,2,0],"b":[1,1,null,null,1,0,0]})";
    QTest::newRow("loop passes") << R"([["s1",0,"next","x",{"loop":"L","pass":1}],
        ["s1",10,"next","x",{"loop":"L","pass":2}],["s1",20,"next","x",{"loop":"L","pass":3}],
        ["s1",30,"next","y"],["s1",40,"next","",{"complete":true}],
        ["s2",0,"next","x",{"loop":"L","pass":1}]])"
                                 << "L,x,y"
                                 << R"({"sessions":2,"L":[2,0,null,null,0,0,4],
        "x":[2,1,10,10,0,0,4],"y":[1,0,10,10,0,0,0]})";
    QTest::newRow("an error next call ends the think time, hands out nothing")
        << R"([["s1",0,"next","a"],["s1",50,"next","",{"error":true}],["s1",80,"next","b"]])"
        << "a,b"
        << R"({"sessions":1,"a":[1,0,50,50,0,0,0],"b":[1,1,null,null,0,0,0]})";
    QTest::newRow("percentiles over sessions (nearest rank)")
        << R"([["s1",0,"next","a"],["s1",100,"next","b"],["s2",0,"next","a"],
        ["s2",200,"next","b"],["s3",0,"next","a"],["s3",300,"next","b"],
        ["s4",0,"next","a"],["s4",1000,"next","b"]])"
        << "a,b"
        << R"({"sessions":4,"a":[4,0,200,1000,0,0,0],"b":[4,4,null,null,0,0,0]})";
    QTest::newRow("a step asked for twice is reached once")
        << R"([["s1",0,"next","a"],["s1",5,"next","a"],["s1",25,"next","b"]])"
        << "a,b"
        << R"({"sessions":1,"a":[1,0,5,20,0,0,0],"b":[1,1,null,null,0,0,0]})";
    QTest::newRow("steps only the log names come after the order")
        << R"([["s1",0,"next","zz"]])"
        << "a"
        << R"({"sessions":1,"a":[0,0,null,null,0,0,0],
        "zz":[1,1,null,null,0,0,0]})";
    QTest::newRow("no calls") << "[]"
                              << "a"
                              << R"({"sessions":0,"a":[0,0,null,null,0,0,0]})";
}

void TestHeatMap::aggregate()
{
    QFETCH(QString, calls);
    QFETCH(QString, order);
    QFETCH(QString, expected);
    std::vector<std::string> ids;
    for (const QString &id : order.split(QLatin1Char(','), Qt::SkipEmptyParts))
        ids.push_back(id.toStdString());
    const HeatReport r = aggregateHeat("wf", callsOf(calls.toUtf8().constData()), ids);
    const Json got = summary(r);
    const Json want = Json::parse(expected.toStdString());
    if (got != want)
        qWarning("got %s", got.dump().c_str());
    JCOMPARE(got, want);
    // The steps keep the given order first.
    for (std::size_t i = 0; i < ids.size(); ++i)
        QCOMPARE(r.steps[i].id, ids[i]);
}

void TestHeatMap::stepOrder()
{
    const Json wf = Json::parse(R"({"id":"w","steps":[{"id":"a"},{"id":"L","type":"loop",
        "body":[{"id":"x"},{"id":"y"}]},{"id":"M","type":"loop","body":"a"},{"id":"z"}]})");
    const std::vector<std::string> want = {"a", "L", "x", "y", "M", "z"};
    QCOMPARE(stepOrderOf(wf), want);
    QVERIFY(stepOrderOf(Json::array()).empty());
}

void TestHeatMap::clientNames_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<QString>("name");
    QTest::newRow("agent over http") << "Claude Code (http:1a2b3c4d)"
                                     << "Claude Code";
    QTest::newRow("agent over stdio") << "claude (stdio)"
                                      << "claude";
    QTest::newRow("bare http") << "http:1a2b3c4d"
                               << "http";
    QTest::newRow("studio") << "studio"
                            << "studio";
    QTest::newRow("stdio") << "stdio"
                           << "stdio";
}

void TestHeatMap::clientNames()
{
    QFETCH(QString, client);
    QFETCH(QString, name);
    QCOMPARE(QString::fromStdString(clientName(client.toStdString())), name);
}

// The sink writes one call-log row per recorded call, with the step and pass read from the
// answer's shape (workflow_next's step, _currentLoop and _loopState; validate's valid).
void TestHeatMap::callLogFromAnswers()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    auto sink = std::make_shared<SqliteSessionSink>(**db);
    SessionManager sessions;
    sessions.setSink(sink);
    const Json first = Json::parse(R"({"step":{"id":"x","title":"X"},"guidance":{"prompt":"p"},
        "isComplete":false,"context":{"_currentLoop":{"loopId":"L","loopStep":{}},
        "_loopState":{"L":{"iteration":0}}}})");
    const Json second = Json::parse(R"({"step":{"id":"x"},"isComplete":false,
        "context":{"_currentLoop":{"loopId":"L","iteration":1},"_loopState":{"L":{"iteration":1}}}})");
    const Json done = Json::parse(R"({"step":null,"isComplete":true,"context":{}})");
    sessions.recordCall("s1", "tester (stdio)", "workflow_next", {{"workflowId", "wf"}}, first,
                        false);
    sessions.recordCall("s1", "tester (stdio)", "workflow_validate",
                        {{"workflowId", "wf"}, {"stepId", "x"}, {"output", "o"}},
                        Json{{"valid", false}, {"issues", Json::array({"no"})}}, false);
    sessions.recordCall("s1", "tester (stdio)", "workflow_next",
                        {{"workflowId", "wf"}, {"completedSteps", Json::array({"x"})}}, second,
                        false);
    sessions.recordCall("s1", "tester (stdio)", "workflow_next", {{"workflowId", "wf"}}, Json(),
                        true);
    sessions.recordCall("s1", "tester (stdio)", "workflow_next", {{"workflowId", "wf"}}, done,
                        false);
    QVERIFY(sessions.get("s1")->unsavedCalls.empty()); // handed to the sink
    SessionStore store(**db);
    auto calls = store.calls("s1");
    WFS_VERIFY_RESULT(calls);
    QCOMPARE(calls->size(), std::size_t(5));
    const CallRecord &c0 = (*calls)[0];
    QCOMPARE(c0.workflowId, std::string("wf"));
    QCOMPARE(c0.stepId, std::string("x"));
    QCOMPARE(c0.loopId, std::string("L"));
    QCOMPARE(c0.pass, 1);
    QCOMPARE(c0.valid, -1);
    JCOMPARE(Json::parse(c0.answer), first);
    QCOMPARE((*calls)[1].tool, std::string("workflow_validate"));
    QCOMPARE((*calls)[1].stepId, std::string("x"));
    QCOMPARE((*calls)[1].valid, 0);
    QCOMPARE((*calls)[2].pass, 2);
    JCOMPARE(Json::parse((*calls)[2].arguments)["completedSteps"], Json::array({"x"}));
    QVERIFY((*calls)[3].isError);
    QVERIFY((*calls)[3].answer.empty());
    QVERIFY((*calls)[4].complete);
    QVERIFY((*calls)[4].stepId.empty());

    auto heat = computeHeat(store, "wf", {}, {"L", "x"});
    WFS_VERIFY_RESULT(heat);
    QCOMPARE(heat->sessions, 1);
    QCOMPARE(heat->find("x")->reached, 1);
    QCOMPARE(heat->find("x")->loopPasses, 2);
    QCOMPARE(heat->find("L")->loopPasses, 2);
    QCOMPARE(heat->find("x")->validationFailures, 1);
    QCOMPARE(heat->find("x")->stoppedHere, 0); // completed

    // Write-behind: calls wait for the flush, which writes them in order.
    sessions.setWriteBehind(true);
    sessions.recordCall("s2", "studio", "workflow_next", {{"workflowId", "wf"}}, first, false);
    sessions.recordCall("s2", "studio", "workflow_next", {{"workflowId", "wf"}}, second, false);
    QCOMPARE(sessions.get("s2")->unsavedCalls.size(), std::size_t(2));
    auto none = store.calls("s2");
    WFS_VERIFY_RESULT(none);
    QVERIFY(none->empty());
    QCOMPARE(sessions.flushPending(), 1);
    QVERIFY(sessions.get("s2")->unsavedCalls.empty());
    auto two = store.calls("s2");
    WFS_VERIFY_RESULT(two);
    QCOMPARE(two->size(), std::size_t(2));
    QCOMPARE((*two)[1].pass, 2);
    sessions.setWriteBehind(false);

    // Removing a session removes its call log.
    QVERIFY(sessions.remove("s2"));
    auto gone = store.calls("s2");
    WFS_VERIFY_RESULT(gone);
    QVERIFY(gone->empty());
}

// After SessionCall::kMaxDetailedCalls calls a session's calls are logged without their
// arguments and answer (a load test's sessions stay small), still with what the heat map reads.
void TestHeatMap::longSessionKeepsSummaries()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    auto sink = std::make_shared<SqliteSessionSink>(**db);
    SessionManager sessions;
    sessions.setSink(sink);
    sessions.setWriteBehind(true);
    const int n = SessionCall::kMaxDetailedCalls + 2;
    for (int i = 0; i < n; ++i) {
        sessions.recordCall(
            "long", "bench", "workflow_next", {{"workflowId", "wf"}},
            Json{{"step", {{"id", "s" + std::to_string(i % 3)}}}, {"isComplete", false}}, false);
    }
    QCOMPARE(sessions.flushPending(), 1);
    SessionStore store(**db);
    auto calls = store.calls("long");
    WFS_VERIFY_RESULT(calls);
    QCOMPARE(int(calls->size()), n);
    const CallRecord &lastDetailed = (*calls)[std::size_t(SessionCall::kMaxDetailedCalls - 1)];
    QVERIFY(!lastDetailed.answer.empty());
    const CallRecord &summary = calls->back();
    QVERIFY(summary.answer.empty());
    QVERIFY(summary.arguments.empty());
    QCOMPARE(summary.stepId, "s" + std::to_string((n - 1) % 3));
    // Replay still knows the step of a summary-only call.
    const Session at = sessionAtCall(*calls, calls->size() - 1);
    JCOMPARE(at.currentStep["id"], Json(summary.stepId));
    auto heat = computeHeat(store, "wf");
    WFS_VERIFY_RESULT(heat);
    QCOMPARE(heat->find("s0")->reached, 1);
    QCOMPARE(heat->find(summary.stepId)->stoppedHere, 1);
    sessions.setWriteBehind(false);
}

void TestHeatMap::queryFilters_data()
{
    QTest::addColumn<QString>("client");
    QTest::addColumn<qint64>("since");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<int>("reachedB");

    QTest::newRow("all") << "" << qint64(0) << 4 << 3;
    QTest::newRow("agent name") << "Claude Code" << qint64(0) << 2 << 2;
    QTest::newRow("full client text") << "Claude Code (http:1)" << qint64(0) << 1 << 1;
    QTest::newRow("transport") << "stdio" << qint64(0) << 1 << 0;
    QTest::newRow("all http") << "http" << qint64(0) << 2 << 2;
    QTest::newRow("studio") << "studio" << qint64(0) << 1 << 1;
    QTest::newRow("since") << "" << qint64(2500) << 2 << 2;
    QTest::newRow("since and client") << "Claude Code" << qint64(2500) << 1 << 1;
    QTest::newRow("no such client") << "nobody" << qint64(0) << 0 << 0;
    QTest::newRow("quote in the filter is data") << "x' OR '1'='1" << qint64(0) << 0 << 0;
}

void TestHeatMap::queryFilters()
{
    QFETCH(QString, client);
    QFETCH(qint64, since);
    QFETCH(int, sessions);
    QFETCH(int, reachedB);
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    SessionStore store(**db);
    // Four sessions of "wf" (updated at 1000..4000) and one of another workflow.
    const struct
    {
        const char *id;
        const char *client;
        std::int64_t updated;
        bool reachesB;
    } rows[] = {{"s1", "Claude Code (http:1)", 1000, true},
                {"s2", "claude (stdio)", 2000, false},
                {"s3", "studio", 3000, true},
                {"s4", "Claude Code (http:2)", 4000, true}};
    for (const auto &r : rows) {
        WFS_VERIFY_RESULT(store.save({r.id, "wf", r.client, "active", "{}", r.updated, r.updated}));
        CallRecord a;
        a.sessionId = r.id;
        a.workflowId = "wf";
        a.atMs = r.updated - 500;
        a.tool = "workflow_next";
        a.stepId = "a";
        WFS_VERIFY_RESULT(store.appendCall(a));
        if (r.reachesB) {
            a.atMs = r.updated;
            a.stepId = "b";
            WFS_VERIFY_RESULT(store.appendCall(a));
        }
    }
    WFS_VERIFY_RESULT(store.save({"o", "other", "studio", "active", "{}", 5000, 5000}));
    CallRecord o;
    o.sessionId = "o";
    o.workflowId = "other";
    o.atMs = 5000;
    o.tool = "workflow_next";
    o.stepId = "b";
    WFS_VERIFY_RESULT(store.appendCall(o));

    HeatFilter f;
    f.client = client.toStdString();
    f.sinceMs = since;
    auto heat = computeHeat(store, "wf", f, {"a", "b"});
    WFS_VERIFY_RESULT(heat);
    QCOMPARE(heat->sessions, sessions);
    QCOMPARE(heat->find("b")->reached, reachedB);
    QCOMPARE(heat->find("a")->reached, sessions);

    auto clients = heatClients(store, "wf");
    WFS_VERIFY_RESULT(clients);
    const std::vector<std::string> want = {"Claude Code", "claude", "studio"};
    QCOMPARE(*clients, want);
}

// What replay reads: the calls of one session in order, each with its arguments and answer.
void TestHeatMap::replayCalls()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    SessionStore store(**db);
    WFS_VERIFY_RESULT(store.save({"s", "wf", "studio", "active", "{}", 1, 1}));
    for (int i = 0; i < 3; ++i) {
        CallRecord c;
        c.sessionId = "s";
        c.workflowId = "wf";
        c.atMs = 10 + i;
        c.tool = "workflow_next";
        c.stepId = "step-" + std::to_string(i);
        c.arguments = Json{{"workflowId", "wf"}, {"i", i}}.dump();
        c.answer = Json{{"step", {{"id", c.stepId}}}}.dump();
        WFS_VERIFY_RESULT(store.appendCall(c));
    }
    auto calls = store.calls("s");
    WFS_VERIFY_RESULT(calls);
    QCOMPARE(calls->size(), std::size_t(3));
    for (int i = 0; i < 3; ++i) {
        QCOMPARE((*calls)[std::size_t(i)].stepId, "step-" + std::to_string(i));
        JCOMPARE(Json::parse((*calls)[std::size_t(i)].arguments)["i"], Json(i));
    }
    QVERIFY((*calls)[0].seq < (*calls)[1].seq);
}

QTEST_MAIN(TestHeatMap)
#include "tst_heatmap.moc"
