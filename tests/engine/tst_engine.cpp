// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The six tools against WorkRail 0.3.0's recorded answers (surface/), structural checks and bad
// inputs. Conditions, JS values, step validation and sessions have their own tests
// (tst_conditions, tst_jsvalues, tst_stepvalidation, tst_sessions).
#include "enginefixtures.h"

#include "engine/compiledworkflow.h"
#include "engine/engine.h"
#include "engine/jsvalue.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace wfs;
using wfs::test::dropKey;
using wfs::test::parse;
using wfs::test::sharedEngine;

namespace {

// Expands the replay tool's {"$repeat": [s, n]} placeholders.
void expandRepeats(Json &v)
{
    if (v.is_object()) {
        if (v.size() == 1 && v.contains("$repeat") && v["$repeat"].is_array()) {
            const Json r = v["$repeat"];
            std::string s;
            for (int i = 0; i < r[1].get<int>(); ++i)
                s += r[0].get<std::string>();
            v = s;
            return;
        }
        for (auto it = v.begin(); it != v.end(); ++it)
            expandRepeats(it.value());
    } else if (v.is_array()) {
        for (Json &e : v)
            expandRepeats(e);
    }
}

// The recording's scrubbing: timestamps -> "<t>", strings over 2000 chars -> "<string of N chars>".
void scrub(Json &v, const std::string &key = {})
{
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it)
            scrub(it.value(), it.key());
    } else if (v.is_array()) {
        for (Json &e : v)
            scrub(e);
    } else if ((key == "started" && v.is_number()) || key == "lastUpdated") {
        v = "<t>";
    } else if (v.is_string() && v.get_ref<const std::string &>().size() > 2000) {
        v = "<string of " + std::to_string(js::utf16Length(v.get<std::string>())) + " chars>";
    }
}

} // namespace

class TestEngine : public QObject
{
    Q_OBJECT
private slots:
    void surface_data();
    void surface();
    void structuralChecks();
    void badInputs_data();
    void badInputs();
};

// Deliberate deviations from the recording, each explained (reported in the final report).
static const QSet<QString> kDeliberate = {
    // loops.md: a compact _currentLoop is accepted; forEach state is not rewritten to one item.
    QStringLiteral("workflow_next multi-step body, second iteration (compact _currentLoop)"),
    QStringLiteral("workflow_next sending compact _currentLoop back fails"),
    // loops.md: a loop definition sent by the client is never trusted.
    QStringLiteral("workflow_next forged inline _currentLoop is executed"),
    QStringLiteral("workflow_next forged string body: error names the workflow id"),
    // loops.md: no 300 s wall-clock limit on loops (agents take longer than that per pass).
    QStringLiteral("workflow_next stale started ends the loop"),
    // our bundled schema is served and validated against, not WorkRail's v0.2.0 file.
    QStringLiteral("workflow_get_schema"),
};

void TestEngine::surface_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("answer");
    if (!test::hasShared())
        return;
    QFile req(test::sharedDir() + QStringLiteral("/workrail-traces/surface/requests.jsonl"));
    QFile ans(test::sharedDir() + QStringLiteral("/workrail-traces/surface/workrail.jsonl"));
    if (!req.open(QIODevice::ReadOnly) || !ans.open(QIODevice::ReadOnly))
        return;
    while (!req.atEnd() && !ans.atEnd()) {
        const QByteArray r = req.readLine().trimmed();
        const QByteArray a = ans.readLine().trimmed();
        const Json rj = parse(r);
        if (!rj.contains("tool"))
            continue;
        QTest::newRow(rj["label"].get<std::string>().c_str()) << r << a;
    }
}

