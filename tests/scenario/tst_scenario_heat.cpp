// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The heat map and session replay through the real window: three MCP sessions (the studio's
// runtime behind a real MCP dispatcher, each with its own initialize and clientInfo) take
// different paths through a conditional workflow; the Heat Map dock's table and the canvas
// overlay (read from the node items) show their numbers for every metric and filter; one
// session is replayed call by call with the Sessions dock's slider and the canvas highlights
// the step of each call.
#include "scenariostudio.h"

#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/session.h"
#include "model/jsonio.h"
#include "ui/canvas/heatoverlay.h"
#include "ui/canvas/nodeitems.h"
#include "ui/sessions/heatmappanel.h"
#include "ui/sessions/sessionswidget.h"

#include "heatwalk.h"
#include "jsoncompare.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDockWidget>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSlider>
#include <QTableWidget>
#include <QTreeWidget>

using namespace wfs;
using namespace wfs::studio;
using wfs::test::ScenarioStudio;

class TestScenarioHeat : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void tableShowsTheSessions();
    void tableShowsSeveralRows();
    void overlayPerMetric_data();
    void overlayPerMetric();
    void filters();
    void replayHighlightsEachCall();

private:
    std::unique_ptr<ScenarioStudio> m_s;
    std::unique_ptr<mcp::Dispatcher> m_dispatcher;
    std::vector<std::string> m_sessionIds;
    HeatMapPanel *heat() const { return m_s->window->heatMap(); }
};

namespace {

// One MCP session: initialize (with the agent's name), then tools/call through the dispatcher.
struct McpAgent
{
    mcp::Dispatcher &dispatcher;
    std::shared_ptr<mcp::Session> session;
    int nextId = 1;

    McpAgent(mcp::Dispatcher &d, const std::string &transport, const std::string &name)
        : dispatcher(d)
        , session(d.createSession(transport))
    {
        const Json init = {{"jsonrpc", "2.0"},
                           {"id", 0},
                           {"method", "initialize"},
                           {"params",
                            {{"protocolVersion", "2025-06-18"},
                             {"capabilities", Json::object()},
                             {"clientInfo", {{"name", name}, {"version", "1"}}}}}};
        dispatcher.handle(*session, init);
        dispatcher.handle(*session,
                          Json{{"jsonrpc", "2.0"}, {"method", "notifications/initialized"}});
    }
    Json call(const std::string &tool, const Json &arguments)
    {
        const Json reply = dispatcher.handle(
            *session, Json{{"jsonrpc", "2.0"},
                           {"id", nextId++},
                           {"method", "tools/call"},
                           {"params", {{"name", tool}, {"arguments", arguments}}}});
        const Json &text = reply["result"]["content"][0]["text"];
        const ParsedJson parsed = parseJson(text.is_string() ? text.get<std::string>() : "");
        QTest::qWait(3); // an agent thinks (think times above 0 ms)
        return parsed.ok ? parsed.value : Json();
    }
};

int columnOf(QTableWidget *t, const QString &header)
{
    for (int c = 0; c < t->columnCount(); ++c) {
        if (t->horizontalHeaderItem(c)->text() == header)
            return c;
    }
    return -1;
}

int rowOf(QTableWidget *t, const QString &step)
{
    for (int r = 0; r < t->rowCount(); ++r) {
        if (t->item(r, 0)->text() == step)
            return r;
    }
    return -1;
}

} // namespace

