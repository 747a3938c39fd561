// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The studio on a team server (#19), as a person uses it: Settings ▸ Team server (typing the
// store and cache URLs, Test Connection, a mistyped URL refused), then the studio joined to a
// real PostgreSQL team store and Redis cache that two `wfstudio mcp` instances serve from. An
// agent walks a published workflow with its requests alternating between the instances; the
// Sessions list shows that session (the whole fleet's list), following it replays its calls
// from the team store, the heat map counts it, and the dashboard's View ▸ Team fleet charts the
// fleet with a row per instance in the Instances tab. Starts its own PostgreSQL (initdb, as the
// postgres user when root) and Redis (--save ''); label scenario.
#include "scenariostudio.h"

#include "mcpinstance.h"
#include "teamservices.h"

#include "ui/dashboard/dashboardwidget.h"
#include "ui/dashboard/fleetsource.h"
#include "ui/library/librarywidget.h"
#include "ui/sessions/heatmappanel.h"
#include "ui/sessions/sessionswidget.h"
#include "ui/settings/appsettings.h"
#include "ui/settings/settingsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSlider>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTreeView>
#include <QTreeWidget>

using namespace wfs;
using namespace wfs::studio;
using test::McpClient;
using test::McpInstance;

namespace {

// Our own small workflow, published to the team store.
const char *const kWorkflow = R"({
  "id": "team-review",
  "name": "Team review",
  "description": "Three steps an agent walks while the studio watches the fleet.",
  "version": "1.0.0",
  "steps": [
    {"id": "read-change", "title": "Read the change", "prompt": "Read the diff."},
    {"id": "run-checks", "title": "Run the checks", "prompt": "Run the test suite."},
    {"id": "write-review", "title": "Write the review", "prompt": "Write the review."}
  ]
}
)";

QTreeWidgetItem *rowOf(QTreeWidget *tree, const QString &text, int column)
{
    for (int i = 0; i < tree->topLevelItemCount(); ++i) {
        if (tree->topLevelItem(i)->text(column) == text)
            return tree->topLevelItem(i);
    }
    return nullptr;
}

} // namespace

class TestScenarioTeam : public QObject
{
    Q_OBJECT

    test::PgCluster m_pg;
    test::RedisServer m_redis;
    QString m_store;
    QTemporaryDir m_dir;
    std::unique_ptr<McpInstance> m_alpha, m_beta;
    QString m_agentSession;

    std::unique_ptr<McpInstance> instance(const QString &id)
    {
        return std::make_unique<McpInstance>(QStringList{
            QStringLiteral("--store"), m_store, QStringLiteral("--cache"),
            QString::fromStdString(m_redis.url()), QStringLiteral("--instance-id"), id});
    }

private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("WorkflowStudioTest"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_scenario_team"));
        QSettings().clear();
        WFS_REQUIRE_TEAM_SERVERS();
        QString why;
        m_store = test::startTeamServices(m_pg, m_redis, QStringLiteral("team"), &why);
        QVERIFY2(!m_store.isEmpty(), qPrintable(why));
        const QString file = m_dir.filePath(QStringLiteral("team-review.json"));
        QVERIFY(test::ScenarioStudio::writeFile(file, kWorkflow));
        QVERIFY2(test::publishToStore(m_store, {file}, &why), qPrintable(why));
        m_alpha = instance(QStringLiteral("alpha"));
        QVERIFY2(m_alpha->start(&why), qPrintable(why));
        m_beta = instance(QStringLiteral("beta"));
        QVERIFY2(m_beta->start(&why), qPrintable(why));
    }

    void cleanupTestCase()
    {
        m_alpha.reset();
        m_beta.reset();
        QSettings().clear();
    }

