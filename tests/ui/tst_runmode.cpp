// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// RunModeController on its own: a plain QMainWindow and a list of editor pages stand in for
// MainWindow (its tabs), so the glue is checked without the rest of the window — which pages
// get a run's marks, the run page and its edits, following a session read-only and stopping,
// the Run menu's actions, no run mode without an engine — and the dock sizes it asks for.
// tests/scenario/tst_scenario_stepper drives the same controller through the real MainWindow.
#include "testutil.h"

#include "engine/engine.h"
#include "engine/workflowrepository.h"
#include "ui/canvas/workflowscene.h"
#include "ui/canvas/workflowview.h"
#include "ui/document/workflowdocument.h"
#include "ui/editorpage.h"
#include "ui/runmodecontroller.h"
#include "ui/sessions/sessionswidget.h"
#include "ui/stepper/stepperpanel.h"
#include "ui/stepper/stepperrun.h"

#include <QAction>
#include <QApplication>
#include <QDockWidget>
#include <QLabel>
#include <QMainWindow>
#include <QMenu>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace wfs;
using namespace wfs::studio;
namespace rml = wfs::studio::runmodelayout;

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

// The window side: a QMainWindow, pages in a list (the "tabs"), and what the controller asked.
struct Host
{
    QMainWindow window;
    QList<EditorPage *> pages; ///< owned
    EditorPage *current = nullptr;
    QStringList opened; ///< files the controller asked to open
    int created = 0;    ///< documents it asked to create
    QList<EditorPage *> shown;
    QStringList docks; ///< dock names it added

    ~Host() { qDeleteAll(pages); }

    EditorPage *addPage(const Json &workflow)
    {
        auto *page = new EditorPage;
        page->document()->load(workflow);
        pages << page;
        current = page;
        return page;
    }

    RunModeController::Window hooks()
    {
        RunModeController::Window w;
        w.pages = [this] { return pages; };
        w.currentPage = [this] { return current; };
        w.openFile = [this](const QString &file) -> EditorPage * {
            opened << file;
            return nullptr; // as when the file cannot be opened: a new document instead
        };
        w.newDocument = [this](const Json &workflow) {
            ++created;
            return addPage(workflow);
        };
        w.showPage = [this](EditorPage *page) {
            shown << page;
            current = page;
        };
        w.addDock = [this](const QString &title, const QString &name, QWidget *content,
                           Qt::DockWidgetArea area, bool) {
            auto *d = new QDockWidget(title, &window);
            d->setObjectName(name);
            d->setWidget(content);
            window.addDockWidget(area, d);
            docks << name;
            return d;
        };
        return w;
    }
};

Json served(Engine &engine, const char *id)
{
    const auto snap = engine.snapshot();
    const WorkflowEntry *e = snap ? snap->find(id) : nullptr;
    return e ? e->workflow()->document() : Json();
}

} // namespace

class TestRunMode : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void sessionsDockWidths_data();
    void sessionsDockWidths();
    void dashboardAndStepperSizes();
    void nothingWithoutAnEngine();
    void docksMenuAndActions();
    void startRunNeedsAPageWithAnId();
    void runMarksTheRunsPagesAndFollowsEdits();
    void followIsReadOnlyUntilStopped();
};

void TestRunMode::sessionsDockWidths_data()
{
    QTest::addColumn<int>("window");
    QTest::addColumn<int>("centre");
    QTest::addColumn<int>("sessions");
    QTest::addColumn<int>("right");
    QTest::addColumn<bool>("resize");
    QTest::addColumn<int>("newSessions");
    QTest::addColumn<int>("newRight");
    // 30 % of 1400 = 420; the canvas spares 900 - 700 = 200 >= the 170 needed.
    QTest::newRow("canvas spares enough") << 1400 << 900 << 250 << -1 << true << 420 << -1;
    // Spare 50, the right column gives the other 120 (it stays >= 260).
    QTest::newRow("right column gives") << 1400 << 750 << 250 << 400 << true << 420 << 280;
    // At 1024 px: 380 wanted, no spare, the right column gives down to 260 only.
    QTest::newRow("right column at 260") << 1024 << 512 << 200 << 270 << true << 210 << 260;
    QTest::newRow("wide enough") << 1400 << 700 << 420 << 400 << false << 0 << -1;
    QTest::newRow("at most 560") << 2400 << 1800 << 560 << -1 << false << 0 << -1;
    // Nothing to take: the dock is resized to its own width (as before the controller).
    QTest::newRow("nothing to spare") << 1024 << 500 << 200 << -1 << true << 200 << -1;
}

