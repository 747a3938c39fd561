// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MainWindow's actions and menus (File, Edit, View, Run, Help), the recent-files menu (kept
// in AppSettings), the clipboard commands and the settings dialog.
#include "mainwindow.h"

#include "canvas/workflowscene.h"
#include "canvas/workflowview.h"
#include "dashboard/dashboardsource.h"
#include "editorpage.h"
#include "engine/engine.h"
#include "engine/runtime.h"
#include "engine/workflowrepository.h"
#include "inspector/inspectorwidget.h"
#include "jsonview/jsonview.h"
#include "library/librarywidget.h"
#include "model/jsonio.h"
#include "problems/diagnosticsrunner.h"
#include "problems/problemspanel.h"
#include "recoverymanager.h"
#include "settings/appsettings.h"
#include "settings/connectagentdialog.h"
#include "settings/settingsdialog.h"
#include "ui/document/workflowdocument.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFileSystemWatcher>
#include <QIcon>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoGroup>
#include <QVBoxLayout>

#include <algorithm>

#include <algorithm>

namespace wfs {

using namespace studio;

void MainWindow::createActions()
{
    const auto make = [this](const QString &name, const QString &text, auto slot,
                             const QKeySequence &shortcut = {},
                             QStyle::StandardPixmap icon = QStyle::SP_CustomBase) {
        auto *a = new QAction(text, this);
        a->setObjectName(name);
        if (!shortcut.isEmpty())
            a->setShortcut(shortcut);
        if (icon != QStyle::SP_CustomBase)
            a->setIcon(style()->standardIcon(icon));
        connect(a, &QAction::triggered, this, slot);
        m_actions.insert(name, a);
        return a;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(make(
        QStringLiteral("fileNew"), tr("&New"), [this] { newDocument(); }, QKeySequence::New,
        QStyle::SP_FileIcon));
    QMenu *templates = file->addMenu(tr("New from &Template"));
    const QStringList bundled =
        QDir(QStringLiteral(":/workflows")).entryList({QStringLiteral("*.json")}, QDir::Files);
    for (const QString &name : bundled) {
        templates->addAction(QFileInfo(name).completeBaseName(), this, [this, name] {
            if (EditorPage *page = openFile(QStringLiteral(":/workflows/") + name))
                page->document()->setFilePath({});
        });
    }
    templates->setEnabled(!bundled.isEmpty());
    file->addAction(make(
        QStringLiteral("fileOpen"), tr("&Open…"),
        [this] {
            const QStringList paths = QFileDialog::getOpenFileNames(
                this, tr("Open Workflow"), {}, tr("Workflows (*.json);;All files (*)"));
            for (const QString &p : paths)
                openFile(p);
        },
        QKeySequence::Open, QStyle::SP_DialogOpenButton));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    file->addSeparator();
    file->addAction(make(
        QStringLiteral("fileSave"), tr("&Save"), [this] { save(currentPage()); },
        QKeySequence::Save, QStyle::SP_DialogSaveButton));
    file->addAction(make(
        QStringLiteral("fileSaveAs"), tr("Save &As…"), [this] { saveAs(currentPage()); },
        QKeySequence::SaveAs));
    file->addAction(make(QStringLiteral("fileReload"), tr("Re&load from Disk"), [this] {
        EditorPage *page = currentPage();
        if (page && !page->document()->filePath().isEmpty())
            fileChangedOnDisk(page->document()->filePath());
    }));
    file->addAction(make(QStringLiteral("fileImport"), tr("&Import Folder…"),
                         [this] { m_library->importFolder(); }));
    file->addSeparator();
    file->addAction(make(
        QStringLiteral("fileClose"), tr("&Close"),
        [this] {
            if (EditorPage *p = currentPage())
                closePage(p);
        },
        QKeySequence::Close));
    file->addSeparator();
    file->addAction(make(
        QStringLiteral("fileSettings"), tr("Settin&gs…"), [this] { showSettings(); },
        QKeySequence::Preferences));
    file->addAction(make(
        QStringLiteral("fileQuit"), tr("&Quit"), [this] { close(); }, QKeySequence::Quit));

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *undo = m_undoGroup->createUndoAction(this, tr("&Undo"));
    undo->setObjectName(QStringLiteral("editUndo"));
    undo->setShortcut(QKeySequence::Undo);
    undo->setIcon(style()->standardIcon(QStyle::SP_ArrowBack));
    QAction *redo = m_undoGroup->createRedoAction(this, tr("&Redo"));
    redo->setObjectName(QStringLiteral("editRedo"));
    redo->setShortcut(QKeySequence::Redo);
    redo->setIcon(style()->standardIcon(QStyle::SP_ArrowForward));
    m_actions.insert(undo->objectName(), undo);
    m_actions.insert(redo->objectName(), redo);
    edit->addAction(undo);
    edit->addAction(redo);
    edit->addSeparator();
    edit->addAction(make(
        QStringLiteral("editCopy"), tr("&Copy Steps"), [this] { copy(); }, QKeySequence::Copy));
    edit->addAction(make(
        QStringLiteral("editPaste"), tr("&Paste Steps"), [this] { paste(); }, QKeySequence::Paste));
    edit->addAction(make(
        QStringLiteral("editDelete"), tr("&Delete Steps"), [this] { deleteSelection(); },
        QKeySequence::Delete, QStyle::SP_TrashIcon));
    // Keyboard reordering: one place up or down, into and out of loop bodies.
    const auto moveBy = [this](int delta) {
        EditorPage *p = currentPage();
        if (!p || !p->view()->isInteractive())
            return; // following an agent's session is read-only
        if (p->scene()->selectedPointers().empty())
            statusBar()->showMessage(tr("Select the steps to move first."), 4000);
        else if (!p->scene()->moveSelection(delta))
            statusBar()->showMessage(delta < 0 ? tr("The selection cannot move further up.")
                                               : tr("The selection cannot move further down."),
                                     4000);
    };
    edit->addAction(make(
        QStringLiteral("editMoveUp"), tr("&Move Up"), [moveBy] { moveBy(-1); },
        QKeySequence(Qt::ALT | Qt::Key_Up)));
    edit->addAction(make(
        QStringLiteral("editMoveDown"), tr("Move Dow&n"), [moveBy] { moveBy(1); },
        QKeySequence(Qt::ALT | Qt::Key_Down)));
    edit->addSeparator();
    edit->addAction(make(
        QStringLiteral("editSelectAll"), tr("Select &All Steps"),
        [this] {
            if (EditorPage *p = currentPage()) {
                std::vector<std::string> all;
                for (const auto &n : p->scene()->currentLayout().nodes)
                    all.push_back(n.pointer);
                p->scene()->selectPointers(all);
            }
        },
        QKeySequence::SelectAll));

    QMenu *insert = menuBar()->addMenu(tr("&Insert"));
    QAction *insertStep = make(QStringLiteral("insertStep"), tr("&Step"), [this] {
        if (EditorPage *p = currentPage())
            p->scene()->insertStep(p->scene()->insertionPoint());
    });
    insertStep->setShortcut(QKeySequence(tr("Ctrl+Shift+N", "insert step")));
    insertStep->setToolTip(tr("Insert a step after the selection"));
    QAction *insertLoop = make(QStringLiteral("insertLoop"), tr("&Loop"), [this] {
        if (EditorPage *p = currentPage())
            p->scene()->insertLoop(p->scene()->insertionPoint());
    });
    insertLoop->setShortcut(QKeySequence(tr("Ctrl+Shift+L", "insert loop")));
    insertLoop->setToolTip(tr("Insert a loop after the selection"));
    insert->addAction(insertStep);
    insert->addAction(insertLoop);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    const auto onView = [this](auto fn) {
        return [this, fn] {
            if (EditorPage *p = currentPage())
                fn(p->view());
        };
    };
    view->addAction(make(QStringLiteral("viewZoomIn"), tr("Zoom &In"),
                         onView([](WorkflowView *v) { v->zoomIn(); }), QKeySequence::ZoomIn));
    view->addAction(make(QStringLiteral("viewZoomOut"), tr("Zoom &Out"),
                         onView([](WorkflowView *v) { v->zoomOut(); }), QKeySequence::ZoomOut));
    view->addAction(make(QStringLiteral("viewResetZoom"), tr("&Actual Size"),
                         onView([](WorkflowView *v) { v->resetZoom(); }),
                         QKeySequence(tr("Ctrl+0"))));
    view->addAction(make(QStringLiteral("viewFit"), tr("&Fit to Window"),
                         onView([](WorkflowView *v) { v->fitToWindow(); }),
                         QKeySequence(tr("Ctrl+Shift+F"))));
    view->addSeparator();
    for (QDockWidget *d : findChildren<QDockWidget *>())
        view->addAction(d->toggleViewAction());
    view->addSeparator();
    view->addAction(
        make(QStringLiteral("viewResetLayout"), tr("&Reset Layout"), [this] { resetLayout(); }));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(make(QStringLiteral("helpConnectAgent"), tr("&Connect an Agent…"), [this] {
        ConnectAgentDialog dialog(agentSetup(), this);
        dialog.exec();
    }));
    help->addSeparator();
    help->addAction(make(QStringLiteral("helpAbout"), tr("&About Workflow Studio"), [this] {
        QMessageBox::about(this, tr("About Workflow Studio"), aboutText());
    }));

    QToolBar *main = addToolBar(tr("Main"));
    main->setObjectName(QStringLiteral("mainToolBar"));
    main->addAction(m_actions.value(QStringLiteral("fileNew")));
    main->addAction(m_actions.value(QStringLiteral("fileOpen")));
    main->addAction(m_actions.value(QStringLiteral("fileSave")));
    main->addSeparator();
    main->addAction(undo);
    main->addAction(redo);
    main->addAction(m_actions.value(QStringLiteral("editDelete")));
    QToolBar *palette = addToolBar(tr("Palette"));
    palette->setObjectName(QStringLiteral("paletteToolBar"));
    palette->setToolButtonStyle(Qt::ToolButtonTextOnly);
    palette->addAction(insertStep);
    palette->addAction(insertLoop);
    QToolBar *zoom = addToolBar(tr("Zoom"));
    zoom->setObjectName(QStringLiteral("zoomToolBar"));
    zoom->setToolButtonStyle(Qt::ToolButtonTextOnly);
    zoom->addAction(m_actions.value(QStringLiteral("viewZoomOut")));
    zoom->addAction(m_actions.value(QStringLiteral("viewZoomIn")));
    zoom->addAction(m_actions.value(QStringLiteral("viewFit")));
}

void MainWindow::addRecent(const QString &path)
{
    settings::addRecentFile(path);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = settings::recentFiles();
    for (const QString &path : recent)
        m_recentMenu->addAction(path, this, [this, path] { openFile(path); });
    if (!recent.isEmpty()) {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear List"), this, [this] {
            settings::clearRecentFiles();
            updateRecentMenu();
        });
    }
    m_recentMenu->setEnabled(!recent.isEmpty());
}

void MainWindow::copy()
{
    EditorPage *p = currentPage();
    if (!p)
        return;
    const QString text = p->scene()->copySelection();
    if (!text.isEmpty())
        QApplication::clipboard()->setText(text);
}

void MainWindow::paste()
{
    if (EditorPage *p = currentPage())
        p->scene()->paste(QApplication::clipboard()->text());
}

void MainWindow::deleteSelection()
{
    if (EditorPage *p = currentPage())
        p->scene()->deleteSelection();
}

void MainWindow::showSettings()
{
    SettingsDialog dialog(this);
    connect(&dialog, &SettingsDialog::autosaveIntervalChanged, m_recovery,
            [this](int seconds) { m_recovery->setAutosaveInterval(seconds * 1000); });
    connect(&dialog, &SettingsDialog::workflowDirsChanged, this, [this] { applyWorkflowDirs(); });
    connect(&dialog, &SettingsDialog::retentionDaysChanged, this,
            &MainWindow::metricsRetentionChanged);
    connect(&dialog, &SettingsDialog::sessionRetentionDaysChanged, this,
            &MainWindow::sessionRetentionChanged);
    dialog.exec();
}

} // namespace wfs
