// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The stepper (Run mode) driven like a user through a bundled workflow with conditions and
// loops: the steps it shows must be exactly the engine's own workflow_next sequence for the
// same context edits; the canvas marks current/completed/skipped steps and loop passes; a run
// resumes from the store after the window (and engine) are recreated; the Sessions list follows
// a session an MCP-style client drives from another thread.
#include "testutil.h"

#include "engine/engine.h"
#include "engine/session.h"
#include "engine/store/sessionsink.h"
#include "engine/store/storeopen.h"
#include "model/jsonio.h"
#include "ui/canvas/nodeitems.h"
#include "ui/canvas/workflowscene.h"
#include "ui/editorpage.h"
#include "ui/sessions/sessionswidget.h"
#include "ui/stepper/contexteditor.h"
#include "ui/stepper/stepperpanel.h"
#include "ui/stepper/stepperrun.h"

#include <QCheckBox>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include <map>
#include <thread>

using namespace wfs;
using namespace wfs::studio;

namespace {

constexpr const char *kWorkflow = "release-checklist";

Engine::Options bundledOnly()
{
    Engine::Options o;
    o.includeBundled = true;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    return o;
}

// What the "agent" does at each step: "stepId@occurrence" -> context changes (a JSON object).
using Script = std::map<QString, QString>;

Json changesFor(const Script &script, const std::string &stepId, int occurrence)
{
    const auto it = script.find(QString::fromStdString(stepId) + QLatin1Char('@') +
                                QString::number(occurrence));
    if (it == script.end())
        return Json::object();
    const ParsedJson p = parseJson(it->second.toStdString());
    return p.ok ? p.value : Json::object();
}

// An output that passes the step's validation criteria.
QString outputFor(const std::string &stepId)
{
    if (stepId == "migration-notes")
        return QStringLiteral("Rename the config key; upgrade by running the migrate script.");
    if (stepId == "deploy-environment")
        return QStringLiteral("Deployed; smoke tests passed.");
    return QStringLiteral("Done: ") + QString::fromStdString(stepId);
}

struct Handed
{
    std::string stepId;
    std::string prompt;
};

// The engine's own sequence: workflow_next called directly, echoing the returned context plus
// the script's changes, exactly like an agent.
std::vector<Handed> engineSequence(Engine &engine, const Script &script, bool *complete)
{
    std::vector<Handed> out;
    Json completed = Json::array();
    Json context = Json::object();
    std::map<std::string, int> seen;
    *complete = false;
    for (int guard = 0; guard < 60; ++guard) {
        Json args = Json::object();
        args["workflowId"] = kWorkflow;
        args["completedSteps"] = completed;
        args["context"] = context;
        const ToolResult r = engine.workflowNext(args);
        if (r.isError || !r.payload.is_object())
            break;
        if (r.payload.value("isComplete", false) || !r.payload["step"].is_object()) {
            *complete = r.payload.value("isComplete", false);
            break;
        }
        const std::string id = r.payload["step"]["id"].get<std::string>();
        out.push_back({id, r.payload["guidance"]["prompt"].get<std::string>()});
        context = r.payload["context"];
        const Json changes = changesFor(script, id, ++seen[id]);
        for (auto it = changes.begin(); it != changes.end(); ++it)
            context[it.key()] = it.value();
        completed.push_back(id);
    }
    return out;
}

// One step through the panel like a user: edit the context table, type the output, confirm
// when asked, press Complete.
void completeInPanel(StepperPanel &panel, const Script &script, std::map<std::string, int> &seen)
{
    const std::string id = panel.run()->currentStepId();
    const Json changes = changesFor(script, id, ++seen[id]);
    for (auto it = changes.begin(); it != changes.end(); ++it)
        panel.contextEditor()->setVariable(QString::fromStdString(it.key()),
                                           QString::fromStdString(it.value().dump()));
    panel.outputEdit()->setPlainText(outputFor(id));
    if (!panel.confirmationBox()->isHidden())
        panel.confirmationBox()->setChecked(true);
    auto *complete = panel.findChild<QPushButton *>(QStringLiteral("stepComplete"));
    QVERIFY(complete);
    QVERIFY2(complete->isEnabled(), id.c_str());
    QTest::mouseClick(complete, Qt::LeftButton);
}

NodeItem::RunState stateOf(WorkflowScene *scene, const QString &id)
{
    for (NodeItem *n : scene->nodeItems()) {
        if (n && n->stepId() == id)
            return n->runState();
    }
    return NodeItem::RunState::None;
}

QString noteOf(WorkflowScene *scene, const QString &id)
{
    for (NodeItem *n : scene->nodeItems()) {
        if (n && n->stepId() == id)
            return n->runNote();
    }
    return {};
}

} // namespace

