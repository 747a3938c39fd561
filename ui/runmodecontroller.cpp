// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "runmodecontroller.h"

#include "canvas/workflowscene.h"
#include "canvas/workflowview.h"
#include "dashboard/dashboardsource.h"
#include "dashboard/dashboardwidget.h"
#include "editorpage.h"
#include "engine/compiledworkflow.h"
#include "engine/engine.h"
#include "engine/metrics/metricsregistry.h"
#include "engine/session.h"
#include "engine/workflowrepository.h"
#include "sessions/sessionswidget.h"
#include "stepper/stepperpanel.h"
#include "stepper/stepperrun.h"
#include "ui/document/workflowdocument.h"

#include <QAction>
#include <QDockWidget>
#include <QLayout>
#include <QMainWindow>
#include <QMenu>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace wfs::studio {

namespace runmodelayout {

SessionsWidths sessionsDockWidths(int windowWidth, int centreWidth, int sessionsWidth,
                                  int rightWidth)
{
    SessionsWidths out;
    const int wanted = std::clamp(windowWidth * 30 / 100, 380, 560);
    const int grow = wanted - sessionsWidth;
    if (grow <= 0)
        return out;
    const int spare = std::max(0, centreWidth - (windowWidth + 1) / 2);
    const int fromRight =
        rightWidth >= 0 ? std::clamp(grow - spare, 0, std::max(0, rightWidth - 260)) : 0;
    out.resize = true;
    out.sessions = sessionsWidth + std::min(grow, spare + fromRight);
    if (fromRight > 0)
        out.right = rightWidth - fromRight;
    return out;
}

int dashboardDockHeight(int windowHeight, int centreHeight, int dockHeight)
{
    const int wanted = std::clamp(windowHeight * 45 / 100, 300, 560);
    const int room = dockHeight + std::max(0, centreHeight - windowHeight / 3);
    const int target = std::min(wanted, room);
    return dockHeight < target ? target : -1;
}

int stepperDockWidth(int windowWidth, int dockWidth, bool floating)
{
    return windowWidth >= 1400 && dockWidth < 460 && !floating ? 460 : -1;
}

} // namespace runmodelayout

namespace {

QString documentId(EditorPage *page)
{
    const Json &j = page->document()->json();
    return j.is_object() && j.contains("id") && j["id"].is_string()
               ? QString::fromStdString(j["id"].get<std::string>())
               : QString();
}

} // namespace

RunModeController::RunModeController(Engine *engine, QMainWindow *window, Window hooks)
    : QObject(window)
    , m_engine(engine)
    , m_window(window)
    , m_hooks(std::move(hooks))
{
    setObjectName(QStringLiteral("runModeController"));
    if (!m_engine)
        return; // the editor without an engine has nothing to run
    createViews();
    createMenu();
}

RunModeController::~RunModeController() = default;

void RunModeController::createViews()
{
    m_stepper = new StepperPanel(m_engine);
    // Not in a scroll area: the panel lays itself out in any height (its parts shrink, the
    // footer with Complete Step stays in view).
    m_stepperDock = m_hooks.addDock(tr("Stepper"), QStringLiteral("stepperDock"), m_stepper,
                                    Qt::RightDockWidgetArea, false);
    m_sessions = new SessionsWidget(m_engine);
    m_sessionsDock = m_hooks.addDock(tr("Sessions"), QStringLiteral("sessionsDock"), m_sessions,
                                     Qt::LeftDockWidgetArea, true);
    m_dashboard = new DashboardWidget;
    m_dashboardDock = m_hooks.addDock(tr("Dashboard"), QStringLiteral("dashboardDock"), m_dashboard,
                                      Qt::BottomDockWidgetArea, true);
    // A child of the window, after the docks (destroyed after the dashboard that shows it).
    m_dashboardSource = new RegistrySource(metrics::MetricsRegistry::global(), m_window);
    // wfs::Runtime's thread ticks the global registry's 1 s windows (Options::tickMetrics).
    m_dashboardSource->setTickRegistry(false);
    m_stepperDock->hide();
    m_sessionsDock->hide();
    m_dashboardDock->hide();

    const auto applyMarks = [this](const QString &workflowId,
                                   const WorkflowScene::RunMarks &marks) {
        for (EditorPage *p : m_hooks.pages()) {
            if (documentId(p) == workflowId)
                p->scene()->setRunMarks(marks);
        }
    };
    connect(m_stepper, &StepperPanel::marksChanged, this, applyMarks);
    connect(m_stepper, &StepperPanel::startRequested, this, [this] { startRun(); });
    connect(m_stepper, &StepperPanel::statusMessage, this,
            [this](const QString &m) { m_window->statusBar()->showMessage(m, 8000); });
    connect(m_sessions, &SessionsWidget::marksChanged, this, applyMarks);
    connect(m_sessions, &SessionsWidget::followRequested, this,
            [this](const QString &, const QString &workflowId) { follow(workflowId); });
    connect(m_sessions, &SessionsWidget::resumeRequested, this, &RunModeController::resume);
    connect(m_sessionsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible || m_sessionsDock->isFloating())
            return;
        QTimer::singleShot(0, this, [this] { widenSessionsDock(); });
    });
    // The dashboard samples only while it is shown (its cost is then ~0 when hidden).
    connect(m_dashboardDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (visible && !m_dashboardDock->isFloating())
            QTimer::singleShot(0, this, [this] { heightenDashboardDock(); });
        // Closed, not merely behind another tab of its area (that keeps it un-hidden).
        if (!visible && m_dashboardDock->isHidden())
            QTimer::singleShot(0, this, [this] { restoreBottomHeight(); });
        // The source shown (the studio's own, or the team fleet: View).
        if (visible && !m_dashboard->source())
            m_dashboard->setSource(m_dashboardSource);
        else if (visible)
            m_dashboard->source()->start();
        else if (m_dashboard->source())
            m_dashboard->source()->stop();
    });
}

