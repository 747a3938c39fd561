// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Problems that point at the right place: warnings mark their node (amber, distinct from an
// error's red) with the message as tooltip; a duplicate id is reported on the step the user
// gave the id to, in either order; one click on a problem selects its step, scrolls it into
// view and focuses the inspector field.
#include "jsoncompare.h"
#include "testutil.h"

#include "engine/engine.h"
#include "model/jsonio.h"
#include "ui/canvas/nodeitems.h"
#include "ui/canvas/workflowscene.h"
#include "ui/canvas/workflowview.h"
#include "ui/document/workflowdocument.h"
#include "ui/editorpage.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/mainwindow.h"
#include "ui/problems/diagnosticsrunner.h"
#include "ui/problems/problemspanel.h"

#include <QApplication>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace wfs;
using namespace wfs::studio;

namespace {

using Level = NodeItem::ProblemLevel;

Engine::Options quietEngine()
{
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    return o;
}

Json workflowWithSteps(const QList<Json> &steps)
{
    Json wf = WorkflowDocument::blankWorkflow();
    wf["steps"] = Json::array();
    for (const Json &s : steps)
        wf["steps"].push_back(s);
    return wf;
}

Json step(const char *id, Json extra = Json::object())
{
    Json s = {{"id", id}, {"title", "T"}, {"prompt", "P"}};
    for (auto it = extra.begin(); it != extra.end(); ++it)
        s[it.key()] = it.value();
    return s;
}

Level levelOf(EditorPage *page, const std::string &pointer)
{
    NodeItem *n = page->scene()->nodeItem(pointer);
    return n ? n->problemLevel() : Level::None;
}

} // namespace

class TestProblems : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void warningsMarkNodes();
    void duplicateIdMarksEditedStep_data();
    void duplicateIdMarksEditedStep();
    void singleClickShowsTheProblem();

private:
    QTemporaryDir m_tmp;
};

void TestProblems::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
}

// An error marks red, a warning amber, a step with both counts as an error; the tooltip
// starts with every message.
void TestProblems::warningsMarkNodes()
{
    EditorPage page;
    const Json lengthWithoutBounds =
        Json::parse(R"({"validationCriteria": [{"type": "length", "message": "m"}]})"); // a warning
    const Json badRegex = Json::parse(
        R"({"validationCriteria": [{"type": "regex", "pattern": "a(b", "message": "m"}]})");
    const Json both = Json::parse(R"({"validationCriteria": [
        {"type": "length", "message": "m"},
        {"type": "regex", "pattern": "a(b", "message": "m"}]})");
    page.document()->load(workflowWithSteps({step("clean"), step("warned", lengthWithoutBounds),
                                             step("broken", badRegex), step("both", both)}));
    page.runner()->runNow();
    QTRY_VERIFY(!page.runner()->diagnostics().empty());
    QCOMPARE(levelOf(&page, "/steps/0"), Level::None);
    QCOMPARE(levelOf(&page, "/steps/1"), Level::Warning);
    QCOMPARE(levelOf(&page, "/steps/2"), Level::Error);
    QCOMPARE(levelOf(&page, "/steps/3"), Level::Error);
    const NodeItem *warned = page.scene()->nodeItem("/steps/1");
    QVERIFY(warned->problemText().contains(QStringLiteral("a length rule without 'min' or 'max'")));
    QVERIFY2(warned->toolTip().contains(QStringLiteral("a length rule without")),
             qPrintable(warned->toolTip()));
    const QString bothText = page.scene()->nodeItem("/steps/3")->problemText();
    QVERIFY(bothText.contains(QStringLiteral("Warning: ")));
    QVERIFY(bothText.contains(QStringLiteral("Error: ")));

    // Fixing the warning clears its mark (and the tooltip is the step's own again).
    page.document()->load(workflowWithSteps({step("clean"), step("warned")}));
    page.runner()->runNow();
    QTRY_COMPARE(levelOf(&page, "/steps/1"), Level::None);
    QVERIFY(!page.scene()->nodeItem("/steps/1")->toolTip().contains(QStringLiteral("length")));
}