class TestStepper : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void fullRunMatchesEngine_data();
    void fullRunMatchesEngine();
    void canvasMarksRunState();
    void resumeAfterRestart();
    void badContextIsRefusedWithPosition_data();
    void badContextIsRefusedWithPosition();
    void exportsMarkdownAndJson();
    void sessionsListFollowsOtherClients();

private:
    QTemporaryDir m_tmp;
};

void TestStepper::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
}

void TestStepper::fullRunMatchesEngine_data()
{
    QTest::addColumn<Script>("script");
    QTest::addColumn<QStringList>("skipped");

    QTest::newRow("breaking changes, pipeline green on the 2nd check, 2 environments")
        << Script{{"freeze-scope@1",
                   "{\"hasBreakingChanges\": true, \"environmentCount\": 2,"
                   " \"environments\": [\"staging\", \"production\"], \"pipelineFailures\": 0}"},
                  {"check-pipeline@1", "{\"pipelineStatus\": \"running\"}"},
                  {"check-pipeline@2", "{\"pipelineStatus\": \"green\"}"}}
        << QStringList();
    QTest::newRow("no breaking changes, pipeline red three times: promote and announce skipped")
        << Script{{"freeze-scope@1", "{\"hasBreakingChanges\": false, \"environmentCount\": 3,"
                                     " \"pipelineFailures\": 0}"},
                  {"check-pipeline@1", "{\"pipelineStatus\": \"red\", \"pipelineFailures\": 1}"},
                  {"check-pipeline@2", "{\"pipelineStatus\": \"red\", \"pipelineFailures\": 2}"},
                  {"check-pipeline@3", "{\"pipelineStatus\": \"red\", \"pipelineFailures\": 3}"}}
        << QStringList{QStringLiteral("migration-notes"), QStringLiteral("promote"),
                       QStringLiteral("announce")};
    QTest::newRow("green at once: the while loop runs one pass, one environment")
        << Script{{"freeze-scope@1", "{\"hasBreakingChanges\": false, \"environmentCount\": 1,"
                                     " \"pipelineFailures\": 0}"},
                  {"check-pipeline@1", "{\"pipelineStatus\": \"green\"}"}}
        << QStringList{QStringLiteral("migration-notes")};
}

void TestStepper::fullRunMatchesEngine()
{
    QFETCH(Script, script);
    QFETCH(QStringList, skipped);
    Engine engine(bundledOnly());
    bool engineComplete = false;
    const std::vector<Handed> expected = engineSequence(engine, script, &engineComplete);
    QVERIFY2(expected.size() >= 4, "the engine's sequence is too short to test anything");

    StepperPanel panel(&engine);
    panel.setAskBeforeCompletingInvalid(false);
    WFS_VERIFY_RESULT(panel.startRun(kWorkflow));
    std::vector<Handed> shown;
    std::map<std::string, int> seen;
    for (int guard = 0; guard < 60 && !panel.run()->isComplete(); ++guard) {
        const std::string id = panel.run()->currentStepId();
        if (id.empty())
            break;
        shown.push_back({id, panel.run()->prompt().toStdString()});
        // The prompt view shows the same text, rendered from Markdown.
        QVERIFY(!panel.promptView()->toPlainText().isEmpty());
        completeInPanel(panel, script, seen);
        if (QTest::currentTestFailed())
            return;
    }
    QCOMPARE(shown.size(), expected.size());
    for (std::size_t i = 0; i < shown.size(); ++i) {
        QCOMPARE(shown[i].stepId, expected[i].stepId);
        QCOMPARE(shown[i].prompt, expected[i].prompt);
    }
    QCOMPARE(panel.run()->isComplete(), engineComplete);

    // Every completed step is in the history with its output and a passing validation.
    const std::vector<StepperHistoryEntry> history = panel.run()->history();
    QCOMPARE(history.size(), expected.size());
    for (std::size_t i = 0; i < history.size(); ++i) {
        QCOMPARE(history[i].stepId, expected[i].stepId);
        QCOMPARE(QString::fromStdString(history[i].output.get<std::string>()),
                 outputFor(expected[i].stepId));
        QVERIFY2(history[i].validation.value("valid", false), history[i].stepId.c_str());
    }
    QCOMPARE(panel.historyView()->topLevelItemCount(), int(expected.size()));

    // The session in the engine's SessionManager saw the same walk.
    const std::optional<Session> s = engine.sessions().get(panel.run()->sessionId());
    QVERIFY(s);
    QCOMPARE(s->client, std::string("studio"));
    QCOMPARE(s->completedSteps.size(), expected.size());

    const WorkflowScene::RunMarks marks = panel.run()->marks();
    QStringList actualSkipped;
    for (const auto &[id, reason] : marks.skipped) {
        actualSkipped << QString::fromStdString(id);
        QVERIFY2(reason.contains(QLatin1String("runCondition")), qPrintable(reason));
    }
    skipped.sort();
    actualSkipped.sort();
    QCOMPARE(actualSkipped, skipped);
}

