// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The JSON-RPC core and MCP lifecycle of mcp::Dispatcher over a scripted backend: every error
// code with the right id, version negotiation, batches per revision, cancellation, progress,
// logging, pagination, tools/prompts/resources and list_changed.
#include "fakebackend.h"
#include "jsoncompare.h"
#include "listeningstudio.h"
#include "testutil.h"
#include "wirefixtures.h"

#include "engine/cache/resultcache.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/toolcatalog.h"
#include "engine/metrics/metricsregistry.h"
#include "engine/runtime.h"
#include "engine/services/runtimebackend.h"
#include "model/jsonio.h"

#include <QFile>
#include <QObject>
#include <QTest>

#include <thread>

using namespace wfs;
using namespace wfs::mcp;

namespace {

Json rpc(const std::string &text)
{
    return Json::parse(text);
}

} // namespace

class TestMcpDispatcher : public QObject
{
    Q_OBJECT

private:
    std::shared_ptr<test::FakeBackend> m_backend;
    std::unique_ptr<metrics::MetricsRegistry> m_metrics;
    std::unique_ptr<Dispatcher> m_dispatcher;

    std::shared_ptr<Session> initialized(const char *version)
    {
        auto s = m_dispatcher->createSession("test");
        const Json reply = m_dispatcher->handle(
            *s, rpc(std::string("{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"initialize\","
                                "\"params\":{\"protocolVersion\":\"") +
                    version +
                    "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}"));
        [&] { QVERIFY2(reply.contains("result"), reply.dump().c_str()); }();
        m_dispatcher->handle(*s,
                             rpc("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"));
        return s;
    }

private slots:
    void init()
    {
        m_backend = std::make_shared<test::FakeBackend>();
        m_dispatcher.reset();
        m_metrics = std::make_unique<metrics::MetricsRegistry>();
        Dispatcher::Options options;
        options.metrics = m_metrics.get();
        m_dispatcher = std::make_unique<Dispatcher>(m_backend, options);
    }

    // Every JSON-RPC error code, with the id the request carried (null when none is readable).
    void errors_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("code");
        QTest::addColumn<QByteArray>("id"); // JSON of the expected id

