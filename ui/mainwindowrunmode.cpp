// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MainWindow's Run mode, kept apart from the editor's window code: the Stepper dock (a run of the
// open workflow), the Sessions dock (every session of the engine, followed live on the canvas,
// read-only) and the Dashboard dock (live performance, request log, load test), with a Run menu.
#include "mainwindow.h"

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

#include <QDockWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QTimer>

#include <algorithm>

namespace wfs {

using namespace studio;

namespace {

QString documentId(EditorPage *page)
{
    const Json &j = page->document()->json();
    return j.is_object() && j.contains("id") && j["id"].is_string()
               ? QString::fromStdString(j["id"].get<std::string>())
               : QString();
}

} // namespace

void MainWindow::createRunMode()
{
    if (!m_engine)
        return; // the editor without an engine has nothing to run
    m_stepper = new StepperPanel(m_engine);
    // Not in a scroll area: the panel lays itself out in any height (its parts shrink, the
    // footer with Complete Step stays in view).
    m_stepperDock = addDock(tr("Stepper"), QStringLiteral("stepperDock"), m_stepper,
                            Qt::RightDockWidgetArea, false);
    m_sessions = new SessionsWidget(m_engine);
    m_sessionsDock = addDock(tr("Sessions"), QStringLiteral("sessionsDock"), m_sessions,
                             Qt::LeftDockWidgetArea, true);
    m_dashboard = new DashboardWidget;
    m_dashboardDock = addDock(tr("Dashboard"), QStringLiteral("dashboardDock"), m_dashboard,
                              Qt::BottomDockWidgetArea, true);
    m_dashboardSource = new RegistrySource(metrics::MetricsRegistry::global(), this);
    // wfs::Runtime's thread ticks the global registry's 1 s windows (Options::tickMetrics).
    m_dashboardSource->setTickRegistry(false);
    m_stepperDock->hide();
    m_sessionsDock->hide();
    m_dashboardDock->hide();

    const auto applyMarks = [this](const QString &workflowId,
                                   const WorkflowScene::RunMarks &marks) {
        for (EditorPage *p : pages()) {
            if (documentId(p) == workflowId)
                p->scene()->setRunMarks(marks);
        }
    };
    connect(m_stepper, &StepperPanel::marksChanged, this, applyMarks);
    connect(m_stepper, &StepperPanel::startRequested, this, [this] { startRun(); });
    connect(m_stepper, &StepperPanel::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    connect(m_sessions, &SessionsWidget::marksChanged, this, applyMarks);
    connect(m_sessions, &SessionsWidget::followRequested, this,
            [this](const QString &, const QString &workflowId) {
                EditorPage *page = pageForWorkflow(workflowId, true);
                setFollowPage(page);
                if (page)
                    m_tabs->setCurrentWidget(page);
                else
                    statusBar()->showMessage(
                        tr("Workflow “%1” is not served by the engine").arg(workflowId), 8000);
            });
    connect(m_sessions, &SessionsWidget::resumeRequested, this, [this](const QString &id) {
        m_sessions->stopFollowing();
        setFollowPage(nullptr);
        // The session goes on with the workflow as the editor has it (open it if needed).
        const std::optional<Session> session = m_engine->sessions().get(id.toStdString());
        EditorPage *page =
            session ? pageForWorkflow(QString::fromStdString(session->workflowId), true) : nullptr;
        m_runPage = page;
        m_stepper->setRunWorkflow(page ? engine::CompiledWorkflow::compile(page->document()->json())
                                       : nullptr);
        if (const auto r = m_stepper->resumeRun(id.toStdString()); !r) {
            QMessageBox::warning(this, tr("Resume Session"), QString::fromStdString(r.error()));
            return;
        }
        if (page)
            m_tabs->setCurrentWidget(page);
        m_stepperDock->show();
        m_stepperDock->raise();
        m_stepper->run()->changed(); // re-send the marks to the page just opened
    });
    // The Sessions dock opens wide enough for its columns (id, workflow, client, step), not at
    // the library's width: it takes what the canvas can spare beyond half of the window, then
    // narrows the right column (inspector, JSON) down to 260 px.
    connect(m_sessionsDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible || m_sessionsDock->isFloating())
            return;
        QTimer::singleShot(0, this, [this] {
            if (!m_sessionsDock->isVisible())
                return;
            const int wanted = std::clamp(width() * 30 / 100, 380, 560);
            const int grow = wanted - m_sessionsDock->width();
            if (grow <= 0)
                return;
            const int spare = std::max(0, m_centre->width() - (width() + 1) / 2);
            QDockWidget *right = nullptr;
            for (QDockWidget *d : findChildren<QDockWidget *>()) {
                if (d->isVisible() && !d->isFloating() &&
                    dockWidgetArea(d) == Qt::RightDockWidgetArea &&
                    (!right || d->width() > right->width()))
                    right = d;
            }
            const int fromRight =
                right ? std::clamp(grow - spare, 0, std::max(0, right->width() - 260)) : 0;
            QList<QDockWidget *> docks{m_sessionsDock};
            QList<int> sizes{m_sessionsDock->width() + std::min(grow, spare + fromRight)};
            if (fromRight > 0) {
                docks << right;
                sizes << right->width() - fromRight;
            }
            resizeDocks(docks, sizes, Qt::Horizontal);
        });
    });
    // The dashboard samples only while it is shown (its cost is then ~0 when hidden).
    connect(m_dashboardDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        // Tall enough for four readable charts, as far as the canvas keeps half the height.
        if (visible && !m_dashboardDock->isFloating()) {
            QTimer::singleShot(0, this, [this] {
                const int wanted = std::clamp(height() * 45 / 100, 300, 560);
                const int room =
                    m_dashboardDock->height() + std::max(0, m_centre->height() - height() / 3);
                const int target = std::min(wanted, room);
                if (m_dashboardDock->isVisible() && m_dashboardDock->height() < target)
                    resizeDocks({m_dashboardDock}, {target}, Qt::Vertical);
            });
        }
        if (visible && !m_dashboard->source())
            m_dashboard->setSource(m_dashboardSource);
        else if (visible)
            m_dashboardSource->start();
        else
            m_dashboardSource->stop();
    });

    QMenu *run = new QMenu(tr("&Run"), this);
    QAction *start = run->addAction(tr("&Start Run"), this, [this] { startRun(); });
    start->setObjectName(QStringLiteral("runStart"));
    start->setShortcut(QKeySequence(tr("Ctrl+R", "start run")));
    start->setToolTip(tr("Walk through the current workflow as an agent would"));
    m_actions.insert(start->objectName(), start);
    QAction *stopFollow = run->addAction(tr("Stop &Following"), this, [this] {
        m_sessions->stopFollowing();
        setFollowPage(nullptr);
    });
    stopFollow->setObjectName(QStringLiteral("runStopFollowing"));
    m_actions.insert(stopFollow->objectName(), stopFollow);
    QAction *clear = run->addAction(tr("&Clear Run Highlighting"), this, [this] {
        for (EditorPage *p : pages())
            p->scene()->setRunMarks({});
    });
    clear->setObjectName(QStringLiteral("runClearMarks"));
    m_actions.insert(clear->objectName(), clear);
    run->addSeparator();
    run->addAction(m_stepperDock->toggleViewAction());
    run->addAction(m_sessionsDock->toggleViewAction());
    QAction *dash = m_dashboardDock->toggleViewAction();
    dash->setObjectName(QStringLiteral("viewDashboard"));
    dash->setShortcut(QKeySequence(tr("Ctrl+Shift+D", "show dashboard")));
    m_actions.insert(dash->objectName(), dash);
    run->addAction(dash);
    // Before the Help menu, which is the last one.
    const QList<QAction *> menus = menuBar()->actions();
    if (!menus.isEmpty())
        menuBar()->insertMenu(menus.last(), run);
    else
        menuBar()->addMenu(run);
}