void RunModeController::createMenu()
{
    m_menu = new QMenu(tr("&Run"), m_window);
    QAction *start = m_menu->addAction(tr("&Start Run"), this, [this] { startRun(); });
    start->setObjectName(QStringLiteral("runStart"));
    start->setShortcut(QKeySequence(tr("Ctrl+R", "start run")));
    start->setToolTip(tr("Walk through the current workflow as an agent would"));
    QAction *stopFollow =
        m_menu->addAction(tr("Stop &Following"), this, [this] { stopFollowing(); });
    stopFollow->setObjectName(QStringLiteral("runStopFollowing"));
    QAction *clear =
        m_menu->addAction(tr("&Clear Run Highlighting"), this, [this] { clearMarks(); });
    clear->setObjectName(QStringLiteral("runClearMarks"));
    m_menu->addSeparator();
    m_menu->addAction(m_stepperDock->toggleViewAction());
    m_menu->addAction(m_sessionsDock->toggleViewAction());
    QAction *dash = m_dashboardDock->toggleViewAction();
    dash->setObjectName(QStringLiteral("viewDashboard"));
    dash->setShortcut(QKeySequence(tr("Ctrl+Shift+D", "show dashboard")));
    m_menu->addAction(dash);
    m_actions = {start, stopFollow, clear, dash};
}

void RunModeController::pageAdded(EditorPage *page)
{
    if (!m_stepper)
        return;
    connect(page->document(), &WorkflowDocument::contentsChanged, this, [this, page] {
        if (page == m_runPage)
            m_stepper->documentChanged(engine::CompiledWorkflow::compile(page->document()->json()));
    });
    // During a run, the step selected on the canvas says why it has its status.
    connect(page->scene(), &QGraphicsScene::selectionChanged, this, [this, page] {
        if (page != m_runPage || !m_stepper->run()->isActive())
            return;
        const QStringList ids = page->scene()->selectedStepIds();
        if (ids.size() == 1)
            m_stepper->showExplanationFor(ids.first());
    });
}

EditorPage *RunModeController::pageForWorkflow(const QString &workflowId, bool open)
{
    for (EditorPage *p : m_hooks.pages()) {
        if (documentId(p) == workflowId)
            return p;
    }
    if (!open || !m_engine)
        return nullptr;
    const auto snap = m_engine->snapshot();
    const WorkflowEntry *e = snap ? snap->find(workflowId.toStdString()) : nullptr;
    if (!e)
        return nullptr;
    EditorPage *page = nullptr;
    if (!e->file.empty())
        page = m_hooks.openFile(QString::fromStdString(e->file));
    if (!page)
        page = m_hooks.newDocument(e->workflow()->document());
    return page;
}

void RunModeController::follow(const QString &workflowId)
{
    EditorPage *page = pageForWorkflow(workflowId, true);
    setFollowPage(page);
    if (page)
        m_hooks.showPage(page);
    else
        m_window->statusBar()->showMessage(
            tr("Workflow “%1” is not served by the engine").arg(workflowId), 8000);
}

void RunModeController::resume(const QString &sessionId)
{
    m_sessions->stopFollowing();
    setFollowPage(nullptr);
    // The session goes on with the workflow as the editor has it (open it if needed).
    const std::optional<Session> session = m_engine->sessions().get(sessionId.toStdString());
    EditorPage *page =
        session ? pageForWorkflow(QString::fromStdString(session->workflowId), true) : nullptr;
    m_runPage = page;
    m_stepper->setRunWorkflow(page ? engine::CompiledWorkflow::compile(page->document()->json())
                                   : nullptr);
    if (const auto r = m_stepper->resumeRun(sessionId.toStdString()); !r) {
        QMessageBox::warning(m_window, tr("Resume Session"), QString::fromStdString(r.error()));
        return;
    }
    if (page)
        m_hooks.showPage(page);
    m_stepperDock->show();
    m_stepperDock->raise();
    m_stepper->run()->changed(); // re-send the marks to the page just opened
}

