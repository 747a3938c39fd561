// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The studio window driven like a user: palette buttons, mouse clicks and drags on the canvas,
// typing into inspector fields; the saved file must equal the expected workflow, every step
// must undo back to the start, and the JSON view and canvas must follow each other.
#include "testutil.h"

#include "engine/engine.h"
#include "model/jsonio.h"
#include "ui/canvas/nodeitems.h"
#include "ui/common/jsonvalueedit.h"
#include "ui/canvas/workflowscene.h"
#include "ui/canvas/workflowview.h"
#include "ui/document/commands.h"
#include "ui/document/workflowdocument.h"
#include "ui/editorpage.h"
#include "ui/inspector/conditioneditor.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/jsonview/jsonview.h"
#include "ui/mainwindow.h"
#include "ui/problems/diagnosticsrunner.h"
#include "ui/problems/problemspanel.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

using namespace wfs;
using namespace wfs::studio;

namespace {

// What the scripted session below must produce, byte for byte once formatted.
const char *const kExpected = R"({
  "id": "new-workflow",
  "name": "Loop demo",
  "description": "Describe what this workflow achieves.",
  "version": "0.1.0",
  "steps": [
    {"id": "step-1", "title": "First step", "prompt": "Tell the agent what to do."},
    {"id": "new-loop", "type": "loop", "title": "New loop",
     "loop": {"type": "while", "condition": {"var": "continueLoop", "equals": true},
              "maxIterations": 5},
     "body": [
       {"id": "new-loop-step", "title": "Loop step", "prompt": "Describe one iteration."},
       {"id": "new-step", "title": "Only when fast",
        "prompt": "Describe what the agent should do.",
        "runCondition": {"var": "mode", "equals": "fast"}}
     ]}
  ]
})";

Engine::Options quietEngine()
{
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    return o;
}

QPoint viewPointOf(WorkflowView *view, const std::string &pointer)
{
    auto *scene = static_cast<WorkflowScene *>(view->scene());
    NodeItem *item = scene->nodeItem(pointer);
    if (!item)
        return {};
    view->ensureVisible(item);
    return view->mapFromScene(item->sceneBoundingRect().center());
}

void clickNode(WorkflowView *view, const std::string &pointer)
{
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, viewPointOf(view, pointer));
}

void sendMouse(QWidget *w, QEvent::Type type, QPoint pos, Qt::MouseButton button,
               Qt::MouseButtons buttons)
{
    QMouseEvent e(type, QPointF(pos), QPointF(w->mapToGlobal(pos)), button, buttons,
                  Qt::NoModifier);
    QApplication::sendEvent(w, &e);
}

// A real drag on the canvas: press, several moves with the button held, release.
void dragOnView(WorkflowView *view, QPoint from, QPoint to)
{
    QWidget *vp = view->viewport();
    sendMouse(vp, QEvent::MouseButtonPress, from, Qt::LeftButton, Qt::LeftButton);
    for (int i = 1; i <= 8; ++i)
        sendMouse(vp, QEvent::MouseMove, from + (to - from) * i / 8, Qt::NoButton, Qt::LeftButton);
    sendMouse(vp, QEvent::MouseButtonRelease, to, Qt::LeftButton, Qt::NoButton);
}

void replaceText(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(edit, text);
}

QToolButton *paletteButton(MainWindow &w, const char *action)
{
    auto *bar = w.findChild<QToolBar *>(QStringLiteral("paletteToolBar"));
    return bar ? qobject_cast<QToolButton *>(bar->widgetForAction(w.action(action))) : nullptr;
}

} // namespace

class TestStudio : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void buildWorkflowByInput();
    void jsonEditUpdatesCanvas();
    void invalidJsonKeepsLastGoodModel();
    void canvasEditUpdatesJson();
    void copyPasteMakesIdsUnique();
    void problemsAreListedAndMarked();
    void unreadableFileGetsClearError();
    void largeWorkflowOpensAtActualSizeAtTop();
    void menusOfferSettingsAndAgentConnection();

private:
    QTemporaryDir m_tmp;
};

void TestStudio::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
}

