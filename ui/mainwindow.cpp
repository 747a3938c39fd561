// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "mainwindow.h"

#include "canvas/workflowscene.h"
#include "canvas/workflowview.h"
#include "common/wheelguard.h"
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
#include "runmodecontroller.h"
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
#include <QScreen>
#include <QScrollArea>
#include <QSettings>
#include <QStackedWidget>
#include <QStatusBar>
#include <QStyle>
#include <QTabWidget>
#include <QTimer>
#include <QToolBar>
#include <QUndoGroup>
#include <QVBoxLayout>

#include <algorithm>

#include <algorithm>

namespace wfs {

using namespace studio;

namespace {
// A file reported missing may be back a moment later (editors that delete, then write).
constexpr int kMissingGraceMs = 300;

QString absoluteDir(const QString &dir)
{
    return QDir::cleanPath(QDir::current().absoluteFilePath(dir));
}

QString parentDir(const QString &file)
{
    return QDir::cleanPath(QFileInfo(file).absolutePath());
}
} // namespace

MainWindow::MainWindow(Engine *engine, QWidget *parent, const QString &recoveryDir)
    : QMainWindow(parent)
    , m_engine(engine)
    , m_centre(new QStackedWidget(this))
    , m_tabs(new QTabWidget(m_centre))
    , m_inspectorStack(new QStackedWidget)
    , m_jsonStack(new QStackedWidget)
    , m_problemsStack(new QStackedWidget)
    , m_undoGroup(new QUndoGroup(this))
    , m_watcher(new QFileSystemWatcher(this))
    , m_recovery(new RecoveryManager(
          recoveryDir.isEmpty() ? RecoveryManager::defaultDirectory() : recoveryDir, this))
    , m_mcpLabel(new QLabel(this))
    , m_dataLabel(new QLabel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    // Scrolling a form (the inspector above all) must not edit it.
    installWheelGuard(qobject_cast<QApplication *>(QCoreApplication::instance()));
    setWindowTitle(tr("Workflow Studio"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/workflow-studio.svg")));
    // The first start's size before the docks are laid out: resetLayout() sizes them for it.
    resize(firstStartSize());
    m_tabs->setTabsClosable(true);
    m_tabs->setMovable(true);
    m_tabs->setDocumentMode(true);
    m_centre->setObjectName(QStringLiteral("centre"));
    m_centre->addWidget(m_tabs);
    setCentralWidget(m_centre);
    connect(m_tabs, &QTabWidget::currentChanged, this, &MainWindow::currentChanged);
    connect(m_tabs, &QTabWidget::tabCloseRequested, this, [this](int index) {
        closePage(static_cast<EditorPage *>(m_tabs->widget(index)));
    });
    connect(m_watcher, &QFileSystemWatcher::fileChanged, this, &MainWindow::fileChangedOnDisk);
    connect(m_watcher, &QFileSystemWatcher::directoryChanged, this,
            &MainWindow::directoryChangedOnDisk);
    if (m_engine) {
        // The served folders that are not the settings' came from the command line: they stay
        // when the settings' folders change.
        QStringList fromSettings;
        for (const QString &d : settings::workflowDirs())
            fromSettings << absoluteDir(d);
        for (const std::string &d : m_engine->repository().extraDirs()) {
            const QString abs = absoluteDir(QString::fromStdString(d));
            if (!fromSettings.contains(abs) && !m_fixedDirs.contains(abs))
                m_fixedDirs << abs;
        }
    }

    // The right column (inspector, JSON, stepper) runs down to the status bar: the stepper's
    // prompt, context and Complete Step get the window's full height; the problems list
    // spans the canvas and the library.
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    createDocks();
    createHeatMap();
    createActions();
    createRunMode();
    connectHeatMap();
    createEmptyHint();
    resetLayout();
    m_dataLabel->setObjectName(QStringLiteral("dataStatus"));
    m_dataLabel->hide(); // until setRuntime()
    statusBar()->addPermanentWidget(m_dataLabel);
    m_mcpLabel->setObjectName(QStringLiteral("mcpStatus"));
    statusBar()->addPermanentWidget(m_mcpLabel);
    setMcpStatus(tr("MCP listener: off"));
    connect(m_recovery, &RecoveryManager::writeFailed, this,
            [this](const QString &message) { statusBar()->showMessage(message, 15000); });
    if (!m_recovery->lastError().isEmpty()) {
        QTimer::singleShot(0, this,
                           [this] { statusBar()->showMessage(m_recovery->lastError(), 15000); });
    }

    QSettings settings;
    if (!restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray()))
        fitToScreen();
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    updateRecentMenu();
    currentChanged();
}

// The first start (no saved geometry): 1400x880 where the screen has room for it, else nine
// tenths of the screen's free area.
QSize MainWindow::firstStartSize() const
{
    const QSize preferred(1400, 880);
    const QScreen *s = screen();
    return s ? preferred.boundedTo(s->availableGeometry().size() * 0.9) : preferred;
}

// That size, never below what the docks need, centred on the screen.
void MainWindow::fitToScreen()
{
    const QScreen *s = screen();
    if (!s)
        return; // the constructor's firstStartSize() stands
    const QRect free = s->availableGeometry();
    const QSize size = firstStartSize().expandedTo(minimumSizeHint()).boundedTo(free.size());
    setGeometry(QStyle::alignedRect(Qt::LeftToRight, Qt::AlignCenter, size, free));
}

MainWindow::~MainWindow()
{
    // Pages own side views that live in the docks: delete the pages first.
    while (m_tabs->count() > 0) {
        QWidget *w = m_tabs->widget(0);
        m_tabs->removeTab(0);
        delete w;
    }
}

QAction *MainWindow::action(const QString &name) const
{
    return m_actions.value(name);
}

EditorPage *MainWindow::currentPage() const
{
    return static_cast<EditorPage *>(m_tabs->currentWidget());
}

QList<EditorPage *> MainWindow::pages() const
{
    QList<EditorPage *> out;
    for (int i = 0; i < m_tabs->count(); ++i)
        out << static_cast<EditorPage *>(m_tabs->widget(i));
    return out;
}

QDockWidget *MainWindow::addDock(const QString &title, const QString &name, QWidget *content,
                                 Qt::DockWidgetArea area, bool scroll)
{
    auto *d = new QDockWidget(title, this);
    d->setObjectName(name);
    if (scroll) {
        // A panel of fixed controls (not a view that scrolls itself) may be shorter or
        // narrower than they need: it scrolls then, instead of forcing its minimum size on
        // the window (a 1024x700 screen with every dock open).
        auto *area = new QScrollArea(d);
        area->setObjectName(name + QStringLiteral("Scroll"));
        area->setWidgetResizable(true);
        area->setFrameShape(QFrame::NoFrame);
        area->setWidget(content);
        d->setWidget(area);
    } else {
        d->setWidget(content);
    }
    addDockWidget(area, d);
    // A dock opened from a menu comes to the front of its tab group.
    connect(d->toggleViewAction(), &QAction::triggered, d, [d](bool on) {
        if (on)
            d->raise();
    });
    // A dock shown or moved may take width from the canvas: give it back.
    connect(d, &QDockWidget::visibilityChanged, this, [this] { keepCanvasWide(); });
    connect(d, &QDockWidget::dockLocationChanged, this, [this] { keepCanvasWide(); });
    return d;
}

void MainWindow::createDocks()
{
    m_library = new LibraryWidget(m_engine);
    m_libraryDock =
        addDock(tr("Library"), QStringLiteral("libraryDock"), m_library, Qt::LeftDockWidgetArea);
    connect(m_library, &LibraryWidget::openRequested, this,
            [this](const QString &path) { openFile(path); });
    connect(m_library, &LibraryWidget::statusMessage, this,
            [this](const QString &m) { statusBar()->showMessage(m, 5000); });
    m_inspectorDock = addDock(tr("Inspector"), QStringLiteral("inspectorDock"), m_inspectorStack,
                              Qt::RightDockWidgetArea);
    m_jsonDock =
        addDock(tr("JSON"), QStringLiteral("jsonDock"), m_jsonStack, Qt::RightDockWidgetArea);
    m_problemsDock = addDock(tr("Problems"), QStringLiteral("problemsDock"), m_problemsStack,
                             Qt::BottomDockWidgetArea);
}

void MainWindow::createRunMode()
{
    if (!m_engine)
        return; // the editor without an engine has nothing to run
    RunModeController::Window window;
    window.pages = [this] { return pages(); };
    window.currentPage = [this] { return currentPage(); };
    window.openFile = [this](const QString &file) { return openFile(file, nullptr); };
    window.newDocument = [this](const Json &workflow) { return newDocument(workflow); };
    window.showPage = [this](EditorPage *page) { m_tabs->setCurrentWidget(page); };
    window.addDock = [this](const QString &title, const QString &name, QWidget *content,
                            Qt::DockWidgetArea area,
                            bool scroll) { return addDock(title, name, content, area, scroll); };
    m_runMode = new RunModeController(m_engine, this, std::move(window));
    for (QAction *a : m_runMode->actions())
        m_actions.insert(a->objectName(), a);
    // Before the Help menu, which is the last one.
    const QList<QAction *> menus = menuBar()->actions();
    if (!menus.isEmpty())
        menuBar()->insertMenu(menus.last(), m_runMode->menu());
    else
        menuBar()->addMenu(m_runMode->menu());
}

StepperPanel *MainWindow::stepper() const
{
    return m_runMode ? m_runMode->stepper() : nullptr;
}

SessionsWidget *MainWindow::sessionsList() const
{
    return m_runMode ? m_runMode->sessions() : nullptr;
}

DashboardWidget *MainWindow::dashboard() const
{
    return m_runMode ? m_runMode->dashboard() : nullptr;
}

RegistrySource *MainWindow::dashboardSource() const
{
    return m_runMode ? m_runMode->dashboardSource() : nullptr;
}

void MainWindow::createEmptyHint()
{
    m_emptyHint = new QWidget(m_centre);
    m_emptyHint->setObjectName(QStringLiteral("emptyHint"));
    auto *layout = new QVBoxLayout(m_emptyHint);
    layout->addStretch(2);
    auto *title = new QLabel(tr("No workflow open"), m_emptyHint);
    title->setObjectName(QStringLiteral("emptyHintTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    layout->addWidget(title);
    const auto keys = [](QKeySequence::StandardKey key) {
        return QKeySequence(key).toString(QKeySequence::NativeText);
    };
    auto *text = new QLabel(tr("Create a new workflow (%1), open a file (%2), or pick one in the "
                               "Library.")
                                .arg(keys(QKeySequence::New), keys(QKeySequence::Open)),
                            m_emptyHint);
    text->setObjectName(QStringLiteral("emptyHintText"));
    text->setAlignment(Qt::AlignCenter);
    text->setWordWrap(true);
    layout->addWidget(text);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    auto *newButton = new QPushButton(tr("New Workflow"), m_emptyHint);
    newButton->setObjectName(QStringLiteral("emptyHintNew"));
    connect(newButton, &QPushButton::clicked, this, [this] { newDocument(); });
    auto *openButton = new QPushButton(tr("Open…"), m_emptyHint);
    openButton->setObjectName(QStringLiteral("emptyHintOpen"));
    connect(openButton, &QPushButton::clicked, m_actions.value(QStringLiteral("fileOpen")),
            &QAction::trigger);
    auto *libraryButton = new QPushButton(tr("Show Library"), m_emptyHint);
    libraryButton->setObjectName(QStringLiteral("emptyHintLibrary"));
    connect(libraryButton, &QPushButton::clicked, this, [this] {
        m_libraryDock->show();
        m_libraryDock->raise();
        m_library->setFocus();
    });
    for (QPushButton *b : {newButton, openButton, libraryButton})
        buttons->addWidget(b);
    buttons->addStretch();
    layout->addLayout(buttons);
    layout->addStretch(3);
    m_centre->addWidget(m_emptyHint);
}

void MainWindow::resetLayout()
{
    struct Place
    {
        QDockWidget *dock;
        Qt::DockWidgetArea area;
        bool shown;
    };
    // One column left (the library, the sessions as a tab), one right (inspector, JSON and the
    // stepper as tabs), one row below (problems, the dashboard as a tab): every dock fits a
    // 1024-pixel-wide window next to a canvas of at least half of it.
    QDockWidget *sessionsDock = m_runMode ? m_runMode->sessionsDock() : nullptr;
    QDockWidget *stepperDock = m_runMode ? m_runMode->stepperDock() : nullptr;
    QDockWidget *dashboardDock = m_runMode ? m_runMode->dashboardDock() : nullptr;
    const Place places[] = {{m_libraryDock, Qt::LeftDockWidgetArea, true},
                            {sessionsDock, Qt::LeftDockWidgetArea, false},
                            {m_inspectorDock, Qt::RightDockWidgetArea, true},
                            {m_jsonDock, Qt::RightDockWidgetArea, true},
                            {stepperDock, Qt::RightDockWidgetArea, false},
                            {m_problemsDock, Qt::BottomDockWidgetArea, true},
                            {dashboardDock, Qt::BottomDockWidgetArea, false},
                            {m_heatDock, Qt::BottomDockWidgetArea, false}};
    for (const Place &p : places) {
        if (!p.dock)
            continue;
        p.dock->setFloating(false);
        removeDockWidget(p.dock);
    }
    QHash<int, QDockWidget *> first;
    for (const Place &p : places) {
        if (!p.dock)
            continue;
        if (QDockWidget *f = first.value(int(p.area))) {
            tabifyDockWidget(f, p.dock);
        } else {
            addDockWidget(p.area, p.dock);
            first.insert(int(p.area), p.dock);
        }
        p.dock->setVisible(p.shown);
    }
    for (QDockWidget *d : {m_libraryDock, m_inspectorDock, m_problemsDock})
        d->raise();
    for (QToolBar *bar : findChildren<QToolBar *>(Qt::FindDirectChildrenOnly)) {
        addToolBar(Qt::TopToolBarArea, bar);
        bar->show();
    }
    const int w = width();
    resizeDocks({m_libraryDock, m_inspectorDock},
                {std::clamp(w * 18 / 100, 170, 320), std::clamp(w * 28 / 100, 250, 460)},
                Qt::Horizontal);
    resizeDocks({m_problemsDock}, {std::clamp(height() * 20 / 100, 110, 260)}, Qt::Vertical);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    keepCanvasWide();
    elideDataStatus();
}

void MainWindow::keepCanvasWide()
{
    if (m_keepingCanvasWide)
        return;
    // After the layout has placed the docks for the new size.
    m_keepingCanvasWide = true;
    QTimer::singleShot(0, this, [this] {
        m_keepingCanvasWide = false;
        const int total = width();
        const int canvas = m_centre->width();
        if (canvas * 2 >= total)
            return;
        QDockWidget *left = nullptr;
        QDockWidget *right = nullptr;
        for (QDockWidget *d : findChildren<QDockWidget *>()) {
            if (!d->isVisible() || d->isFloating())
                continue;
            const Qt::DockWidgetArea area = dockWidgetArea(d);
            if (area == Qt::LeftDockWidgetArea && (!left || d->width() > left->width()))
                left = d;
            else if (area == Qt::RightDockWidgetArea && (!right || d->width() > right->width()))
                right = d;
        }
        const int l = left ? left->width() : 0;
        const int r = right ? right->width() : 0;
        if (l + r <= 0)
            return;
        const int excess = (total + 1) / 2 - canvas;
        QList<QDockWidget *> docks;
        QList<int> sizes;
        if (left) {
            docks << left;
            sizes << std::max(1, l - excess * l / (l + r) - 1);
        }
        if (right) {
            docks << right;
            sizes << std::max(1, r - excess * r / (l + r) - 1);
        }
        resizeDocks(docks, sizes, Qt::Horizontal);
    });
}

void MainWindow::addPage(EditorPage *page, const QString &title)
{
    m_inspectorStack->addWidget(page->inspector());
    m_jsonStack->addWidget(page->jsonView());
    m_problemsStack->addWidget(page->problems());
    m_undoGroup->addStack(page->document()->undoStack());
    const int index = m_tabs->addTab(page, title);
    WorkflowDocument *doc = page->document();
    const auto retitle = [this, page] {
        const int i = m_tabs->indexOf(page);
        if (i >= 0) {
            m_tabs->setTabText(i, tabTitle(page));
            const QString file = page->document()->filePath();
            m_tabs->setTabToolTip(i, file.isEmpty() ? tr("Not saved yet") : file);
        }
        if (page == currentPage())
            updateTitle();
    };
    connect(doc, &WorkflowDocument::modifiedChanged, this, retitle);
    connect(doc, &WorkflowDocument::filePathChanged, this, retitle);
    connect(page, &EditorPage::fileMissingChanged, this, retitle);
    // The tab shows the workflow's name: follow renames (inspector, JSON view, undo).
    connect(doc, &WorkflowDocument::workflowChanged, this, retitle);
    connect(doc, &WorkflowDocument::modelReset, this, retitle);
    connect(page, &EditorPage::jsonViewRequested, this, [this] {
        m_jsonDock->show();
        m_jsonDock->raise();
    });
    connect(page->scene(), &WorkflowScene::gestureFailed, this,
            [this](const QString &m) { statusBar()->showMessage(m, 8000); });
    m_recovery->track(doc);
    if (m_runMode)
        m_runMode->pageAdded(page);
    m_tabs->setCurrentIndex(index);
    retitle();
}

EditorPage *MainWindow::newDocument(const Json &workflow)
{
    auto *page = new EditorPage;
    page->document()->load(workflow.is_null() ? WorkflowDocument::blankWorkflow() : workflow);
    addPage(page, QString());
    page->view()->showTop();
    return page;
}

EditorPage *MainWindow::openFile(const QString &path, QString *error)
{
    const QString clean = path.startsWith(QLatin1Char(':')) ? path
                                                            : QFileInfo(path).absoluteFilePath();
    for (EditorPage *p : pages()) {
        if (!clean.startsWith(QLatin1Char(':')) && p->document()->filePath() == clean) {
            m_tabs->setCurrentWidget(p);
            return p;
        }
    }
    auto *page = new EditorPage;
    const Result<void> loaded = page->loadFile(clean);
    if (!loaded) {
        delete page;
        const QString message = tr("Cannot open %1:\n%2")
                                    .arg(path, QString::fromStdString(loaded.error()));
        if (error)
            *error = message;
        else
            QMessageBox::warning(this, tr("Open Workflow"), message);
        return nullptr;
    }
    addPage(page, QString());
    if (!clean.startsWith(QLatin1Char(':'))) {
        addRecent(clean);
        watch(page);
    }
    statusBar()->showMessage(tr("Opened %1").arg(path), 3000);
    return page;
}

bool MainWindow::save(EditorPage *page)
{
    if (!page)
        return false;
    if (page->document()->filePath().isEmpty())
        return saveAs(page);
    return saveAs(page, page->document()->filePath());
}

bool MainWindow::saveAs(EditorPage *page, const QString &pathArg)
{
    if (!page)
        return false;
    QString path = pathArg;
    if (path.isEmpty()) {
        const Json &j = page->document()->json();
        const QString suggested = j.is_object() && j.contains("id") && j["id"].is_string()
                                      ? QString::fromStdString(j["id"].get<std::string>())
                                            + QStringLiteral(".json")
                                      : QStringLiteral("workflow.json");
        // The dialog starts in the user's workflow folder, created first: a folder that does
        // not exist yet would have the dialog open in the working directory instead.
        const QString folder = userWorkflowFolder();
        QDir().mkpath(folder);
        path = QFileDialog::getSaveFileName(
            this, tr("Save Workflow"), QDir(folder).filePath(suggested), tr("Workflows (*.json)"));
        if (path.isEmpty())
            return false;
    }
    path = QFileInfo(path).absoluteFilePath();
    const std::optional<QString> target = offerServing(path);
    if (!target)
        return false;
    path = *target;
    const QString old = page->document()->filePath();
    if (!old.isEmpty())
        unwatch(old);
    const Result<void> saved = page->saveTo(path);
    watch(page);
    if (!saved) {
        QMessageBox::warning(this, tr("Save Workflow"), QString::fromStdString(saved.error()));
        return false;
    }
    m_recovery->writeNow(page->document());
    addRecent(page->document()->filePath());
    if (m_engine && m_engine->repository().servesFile(path.toStdString())) {
        // Agents and the Library get the saved file now, not after the watcher's debounce; the
        // rebuild (only the saved file is read again) and the cache's purge run on the
        // repository's worker thread, not here.
        m_engine->repository().reloadAsync();
    }
    // Saved all the same, but say so when the workflow has errors (an agent cannot run it).
    const Diagnostics &problems = page->runner()->checkNow();
    const auto errors = std::count_if(problems.begin(), problems.end(), [](const Diagnostic &d) {
        return d.severity == Severity::Error;
    });
    if (errors > 0) {
        m_problemsDock->show();
        m_problemsDock->raise();
        statusBar()->showMessage(
            tr("Saved %1 with %n error(s): agents cannot run this workflow until they are fixed "
               "(see Problems).",
               nullptr, static_cast<int>(errors))
                .arg(path),
            10000);
        return true;
    }
    statusBar()->showMessage(tr("Saved %1").arg(path), 3000);
    return true;
}

std::optional<QString> MainWindow::offerServing(const QString &path)
{
    if (!m_engine || m_engine->repository().servesFile(path.toStdString())
        || m_keepUnserved.contains(path))
        return path;
    const QString dir = parentDir(path);
    const QString userDir = userWorkflowFolder();
    if (absoluteDir(dir) == absoluteDir(userDir)) {
        // The folder the studio offers for workflows: served without asking.
        serveInUserFolder(path);
        return path;
    }
    QMessageBox box(QMessageBox::Question, tr("Serve This Workflow?"),
                    tr("%1 is not in a workflow folder the studio serves, so agents will not "
                       "see this workflow.")
                        .arg(path),
                    QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("serveOfferDialog"));
    box.setInformativeText(
        tr("Serve the folder %1 (it is added to the workflow folders in the settings), save "
           "into your workflow folder %2 instead, or keep the file where it is, unserved?")
            .arg(QDir::toNativeSeparators(dir), QDir::toNativeSeparators(userDir)));
    QPushButton *serve = box.addButton(tr("Serve the Folder"), QMessageBox::AcceptRole);
    serve->setObjectName(QStringLiteral("serveFolder"));
    QPushButton *user = box.addButton(tr("Save in My Workflows"), QMessageBox::AcceptRole);
    user->setObjectName(QStringLiteral("saveToUserFolder"));
    QPushButton *keep = box.addButton(tr("Keep Unserved"), QMessageBox::AcceptRole);
    keep->setObjectName(QStringLiteral("keepUnserved"));
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelSave"));
    box.setDefaultButton(serve);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == serve) {
        serveFolder(dir);
        return path;
    }
    if (box.clickedButton() == keep) {
        m_keepUnserved.insert(path);
        return path;
    }
    if (box.clickedButton() != user)
        return std::nullopt;
    if (!QDir().mkpath(userDir)) {
        QMessageBox::warning(this, tr("Save Workflow"), tr("Cannot create %1.").arg(userDir));
        return std::nullopt;
    }
    const QFileInfo chosen(path);
    QString target = QDir(userDir).filePath(chosen.fileName());
    for (int n = 2; QFile::exists(target); ++n) // never overwrite another workflow
        target = QDir(userDir).filePath(QStringLiteral("%1-%2.%3")
                                            .arg(chosen.completeBaseName())
                                            .arg(n)
                                            .arg(chosen.suffix()));
    serveInUserFolder(target);
    return target;
}

void MainWindow::serveInUserFolder(const QString &file)
{
    if (m_engine->repository().servesFile(file.toStdString()))
        return;
    // ~/.workrail/workflows created just now: a standard location once it exists.
    m_engine->repository().reload();
    if (!m_engine->repository().servesFile(file.toStdString()))
        serveFolder(parentDir(file));
}

void MainWindow::serveFolder(const QString &dir)
{
    QStringList dirs = settings::workflowDirs();
    QStringList absolute;
    for (const QString &d : dirs)
        absolute << absoluteDir(d);
    if (!absolute.contains(absoluteDir(dir))) {
        dirs << absoluteDir(dir);
        QSettings().setValue(QString::fromLatin1(settings::kWorkflowDirs), dirs);
    }
    applyWorkflowDirs();
    statusBar()->showMessage(tr("Serving the workflows in %1").arg(dir), 5000);
}

void MainWindow::applyWorkflowDirs()
{
    if (!m_engine)
        return;
    QStringList all;
    for (const QString &d : settings::workflowDirs() + m_fixedDirs) {
        const QString abs = absoluteDir(d);
        if (!all.contains(abs))
            all << abs;
    }
    std::vector<std::string> dirs;
    for (const QString &d : all)
        dirs.push_back(d.toStdString());
    m_engine->repository().setExtraDirs(std::move(dirs));
}

QString MainWindow::userWorkflowFolder() const
{
    if (m_engine) {
        for (const std::string &d : m_engine->repository().directories()) {
            if (d.rfind(":/", 0) != 0)
                return QString::fromStdString(d);
        }
    }
    return LibraryWidget::userDirectory();
}

bool MainWindow::closePage(EditorPage *page)
{
    if (!page)
        return true;
    if (page->document()->isModified()) {
        m_tabs->setCurrentWidget(page);
        const auto answer = QMessageBox::question(
            this, tr("Unsaved Changes"),
            tr("“%1” has unsaved changes. Save them?").arg(page->document()->displayName()),
            QMessageBox::Save | QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Save);
        if (answer == QMessageBox::Cancel)
            return false;
        if (answer == QMessageBox::Save && !save(page))
            return false;
    }
    if (!page->document()->filePath().isEmpty())
        unwatch(page->document()->filePath());
    m_recovery->untrack(page->document());
    m_undoGroup->removeStack(page->document()->undoStack());
    m_tabs->removeTab(m_tabs->indexOf(page));
    delete page;
    return true;
}

void MainWindow::currentChanged()
{
    EditorPage *page = currentPage();
    if (m_emptyHint)
        m_centre->setCurrentWidget(page ? static_cast<QWidget *>(m_tabs) : m_emptyHint);
    if (page) {
        m_inspectorStack->setCurrentWidget(page->inspector());
        m_jsonStack->setCurrentWidget(page->jsonView());
        m_problemsStack->setCurrentWidget(page->problems());
        m_undoGroup->setActiveStack(page->document()->undoStack());
    } else {
        m_undoGroup->setActiveStack(nullptr);
    }
    for (const char *name : {"fileSave", "fileSaveAs", "fileClose", "fileReload", "editCopy",
                             "editPaste", "editDelete", "editMoveUp", "editMoveDown",
                             "editSelectAll", "insertStep",
                             "insertLoop", "viewZoomIn", "viewZoomOut", "viewResetZoom",
                             "viewFit"}) {
        if (QAction *a = m_actions.value(QString::fromLatin1(name)))
            a->setEnabled(page != nullptr);
    }
    updateTitle();
}

void MainWindow::updateTitle()
{
    EditorPage *page = currentPage();
    if (!page) {
        setWindowTitle(tr("Workflow Studio"));
        setWindowModified(false);
        return;
    }
    setWindowTitle(tr("%1[*] — Workflow Studio").arg(page->document()->workflowName()));
    setWindowModified(page->document()->isModified());
}

QString MainWindow::tabTitle(EditorPage *page) const
{
    WorkflowDocument *doc = page->document();
    QString title = doc->workflowName();
    if (page->isFileMissing())
        title = tr("%1 (deleted)").arg(title);
    return title + (doc->isModified() ? QStringLiteral(" *") : QString());
}

void MainWindow::watch(EditorPage *page)
{
    const QString path = page->document()->filePath();
    if (path.isEmpty())
        return;
    if (QFile::exists(path) && !m_watcher->files().contains(path))
        m_watcher->addPath(path);
    // The folder too: a file replaced, deleted or brought back shows there.
    const QString dir = parentDir(path);
    if (QFileInfo(dir).isDir() && !m_watcher->directories().contains(dir))
        m_watcher->addPath(dir);
}

void MainWindow::unwatch(const QString &path)
{
    if (m_watcher->files().contains(path))
        m_watcher->removePath(path);
    const QString dir = parentDir(path);
    for (EditorPage *p : pages()) {
        const QString other = p->document()->filePath();
        if (!other.isEmpty() && other != path && parentDir(other) == dir)
            return; // another tab still needs the folder
    }
    if (m_watcher->directories().contains(dir))
        m_watcher->removePath(dir);
}

void MainWindow::directoryChangedOnDisk(const QString &dir)
{
    for (EditorPage *p : pages()) {
        const QString path = p->document()->filePath();
        if (!path.isEmpty() && parentDir(path) == dir)
            fileChangedOnDisk(path);
    }
}

void MainWindow::fileChangedOnDisk(const QString &path)
{
    EditorPage *page = nullptr;
    for (EditorPage *p : pages()) {
        if (p->document()->filePath() == path)
            page = p;
    }
    if (!page)
        return;
    if (!QFile::exists(path)) {
        if (page->isFileMissing())
            return;
        // Gone, or being replaced: look again shortly before saying so.
        QTimer::singleShot(kMissingGraceMs, this, [this, path, guard = QPointer(page)] {
            if (!guard || guard->document()->filePath() != path || QFile::exists(path)
                || guard->isFileMissing())
                return;
            guard->setFileMissing(true);
            statusBar()->showMessage(
                tr("%1 was deleted by another program; its tab keeps the workflow.").arg(path),
                8000);
        });
        return;
    }
    // Editors often replace the file: watch the new one.
    if (!m_watcher->files().contains(path))
        m_watcher->addPath(path);
    page->setFileMissing(false); // back (replaced, or written again)
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return; // being replaced; the change after it reports the new file
    const QByteArray bytes = file.readAll();
    if (bytes == page->lastDiskBytes())
        return; // our own save, or no real change
    if (m_declinedReload.value(path) == bytes)
        return; // already asked about this version, and the user kept theirs
    const ParsedJson parsed = parseJson(bytes.toStdString(), path.toStdString());
    if (parsed.ok && parsed.value == page->document()->json())
        return;
    if (page->document()->isModified()) {
        if (m_asking.contains(path))
            return; // the file's and the folder's events for one change: ask once
        m_asking.insert(path);
        m_tabs->setCurrentWidget(page);
        const auto answer = QMessageBox::question(
            this, tr("File Changed on Disk"),
            tr("%1 was changed by another program, and you have unsaved changes here. Reload "
               "it and lose your changes?")
                .arg(path),
            QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        m_asking.remove(path);
        if (answer != QMessageBox::Yes) {
            m_declinedReload.insert(path, bytes);
            return;
        }
        // The page may have gone while the question was open.
        if (!pages().contains(page) || page->document()->filePath() != path)
            return;
    }
    m_declinedReload.remove(path);
    const Result<void> loaded = page->loadFile(path);
    if (!loaded)
        statusBar()->showMessage(tr("Not reloaded: %1").arg(QString::fromStdString(loaded.error())),
                                 8000);
    else
        statusBar()->showMessage(tr("Reloaded %1 (changed on disk)").arg(path), 5000);
}

int MainWindow::offerRecovery()
{
    const QList<RecoveryManager::Orphan> orphans = m_recovery->orphans();
    if (orphans.isEmpty())
        return 0;
    bool accept = qEnvironmentVariableIntValue("WFS_RECOVERY_AUTO_ACCEPT") == 1;
    if (!accept) {
        QStringList names;
        for (const auto &o : orphans)
            names << (o.filePath.isEmpty() ? tr("Untitled") : o.filePath) + QStringLiteral(" (")
                         + QLocale().toString(o.savedAt.toLocalTime(), QLocale::ShortFormat)
                         + QLatin1Char(')');
        QMessageBox box(QMessageBox::Question, tr("Recover Unsaved Work"),
                        tr("Workflow Studio did not shut down properly. Recover %n unsaved "
                           "document(s)?",
                           nullptr, static_cast<int>(orphans.size())),
                        QMessageBox::NoButton, this);
        box.setDetailedText(names.join(QLatin1Char('\n')));
        QPushButton *recover = box.addButton(tr("Recover"), QMessageBox::AcceptRole);
        QPushButton *discard = box.addButton(tr("Discard"), QMessageBox::DestructiveRole);
        box.addButton(tr("Later"), QMessageBox::RejectRole);
        box.exec();
        if (box.clickedButton() == discard) {
            for (const auto &o : orphans)
                QFile::remove(o.recoveryFile);
            return 0;
        }
        accept = box.clickedButton() == recover;
    }
    if (!accept)
        return 0;
    int restored = 0;
    for (const auto &o : orphans) {
        auto *page = new EditorPage;
        // Saving recovered work patches the file as it is on disk, like any other save.
        if (!o.filePath.isEmpty()) {
            if (const auto disk = readTextFile(o.filePath.toStdString()); disk)
                page->document()->setSavedText(*disk);
        }
        page->document()->load(o.workflow, o.filePath, true);
        addPage(page, QString());
        if (!o.filePath.isEmpty())
            watch(page);
        // Now ours: the crashed session's file goes only once this instance's copy is written
        // (a failed write was reported; the old file is offered again at the next start).
        if (m_recovery->writeNow(page->document()))
            QFile::remove(o.recoveryFile);
        ++restored;
    }
    statusBar()->showMessage(tr("Recovered %n document(s)", nullptr, restored), 8000);
    return restored;
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    for (EditorPage *p : pages()) {
        if (!closePage(p)) {
            event->ignore();
            return;
        }
    }
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    event->accept();
}

} // namespace wfs
