// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Run mode, apart from the editor's window code: the Stepper dock (a run of the open workflow),
// the Sessions dock (every session of the engine, followed live on the canvas, read-only) and
// the Dashboard dock (live performance, request log, load test), with the Run menu. The
// controller owns the glue between them and the editor pages: which page a run walks (edits to
// it are offered to the run), the run and session marks on the pages of their workflow, the page
// that follows a session (read-only meanwhile), starting and resuming runs. The views stay views.
//
// It knows the window only through what it is handed: the QMainWindow's public surface (status
// bar, dock sizes, message boxes) and a RunModeController::Window of callbacks for the pages
// (MainWindow's tabs) and for adding docks. MainWindow creates it, adds its menu and actions,
// and tells it about every page it adds (pageAdded).
#pragma once

#include "model/json.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <Qt>

#include <functional>

class QAction;
class QDockWidget;
class QMainWindow;
class QMenu;
class QWidget;

namespace wfs {

class Engine;

namespace studio {

class DashboardWidget;
class EditorPage;
class RegistrySource;
class SessionsWidget;
class StepperPanel;

// The dock sizes run mode asks for, as pure arithmetic (tests/ui/tst_runmode.cpp).
namespace runmodelayout {

// The Sessions dock opens wide enough for its columns (id, workflow, client, step), not at the
// library's width: 30 % of the window within [380, 560] px, taken from what the canvas can
// spare beyond half of the window, then from the widest right-hand dock down to 260 px.
struct SessionsWidths
{
    bool resize = false; ///< false: the dock is wide enough, nothing changes
    int sessions = 0;    ///< the Sessions dock's new width
    int right = -1;      ///< the right-hand dock's new width; -1: left as it is
};
SessionsWidths sessionsDockWidths(int windowWidth, int centreWidth, int sessionsWidth,
                                  int rightWidth /* -1: no visible right-hand dock */);

// The Dashboard dock's height: tall enough for four readable charts (45 % of the window within
// [300, 560] px) as far as the canvas keeps a third of the window's height; never shrinks it.
// Returns the height to resize to, or -1 to leave it.
int dashboardDockHeight(int windowHeight, int centreHeight, int dockHeight);

// On a window at least 1400 px wide, the docked stepper gets 460 px for the prompt when it
// is narrower. Returns the width to resize to, or -1 to leave it.
int stepperDockWidth(int windowWidth, int dockWidth, bool floating);

} // namespace runmodelayout

class RunModeController : public QObject
{
    Q_OBJECT
public:
    // What run mode needs of the window that shows it.
    struct Window
    {
        // The open editor pages, in tab order.
        std::function<QList<EditorPage *>()> pages;
        // The current tab's page; nullptr without one.
        std::function<EditorPage *()> currentPage;
        // Opens (or switches to) `file`; nullptr when it cannot be opened.
        std::function<EditorPage *(const QString &file)> openFile;
        // A new tab with `workflow`.
        std::function<EditorPage *(const Json &workflow)> newDocument;
        // Makes `page` the current tab.
        std::function<void(EditorPage *page)> showPage;
        // Adds a dock named `name` holding `content` in `area` (`scroll`: in a scroll area).
        std::function<QDockWidget *(const QString &title, const QString &name, QWidget *content,
                                    Qt::DockWidgetArea area, bool scroll)>
            addDock;
    };

    // Without an engine there is nothing to run: no docks, no menu, startRun() is false.
    // `window` is the main window the docks are added to (its status bar, message boxes and
    // dock sizes); the controller is its child.
    RunModeController(Engine *engine, QMainWindow *window, Window hooks);
    ~RunModeController() override;

    StepperPanel *stepper() const { return m_stepper; }
    SessionsWidget *sessions() const { return m_sessions; }
    DashboardWidget *dashboard() const { return m_dashboard; }
    // The dashboard's live source (MetricsRegistry::global(), its ticking off: the Runtime ticks).
    RegistrySource *dashboardSource() const { return m_dashboardSource; }
    QDockWidget *stepperDock() const { return m_stepperDock; }
    QDockWidget *sessionsDock() const { return m_sessionsDock; }
    QDockWidget *dashboardDock() const { return m_dashboardDock; }
    // The Run menu (nullptr without an engine); the window places it in its menu bar.
    QMenu *menu() const { return m_menu; }
    // Run > Start Run, Stop Following, Clear Run Highlighting and the Dashboard dock's toggle,
    // by object name ("runStart", "runStopFollowing", "runClearMarks", "viewDashboard").
    QList<QAction *> actions() const { return m_actions; }

    // The window added `page` (a new or opened tab): its edits reach the run when it is the run
    // page, and a step selected on it during the run is explained.
    void pageAdded(EditorPage *page);

    // Starts a stepper run on the current page's workflow (unsaved edits included).
    bool startRun();
    // The page whose document the stepper's run walks.
    EditorPage *runPage() const { return m_runPage; }
    // The page following a session (read-only), if any.
    EditorPage *followPage() const { return m_followPage; }
    // Opens (or finds) the page showing `workflowId`; nullptr when the engine does not serve it
    // (or `open` is false and no page shows it).
    EditorPage *pageForWorkflow(const QString &workflowId, bool open);
    // Run > Stop Following.
    void stopFollowing();
    // Run > Clear Run Highlighting.
    void clearMarks();

private:
    void createViews();
    void createMenu();
    void follow(const QString &workflowId);
    void resume(const QString &sessionId);
    void setFollowPage(EditorPage *page);
    void widenSessionsDock();
    void heightenDashboardDock();
    // The dashboard closed (not a tab switch, not floating): the bottom docks it heightened
    // give the canvas back the height it had before the dashboard opened.
    void restoreBottomHeight();

    Engine *m_engine;
    QMainWindow *m_window;
    Window m_hooks;
    StepperPanel *m_stepper = nullptr;
    SessionsWidget *m_sessions = nullptr;
    DashboardWidget *m_dashboard = nullptr;
    RegistrySource *m_dashboardSource = nullptr;
    QDockWidget *m_stepperDock = nullptr;
    QDockWidget *m_sessionsDock = nullptr;
    QDockWidget *m_dashboardDock = nullptr;
    /// The canvas's height before the dashboard heightened the bottom docks; -1 when it did not.
    int m_centreHeightBeforeDashboard = -1;
    QMenu *m_menu = nullptr;
    QList<QAction *> m_actions;
    QPointer<EditorPage> m_runPage;
    QPointer<EditorPage> m_followPage; ///< read-only while following a session
};

} // namespace studio
} // namespace wfs
