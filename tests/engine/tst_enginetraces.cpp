// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow_next walks: every recorded trace of ../shared/workrail-traces replayed in-process with
// the client policies of mcp-trace.mjs, and every example of spec/loops.md under the echo, strip
// and own clients (completedSteps appended with repeats).
#include "testfiles.h"
#include "testutil.h"
#include "tracedriver.h"

#include "engine/engine.h"
#include "model/jsonio.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wfs;
using wfs::test::readJson;

namespace {

std::vector<Json> readJsonl(const QString &path)
{
    std::vector<Json> out;
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return out;
    while (!f.atEnd()) {
        const QByteArray line = f.readLine().trimmed();
        if (line.isEmpty())
            continue;
        const ParsedJson p =
            parseJson(std::string_view(line.constData(), static_cast<std::size_t>(line.size())));
        out.push_back(p.ok ? p.value : Json());
    }
    return out;
}

std::unique_ptr<Engine> traceEngine(const std::vector<std::string> &extra = {})
{
    const QString s = test::sharedDir();
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {(s + "/workrail/workflows").toStdString(),
                   (s + "/workrail/workflows/examples/loops").toStdString(),
                   (s + "/workrail-traces/workflows").toStdString()};
    for (const std::string &d : extra)
        o.extraDirs.push_back(d);
    return std::make_unique<Engine>(o);
}

// "step@iteration" per line (iteration omitted outside loops), then "#end".
QStringList sequence(const test::TraceRun &run)
{
    QStringList out;
    for (const Json &l : run.lines) {
        if (l.contains("end")) {
            out << QStringLiteral("#") + QString::fromStdString(l["end"].get<std::string>());
            continue;
        }
        if (l.value("isError", false)) {
            out << QStringLiteral("ERROR: ") +
                       QString::fromStdString(l.value("error", std::string()));
            continue;
        }
        if (l["step"].is_null()) {
            out << (l.value("isComplete", false) ? QStringLiteral("(complete)")
                                                 : QStringLiteral("(blocked)"));
            continue;
        }
        QString s = QString::fromStdString(l["step"].get<std::string>());
        if (!l["iteration"].is_null())
            s += QStringLiteral("@") + QString::number(l["iteration"].get<double>());
        out << s;
    }
    return out;
}

} // namespace

class TestEngineTraces : public QObject
{
    Q_OBJECT
private slots:
    void recordedTraces_data();
    void recordedTraces();
    void loopsContract_data();
    void loopsContract();
    void loopVariablesInContext();
    void forgedLoopStateIsIgnored();
};

// Each recorded case: the same lines as WorkRail (loops per loops.md) on every compared field.
void TestEngineTraces::recordedTraces_data()
{
    QTest::addColumn<QString>("script");
    if (!test::hasShared())
        return;
    const QDir dir(test::sharedDir() + QStringLiteral("/workrail-traces"));
    for (const QString &f :
         dir.entryList({QStringLiteral("*.script.json")}, QDir::Files, QDir::Name))
        QTest::newRow(qPrintable(f.chopped(12))) << dir.filePath(f);
}

void TestEngineTraces::recordedTraces()
{
    WFS_REQUIRE_SHARED();
    QFETCH(QString, script);
    const Json s = readJson(script);
    QVERIFY2(s.is_object(), qPrintable(script));
    QString expectedPath = script;
    expectedPath.replace(QStringLiteral(".script.json"), QStringLiteral(".jsonl"));
    const std::vector<Json> expected = readJsonl(expectedPath);
    QVERIFY(!expected.empty());
    auto engine = traceEngine();
    const test::TraceRun run = test::runTraceScript(*engine, s);
    QCOMPARE(int(run.lines.size()), int(expected.size()));
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const Json &e = expected[i];
        const Json &a = run.lines[i];
        const QByteArray where = "line " + QByteArray::number(static_cast<int>(i + 1)) + ": ours " +
                                 QByteArray::fromStdString(a.dump()) + "\n   expected " +
                                 QByteArray::fromStdString(e.dump());
        if (e.contains("end")) {
            QVERIFY2(a.contains("end") && a["end"] == e["end"], where.constData());
            QVERIFY2(a["calls"] == e["calls"], where.constData());
            QVERIFY2(a["completedSteps"] == e["completedSteps"], where.constData());
            continue;
        }
        for (const char *k :
             {"step", "loop", "iteration", "isComplete", "blocked", "isError", "vars"}) {
            if (!e.contains(k) && !a.contains(k))
                continue;
            QVERIFY2(e.contains(k) == a.contains(k) && e[k] == a[k],
                     (where + " [" + k + "]").constData());
        }
        if (e.value("blocked", false))
            QVERIFY2(e["prompt"] == a["prompt"], where.constData());
    }
}