void TestStepper::canvasMarksRunState()
{
    Engine engine(bundledOnly());
    StepperPanel panel(&engine);
    panel.setAskBeforeCompletingInvalid(false);
    EditorPage page;
    WFS_VERIFY_RESULT(page.loadFile(QStringLiteral(":/workflows/release-checklist.json")));
    connect(&panel, &StepperPanel::marksChanged, &page,
            [&page](const QString &, const WorkflowScene::RunMarks &m) {
                page.scene()->setRunMarks(m);
            });
    const Script script{{"freeze-scope@1",
                         "{\"hasBreakingChanges\": false, \"environmentCount\": 2,"
                         " \"pipelineFailures\": 0}"},
                        {"check-pipeline@1", "{\"pipelineStatus\": \"green\"}"}};
    WFS_VERIFY_RESULT(panel.startRun(kWorkflow));
    QCOMPARE(stateOf(page.scene(), QStringLiteral("freeze-scope")), NodeItem::RunState::Current);
    std::map<std::string, int> seen;
    completeInPanel(panel, script, seen); // freeze-scope
    // Into the while loop: migration-notes was skipped by its runCondition.
    QCOMPARE(panel.run()->currentStepId(), std::string("check-pipeline"));
    QCOMPARE(stateOf(page.scene(), QStringLiteral("freeze-scope")), NodeItem::RunState::Completed);
    QCOMPARE(stateOf(page.scene(), QStringLiteral("migration-notes")), NodeItem::RunState::Skipped);
    QVERIFY(noteOf(page.scene(), QStringLiteral("migration-notes"))
                .contains(QLatin1String("hasBreakingChanges")));
    QCOMPARE(stateOf(page.scene(), QStringLiteral("check-pipeline")), NodeItem::RunState::Current);
    QCOMPARE(stateOf(page.scene(), QStringLiteral("wait-for-pipeline")),
             NodeItem::RunState::Current);
    QCOMPARE(noteOf(page.scene(), QStringLiteral("wait-for-pipeline")), QStringLiteral("pass 1"));
    completeInPanel(panel, script, seen); // check-pipeline -> green
    QCOMPARE(panel.run()->currentStepId(), std::string("deploy-environment"));
    QCOMPARE(noteOf(page.scene(), QStringLiteral("promote")), QStringLiteral("pass 1 of 2"));
    QCOMPARE(noteOf(page.scene(), QStringLiteral("wait-for-pipeline")),
             QStringLiteral("1 pass(es)"));
    completeInPanel(panel, script, seen); // deploy 1
    QCOMPARE(panel.run()->currentStepId(), std::string("deploy-environment"));
    QCOMPARE(noteOf(page.scene(), QStringLiteral("promote")), QStringLiteral("pass 2 of 2"));
    // A document edit rebuilds the items: the marks stay.
    page.scene()->rebuild();
    QCOMPARE(stateOf(page.scene(), QStringLiteral("deploy-environment")),
             NodeItem::RunState::Current);
    QCOMPARE(noteOf(page.scene(), QStringLiteral("promote")), QStringLiteral("pass 2 of 2"));
    // Clearing the marks clears the canvas.
    page.scene()->setRunMarks({});
    QCOMPARE(stateOf(page.scene(), QStringLiteral("freeze-scope")), NodeItem::RunState::None);
}

