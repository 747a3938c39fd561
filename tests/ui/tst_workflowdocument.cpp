// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The editing model without widgets: every command kind does, undoes and redoes to the exact
// JSON (key order included); keystrokes merge; no-ops are dropped; paste and layout helpers.
#include "model/jsonio.h"
#include "ui/document/commands.h"
#include "ui/document/stepclipboard.h"
#include "ui/document/workflowdocument.h"
#include "ui/document/workflowlayout.h"

#include "testutil.h"

#include <QSignalSpy>
#include <QTest>

#include <functional>

using namespace wfs;
using namespace wfs::studio;

namespace {

const char *const kFixture = R"({
  "id": "fixture",
  "name": "Fixture",
  "description": "Steps, an inline loop and a step-id loop.",
  "version": "1.0.0",
  "steps": [
    {"id": "a", "title": "A", "prompt": "do a", "agentRole": "You are a careful tester."},
    {"id": "b", "title": "B", "prompt": "do b", "runCondition": {"var": "mode", "equals": "x"}},
    {"id": "lp", "type": "loop", "title": "Loop",
     "loop": {"type": "for", "count": 3, "maxIterations": 5},
     "body": [{"id": "l1", "title": "L1", "prompt": "p1"}, {"id": "l2", "title": "L2", "prompt": "p2"}]},
    {"id": "c", "title": "C", "prompt": "do c"},
    {"id": "ref", "type": "loop", "title": "Ref loop",
     "loop": {"type": "while", "condition": {"var": "again"}, "maxIterations": 2}, "body": "c"}
  ]
})";

using Factory = std::function<QUndoCommand *(WorkflowDocument *)>;

struct Row
{
    const char *name;
    Factory make;
    const char *expectPointer; ///< a pointer that must hold `expectValue` after redo
    const char *expectValue;   ///< compact JSON
};