EditorPage *MainWindow::runPage() const
{
    return m_runPage;
}

void MainWindow::connectRunMode(EditorPage *page)
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

EditorPage *MainWindow::pageForWorkflow(const QString &workflowId, bool open)
{
    for (EditorPage *p : pages()) {
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
        page = openFile(QString::fromStdString(e->file), nullptr);
    if (!page)
        page = newDocument(e->workflow()->document());
    return page;
}

void MainWindow::setFollowPage(EditorPage *page)
{
    if (m_followPage && m_followPage != page) {
        m_followPage->view()->setInteractive(true);
        m_followPage->scene()->setRunMarks({});
    }
    m_followPage = page;
    if (page)
        page->view()->setInteractive(false); // following is read-only
}

bool MainWindow::startRun()
{
    if (!m_stepper)
        return false;
    EditorPage *page = currentPage();
    if (!page) {
        statusBar()->showMessage(tr("Open a workflow to run it"), 5000);
        return false;
    }
    const QString id = documentId(page);
    if (id.isEmpty()) {
        QMessageBox::warning(this, tr("Start Run"), tr("The workflow needs an id to run."));
        return false;
    }
    // The run walks the editor's document as it is now, unsaved edits included (the panel
    // says so); edits made during the run are offered to it (connectRunMode).
    m_runPage = page;
    m_stepper->setRunWorkflow(engine::CompiledWorkflow::compile(page->document()->json()));
    m_sessions->stopFollowing();
    setFollowPage(nullptr);
    if (const auto r = m_stepper->startRun(id.toStdString()); !r) {
        QMessageBox::warning(this, tr("Start Run"), QString::fromStdString(r.error()));
        return false;
    }
    m_stepperDock->show();
    m_stepperDock->raise();
    // On a wide screen the stepper gets room for the prompt (the canvas keeps the rest).
    if (width() >= 1400 && m_stepperDock->width() < 460 && !m_stepperDock->isFloating())
        resizeDocks({m_stepperDock}, {460}, Qt::Horizontal);
    return true;
}

} // namespace wfs