void TestScenarioHeat::initTestCase()
{
    m_s = std::make_unique<ScenarioStudio>();
    const QString file = m_s->workflowsDir() + QStringLiteral("/heat-gate.json");
    QVERIFY(ScenarioStudio::writeFile(file, test::kHeatGateWorkflow));
    QVERIFY(ScenarioStudio::waitFor([&] { return m_s->served("heat-gate").is_object(); }, 3000));
    QVERIFY(m_s->window->openFile(file));

    // Three agents over MCP, as the studio's listener serves them.
    m_dispatcher = std::make_unique<mcp::Dispatcher>(
        std::make_shared<mcp::RuntimeBackend>(m_s->runtime.get()));
    const std::vector<test::HeatAgent> agents = test::heatAgents();
    const std::pair<const char *, const char *> who[] = {
        {"http:aa11", "Claude Code"}, {"stdio", "claude"}, {"http:bb22", "Cursor"}};
    const std::vector<std::vector<std::string>> paths = {
        {"start", "fast", "work", "work", "finish", ""},
        {"start", "slow"},
        {"start", "fast", "work"}};
    for (std::size_t i = 0; i < agents.size(); ++i) {
        McpAgent agent(*m_dispatcher, who[i].first, who[i].second);
        m_sessionIds.push_back(agent.session->id());
        const auto call = [&](const std::string &tool, const Json &args) {
            return agent.call(tool, args);
        };
        QCOMPARE(test::walkHeat(call, "heat-gate", agents[i]), paths[i]);
    }
    m_s->runtime->flush(); // the call log is written behind; now it is in the database

    // View ▸ Heat Map.
    auto *dock = m_s->window->findChild<QDockWidget *>(QStringLiteral("heatDock"));
    QVERIFY(dock);
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    QVERIFY(heat());
    QTRY_COMPARE(heat()->workflowId(), QStringLiteral("heat-gate"));
    heat()->refresh();
}

void TestScenarioHeat::cleanupTestCase()
{
    m_dispatcher.reset();
    m_s.reset();
}

void TestScenarioHeat::tableShowsTheSessions()
{
    QCOMPARE(heat()->report().sessions, 3);
    QVERIFY(heat()->summaryLabel()->text().contains(QStringLiteral("3 session")));
    QTableWidget *t = heat()->table();
    const Json expected = Json::parse(test::kHeatGateExpected);
    QCOMPARE(t->rowCount(), int(expected.size()));
    const int reached = columnOf(t, QStringLiteral("Reached"));
    const int stopped = columnOf(t, QStringLiteral("Stopped here"));
    const int failures = columnOf(t, QStringLiteral("Validation failures"));
    const int passes = columnOf(t, QStringLiteral("Loop passes"));
    const int p50 = columnOf(t, QStringLiteral("Think p50"));
    QVERIFY(reached > 0 && stopped > 0 && failures > 0 && passes > 0 && p50 > 0);
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const int row = int(i); // in the workflow's order
        const Json &e = expected[i];
        QCOMPARE(t->item(row, 0)->text(), QString::fromStdString(e[0].get<std::string>()));
        QCOMPARE(t->item(row, reached)->text(), QString::number(e[1].get<int>()));
        QCOMPARE(t->item(row, stopped)->text(), QString::number(e[2].get<int>()));
        QCOMPARE(t->item(row, failures)->text(), QString::number(e[3].get<int>()));
        QCOMPARE(t->item(row, passes)->text(), QString::number(e[4].get<int>()));
    }
    // Think time: measured after "start" (every session called again), none after "slow".
    QVERIFY(t->item(rowOf(t, QStringLiteral("start")), p50)->text().endsWith(QStringLiteral("ms")));
    QVERIFY(t->item(rowOf(t, QStringLiteral("slow")), p50)->text().isEmpty());
}

// Seen on the first screenshot: the dock at its place below the canvas (View ▸ Reset Layout)
// showed two rows of the table (tall rows, the summary on a line of its own).
void TestScenarioHeat::tableShowsSeveralRows()
{
    m_s->window->findChild<QAction *>(QStringLiteral("viewResetLayout"))->trigger();
    auto *dock = m_s->window->findChild<QDockWidget *>(QStringLiteral("heatDock"));
    dock->toggleViewAction()->trigger();
    QTRY_VERIFY(dock->isVisible());
    QApplication::processEvents();
    QTableWidget *t = heat()->table();
    QTRY_VERIFY(t->isVisible());
    const int shown = t->rowAt(t->viewport()->height() - 1);
    // Every row up to the 5th fully in view (rowAt is -1 below the last row).
    QVERIFY2(shown == -1 || shown >= 5,
             qPrintable(QStringLiteral("rows in view: %1, viewport %2 px, row %3 px")
                            .arg(shown)
                            .arg(t->viewport()->height())
                            .arg(t->rowHeight(0))));
}

