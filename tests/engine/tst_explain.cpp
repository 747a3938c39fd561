// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The explanation engine (engine/explain.h): every workflow of the corpus walked as an agent
// does under contexts that exercise its conditions, checking at every call that the step the
// explanation calls `next` is computeNext's, that every step has a status, that skipped steps
// name their condition and the values read and that blocked runs carry unblock data; focused
// rows for and/or/not, unset variables, for / forEach / until loops and maxIterations; and
// `wfstudio next --explain --json`.
#include "testfiles.h"
#include "testutil.h"

#include "engine/compiledworkflow.h"
#include "engine/condition.h"
#include "engine/explain.h"
#include "engine/nextstep.h"
#include "model/jsonio.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace wfs;
using wfs::test::readJson;
using namespace wfs::engine;

// QCOMPARE for Json values and std::strings (printed on failure).
#define JCOMPARE(actual, expected)                                                                 \
    do {                                                                                           \
        const Json a_ = (actual);                                                                  \
        const Json e_ = (expected);                                                                \
        QVERIFY2(a_ == e_,                                                                         \
                 qPrintable(QStringLiteral("%1 is %2, expected %3")                                \
                                .arg(QStringLiteral(#actual), QString::fromStdString(a_.dump()),   \
                                     QString::fromStdString(e_.dump()))));                         \
    } while (false)

namespace {

constexpr std::int64_t kNow = 1700000000000;

Json parse(const std::string &text)
{
    const ParsedJson p = parseJson(text);
    return p.ok ? p.value : Json();
}

// Every condition in a workflow: step and body runConditions, loop conditions.
void collectConditions(const Json &steps, std::vector<Json> &out)
{
    if (!steps.is_array())
        return;
    for (const Json &s : steps) {
        if (!s.is_object())
            continue;
        if (s.contains("runCondition") && s["runCondition"].is_object())
            out.push_back(s["runCondition"]);
        if (s.contains("loop") && s["loop"].is_object() && s["loop"].contains("condition"))
            out.push_back(s["loop"]["condition"]);
        if (s.contains("body"))
            collectConditions(s["body"], out);
    }
}

// var → values the conditions compare it with (equals/not_equals/gt...).
void collectValues(const Json &node, std::map<std::string, std::vector<Json>> &out)
{
    if (!node.is_object())
        return;
    if (node.contains("var") && node["var"].is_string()) {
        auto &vals = out[node["var"].get<std::string>()];
        for (const char *k : {"equals", "not_equals", "gt", "gte", "lt", "lte"}) {
            if (!node.contains(k))
                continue;
            Json v = node[k];
            if (std::string(k) == "gt" && v.is_number())
                v = v.get<double>() + 1;
            if (std::string(k) == "lt" && v.is_number())
                v = v.get<double>() - 1;
            if (std::find(vals.begin(), vals.end(), v) == vals.end())
                vals.push_back(v);
        }
    }
    for (const char *k : {"and", "or"}) {
        if (node.contains(k) && node[k].is_array())
            for (const Json &c : node[k])
                collectValues(c, out);
    }
    if (node.contains("not"))
        collectValues(node["not"], out);
}

// The empty context plus contexts built from the variables and values the conditions use.
std::vector<Json> contextsFor(const Json &workflow)
{
    std::vector<Json> conds;
    collectConditions(workflow.value("steps", Json::array()), conds);
    std::map<std::string, std::vector<Json>> vals;
    for (const Json &c : conds)
        collectValues(c, vals);
    std::vector<Json> out{Json::object()};
    Json first = Json::object(), last = Json::object(), truthy = Json::object();
    for (const auto &[name, list] : vals) {
        truthy[name] = true;
        if (list.empty())
            continue;
        first[name] = list.front();
        last[name] = list.back();
        for (const Json &v : list) {
            if (out.size() < 40)
                out.push_back(Json{{name, v}});
        }
    }
    // Loops driven by the context: forEach items and `for` counts named by a variable.
    Json loops = Json::object();
    for (const Json &st : workflow.value("steps", Json::array())) {
        const Json loop = st.is_object() ? st.value("loop", Json()) : Json();
        if (!loop.is_object())
            continue;
        if (loop.contains("items") && loop["items"].is_string())
            loops[loop["items"].get<std::string>()] = Json::array({"item-1", "item-2"});
        if (loop.contains("count") && loop["count"].is_string())
            loops[loop["count"].get<std::string>()] = 2;
    }
    for (Json *c : {&first, &last, &truthy}) {
        for (auto it = loops.begin(); it != loops.end(); ++it)
            (*c)[it.key()] = it.value();
    }
    if (!loops.empty())
        out.push_back(loops);
    out.push_back(first);
    out.push_back(last);
    out.push_back(truthy);
    return out;
}

const std::set<std::string> kStatuses{"completed", "next", "skipped", "pending", "blocked"};

// The invariants every explanation must satisfy; `where` names the row and call.
void checkExplanation(const CompiledWorkflow &wf, const Explanation &ex, const Result<Json> &r,
                      const QString &where)
{
    const QByteArray w = where.toUtf8();
    QVERIFY2(r.ok() == ex.error.empty(), w.constData());
    if (!r) {
        JCOMPARE(ex.error, r.error());
    } else {
        QVERIFY2(ex.answer == *r, w.constData()); // the very answer workflow_next gives
        const Json &step = (*r)["step"];
        const Json expected = step.is_object() ? step["id"] : Json();
        QVERIFY2(ex.next == expected,
                 qPrintable(where + ": next " + QString::fromStdString(ex.next.dump())));
    }
    QCOMPARE(ex.steps.size(), wf.steps().size());
    std::set<int> seen;
    int nextCount = 0;
    for (const StepExplanation &s : ex.steps) {
        const QByteArray sw = (where + " step " + QString::fromStdString(s.id)).toUtf8();
        QVERIFY2(seen.insert(s.stepIndex).second, sw.constData());
        QVERIFY2(kStatuses.count(s.status) == 1, sw.constData());
        QVERIFY2(!s.reason.empty(), sw.constData());
        if (s.status == "next") {
            ++nextCount;
            QVERIFY2(ex.next.is_string() && ex.next.get<std::string>() == s.id, sw.constData());
        }
        if (s.status == "skipped" || s.status == "blocked") {
            if (!s.condition.is_null()) {
                QVERIFY2(!s.summary.empty(), sw.constData());
                QVERIFY2(
                    s.reason.find(s.summary) != std::string::npos,
                    qPrintable(QString::fromUtf8(sw) + ": " + QString::fromStdString(s.reason)));
                for (auto it = s.values.begin(); it != s.values.end(); ++it)
                    QVERIFY2(s.reason.find(it.key() + " = ") != std::string::npos,
                             qPrintable(QString::fromUtf8(sw) + ": " +
                                        QString::fromStdString(s.reason)));
            }
        }
    }
    QCOMPARE(nextCount, ex.next.is_string() ? 1 : 0);
    if (ex.blocked) {
        QVERIFY2(!ex.unblock.empty(), w.constData());
        for (const Json &u : ex.unblock) {
            QVERIFY2(u["var"].is_string() && u["oneOf"].is_array(), w.constData());
        }
        QVERIFY2(ex.toJson().contains("blocked"), w.constData());
    }
}

const StepExplanation *stepOf(const Explanation &ex, const std::string &id)
{
    for (const StepExplanation &s : ex.steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

} // namespace

class TestExplain : public QObject
{
    Q_OBJECT

private slots:
    void corpus_data();
    void corpus();
    void focused_data();
    void focused();
    void loopPasses();
    void cliJson();
};

void TestExplain::corpus_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("shared");
    const QString shared = test::sharedDir() + QStringLiteral("/workrail/workflows");
    for (const QString &dir : {shared, shared + QStringLiteral("/examples/loops")}) {
        const QStringList files = QDir(dir).entryList({QStringLiteral("*.json")}, QDir::Files);
        for (const QString &f : files)
            QTest::newRow(qPrintable(QStringLiteral("shared/") + f)) << dir + "/" + f << true;
    }
    if (!test::hasShared())
        QTest::newRow("shared (absent)") << QString() << true;
    const QString res = test::sourceDir() + QStringLiteral("/resources/workflows");
    const QStringList files = QDir(res).entryList({QStringLiteral("*.json")}, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(QStringLiteral("resources/") + f)) << res + "/" + f << false;
}

void TestExplain::corpus()
{
    QFETCH(QString, file);
    QFETCH(bool, shared);
    if (shared)
        WFS_REQUIRE_SHARED();
    const Json doc = readJson(file);
    QVERIFY2(doc.is_object(), qPrintable(file));
    const auto wf = CompiledWorkflow::compile(doc);
    // Every workflow of both corpora is structurally sound: an error here is a regression.
    QVERIFY2(wf->structuralError().empty(),
             qPrintable(file + ": " + QString::fromStdString(wf->structuralError())));
    int calls = 0, ends = 0, blockedEnds = 0, loopPasses = 0;
    for (const Json &start : contextsFor(doc)) {
        Json completed = Json::array();
        Json context = start;
        for (int call = 0; call < 400; ++call, ++calls) {
            const QString where =
                QStringLiteral("%1 ctx %2 call %3")
                    .arg(QFileInfo(file).fileName(), QString::fromStdString(start.dump()))
                    .arg(call);
            const Explanation ex = explainNext(*wf, &completed, &context, kNow);
            const Result<Json> r = computeNext(*wf, &completed, &context, kNow);
            checkExplanation(*wf, ex, r, where);
            if (QTest::currentTestFailed())
                return;
            for (const StepExplanation &s : ex.steps)
                loopPasses += s.isLoop && s.pass > 0 ? 1 : 0;
            if (r && !(*r)["step"].is_object()) {
                ++ends;
                blockedEnds += ex.blocked ? 1 : 0;
            }
            if (!r || !(*r)["step"].is_object())
                break;
            completed.push_back(ex.next);
            context = (*r)["context"];
        }
    }
    // The walks reach the end of the workflow (complete or blocked) under some context.
    QVERIFY2(ends > 0, qPrintable(QStringLiteral("%1 calls, no walk ended").arg(calls)));
    qInfo("%d calls, %d walks ended (%d blocked), %d loop-frame explanations with a pass", calls,
          ends, blockedEnds, loopPasses);
}

void TestExplain::focused_data()
{
    QTest::addColumn<QString>("workflow");
    QTest::addColumn<QString>("completed");
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("expectNext");
    // step id → expected status, decidedBy (compact JSON or "" for none), a reason fragment
    QTest::addColumn<QString>("expect");

    const QString logic =
        QStringLiteral(R"({"id":"w","name":"w","description":"d","version":"1.0.0","steps":[
      {"id":"a","title":"A","prompt":"p","runCondition":{"and":[{"var":"x","equals":1},{"var":"y","equals":2}]}},
      {"id":"b","title":"B","prompt":"p","runCondition":{"or":[{"var":"x","equals":5},{"var":"z","gt":3}]}},
      {"id":"c","title":"C","prompt":"p","runCondition":{"not":{"var":"z"}}},
      {"id":"d","title":"D","prompt":"p"}]})");
    QTest::newRow("and: the false operand decides")
        << logic << ""
        << R"({"x":1,"y":3,"z":1})"
        << "d"
        << R"({"a":["skipped",{"var":"y","equals":2},"y = 3"],
               "b":["skipped",null,"z = 1"],
               "c":["skipped",null,"z = 1"],
               "d":["next",null,"no runCondition"]})";
    QTest::newRow("or: the true operand decides")
        << logic << "a"
        << R"({"x":5,"y":2,"z":0})"
        << "b"
        << R"({"a":["completed",null,""],"b":["next",{"var":"x","equals":5},"x = 5"],
               "c":["pending",null,"z = 0"],"d":["pending",null,""]})";
    QTest::newRow("and: unset variable") << logic << ""
                                         << R"({"x":1})"
                                         << "c"
                                         << R"({"a":["skipped",{"var":"y","equals":2},"y = unset"],
               "b":["skipped",null,"z = unset"],"c":["next",null,"z = unset"]})";
    const QString gate =
        QStringLiteral(R"({"id":"g","name":"g","description":"d","version":"1.0.0","steps":[
      {"id":"start","title":"S","prompt":"p"},
      {"id":"fast","title":"F","prompt":"p","runCondition":{"var":"mode","equals":"fast"}},
      {"id":"slow","title":"L","prompt":"p","runCondition":{"var":"mode","equals":"slow"}}]})");
    QTest::newRow("blocked: unset variable")
        << gate << "start"
        << "{}"
        << ""
        << R"({"start":["completed",null,""],"fast":["blocked",null,"mode = unset"],
               "slow":["blocked",null,"mode = unset"]})";
    QTest::newRow("skipped: other branch")
        << gate << "start"
        << R"({"mode":"slow"})"
        << "slow"
        << R"({"fast":["skipped",null,"mode = \"slow\""],"slow":["next",null,"mode = \"slow\""]})";
    const QString each =
        QStringLiteral(R"({"id":"e","name":"e","description":"d","version":"1.0.0","steps":[
      {"id":"each","type":"loop","title":"E","loop":{"type":"forEach","items":"files","maxIterations":10},
       "body":[{"id":"read","title":"R","prompt":"p"},
               {"id":"fix","title":"F","prompt":"p","runCondition":{"var":"currentItem","equals":"b.cpp"}}]},
      {"id":"end","title":"End","prompt":"p"}]})");
    QTest::newRow("forEach: body step skipped in pass 1")
        << each << "read"
        << R"({"files":["a.cpp","b.cpp"]})"
        << "read"
        << R"({"each":["pending",null,"pass 2 of 2"],"read":["next",null,"pass 2 of 2"],
               "fix":["pending",null,"currentItem = \"b.cpp\""],"end":["pending",null,""]})";
    QTest::newRow("forEach: body step skipped")
        << each << ""
        << R"({"files":["a.cpp","b.cpp"]})"
        << "read"
        << R"({"each":["pending",null,"pass 1 of 2"],"read":["next",null,"pass 1 of 2"],
               "fix":["skipped",null,"currentItem = \"a.cpp\""]})";
    QTest::newRow("forEach: not started, loop variable named")
        << QString(each).replace(QStringLiteral(R"("id":"each")"),
                                 QStringLiteral(R"("id":"each","runCondition":{"var":"go"})"))
        << ""
        << R"({"files":["a.cpp"]})"
        << "end"
        << R"({"each":["skipped",null,"go = unset"],
               "fix":["skipped",null,"'currentItem' is the loop's variable"]})";
    QTest::newRow("forEach: no items")
        << each << ""
        << R"({"files":[]})"
        << "end"
        << R"({"each":["skipped",null,"items exhausted"],"read":["skipped",null,"no pass"],
               "fix":["skipped",null,"no pass"],"end":["next",null,""]})";
    const QString until =
        QStringLiteral(R"({"id":"u","name":"u","description":"d","version":"1.0.0","steps":[
      {"id":"poll","type":"loop","title":"P","loop":{"type":"until","condition":{"var":"ready","equals":true},"maxIterations":2},
       "body":[{"id":"check","title":"C","prompt":"p"}]},
      {"id":"ship","title":"S","prompt":"p","runCondition":{"var":"approved","equals":"yes"}}]})");
    QTest::newRow("until: condition met, then blocked")
        << until << "check"
        << R"({"ready":true,"_loopState":{"poll":{"iteration":1}}})"
        << ""
        << R"({"poll":["completed",null,"until condition ready == true is true"],
               "ship":["blocked",null,"approved = unset"]})";
    QTest::newRow("until: Maximum iterations reached")
        << until << "check,check"
        << R"({"ready":false,"_loopState":{"poll":{"iteration":2}}})"
        << ""
        << R"({"poll":["completed",null,"Maximum iterations (2) reached"],
               "check":["completed",null,""],"ship":["blocked",null,"approved = unset"]})";
}