const std::vector<Row> &rows()
{
    static const std::vector<Row> table = {
        {"set root field", [](WorkflowDocument *d) {
             return new SetFieldCommand(d, "", "/name", Json("Renamed"));
         }, "/name", R"("Renamed")"},
        {"add root list field", [](WorkflowDocument *d) {
             return new SetFieldCommand(d, "", "/preconditions", Json::array({"x"}));
         }, "/preconditions", R"(["x"])"},
        {"set step field", [](WorkflowDocument *d) {
             return new SetFieldCommand(d, "/steps/0", "/title", Json("A2"));
         }, "/steps/0/title", R"("A2")"},
        {"remove step field (restored in place on undo)", [](WorkflowDocument *d) {
             return new SetFieldCommand(d, "/steps/0", "/title", std::nullopt);
         }, "/steps/0/prompt", R"("do a")"},
        {"set nested loop field", [](WorkflowDocument *d) {
             return new SetFieldCommand(d, "/steps/2", "/loop/count", Json("n"));
         }, "/steps/2/loop/count", R"("n")"},
        {"set inline body step field", [](WorkflowDocument *d) {
             return new SetFieldCommand(d, "/steps/2/body/1", "/requireConfirmation", Json(true));
         }, "/steps/2/body/1/requireConfirmation", "true"},
        {"insert step at top", [](WorkflowDocument *d) {
             return new InsertStepsCommand(d, newStandardStep(*d), {{}, 0},
                                           InsertStepsCommand::Kind::Step);
         }, "/steps/0/id", R"("new-step")"},
        {"insert step into loop body", [](WorkflowDocument *d) {
             return new InsertStepsCommand(d, newStandardStep(*d), {"/steps/2", 1},
                                           InsertStepsCommand::Kind::Step);
         }, "/steps/2/body/1/id", R"("new-step")"},
        {"insert loop at end", [](WorkflowDocument *d) {
             return new InsertStepsCommand(d, newLoopStep(*d), {{}, -1},
                                           InsertStepsCommand::Kind::Loop);
         }, "/steps/5/type", R"("loop")"},
        {"insert loop into a loop goes after it", [](WorkflowDocument *d) {
             return new InsertStepsCommand(d, newLoopStep(*d), {"/steps/2", 0},
                                           InsertStepsCommand::Kind::Loop);
         }, "/steps/3/id", R"("new-loop")"},
        {"delete one step", [](WorkflowDocument *d) {
             return new DeleteStepsCommand(d, {"/steps/1"});
         }, "/steps/1/id", R"("lp")"},
        {"delete steps across levels", [](WorkflowDocument *d) {
             return new DeleteStepsCommand(d, {"/steps/0", "/steps/2/body/0"});
         }, "/steps/1/body/0/id", R"("l2")"},
        {"delete loop with its body selected too", [](WorkflowDocument *d) {
             return new DeleteStepsCommand(d, {"/steps/2", "/steps/2/body/1"});
         }, "/steps/2/id", R"("c")"},
        {"move step down", [](WorkflowDocument *d) {
             return new MoveStepsCommand(d, {"/steps/0"}, {{}, 2});
         }, "/steps/1/id", R"("a")"},
        {"move step up", [](WorkflowDocument *d) {
             return new MoveStepsCommand(d, {"/steps/3"}, {{}, 0});
         }, "/steps/0/id", R"("c")"},
        {"move step into loop", [](WorkflowDocument *d) {
             return new MoveStepsCommand(d, {"/steps/0"}, {"/steps/2", 1});
         }, "/steps/1/body/1/id", R"("a")"},
        {"move step out of loop", [](WorkflowDocument *d) {
             return new MoveStepsCommand(d, {"/steps/2/body/0"}, {{}, 0});
         }, "/steps/0/id", R"("l1")"},
        {"reorder inside loop", [](WorkflowDocument *d) {
             return new MoveStepsCommand(d, {"/steps/2/body/1"}, {"/steps/2", 0});
         }, "/steps/2/body/0/id", R"("l2")"},
        {"move two steps", [](WorkflowDocument *d) {
             return new MoveStepsCommand(d, {"/steps/0", "/steps/1"}, {{}, 4});
         }, "/steps/2/id", R"("a")"},
        {"paste steps", [](WorkflowDocument *d) {
             Json steps = *stepsFromPastedText(R"({"id": "a", "title": "T", "prompt": "P"})");
             return new InsertStepsCommand(d, withUniqueIds(steps, d->allStepIds()), {{}, 1},
                                           InsertStepsCommand::Kind::Paste);
         }, "/steps/1/id", R"("a-2")"},
        {"replace whole JSON", [](WorkflowDocument *d) {
             Json j = d->json();
             j["steps"].erase(j["steps"].begin());
             j["version"] = "2.0.0";
             return new ReplaceJsonCommand(d, j);
         }, "/version", R"("2.0.0")"},
    };
    return table;
}

} // namespace

class TestWorkflowDocument : public QObject
{
    Q_OBJECT
private slots:
    void undoRedoRoundTrip_data();
    void undoRedoRoundTrip();
    void movesKeepEveryStep_data();
    void movesKeepEveryStep();
    void noOpCommandsAreDropped_data();
    void noOpCommandsAreDropped();
    void keystrokesMerge();
    void dirtyStateFollowsUndoStack();
    void signalsNameWhatChanged();
    void pasteAcceptsStepArrayAndWorkflow_data();
    void pasteAcceptsStepArrayAndWorkflow();
    void pasteRejectsBadText();
    void layoutHasNoOverlaps();
    void dropLocationFollowsPosition();
    void textPatchesTheSavedText();
};

// Contract: push = the command's change; undo = the exact previous JSON text (key order too);
// redo = the exact JSON after the first push.
void TestWorkflowDocument::undoRedoRoundTrip_data()
{
    QTest::addColumn<int>("row");
    for (std::size_t i = 0; i < rows().size(); ++i)
        QTest::newRow(rows()[i].name) << static_cast<int>(i);
}

