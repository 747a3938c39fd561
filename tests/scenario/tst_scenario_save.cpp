// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Saving as a person does it: open a workflow file, click a step, type a new title and prompt
// into the inspector, undo and redo with the keyboard, save with Ctrl+S, and diff the file:
// only the edited lines differ (indentation, blank lines, escapes and CRLF line ends stay as
// they were). The Problems list gives the line:column of the file on disk, the same as
// `wfstudio validate`; saving a workflow with errors says so; the tab shows the workflow's name.
#include "scenariostudio.h"

#include "model/diagnostic.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/jsonview/jsonview.h"
#include "ui/problems/diagnosticsrunner.h"
#include "ui/problems/problemspanel.h"

#include <QDockWidget>
#include <QProcess>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTabWidget>
#include <QTreeWidget>

using namespace wfs;
using namespace wfs::studio;
using wfs::test::ScenarioStudio;

namespace {

// The first top-level step with a string title and prompt (a node on the canvas).
std::size_t editableStep(const Json &wf)
{
    const Json &steps = wf["steps"];
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const Json &s = steps[i];
        if (s.is_object() && !WorkflowDocument::isLoop(s) && s.contains("title") &&
            s["title"].is_string() && s.contains("prompt") && s["prompt"].is_string() &&
            s.contains("id") && s["id"].is_string())
            return i;
    }
    return steps.size();
}

// 1-based numbers of the lines that differ; empty list and `sameCount` false when the line
// counts differ.
QList<int> differingLines(const QByteArray &a, const QByteArray &b, bool *sameCount)
{
    const QList<QByteArray> la = a.split('\n');
    const QList<QByteArray> lb = b.split('\n');
    *sameCount = la.size() == lb.size();
    QList<int> out;
    if (!*sameCount)
        return out;
    for (qsizetype i = 0; i < la.size(); ++i)
        if (la[i] != lb[i])
            out << static_cast<int>(i + 1);
    return out;
}

// "line:column" as the Problems list shows them, with the message, one per row.
QStringList problemRows(const ProblemsPanel *panel)
{
    QStringList rows;
    QTreeWidget *list = panel->list();
    for (int i = 0; i < list->topLevelItemCount(); ++i) {
        const QTreeWidgetItem *item = list->topLevelItem(i);
        rows << item->text(1) + QLatin1Char(' ') + item->text(0);
    }
    return rows;
}

// `wfstudio validate` lines of `file` ("file:line:column: severity: message [pointer]") as
// problemRows() gives them: "line:column message".
QStringList validateRows(const QByteArray &output, const QString &file)
{
    static const QRegularExpression pointerSuffix(QStringLiteral(" \\[[^\\]]*\\]$"));
    QStringList rows;
    for (const QString &line : QString::fromUtf8(output).split(QLatin1Char('\n'))) {
        if (!line.startsWith(file + QLatin1Char(':')))
            continue;
        QStringList parts = line.mid(file.size() + 1).split(QStringLiteral(": "));
        if (parts.size() < 3)
            continue;
        rows << parts[0] + QLatin1Char(' ') +
                    parts.mid(2).join(QStringLiteral(": ")).remove(pointerSuffix);
    }
    return rows;
}

} // namespace

class TestScenarioSave : public QObject
{
    Q_OBJECT
private slots:
    void editTitleAndPromptUndoRedoSaveDiff_data();
    void editTitleAndPromptUndoRedoSaveDiff();
    void problemsPositionsAreThoseOfTheFile();
    void problemsPositionsFollowTheJsonText_data();
    void problemsPositionsFollowTheJsonText();
    void savingWithErrorsSaysSo();
    void tabShowsTheWorkflowName();
    void recoveredWorkIsSavedLosslessly();
};

void TestScenarioSave::editTitleAndPromptUndoRedoSaveDiff_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<bool>("crlf");
    QTest::addColumn<bool>("needsShared");
    const QString bundled =
        wfs::test::sourceDir() + QStringLiteral("/resources/workflows/bug-triage.json");
    const QString corpus = wfs::test::sharedDir() +
                           QStringLiteral("/workrail/workflows/adaptive-ticket-creation.json");
    QTest::newRow("bundled sample, 2 spaces") << bundled << false << false;
    QTest::newRow("corpus, 4 spaces") << corpus << false << true;
    QTest::newRow("corpus, CRLF written by the test") << corpus << true << true;
    QTest::newRow("bundled sample, CRLF") << bundled << true << false;
}