void TestExplain::focused()
{
    QFETCH(QString, workflow);
    QFETCH(QString, completed);
    QFETCH(QString, context);
    QFETCH(QString, expectNext);
    QFETCH(QString, expect);
    const Json doc = parse(workflow.toStdString());
    QVERIFY(doc.is_object());
    const auto wf = CompiledWorkflow::compile(doc);
    QVERIFY2(wf->structuralError().empty(), wf->structuralError().c_str());
    Json done = Json::array();
    for (const QString &id : completed.split(QLatin1Char(','), Qt::SkipEmptyParts))
        done.push_back(id.toStdString());
    const Json ctx = parse(context.toStdString());
    const Explanation ex = explainNext(*wf, &done, &ctx, kNow);
    const Result<Json> r = computeNext(*wf, &done, &ctx, kNow);
    checkExplanation(*wf, ex, r, QString::fromUtf8(QTest::currentDataTag()));
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(ex.next.is_string() ? QString::fromStdString(ex.next.get<std::string>()) : QString(),
             expectNext);
    const Json want = parse(expect.toStdString());
    QVERIFY(want.is_object());
    for (auto it = want.begin(); it != want.end(); ++it) {
        const StepExplanation *s = stepOf(ex, it.key());
        QVERIFY2(s, it.key().c_str());
        const QString text = QString::fromStdString(it.key() + ": " + s->status + " — " +
                                                    s->passText() + " — " + s->reason);
        QCOMPARE(QString::fromStdString(s->status),
                 QString::fromStdString(it.value()[0].get<std::string>()));
        if (!it.value()[1].is_null())
            QVERIFY2(
                s->decidedBy == it.value()[1],
                qPrintable(text + " decidedBy " + QString::fromStdString(s->decidedBy.dump())));
        const std::string frag = it.value()[2].get<std::string>();
        QVERIFY2((s->reason + " " + s->passText()).find(frag) != std::string::npos,
                 qPrintable(text + " (wanted '" + QString::fromStdString(frag) + "')"));
    }
    if (ex.blocked) {
        const Json j = ex.toJson();
        QVERIFY(j["blocked"]["unblock"].is_array());
        bool found = false;
        for (const Json &u : j["blocked"]["unblock"])
            found = found || (u["var"] == "approved" && u["oneOf"] == Json::array({"yes"})) ||
                    (u["var"] == "mode" && u["oneOf"] == Json::array({"fast", "slow"}));
        QVERIFY2(found, j.dump().c_str());
    }
}

