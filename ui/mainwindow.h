// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The studio's main window: a tab per open workflow (canvas in the centre), docks for the
// library, inspector, JSON source and problems, menus and toolbars with the standard shortcuts,
// file handling (recent files, reload on change, crash recovery) and a status bar that shows
// where data is kept (the runtime's database) and the MCP listener's state. With no tab open
// the centre shows how to start (New, Open, the Library).
//
// What agents see comes from files only: saving into a served workflow folder reloads the
// engine's repository at once; saving elsewhere offers to serve that folder, to save into the
// user's workflow folder instead, or to keep the file unserved. Files changed, replaced or
// deleted by other programs update their tabs (reloaded, asked when modified, or marked as
// gone with the contents kept).
#pragma once

#include "model/json.h"

#include "ui/settings/agentconfigs.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>

#include <optional>

class QFileSystemWatcher;
class QLabel;
class QMessageBox;
class QStackedWidget;
class QTabWidget;
class QUndoGroup;

namespace wfs {

class Engine;
class Runtime;

namespace studio {
class DashboardWidget;
class RegistrySource;
class SessionsWidget;
class StepperPanel;
class EditorPage;
class LibraryWidget;
class RecoveryManager;
class RunModeController;
class HeatMapPanel;
} // namespace studio

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    // `recoveryDir` empty = RecoveryManager::defaultDirectory().
    explicit MainWindow(Engine *engine, QWidget *parent = nullptr, const QString &recoveryDir = {});
    ~MainWindow() override;

    studio::EditorPage *currentPage() const;
    QList<studio::EditorPage *> pages() const;
    studio::LibraryWidget *library() const { return m_library; }
    studio::RecoveryManager *recovery() const { return m_recovery; }
    // Actions by object name ("fileSave", "editUndo", "insertStep", ...), for tests and menus.
    QAction *action(const QString &name) const;

    // New tab with `workflow` (blank when null).
    studio::EditorPage *newDocument(const Json &workflow = Json());
    // Opens (or switches to) a file; on failure shows the message (unless `error` is given,
    // which then receives it) and returns nullptr.
    studio::EditorPage *openFile(const QString &path, QString *error = nullptr);
    bool save(studio::EditorPage *page);
    // Saves under `path` (asks when empty). A path outside every served workflow folder gets
    // the serve offer first (dialog "serveOfferDialog", buttons "serveFolder",
    // "saveToUserFolder", "keepUnserved" and Cancel), once per path; a path in the user's
    // workflow folder is served without asking.
    bool saveAs(studio::EditorPage *page, const QString &path = {});
    // Asks Save/Discard/Cancel when modified; false = the user cancelled.
    bool closePage(studio::EditorPage *page);

    // The runtime whose database the status bar, Help > About and offerDatabaseRepair() show
    // (main() and the scenario fixture set it; without one the data label stays hidden).
    void setRuntime(Runtime *runtime);
    // When the runtime's database could not be opened, offers (in a window-modal box, shown
    // without blocking) what fits the reason: a corrupt file or a newer schema can be moved
    // aside for a fresh database, a read-only folder can be retried after it was fixed, or the
    // studio goes on without keeping data. Does nothing when the database is open or disabled.
    void offerDatabaseRepair();
    QMessageBox *databaseOffer() const;
    // "Data: ~/…/workflow-studio.db" or "Data: not kept (…)"; its tooltip has the full path or
    // the reason.
    QLabel *dataStatusLabel() const { return m_dataLabel; }
    // The text Help > About shows (database path, state and reason included).
    QString aboutText() const;
    // View > Reset Layout: docks back to their default areas, tab groups, visibility and sizes.
    void resetLayout();

    // Offers the recovery files of crashed sessions (auto-accepted when the environment has
    // WFS_RECOVERY_AUTO_ACCEPT=1). Returns how many documents were restored.
    int offerRecovery();
    // Status bar text for the MCP listener ("MCP listener: off", "... http://127.0.0.1:port").
    void setMcpStatus(const QString &text);
    QString mcpStatus() const;
    // The running MCP listener's endpoint and bearer token (main() calls this whenever the
    // server's state changes); "" when it is not running. Help > Connect an Agent shows these.
    void setMcpListener(const QString &url, const QString &token);
    QString mcpListenerUrl() const { return m_listenerUrl; }
    // What Connect an Agent shows: wfstudio with the served workflow folders as --workflows,
    // the running listener's URL and token, and the status text when it is not running.
    studio::AgentSetup agentSetup() const;

    // Serves the settings' workflow folders (then the folders main() was given on the command
    // line) at once: the repository is reconfigured, the Library and agents follow.
    void applyWorkflowDirs();
    // Where "save into my workflows" writes: the first served folder that is not the bundled
    // samples (~/.workrail/workflows when it exists, else the settings' first folder, ...);
    // ~/.workrail/workflows when none is served.
    QString userWorkflowFolder() const;
    // File > Settings… (modal).
    void showSettings();

