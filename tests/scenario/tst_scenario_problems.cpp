// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Values and problems as a person meets them in the real window: a bare word typed into a
// condition value in the inspector and into the stepper's context table is the string it
// spells in both (and shown as one); giving a step another step's id marks the step that was
// edited; one click on a problem takes you to it; a warning marks its node on the canvas.
#include "scenariostudio.h"

#include "engine/workflowrepository.h"
#include "jsoncompare.h"
#include "ui/common/jsonvalueedit.h"
#include "ui/inspector/conditioneditor.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/problems/diagnosticsrunner.h"
#include "ui/problems/problemspanel.h"
#include "ui/stepper/contexteditor.h"
#include "ui/stepper/stepperpanel.h"
#include "ui/stepper/stepperrun.h"

#include <QComboBox>
#include <QDockWidget>
#include <QImage>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QTreeWidget>

using namespace wfs;
using namespace wfs::studio;
using wfs::test::ScenarioStudio;

namespace {

// A workflow file of standard steps; `extra` adds members to the step with that id.
QByteArray workflowFile(const QString &id, const QStringList &stepIds,
                        const std::map<QString, Json> &extra = {})
{
    Json wf = {{"id", id.toStdString()},
               {"name", "Scenario"},
               {"description", "A workflow for a scenario test."},
               {"version", "1.0.0"},
               {"steps", Json::array()}};
    for (const QString &s : stepIds) {
        Json step = {
            {"id", s.toStdString()}, {"title", ("Step " + s).toStdString()}, {"prompt", "Do it."}};
        if (const auto it = extra.find(s); it != extra.end())
            for (auto m = it->second.begin(); m != it->second.end(); ++m)
                step[m.key()] = m.value();
        wf["steps"].push_back(step);
    }
    return QByteArray::fromStdString(formatJsonForSave(wf));
}

// Writes the file into the served folder, waits until it is served, opens it.
bool openServed(ScenarioStudio &s, const QString &id, const QByteArray &bytes)
{
    const QString file = s.workflowsDir() + QLatin1Char('/') + id + QStringLiteral(".json");
    if (!ScenarioStudio::writeFile(file, bytes))
        return false;
    if (!ScenarioStudio::waitFor([&] { return s.served(id).is_object(); }, 3000))
        return false;
    QString error;
    if (!s.window->openFile(file, &error))
        return false;
    s.page()->runner()->runNow();
    return ScenarioStudio::waitFor([&] { return !s.page()->runner()->isRunning(); });
}

NodeItem::ProblemLevel levelOf(ScenarioStudio &s, const QString &stepId)
{
    NodeItem *n = s.scene()->nodeItem(s.doc()->findStep(stepId));
    return n ? n->problemLevel() : NodeItem::ProblemLevel::None;
}

// Pixels of the node's area on screen (as painted in the viewport) close to `color`.
int pixelsNear(ScenarioStudio &s, const QString &stepId, const QColor &color)
{
    NodeItem *n = s.scene()->nodeItem(s.doc()->findStep(stepId));
    if (!n)
        return -1;
    s.view()->ensureVisible(n, 10, 10);
    QApplication::processEvents();
    const QImage shot = s.viewport()->grab().toImage();
    const QRect area = s.view()->mapFromScene(n->sceneBoundingRect()).boundingRect();
    int count = 0;
    for (int y = std::max(0, area.top()); y <= std::min(shot.height() - 1, area.bottom()); ++y)
        for (int x = std::max(0, area.left()); x <= std::min(shot.width() - 1, area.right()); ++x) {
            const QColor c = shot.pixelColor(x, y);
            if (std::abs(c.red() - color.red()) + std::abs(c.green() - color.green()) +
                    std::abs(c.blue() - color.blue()) <
                60)
                ++count;
        }
    return count;
}

// The Problems list of the current page, with its dock shown (View menu, as a person would).
QTreeWidget *problemsList(ScenarioStudio &s)
{
    auto *dock = s.window->findChild<QDockWidget *>(QStringLiteral("problemsDock"));
    if (dock && !dock->isVisible())
        dock->toggleViewAction()->trigger();
    if (dock)
        dock->raise();
    QApplication::processEvents();
    return s.page()->problems()->list();
}

QTreeWidgetItem *problemRow(QTreeWidget *list, const QString &where)
{
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(2) == where)
            return list->topLevelItem(i);
    return nullptr;
}

void clickRow(QTreeWidget *list, QTreeWidgetItem *row)
{
    list->scrollToItem(row);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(row).center());
    QApplication::processEvents();
}

} // namespace

class TestScenarioProblems : public QObject
{
    Q_OBJECT
private slots:
    void bareWordsAreStringsInConditionAndContext();
    void duplicateIdMarksTheEditedStep();
    void singleClickOnProblemShowsIt();
    void warningMarksItsNode();
};