// A `for` loop walked as an agent does: the frame and its body report pass k of n.
void TestExplain::loopPasses()
{
    const Json doc = parse(R"({"id":"f","name":"f","description":"d","version":"1.0.0","steps":[
      {"id":"setup","title":"S","prompt":"p"},
      {"id":"rounds","type":"loop","title":"R","loop":{"type":"for","count":3,"maxIterations":5},
       "body":[{"id":"work","title":"W","prompt":"p"},{"id":"review","title":"V","prompt":"p"}]},
      {"id":"done","title":"D","prompt":"p"}]})");
    const auto wf = CompiledWorkflow::compile(doc);
    QVERIFY2(wf->structuralError().empty(), wf->structuralError().c_str());
    Json completed = Json::array();
    Json context = Json::object();
    const char *const expected[] = {"setup",  "work", "review", "work",
                                    "review", "work", "review", "done"};
    for (int call = 0; call < 8; ++call) {
        const Explanation ex = explainNext(*wf, &completed, &context, kNow);
        const Result<Json> r = computeNext(*wf, &completed, &context, kNow);
        checkExplanation(*wf, ex, r, QStringLiteral("call %1").arg(call));
        if (QTest::currentTestFailed())
            return;
        JCOMPARE(ex.next.get<std::string>(), std::string(expected[call]));
        const StepExplanation *frame = stepOf(ex, "rounds");
        if (call == 0) {
            JCOMPARE(frame->status, std::string("pending"));
        } else if (call < 7) {
            // The loop resumes (via _currentLoop) before the walk reaches `setup`: still
            // reported as completed.
            JCOMPARE(stepOf(ex, "setup")->status, std::string("completed"));
            const std::string pass = "pass " + std::to_string((call - 1) / 2 + 1) + " of 3";
            JCOMPARE(frame->passText(), pass);
            JCOMPARE(stepOf(ex, expected[call])->passText(), pass);
            JCOMPARE(ex.toJson()["steps"][1]["pass"].get<std::string>(), pass);
            JCOMPARE(stepOf(ex, "review")->status, std::string(call % 2 ? "pending" : "next"));
            JCOMPARE(stepOf(ex, "work")->status, std::string(call % 2 ? "next" : "completed"));
            QVERIFY2(frame->reason.find("the loop continues") != std::string::npos,
                     frame->reason.c_str());
        } else {
            JCOMPARE(frame->status, std::string("completed"));
            JCOMPARE(frame->passText(), std::string("pass 3 of 3"));
            QVERIFY2(frame->reason.find("count reached") != std::string::npos,
                     frame->reason.c_str());
        }
        completed.push_back(ex.next);
        context = (*r)["context"];
    }
}