void TestProblems::duplicateIdMarksEditedStep_data()
{
    QTest::addColumn<QString>("edited");    // the step whose id field is typed into
    QTest::addColumn<QString>("takesIdOf"); // the step whose id is typed
    QTest::newRow("the later step gets the earlier one's id") << "/steps/2"
                                                              << "/steps/0";
    QTest::newRow("the earlier step gets the later one's id") << "/steps/0"
                                                              << "/steps/2";
}

// The step the user gave an existing id to is marked and listed, never the untouched one.
void TestProblems::duplicateIdMarksEditedStep()
{
    QFETCH(QString, edited);
    QFETCH(QString, takesIdOf);
    Engine engine(quietEngine());
    MainWindow w(&engine, nullptr, m_tmp.filePath(QStringLiteral("recovery")));
    w.resize(1400, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    EditorPage *page =
        w.newDocument(workflowWithSteps({step("alpha"), step("beta"), step("gamma")}));
    page->runner()->runNow();
    QTRY_VERIFY(!page->runner()->isRunning());

    page->scene()->selectPointers({edited.toStdString()});
    QTRY_COMPARE(page->inspector()->target(), edited.toStdString());
    auto *id = qobject_cast<QLineEdit *>(page->inspector()->fieldWidget("/id"));
    QVERIFY(id);
    const QString newId = QString::fromStdString(
        page->document()->valueAt(takesIdOf.toStdString() + "/id").get<std::string>());
    id->setFocus();
    QTest::keyClick(id, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(id, newId);
    JCOMPARE(page->document()->valueAt(edited.toStdString() + "/id"), Json(newId.toStdString()));

    QTRY_COMPARE(levelOf(page, edited.toStdString()), Level::Error);
    QCOMPARE(levelOf(page, takesIdOf.toStdString()), Level::None);
    QStringList listed;
    for (const Diagnostic &d : page->problems()->shown())
        if (d.message.find("duplicate step id") != std::string::npos)
            listed << QString::fromStdString(d.pointer);
    QCOMPARE(listed, QStringList{edited + QStringLiteral("/id")});
}

// One click on a problem row: the step is selected, scrolled into view, shown in the inspector
// with the field holding the focus.
void TestProblems::singleClickShowsTheProblem()
{
    Engine engine(quietEngine());
    MainWindow w(&engine, nullptr, m_tmp.filePath(QStringLiteral("recovery")));
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QList<Json> steps;
    for (int i = 0; i < 14; ++i)
        steps << step(qPrintable(QStringLiteral("step-%1").arg(i)));
    steps << step("far-away", Json::parse(R"({"agentRole": "short"})")); // below 10 chars
    EditorPage *page = w.newDocument(workflowWithSteps(steps));
    page->runner()->runNow();
    QTRY_VERIFY(!page->problems()->shown().empty());
    const std::string owner = "/steps/14";
    QTreeWidget *list = page->problems()->list();
    QTreeWidgetItem *row = nullptr;
    for (int i = 0; i < list->topLevelItemCount(); ++i)
        if (list->topLevelItem(i)->text(2).startsWith(QString::fromStdString(owner)))
            row = list->topLevelItem(i);
    QVERIFY(row);
    const QString field = row->text(2).mid(static_cast<int>(owner.size()));
    QCOMPARE(field, QStringLiteral("/agentRole"));

    page->view()->showTop();
    QApplication::processEvents();
    const auto visible = [&] {
        const QRectF shown =
            page->view()->mapToScene(page->view()->viewport()->rect()).boundingRect();
        return shown.intersects(page->scene()->nodeItem(owner)->sceneBoundingRect());
    };
    QVERIFY2(!visible(), "the step must start out of view for this test to mean anything");
    QVERIFY(page->scene()->selectedPointers().empty());

    list->scrollToItem(row);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualItemRect(row).center());

    QCOMPARE(page->scene()->selectedPointers(), std::vector<std::string>{owner});
    QVERIFY(visible());
    QCOMPARE(page->inspector()->target(), owner);
    QWidget *editor = page->inspector()->fieldWidget(field.toStdString());
    QVERIFY(editor);
    QTRY_VERIFY(QApplication::focusWidget() == editor ||
                editor->isAncestorOf(QApplication::focusWidget()));
}

QTEST_MAIN(TestProblems)
#include "tst_problems.moc"
