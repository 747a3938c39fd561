// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The condition language (workrail-compat.md §1.4): engine::evaluateCondition, the only
// evaluator, one row per subtlety; the variables a blocked condition reads.
#include "enginefixtures.h"

#include "engine/condition.h"

#include <QTest>

using namespace wfs;
using wfs::test::dropKey;
using wfs::test::parse;
using wfs::test::sharedEngine;

class TestConditions : public QObject
{
    Q_OBJECT
private slots:
    void conditions_data();
    void conditions();
    void blockedCollectsVariables();

    // The rows that tested model's former copy of the evaluator (workrail-compat.md §1.4),
    // now against the engine's, the only one.
    void workrailRows_data()
    {
        QTest::addColumn<QString>("condition");
        QTest::addColumn<QString>("context");
        QTest::addColumn<bool>("expected");
        const QString ctx = QStringLiteral(
            "{\"s\": \"x\", \"n\": 5, \"z\": 0, \"e\": \"\", \"t\": true, \"nul\": null, "
            "\"arr\": [], \"obj\": {}, \"str5\": \"5\"}");
        QTest::newRow("missing condition") << "null" << ctx << true;
        QTest::newRow("empty object at top") << "{}" << ctx << true;
        QTest::newRow("not an object at top") << "[1]" << ctx << true;
        QTest::newRow("equals string") << "{\"var\": \"s\", \"equals\": \"x\"}" << ctx << true;
        QTest::newRow("equals is strict") << "{\"var\": \"n\", \"equals\": \"5\"}" << ctx << false;
        QTest::newRow("int equals double") << "{\"var\": \"n\", \"equals\": 5.0}" << ctx << true;
        QTest::newRow("missing var is not null")
            << "{\"var\": \"m\", \"equals\": null}" << ctx << false;
        QTest::newRow("null var equals null")
            << "{\"var\": \"nul\", \"equals\": null}" << ctx << true;
        QTest::newRow("missing not_equals null")
            << "{\"var\": \"m\", \"not_equals\": null}" << ctx << true;
        QTest::newRow("objects never equal")
            << "{\"var\": \"obj\", \"equals\": {}}" << ctx << false;
        QTest::newRow("gt") << "{\"var\": \"n\", \"gt\": 4}" << ctx << true;
        QTest::newRow("gte") << "{\"var\": \"n\", \"gte\": 5}" << ctx << true;
        QTest::newRow("lt") << "{\"var\": \"n\", \"lt\": 5}" << ctx << false;
        QTest::newRow("lte") << "{\"var\": \"n\", \"lte\": 5}" << ctx << true;
        QTest::newRow("no coercion") << "{\"var\": \"str5\", \"gt\": 3}" << ctx << false;
        QTest::newRow("first operator wins")
            << "{\"var\": \"n\", \"equals\": 5, \"gt\": 9}" << ctx << true;
        QTest::newRow("truthy zero") << "{\"var\": \"z\"}" << ctx << false;
        QTest::newRow("truthy empty string") << "{\"var\": \"e\"}" << ctx << false;
        QTest::newRow("truthy empty array") << "{\"var\": \"arr\"}" << ctx << true;
        QTest::newRow("truthy empty object") << "{\"var\": \"obj\"}" << ctx << true;
        QTest::newRow("and empty") << "{\"and\": []}" << ctx << true;
        QTest::newRow("or empty") << "{\"or\": []}" << ctx << false;
        QTest::newRow("not") << "{\"not\": {\"var\": \"t\"}}" << ctx << false;
        QTest::newRow("nested empty object fails all")
            << "{\"or\": [{\"var\": \"t\"}, {}]}" << ctx << true;
        QTest::newRow("failure makes the whole condition false")
            << "{\"not\": {\"and\": [{}]}}" << ctx << false;
        QTest::newRow("and not an array") << "{\"and\": {}}" << ctx << false;
        QTest::newRow("null context") << "{\"var\": \"n\", \"not_equals\": 1}"
                                      << "null" << false;
    }
    void workrailRows()
    {
        QFETCH(QString, condition);
        QFETCH(QString, context);
        QFETCH(bool, expected);
        const ParsedJson c = parseJson(condition.toStdString());
        const ParsedJson x = parseJson(context.toStdString());
        QVERIFY(c.ok && x.ok);
        QCOMPARE(engine::evaluateCondition(c.value, x.value.is_null() ? engine::VarScope(nullptr)
                                                                      : engine::VarScope(&x.value)),
                 expected);
    }
};

