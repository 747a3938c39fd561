// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow_validate's rules (workrail-compat.md §4): every rule type, composition and default
// text, rules against a context and inline loop-body steps, ECMAScript regex translation,
// bounded catastrophic patterns and 10 MB outputs.
#include "enginefixtures.h"

#include "engine/compiledworkflow.h"
#include "engine/stepvalidation.h"

#include <QElapsedTimer>
#include <QTest>

using namespace wfs;
using wfs::test::dropKey;
using wfs::test::parse;
using wfs::test::sharedEngine;

class TestStepValidation : public QObject
{
    Q_OBJECT
private slots:
    void validation_data();
    void validation();
    void validationWithContextAndInlineSteps();
    void regexTranslation_data();
    void regexTranslation();
    void catastrophicRegexIsBounded();
    void hugeOutput();
};

// §4 with probe-validate.json: every rule type, composition and default text.
void TestStepValidation::validation_data()
{
    QTest::addColumn<QString>("step");
    QTest::addColumn<QByteArray>("output");
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray ok = R"({"valid":true,"issues":[],"suggestions":[]})";
    auto bad = [](const char *issues) {
        return QByteArray(R"({"valid":false,"issues":)") + issues +
               R"(,"suggestions":["Review validation criteria and adjust output accordingly."]})";
    };
    QTest::newRow("no criteria, text") << "v-none" << QByteArray(R"("x")") << false << ok;
    QTest::newRow("no criteria, blank")
        << "v-none" << QByteArray(R"("  \n\t")") << false
        << QByteArray(
               R"({"valid":false,"issues":["Output is empty or invalid."],"suggestions":["Provide valid output content."]})");
    QTest::newRow("empty array, text") << "v-empty-arr" << QByteArray(R"("x")") << false << ok;
    QTest::newRow("contains ok") << "v-contains" << QByteArray(R"("it is DONE")") << false << ok;
    QTest::newRow("contains case-sensitive")
        << "v-contains" << QByteArray(R"("done")") << false << bad(R"(["must say DONE"])");
    QTest::newRow("contains non-string output")
        << "v-contains" << QByteArray("12345") << true
        << QByteArray(
               "Error evaluating validation rule: TypeError: output.includes is not a function");
    QTest::newRow("regex with i flag") << "v-regex" << QByteArray(R"("OK then")") << false << ok;
    QTest::newRow("regex mismatch")
        << "v-regex" << QByteArray(R"("not ok")") << false << bad(R"(["must start with ok"])");
    QTest::newRow("length in range") << "v-length" << QByteArray(R"("abcd")") << false << ok;
    QTest::newRow("length utf16 surrogates")
        << "v-length" << QByteArray(R"("😀😀😀")") << false << bad(R"(["3..5 chars"])");
    QTest::newRow("length too short")
        << "v-length" << QByteArray(R"("ab")") << false << bad(R"(["3..5 chars"])");
    QTest::newRow("schema ok") << "v-schema" << QByteArray(R"("{\"a\":1}")") << false << ok;
    QTest::newRow("schema wrong type")
        << "v-schema" << QByteArray(R"("{\"a\":\"x\"}")") << false << bad(R"(["bad json"])");
    QTest::newRow("schema not json")
        << "v-schema" << QByteArray(R"("{nope")") << false << bad(R"(["bad json"])");
    QTest::newRow("multi two failures")
        << "v-multi" << QByteArray(R"("A")") << false << bad(R"(["need B","too short"])");
    QTest::newRow("conditional rules use the empty context")
        << "v-cond" << QByteArray(R"("nothing")") << false << bad(R"(["need B"])");
    QTest::newRow("and fails") << "v-and" << QByteArray(R"("A only")") << false
                               << bad(R"(["Validation composition failed"])");
    QTest::newRow("and passes") << "v-and" << QByteArray(R"("A and B")") << false << ok;
    QTest::newRow("or via not") << "v-or" << QByteArray(R"("nothing")") << false << ok;
    QTest::newRow("or fails") << "v-or" << QByteArray(R"("only B")") << false
                              << bad(R"(["Validation composition failed"])");
    QTest::newRow("bad regex") << "v-badre" << QByteArray(R"("x")") << true
                               << QByteArray(
                                      "Invalid regex pattern in validationCriteria: (unclosed");
    QTest::newRow("schema rule without schema")
        << "v-noschema" << QByteArray(R"("{}")") << false << bad(R"(["schema missing"])");
    QTest::newRow("contains without value")
        << "v-contains-novalue" << QByteArray(R"("x")") << false << bad(R"(["no value given"])");
    QTest::newRow("loop step has no criteria")
        << "nope-step" << QByteArray(R"("x")") << true
        << QByteArray("Step with id 'nope-step' not found in workflow");
}

void TestStepValidation::validation()
{
    WFS_REQUIRE_SHARED();
    QFETCH(QString, step);
    QFETCH(QByteArray, output);
    QFETCH(bool, isError);
    QFETCH(QByteArray, expected);
    static std::unique_ptr<Engine> engine = sharedEngine();
    const Json args = {{"workflowId", "probe-validate"},
                       {"stepId", step.toStdString()},
                       {"output", parse(output)}};
    const ToolResult r = engine->callTool("workflow_validate", args);
    QCOMPARE(r.isError, isError);
    if (isError)
        QCOMPARE(QString::fromStdString(r.payload["error"].get<std::string>()),
                 QString::fromLatin1(expected));
    else
        QCOMPARE(QString::fromStdString(r.payload.dump()),
                 QString::fromStdString(parse(expected).dump()));
}

// Beyond WorkRail: inline loop-body steps and rule conditions against a context.
void TestStepValidation::validationWithContextAndInlineSteps()
{
    WFS_REQUIRE_SHARED();
    auto engine = sharedEngine();
    const Json ctx = {{"x", 1}};
    auto r = engine->validateStepOutput("probe-validate", "v-cond", Json("nothing"), &ctx);
    WFS_VERIFY_RESULT(r);
    QVERIFY((*r)["issues"] == Json::array({"need A"}));
    r = engine->validateStepOutput("probe-multi-for", "body-a", Json("x"));
    WFS_VERIFY_RESULT(r);
    QVERIFY((*r)["valid"] == true);
    r = engine->validateStepOutput("probe-multi-for", "nope", Json("x"));
    QVERIFY(!r.ok());
}

void TestStepValidation::regexTranslation_data()
{
    QTest::addColumn<QString>("pattern");
    QTest::addColumn<QString>("flags");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<int>("expected"); // 1 match, 0 no match, -1 invalid
    QTest::newRow("$ is end of input only") << "a$"
                                            << ""
                                            << "a\n"
                                            << 0;
    QTest::newRow("$ multiline") << "a$"
                                 << "m"
                                 << "a\nb" << 1;
    QTest::newRow("\\u escape") << "\\u0041"
                                << ""
                                << "A" << 1;
    QTest::newRow("\\u{} with u flag") << "\\u{1F600}"
                                       << "u"
                                       << "😀" << 1;
    QTest::newRow("[^] matches newline") << "a[^]b"
                                         << ""
                                         << "a\nb" << 1;
    QTest::newRow("[] never matches") << "a[]"
                                      << ""
                                      << "a" << 0;
    QTest::newRow("identity escape") << "\\q"
                                     << ""
                                     << "q" << 1;
    QTest::newRow("dotAll") << "a.b"
                            << "s"
                            << "a\nb" << 1;
    QTest::newRow("sticky") << "b"
                            << "y"
                            << "ab" << 0;
    QTest::newRow("named group") << "(?<y>\\d{4})-\\k<y>"
                                 << ""
                                 << "2024-2024" << 1;
    QTest::newRow("bad flags") << "a"
                               << "gg"
                               << "a" << -1;
    QTest::newRow("unknown flag") << "a"
                                  << "z"
                                  << "a" << -1;
    QTest::newRow("unclosed group") << "(a"
                                    << ""
                                    << "a" << -1;
    QTest::newRow("pcre verb is literal") << "(*ACCEPT)"
                                          << ""
                                          << "x" << -1;
}

void TestStepValidation::regexTranslation()
{
    QFETCH(QString, pattern);
    QFETCH(QString, flags);
    QFETCH(QString, subject);
    QFETCH(int, expected);
    const engine::CompiledRegex re =
        engine::compileEcmaRegex(pattern.toStdString(), flags.toStdString());
    if (expected < 0) {
        QVERIFY(!re.valid);
        return;
    }
    QVERIFY(re.valid);
    const auto m = engine::testRegex(re, subject);
    QVERIFY(m.has_value());
    QCOMPARE(*m ? 1 : 0, expected);
}

// A catastrophic pattern on a long output ends within a bound, with a clear error.
void TestStepValidation::catastrophicRegexIsBounded()
{
    QTemporaryDir dir;
    QFile f(dir.filePath(QStringLiteral("wf.json")));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"id":"re-bomb","name":"n","description":"d","version":"1.0.0","steps":[
      {"id":"s-1","title":"t","prompt":"p","validationCriteria":[{"type":"regex","pattern":"^(a+)+$","message":"m"}]},
      {"id":"s-2","title":"t","prompt":"p","validationCriteria":[{"type":"regex","pattern":"(x+x+)+y","message":"m"}]}]})");
    f.close();
    Engine::Options o;
    o.includeBundled = o.useStandardLocations = o.useEnvironment = o.watchFiles = false;
    o.extraDirs = {dir.path().toStdString()};
    Engine engine(o);
    QElapsedTimer t;
    t.start();
    for (const char *step : {"s-1", "s-2"}) {
        const std::string out =
            std::string(step) == "s-1" ? std::string(50000, 'a') + "!" : std::string(5000, 'x');
        const ToolResult r = engine.callTool(
            "workflow_validate", {{"workflowId", "re-bomb"}, {"stepId", step}, {"output", out}});
        QVERIFY2(t.elapsed() < 5000, "regex bounded");
        // Either PCRE's JIT proves no match quickly (valid:false) or the bound trips (error).
        if (r.isError)
            QVERIFY2(r.payload["error"].get<std::string>().find("backtracking limit") !=
                         std::string::npos,
                     r.contentText().c_str());
        else
            QVERIFY(r.payload["valid"] == false);
    }
}

// 10 MB outputs: every rule type answers promptly.
void TestStepValidation::hugeOutput()
{
    WFS_REQUIRE_SHARED();
    auto engine = sharedEngine();
    const std::string big(10 * 1000 * 1000, 'z');
    QElapsedTimer t;
    t.start();
    for (const char *step :
         {"v-contains", "v-regex", "v-length", "v-schema", "v-multi", "v-none"}) {
        const ToolResult r =
            engine->callTool("workflow_validate",
                             {{"workflowId", "probe-validate"}, {"stepId", step}, {"output", big}});
        QVERIFY2(!r.isError, r.contentText().c_str());
    }
    QVERIFY2(t.elapsed() < 20000, "10 MB outputs validated in reasonable time");
}

QTEST_GUILESS_MAIN(TestStepValidation)
#include "tst_stepvalidation.moc"