// loops.md "Examples (step@pass)", each under the three client behaviours with an append client.
void TestEngineTraces::loopsContract_data()
{
    QTest::addColumn<QByteArray>("workflow");
    QTest::addColumn<QByteArray>("script");
    QTest::addColumn<QStringList>("expected");

    const QByteArray forCount3 =
        R"({"id":"lm-for","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"start","title":"S","prompt":"s"},
      {"id":"the-loop","type":"loop","title":"L","loop":{"type":"for","count":3,"maxIterations":10},
       "body":[{"id":"body-a","title":"A","prompt":"a"},{"id":"body-b","title":"B","prompt":"b"}]},
      {"id":"after","title":"After","prompt":"after"}]})";
    const QByteArray forEach =
        R"({"id":"lm-each","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"start","title":"S","prompt":"s"},
      {"id":"each-loop","type":"loop","title":"L","loop":{"type":"forEach","items":"list","maxIterations":10},
       "body":[{"id":"body-x","title":"X","prompt":"x"},{"id":"body-y","title":"Y","prompt":"y"}]},
      {"id":"after","title":"After","prompt":"after"}]})";
    const QByteArray forVar =
        R"({"id":"lm-forvar","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"start","title":"S","prompt":"s"},
      {"id":"var-loop","type":"loop","title":"L","loop":{"type":"for","count":"n","maxIterations":10},"body":"single-body"},
      {"id":"single-body","title":"B","prompt":"b"},
      {"id":"after","title":"After","prompt":"after"}]})";
    const QByteArray phases =
        R"({"id":"lm-phase","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"start","title":"S","prompt":"s"},
      {"id":"phase-loop","type":"loop","title":"L","loop":{"type":"for","count":3,"maxIterations":10,"iterationVar":"phase"},
       "body":[{"id":"phase-one","title":"1","prompt":"1","runCondition":{"var":"phase","equals":1}},
               {"id":"phase-two","title":"2","prompt":"2","runCondition":{"var":"phase","equals":2}},
               {"id":"phase-three","title":"3","prompt":"3","runCondition":{"var":"phase","equals":3}}]},
      {"id":"after","title":"After","prompt":"after"}]})";
    const QByteArray whileGo =
        R"({"id":"lm-while","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"start","title":"S","prompt":"s"},
      {"id":"while-loop","type":"loop","title":"L","loop":{"type":"while","condition":{"var":"go","equals":true},"maxIterations":5},
       "body":[{"id":"w-one","title":"1","prompt":"1"},{"id":"w-two","title":"2","prompt":"2"}]},
      {"id":"after","title":"After","prompt":"after"}]})";
    const QByteArray twoLoops =
        R"({"id":"lm-two","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"first-loop","type":"loop","title":"F","loop":{"type":"for","count":2,"maxIterations":5},
       "body":[{"id":"f-body","title":"F","prompt":"f"}]},
      {"id":"second-loop","type":"loop","title":"S","loop":{"type":"forEach","items":"things","maxIterations":5},
       "body":[{"id":"s-body","title":"S","prompt":"s"}]},
      {"id":"done-step","title":"D","prompt":"d"}]})";
    const QByteArray untilString =
        R"({"id":"lm-until","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"start","title":"S","prompt":"s"},
      {"id":"u-loop","type":"loop","title":"L","loop":{"type":"until","condition":{"var":"found","equals":true},"maxIterations":3},"body":"probe"},
      {"id":"probe","title":"P","prompt":"p"},
      {"id":"after","title":"After","prompt":"after"}]})";

    for (const char *mode : {"echo", "strip", "own"}) {
        auto row = [&](const char *name, const QByteArray &wf, const QByteArray &script,
                       const QStringList &exp) {
            QByteArray s = script;
            s.replace("MODE", mode);
            QTest::newRow(
                qPrintable(QStringLiteral("%1 / %2").arg(QLatin1String(name), QLatin1String(mode))))
                << wf << s << exp;
        };
        row("for count 3", forCount3,
            R"({"workflowId":"lm-for","contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "body-a@1", "body-b@1", "body-a@2", "body-b@2", "body-a@3", "body-b@3",
             "after", "(complete)", "#complete"});
        row("forEach list", forEach,
            R"({"workflowId":"lm-each","context":{"list":[10,20,30]},"contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "body-x@1", "body-y@1", "body-x@2", "body-y@2", "body-x@3", "body-y@3",
             "after", "(complete)", "#complete"});
        row("for count var n=2, string body", forVar,
            R"({"workflowId":"lm-forvar","context":{"n":2},"contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "single-body@1", "single-body@2", "after", "(complete)", "#complete"});
        row("for count var n=\"2\" is invalid", forVar,
            R"({"workflowId":"lm-forvar","context":{"n":"2"},"contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "after", "(complete)", "#complete"});
        row("for count var missing", forVar,
            R"({"workflowId":"lm-forvar","contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "after", "(complete)", "#complete"});
        row("iterationVar phase gates body steps", phases,
            R"({"workflowId":"lm-phase","contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "phase-one@1", "phase-two@2", "phase-three@3", "after", "(complete)",
             "#complete"});
        row("while go, stopped after pass 2", whileGo,
            R"({"workflowId":"lm-while","context":{"go":true},"updates":{"w-two@2":{"go":false}},"contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "w-one@1", "w-two@1", "w-one@2", "w-two@2", "after", "(complete)",
             "#complete"});
        row("while go never stopped: maxIterations", whileGo,
            R"({"workflowId":"lm-while","context":{"go":true},"contextMode":"MODE","completedMode":"append","maxSteps":30})",
            {"start", "w-one@1", "w-two@1", "w-one@2", "w-two@2", "w-one@3", "w-two@3", "w-one@4",
             "w-two@4", "w-one@5", "w-two@5", "after", "(complete)", "#complete"});
        row("two loops in a row", twoLoops,
            R"({"workflowId":"lm-two","context":{"things":["p","q"]},"contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"f-body@1", "f-body@2", "s-body@1", "s-body@2", "done-step", "(complete)",
             "#complete"});
        row("until found, string body", untilString,
            R"({"workflowId":"lm-until","context":{"found":false},"updates":{"probe@2":{"found":true}},"contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "probe@1", "probe@2", "after", "(complete)", "#complete"});
        row("forEach over empty list is skipped", forEach,
            R"({"workflowId":"lm-each","context":{"list":[]},"contextMode":"MODE","completedMode":"append","maxSteps":20})",
            {"start", "after", "(complete)", "#complete"});
        row("client marks the loop complete", forCount3,
            R"({"workflowId":"lm-for","contextMode":"MODE","completedMode":"append","markLoopComplete":true,"maxSteps":20})",
            {"start", "body-a@1", "body-b@1", "body-a@2", "body-b@2", "body-a@3", "body-b@3",
             "after", "(complete)", "#complete"});
    }
    // The careful client of loops.md's last rule: echo, remove body ids when a pass restarts.
    QTest::newRow("for count 3 / careful client")
        << forCount3
        << QByteArray(
               R"({"workflowId":"lm-for","contextMode":"echo","completedMode":"iteration-aware","maxSteps":20})")
        << QStringList{"start",    "body-a@1", "body-b@1", "body-a@2",   "body-b@2",
                       "body-a@3", "body-b@3", "after",    "(complete)", "#complete"};
    QTest::newRow("forEach / careful client keep-full-loop")
        << forEach
        << QByteArray(
               R"({"workflowId":"lm-each","context":{"list":[1,2]},"contextMode":"echo-keep-full-loop","completedMode":"iteration-aware","maxSteps":20})")
        << QStringList{"start",    "body-x@1", "body-y@1",   "body-x@2",
                       "body-y@2", "after",    "(complete)", "#complete"};
}