// §1.4, one row per subtlety.
void TestConditions::conditions_data()
{
    QTest::addColumn<QByteArray>("condition");
    QTest::addColumn<QByteArray>("context");
    QTest::addColumn<bool>("expected");
    const QByteArray ctx =
        R"({"n":5,"s":"y","one":"1","z":0,"e":"","nul":null,"t":true,"arr":[],"obj":{},"f":"false","zero":"0"})";
    auto row = [&](const char *name, const char *c, bool e, const QByteArray &context = {}) {
        QTest::newRow(name) << QByteArray(c) << (context.isEmpty() ? ctx : context) << e;
    };
    row("missing condition object {} is true", "{}", true);
    row("non-object condition is true", "42", true);
    row("equals strict number", R"({"var":"n","equals":5})", true);
    row("equals number vs string", R"({"var":"one","equals":1})", false);
    row("equals string vs string", R"({"var":"one","equals":"1"})", true);
    row("equals true vs \"true\"", R"({"var":"t","equals":"true"})", false);
    row("equals object never", R"({"var":"obj","equals":{}})", false);
    row("equals array never", R"({"var":"arr","equals":[]})", false);
    row("missing var equals null is false", R"({"var":"nope","equals":null})", false);
    row("null var equals null is true", R"({"var":"nul","equals":null})", true);
    row("missing var not_equals null is true", R"({"var":"nope","not_equals":null})", true);
    row("missing var not_equals x is true", R"({"var":"nope","not_equals":"x"})", true);
    row("first operator decides (equals before gt)", R"({"var":"n","gt":100,"equals":5})", true);
    row("not_equals before gt", R"({"var":"n","gt":1,"not_equals":5})", false);
    row("var beats and", R"({"var":"n","and":[{"var":"nope"}]})", true);
    row("gt number", R"({"var":"n","gt":4})", true);
    row("gte equal", R"({"var":"n","gte":5})", true);
    row("lt", R"({"var":"n","lt":5})", false);
    row("lte", R"({"var":"n","lte":5})", true);
    row("gt on string never coerces", R"({"var":"one","gt":0})", false);
    row("gt on missing", R"({"var":"nope","lt":10})", false);
    row("truthy number", R"({"var":"n"})", true);
    row("truthy 0 false", R"({"var":"z"})", false);
    row("truthy empty string false", R"({"var":"e"})", false);
    row("truthy null false", R"({"var":"nul"})", false);
    row("truthy \"0\" true", R"({"var":"zero"})", true);
    row("truthy \"false\" true", R"({"var":"f"})", true);
    row("truthy [] true", R"({"var":"arr"})", true);
    row("truthy {} true", R"({"var":"obj"})", true);
    row("empty var name looks up \"\"", R"({"var":"","equals":1})", true, R"({"":1})");
    row("and all", R"({"and":[{"var":"n"},{"var":"s","equals":"y"}]})", true);
    row("and empty true", R"({"and":[]})", true);
    row("and non-array fails", R"({"and":{"var":"n"}})", false);
    row("or any", R"({"or":[{"var":"z"},{"var":"s"}]})", true);
    row("or empty false", R"({"or":[]})", false);
    row("not", R"({"not":{"var":"z"}})", true);
    row("nested {} fails the whole condition", R"({"not":{}})", false);
    row("nested {} in and fails", R"({"and":[{"var":"n"},{}]})", false);
    row("unknown keys only fail", R"({"foo":1})", false);
    row("no dotted paths", R"({"var":"a.b","equals":1})", false, R"({"a":{"b":1}})");
    row("number 1 equals 1.0", R"({"var":"n","equals":5.0})", true);
}

void TestConditions::conditions()
{
    QFETCH(QByteArray, condition);
    QFETCH(QByteArray, context);
    QFETCH(bool, expected);
    const Json c = parse(condition);
    const Json ctx = parse(context);
    QCOMPARE(engine::evaluateCondition(c, engine::VarScope(&ctx)), expected);
    // A null context makes every non-trivial condition false.
    if (c.is_object() && c.contains("var"))
        QCOMPARE(engine::evaluateCondition(c, engine::VarScope(nullptr)), false);
}

void TestConditions::blockedCollectsVariables()
{
    const Json c = parse(
        R"({"or":[{"var":"mode","equals":"A"},{"and":[{"var":"lvl","gt":3},{"var":"mode","equals":"B"}]},
        {"not":{"var":"flag","equals":true}},{"var":"mode","equals":"A"},{"var":"n","equals":8.0},{"var":"x","equals":null}]})");
    std::vector<engine::ConditionVariable> vars;
    engine::collectConditionVariables(c, vars);
    QCOMPARE(int(vars.size()), 5);
    QCOMPARE(vars[0].name, std::string("mode"));
    QCOMPARE(vars[0].values, (std::vector<std::string>{"A", "B"}));
    QCOMPARE(vars[1].name, std::string("lvl"));
    QCOMPARE(vars[2].values, (std::vector<std::string>{"true"}));
    QCOMPARE(vars[3].values, (std::vector<std::string>{"8"}));
    QVERIFY(vars[4].values.empty());
}

QTEST_GUILESS_MAIN(TestConditions)
#include "tst_conditions.moc"