void TestWorkflowDocument::undoRedoRoundTrip()
{
    QFETCH(int, row);
    const Row &r = rows()[static_cast<std::size_t>(row)];
    WorkflowDocument doc;
    doc.load(Json::parse(kFixture));
    const std::string before = doc.json().dump();
    doc.undoStack()->push(r.make(&doc));
    QCOMPARE(doc.undoStack()->count(), 1);
    const std::string after = doc.json().dump();
    QVERIFY(after != before);
    QCOMPARE(doc.valueAt(r.expectPointer).dump(), Json::parse(r.expectValue).dump());
    QVERIFY(!doc.undoStack()->text(0).isEmpty());
    doc.undoStack()->undo();
    QCOMPARE(doc.json().dump(), before);
    doc.undoStack()->redo();
    QCOMPARE(doc.json().dump(), after);
    doc.undoStack()->undo();
    QCOMPARE(doc.json().dump(), before);
}

// Every move keeps every step exactly once (a drag upward once removed a different step than
// the one it moved: the insertion shifted the pointer recorded for removal).
void TestWorkflowDocument::movesKeepEveryStep_data()
{
    QTest::addColumn<QStringList>("pointers");
    QTest::addColumn<QString>("loop");
    QTest::addColumn<int>("index");
    QTest::addColumn<QStringList>("expected");
    const auto ids = [](const char *text) { return QString::fromLatin1(text).split(u','); };
    QTest::newRow("up, top level")
        << QStringList{"/steps/3"} << "" << 0 << ids("c,a,b,lp,l1,l2,ref");
    QTest::newRow("up by one, top level")
        << QStringList{"/steps/1"} << "" << 0 << ids("b,a,lp,l1,l2,c,ref");
    QTest::newRow("down, top level")
        << QStringList{"/steps/0"} << "" << 2 << ids("b,a,lp,l1,l2,c,ref");
    QTest::newRow("up inside a loop")
        << QStringList{"/steps/2/body/1"} << "/steps/2" << 0 << ids("a,b,lp,l2,l1,c,ref");
    QTest::newRow("down inside a loop")
        << QStringList{"/steps/2/body/0"} << "/steps/2" << 2 << ids("a,b,lp,l2,l1,c,ref");
    QTest::newRow("into a loop from below")
        << QStringList{"/steps/3"} << "/steps/2" << 0 << ids("a,b,lp,c,l1,l2,ref");
    QTest::newRow("into a loop from above")
        << QStringList{"/steps/0"} << "/steps/2" << 2 << ids("b,lp,l1,l2,a,c,ref");
    QTest::newRow("out of a loop upward")
        << QStringList{"/steps/2/body/1"} << "" << 0 << ids("l2,a,b,lp,l1,c,ref");
    QTest::newRow("out of a loop downward")
        << QStringList{"/steps/2/body/0"} << "" << 4 << ids("a,b,lp,l2,c,l1,ref");
    QTest::newRow("two steps up across levels")
        << QStringList{"/steps/3", "/steps/2/body/1"} << "" << 1 << ids("a,l2,c,b,lp,l1,ref");
    QTest::newRow("loop up") << QStringList{"/steps/2"} << "" << 0 << ids("lp,l1,l2,a,b,c,ref");
}

void TestWorkflowDocument::movesKeepEveryStep()
{
    QFETCH(QStringList, pointers);
    QFETCH(QString, loop);
    QFETCH(int, index);
    QFETCH(QStringList, expected);
    WorkflowDocument doc;
    doc.load(Json::parse(kFixture));
    const QStringList before = doc.allStepIds();
    std::vector<std::string> ps;
    for (const QString &p : pointers)
        ps.push_back(p.toStdString());
    doc.undoStack()->push(new MoveStepsCommand(&doc, ps, {loop.toStdString(), index}));
    QCOMPARE(doc.allStepIds(), expected);
    doc.undoStack()->undo();
    QCOMPARE(doc.allStepIds(), before);
    doc.undoStack()->redo();
    QCOMPARE(doc.allStepIds(), expected);
}