// `wfstudio next ID --explain --json` prints the documented shape; without --explain the
// output is workflow_next's answer.
void TestExplain::cliJson()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile f(dir.filePath(QStringLiteral("gate.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"id":"explain-gate","name":"g","description":"d","version":"1.0.0","steps":[
      {"id":"start","title":"S","prompt":"p"},
      {"id":"fast","title":"F","prompt":"p","runCondition":{"and":[{"var":"mode","equals":"fast"},{"var":"n","gt":2}]}},
      {"id":"slow","title":"L","prompt":"p","runCondition":{"var":"mode","equals":"slow"}}]})");
    f.close();
    const QString bin = test::binaryDir() + QStringLiteral("/bin/wfstudio");
    QVERIFY2(QFileInfo::exists(bin), qPrintable(bin));
    auto run = [&](const QStringList &extra, int *exitCode) {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), dir.path());
        env.insert(QStringLiteral("XDG_DATA_HOME"), dir.path());
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.path());
        p.setProcessEnvironment(env);
        p.start(bin, QStringList{QStringLiteral("next"), QStringLiteral("explain-gate"),
                                 QStringLiteral("--workflows"), dir.path()} +
                         extra);
        if (!p.waitForFinished(30000)) {
            p.kill();
            p.waitForFinished();
        }
        *exitCode = p.exitCode();
        return p.readAllStandardOutput().toStdString();
    };
    int code = -1;
    const std::string out =
        run({QStringLiteral("--completed"), QStringLiteral("start"), QStringLiteral("--context"),
             QStringLiteral(R"({"n":1})"), QStringLiteral("--explain"), QStringLiteral("--json")},
            &code);
    QCOMPARE(code, 0);
    const Json j = parse(out);
    QVERIFY2(j.is_object(), out.c_str());
    QVERIFY(j.contains("next") && j["next"].is_null());
    QVERIFY(j["steps"].is_array());
    JCOMPARE(j["steps"].size(), std::size_t(3));
    const std::set<std::string> allowed{"id",     "status", "condition", "values",
                                        "reason", "pass",   "decidedBy", "unblock"};
    for (const Json &s : j["steps"]) {
        for (const char *k : {"id", "status", "condition", "values", "reason"})
            QVERIFY2(s.contains(k), s.dump().c_str());
        for (auto it = s.begin(); it != s.end(); ++it)
            QVERIFY2(allowed.count(it.key()) == 1, it.key().c_str());
    }
    const Json &fast = j["steps"][1];
    JCOMPARE(fast["id"], Json("fast"));
    JCOMPARE(fast["status"], Json("blocked"));
    JCOMPARE(fast["values"], parse(R"({"mode":null,"n":1})"));
    JCOMPARE(fast["decidedBy"], parse(R"({"var":"mode","equals":"fast"})"));
    JCOMPARE(fast["unblock"][0]["var"], Json("mode"));
    JCOMPARE(j["steps"][2]["values"], parse(R"({"mode":null})"));
    QVERIFY(j["blocked"]["unblock"].is_array());
    JCOMPARE(j["blocked"]["unblock"][0]["var"], Json("mode"));
    JCOMPARE(j["blocked"]["unblock"][0]["oneOf"], parse(R"(["fast","slow"])"));

    // Without --explain: workflow_next's answer, unchanged.
    const std::string plain =
        run({QStringLiteral("--completed"), QStringLiteral("start"), QStringLiteral("--context"),
             QStringLiteral(R"({"mode":"slow"})")},
            &code);
    QCOMPARE(code, 0);
    const Json answer = parse(plain);
    JCOMPARE(answer["step"]["id"], Json("slow"));
    QVERIFY(!answer.contains("steps"));
    // The readable form: one line per step.
    const std::string text =
        run({QStringLiteral("--completed"), QStringLiteral("start"), QStringLiteral("--context"),
             QStringLiteral(R"({"mode":"slow"})"), QStringLiteral("--explain")},
            &code);
    QCOMPARE(code, 0);
    QVERIFY2(text.find("next: slow") != std::string::npos, text.c_str());
    const std::size_t line = text.find("\nskipped ");
    QVERIFY2(line != std::string::npos, text.c_str());
    QVERIFY2(text.substr(line, text.find('\n', line + 1) - line).find("fast") != std::string::npos,
             text.c_str());
}

QTEST_MAIN(TestExplain)
#include "tst_explain.moc"