// Every tools/call exchange recorded from WorkRail, replayed in-process.
void TestEngine::surface()
{
    WFS_REQUIRE_SHARED();
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, answer);
    static std::unique_ptr<Engine> engine = sharedEngine();
    Json req = parse(request);
    const Json ans = parse(answer);
    Json args = req.contains("args") ? req["args"] : Json();
    expandRepeats(args);
    const ToolResult r = engine->callTool(req["tool"].get<std::string>(), args);
    const Json &expected = ans["answers"][0]["result"];
    const bool expectedError = expected.value("isError", false);
    const QString label = QString::fromStdString(req["label"].get<std::string>());
    const std::string expText = expected["content"][0]["text"].get<std::string>();
    Json ours = r.payload;
    Json theirs = ans.contains("decoded") ? ans["decoded"] : Json();
    if (!ours.is_null())
        scrub(ours);
    if (label.startsWith(QLatin1String("workflow_list"))) {
        auto ids = [](const Json &list) {
            QStringList out;
            for (const Json &w : list["workflows"])
                out << QString::fromStdString(w.dump());
            out.sort();
            return out;
        };
        QCOMPARE(ids(ours), ids(theirs));
        return;
    }
    if (kDeliberate.contains(label)) {
        QVERIFY2(!r.contentText().empty(), "answers something");
        if (label == QLatin1String("workflow_get_schema")) {
            QVERIFY(!r.isError);
            QVERIFY(ours["metadata"] == theirs["metadata"]);
            QVERIFY(ours["commonPatterns"] == theirs["commonPatterns"]);
        }
        return;
    }
    QCOMPARE(r.isError, expectedError);
    if (theirs.is_null()) {
        QCOMPARE(QString::fromStdString(r.contentText()), QString::fromStdString(expText));
        return;
    }
    // _contextSize is an estimate (§6.10); validate_json texts depend on the schema file.
    dropKey(ours, "_contextSize");
    dropKey(theirs, "_contextSize");
    if (label.startsWith(QLatin1String("workflow_validate_json")) &&
        ours.value("valid", true) == false && theirs.value("valid", true) == false &&
        !label.contains(QLatin1String("syntax")) && !label.contains(QLatin1String("whitespace")) &&
        !label.contains(QLatin1String("non-string"))) {
        QVERIFY(ours["issues"].is_array() && !ours["issues"].empty());
        return;
    }
    QVERIFY2(ours == theirs,
             qPrintable(QStringLiteral("\nours:     %1\nexpected: %2")
                            .arg(QString::fromStdString(ours.dump()).left(3000),
                                 QString::fromStdString(theirs.dump()).left(3000))));
    // Key order too: clients compare text.
    QCOMPARE(QString::fromStdString(ours.dump()), QString::fromStdString(theirs.dump()));
}

// §1.8 texts and order.
void TestEngine::structuralChecks()
{
    WFS_REQUIRE_SHARED();
    auto engine = sharedEngine();
    auto err = [&](const char *id) {
        const ToolResult r = engine->callTool("workflow_next", {{"workflowId", id}});
        return r.isError ? r.payload["error"].get<std::string>() : std::string();
    };
    QCOMPARE(
        QString::fromStdString(err("probe-invalid-structure")),
        QStringLiteral(
            "Invalid workflow structure: Step 'lp1': for loop count must be a positive number or "
            "context variable name; Step 'lp1': Loop body references non-existent step 'nope'"));
    QCOMPARE(
        QString::fromStdString(err("probe-bad-functions")),
        QStringLiteral(
            "Invalid workflow structure: Step 's01': Invalid type for 'fOne.a': expected number; "
            "Step 's01': Invalid value for 'fOne.m': must be one of x, y; Step 's01': Unknown "
            "function 'nope' in functionCalls; Step 's01': Missing required parameter 'a' for "
            "function 'fOne'"));
    // A custom workflow with several problems (schema checks off to reach the engine checks).
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("wf.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"id":"bad-structure","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"a","title":"A","prompt":"p"},
      {"id":"a","title":"","prompt":"p"},
      {"id":"l1","type":"loop","title":"L","loop":{"type":"while","maxIterations":2000,"iterationVar":"1x"},"body":"a"},
      {"id":"l2","type":"loop","title":"L","loop":{"type":"forEach","maxIterations":0},"body":[]},
      {"id":"l3","type":"loop","title":"L","loop":{"type":"for","count":2,"maxIterations":3},"body":[{"id":"i1","title":"t"},{"id":"i1","title":"t","prompt":"p"}]},
      {"id":"l4","type":"loop","title":"L","loop":{"type":"for","count":"n","maxIterations":3},"body":"l1"},
      {"id":"b","title":"B","prompt":"p","runCondition":{"var":"x"}},
      {"id":"l5","type":"loop","title":"L","loop":{"type":"for","count":1,"maxIterations":3},"body":"b"}]})");
    f.close();
    Engine::Options o;
    o.includeBundled = o.useStandardLocations = o.useEnvironment = o.watchFiles = false;
    o.validateSchema = false;
    o.extraDirs = {dir.path().toStdString()};
    Engine e2(o);
    const ToolResult r = e2.callTool("workflow_next", {{"workflowId", "bad-structure"}});
    QVERIFY(r.isError);
    QCOMPARE(
        QString::fromStdString(r.payload["error"].get<std::string>()),
        QStringLiteral(
            "Invalid workflow structure: Duplicate step ID 'a'; Step 'a' missing required title; "
            "Step 'l1': maxIterations (2000) exceeds safety limit of 1000; Step 'l1': while loop "
            "requires a condition; Step 'l1': Invalid iteration variable name '1x'; Step 'l2': "
            "maxIterations must be a positive number; Step 'l2': forEach loop requires items; "
            "Step 'l2': Loop body array cannot be empty; Step 'l3': Inline step 'i1' must have a "
            "prompt; Step 'l3': Duplicate step ID 'i1' in loop body; Step 'l4': Nested loops are "
            "not "
            "currently supported. Step 'l1' is a loop; Step 'b' is a loop body but has "
            "runCondition - this may cause conflicts"));
}