void TestWorkflowDocument::noOpCommandsAreDropped_data()
{
    QTest::addColumn<int>("which");
    QTest::newRow("set field to its value") << 0;
    QTest::newRow("move step onto itself") << 1;
    QTest::newRow("move loop into a loop") << 2;
    QTest::newRow("replace JSON with the same") << 3;
    QTest::newRow("remove absent field") << 4;
}

void TestWorkflowDocument::noOpCommandsAreDropped()
{
    QFETCH(int, which);
    WorkflowDocument doc;
    doc.load(Json::parse(kFixture));
    const std::string before = doc.json().dump();
    QUndoCommand *cmd = nullptr;
    switch (which) {
    case 0: cmd = new SetFieldCommand(&doc, "/steps/0", "/title", Json("A")); break;
    case 1: cmd = new MoveStepsCommand(&doc, {"/steps/1"}, {{}, 1}); break;
    case 2: cmd = new MoveStepsCommand(&doc, {"/steps/4"}, {"/steps/2", 0}); break;
    case 3: cmd = new ReplaceJsonCommand(&doc, doc.json()); break;
    default: cmd = new SetFieldCommand(&doc, "/steps/0", "/askForFiles", std::nullopt); break;
    }
    QVERIFY(cmd->isObsolete());
    doc.undoStack()->push(cmd);
    QCOMPARE(doc.undoStack()->count(), 0);
    QCOMPARE(doc.json().dump(), before);
    QVERIFY(!doc.isModified());
}

void TestWorkflowDocument::keystrokesMerge()
{
    WorkflowDocument doc;
    doc.load(Json::parse(kFixture));
    const std::string before = doc.json().dump();
    for (const char *t : {"A", "AB", "ABC"})
        doc.undoStack()->push(new SetFieldCommand(&doc, "/steps/0", "/title", Json(t)));
    QCOMPARE(doc.undoStack()->count(), 1);
    doc.breakMerge();
    doc.undoStack()->push(new SetFieldCommand(&doc, "/steps/0", "/title", Json("ABCD")));
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->push(new SetFieldCommand(&doc, "/steps/0", "/prompt", Json("x")));
    QCOMPARE(doc.undoStack()->count(), 3);
    doc.undoStack()->undo();
    doc.undoStack()->undo();
    QCOMPARE(doc.valueAt("/steps/0/title").dump(), Json("ABC").dump());
    doc.undoStack()->undo();
    QCOMPARE(doc.json().dump(), before);
    // Typing back to the original text makes the merged command a no-op: it disappears.
    doc.undoStack()->clear();
    doc.breakMerge();
    doc.undoStack()->push(new SetFieldCommand(&doc, "/steps/0", "/title", Json("AX")));
    doc.undoStack()->push(new SetFieldCommand(&doc, "/steps/0", "/title", Json("A")));
    QCOMPARE(doc.undoStack()->count(), 0);
}

void TestWorkflowDocument::dirtyStateFollowsUndoStack()
{
    WorkflowDocument doc;
    doc.load(Json::parse(kFixture), QStringLiteral("/tmp/x.json"));
    QSignalSpy spy(&doc, &WorkflowDocument::modifiedChanged);
    QVERIFY(!doc.isModified());
    doc.undoStack()->push(new DeleteStepsCommand(&doc, {"/steps/0"}));
    QVERIFY(doc.isModified());
    doc.undoStack()->undo();
    QVERIFY(!doc.isModified());
    QCOMPARE(spy.count(), 2);
    doc.undoStack()->redo();
    doc.markSaved();
    QVERIFY(!doc.isModified());
    doc.load(Json::parse(kFixture), {}, true);
    QVERIFY(doc.isModified());
    QCOMPARE(doc.displayName(), QStringLiteral("Untitled"));
}