// (a) `Large` typed into a condition value in the inspector and into the stepper's context
// table: a string in both, shown as text; the engine then runs the step that tests it.
void TestScenarioProblems::bareWordsAreStringsInConditionAndContext()
{
    ScenarioStudio s;
    const Json condition = {{"var", "size"}, {"equals", "Small"}};
    QVERIFY(openServed(s, QStringLiteral("sized"),
                       workflowFile(QStringLiteral("sized"), {"measure", "large-only", "finish"},
                                    {{"large-only", Json{{"runCondition", condition}}}})));

    // The inspector: the condition's value field, retyped.
    s.click(QStringLiteral("large-only"));
    InspectorWidget *inspector = s.page()->inspector();
    QTRY_COMPARE(inspector->target(), std::string("/steps/1"));
    auto *editor = qobject_cast<ConditionEditor *>(inspector->fieldWidget("/runCondition"));
    QVERIFY(editor);
    auto *value = qobject_cast<JsonValueEdit *>(
        editor->tree()->itemWidget(editor->tree()->topLevelItem(0), 2));
    QVERIFY(value);
    ScenarioStudio::typeInto(value->lineEdit(), QStringLiteral("Large"));
    JCOMPARE(s.doc()->valueAt("/steps/1/runCondition/equals"), Json("Large"));
    QCOMPARE(value->typeBox()->currentData().toInt(), static_cast<int>(ValueType::String));
    QVERIFY(value->error().isEmpty());

    // Saved and served as the string.
    s.shortcut(QKeySequence::Save);
    QVERIFY(!s.doc()->isModified());
    const ParsedJson onDisk = parseJson(
        ScenarioStudio::readFile(s.workflowsDir() + QStringLiteral("/sized.json")).toStdString());
    QVERIFY(onDisk.ok);
    JCOMPARE(onDisk.value["steps"][1]["runCondition"]["equals"], Json("Large"));
    QVERIFY(ScenarioStudio::waitFor(
        [&] {
            // What the engine serves is what the window shows: "equals": "Large".
            const auto snap = s.runtime->engine().snapshot();
            const WorkflowEntry *e = snap ? snap->find("sized") : nullptr;
            return e && e->workflow()->document() == s.doc()->json();
        },
        3000));

    // A run (Ctrl+R); in the context table: Add Variable, type the name, Tab, type the value.
    s.shortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    StepperPanel *stepper = s.window->stepper();
    QVERIFY(stepper && stepper->run());
    QTRY_COMPARE(stepper->run()->currentStepId(), std::string("measure"));
    ContextEditor *context = stepper->contextEditor();
    QPushButton *add = nullptr;
    for (QPushButton *b : context->findChildren<QPushButton *>())
        if (b->text() == ContextEditor::tr("Add Variable"))
            add = b;
    QVERIFY(add);
    QTest::mouseClick(add, Qt::LeftButton);
    QTableWidget *table = context->table();
    QTRY_VERIFY(QApplication::focusWidget() && table->isAncestorOf(QApplication::focusWidget()));
    QTest::keyClicks(QApplication::focusWidget(), QStringLiteral("size"));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QTRY_VERIFY(table->viewport()->findChild<JsonValueEdit *>() &&
                table->viewport()->findChild<JsonValueEdit *>()->isVisible());
    auto *cell = table->viewport()->findChild<JsonValueEdit *>();
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(cell->lineEdit()));
    QTest::keyClicks(cell->lineEdit(), QStringLiteral("Large"));
    QCOMPARE(cell->typeBox()->currentData().toInt(), static_cast<int>(ValueType::String));
    QTest::keyClick(cell->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY(!cell->isVisible()); // Return commits once the line has seen the key

    const Result<Json> ctx = context->value();
    QVERIFY2(ctx, ctx ? "" : ctx.error().c_str());
    JCOMPARE(ctx->value("size", Json()), Json("Large"));
    const int row = table->rowCount() - 1;
    QCOMPARE(table->item(row, 0)->text(), QStringLiteral("size"));
    const auto [label, tag] = JsonValueDelegate::cellDisplay(table->model()->index(row, 1));
    QCOMPARE(label, QStringLiteral("\"Large\""));
    QCOMPARE(tag, JsonValueEdit::typeLabel(ValueType::String));

    // The engine compares it with the condition's string: the conditional step comes next.
    stepper->outputEdit()->setPlainText(QStringLiteral("Measured: large."));
    auto *complete = stepper->findChild<QPushButton *>(QStringLiteral("stepComplete"));
    QVERIFY(complete && complete->isEnabled());
    QTest::mouseClick(complete, Qt::LeftButton);
    QTRY_COMPARE(stepper->run()->currentStepId(), std::string("large-only"));
}