void TestEngineTraces::loopsContract()
{
    QFETCH(QByteArray, workflow);
    QFETCH(QByteArray, script);
    QFETCH(QStringList, expected);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(QStringLiteral("wf.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(workflow);
    f.close();
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {dir.path().toStdString()};
    Engine engine(o);
    QCOMPARE(int(engine.callTool("workflow_list", Json::object()).payload["workflows"].size()), 1);
    const ParsedJson s = parseJson(script.toStdString());
    QVERIFY(s.ok);
    const test::TraceRun run = test::runTraceScript(engine, s.value);
    QCOMPARE(sequence(run), expected);
}

// forEach loop variables: currentItem/currentIndex per pass, in the returned context, under all
// three clients; client variables are never deleted (lists longer than 10 stay).
void TestEngineTraces::loopVariablesInContext()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("wf.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"id":"lm-vars","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"each-loop","type":"loop","title":"L","loop":{"type":"forEach","items":"list","maxIterations":20},
       "body":[{"id":"body-x","title":"X","prompt":"x"},{"id":"body-y","title":"Y","prompt":"y"}]},
      {"id":"after","title":"After","prompt":"after"}]})");
    f.close();
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {dir.path().toStdString()};
    Engine engine(o);
    for (const char *mode : {"echo", "strip", "own"}) {
        Json script = {{"workflowId", "lm-vars"},
                       {"contextMode", mode},
                       {"completedMode", "append"},
                       {"context", {{"list", {10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120}}}},
                       {"report", {"currentItem", "currentIndex", "currentIteration", "list"}},
                       {"maxSteps", 40}};
        const test::TraceRun run = test::runTraceScript(engine, script);
        QCOMPARE(int(run.lines.size()), 12 * 2 + 3);
        for (int pass = 0; pass < 12; ++pass) {
            for (int k = 0; k < 2; ++k) {
                const Json &l = run.lines[static_cast<std::size_t>(pass * 2 + k)];
                QVERIFY(l["step"] == Json(k == 0 ? "body-x" : "body-y"));
                QCOMPARE(l["iteration"].get<int>(), pass + 1);
                QCOMPARE(l["vars"]["currentItem"].get<int>(), (pass + 1) * 10);
                QCOMPARE(l["vars"]["currentIndex"].get<int>(), pass);
                QCOMPARE(l["vars"]["currentIteration"].get<int>(), pass + 1);
                QCOMPARE(int(l["vars"]["list"].size()), 12);
            }
        }
        QVERIFY(run.lines[24]["step"] == Json("after"));
    }
}

