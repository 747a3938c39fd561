// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The typed workflow model: every field of the format is read with its pointer; lookups and
// iteration work; broken shapes give "model" diagnostics instead of failing; every corpus
// workflow reads without a model diagnostic and every step pointer resolves.
#include "model/jsonio.h"
#include "model/workflow.h"
#include "semanticfixtures.h"
#include "testutil.h"

#include <QDirIterator>
#include <QTest>

using namespace wfs;

static Workflow readRich()
{
    const ParsedJson p = parseJson(wfs::test::richWorkflowText());
    Diagnostics ds;
    Workflow wf = Workflow::fromJson(p.value, &ds);
    if (!p.ok || !ds.empty())
        qFatal("rich fixture does not read cleanly");
    return wf;
}

class TestWorkflow : public QObject
{
    Q_OBJECT
private slots:
    void metadata()
    {
        const Workflow wf = readRich();
        QCOMPARE(wf.id, std::string("rich-wf"));
        QCOMPARE(wf.name, std::string("Rich"));
        QCOMPARE(wf.description, std::string("Uses everything"));
        QCOMPARE(wf.version, std::string("1.2.3"));
        QCOMPARE(wf.preconditions, std::vector<std::string>{"repo cloned"});
        QCOMPARE(wf.clarificationPrompts, std::vector<std::string>{"Which branch?"});
        QCOMPARE(wf.metaGuidance, std::vector<std::string>{"Be brief."});
        QCOMPARE(wf.functionDefinitions.size(), std::size_t(1));
        const FunctionDefinition &f = wf.functionDefinitions[0];
        QCOMPARE(f.name, std::string("note"));
        QCOMPARE(f.pointer, std::string("/functionDefinitions/0"));
        QCOMPARE(f.scope, FunctionScope::Workflow);
        QCOMPARE(f.parameters.size(), std::size_t(1));
        QCOMPARE(f.parameters[0].type, ParameterType::String);
        QVERIFY(f.parameters[0].required);
        QVERIFY(f.parameters[0].hasDefault);
        QCOMPARE(f.parameters[0].enumValues.size(), std::size_t(2));
        QCOMPARE(f.parameters[0].pointer, std::string("/functionDefinitions/0/parameters/0"));
    }

    void standardStep()
    {
        const Workflow wf = readRich();
        const Step *s = wf.findStep("start");
        QVERIFY(s);
        QCOMPARE(s->pointer, std::string("/steps/0"));
        QCOMPARE(s->kind, StepKind::Standard);
        QCOMPARE(s->prompt, std::string("Begin"));
        QCOMPARE(*s->agentRole, std::string("You are a careful engineer."));
        QCOMPARE(s->guidance.size(), std::size_t(2));
        QVERIFY(s->askForFiles && s->hasValidation);
        QCOMPARE(s->requireConfirmation.kind, ConfirmationKind::Conditional);
        QCOMPARE(s->requireConfirmation.condition->op, ConditionOp::Equals);
        QCOMPARE(s->requireConfirmation.pointer, std::string("/steps/0/requireConfirmation"));
        QCOMPARE(s->runCondition->op, ConditionOp::And);
        QCOMPARE(s->runCondition->children.size(), std::size_t(2));
        QCOMPARE(s->runCondition->children[0].op, ConditionOp::Gt);
        QCOMPARE(s->runCondition->children[0].pointer, std::string("/steps/0/runCondition/and/0"));
        QCOMPARE(s->runCondition->children[1].op, ConditionOp::Not);
        QCOMPARE(s->runCondition->children[1].children[0].op, ConditionOp::Truthy);
        QCOMPARE(s->validationCriteria->kind, CriteriaKind::Or);
        QCOMPARE(s->validationCriteria->items[0].rule.type, RuleType::Contains);
        QCOMPARE(*s->validationCriteria->items[0].rule.value, std::string("ok"));
        const ValidationRule &re = s->validationCriteria->items[1].rule;
        QCOMPARE(re.type, RuleType::Regex);
        QCOMPARE(*re.flags, std::string("i"));
        QCOMPARE(re.pointer, std::string("/steps/0/validationCriteria/or/1"));
        QCOMPARE(re.condition->op, ConditionOp::Truthy);
        QCOMPARE(s->functionCalls.size(), std::size_t(1));
        QCOMPARE(s->functionCalls[0].args.at("text").get<std::string>(), std::string("a"));
        QCOMPARE(s->functionReferences, std::vector<std::string>{"note()"});
        QCOMPARE(wf.findStep("body-step")->requireConfirmation.kind, ConfirmationKind::Always);
    }