void TestStepper::resumeAfterRestart()
{
    const QString dbPath = m_tmp.filePath(QStringLiteral("resume.db"));
    const Script script{{"freeze-scope@1", "{\"hasBreakingChanges\": true, \"environmentCount\": 2,"
                                           " \"pipelineFailures\": 0}"},
                        {"check-pipeline@1", "{\"pipelineStatus\": \"green\"}"}};
    std::string sessionId;
    std::string currentBefore;
    std::size_t completedBefore = 0;
    std::map<std::string, int> seen;
    {
        auto db = store::openProductDatabase(dbPath.toStdString());
        WFS_VERIFY_RESULT(db);
        Engine engine(bundledOnly());
        auto sink = std::make_shared<store::SqliteSessionSink>(**db);
        engine.sessions().setSink(sink);
        StepperPanel panel(&engine);
        panel.setAskBeforeCompletingInvalid(false);
        WFS_VERIFY_RESULT(panel.startRun(kWorkflow));
        for (int i = 0; i < 3; ++i)
            completeInPanel(panel, script, seen);
        sessionId = panel.run()->sessionId();
        currentBefore = panel.run()->currentStepId();
        completedBefore = panel.run()->completedSteps().size();
        QCOMPARE(completedBefore, std::size_t(3));
        QCOMPARE(sink->failures(), std::uint64_t(0));
    } // window, engine and database closed

    auto db = store::openProductDatabase(dbPath.toStdString());
    WFS_VERIFY_RESULT(db);
    Engine engine(bundledOnly());
    auto sink = std::make_shared<store::SqliteSessionSink>(**db);
    const Result<int> restored = sink->restoreInto(engine.sessions());
    WFS_VERIFY_RESULT(restored);
    QCOMPARE(*restored, 1);
    engine.sessions().setSink(sink);
    StepperPanel panel(&engine);
    panel.setAskBeforeCompletingInvalid(false);
    WFS_VERIFY_RESULT(panel.resumeRun(sessionId));
    QCOMPARE(panel.run()->currentStepId(), currentBefore);
    QCOMPARE(panel.run()->completedSteps().size(), completedBefore);
    QCOMPARE(panel.run()->history().size(), completedBefore);
    QCOMPARE(panel.historyView()->topLevelItemCount(), int(completedBefore));

    // Finishing the resumed run gives exactly the engine's sequence.
    bool engineComplete = false;
    const std::vector<Handed> expected = engineSequence(engine, script, &engineComplete);
    for (int guard = 0; guard < 60 && !panel.run()->isComplete(); ++guard)
        completeInPanel(panel, script, seen);
    QVERIFY(panel.run()->isComplete());
    const Json done = panel.run()->completedSteps();
    QCOMPARE(done.size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i)
        QCOMPARE(done[i].get<std::string>(), expected[i].stepId);
}

void TestStepper::badContextIsRefusedWithPosition_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("unterminated object") << "config"
                                         << "{\"a\": 1"
                                         << "(“config”): invalid JSON value at 1:";
    // A bare word is not refused: it is the string it spells (tst_ui_values).
    QTest::newRow("broken array") << "count"
                                  << "{\"n\": [1,}"
                                  << "(“count”): invalid JSON value at 1:";
    QTest::newRow("empty variable name") << ""
                                         << "1"
                                         << "needs a name";
}

void TestStepper::badContextIsRefusedWithPosition()
{
    QFETCH(QString, name);
    QFETCH(QString, value);
    QFETCH(QString, expected);
    Engine engine(bundledOnly());
    StepperPanel panel(&engine);
    panel.setAskBeforeCompletingInvalid(false);
    WFS_VERIFY_RESULT(panel.startRun(kWorkflow));
    panel.contextEditor()->setVariable(name, value);
    const Result<Json> ctx = panel.contextEditor()->value();
    QVERIFY(!ctx);
    QVERIFY2(QString::fromStdString(ctx.error()).contains(expected), ctx.error().c_str());
    panel.outputEdit()->setPlainText(QStringLiteral("output"));
    QVERIFY(!panel.completeStep());
    QCOMPARE(panel.run()->completedSteps().size(), std::size_t(0));
    QVERIFY(panel.validationView()->text().contains(expected.toHtmlEscaped()));
}