    // Run mode (ui/runmodecontroller.h): the stepper, the Sessions list and the dashboard docks,
    // the Run menu; nullptr without an engine.
    studio::RunModeController *runMode() const { return m_runMode; }
    studio::StepperPanel *stepper() const;
    studio::SessionsWidget *sessionsList() const;
    studio::HeatMapPanel *heatMap() const { return m_heat; }
    studio::DashboardWidget *dashboard() const;
    // The dashboard's live source (MetricsRegistry::global()); main() adds the cache counters,
    // the history database and turns its registry ticking off when a Runtime ticks.
    studio::RegistrySource *dashboardSource() const;

signals:
    // Settings changed the metrics retention (days); main() passes it to the Runtime.
    void metricsRetentionChanged(int days);
    // The same for the session retention.
    void sessionRetentionChanged(int days);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    QSize firstStartSize() const;
    void fitToScreen();
    void createActions();
    void createDocks();
    void createEmptyHint();
    void updateDataStatus();
    // The status bar's data text, shortened in the middle to a third of the window's width
    // (again on every resize: a first start's smaller window must not keep it short).
    void elideDataStatus();
    void connectTeamViews();
    // The team store's sessions the Sessions list shows (most recently updated first).
    static constexpr int kTeamSessionsListed = 500;
    void databaseChoice(const QString &choice);
    // Narrows the side docks when they leave the canvas less than half the window's width.
    void keepCanvasWide();
    // A dock named `name` (saved window state) holding `content`, added in `area`; `scroll`:
    // inside a scroll area (panels of controls that have no scrolling of their own).
    QDockWidget *addDock(const QString &title, const QString &name, QWidget *content,
                         Qt::DockWidgetArea area, bool scroll = false);
    void addPage(studio::EditorPage *page, const QString &title);
    void currentChanged();
    void updateTitle();
    void updateRecentMenu();
    void addRecent(const QString &path);
    void fileChangedOnDisk(const QString &path);
    void directoryChangedOnDisk(const QString &dir);
    void watch(studio::EditorPage *page);
    void unwatch(const QString &path);
    // The serve offer for a save to `path`: the path to write (maybe in the user's folder), or
    // nullopt when the user cancelled.
    std::optional<QString> offerServing(const QString &path);
    // Adds `dir` to the settings' workflow folders and serves it.
    void serveFolder(const QString &dir);
    // Makes sure agents are served `file`, which is in the user's workflow folder: a reload
    // when the folder is a standard location created just now, else the folder added to the
    // settings' workflow folders.
    void serveInUserFolder(const QString &file);
    QString tabTitle(studio::EditorPage *page) const;
    void copy();
    void paste();
    void deleteSelection();

    Engine *m_engine;
    QStackedWidget *m_centre; ///< the tabs, or the hint when no tab is open
    QTabWidget *m_tabs;
    QWidget *m_emptyHint = nullptr;
    QStackedWidget *m_inspectorStack;
    QStackedWidget *m_jsonStack;
    QStackedWidget *m_problemsStack;
    studio::LibraryWidget *m_library = nullptr;
    QDockWidget *m_jsonDock = nullptr;
    QDockWidget *m_libraryDock = nullptr;
    QDockWidget *m_inspectorDock = nullptr;
    QDockWidget *m_problemsDock = nullptr;
    QUndoGroup *m_undoGroup;
    QFileSystemWatcher *m_watcher;
    studio::RecoveryManager *m_recovery;
    QLabel *m_mcpLabel;
    QLabel *m_dataLabel;
    Runtime *m_runtime = nullptr;
    QPointer<QMessageBox> m_databaseOffer;
    bool m_keepingCanvasWide = false;
    QString m_dataText; ///< the status bar's data text before it is shortened
    QMenu *m_recentMenu = nullptr;
    QHash<QString, QAction *> m_actions;
    QStringList m_fixedDirs;      ///< served folders not from the settings (--workflows)
    QSet<QString> m_keepUnserved; ///< paths the user chose to keep unserved
    QSet<QString> m_asking;       ///< files whose reload question is open
    QHash<QString, QByteArray> m_declinedReload; ///< disk versions the user chose not to load
    QString m_listenerUrl;
    QString m_listenerToken;

    // Creates the run mode controller (with an engine): its docks, the Run menu before Help.
    void createRunMode();
    studio::RunModeController *m_runMode = nullptr;

    // Heat map (mainwindowheat.cpp): the dock, then the Sessions dock's replay source.
    void createHeatMap();
    void connectHeatMap();
    void updateHeatMap();
    studio::HeatMapPanel *m_heat = nullptr;
    QDockWidget *m_heatDock = nullptr;
    QString m_revealedStep; ///< the followed/replayed step last scrolled into view
};

} // namespace wfs