void TestScenarioSave::editTitleAndPromptUndoRedoSaveDiff()
{
    QFETCH(QString, source);
    QFETCH(bool, crlf);
    QFETCH(bool, needsShared);
    if (needsShared)
        WFS_REQUIRE_SHARED();
    QByteArray original = ScenarioStudio::readFile(source);
    QVERIFY2(!original.isEmpty(), qPrintable(source));
    if (crlf)
        original.replace("\n", "\r\n");

    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/edited.json");
    QVERIFY(ScenarioStudio::writeFile(file, original));
    QVERIFY(s.window->openFile(file));
    const Json loaded = s.doc()->json();
    const std::size_t index = editableStep(loaded);
    QVERIFY(index < loaded["steps"].size());
    const std::string pointer = "/steps/" + std::to_string(index);
    const QString stepId = QString::fromStdString(loaded["steps"][index]["id"].get<std::string>());

    // Select the step on the canvas and type into the inspector.
    s.click(stepId);
    InspectorWidget *inspector = s.page()->inspector();
    QTRY_COMPARE(QString::fromStdString(inspector->target()), QString::fromStdString(pointer));
    // Typed keys (QTest types Latin-1): quotes and a backslash need escapes in the file.
    const QString title = QStringLiteral("Renamed by hand \"quoted\"");
    const QString prompt = QStringLiteral("A new prompt, typed: C:\\work then stop.");
    ScenarioStudio::typeInto(inspector->fieldWidget("/title"), title);
    ScenarioStudio::typeInto(inspector->fieldWidget("/prompt"), prompt);
    QVERIFY(s.doc()->valueAt(pointer + "/title") == Json(title.toStdString()));
    QVERIFY(s.doc()->valueAt(pointer + "/prompt") == Json(prompt.toStdString()));

    // Undo and redo the prompt with the keyboard, the canvas focused.
    s.click(stepId);
    s.shortcut(QKeySequence::Undo);
    QVERIFY(s.doc()->valueAt(pointer + "/prompt") == loaded["steps"][index]["prompt"]);
    QVERIFY(s.doc()->valueAt(pointer + "/title") == Json(title.toStdString()));
    s.shortcut(QKeySequence::Redo);
    QVERIFY(s.doc()->valueAt(pointer + "/prompt") == Json(prompt.toStdString()));

    s.shortcut(QKeySequence::Save);
    QVERIFY(!s.doc()->isModified());
    const QByteArray saved = ScenarioStudio::readFile(file);
    const ParsedJson back = parseJson(saved.toStdString(), "saved");
    QVERIFY(back.ok);
    QVERIFY(back.value == s.doc()->json());

    // The diff: exactly the title line and the prompt line.
    bool sameCount = false;
    const QList<int> changed = differingLines(original, saved, &sameCount);
    QVERIFY2(sameCount, "the number of lines changed");
    const int titleLine = locatePointer(original.toStdString(), pointer + "/title").line;
    const int promptLine = locatePointer(original.toStdString(), pointer + "/prompt").line;
    QCOMPARE(changed, (QList<int>{titleLine, promptLine}));
    const QList<QByteArray> lines = saved.split('\n');
    const QByteArray titleToken = "\"Renamed by hand \\\"quoted\\\"\"";
    const QByteArray promptToken = "\"A new prompt, typed: C:\\\\work then stop.\"";
    QVERIFY(lines[titleLine - 1].contains(titleToken));
    QVERIFY(lines[promptLine - 1].contains(promptToken));
    if (crlf)
        QCOMPARE(saved.count("\r\n"), saved.count('\n'));

    // The JSON view shows what is on disk (CRLF shows as line breaks).
    QCOMPARE(s.page()->jsonView()->editor()->toPlainText(),
             QString::fromUtf8(saved).remove(QLatin1Char('\r')));
}

void TestScenarioSave::problemsPositionsAreThoseOfTheFile()
{
    WFS_REQUIRE_SHARED();
    // A corpus workflow with known problems, as `wfstudio validate` reports them.
    const QString source = wfs::test::sharedDir() +
                           QStringLiteral("/workrail/workflows/coding-task-workflow-with-loops.json");
    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/with-problems.json");
    QVERIFY(ScenarioStudio::writeFile(file, ScenarioStudio::readFile(source)));

    QProcess cli;
    cli.start(wfs::test::binaryDir() + QStringLiteral("/bin/wfstudio"),
              {QStringLiteral("validate"), file});
    QVERIFY(cli.waitForFinished(60000));
    const QStringList expected = validateRows(cli.readAllStandardOutput(), file);
    QVERIFY2(!expected.isEmpty(), "the corpus file has no problems any more: pick another");

    QVERIFY(s.window->openFile(file));
    s.page()->runner()->runNow();
    ProblemsPanel *panel = s.page()->problems();
    QTRY_VERIFY_WITH_TIMEOUT(panel->list()->topLevelItemCount() > 0, 10000);
    QCOMPARE(problemRows(panel), expected);
    QVERIFY(expected.join('\n').contains(QStringLiteral("427:29 "))); // as the issue says

    // Still true after an edit elsewhere and a save: positions are those on disk.
    s.click(QString::fromStdString(
        s.doc()->json()["steps"][editableStep(s.doc()->json())]["id"].get<std::string>()));
    ScenarioStudio::typeInto(s.page()->inspector()->fieldWidget("/title"),
                             QStringLiteral("Retitled"));
    s.shortcut(QKeySequence::Save);
    cli.start(wfs::test::binaryDir() + QStringLiteral("/bin/wfstudio"),
              {QStringLiteral("validate"), file});
    QVERIFY(cli.waitForFinished(60000));
    const QStringList after = validateRows(cli.readAllStandardOutput(), file);
    QCOMPARE(after, expected); // a title edit moves no line
    s.page()->runner()->runNow();
    QTRY_COMPARE_WITH_TIMEOUT(problemRows(panel), after, 10000);
}