void TestStudio::buildWorkflowByInput()
{
    Engine engine(quietEngine());
    MainWindow w(&engine, nullptr, m_tmp.filePath(QStringLiteral("recovery")));
    w.resize(1400, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    EditorPage *page = w.newDocument();
    WorkflowDocument *doc = page->document();
    const std::string initial = doc->json().dump();
    WorkflowView *view = page->view();
    InspectorWidget *inspector = page->inspector();

    // Workflow name, typed into the inspector (nothing selected = the workflow).
    QCOMPARE(inspector->kind(), InspectorWidget::Kind::Workflow);
    auto *name = qobject_cast<QLineEdit *>(inspector->fieldWidget("/name"));
    QVERIFY(name);
    replaceText(name, QStringLiteral("Loop demo"));
    QCOMPARE(doc->valueAt("/name").dump(), Json("Loop demo").dump());
    QCOMPARE(doc->undoStack()->count(), 1); // keystrokes merged into one step

    // A loop from the palette, appended after the only step; then its max iterations.
    QToolButton *loopButton = paletteButton(w, "insertLoop");
    QVERIFY(loopButton);
    QTest::mouseClick(loopButton, Qt::LeftButton);
    QCOMPARE(doc->valueAt("/steps/1/type").dump(), Json("loop").dump());
    QCOMPARE(inspector->kind(), InspectorWidget::Kind::Loop);
    auto *maxIterations = qobject_cast<QLineEdit *>(inspector->fieldWidget("/loop/maxIterations"));
    QVERIFY(maxIterations);
    replaceText(maxIterations, QStringLiteral("5"));
    QCOMPARE(doc->valueAt("/steps/1/loop/maxIterations").dump(), "5");

    // Click the first step, insert a step after it from the palette, name it.
    clickNode(view, "/steps/0");
    QCOMPARE(page->scene()->selectedPointers(), std::vector<std::string>{"/steps/0"});
    QTest::mouseClick(paletteButton(w, "insertStep"), Qt::LeftButton);
    QCOMPARE(doc->valueAt("/steps/1/id").dump(), Json("new-step").dump());
    QCOMPARE(inspector->target(), std::string("/steps/1"));
    auto *title = qobject_cast<QLineEdit *>(inspector->fieldWidget("/title"));
    QVERIFY(title);
    replaceText(title, QStringLiteral("Only when fast"));

    // Its run condition, built in the condition builder: mode == "fast".
    auto *condition = qobject_cast<ConditionEditor *>(inspector->fieldWidget("/runCondition"));
    QVERIFY(condition);
    QTest::mouseClick(condition->findChild<QPushButton *>(QStringLiteral("conditionAddRow")),
                      Qt::LeftButton);
    QTreeWidgetItem *row = condition->tree()->topLevelItem(0);
    QVERIFY(row);
    auto *var = qobject_cast<QLineEdit *>(condition->tree()->itemWidget(row, 0));
    auto *value = qobject_cast<JsonValueEdit *>(condition->tree()->itemWidget(row, 2));
    QVERIFY(var && value);
    replaceText(var, QStringLiteral("mode"));
    replaceText(value->lineEdit(), QStringLiteral("fast"));
    QCOMPARE(doc->valueAt("/steps/1/runCondition").dump(),
             Json::parse(R"({"var":"mode","equals":"fast"})").dump());

    // Drag the conditional step into the loop, below the loop's own step.
    const QRectF body = page->scene()->nodeItem("/steps/2/body/0")->sceneBoundingRect();
    const QPoint from = viewPointOf(view, "/steps/1");
    const QPoint to = view->mapFromScene(QPointF(body.center().x(), body.bottom() + 12));
    dragOnView(view, from, to);
    QCOMPARE(doc->valueAt("/steps/1/body/1/id").dump(), Json("new-step").dump());

    // Save and compare with the expected file.
    // The folder is not served: the studio offers to serve it; keep the file unserved.
    const QString path = m_tmp.filePath(QStringLiteral("built.json"));
    QString offered;
    QTimer::singleShot(0, &w, [&offered] {
        if (QWidget *d = QApplication::activeModalWidget()) {
            offered = d->objectName();
            if (auto *keep = d->findChild<QPushButton *>(QStringLiteral("keepUnserved")))
                keep->click();
            else
                d->close();
        }
    });
    QVERIFY(w.saveAs(page, path));
    QCOMPARE(offered, QStringLiteral("serveOfferDialog"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const std::string saved = file.readAll().toStdString();
    QCOMPARE(saved, formatJsonForSave(Json::parse(kExpected)));
    QVERIFY(!doc->isModified());
    const std::string final = doc->json().dump();

    // Every step undoes back to the blank workflow, and redoes to the same file.
    const int steps = doc->undoStack()->count();
    QVERIFY2(steps >= 7, qPrintable(QString::number(steps)));
    while (doc->undoStack()->canUndo())
        w.action(QStringLiteral("editUndo"))->trigger();
    QCOMPARE(doc->json().dump(), initial);
    QVERIFY(doc->isModified());
    while (doc->undoStack()->canRedo())
        w.action(QStringLiteral("editRedo"))->trigger();
    QCOMPARE(doc->json().dump(), final);
    QVERIFY(!doc->isModified());
}

void TestStudio::jsonEditUpdatesCanvas()
{
    EditorPage page;
    page.document()->load(WorkflowDocument::blankWorkflow());
    QPlainTextEdit *editor = page.jsonView()->editor();
    Json changed = page.document()->json();
    changed["steps"].push_back(Json::parse(R"({"id":"two","title":"Two","prompt":"p"})"));
    changed["steps"][0]["title"] = "Renamed in JSON";
    editor->setFocus();
    editor->selectAll();
    QTest::keyClicks(editor, QString::fromStdString(formatJsonForSave(changed)).remove('\n'));
    // Applied after the pause, as one undoable edit.
    QTRY_COMPARE(page.document()->json().dump(), changed.dump());
    QCOMPARE(page.document()->undoStack()->count(), 1);
    QVERIFY(page.scene()->nodeItem("/steps/1"));
    QCOMPARE(page.scene()->nodeItem("/steps/0")->stepId(), QStringLiteral("step-1"));
    page.document()->undoStack()->undo();
    QVERIFY(!page.scene()->nodeItem("/steps/1"));
    QCOMPARE(page.document()->json().dump(), WorkflowDocument::blankWorkflow().dump());
    // The text follows once read (or shown, or after a pause in typing).
    QCOMPARE(page.jsonView()->editor()->toPlainText().toStdString(),
             formatJsonForSave(WorkflowDocument::blankWorkflow()));
}

void TestStudio::invalidJsonKeepsLastGoodModel()
{
    EditorPage page;
    page.document()->load(WorkflowDocument::blankWorkflow());
    const std::string before = page.document()->json().dump();
    QPlainTextEdit *editor = page.jsonView()->editor();
    QTextCursor c = editor->textCursor();
    c.movePosition(QTextCursor::Start);
    c.movePosition(QTextCursor::Down, QTextCursor::MoveAnchor, 2); // line 3
    editor->setTextCursor(c);
    QTest::keyClicks(editor, QStringLiteral("oops "));
    page.jsonView()->applyPendingEdit();
    const Diagnostics &problems = page.jsonView()->textProblems();
    QCOMPARE(problems.size(), std::size_t(1));
    QCOMPARE(problems.front().line, 3);
    QVERIFY(problems.front().column >= 1);
    QCOMPARE(page.document()->json().dump(), before);
    QCOMPARE(page.document()->undoStack()->count(), 0);
    QVERIFY(page.scene()->nodeItem("/steps/0"));
    // The problems panel lists the parse error first.
    QVERIFY(!page.problems()->shown().empty());
    QCOMPARE(page.problems()->shown().front().source, std::string("json"));
}

void TestStudio::canvasEditUpdatesJson()
{
    EditorPage page;
    page.document()->load(WorkflowDocument::blankWorkflow());
    page.scene()->selectPointers({"/steps/0"});
    page.scene()->insertLoop(page.scene()->insertionPoint());
    const QString text = page.jsonView()->editor()->toPlainText();
    QCOMPARE(text.toStdString(), formatJsonForSave(page.document()->json()));
    QVERIFY(text.contains(QStringLiteral("\"type\": \"loop\"")));
    QVERIFY(page.jsonView()->textProblems().empty());
}

void TestStudio::copyPasteMakesIdsUnique()
{
    EditorPage page;
    page.document()->load(WorkflowDocument::blankWorkflow());
    page.scene()->selectPointers({"/steps/0"});
    const QString copied = page.scene()->copySelection();
    QVERIFY(copied.contains(QStringLiteral("step-1")));
    QCOMPARE(page.scene()->paste(copied), QString());
    QCOMPARE(page.document()->valueAt("/steps/1/id").dump(), Json("step-1-2").dump());
    // From a text editor: a whole workflow's steps.
    QCOMPARE(page.scene()->paste(QStringLiteral(R"({"steps":[{"id":"x","title":"X","prompt":"p"}]})")),
             QString());
    QCOMPARE(page.document()->valueAt("/steps/2/id").dump(), Json("x").dump());
    const QString error = page.scene()->paste(QStringLiteral("not json"));
    QVERIFY(error.contains(QStringLiteral("clipboard:1:")));
    QCOMPARE(page.document()->undoStack()->count(), 2);
}

void TestStudio::problemsAreListedAndMarked()
{
    EditorPage page;
    Json wf = WorkflowDocument::blankWorkflow();
    wf["steps"].push_back(wf["steps"][0]); // duplicate step id
    page.document()->load(wf);
    page.runner()->runNow();
    QTRY_VERIFY(!page.runner()->diagnostics().empty());
    QTRY_VERIFY(!page.problems()->shown().empty());
    bool duplicate = false;
    for (const Diagnostic &d : page.problems()->shown())
        duplicate |= d.message.find("duplicate step id 'step-1'") != std::string::npos;
    QVERIFY(duplicate);
    // Fixing it clears the list (live, debounced, off the GUI thread).
    page.document()->undoStack()->push(
        new SetFieldCommand(page.document(), "/steps/1", "/id", Json("step-2")));
    QTRY_VERIFY_WITH_TIMEOUT(page.runner()->diagnostics().empty(), 5000);
}

void TestStudio::unreadableFileGetsClearError()
{
    Engine engine(quietEngine());
    MainWindow w(&engine, nullptr, m_tmp.filePath(QStringLiteral("recovery2")));
    const QString path = m_tmp.filePath(QStringLiteral("broken.json"));
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{\n  \"id\": \"x\",\n  \"steps\": [,]\n}\n");
    f.close();
    QString error;
    QVERIFY(!w.openFile(path, &error));
    QVERIFY2(error.contains(path + QStringLiteral(":3:")), qPrintable(error));
    QVERIFY(w.pages().isEmpty());
    QVERIFY(!w.openFile(m_tmp.filePath(QStringLiteral("missing.json")), &error));
    QVERIFY2(error.contains(QStringLiteral("missing.json")), qPrintable(error));
}

// A long workflow opens readable: 100 % zoom, the first step at the top of the view (fit to
// window stays an action).
void TestStudio::largeWorkflowOpensAtActualSizeAtTop()
{
    Json wf = WorkflowDocument::blankWorkflow();
    Json steps = Json::array();
    for (int i = 0; i < 30; ++i)
        steps.push_back({{"id", "step-" + std::to_string(i)},
                         {"title", "Step " + std::to_string(i)},
                         {"prompt", "Do it."}});
    wf["steps"] = steps;
    const QString path = m_tmp.filePath(QStringLiteral("thirty.json"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(wf.dump(2)));
    out.close();

    Engine engine(quietEngine());
    MainWindow w(&engine, nullptr, m_tmp.filePath(QStringLiteral("recovery-top")));
    w.resize(1400, 1000);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    EditorPage *page = w.openFile(path);
    QVERIFY(page);
    QApplication::processEvents();
    WorkflowView *view = page->view();
    QCOMPARE(view->zoom(), 1.0);
    auto *scene = static_cast<WorkflowScene *>(view->scene());
    const QRect first =
        view->mapFromScene(scene->nodeItem("/steps/0")->sceneBoundingRect()).boundingRect();
    QVERIFY2(view->viewport()->rect().contains(first),
             qPrintable(QStringLiteral("first step at %1,%2 %3x%4")
                            .arg(first.x())
                            .arg(first.y())
                            .arg(first.width())
                            .arg(first.height())));
    QVERIFY(first.top() < 80);
    const QRect last =
        view->mapFromScene(scene->nodeItem("/steps/29")->sceneBoundingRect()).boundingRect();
    QVERIFY(!view->viewport()->rect().intersects(last)); // not squeezed to fit

    w.action(QStringLiteral("viewFit"))->trigger();
    QVERIFY(view->zoom() < 1.0);
    w.action(QStringLiteral("viewResetZoom"))->trigger();
    QCOMPARE(view->zoom(), 1.0);
}

void TestStudio::menusOfferSettingsAndAgentConnection()
{
    Engine engine(quietEngine());
    MainWindow w(&engine, nullptr, m_tmp.filePath(QStringLiteral("recovery-menus")));
    QAction *settings = w.action(QStringLiteral("fileSettings"));
    QAction *connect = w.action(QStringLiteral("helpConnectAgent"));
    QVERIFY(settings);
    QVERIFY(connect);
    QCOMPARE(settings->shortcut(), QKeySequence(QKeySequence::Preferences));
    // Both open a modal dialog; close it as soon as it shows.
    for (QAction *a : {settings, connect}) {
        bool seen = false;
        QTimer::singleShot(0, &w, [&seen] {
            if (QWidget *d = QApplication::activeModalWidget()) {
                seen = true;
                d->close();
            }
        });
        a->trigger();
        QVERIFY2(seen, qPrintable(a->objectName()));
    }
}

QTEST_MAIN(TestStudio)
#include "tst_studio.moc"