void TestStepper::exportsMarkdownAndJson()
{
    Engine engine(bundledOnly());
    StepperPanel panel(&engine);
    panel.setAskBeforeCompletingInvalid(false);
    WFS_VERIFY_RESULT(panel.startRun(kWorkflow));
    const Script script{
        {"freeze-scope@1", "{\"hasBreakingChanges\": true, \"pipelineFailures\": 0}"}};
    std::map<std::string, int> seen;
    completeInPanel(panel, script, seen);
    completeInPanel(panel, script, seen);
    const QString md = m_tmp.filePath(QStringLiteral("run.md"));
    const QString js = m_tmp.filePath(QStringLiteral("run.json"));
    WFS_VERIFY_RESULT(panel.exportMarkdown(md));
    WFS_VERIFY_RESULT(panel.exportJson(js));
    QFile mdFile(md);
    QVERIFY(mdFile.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(mdFile.readAll());
    QVERIFY(text.contains(QLatin1String("# Run of Release Checklist")));
    QVERIFY(text.contains(QLatin1String("### 1. Freeze the scope (`freeze-scope`)")));
    QVERIFY(text.contains(QLatin1String("### 2. Write migration notes (`migration-notes`)")));
    QVERIFY(text.contains(outputFor("migration-notes")));
    QVERIFY(text.contains(QLatin1String("Validation: passed")));
    QVERIFY(text.contains(QLatin1String("## Current step")));
    auto loaded = loadJsonFile(js.toStdString());
    QVERIFY(loaded.ok);
    const Json &j = loaded.value;
    QCOMPARE(j["workflowId"].get<std::string>(), std::string(kWorkflow));
    QCOMPARE(j["history"].size(), std::size_t(2));
    QCOMPARE(j["history"][1]["stepId"].get<std::string>(), std::string("migration-notes"));
    QCOMPARE(j["session"]["completedSteps"].size(), std::size_t(2));
    QCOMPARE(j["current"]["step"]["id"].get<std::string>(), std::string("check-pipeline"));
}

void TestStepper::sessionsListFollowsOtherClients()
{
    Engine engine(bundledOnly());
    SessionsWidget sessions(&engine);
    QSignalSpy follow(&sessions, &SessionsWidget::followRequested);
    QSignalSpy marks(&sessions, &SessionsWidget::marksChanged);
    const CallContext mcp{"mcp-session-1", "http:test"};
    // An MCP client on a server thread: first call.
    std::thread([&] {
        Json args = Json::object();
        args["workflowId"] = kWorkflow;
        args["completedSteps"] = Json::array();
        engine.callTool("workflow_next", args, mcp);
    }).join();
    QTRY_COMPARE_WITH_TIMEOUT(sessions.sessionCount(), 1, 1000);
    sessions.tree()->setCurrentItem(sessions.tree()->topLevelItem(0));
    QCOMPARE(follow.count(), 1);
    QCOMPARE(follow.last().at(0).toString(), QStringLiteral("mcp-session-1"));
    QCOMPARE(follow.last().at(1).toString(), QString::fromLatin1(kWorkflow));
    QVERIFY(marks.count() >= 1);
    auto current = [&] {
        return qvariant_cast<WorkflowScene::RunMarks>(marks.last().at(1)).current;
    };
    QCOMPARE(current(), std::string("freeze-scope"));
    // The client moves on: the followed marks move within a second.
    std::thread([&] {
        Json args = Json::object();
        args["workflowId"] = kWorkflow;
        args["completedSteps"] = Json::array({"freeze-scope"});
        args["context"] = Json{{"hasBreakingChanges", true}};
        engine.callTool("workflow_next", args, mcp);
    }).join();
    QTRY_COMPARE_WITH_TIMEOUT(current(), std::string("migration-notes"), 1000);
    QCOMPARE(sessions.tree()->topLevelItem(0)->text(3), QStringLiteral("1"));
}

QTEST_MAIN(TestStepper)
#include "tst_stepper.moc"