    // Settings ▸ Team server: typed URLs, Test Connection, a mistyped URL refused, OK saves.
    void settingsTeamServer()
    {
        // The instances write their metrics every 5 s: both have reported once this passed.
        QTest::qWait(5500);
        test::ScenarioStudio s;
        SettingsDialog dialog(s.window.get());
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        // Small enough for a 1024x700 screen; the Team server page by its tab.
        QVERIFY2(dialog.frameGeometry().height() <= 680,
                 qPrintable(QString::number(dialog.frameGeometry().height())));
        QTabBar *tabs = dialog.pages()->tabBar();
        int teamTab = -1;
        for (int i = 0; i < tabs->count(); ++i) {
            if (tabs->tabText(i) == QLatin1String("Team server"))
                teamTab = i;
        }
        QVERIFY(teamTab >= 0);
        QTest::mouseClick(tabs, Qt::LeftButton, {}, tabs->tabRect(teamTab).center());
        QCOMPARE(dialog.pages()->currentIndex(), teamTab);
        auto *store = dialog.findChild<QLineEdit *>(QStringLiteral("teamStoreUrl"));
        auto *cache = dialog.findChild<QLineEdit *>(QStringLiteral("teamCacheUrl"));
        auto *testButton = dialog.findChild<QPushButton *>(QStringLiteral("teamTest"));
        QVERIFY(store && cache && testButton);
        QVERIFY(store->isVisible() && testButton->isVisible());
        QVERIFY(store->text().isEmpty()); // this computer's own database by default

        // A mistyped store: OK keeps the dialog open, says why, writes nothing.
        test::ScenarioStudio::typeInto(store, QStringLiteral("mysql://db/team"));
        auto *buttons = dialog.findChild<QDialogButtonBox *>();
        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(dialog.isVisible());
        QVERIFY2(dialog.teamResult()->text().contains(QLatin1String("postgresql://")),
                 qPrintable(dialog.teamResult()->text()));
        QVERIFY(QSettings().value(QLatin1String(settings::kTeamStoreUrl)).isNull());

        // An unreachable store: Test Connection says so (no crash, no hang).
        test::ScenarioStudio::typeInto(store,
                                       QStringLiteral("postgresql://nobody@127.0.0.1:1/none"));
        QSignalSpy finished(&dialog, &SettingsDialog::teamTestFinished);
        QTest::mouseClick(testButton, Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        QCOMPARE(finished.last().at(0).toBool(), false);
        QVERIFY2(dialog.teamResult()->text().contains(QStringLiteral("✗ Store")),
                 qPrintable(dialog.teamResult()->text()));

        // The real team server: both reachable, the instances and the published workflow.
        test::ScenarioStudio::typeInto(store, m_store);
        test::ScenarioStudio::typeInto(cache, QString::fromStdString(m_redis.url()));
        QTest::mouseClick(testButton, Qt::LeftButton);
        QVERIFY(finished.wait(15000));
        const QString result = dialog.teamResult()->text();
        QVERIFY2(finished.last().at(0).toBool(), qPrintable(result));
        QVERIFY2(result.contains(QStringLiteral("✓ Store")) &&
                     result.contains(QStringLiteral("✓ Cache")),
                 qPrintable(result));
        QVERIFY2(result.contains(QLatin1String("2 instance(s) reporting")), qPrintable(result));
        QVERIFY2(result.contains(QLatin1String("1 workflow(s) published")), qPrintable(result));

        QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(settings::teamStoreUrl(), m_store);
        QCOMPARE(settings::teamCacheUrl(), QString::fromStdString(m_redis.url()));
    }

    // The studio joined to the team store (what main() builds from those settings).
    void studioShowsTheFleet()
    {
        test::ScenarioStudio::Config config;
        config.storeUrl = settings::teamStoreUrl().toStdString();
        config.cacheUrl = settings::teamCacheUrl().toStdString();
        config.instanceId = "studio-scenario";
        QVERIFY(!config.storeUrl.empty());
        test::ScenarioStudio s(config);
        QVERIFY(s.runtime->teamStore());
        auto *dataStatus = s.window->findChild<QLabel *>(QStringLiteral("dataStatus"));
        QVERIFY(dataStatus);
        QVERIFY2(dataStatus->text().startsWith(QLatin1String("Team store: postgresql://")),
                 qPrintable(dataStatus->text()));
        // The published workflow reaches the studio's engine too.
        QTRY_VERIFY_WITH_TIMEOUT(!s.served(QStringLiteral("team-review")).is_null(), 5000);
        // Found by hand: the studio offered to "repair" the team store as a broken database
        // file, and listed the published workflows under their temporary mirror folder.
        QApplication::processEvents();
        for (QMessageBox *box : s.window->findChildren<QMessageBox *>())
            QVERIFY2(!box->isVisible(), qPrintable(box->text()));
        QAbstractItemModel *library = s.window->library()->view()->model();
        QTRY_VERIFY_WITH_TIMEOUT(!library
                                      ->match(library->index(0, 0), Qt::DisplayRole,
                                              QStringLiteral("Published on the team server"), 1,
                                              Qt::MatchExactly | Qt::MatchRecursive)
                                      .isEmpty(),
                                 5000);
        const QModelIndexList published = library->match(
            library->index(0, 0), Qt::DisplayRole, QStringLiteral("Published on the team server"),
            1, Qt::MatchExactly | Qt::MatchRecursive);
        QCOMPARE(library->rowCount(published.first()), 1);
        QCOMPARE(library->index(0, 0, published.first()).data(LibraryWidget::IdRole).toString(),
                 QStringLiteral("team-review"));

        // An agent walks it, its requests alternating between the two instances.
        McpClient agent;
        QVERIFY(agent.initialize(m_alpha->port(), "scenario-agent"));
        m_agentSession = QString::fromLatin1(agent.sessionId);
        Json completed = Json::array();
        const std::vector<quint16> ports{m_beta->port(), m_alpha->port(), m_beta->port()};
        for (quint16 port : ports) {
            const test::ToolAnswer a =
                agent.tool(port, "workflow_next",
                           Json{{"workflowId", "team-review"}, {"completedSteps", completed}});
            QVERIFY2(!a.isError, a.text.c_str());
            const Json answer = Json::parse(a.text, nullptr, false);
            if (answer.value("step", Json()).is_object())
                completed.push_back(answer["step"]["id"]);
        }
        QCOMPARE(int(completed.size()), 3);

        // Sessions: the fleet's list has the agent's session, with what it completed.
        SessionsWidget *sessions = s.window->sessionsList();
        QVERIFY(sessions);
        auto *sessionsDock = s.window->findChild<QDockWidget *>(QStringLiteral("sessionsDock"));
        if (!sessionsDock->isVisible())
            sessionsDock->toggleViewAction()->trigger(); // Run ▸ Sessions
        sessionsDock->raise();
        QApplication::processEvents();
        QTreeWidgetItem *row = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (row = [&]() -> QTreeWidgetItem * {
                for (int i = 0; i < sessions->tree()->topLevelItemCount(); ++i) {
                    QTreeWidgetItem *r = sessions->tree()->topLevelItem(i);
                    if (r->text(1) == QLatin1String("team-review") &&
                        r->text(2).startsWith(QLatin1String("scenario-agent")) &&
                        r->text(3) == QLatin1String("2"))
                        return r;
                }
                return nullptr;
            }()) != nullptr,
            10000);
        // Following it (selecting its row, as the heat scenario does): the replay has its
        // three calls, answered by two instances.
        sessions->tree()->setCurrentItem(row);
        // Found by hand: another instance's session could not be followed (the engine does not
        // hold it); now the canvas opens its workflow.
        QCOMPARE(sessions->followedSession(), m_agentSession);
        QTRY_VERIFY_WITH_TIMEOUT(
            s.page() && s.doc()->json().value("id", std::string()) == "team-review", 5000);
        QTRY_COMPARE_WITH_TIMEOUT(int(sessions->replayCalls().size()), 3, 5000);
        QVERIFY2(sessions->replayLabel()->text().contains(QLatin1String("Call 3 of 3")),
                 qPrintable(sessions->replayLabel()->text()));

        // Heat map: the team store's calls of the workflow.
        auto *heatDock = s.window->findChild<QDockWidget *>(QStringLiteral("heatDock"));
        if (heatDock) {
            heatDock->show();
            auto *heat = heatDock->findChild<HeatMapPanel *>();
            QVERIFY(heat);
            heat->refresh();
            QTRY_VERIFY_WITH_TIMEOUT(heat->report().sessions >= 1, 5000);
            const store::HeatCell *cell = heat->report().find("run-checks");
            QVERIFY(cell);
            QVERIFY(cell->reached >= 1);
        }

        // Dashboard ▸ View: Team fleet; a row per instance; the charts fill from the fleet.
        s.shortcut(QKeySequence(QStringLiteral("Ctrl+Shift+D")));
        DashboardWidget *board = s.window->dashboard();
        QVERIFY(board && board->fleetSource());
        QComboBox *view = board->viewBox();
        QVERIFY(view->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(rowOf(board->instancesTree(), QStringLiteral("alpha"), 0) &&
                                     rowOf(board->instancesTree(), QStringLiteral("beta"), 0),
                                 15000);
        view->setFocus();
        QTest::keyClick(view, Qt::Key_Down); // "Team fleet (n instances)"
        QCOMPARE(board->view(), QStringLiteral("fleet"));
        QVERIFY(view->currentText().startsWith(QLatin1String("Team fleet")));
        // Requests reached both instances: the fleet's charts have a rate > 0.
        const auto fleetRate = [board] {
            for (const DashboardSample &x : board->samples()) {
                if (!std::isnan(x.requestsPerSec) && x.requestsPerSec > 0)
                    return true;
            }
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(fleetRate(), 20000);
        QTreeWidgetItem *alpha = rowOf(board->instancesTree(), QStringLiteral("alpha"), 0);
        QVERIFY(alpha);
        QVERIFY2(alpha->text(1).contains(QLatin1String("ago")), qPrintable(alpha->text(1)));
        // One instance alone: the Instances tab, double-click its row.
        auto *boardTabs = board->findChild<QTabWidget *>(QStringLiteral("dashboardTabs"));
        QTabBar *boardBar = boardTabs->tabBar();
        const int instancesTab = boardTabs->indexOf(board->instancesTree());
        QVERIFY(instancesTab >= 0);
        QTest::mouseClick(boardBar, Qt::LeftButton, {}, boardBar->tabRect(instancesTab).center());
        QCOMPARE(boardTabs->currentIndex(), instancesTab);
        QTest::qWait(100);
        QTreeWidgetItem *beta = rowOf(board->instancesTree(), QStringLiteral("beta"), 0);
        QVERIFY(beta);
        board->instancesTree()->scrollToItem(beta);
        const QPoint at = board->instancesTree()->visualItemRect(beta).center();
        QTest::mouseClick(board->instancesTree()->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(board->instancesTree()->viewport(), Qt::LeftButton, {}, at);
        QCOMPARE(board->view(), QStringLiteral("instance:beta"));
        QCOMPARE(boardTabs->currentIndex(), 0); // back to the charts, of beta alone
        QCOMPARE(board->fleetSource()->instance(), QStringLiteral("beta"));
        QVERIFY(view->currentText().contains(QLatin1String("beta")));
        // Back to this studio's own figures.
        view->setCurrentIndex(0);
        emit view->activated(0);
        QCOMPARE(board->view(), QString());
    }
};

QTEST_MAIN(TestScenarioTeam)
#include "tst_scenario_team.moc"