        QTest::newRow("parse error: not JSON")
            << QByteArray("{not json") << -32700 << QByteArray("null");
        QTest::newRow("parse error: truncated")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"") << -32700
            << QByteArray("null");
        QTest::newRow("parse error: invalid UTF-8")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"p\xff\xfe\"}") << -32700
            << QByteArray("null");
        QTest::newRow("parse error: 100000-deep nesting")
            << (QByteArray(100000, '[') + QByteArray(100000, ']')) << -32700 << QByteArray("null");
        QTest::newRow("parse error: deep objects in a string-free body")
            << (QByteArray("{\"a\":").repeated(600) + "1" + QByteArray(600, '}')) << -32700
            << QByteArray("null");
        QTest::newRow("invalid request: no jsonrpc member")
            << QByteArray("{\"id\":99,\"method\":\"ping\"}") << -32600 << QByteArray("99");
        QTest::newRow("invalid request: jsonrpc 1.0")
            << QByteArray("{\"jsonrpc\":\"1.0\",\"id\":\"a\",\"method\":\"ping\"}") << -32600
            << QByteArray("\"a\"");
        QTest::newRow("invalid request: null id")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"ping\"}") << -32600
            << QByteArray("null");
        QTest::newRow("invalid request: object id")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"ping\"}") << -32600
            << QByteArray("null");
        QTest::newRow("invalid request: method is a number")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":7}") << -32600
            << QByteArray("3");
        QTest::newRow("invalid request: a bare number")
            << QByteArray("42") << -32600 << QByteArray("null");
        QTest::newRow("invalid request: empty batch")
            << QByteArray("[]") << -32600 << QByteArray("null");
        QTest::newRow("method not found: string id kept as string")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"method\":\"nope/nothing\"}")
            << -32601 << QByteArray("\"7\"");
        QTest::newRow("method not found: roots/list is a client feature")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"roots/list\"}") << -32601
            << QByteArray("4");
        QTest::newRow("invalid params: params is an array")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"ping\",\"params\":[1]}")
            << -32602 << QByteArray("5");
        QTest::newRow("invalid params: tools/call without params")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"tools/call\"}") << -32602
            << QByteArray("9");
        QTest::newRow("invalid params: tools/call without name")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{}}")
            << -32602 << QByteArray("8");
        QTest::newRow("invalid params: unknown tool")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/"
                          "call\",\"params\":{\"name\":\"no_such_tool\",\"arguments\":{}}}")
            << -32602 << QByteArray("7");
        QTest::newRow("invalid params: bad log level")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":10,\"method\":\"logging/"
                          "setLevel\",\"params\":{\"level\":\"loud\"}}")
            << -32602 << QByteArray("10");
        QTest::newRow("invalid params: bad cursor")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":11,\"method\":\"prompts/"
                          "list\",\"params\":{\"cursor\":\"xyz!\"}}")
            << -32602 << QByteArray("11");
        QTest::newRow("invalid params: cursor of another list")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":12,\"method\":\"prompts/"
                          "list\",\"params\":{\"cursor\":\"cmVzb3VyY2VzOjE\"}}")
            << -32602 << QByteArray("12");
        QTest::newRow("invalid params: initialize without version")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":13,\"method\":\"initialize\",\"params\":{}}")
            << -32602 << QByteArray("13");
        QTest::newRow("invalid params: unknown prompt")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":14,\"method\":\"prompts/"
                          "get\",\"params\":{\"name\":\"zzz\"}}")
            << -32602 << QByteArray("14");
        QTest::newRow("invalid params: wrong argument type (2025-03-26 default)")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":15,\"method\":\"tools/"
                          "call\",\"params\":{\"name\":\"workflow_next\",\"arguments\":{"
                          "\"workflowId\":\"a\",\"completedSteps\":\"x\"}}}")
            << -32602 << QByteArray("15");
        QTest::newRow("resource not found")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":16,\"method\":\"resources/"
                          "read\",\"params\":{\"uri\":\"workflow://zzz\"}}")
            << -32002 << QByteArray("16");
        QTest::newRow("internal error: the backend throws")
            << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":17,\"method\":\"tools/"
                          "call\",\"params\":{\"name\":\"workflow_validate_json\",\"arguments\":{"
                          "\"workflowJson\":\"boom\"}}}")
            << -32603 << QByteArray("17");
    }
    void errors()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, code);
        QFETCH(QByteArray, id);
        auto s = m_dispatcher->createSession("test");
        const std::string reply = m_dispatcher->handleText(
            *s, std::string_view(input.constData(), static_cast<std::size_t>(input.size())));
        QVERIFY2(!reply.empty(), "an error must be answered");
        const Json j = Json::parse(reply);
        JCOMPARE(j["jsonrpc"], "2.0");
        JCOMPARE(j["error"]["code"].get<int>(), code);
        QVERIFY(j["error"]["message"].is_string());
        QCOMPARE(QByteArray::fromStdString(j["id"].dump()), id);
        QVERIFY2(!j.contains("result"), "exactly one of result/error");
        JCOMPARE(j.size(), std::size_t(3));
    }

    void negotiation_data()
    {
        QTest::addColumn<QString>("requested");
        QTest::addColumn<QString>("answered");
        QTest::addColumn<bool>("instructions");
        QTest::newRow("2024-11-05 echoed") << "2024-11-05"
                                           << "2024-11-05" << false;
        QTest::newRow("2025-03-26 echoed") << "2025-03-26"
                                           << "2025-03-26" << true;
        QTest::newRow("2025-06-18 echoed") << "2025-06-18"
                                           << "2025-06-18" << true;
        QTest::newRow("2025-11-25 echoed") << "2025-11-25"
                                           << "2025-11-25" << true;
        QTest::newRow("unknown old version gets our newest") << "2024-10-07"
                                                             << "2025-11-25" << true;
        QTest::newRow("future version gets our newest") << "2099-01-01"
                                                        << "2025-11-25" << true;
    }
    void negotiation()
    {
        QFETCH(QString, requested);
        QFETCH(QString, answered);
        QFETCH(bool, instructions);
        auto s = m_dispatcher->createSession("test");
        const Json reply = m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                    "\"protocolVersion\":\"" +
                    requested.toStdString() +
                    "\",\"capabilities\":{},\"clientInfo\":{\"name\":\"c\",\"version\":\"1\"}}}"));
        const Json &r = reply["result"];
        QCOMPARE(QString::fromStdString(r["protocolVersion"].get<std::string>()), answered);
        JCOMPARE(r["serverInfo"]["name"], "workflow-studio");
        QVERIFY(r["serverInfo"]["version"].is_string());
        QVERIFY(r["capabilities"].is_object());
        JCOMPARE(r["capabilities"]["tools"]["listChanged"], true);
        QVERIFY(r["capabilities"]["logging"].is_object());
        QCOMPARE(r.contains("instructions"), instructions);
        QCOMPARE(s->version().has_value(), true);
        QCOMPARE(QString(protocolVersionString(*s->version())), answered);
        // A second initialize on the same session is refused.
        const Json again =
            m_dispatcher->handle(*s, rpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"initialize\","
                                         "\"params\":{\"protocolVersion\":\"2025-06-18\"}}"));
        JCOMPARE(again["error"]["code"].get<int>(), -32600);
    }

    void lifecycle()
    {
        auto s = m_dispatcher->createSession("test");
        // ping before initialize is answered with exactly {}
        QCOMPARE(m_dispatcher->handleText(*s, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}"),
                 std::string("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{}}"));
        // notifications are never answered, known or not
        QCOMPARE(m_dispatcher->handleText(
                     *s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}"),
                 std::string());
        QVERIFY(s->ready());
        QCOMPARE(m_dispatcher->handleText(
                     *s, "{\"jsonrpc\":\"2.0\",\"method\":\"no/such/notification\"}"),
                 std::string());
        // a stray response is ignored
        QCOMPARE(m_dispatcher->handleText(*s, "{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{}}"),
                 std::string());
        QCOMPARE(m_dispatcher->handleText(*s, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"logging/"
                                              "setLevel\",\"params\":{\"level\":\"info\"}}"),
                 std::string("{\"jsonrpc\":\"2.0\",\"id\":6,\"result\":{}}"));
        QCOMPARE(*s->logLevel(), LogLevel::Info);
    }

    void batches_data()
    {
        QTest::addColumn<QString>("version"); // "" = no initialize yet
        QTest::addColumn<bool>("allowed");
        QTest::newRow("before initialize: accepted") << "" << true;
        QTest::newRow("2024-11-05: rejected") << "2024-11-05" << false;
        QTest::newRow("2025-03-26: accepted") << "2025-03-26" << true;
        QTest::newRow("2025-06-18: rejected") << "2025-06-18" << false;
        QTest::newRow("2025-11-25: rejected") << "2025-11-25" << false;
    }
    void batches()
    {
        QFETCH(QString, version);
        QFETCH(bool, allowed);
        auto s = version.isEmpty() ? m_dispatcher->createSession("t")
                                   : initialized(version.toLatin1().constData());
        const Json reply = m_dispatcher->handle(
            *s, rpc("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"},{\"jsonrpc\":\"2.0\","
                    "\"method\":\"notifications/"
                    "x\"},{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"method\":\"nope\"},{\"x\":1}]"));
        if (!allowed) {
            QVERIFY(reply.is_object());
            JCOMPARE(reply["error"]["code"].get<int>(), -32600);
            QVERIFY(reply["id"].is_null());
            return;
        }
        QVERIFY2(reply.is_array(), reply.dump().c_str());
        JCOMPARE(reply.size(), std::size_t(3)); // the notification gets no answer
        JCOMPARE(reply[0]["result"], Json::object());
        JCOMPARE(reply[1]["error"]["code"].get<int>(), -32601);
        JCOMPARE(reply[1]["id"], "b");
        JCOMPARE(reply[2]["error"]["code"].get<int>(), -32600);
        // initialize inside a batch is always invalid; only notifications: no answer at all
        QCOMPARE(
            m_dispatcher
                ->handle(*s,
                         rpc("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
                             "\"protocolVersion\":\"2025-03-26\"}}]"))["error"]["code"]
                .get<int>(),
            -32600);
        QVERIFY(
            m_dispatcher->handle(*s, rpc("[{\"jsonrpc\":\"2.0\",\"method\":\"notifications/x\"}]"))
                .is_null());
    }

    // tools/list answers WorkRail's six tools; R1 clients get them byte-identical.
    void toolsListPerVersion_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("annotations");
        QTest::addColumn<bool>("outputSchema");
        QTest::newRow("2024-11-05: WorkRail's exact entries") << "2024-11-05" << false << false;
        QTest::newRow("2025-03-26: + annotations") << "2025-03-26" << true << false;
        QTest::newRow("2025-06-18: + title, outputSchema") << "2025-06-18" << true << true;
        QTest::newRow("2025-11-25: + title, outputSchema") << "2025-11-25" << true << true;
    }
    void toolsListPerVersion()
    {
        QFETCH(QString, version);
        QFETCH(bool, annotations);
        QFETCH(bool, outputSchema);
        auto s = initialized(version.toLatin1().constData());
        const Json r = m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))["result"];
        JCOMPARE(r["tools"].size(), std::size_t(6));
        QVERIFY(!r.contains("nextCursor"));
        const char *names[] = {"workflow_list", "workflow_next"};
        JCOMPARE(r["tools"][0]["name"], names[0]);
        JCOMPARE(r["tools"][2]["name"], names[1]);
        for (const Json &t : r["tools"]) {
            QVERIFY(!t["description"].get<std::string>().empty());
            JCOMPARE(t["inputSchema"]["type"], "object");
            QCOMPARE(t.contains("annotations"), annotations);
            QCOMPARE(t.contains("outputSchema"), outputSchema);
            QCOMPARE(t.contains("title"), outputSchema);
            if (outputSchema)
                JCOMPARE(t["outputSchema"]["type"], "object");
        }
    }

    // The R1 tools/list result is byte-identical to WorkRail's recorded answer.
    void toolsListMatchesWorkRail()
    {
        WFS_REQUIRE_SHARED();
        QFile f(test::sharedDir() + "/workrail-traces/surface/workrail.jsonl");
        QVERIFY(f.open(QIODevice::ReadOnly));
        Json recorded;
        while (!f.atEnd()) {
            const Json line = Json::parse(f.readLine().toStdString());
            if (line["label"] == "tools/list")
                recorded = line["answers"][0]["result"];
        }
        QVERIFY(recorded.is_object());
        auto s = initialized("2024-11-05");
        const Json r = m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}"))["result"];
        QCOMPARE(serialize(r), serialize(recorded));
    }

    // Required arguments missing/falsy reach the engine (WorkRail's texts); other schema
    // violations are -32602 before 2025-11-25 and isError results from 2025-11-25 on.
    void argumentEnforcement_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("call"); // params of tools/call
        QTest::addColumn<QString>("expect");  // "engine", "rpc-error", "tool-error"
        QTest::newRow("missing workflowId goes to the engine (R3)")
            << "2025-06-18"
            << QByteArray("{\"name\":\"workflow_next\",\"arguments\":{\"completedSteps\":[]}}")
            << "engine";
        QTest::newRow("empty workflowId goes to the engine (R4)")
            << "2025-11-25"
            << QByteArray("{\"name\":\"workflow_next\",\"arguments\":{\"workflowId\":\"\"}}")
            << "engine";
        QTest::newRow("no arguments at all goes to the engine")
            << "2025-06-18" << QByteArray("{\"name\":\"workflow_get\"}") << "engine";
        QTest::newRow("valid arguments") << "2025-06-18"
                                         << QByteArray("{\"name\":\"workflow_get\",\"arguments\":{"
                                                       "\"id\":\"alpha\",\"mode\":\"metadata\"}}")
                                         << "engine";
        QTest::newRow("wrong type is -32602 before R4")
            << "2025-06-18"
            << QByteArray("{\"name\":\"workflow_next\",\"arguments\":{\"workflowId\":\"a\","
                          "\"context\":[1]}}")
            << "rpc-error";
        QTest::newRow("bad id pattern is -32602 before R4")
            << "2024-11-05"
            << QByteArray("{\"name\":\"workflow_get\",\"arguments\":{\"id\":\"../etc/passwd\"}}")
            << "rpc-error";
        QTest::newRow("extra argument is -32602 before R4")
            << "2025-03-26" << QByteArray("{\"name\":\"workflow_list\",\"arguments\":{\"x\":1}}")
            << "rpc-error";
        QTest::newRow("wrong type is a tool error in R4")
            << "2025-11-25"
            << QByteArray("{\"name\":\"workflow_validate\",\"arguments\":{\"workflowId\":\"a\","
                          "\"stepId\":\"b\",\"output\":12345}}")
            << "tool-error";
        QTest::newRow("unknown mode is a tool error in R4")
            << "2025-11-25"
            << QByteArray(
                   "{\"name\":\"workflow_get\",\"arguments\":{\"id\":\"a\",\"mode\":\"full\"}}")
            << "tool-error";
    }
    void argumentEnforcement()
    {
        QFETCH(QString, version);
        QFETCH(QByteArray, call);
        QFETCH(QString, expect);
        auto s = initialized(version.toLatin1().constData());
        const int before = m_backend->calls();
        Json msg = rpc("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\"}");
        msg["params"] = Json::parse(call.toStdString());
        const Json reply = m_dispatcher->handle(*s, msg);
        if (expect == "engine") {
            QCOMPARE(m_backend->calls(), before + 1);
            QVERIFY2(reply.contains("result"), reply.dump().c_str());
        } else if (expect == "rpc-error") {
            QCOMPARE(m_backend->calls(), before);
            JCOMPARE(reply["error"]["code"].get<int>(), -32602);
            QVERIFY(reply["error"]["message"].get<std::string>().rfind("Invalid arguments for tool",
                                                                       0) == 0);
        } else {
            QCOMPARE(m_backend->calls(), before);
            JCOMPARE(reply["result"]["isError"], true);
            QVERIFY(reply["result"]["content"][0]["text"].get<std::string>().find(
                        "Invalid arguments") == 0);
        }
    }

    void toolResultShape_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("structured");
        QTest::newRow("2024-11-05: content only") << "2024-11-05" << false;
        QTest::newRow("2025-03-26: content only") << "2025-03-26" << false;
        QTest::newRow("2025-06-18: + structuredContent") << "2025-06-18" << true;
        QTest::newRow("2025-11-25: + structuredContent") << "2025-11-25" << true;
    }
    void toolResultShape()
    {
        QFETCH(QString, version);
        QFETCH(bool, structured);
        auto s = initialized(version.toLatin1().constData());
        const Json r =
            m_dispatcher->handle(*s, rpc("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/"
                                         "call\",\"params\":{\"name\":\"workflow_next\","
                                         "\"arguments\":{\"workflowId\":\"alpha\"}}}"))["result"];
        JCOMPARE(r["content"][0]["type"], "text");
        // content[0].text is the payload as pretty JSON (JSON.stringify(payload, null, 2))
        JCOMPARE(r["content"][0]["text"].get<std::string>(),
                 toJsJson(r.value("structuredContent",
                                  Json::parse(r["content"][0]["text"].get<std::string>())),
                          2));
        QCOMPARE(r.contains("structuredContent"), structured);
        QVERIFY(!r.contains("isError"));
        // plain-text engine errors stay isError results with WorkRail's text
        const Json e =
            m_dispatcher->handle(*s, rpc("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/"
                                         "call\",\"params\":{\"name\":\"workflow_next\","
                                         "\"arguments\":{\"completedSteps\":[]}}}"))["result"];
        JCOMPARE(e["isError"], true);
        JCOMPARE(e["content"][0]["text"], "Error: workflowId parameter is required");
        QVERIFY(!e.contains("structuredContent"));
        // the engine session is the MCP session
        QCOMPARE(m_backend->lastContext().sessionId, s->id());
    }

    void progressAndLogging()
    {
        auto s = initialized("2025-11-25");
        std::vector<Json> notes;
        const Emit notify = [&notes](const Json &m) { notes.push_back(m); };
        // no token, no level: nothing emitted
        m_dispatcher->handle(
            *s,
            rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/"
                "call\",\"params\":{\"name\":\"workflow_list\",\"arguments\":{}}}"),
            notify);
        JCOMPARE(notes.size(), std::size_t(0));
        m_dispatcher->handle(*s,
                             rpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/"
                                 "call\",\"params\":{\"name\":\"workflow_list\",\"arguments\":{},"
                                 "\"_meta\":{\"progressToken\":\"tok\"}}}"),
                             notify);
        JCOMPARE(notes.size(), std::size_t(2));
        JCOMPARE(notes[0]["method"], "notifications/progress");
        JCOMPARE(notes[0]["params"]["progressToken"], "tok");
        QVERIFY(notes[0]["params"]["progress"].get<double>() <
                notes[1]["params"]["progress"].get<double>());
        notes.clear();
        m_dispatcher->handle(*s, rpc("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"logging/"
                                     "setLevel\",\"params\":{\"level\":\"debug\"}}"));
        m_dispatcher->handle(
            *s,
            rpc("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"tools/"
                "call\",\"params\":{\"name\":\"workflow_list\",\"arguments\":{}}}"),
            notify);
        JCOMPARE(notes.size(), std::size_t(1));
        JCOMPARE(notes[0]["method"], "notifications/message");
        JCOMPARE(notes[0]["params"]["level"], "debug");
        JCOMPARE(notes[0]["params"]["data"]["tool"], "workflow_list");
        notes.clear();
        m_dispatcher->handle(*s, rpc("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"logging/"
                                     "setLevel\",\"params\":{\"level\":\"error\"}}"));
        m_dispatcher->handle(
            *s,
            rpc("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/"
                "call\",\"params\":{\"name\":\"workflow_list\",\"arguments\":{}}}"),
            notify);
        JCOMPARE(notes.size(), std::size_t(0));
        // every call measured per tool (engine/metrics histograms) and in the request log
        const auto stats = m_dispatcher->toolLatency("workflow_list").histogram().snapshot();
        JCOMPARE(stats.count, std::uint64_t(4));
        JCOMPARE(m_metrics->operation("mcp/workflow_list").histogram().snapshot().count,
                 std::uint64_t(4));
        std::vector<RequestLogEntry> log = m_dispatcher->requestLog().snapshot();
        std::erase_if(log, [](const RequestLogEntry &e) { return e.method != "tools/call"; });
        JCOMPARE(log.size(), std::size_t(4));
        for (const auto &entry : log) {
            JCOMPARE(entry.tool, std::string("workflow_list"));
            JCOMPARE(entry.session, s->id());
            QVERIFY(!entry.isError);
            QVERIFY(entry.latencyUs >= 0);
        }
    }

    // notifications/cancelled for a running request: its answer is dropped.
    void cancellation()
    {
        auto s = initialized("2025-06-18");
        m_backend->setBlocking(true);
        Json reply = Json::object();
        std::thread worker([&] {
            reply = m_dispatcher->handle(
                *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"tools/"
                        "call\",\"params\":{\"name\":\"workflow_list\",\"arguments\":{}}}"));
        });
        m_backend->waitForCalls(1);
        // unknown ids and malformed cancellations are ignored
        QCOMPARE(m_dispatcher->handleText(*s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/"
                                              "cancelled\",\"params\":{\"requestId\":\"other\"}}"),
                 std::string());
        QCOMPARE(
            m_dispatcher->handleText(
                *s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{}}"),
            std::string());
        QCOMPARE(m_dispatcher->handleText(
                     *s, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/"
                         "cancelled\",\"params\":{\"requestId\":\"slow\",\"reason\":\"user\"}}"),
                 std::string());
        m_backend->setBlocking(false);
        worker.join();
        QVERIFY2(reply.is_null(), reply.dump().c_str());
        // the same id may be used again afterwards and is answered
        const Json again = m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"ping\"}"));
        JCOMPARE(again["result"], Json::object());
    }

    void pagination()
    {
        Dispatcher::Options o;
        o.pageSize = 2;
        auto backend = std::make_shared<test::FakeBackend>();
        Dispatcher paged(backend, o);
        auto s = paged.createSession("t");
        Json r = paged.handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}"))["result"];
        JCOMPARE(r["prompts"].size(), std::size_t(2));
        QVERIFY(r["nextCursor"].is_string());
        Json msg = rpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/list\",\"params\":{}}");
        msg["params"]["cursor"] = r["nextCursor"];
        r = paged.handle(*s, msg)["result"];
        JCOMPARE(r["prompts"].size(), std::size_t(1));
        JCOMPARE(r["prompts"][0]["name"], "gamma");
        QVERIFY(!r.contains("nextCursor"));
        JCOMPARE(r["prompts"][0]["description"], "gamma"); // never empty
        // resources: the schema + 3 workflows = 2 pages
        r = paged.handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"resources/list\"}"))["result"];
        JCOMPARE(r["resources"].size(), std::size_t(2));
        QVERIFY(r.contains("nextCursor"));
    }

    void promptsAndResources()
    {
        auto s = initialized("2025-06-18");
        const Json list = m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"prompts/list\"}"))["result"];
        JCOMPARE(list["prompts"].size(), std::size_t(3));
        JCOMPARE(list["prompts"][0]["name"], "alpha");
        JCOMPARE(list["prompts"][0]["title"], "Alpha Flow");
        JCOMPARE(list["prompts"][0]["description"], "First workflow");
        const Json get = m_dispatcher->handle(
            *s,
            rpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"prompts/"
                "get\",\"params\":{\"name\":\"alpha\",\"arguments\":{\"task\":\"fix bug 12\"}}}"))
                             ["result"];
        const std::string text = get["messages"][0]["content"]["text"].get<std::string>();
        JCOMPARE(get["messages"][0]["role"], "user");
        QVERIFY2(text.find("fix bug 12") != std::string::npos, text.c_str());
        QVERIFY(text.find("1. Plan the work (plan)") != std::string::npos);
        QVERIFY(text.find("[conditional]") != std::string::npos);
        QVERIFY(text.find("forEach loop") != std::string::npos);
        QVERIFY(text.find("   1. Do it (do)") != std::string::npos);
        QVERIFY(text.find("A repository is open") != std::string::npos);
        QVERIFY(text.find("workflow_next") != std::string::npos);
        QCOMPARE(
            m_dispatcher
                ->handle(*s,
                         rpc("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/"
                             "get\",\"params\":{\"name\":\"alpha\",\"arguments\":{\"task\":5}}}"))
                    ["error"]["code"]
                .get<int>(),
            -32602);

        const Json res = m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"resources/list\"}"))["result"];
        JCOMPARE(res["resources"].size(), std::size_t(4));
        JCOMPARE(res["resources"][1]["uri"], "workflow://alpha");
        JCOMPARE(res["resources"][1]["name"], "alpha");
        const Json read = m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"resources/"
                    "read\",\"params\":{\"uri\":\"workflow://beta\"}}"))["result"];
        JCOMPARE(read["contents"][0]["mimeType"], "application/json");
        JCOMPARE(Json::parse(read["contents"][0]["text"].get<std::string>())["id"], "beta");
        Json schemaRead =
            rpc("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"resources/read\",\"params\":{}}");
        schemaRead["params"]["uri"] = res["resources"][0]["uri"];
        JCOMPARE(Json::parse(m_dispatcher->handle(*s, schemaRead)["result"]["contents"][0]["text"]
                                 .get<std::string>())["type"],
                 "object");
        const Json templates = m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"resources/templates/list\"}"))
                                   ["result"];
        JCOMPARE(templates["resourceTemplates"][0]["uriTemplate"], "workflow://{id}");
    }

    void listChangedGoesToReadySessions()
    {
        auto ready = initialized("2025-06-18");
        auto fresh = m_dispatcher->createSession("t2");
        std::vector<Json> readyGot;
        std::vector<Json> freshGot;
        ready->setSink([&](const Json &m) { readyGot.push_back(m); });
        fresh->setSink([&](const Json &m) { freshGot.push_back(m); });
        m_backend->fireChanged();
        JCOMPARE(readyGot.size(), std::size_t(3));
        JCOMPARE(readyGot[0]["method"], "notifications/tools/list_changed");
        JCOMPARE(readyGot[1]["method"], "notifications/prompts/list_changed");
        JCOMPARE(readyGot[2]["method"], "notifications/resources/list_changed");
        QVERIFY(!readyGot[0].contains("id"));
        JCOMPARE(freshGot.size(), std::size_t(0));
        m_dispatcher->closeSession(ready->id());
        m_backend->fireChanged();
        JCOMPARE(readyGot.size(), std::size_t(3));
    }

    void sessionIdsAreRandom()
    {
        const std::string a = randomHexId();
        const std::string b = randomHexId();
        JCOMPARE(a.size(), std::size_t(32));
        QVERIFY(a != b);
        QVERIFY(a.find_first_not_of("0123456789abcdef") == std::string::npos);
    }

    // Output::Wire splices answers the cache wrote out (rawJson); the bytes on the wire are
    // exactly those of the plain response, on a miss and on a hit, for every revision.
    void wireOutputMatchesPlain_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<QByteArray>("request");
        const char *versions[] = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25"};
        for (const char *v : versions) {
            for (const auto &[name, text] : test::wireRequests())
                QTest::addRow("%s %s", v, name) << QString(v) << QByteArray(text);
        }
    }
    void wireOutputMatchesPlain()
    {
        QFETCH(QString, version);
        QFETCH(QByteArray, request);
        Runtime::Options o = test::isolatedRuntimeOptions();
        o.tickMetrics = false;
        o.registry = m_metrics.get();
        Runtime runtime(o);
        Dispatcher::Options options;
        options.metrics = m_metrics.get();
        Dispatcher dispatcher(std::make_shared<RuntimeBackend>(&runtime), options);
        m_dispatcher.reset(); // initialized() below works on `dispatcher`
        const auto start = [&] {
            auto s = dispatcher.createSession("test");
            dispatcher.handleText(*s, test::initializeRequest(version.toStdString()));
            return s;
        };
        const auto wire = start();
        const auto plain = start();
        const Json parsed = Json::parse(request.toStdString());
        for (int round = 0; round < 2; ++round) { // miss, then hit
            const std::string onWire = dispatcher.handleText(*wire, request.toStdString());
            const std::string expected = serialize(dispatcher.handle(*plain, parsed));
            QVERIFY2(onWire == expected, (onWire + "\n!=\n" + expected).c_str());
            QVERIFY(!Json::parse(onWire).contains("error"));
        }
        if (parsed["method"] == "tools/call") {
            std::uint64_t hits = 0;
            for (const auto &op : runtime.cache().stats().operations)
                hits += op.l1Hits;
            QVERIFY(hits >= 2); // the second round of both sessions came from the cache
        }
    }

    // serialize() is the wire format: byte-identical to nlohmann's dump with replacement of
    // invalid UTF-8, on every kind of value.
    void serializeMatchesDump_data()
    {
        QTest::addColumn<QByteArray>("bytes"); // a JSON text, or raw bytes as one string value
        QTest::addColumn<bool>("raw");
        QTest::newRow("message") << QByteArray("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{}}")
                                 << false;
        QTest::newRow("escapes") << QByteArray("[\"q\\\"b\\\\s\\/n\\nt\\tr\\rf\\fb\\b\"]") << false;
        QTest::newRow("control characters")
            << QByteArray("\"\\u0001\\u001f\\u007f\\u0000x\"") << false;
        QTest::newRow("non-ASCII")
            << QByteArray("{\"k\\u00e9\":\"\xe2\x82\xac \xf0\x9f\x98\x80 \xe4\xb8\xad\"}") << false;
        QTest::newRow("numbers")
            << QByteArray("[0,-1,18446744073709551615,-9223372036854775808,1.5,1e300,-0.0,0.1,3.0]")
            << false;
        QTest::newRow("empty containers and literals")
            << QByteArray("[{},[],\"\",null,true,false,{\"a\":[{}]}]") << false;
        QTest::newRow("invalid UTF-8: lone continuation") << QByteArray("a\x80"
                                                                        "b")
                                                          << true;
        QTest::newRow("invalid UTF-8: truncated sequence") << QByteArray("ok \xe2\x82") << true;
        QTest::newRow("invalid UTF-8: overlong") << QByteArray("\xc0\xaf and \xe0\x80\xaf") << true;
        QTest::newRow("invalid UTF-8: surrogate") << QByteArray("\xed\xa0\x80") << true;
        QTest::newRow("invalid UTF-8: above U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << true;
        QTest::newRow("valid edge code points")
            << QByteArray(
                   "\xc2\x80\xdf\xbf\xe0\xa0\x80\xef\xbf\xbf\xf0\x90\x80\x80\xf4\x8f\xbf\xbf")
            << true;
    }
    void rawJsonIsWrittenVerbatim()
    {
        const auto [message, expected] = test::rawJsonMessage();
        QCOMPARE(serialize(message), expected);
    }

    void serializeMatchesDump()
    {
        QFETCH(QByteArray, bytes);
        const std::string text = bytes.toStdString();
        QFETCH(bool, raw);
        const Json value = raw ? Json(text) : Json::parse(text);
        const Json wrapped = Json{{"k", value}, {"arr", Json::array({value, value})}};
        for (const Json &j : {value, wrapped}) {
            const std::string expected = j.dump(-1, ' ', false, Json::error_handler_t::replace);
            const std::string actual = serialize(j);
            QVERIFY2(actual == expected, (actual + " != " + expected).c_str());
        }
    }

    // The request log is bounded, ordered, readable incrementally, and its notification is
    // coalesced until the next read.
    void requestLogIsBoundedAndCoalesced()
    {
        RequestLog log(3);
        int notified = 0;
        QObject::connect(&log, &RequestLog::appended, [&notified] { ++notified; });
        for (int i = 0; i < 5; ++i) {
            RequestLogEntry e;
            e.method = "m" + std::to_string(i);
            log.append(std::move(e));
        }
        JCOMPARE(notified, 1);
        JCOMPARE(log.size(), std::size_t(3));
        JCOMPARE(log.lastSequence(), std::uint64_t(5));
        const auto all = log.snapshot();
        JCOMPARE(all.size(), std::size_t(3));
        JCOMPARE(all.front().method, std::string("m2"));
        JCOMPARE(all.back().sequence, std::uint64_t(5));
        JCOMPARE(log.snapshot(1).front().method, std::string("m4"));
        JCOMPARE(log.since(3).size(), std::size_t(2));
        JCOMPARE(log.since(5).size(), std::size_t(0));
        RequestLogEntry e;
        e.method = "m5";
        log.append(std::move(e));
        JCOMPARE(notified, 2); // read in between: notified again
        // concurrent writers lose nothing and keep the bound
        RequestLog busy(100);
        std::vector<std::thread> writers;
        for (int t = 0; t < 4; ++t) {
            writers.emplace_back([&busy] {
                for (int i = 0; i < 1000; ++i)
                    busy.append(RequestLogEntry{});
            });
        }
        for (std::thread &t : writers)
            t.join();
        JCOMPARE(busy.lastSequence(), std::uint64_t(4000));
        JCOMPARE(busy.size(), std::size_t(100));
    }

    // Every answered request is logged with its session, method, tool, latency and error.
    void requestLogEntries()
    {
        auto s = initialized("2025-06-18");
        m_dispatcher->handle(*s, rpc("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nope\"}"));
        m_dispatcher->handle(
            *s, rpc("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/"
                    "call\",\"params\":{\"name\":\"workflow_next\",\"arguments\":{}}}"));
        const auto log = m_dispatcher->requestLog().snapshot();
        JCOMPARE(log.size(), std::size_t(3)); // initialize, nope, tools/call (no notifications)
        JCOMPARE(log[0].method, std::string("initialize"));
        JCOMPARE(log[0].client, std::string("t")); // clientInfo.name
        JCOMPARE(log[0].transport, std::string("stdio"));
        JCOMPARE(log[1].errorCode, -32601);
        QVERIFY(log[1].isError);
        JCOMPARE(log[1].error, std::string("Method not found"));
        JCOMPARE(log[2].tool, std::string("workflow_next"));
        QVERIFY(log[2].isError); // an isError tool result
        JCOMPARE(log[2].error, std::string("Error: workflowId parameter is required"));
        JCOMPARE(m_metrics->operation("mcp/other").histogram().snapshot().count, std::uint64_t(1));
        JCOMPARE(m_dispatcher->toolLatency("workflow_next").histogram().snapshot().errors,
                 std::uint64_t(1));
    }
};

QTEST_GUILESS_MAIN(TestMcpDispatcher)
#include "tst_mcpdispatcher.moc"