void TestWorkflowDocument::signalsNameWhatChanged()
{
    WorkflowDocument doc;
    doc.load(Json::parse(kFixture));
    QSignalSpy step(&doc, &WorkflowDocument::stepChanged);
    QSignalSpy structure(&doc, &WorkflowDocument::structureChanged);
    QSignalSpy reset(&doc, &WorkflowDocument::modelReset);
    QSignalSpy root(&doc, &WorkflowDocument::workflowChanged);
    QSignalSpy any(&doc, &WorkflowDocument::contentsChanged);
    doc.undoStack()->push(new SetFieldCommand(&doc, "/steps/2/body/0", "/title", Json("t")));
    QCOMPARE(step.count(), 1);
    QCOMPARE(step.at(0).at(0).toString(), QStringLiteral("/steps/2/body/0"));
    doc.undoStack()->push(new SetFieldCommand(&doc, "", "/version", Json("3.0.0")));
    QCOMPARE(root.count(), 1);
    doc.undoStack()->push(new MoveStepsCommand(&doc, {"/steps/0"}, {{}, -1}));
    QCOMPARE(structure.count(), 1);
    doc.undoStack()->push(new ReplaceJsonCommand(&doc, Json::parse(kFixture)));
    QCOMPARE(reset.count(), 1);
    QCOMPARE(any.count(), 4);
}

void TestWorkflowDocument::pasteAcceptsStepArrayAndWorkflow_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QStringList>("ids");
    QTest::newRow("one step object") << R"({"id":"a","title":"t","prompt":"p"})"
                                     << QStringList{"a-2"};
    QTest::newRow("array of steps") << R"([{"id":"x","title":"t","prompt":"p"},
                                          {"id":"x","title":"t","prompt":"p"}])"
                                    << QStringList{"x", "x-2"};
    QTest::newRow("whole workflow") << R"({"id":"w","name":"n","steps":[
                                            {"id":"lp","type":"loop","body":"c"},
                                            {"id":"c","title":"t","prompt":"p"}]})"
                                    << QStringList{"lp-2", "c-2"};
}

void TestWorkflowDocument::pasteAcceptsStepArrayAndWorkflow()
{
    QFETCH(QString, text);
    QFETCH(QStringList, ids);
    WorkflowDocument doc;
    doc.load(Json::parse(kFixture));
    auto steps = stepsFromPastedText(text.toStdString());
    WFS_VERIFY_RESULT(steps);
    const Json unique = withUniqueIds(*steps, doc.allStepIds());
    QStringList got;
    for (const Json &s : unique)
        got << QString::fromStdString(s["id"].get<std::string>());
    QCOMPARE(got, ids);
    if (unique[0].contains("body") && unique[0]["body"].is_string())
        QCOMPARE(unique[0]["body"].dump(), Json("c-2").dump()); // the string body follows the rename
}

void TestWorkflowDocument::pasteRejectsBadText()
{
    auto notJson = stepsFromPastedText("{\"id\": ");
    QVERIFY(!notJson.ok());
    QVERIFY2(notJson.error().find("clipboard:1:") == 0, notJson.error().c_str());
    auto notSteps = stepsFromPastedText("[1, 2]");
    QVERIFY(!notSteps.ok());
    QVERIFY(stepsFromPastedText("[]").ok() == false);
}

void TestWorkflowDocument::layoutHasNoOverlaps()
{
    const WorkflowLayout l = layoutWorkflow(Json::parse(kFixture));
    QCOMPARE(l.nodes.size(), std::size_t(7));
    for (std::size_t i = 0; i < l.nodes.size(); ++i) {
        for (std::size_t j = i + 1; j < l.nodes.size(); ++j) {
            const LayoutNode &a = l.nodes[i];
            const LayoutNode &b = l.nodes[j];
            const bool parentChild = b.pointer.rfind(a.pointer + "/body/", 0) == 0;
            if (parentChild)
                QVERIFY(a.rect.contains(b.rect));
            else
                QVERIFY2(!a.rect.intersects(b.rect), (a.pointer + " / " + b.pointer).c_str());
        }
    }
    // The conditional step's incoming edge carries its guard.
    bool found = false;
    for (const LayoutEdge &e : l.edges)
        found |= e.target == "/steps/1" && e.label == QStringLiteral("mode == \"x\"");
    QVERIFY(found);
}