void TestRunMode::sessionsDockWidths()
{
    QFETCH(int, window);
    QFETCH(int, centre);
    QFETCH(int, sessions);
    QFETCH(int, right);
    const rml::SessionsWidths w = rml::sessionsDockWidths(window, centre, sessions, right);
    QTEST(w.resize, "resize");
    if (w.resize) {
        QTEST(w.sessions, "newSessions");
        QTEST(w.right, "newRight");
    }
}

void TestRunMode::dashboardAndStepperSizes()
{
    // 45 % of 1000 = 450, room 150 + (700 - 333) = 517.
    QCOMPARE(rml::dashboardDockHeight(1000, 700, 150), 450);
    // The canvas keeps a third: room 150 + (300 - 233) = 217 < 315 wanted.
    QCOMPARE(rml::dashboardDockHeight(700, 300, 150), 217);
    QCOMPARE(rml::dashboardDockHeight(1000, 700, 500), -1); // never shrinks
    QCOMPARE(rml::dashboardDockHeight(2000, 1500, 100), 560);
    QCOMPARE(rml::stepperDockWidth(1400, 300, false), 460);
    QCOMPARE(rml::stepperDockWidth(1399, 300, false), -1);
    QCOMPARE(rml::stepperDockWidth(1600, 460, false), -1);
    QCOMPARE(rml::stepperDockWidth(1600, 300, true), -1);
}

void TestRunMode::nothingWithoutAnEngine()
{
    Host host;
    RunModeController c(nullptr, &host.window, host.hooks());
    QVERIFY(!c.stepper());
    QVERIFY(!c.sessions());
    QVERIFY(!c.dashboard());
    QVERIFY(!c.menu());
    QVERIFY(c.actions().isEmpty());
    QVERIFY(host.docks.isEmpty());
    host.addPage(WorkflowDocument::blankWorkflow());
    c.pageAdded(host.current);
    QVERIFY(!c.startRun());
    QVERIFY(!c.runPage());
}