void TestScenarioHeat::overlayPerMetric_data()
{
    QTest::addColumn<QString>("metric");
    QTest::addColumn<QString>("labels"); // step=badge, ...; the hottest step is the first
    QTest::newRow("reached") << "Reached"
                             << "start=3,fast=2,slow=1,passes=2,work=2,finish=1";
    QTest::newRow("stopped here") << "Stopped here"
                                  << "slow=1,work=1,start=0,fast=0,finish=0";
    QTest::newRow("validation failures") << "Validation failures"
                                         << "fast=1,start=0,work=0";
    QTest::newRow("loop passes") << "Loop passes"
                                 << "passes=3,work=3,start=0,finish=0";
    QTest::newRow("think p50") << "Think time p50"
                               << "start=*,slow=–,passes=–";
}

void TestScenarioHeat::overlayPerMetric()
{
    QFETCH(QString, metric);
    QFETCH(QString, labels);
    QComboBox *box = heat()->metricBox();
    const int index = box->findText(metric);
    QVERIFY(index >= 0);
    box->setCurrentIndex(index);
    WorkflowScene *scene = m_s->scene();
    bool first = true;
    for (const QString &pair : labels.split(QLatin1Char(','))) {
        const QString step = pair.section(QLatin1Char('='), 0, 0);
        const QString label = pair.section(QLatin1Char('='), 1);
        // What the node's overlay item draws.
        NodeItem *node = scene->nodeItem(m_s->doc()->findStep(step));
        QVERIFY2(node, qPrintable(step));
        HeatOverlayItem *overlay = HeatOverlayItem::of(node);
        QVERIFY2(overlay, qPrintable(step));
        QVERIFY(overlay->isVisible());
        if (label == QLatin1String("*"))
            QVERIFY2(overlay->cell().label.endsWith(QStringLiteral("ms")),
                     qPrintable(overlay->cell().label));
        else
            QCOMPARE(overlay->cell().label, label);
        QCOMPARE(overlay->cell().hasValue, label != QStringLiteral("–"));
        if (first && label != QLatin1String("*")) // the hottest
            QCOMPARE(overlay->cell().intensity, 1.0);
        else if (label == QLatin1String("0"))
            QCOMPARE(overlay->cell().intensity, 0.0);
        QVERIFY(overlay->toolTip().contains(step));
        first = false;
    }
}

void TestScenarioHeat::filters()
{
    QComboBox *metric = heat()->metricBox();
    metric->setCurrentIndex(metric->findText(QStringLiteral("Reached")));
    WorkflowScene *scene = m_s->scene();
    const auto badge = [&](const char *step) {
        return scene->heatShown(QString::fromLatin1(step)).label;
    };
    QCOMPARE(badge("start"), QStringLiteral("3"));

    // One client: the agent's name as its clientInfo gave it.
    QComboBox *client = heat()->clientBox();
    const int claudeCode = client->findText(QStringLiteral("Claude Code"));
    QVERIFY(claudeCode > 0);
    QCOMPARE(client->count(), 4); // all, Claude Code, Cursor, claude
    client->setCurrentIndex(claudeCode);
    QCOMPARE(heat()->report().sessions, 1);
    QCOMPARE(badge("start"), QStringLiteral("1"));
    QCOMPARE(badge("slow"), QStringLiteral("0"));
    QCOMPARE(badge("finish"), QStringLiteral("1"));
    client->setCurrentIndex(client->findText(QStringLiteral("claude")));
    QCOMPARE(badge("slow"), QStringLiteral("1"));
    QCOMPARE(badge("fast"), QStringLiteral("0"));
    client->setCurrentIndex(0);
    QCOMPARE(heat()->report().sessions, 3);

    // A time range: every session was active in the last 15 minutes.
    QComboBox *range = heat()->rangeBox();
    range->setCurrentIndex(range->findText(QStringLiteral("Last 15 minutes")));
    QCOMPARE(heat()->report().sessions, 3);
    range->setCurrentIndex(0);

    // Show on canvas off: the overlay goes, the table stays.
    heat()->overlayBox()->setChecked(false);
    QVERIFY(!HeatOverlayItem::of(scene->nodeItem(m_s->doc()->findStep(QStringLiteral("start")))));
    QCOMPARE(heat()->table()->rowCount(), 6);
    heat()->overlayBox()->setChecked(true);
    QCOMPARE(badge("start"), QStringLiteral("3"));
}