void TestWorkflowDocument::dropLocationFollowsPosition()
{
    const Json wf = Json::parse(kFixture);
    const WorkflowLayout l = layoutWorkflow(wf);
    const QRectF first = l.node("/steps/0")->rect;
    const QRectF l2 = l.node("/steps/2/body/1")->rect;
    const QRectF refLoop = l.node("/steps/4")->rect;
    QCOMPARE(dropLocation(l, wf, first.center() - QPointF(0, 50), false), (StepLocation{{}, 0}));
    QCOMPARE(dropLocation(l, wf, l2.center() + QPointF(0, 5), false),
             (StepLocation{"/steps/2", 2}));
    QCOMPARE(dropLocation(l, wf, l2.center() + QPointF(0, 5), true), (StepLocation{{}, 3}));
    QCOMPARE(dropLocation(l, wf, refLoop.center(), false), (StepLocation{{}, 4}));
}

// The document's text is the file as loaded, patched where the JSON changed: a title edit
// changes one line, undo gives the file back byte for byte, a JSON-view edit keeps the typed
// text (a layout-only edit is an undoable edit too), and a document never saved is formatted.
void TestWorkflowDocument::textPatchesTheSavedText()
{
    const std::string disk = "{\r\n    \"id\": \"wf-one\",\r\n\r\n    \"steps\": [\r\n"
                             "        {\"id\": \"aaa\", \"title\": \"caf\\u00e9\", \"n\": 1.0}\r\n"
                             "    ]\r\n}";
    const auto replaced = [](std::string text, const std::string &from, const std::string &to) {
        return text.replace(text.find(from), from.size(), to);
    };
    WorkflowDocument doc;
    QCOMPARE(doc.text(), formatJsonForSave(doc.json()));
    doc.setSavedText(disk);
    doc.load(parseJson(disk).value, QStringLiteral("/tmp/wf-one.json"));
    QCOMPARE(doc.text(), disk);

    doc.undoStack()->push(new SetFieldCommand(&doc, "/steps/0", "/title", Json("Tea")));
    QCOMPARE(doc.text(), replaced(disk, "\"caf\\u00e9\"", "\"Tea\""));
    doc.undoStack()->undo();
    QCOMPARE(doc.text(), disk);

    // Typed in the JSON view: only the layout changed.
    const std::string typed = "{\"id\": \"wf-one\", \"steps\": [{\"id\": \"aaa\", \"title\": "
                              "\"caf\\u00e9\", \"n\": 1.0}]}";
    doc.undoStack()->push(new ReplaceJsonCommand(&doc, parseJson(typed).value, typed));
    QCOMPARE(doc.undoStack()->count(), 1); // the undone title edit is gone
    QCOMPARE(doc.text(), typed);
    QVERIFY(doc.isModified());
    doc.undoStack()->undo();
    QCOMPARE(doc.text(), disk);
    doc.undoStack()->redo();
    QCOMPARE(doc.text(), typed);
    // The same text again is no edit.
    doc.undoStack()->push(new ReplaceJsonCommand(&doc, parseJson(typed).value, typed));
    QCOMPARE(doc.undoStack()->count(), 1);

    // Saved: the saved text is the base from now on.
    doc.setSavedText(typed);
    doc.markSaved();
    doc.undoStack()->push(new SetFieldCommand(&doc, "/steps/0", "/id", Json("bbb")));
    QCOMPARE(doc.text(), replaced(typed, "\"aaa\"", "\"bbb\""));
}

QTEST_GUILESS_MAIN(TestWorkflowDocument)
#include "tst_workflowdocument.moc"