void TestScenarioSave::problemsPositionsFollowTheJsonText_data()
{
    QTest::addColumn<bool>("crlf");
    QTest::newRow("LF") << false;
    QTest::newRow("CRLF") << true;
}

void TestScenarioSave::problemsPositionsFollowTheJsonText()
{
    QFETCH(bool, crlf);
    // An unsaved edit typed into the JSON view: positions are those of the text shown there.
    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/typed.json");
    QByteArray text = "{\n    \"id\": \"typed\",\n    \"name\": \"Typed\",\n    \"description\": \"d\",\n"
                      "    \"version\": \"0.1.0\",\n    \"steps\": [\n        {\n"
                      "            \"id\": \"step-a\",\n            \"title\": \"A\",\n"
                      "            \"prompt\": \"p\"\n        }\n    ]\n}\n";
    if (crlf)
        text.replace("\n", "\r\n");
    QVERIFY(ScenarioStudio::writeFile(file, text));
    QVERIFY(s.window->openFile(file));
    JsonView *view = s.page()->jsonView();
    QTextCursor c = view->editor()->textCursor();
    c.movePosition(QTextCursor::Start);
    c.movePosition(QTextCursor::Down, QTextCursor::MoveAnchor, 4);
    c.movePosition(QTextCursor::EndOfBlock);
    view->editor()->setTextCursor(c);
    view->editor()->setFocus();
    // A blank line and a member the schema does not know, typed after "version" (line 5):
    // the member is on line 7 of the JSON text, which is not saved yet.
    QTest::keyClick(view->editor(), Qt::Key_Return);
    QTest::keyClick(view->editor(), Qt::Key_Return);
    QTest::keyClicks(view->editor(), QStringLiteral("    \"bogus\": 1,"));
    view->applyPendingEdit();
    QVERIFY(view->textProblems().empty());
    QVERIFY(s.doc()->json().contains("bogus"));
    s.page()->runner()->runNow();
    QTRY_VERIFY_WITH_TIMEOUT(
        problemRows(s.page()->problems()).join('\n').contains(QStringLiteral("bogus")), 10000);
    const QString editorText = view->editor()->toPlainText();
    const TextPos bogus = locatePointer(editorText.toStdString(), "/bogus");
    QCOMPARE(bogus.line, 7);
    QVERIFY2(problemRows(s.page()->problems()).contains(
                 QStringLiteral("7:14 property 'bogus' is not allowed here")),
             qPrintable(problemRows(s.page()->problems()).join('\n')));
    // Saved as typed (with the file's line ends).
    s.shortcut(QKeySequence::Save);
    QString expected = editorText;
    if (crlf)
        expected.replace(QStringLiteral("\n"), QStringLiteral("\r\n"));
    QCOMPARE(QString::fromUtf8(ScenarioStudio::readFile(file)), expected);
}

void TestScenarioSave::savingWithErrorsSaysSo()
{
    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/broken.json");
    QVERIFY(ScenarioStudio::writeFile(
        file, "{\n  \"id\": \"broken\",\n  \"name\": \"Broken\",\n  \"description\": \"d\",\n"
              "  \"version\": \"0.1.0\",\n  \"steps\": [\n    {\n      \"id\": \"step-a\",\n"
              "      \"title\": \"A\",\n      \"prompt\": \"p\"\n    }\n  ]\n}\n"));
    QVERIFY(s.window->openFile(file));
    auto *problemsDock = s.window->findChild<QDockWidget *>(QStringLiteral("problemsDock"));
    QVERIFY(problemsDock);
    problemsDock->hide();

    // A clean save: no notice.
    s.click(QStringLiteral("step-a"));
    ScenarioStudio::typeInto(s.page()->inspector()->fieldWidget("/title"), QStringLiteral("B"));
    s.shortcut(QKeySequence::Save);
    QVERIFY(!s.doc()->isModified());
    QVERIFY(!problemsDock->isVisible());
    QVERIFY(!s.window->statusBar()->currentMessage().contains(QStringLiteral("error")));

    // Emptying the title is an error: saved anyway, and the window says so.
    ScenarioStudio::typeInto(s.page()->inspector()->fieldWidget("/title"), QString());
    s.shortcut(QKeySequence::Save);
    QVERIFY(!s.doc()->isModified());
    QVERIFY(ScenarioStudio::readFile(file).contains("\"title\": \"\""));
    QVERIFY(problemsDock->isVisible());
    QVERIFY2(s.window->statusBar()->currentMessage().contains(QStringLiteral("error")),
             qPrintable(s.window->statusBar()->currentMessage()));
    QTRY_VERIFY(s.page()->problems()->errorCount() > 0);
}