void TestRunMode::docksMenuAndActions()
{
    Engine engine(bundledOnly());
    Host host;
    auto *c = new RunModeController(&engine, &host.window, host.hooks());
    QCOMPARE(c->parent(), static_cast<QObject *>(&host.window));
    QCOMPARE(host.docks, (QStringList{"stepperDock", "sessionsDock", "dashboardDock"}));
    QVERIFY(c->stepperDock()->isHidden());
    QVERIFY(c->sessionsDock()->isHidden());
    QVERIFY(c->dashboardDock()->isHidden());
    QCOMPARE(c->stepperDock()->widget(), static_cast<QWidget *>(c->stepper()));
    QVERIFY(c->dashboardSource());
    QVERIFY(c->menu());
    QCOMPARE(c->menu()->title(), QStringLiteral("&Run"));
    QStringList names;
    for (QAction *a : c->actions())
        names << a->objectName();
    QCOMPARE(names,
             (QStringList{"runStart", "runStopFollowing", "runClearMarks", "viewDashboard"}));
    QCOMPARE(c->actions().first()->shortcut(), QKeySequence(QStringLiteral("Ctrl+R")));
    QCOMPARE(c->actions().last(), c->dashboardDock()->toggleViewAction());
    QCOMPARE(c->actions().last()->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+D")));
    for (QAction *a : c->actions())
        QVERIFY2(c->menu()->actions().contains(a), qPrintable(a->objectName()));
    QVERIFY(c->menu()->actions().contains(c->stepperDock()->toggleViewAction()));
    QVERIFY(c->menu()->actions().contains(c->sessionsDock()->toggleViewAction()));
}

void TestRunMode::startRunNeedsAPageWithAnId()
{
    Engine engine(bundledOnly());
    Host host;
    RunModeController c(&engine, &host.window, host.hooks());
    QVERIFY(!c.startRun());
    QCOMPARE(host.window.statusBar()->currentMessage(),
             QStringLiteral("Open a workflow to run it"));
    QVERIFY(c.stepperDock()->isHidden());

    // A workflow without an id: a warning box (closed here), no run.
    Json noId = served(engine, kWorkflow);
    noId.erase("id");
    host.addPage(noId);
    c.pageAdded(host.current);
    bool warned = false;
    QTimer::singleShot(0, this, [&] {
        if (QWidget *box = QApplication::activeModalWidget()) {
            warned = box->inherits("QMessageBox");
            box->close();
        }
    });
    QVERIFY(!c.startRun());
    QVERIFY(warned);
    QVERIFY(!c.runPage());
    QVERIFY(!c.stepper()->run()->isActive());
}

void TestRunMode::runMarksTheRunsPagesAndFollowsEdits()
{
    Engine engine(bundledOnly());
    Host host;
    RunModeController c(&engine, &host.window, host.hooks());
    const Json workflow = served(engine, kWorkflow);
    QVERIFY(workflow.is_object());
    EditorPage *other = host.addPage(WorkflowDocument::blankWorkflow());
    c.pageAdded(other);
    EditorPage *second = host.addPage(workflow); // the same workflow in another tab
    c.pageAdded(second);
    EditorPage *page = host.addPage(workflow);
    c.pageAdded(page);

    QVERIFY(c.startRun());
    QCOMPARE(c.runPage(), page);
    QVERIFY(c.stepper()->run()->isActive());
    QCOMPARE(c.stepper()->run()->workflowId(), std::string(kWorkflow));
    QVERIFY(!c.stepperDock()->isHidden());
    const std::string first = c.stepper()->run()->currentStepId();
    QVERIFY(!first.empty());
    // Every page of the run's workflow shows where the run is; the other page does not.
    QTRY_COMPARE(page->scene()->runMarks().current, first);
    QTRY_COMPARE(second->scene()->runMarks().current, first);
    QVERIFY(other->scene()->runMarks().current.empty());

    // An edit to another tab of the same workflow is not the run's document.
    Json renamed = workflow;
    renamed["name"] = "Renamed in the other tab";
    second->document()->applyAll(renamed);
    QVERIFY(!c.stepper()->bannerView()->text().contains(QStringLiteral("edited")));
    // An edit to the run's page is offered to the run.
    renamed["name"] = "Renamed while running";
    page->document()->applyAll(renamed);
    QVERIFY2(c.stepper()->bannerView()->text().contains(QStringLiteral("edited")),
             qPrintable(c.stepper()->bannerView()->text()));

    // Run > Clear Run Highlighting clears every page.
    c.actions().at(2)->trigger();
    QVERIFY(page->scene()->runMarks().current.empty());
    QVERIFY(second->scene()->runMarks().current.empty());
}

void TestRunMode::followIsReadOnlyUntilStopped()
{
    Engine engine(bundledOnly());
    Host host;
    RunModeController c(&engine, &host.window, host.hooks());

    // A workflow the engine does not serve: a message, nothing opened.
    emit c.sessions()->followRequested(QStringLiteral("s-0"), QStringLiteral("not-served"));
    QVERIFY(host.window.statusBar()->currentMessage().contains(QStringLiteral("not-served")));
    QVERIFY(!c.followPage());
    QCOMPARE(host.created, 0);

    // A served workflow with no tab: the controller asks for its file, else a new document,
    // shows it and makes it read-only.
    emit c.sessions()->followRequested(QStringLiteral("s-1"), QString::fromLatin1(kWorkflow));
    QCOMPARE(host.created, 1);
    EditorPage *page = c.followPage();
    QVERIFY(page);
    QCOMPARE(host.shown.size(), 1);
    QCOMPARE(host.shown.first(), page);
    QVERIFY(!page->view()->isInteractive());
    const int openedBefore = host.opened.size();

    // Following again finds the open tab.
    emit c.sessions()->followRequested(QStringLiteral("s-2"), QString::fromLatin1(kWorkflow));
    QCOMPARE(host.created, 1);
    QCOMPARE(host.opened.size(), openedBefore);
    QCOMPARE(c.followPage(), page);
    QCOMPARE(c.pageForWorkflow(QString::fromLatin1(kWorkflow), false), page);
    QVERIFY(!c.pageForWorkflow(QStringLiteral("not-open"), false));

    // Run > Stop Following: editable again, its marks cleared.
    WorkflowScene::RunMarks marks;
    marks.current = "some-step";
    page->scene()->setRunMarks(marks);
    c.actions().at(1)->trigger();
    QVERIFY(!c.followPage());
    QVERIFY(page->view()->isInteractive());
    QVERIFY(page->scene()->runMarks().current.empty());

    // Starting a run stops following too.
    emit c.sessions()->followRequested(QStringLiteral("s-3"), QString::fromLatin1(kWorkflow));
    QCOMPARE(c.followPage(), page);
    QVERIFY(c.startRun());
    QVERIFY(!c.followPage());
    QVERIFY(page->view()->isInteractive());
    QCOMPARE(c.runPage(), page);
}

QTEST_MAIN(TestRunMode)
#include "tst_runmode.moc"
