// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MainWindow's heat map, kept apart from the editor's and run mode's window code: the Heat Map
// dock (ui/sessions/heatmappanel.h) follows the current tab and paints its overlay on the
// pages of that workflow while the dock is shown; the Sessions dock replays from the same
// session store (the embedded database's, or a team store's).
#include "mainwindow.h"

#include "canvas/workflowscene.h"
#include "editorpage.h"
#include "engine/runtime.h"
#include "engine/store/heatmap.h"
#include "sessions/heatmappanel.h"
#include "sessions/sessionswidget.h"
#include "ui/document/workflowdocument.h"

#include <QDockWidget>
#include <QTabWidget>

namespace wfs {

using namespace studio;

namespace {

QString workflowIdOf(EditorPage *page)
{
    const Json &j = page->document()->json();
    return j.is_object() && j.contains("id") && j["id"].is_string()
               ? QString::fromStdString(j["id"].get<std::string>())
               : QString();
}

} // namespace

void MainWindow::createHeatMap()
{
    if (!m_engine)
        return;
    m_heat = new HeatMapPanel(m_engine,
                              [this] { return m_runtime ? m_runtime->sessionStore() : nullptr; });
    m_heatDock =
        addDock(tr("Heat Map"), QStringLiteral("heatDock"), m_heat, Qt::BottomDockWidgetArea, true);
    m_heatDock->hide();
    connect(
        m_heat, &HeatMapPanel::heatChanged, this,
        [this](const QString &workflowId, const QHash<QString, WorkflowScene::HeatCell> &cells) {
            for (EditorPage *p : pages()) {
                if (workflowIdOf(p) == workflowId)
                    p->scene()->setHeat(cells);
            }
        });
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::updateHeatMap);
    connect(m_heatDock, &QDockWidget::visibilityChanged, this, &MainWindow::updateHeatMap);
}

void MainWindow::connectHeatMap()
{
    SessionsWidget *sessions = sessionsList();
    if (!sessions)
        return;
    sessions->setCallLog([this] { return m_runtime ? m_runtime->sessionStore() : nullptr; });
    // Replay and follow: the step of the call shown comes into view when it changes (not at
    // every update of the same step, so the canvas can be scrolled meanwhile).
    connect(sessions, &SessionsWidget::marksChanged, this,
            [this](const QString &workflowId, const WorkflowScene::RunMarks &marks) {
                const QString current = QString::fromStdString(marks.current);
                if (current.isEmpty() || current == m_revealedStep)
                    return;
                m_revealedStep = current;
                for (EditorPage *p : pages()) {
                    if (workflowIdOf(p) != workflowId)
                        continue;
                    if (const std::string pointer = p->document()->findStep(current);
                        !pointer.empty())
                        p->scene()->reveal(pointer);
                }
            });
}

void MainWindow::updateHeatMap()
{
    if (!m_heat)
        return;
    EditorPage *page = m_heatDock->isVisible() ? currentPage() : nullptr;
    if (!page) {
        m_heat->setWorkflow({}, {});
        return;
    }
    m_heat->setWorkflow(workflowIdOf(page), store::stepOrderOf(page->document()->json()));
    m_heat->refresh(); // the same workflow again: its sessions may have moved on
}

} // namespace wfs