// (b) The second step gets the first step's id, typed into the inspector's id field: the
// second step's node is marked and the Problems entry points to it; the first is untouched.
void TestScenarioProblems::duplicateIdMarksTheEditedStep()
{
    ScenarioStudio s;
    QVERIFY(openServed(s, QStringLiteral("dups"),
                       workflowFile(QStringLiteral("dups"), {"first", "second", "third"})));
    s.click(QStringLiteral("second"));
    InspectorWidget *inspector = s.page()->inspector();
    QTRY_COMPARE(inspector->target(), std::string("/steps/1"));
    ScenarioStudio::typeInto(inspector->fieldWidget("/id"), QStringLiteral("first"));
    QCOMPARE(s.stepIds(), (QStringList{"first", "first", "third"}));

    QTRY_COMPARE(s.scene()->nodeItem("/steps/1")->problemLevel(), NodeItem::ProblemLevel::Error);
    QCOMPARE(s.scene()->nodeItem("/steps/0")->problemLevel(), NodeItem::ProblemLevel::None);
    QVERIFY(s.scene()
                ->nodeItem("/steps/1")
                ->toolTip()
                .contains(QStringLiteral("duplicate step id 'first'")));
    QTreeWidget *list = problemsList(s);
    QTreeWidgetItem *row = problemRow(list, QStringLiteral("/steps/1/id"));
    QVERIFY(row);
    QVERIFY(row->text(0).startsWith(QStringLiteral("duplicate step id 'first'")));
    QVERIFY(!problemRow(list, QStringLiteral("/steps/0/id")));
}

// (c) One click on a problem whose step is out of view: the step is selected and scrolled
// into view, and the inspector shows it with the field in question focused.
void TestScenarioProblems::singleClickOnProblemShowsIt()
{
    ScenarioStudio s;
    QStringList ids;
    for (int i = 1; i <= 14; ++i)
        ids << QStringLiteral("step-%1").arg(i);
    ids << QStringLiteral("far-away");
    const Json badRegex = Json::parse(
        R"({"validationCriteria": [{"type": "regex", "pattern": "a(b", "message": "m"}]})");
    QVERIFY(openServed(s, QStringLiteral("long-flow"),
                       workflowFile(QStringLiteral("long-flow"), ids, {{"far-away", badRegex}})));
    const QString where = QStringLiteral("/steps/14/validationCriteria/0/pattern");
    QTreeWidget *list = problemsList(s);
    QTRY_VERIFY(problemRow(list, where));
    QTreeWidgetItem *row = problemRow(list, where);

    s.view()->showTop();
    s.scene()->clearSelection();
    QApplication::processEvents();
    NodeItem *node = s.scene()->nodeItem("/steps/14");
    const auto inView = [&] {
        const QRectF shown = s.view()->mapToScene(s.viewport()->rect()).boundingRect();
        return shown.contains(node->sceneBoundingRect().center());
    };
    QVERIFY2(!inView(), "the step must start out of view");

    clickRow(list, row);
    QCOMPARE(s.scene()->selectedPointers(), std::vector<std::string>{"/steps/14"});
    QVERIFY(node->isSelected());
    QVERIFY(inView());
    InspectorWidget *inspector = s.page()->inspector();
    QCOMPARE(inspector->target(), std::string("/steps/14"));
    QWidget *field = inspector->fieldWidget("/validationCriteria");
    QVERIFY(field && field->isVisible());
    QTRY_VERIFY(QApplication::focusWidget() && field->isAncestorOf(QApplication::focusWidget()));
}

// (d) A warning (a length rule with neither min nor max accepts everything) marks its node in
// amber, with the message as tooltip; an error's node is red, a clean node unmarked.
void TestScenarioProblems::warningMarksItsNode()
{
    ScenarioStudio s;
    const Json loose =
        Json::parse(R"({"validationCriteria": [{"type": "length", "message": "Say something."}]})");
    const Json broken = Json::parse(
        R"({"validationCriteria": [{"type": "regex", "pattern": "a(b", "message": "m"}]})");
    QVERIFY(openServed(s, QStringLiteral("marks"),
                       workflowFile(QStringLiteral("marks"), {"clean", "loose", "broken"},
                                    {{"loose", loose}, {"broken", broken}})));
    QTRY_COMPARE(levelOf(s, QStringLiteral("loose")), NodeItem::ProblemLevel::Warning);
    QCOMPARE(levelOf(s, QStringLiteral("broken")), NodeItem::ProblemLevel::Error);
    QCOMPARE(levelOf(s, QStringLiteral("clean")), NodeItem::ProblemLevel::None);
    QVERIFY(s.scene()
                ->nodeItem("/steps/1")
                ->toolTip()
                .contains(QStringLiteral("a length rule without")));

    // As painted: amber on the warned node, red on the broken one, neither on the clean one.
    const QColor amber(0xe0, 0xa8, 0x00);
    const QColor red(0xd3, 0x2f, 0x2f);
    QVERIFY(pixelsNear(s, QStringLiteral("loose"), amber) > 40);
    QCOMPARE(pixelsNear(s, QStringLiteral("loose"), red), 0);
    QVERIFY(pixelsNear(s, QStringLiteral("broken"), red) > 40);
    QCOMPARE(pixelsNear(s, QStringLiteral("clean"), amber), 0);
    QCOMPARE(pixelsNear(s, QStringLiteral("clean"), red), 0);
}

QTEST_MAIN(TestScenarioProblems)
#include "tst_scenario_problems.moc"