void RunModeController::stopFollowing()
{
    m_sessions->stopFollowing();
    setFollowPage(nullptr);
}

void RunModeController::clearMarks()
{
    for (EditorPage *p : m_hooks.pages())
        p->scene()->setRunMarks({});
}

void RunModeController::setFollowPage(EditorPage *page)
{
    if (m_followPage && m_followPage != page) {
        m_followPage->view()->setInteractive(true);
        m_followPage->scene()->setRunMarks({});
    }
    m_followPage = page;
    if (page)
        page->view()->setInteractive(false); // following is read-only
}

bool RunModeController::startRun()
{
    if (!m_stepper)
        return false;
    EditorPage *page = m_hooks.currentPage();
    if (!page) {
        m_window->statusBar()->showMessage(tr("Open a workflow to run it"), 5000);
        return false;
    }
    const QString id = documentId(page);
    if (id.isEmpty()) {
        QMessageBox::warning(m_window, tr("Start Run"), tr("The workflow needs an id to run."));
        return false;
    }
    // The run walks the editor's document as it is now, unsaved edits included (the panel
    // says so); edits made during the run are offered to it (pageAdded).
    m_runPage = page;
    m_stepper->setRunWorkflow(engine::CompiledWorkflow::compile(page->document()->json()));
    m_sessions->stopFollowing();
    setFollowPage(nullptr);
    if (const auto r = m_stepper->startRun(id.toStdString()); !r) {
        QMessageBox::warning(m_window, tr("Start Run"), QString::fromStdString(r.error()));
        return false;
    }
    m_stepperDock->show();
    m_stepperDock->raise();
    // On a wide screen the stepper gets room for the prompt (the canvas keeps the rest).
    if (const int w = runmodelayout::stepperDockWidth(m_window->width(), m_stepperDock->width(),
                                                      m_stepperDock->isFloating());
        w >= 0)
        m_window->resizeDocks({m_stepperDock}, {w}, Qt::Horizontal);
    return true;
}

void RunModeController::widenSessionsDock()
{
    // The Sessions dock opens wide enough for its columns (id, workflow, client, step), not at
    // the library's width: it takes what the canvas can spare beyond half of the window, then
    // narrows the right column (inspector, JSON) down to 260 px.
    if (!m_sessionsDock->isVisible())
        return;
    QDockWidget *right = nullptr;
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        if (d->isVisible() && !d->isFloating() &&
            m_window->dockWidgetArea(d) == Qt::RightDockWidgetArea &&
            (!right || d->width() > right->width()))
            right = d;
    }
    const QWidget *centre = m_window->centralWidget();
    const runmodelayout::SessionsWidths w =
        runmodelayout::sessionsDockWidths(m_window->width(), centre ? centre->width() : 0,
                                          m_sessionsDock->width(), right ? right->width() : -1);
    if (!w.resize)
        return;
    QList<QDockWidget *> docks{m_sessionsDock};
    QList<int> sizes{w.sessions};
    if (w.right >= 0) {
        docks << right;
        sizes << w.right;
    }
    m_window->resizeDocks(docks, sizes, Qt::Horizontal);
}

void RunModeController::heightenDashboardDock()
{
    // Tall enough for four readable charts, as far as the canvas keeps half the height.
    const QWidget *centre = m_window->centralWidget();
    const int target = runmodelayout::dashboardDockHeight(
        m_window->height(), centre ? centre->height() : 0, m_dashboardDock->height());
    if (m_dashboardDock->isVisible() && target >= 0) {
        if (m_centreHeightBeforeDashboard < 0 && centre)
            m_centreHeightBeforeDashboard = centre->height();
        m_window->resizeDocks({m_dashboardDock}, {target}, Qt::Vertical);
    }
}

void RunModeController::restoreBottomHeight()
{
    const int before = std::exchange(m_centreHeightBeforeDashboard, -1);
    const QWidget *centre = m_window->centralWidget();
    if (before < 0 || !centre || !m_dashboardDock->isHidden())
        return;
    // The dock that was behind the dashboard is laid out first (its height is stale till then).
    if (QLayout *layout = m_window->layout())
        layout->activate();
    const int taken = before - centre->height();
    if (taken <= 0)
        return;
    QList<QDockWidget *> docks;
    QList<int> sizes;
    for (QDockWidget *d : m_window->findChildren<QDockWidget *>()) {
        if (d->isVisible() && !d->isFloating() &&
            m_window->dockWidgetArea(d) == Qt::BottomDockWidgetArea) {
            docks << d;
            sizes << std::max(d->minimumSizeHint().height(), d->height() - taken);
        }
    }
    if (!docks.isEmpty())
        m_window->resizeDocks(docks, sizes, Qt::Vertical);
}

} // namespace wfs::studio