void TestScenarioSave::tabShowsTheWorkflowName()
{
    ScenarioStudio s;
    s.shortcut(QKeySequence::New);
    QVERIFY(s.page());
    auto *tabs = s.window->findChild<QTabWidget *>();
    QVERIFY(tabs);
    const int i = tabs->indexOf(s.page());
    // A new document: its name, not "Untitled".
    QCOMPARE(tabs->tabText(i),
             QString::fromStdString(WorkflowDocument::blankWorkflow()["name"].get<std::string>()));
    s.scene()->clearSelection();
    InspectorWidget *inspector = s.page()->inspector();
    QTRY_COMPARE(inspector->kind(), InspectorWidget::Kind::Workflow);
    ScenarioStudio::typeInto(inspector->fieldWidget("/name"), QStringLiteral("Release train"));
    QCOMPARE(tabs->tabText(i), QStringLiteral("Release train *"));
    // No name: the id.
    ScenarioStudio::typeInto(inspector->fieldWidget("/name"), QString());
    ScenarioStudio::typeInto(inspector->fieldWidget("/id"), QStringLiteral("release-train"));
    QCOMPARE(tabs->tabText(i), QStringLiteral("release-train *"));
    ScenarioStudio::typeInto(inspector->fieldWidget("/name"), QStringLiteral("Release train"));
    const QString file = s.workflowsDir() + QStringLiteral("/release-train.json");
    QVERIFY(s.window->saveAs(s.page(), file));
    QCOMPARE(tabs->tabText(i), QStringLiteral("Release train"));
    QCOMPARE(tabs->tabToolTip(i), file);
}

void TestScenarioSave::recoveredWorkIsSavedLosslessly()
{
    // A file with 4-space indentation, and a crashed session's unsaved edit of one title.
    const ParsedJson sample = loadJsonFile(
        (wfs::test::sourceDir() + QStringLiteral("/resources/workflows/bug-triage.json"))
            .toStdString());
    QVERIFY(sample.ok);
    JsonTextStyle fourSpaces;
    fourSpaces.indent = "    ";
    const QByteArray original =
        QByteArray::fromStdString(formatJsonText(sample.value, fourSpaces) + "\n");
    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/recovered.json");
    QVERIFY(ScenarioStudio::writeFile(file, original));
    Json edited = sample.value;
    edited["steps"][0]["title"] = "Recovered title";
    Json record = Json::object();
    record["format"] = "workflow-studio-recovery/1";
    record["pid"] = 2147483600; // no such process: the session that wrote it is gone
    record["filePath"] = file.toStdString();
    record["savedAt"] = "2026-12-03T08:00:00.000Z";
    record["workflow"] = edited;
    QDir().mkpath(s.path(QStringLiteral("recovery")));
    QVERIFY(ScenarioStudio::writeFile(s.path(QStringLiteral("recovery/crashed.json")),
                                      QByteArray::fromStdString(formatJsonForSave(record))));

    qputenv("WFS_RECOVERY_AUTO_ACCEPT", "1");
    const int recovered = s.window->offerRecovery();
    qunsetenv("WFS_RECOVERY_AUTO_ACCEPT");
    QCOMPARE(recovered, 1);
    QVERIFY(s.doc()->isModified());
    QCOMPARE(s.doc()->filePath(), file);
    s.shortcut(QKeySequence::Save);
    QVERIFY(!s.doc()->isModified());
    bool sameCount = false;
    const QByteArray saved = ScenarioStudio::readFile(file);
    const QList<int> changed = differingLines(original, saved, &sameCount);
    QVERIFY2(sameCount, "the number of lines changed");
    QCOMPARE(changed,
             QList<int>{locatePointer(original.toStdString(), "/steps/0/title").line});
}

QTEST_MAIN(TestScenarioSave)
#include "tst_scenario_save.moc"