    void loops_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("type");
        QTest::addColumn<int>("bodyKind");
        QTest::addColumn<int>("bodySize");
        QTest::newRow("for with count variable, string body")
            << "retry" << int(LoopType::For) << int(LoopBodyKind::StepRef) << 0;
        QTest::newRow("forEach, inline body")
            << "each" << int(LoopType::ForEach) << int(LoopBodyKind::Inline) << 2;
        QTest::newRow("until") << "poll" << int(LoopType::Until) << int(LoopBodyKind::Inline) << 1;
        QTest::newRow("while") << "spin" << int(LoopType::While) << int(LoopBodyKind::Inline) << 1;
        QTest::newRow("for with numeric count")
            << "fixed" << int(LoopType::For) << int(LoopBodyKind::Inline) << 1;
    }
    void loops()
    {
        QFETCH(QString, id);
        QFETCH(int, type);
        QFETCH(int, bodyKind);
        QFETCH(int, bodySize);
        const Workflow wf = readRich();
        const Step *s = wf.findStep(id.toStdString());
        QVERIFY(s);
        QVERIFY(s->isLoop());
        QCOMPARE(int(s->loop.type), type);
        QCOMPARE(int(s->bodyKind), bodyKind);
        QCOMPARE(int(s->bodySteps.size()), bodySize);
        QCOMPARE(s->loop.pointer, s->pointer + "/loop");
        for (const Step &inner : s->bodySteps) {
            QVERIFY(inner.isInline());
            QCOMPARE(wf.enclosingLoop(inner), s);
            QCOMPARE(inner.pointer, s->pointer + "/body/" + std::to_string(inner.bodyIndex));
        }
    }

    void loopDetails()
    {
        const Workflow wf = readRich();
        const Step *retry = wf.findStep("retry");
        QCOMPARE(*retry->loop.countVar, std::string("attempts"));
        QVERIFY(!retry->loop.countNumber);
        QCOMPARE(retry->loop.iterationVar, std::string("attempt"));
        QVERIFY(retry->loop.hasIterationVar);
        QCOMPARE(retry->bodyRef, std::string("body-step"));
        QCOMPARE(wf.enclosingLoop(*wf.findStep("body-step")), retry);
        QCOMPARE(wf.loopsReferencing("body-step").size(), std::size_t(1));
        const Step *each = wf.findStep("each");
        QCOMPARE(*each->loop.items, std::string("files"));
        QCOMPARE(each->loop.itemVar, std::string("file"));
        QCOMPARE(each->loop.indexVar, std::string("i"));
        QCOMPARE(*each->loop.maxIterations, 50.0);
        QCOMPARE(each->functionDefinitions[0].scope, FunctionScope::Loop);
        QCOMPARE(each->runCondition->op, ConditionOp::Truthy);
        const Step *look = wf.findStep("look");
        QCOMPARE(look->validationCriteria->kind, CriteriaKind::List);
        QCOMPARE(look->validationCriteria->items[0].rule.type, RuleType::Length);
        QCOMPARE(*look->validationCriteria->items[0].rule.max, 99.0);
        QCOMPARE(look->validationCriteria->items[1].rule.type, RuleType::Schema);
        QVERIFY(look->validationCriteria->items[1].rule.schema.is_object());
        const Step *fixed = wf.findStep("fixed");
        QCOMPARE(*fixed->loop.countNumber, 2.0);
        QCOMPARE(fixed->loop.iterationVar, std::string("currentIteration"));
        QVERIFY(!fixed->loop.hasIterationVar);
        const Step *spin = wf.findStep("spin");
        QCOMPARE(spin->loop.condition->op, ConditionOp::Or);
        QCOMPARE(spin->loop.condition->children[3].op, ConditionOp::NotEquals);
    }

    void lookups()
    {
        const Workflow wf = readRich();
        std::vector<std::string> order;
        for (const Step *s : wf.allSteps())
            order.push_back(s->id);
        const std::vector<std::string> expected{"start", "body-step", "retry", "each",
                                                "look",  "fix",       "poll",  "check",
                                                "spin",  "wait",      "fixed", "tick"};
        QCOMPARE(order, expected);
        QCOMPARE(wf.stepAt("/steps/3/body/1/prompt")->id, std::string("fix"));
        QCOMPARE(wf.stepAt("/steps/3/loop/items")->id, std::string("each"));
        QCOMPARE(wf.stepAt("/steps/30"), nullptr);
        QCOMPARE(wf.stepAt("/metaGuidance/0"), nullptr);
        QVERIFY(!wf.findStep("nope"));
        QVERIFY(!wf.findTopLevelStep("look"));
        for (const Step *s : wf.allSteps()) {
            const Json &j = s->json(wf.document);
            QCOMPARE(j.at("id").get<std::string>(), s->id);
            QVERIFY(wf.document.at(Json::json_pointer(s->pointer)) == j);
        }
    }

    // Shape problems do not stop reading; they are reported with pointers.
    void shapeProblems_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QStringList>("expected"); // "pointer: message"
        QTest::newRow("root not an object")
            << "[1]" << QStringList{": a workflow must be a JSON object"};
        QTest::newRow("no steps")
            << "{\"id\": \"x\"}"
            << QStringList{": the workflow has no 'steps'; add an array with at least one step"};
        QTest::newRow("steps not an array")
            << "{\"steps\": {}}" << QStringList{"/steps: 'steps' must be an array of steps"};
        QTest::newRow("empty steps")
            << "{\"steps\": []}"
            << QStringList{"/steps: the workflow has no steps; add at least one"};
        QTest::newRow("step not an object")
            << "{\"steps\": [3]}" << QStringList{"/steps/0: a step must be an object"};
        QTest::newRow("wrong field types")
            << "{\"id\": 1, \"steps\": [{\"id\": \"a\", \"title\": [], \"prompt\": \"p\", "
               "\"guidance\": [\"g\", 2], \"askForFiles\": \"yes\"}]}"
            << QStringList{"/id: 'id' must be a string", "/steps/0/title: 'title' must be a string",
                           "/steps/0/guidance/1: each entry of 'guidance' must be a string",
                           "/steps/0/askForFiles: 'askForFiles' must be true or false"};
        QTest::newRow("loop with bad body and count")
            << "{\"steps\": [{\"id\": \"l\", \"type\": \"loop\", \"body\": 3, \"loop\": "
               "{\"type\": \"for\", \"count\": true, \"maxIterations\": 2}}]}"
            << QStringList{"/steps/0/loop/count: 'count' must be a number or the name of a context "
                           "variable",
                           "/steps/0/body: 'body' must be a step id or an array of steps"};
    }
    void shapeProblems()
    {
        QFETCH(QString, text);
        QFETCH(QStringList, expected);
        const ParsedJson p = parseJson(text.toStdString());
        QVERIFY(p.ok);
        Diagnostics ds;
        const Workflow wf = Workflow::fromJson(p.value, &ds);
        QStringList actual;
        for (const Diagnostic &d : ds) {
            QCOMPARE(d.source, std::string("model"));
            actual << QString::fromStdString(d.pointer + ": " + d.message);
        }
        QCOMPARE(actual, expected);
        Q_UNUSED(wf);
    }

    void corpus()
    {
        WFS_REQUIRE_SHARED();
        QDirIterator it(wfs::test::sharedDir() + QStringLiteral("/workrail"),
                        {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        int workflows = 0;
        while (it.hasNext()) {
            const QString path = it.next();
            const ParsedJson p = loadJsonFile(path.toStdString());
            QVERIFY(p.ok);
            if (!p.value.is_object() || !p.value.contains("steps") ||
                path.endsWith(QLatin1String("invalid-workflow.json")))
                continue; // the schema itself, and the deliberately broken sample
            Diagnostics ds;
            const Workflow wf = Workflow::fromJson(p.value, &ds);
            const QString firstProblem =
                ds.empty() ? QString() : QString::fromStdString(ds.front().message);
            QVERIFY2(ds.empty(), qPrintable(path + QStringLiteral(": ") + firstProblem));
            QCOMPARE(wf.id, p.value.at("id").get<std::string>());
            std::size_t expectedSteps = 0;
            for (const Json &s : p.value.at("steps")) {
                ++expectedSteps;
                if (s.contains("body") && s.at("body").is_array())
                    expectedSteps += s.at("body").size();
            }
            const auto all = wf.allSteps();
            QCOMPARE(all.size(), expectedSteps);
            for (const Step *s : all) {
                QVERIFY(!s->id.empty());
                QVERIFY(wf.document.at(Json::json_pointer(s->pointer)) == s->json(wf.document));
                QVERIFY(s->isLoop() || !s->prompt.empty());
            }
            ++workflows;
        }
        QVERIFY(workflows >= 18);
    }
};

QTEST_APPLESS_MAIN(TestWorkflow)
#include "tst_workflow.moc"