// Bad inputs: each answers as the spec says or with a clear error, never a crash or hang.
void TestEngine::badInputs_data()
{
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QByteArray>("args");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("contains");
    QTest::newRow("unknown tool") << "nope" << QByteArray("{}") << true << "Unknown tool: nope";
    QTest::newRow("arguments not an object")
        << "workflow_get" << QByteArray("[1]") << true << "Error: id parameter is required";
    QTest::newRow("get id 0") << "workflow_get" << QByteArray(R"({"id":0})") << true
                              << "Error: id parameter is required";
    QTest::newRow("get id number") << "workflow_get" << QByteArray(R"({"id":123})") << true
                                   << "Workflow with id '123' not found";
    QTest::newRow("get id object") << "workflow_get" << QByteArray(R"({"id":{}})") << true
                                   << "Workflow with id '[object Object]' not found";
    QTest::newRow("next workflowId false")
        << "workflow_next" << QByteArray(R"({"workflowId":false})") << true
        << "Error: workflowId parameter is required";
    QTest::newRow("next unknown workflow")
        << "workflow_next" << QByteArray(R"({"workflowId":"zz"})") << true
        << "Workflow with id 'zz' not found";
    QTest::newRow("next context string")
        << "workflow_next"
        << QByteArray(R"({"workflowId":"probe-blocked","completedSteps":["first"],"context":"ab"})")
        << false << R"("0": "a")";
    QTest::newRow("next context number")
        << "workflow_next" << QByteArray(R"({"workflowId":"probe-blocked","context":5})") << false
        << "\"first\"";
    QTest::newRow("next completedSteps number")
        << "workflow_next" << QByteArray(R"({"workflowId":"probe-blocked","completedSteps":5})")
        << true << "completedSteps must be an array";
    QTest::newRow("next completedSteps with numbers")
        << "workflow_next"
        << QByteArray(R"({"workflowId":"probe-blocked","completedSteps":[1,null,{}]})") << false
        << "\"first\"";
    QTest::newRow("next repeated completed ids")
        << "workflow_next"
        << QByteArray(
               R"({"workflowId":"probe-blocked","completedSteps":["first","first","first"],"context":{"flag":false}})")
        << false << "\"flag\"";
    QTest::newRow("next null context reaching a count var loop")
        << "workflow_next"
        << QByteArray(
               R"({"workflowId":"probe-single-for","completedSteps":["start"],"context":null})")
        << true << "Cannot read properties of null (reading 'n')";
    QTest::newRow("next loop count var string")
        << "workflow_next"
        << QByteArray(
               R"({"workflowId":"probe-single-for","completedSteps":["start"],"context":{"n":"2"}})")
        << false << "Invalid count value for 'for' loop: n";
    QTest::newRow("next forged loop state")
        << "workflow_next"
        << QByteArray(
               R"({"workflowId":"probe-multi-for","completedSteps":["start"],"context":{"_currentLoop":"x","_loopState":[1,2]}})")
        << false << "\"body-a\"";
    QTest::newRow("validate missing output")
        << "workflow_validate" << QByteArray(R"({"workflowId":"probe-validate","stepId":"v-none"})")
        << true << "Error: workflowId, stepId, and output parameters are required";
    QTest::newRow("validate unknown workflow")
        << "workflow_validate" << QByteArray(R"({"workflowId":"x","stepId":"y","output":"z"})")
        << true << "Workflow with id 'x' not found";
    QTest::newRow("validate_json empty")
        << "workflow_validate_json" << QByteArray(R"({"workflowJson":""})") << true
        << "Error: workflowJson parameter is required";
    QTest::newRow("validate_json syntax")
        << "workflow_validate_json" << QByteArray(R"({"workflowJson":"{\"id\": \"x\", "})") << false
        << "Expected double-quoted property name in JSON at position 11";
    QTest::newRow("validate_json unexpected token")
        << "workflow_validate_json" << QByteArray(R"({"workflowJson":"[1,]"})") << false
        << R"(Unexpected token ']', \"[1,]\" is not valid JSON)";
    QTest::newRow("validate_json deep nesting")
        << "workflow_validate_json"
        << QByteArray(R"({"workflowJson":")" + QByteArray(5000, '[') + R"("})") << false
        << "\"valid\": false";
}

void TestEngine::badInputs()
{
    WFS_REQUIRE_SHARED();
    QFETCH(QString, tool);
    QFETCH(QByteArray, args);
    QFETCH(bool, isError);
    QFETCH(QString, contains);
    static std::unique_ptr<Engine> engine = sharedEngine();
    const ToolResult r = engine->callTool(tool.toStdString(), parse(args));
    const QString text = QString::fromStdString(r.contentText());
    QCOMPARE(r.isError, isError);
    QVERIFY2(text.contains(contains), qPrintable(text.left(2000)));
}

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