// The engine looks loops up by id: a forged loop definition or garbage loop state cannot make
// it run foreign steps, loop forever or crash.
void TestEngineTraces::forgedLoopStateIsIgnored()
{
    WFS_REQUIRE_SHARED();
    auto engine = traceEngine();
    auto next = [&](const char *args) {
        return engine->callTool("workflow_next", parseJson(args).value);
    };
    ToolResult r = next(
        R"({"workflowId":"probe-blocked","completedSteps":[],"context":{"_currentLoop":{"loopId":"zzz","loopStep":{"id":"zzz","type":"loop","title":"x","loop":{"type":"for","count":2,"maxIterations":5},"body":[{"id":"forged-step","title":"F","prompt":"forged"}]}}}})");
    QVERIFY(!r.isError);
    QVERIFY(r.payload["step"]["id"] == Json("first"));
    QVERIFY(!r.payload["context"].contains("_currentLoop"));
    r = next(
        R"({"workflowId":"probe-multi-for","completedSteps":["start","body-a"],"context":{"_currentLoop":{"loopId":"the-loop","loopType":"for","iteration":1,"isFirstIteration":false},"_loopState":{"the-loop":{"iteration":1,"started":0,"warnings":[]}}}})");
    QVERIFY2(!r.isError, r.contentText().c_str());
    QVERIFY(r.payload["step"]["id"] == Json("body-b"));
    QVERIFY(r.payload["context"]["iter"] == Json(2));
    for (const char *state :
         {R"({"iteration":-5})", R"({"iteration":"x"})", R"({"iteration":1e300})", R"("garbage")",
          R"({"iteration":2.5,"items":{"a":1},"warnings":"w"})"}) {
        const std::string args =
            std::string(
                R"({"workflowId":"probe-multi-for","completedSteps":["start"],"context":{"_loopState":{"the-loop":)") +
            state + "}}}";
        r = next(args.c_str());
        QVERIFY2(!r.isError, r.contentText().c_str());
        QVERIFY(r.payload["step"].is_object());
    }
}

QTEST_GUILESS_MAIN(TestEngineTraces)
#include "tst_enginetraces.moc"