void TestScenarioHeat::replayHighlightsEachCall()
{
    SessionsWidget *sessions = m_s->window->sessionsList();
    QVERIFY(sessions);
    m_s->window->findChild<QDockWidget *>(QStringLiteral("sessionsDock"))->show();
    // Select the first agent's session (fast to the end) in the list.
    QTreeWidget *tree = sessions->tree();
    QTRY_VERIFY(tree->topLevelItemCount() >= 3);
    QTreeWidgetItem *row = nullptr;
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->data(0, Qt::UserRole).toString().toStdString() ==
            m_sessionIds[0])
            row = tree->topLevelItem(i);
    }
    QVERIFY(row);
    tree->setCurrentItem(row);
    QCOMPARE(sessions->followedSession().toStdString(), m_sessionIds[0]);
    // Its calls: six workflow_next and two workflow_validate, in order.
    QCOMPARE(sessions->replayCalls().size(), std::size_t(8));
    QSlider *slider = sessions->replaySlider();
    QVERIFY(slider->isEnabled());
    QCOMPARE(slider->maximum(), 7);
    QCOMPARE(slider->value(), 7); // live: at the last call

    struct Expect
    {
        const char *current; // the highlighted step ("" = none: complete)
        const char *label;   // in the label
    };
    const Expect expected[] = {{"start", "workflow_next → start"},
                               {"fast", "workflow_next → fast"},
                               {"fast", "workflow_validate → fast: not valid"},
                               {"fast", "workflow_validate → fast: valid"},
                               {"work", "work (loop passes, pass 1)"},
                               {"work", "work (loop passes, pass 2)"},
                               {"finish", "workflow_next → finish"},
                               // WorkRail: "slow" is neither done nor eligible, so
                               // not complete; no step either
                               {"", "workflow_next → no eligible step"}};
    WorkflowScene *scene = m_s->scene();
    // Zoomed in so that the steps do not all fit: each replayed step is scrolled into view
    // (seen on a long workflow: the highlighted step stayed below the visible part).
    for (int i = 0; i < 8; ++i)
        m_s->view()->zoomIn();
    QApplication::processEvents();
    const auto inView = [&](const char *step) {
        NodeItem *node = scene->nodeItem(m_s->doc()->findStep(QString::fromUtf8(step)));
        const QRect r = m_s->view()->mapFromScene(node->sceneBoundingRect()).boundingRect();
        return m_s->viewport()->rect().contains(r.center());
    };
    QVERIFY(!inView("finish") || !inView("start")); // the test can see the difference
    for (int k = 0; k < 8; ++k) {
        slider->setValue(k);
        const Expect &e = expected[k];
        if (*e.current)
            QTRY_VERIFY2(inView(e.current), e.current);
        QCOMPARE(QString::fromStdString(scene->runMarks().current), QString::fromUtf8(e.current));
        QVERIFY2(sessions->replayLabel()->text().contains(QString::fromUtf8(e.label)),
                 qPrintable(sessions->replayLabel()->text()));
        QVERIFY(
            sessions->replayLabel()->text().startsWith(QStringLiteral("Call %1 of 8").arg(k + 1)));
        if (*e.current) {
            NodeItem *node = scene->nodeItem(m_s->doc()->findStep(QString::fromUtf8(e.current)));
            QVERIFY(node);
            QCOMPARE(int(node->runState()), int(NodeItem::RunState::Current));
        }
        // What was sent and answered at that call.
        const ParsedJson sent = parseJson(sessions->replaySent()->toPlainText().toStdString());
        QVERIFY(sent.ok);
        JCOMPARE(sent.value["workflowId"], Json("heat-gate"));
        const ParsedJson answer = parseJson(sessions->replayAnswer()->toPlainText().toStdString());
        QVERIFY(answer.ok);
        if (k == 0)
            JCOMPARE(sent.value["completedSteps"], Json::array());
        if (k == 2) {
            JCOMPARE(sent.value["output"], Json("not yet"));
            JCOMPARE(answer.value["valid"], Json(false));
        }
        if (k == 5) {
            JCOMPARE(answer.value["step"]["id"], Json("work"));
            JCOMPARE(answer.value["context"]["_loopState"]["passes"]["iteration"], Json(1));
        }
    }
    // Before the last call the live session's updates do not override the replayed marks.
    slider->setValue(1);
    QCOMPARE(scene->runMarks().current, std::string("fast"));
    QVERIFY(scene->runMarks().completed.count("start"));
    QVERIFY(!scene->runMarks().completed.count("fast"));
}

QTEST_MAIN(TestScenarioHeat)
#include "tst_scenario_heat.moc"
