// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Starting the studio when things went wrong before, and on a small screen:
//  - a database file that is garbage: the status bar says data is not kept, an offer explains
//    why; accepting it moves the file aside and a fresh database keeps sessions again;
//  - a database of a newer version: explained, and left untouched unless the person asks;
//  - a studio killed (SIGKILL) mid-edit and relaunched within a second: its unsaved edit is
//    offered back, while a second studio running meanwhile neither takes nor deletes it;
//  - a 1024x700 window with every dock open keeps at least half its width for the canvas,
//    and View > Reset Layout brings back the default arrangement;
//  - the first start (no saved geometry) opens a window that fits the screen, centred on it,
//    and the next start opens at the size the person left it;
//  - mnemonics are unique per menu bar and dialog; closing the last tab shows how to go on.
#include "scenariostudio.h"

#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "ui/settings/settingsdialog.h"

#include <QAbstractButton>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>

#include <csignal>
#include <spawn.h>
#include <sys/wait.h>

extern char **environ;

using namespace wfs;
using namespace wfs::studio;
using wfs::test::ScenarioStudio;

namespace {

QByteArray demoWorkflow()
{
    const Json wf{
        {"id", "startup-demo"},
        {"name", "Startup demo"},
        {"description", "A workflow for the start-up scenarios"},
        {"version", "0.1.0"},
        {"steps", Json::array({Json{{"id", "one"}, {"title", "One"}, {"prompt", "Do one"}},
                               Json{{"id", "two"}, {"title", "Two"}, {"prompt", "Do two"}}})}};
    return QByteArray::fromStdString(wf.dump(2));
}

QPushButton *buttonNamed(QWidget *box, const QString &name)
{
    return box ? box->findChild<QPushButton *>(name) : nullptr;
}

std::int64_t rowCount(const QString &db, const std::string &table)
{
    auto opened = store::Database::open(db.toStdString());
    if (!opened)
        return -1;
    Result<std::int64_t> n = (*opened)->queryInt("SELECT count(*) FROM " + table);
    return n ? *n : -1;
}

// The mnemonic letter of a text ("&File" -> 'f'), or 0.
QChar mnemonic(const QString &text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i] != QLatin1Char('&'))
            continue;
        if (text[i + 1] == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text[i + 1].toLower();
    }
    return {};
}

// Mnemonics that reach the same window by Alt+letter: the menu bar's menus and every visible
// button and buddied label of `window` outside its menus. Returns "letter: a, b" for clashes.
QStringList mnemonicClashes(QWidget *window)
{
    QMultiHash<QChar, QString> seen;
    if (auto *bar = window->findChild<QMenuBar *>(QString(), Qt::FindDirectChildrenOnly)) {
        for (QAction *a : bar->actions())
            if (const QChar c = mnemonic(a->text()); !c.isNull())
                seen.insert(c, a->text());
    }
    for (QAbstractButton *b : window->findChildren<QAbstractButton *>()) {
        if (b->window() == window && b->isVisibleTo(window))
            if (const QChar c = mnemonic(b->text()); !c.isNull())
                seen.insert(c, b->text());
    }
    for (QLabel *l : window->findChildren<QLabel *>()) {
        if (l->window() == window && l->buddy() && l->isVisibleTo(window))
            if (const QChar c = mnemonic(l->text()); !c.isNull())
                seen.insert(c, l->text());
    }
    QStringList clashes;
    for (const QChar c : seen.uniqueKeys()) {
        const QStringList texts = seen.values(c);
        if (texts.size() > 1)
            clashes << QStringLiteral("%1: %2").arg(c, texts.join(QStringLiteral(", ")));
    }
    return clashes;
}

// The real workflow-studio on the offscreen platform with a private home. Started with
// posix_spawn and reaped only by reap(): once killed it stays a zombie until then, as a crashed
// studio does while whatever started it has not collected it yet (its process id is still
// taken; only its locks are gone).
class StudioProcess
{
public:
    StudioProcess(const QString &home, const QStringList &args, const QStringList &extraEnv)
    {
        QStringList env;
        for (const QString &kv : QProcessEnvironment::systemEnvironment().toStringList()) {
            static const QRegularExpression replaced(QStringLiteral(
                "^(HOME|XDG_[A-Z_]+|QT_QPA_PLATFORM|WFS_[A-Z_]+|WORKFLOW_STORAGE_PATH)="));
            if (!replaced.match(kv).hasMatch())
                env << kv;
        }
        env << QStringLiteral("HOME=%1/home").arg(home)
            << QStringLiteral("XDG_DATA_HOME=%1/data").arg(home)
            << QStringLiteral("XDG_CONFIG_HOME=%1/config").arg(home)
            << QStringLiteral("XDG_CACHE_HOME=%1/cache").arg(home)
            << QStringLiteral("QT_QPA_PLATFORM=offscreen")
            << QStringLiteral("WFS_AUTOSAVE_DEBOUNCE_MS=50")
            << QStringLiteral("WFS_AUTOSAVE_INTERVAL_MS=300") << extraEnv;
        const QString binary = wfs::test::binaryDir() + QStringLiteral("/bin/workflow-studio");
        std::vector<QByteArray> storage;
        storage.push_back(binary.toLocal8Bit());
        for (const QString &a : args)
            storage.push_back(a.toLocal8Bit());
        const std::size_t argc = storage.size();
        for (const QString &kv : env)
            storage.push_back(kv.toLocal8Bit());
        std::vector<char *> argv;
        std::vector<char *> envp;
        for (std::size_t i = 0; i < storage.size(); ++i)
            (i < argc ? argv : envp).push_back(storage[i].data());
        argv.push_back(nullptr);
        envp.push_back(nullptr);
        if (posix_spawn(&m_pid, argv[0], nullptr, nullptr, argv.data(), envp.data()) != 0)
            m_pid = 0;
    }
    ~StudioProcess()
    {
        kill();
        reap();
    }
    pid_t pid() const { return m_pid; }
    void kill() const
    {
        if (m_pid > 0)
            ::kill(m_pid, SIGKILL);
    }
    // True while the process exists, running or as a zombie.
    bool exists() const { return m_pid > 0 && ::kill(m_pid, 0) == 0; }
    void reap()
    {
        if (m_pid > 0)
            ::waitpid(m_pid, nullptr, 0);
        m_pid = 0;
    }

private:
    pid_t m_pid = 0;
};

QStringList recoveryFilesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList out;
    for (const QFileInfo &fi : QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        if (ScenarioStudio::readFile(fi.absoluteFilePath()).contains(needle))
            out << fi.absoluteFilePath();
    }
    return out;
}

// The "documents" of a WFS_TEST_REPORT file, or null while it is not written.
Json reportedDocuments(const QString &report)
{
    if (!QFile::exists(report))
        return nullptr;
    const ParsedJson r = parseJson(ScenarioStudio::readFile(report).toStdString(), "report");
    return r.ok && r.value.contains("documents") ? r.value["documents"] : Json(nullptr);
}

// Every dock of the window shown: the editing docks from the View menu, the run-mode docks
// from the Run menu (their toggle actions, as a click on the menu item does).
void showEveryDock(MainWindow *window)
{
    for (QDockWidget *d : window->findChildren<QDockWidget *>()) {
        if (!d->toggleViewAction()->isChecked())
            d->toggleViewAction()->trigger();
    }
    QApplication::processEvents();
}

} // namespace

class TestScenarioStartup : public QObject
{
    Q_OBJECT
private slots:
    void corruptDatabaseMovedAsideForAFreshOne();
    void newerDatabaseIsExplainedAndKept();
    void killedStudioIsRecoveredOnRelaunch();
    void smallWindowKeepsTheCanvasWide();
    void firstStartFitsTheScreen();
    void mnemonicsAreUnique();
    void lastTabClosedShowsHowToGoOn();
};

// (a) Garbage where the database should be.
void TestScenarioStartup::corruptDatabaseMovedAsideForAFreshOne()
{
    const QByteArray garbage = QByteArray("this is not a SQLite database\n").repeated(300);
    ScenarioStudio::Config config;
    config.files = {{QStringLiteral("studio.db"), garbage},
                    {QStringLiteral("workflows/startup-demo.json"), demoWorkflow()}};
    ScenarioStudio s(config);
    const QString db = s.path(QStringLiteral("studio.db"));

    // Not kept, and said so: the status bar in a warning style, the reason in its tooltip.
    QLabel *data = s.window->dataStatusLabel();
    QVERIFY(data->isVisible());
    QCOMPARE(data->text(), QStringLiteral("Data: not kept (database unavailable)"));
    QVERIFY(data->property("warning").toBool());
    QVERIFY2(data->toolTip().contains(QStringLiteral("studio.db")), qPrintable(data->toolTip()));
    QVERIFY(s.window->aboutText().contains(QStringLiteral("not open")));

    // The offer, once the window is up: says what is wrong and what accepting does.
    QMessageBox *offer = nullptr;
    QVERIFY(ScenarioStudio::waitFor([&] {
        offer = s.window->databaseOffer();
        return offer && offer->isVisible();
    }));
    QVERIFY2(offer->text().contains(QDir::toNativeSeparators(db)), qPrintable(offer->text()));
    QVERIFY(offer->text().contains(QStringLiteral("damaged")));
    QVERIFY(offer->informativeText().contains(QStringLiteral("Move it aside")));
    QVERIFY(!offer->detailedText().isEmpty()); // the reason as the database gave it
    QPushButton *moveAside = buttonNamed(offer, QStringLiteral("moveAside"));
    QVERIFY(moveAside);
    QCOMPARE(offer->defaultButton(), moveAside);
    QTest::mouseClick(moveAside, Qt::LeftButton);
    QVERIFY(ScenarioStudio::waitFor([&] { return !s.window->databaseOffer(); }));

    // A fresh database is in use; the broken file is kept beside it under a dated name.
    QVERIFY(s.runtime->database() != nullptr);
    QCOMPARE(int(s.runtime->health().status), int(metrics::HealthStatus::Healthy));
    const QStringList aside =
        QDir(s.path(QString())).entryList({QStringLiteral("studio.db.broken-*")}, QDir::Files);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(aside.front().contains(
                 QRegularExpression(QStringLiteral("^studio\\.db\\.broken-\\d{8}-\\d{6}$"))),
             qPrintable(aside.front()));
    QCOMPARE(ScenarioStudio::readFile(s.path(aside.front())), garbage);
    QVERIFY(s.window->statusBar()->currentMessage().contains(aside.front()));
    QVERIFY(!data->property("warning").toBool());
    QVERIFY2(data->text().startsWith(QStringLiteral("Data: ")) &&
                 data->text().endsWith(QStringLiteral("studio.db")),
             qPrintable(data->text()));
    QCOMPARE(data->toolTip().contains(QDir::toNativeSeparators(db)), true);
    QVERIFY(s.window->aboutText().contains(QDir::toNativeSeparators(db).toHtmlEscaped()));
    QVERIFY(!s.window->aboutText().contains(QStringLiteral("Reason:")));

    // Sessions are kept again: an agent's session lands in the new file.
    QVERIFY(s.served(QStringLiteral("startup-demo")).is_object());
    QVERIFY(!s.runtime
                 ->toolCall("workflow_next", Json{{"workflowId", "startup-demo"}},
                            CallContext{"startup-session", "test"})
                 .isError);
    s.runtime->flush();
    QCOMPARE(rowCount(db, "sessions"), std::int64_t(1));
}

// A database written by a newer version: explained; the default keeps it as it is.
void TestScenarioStartup::newerDatabaseIsExplainedAndKept()
{
    ScenarioStudio::Config config;
    const int newer = store::latestSchemaVersion() + 3;
    config.beforeStart = [newer](const QString &folder) {
        auto made = store::Database::open((folder + QStringLiteral("/studio.db")).toStdString());
        QVERIFY(made);
        QVERIFY((*made)->setUserVersion(newer));
    };
    ScenarioStudio s(config);
    const QString db = s.path(QStringLiteral("studio.db"));
    QMessageBox *offer = nullptr;
    QVERIFY(ScenarioStudio::waitFor([&] {
        offer = s.window->databaseOffer();
        return offer && offer->isVisible();
    }));
    QVERIFY2(offer->text().contains(QStringLiteral("newer version")), qPrintable(offer->text()));
    QVERIFY(buttonNamed(offer, QStringLiteral("moveAside"))); // offered, not done
    QPushButton *keep = buttonNamed(offer, QStringLiteral("continue"));
    QVERIFY(keep);
    QCOMPARE(offer->defaultButton(), keep);
    QTest::keyClick(offer, Qt::Key_Return);
    QVERIFY(ScenarioStudio::waitFor([&] { return !s.window->databaseOffer(); }));
    QVERIFY(s.runtime->database() == nullptr);
    QCOMPARE(s.window->dataStatusLabel()->text(),
             QStringLiteral("Data: not kept (database unavailable)"));
    QVERIFY(s.window->aboutText().contains(QStringLiteral("newer")));
    QVERIFY(QDir(s.path(QString())).entryList({QStringLiteral("studio.db.broken-*")}).isEmpty());
    auto again = store::Database::open(db.toStdString());
    QVERIFY(again);
    QCOMPARE(*(*again)->userVersion(), newer);
}

// (b) SIGKILL mid-edit, relaunch within a second; a second studio running meanwhile.
void TestScenarioStartup::killedStudioIsRecoveredOnRelaunch()
{
#ifndef WFS_TEST_HOOKS
    QSKIP("needs the studio's test hooks (configure with -DWFS_TEST_HOOKS=ON)");
#endif
    // A build dependency of this test (CMake add_dependencies): missing means a broken build.
    QVERIFY2(QFile::exists(wfs::test::binaryDir() + QStringLiteral("/bin/workflow-studio")),
             "workflow-studio is not built (build the workflow-studio target)");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString home = tmp.path();
    const QString recovery =
        tmp.filePath(QStringLiteral("data/WorkflowStudio/Workflow Studio/recovery"));
    const QString workflow = tmp.filePath(QStringLiteral("wf.json"));
    QVERIFY(ScenarioStudio::writeFile(workflow, demoWorkflow()));
    const QByteArray original = ScenarioStudio::readFile(workflow);

    // The first studio: the file open, one edit (as typed into the inspector), never saved.
    StudioProcess first(home, {workflow, QStringLiteral("--no-mcp")},
                        {QStringLiteral("WFS_TEST_EDIT=/steps/0|/title|\"Edited before crash\"")});
    QVERIFY(first.pid() > 0);
    QVERIFY2(
        ScenarioStudio::waitFor(
            [&] { return !recoveryFilesContaining(recovery, "Edited before crash").isEmpty(); },
            30000),
        qPrintable(QStringLiteral("no autosave in %1").arg(recovery)));
    const QStringList crashed = recoveryFilesContaining(recovery, "Edited before crash");
    QCOMPARE(crashed.size(), 1);

    // A second studio while the first runs: offered nothing of the first's, deletes nothing.
    const QString report2 = tmp.filePath(QStringLiteral("report2.json"));
    StudioProcess second(home, {QStringLiteral("--no-mcp")},
                         {QStringLiteral("WFS_RECOVERY_AUTO_ACCEPT=1"),
                          QStringLiteral("WFS_TEST_REPORT=") + report2});
    QVERIFY(second.pid() > 0);
    QVERIFY2(ScenarioStudio::waitFor([&] { return reportedDocuments(report2).is_array(); }, 30000),
             "the second studio wrote no report");
    QVERIFY2(!ScenarioStudio::readFile(report2).contains("Edited before crash"),
             ScenarioStudio::readFile(report2).constData());
    QTest::qWait(700); // a few of its autosave rounds
    QVERIFY(QFile::exists(crashed.front()));
    QVERIFY(ScenarioStudio::readFile(crashed.front()).contains("Edited before crash"));

    // SIGKILL; relaunched at once: the killed process is not even reaped yet.
    first.kill();
    QVERIFY(ScenarioStudio::waitFor([&] { return QFile::exists(crashed.front()); }, 100));
    QTest::qWait(200);
    QVERIFY(first.exists()); // a zombie: its process id is still taken
    const QString report3 = tmp.filePath(QStringLiteral("report3.json"));
    StudioProcess third(home, {QStringLiteral("--no-mcp")},
                        {QStringLiteral("WFS_RECOVERY_AUTO_ACCEPT=1"),
                         QStringLiteral("WFS_TEST_REPORT=") + report3});
    QVERIFY(third.pid() > 0);
    QVERIFY2(ScenarioStudio::waitFor([&] { return reportedDocuments(report3).is_array(); }, 30000),
             "the relaunched studio wrote no report");
    const Json docs = reportedDocuments(report3);
    const auto restored = std::find_if(docs.begin(), docs.end(), [](const Json &d) {
        return d["workflow"]["steps"][0]["title"] == "Edited before crash";
    });
    QVERIFY2(restored != docs.end(), ScenarioStudio::readFile(report3).constData());
    QCOMPARE((*restored)["modified"].dump(), std::string("true"));
    QCOMPARE(QString::fromStdString((*restored)["filePath"].get<std::string>()), workflow);
    // Taken over: the crashed file is gone, the relaunched studio keeps its own copy.
    QVERIFY(ScenarioStudio::waitFor([&] { return !QFile::exists(crashed.front()); }, 5000));
    QVERIFY(ScenarioStudio::waitFor(
        [&] { return recoveryFilesContaining(recovery, "Edited before crash").size() == 1; },
        5000));
    // The file itself never received the unsaved edit.
    QCOMPARE(ScenarioStudio::readFile(workflow), original);
    first.reap();
}

// (c) 1024x700 with every dock open; View > Reset Layout.
void TestScenarioStartup::smallWindowKeepsTheCanvasWide()
{
    ScenarioStudio::Config config;
    config.windowSize = QSize(1024, 700);
    ScenarioStudio s(config);
    s.shortcut(QKeySequence::New);
    QVERIFY(s.page());
    MainWindow *w = s.window.get();
    QCOMPARE(w->size(), QSize(1024, 700));

    const QStringList docks{"libraryDock", "inspectorDock", "jsonDock",     "problemsDock",
                            "stepperDock", "sessionsDock",  "dashboardDock"};
    const auto check = [&](const char *when) {
        QApplication::processEvents();
        QTest::qWait(50); // the canvas is given its width back after the layout settles
        const int canvas = s.view()->width();
        if (qEnvironmentVariableIsSet("WFS_DEBUG_LAYOUT"))
            for (QDockWidget *d : w->findChildren<QDockWidget *>())
                qDebug() << when << d->objectName() << d->isVisible() << d->geometry()
                         << d->minimumSizeHint() << d->widget()->minimumSizeHint();
        QVERIFY2(
            canvas * 2 >= w->width(),
            qPrintable(
                QStringLiteral("%1: canvas %2 px of %3").arg(when).arg(canvas).arg(w->width())));
        for (const QString &name : docks) {
            auto *d = w->findChild<QDockWidget *>(name);
            QVERIFY2(d, qPrintable(name));
            if (!d->toggleViewAction()->isChecked())
                continue;
            QVERIFY2(!d->isFloating(), qPrintable(name));
            // Shown, or a tab of a group whose front dock is shown (the others of a group
            // are parked outside the window).
            QDockWidget *front = nullptr;
            for (QDockWidget *c : QList<QDockWidget *>{d} + w->tabifiedDockWidgets(d)) {
                if (c->isVisible() && w->rect().contains(c->geometry()))
                    front = c;
            }
            QVERIFY2(front, qPrintable(QStringLiteral("%1: %2 not shown").arg(when, name)));
            const QRect r = front->geometry();
            // Not squeezed below what its contents need.
            QVERIFY2(r.width() >= front->minimumSizeHint().width() &&
                         r.height() >= front->minimumSizeHint().height() && r.width() >= 120 &&
                         r.height() >= 80,
                     qPrintable(QStringLiteral("%1: %2 is %3x%4")
                                    .arg(when, front->objectName())
                                    .arg(r.width())
                                    .arg(r.height())));
        }
    };

    check("default");
    if (QTest::currentTestFailed())
        return;
    showEveryDock(w);
    for (const QString &name : docks)
        QVERIFY2(w->findChild<QDockWidget *>(name)->toggleViewAction()->isChecked(),
                 qPrintable(name));
    check("every dock open");
    if (QTest::currentTestFailed())
        return;

    // Rearranged by hand: the inspector moved left, the library and JSON floating, the
    // problems hidden; Reset Layout brings the default back.
    auto *library = w->findChild<QDockWidget *>(QStringLiteral("libraryDock"));
    auto *inspector = w->findChild<QDockWidget *>(QStringLiteral("inspectorDock"));
    auto *json = w->findChild<QDockWidget *>(QStringLiteral("jsonDock"));
    auto *problems = w->findChild<QDockWidget *>(QStringLiteral("problemsDock"));
    w->addDockWidget(Qt::LeftDockWidgetArea, inspector);
    library->setFloating(true);
    json->setFloating(true);
    problems->toggleViewAction()->trigger();
    QApplication::processEvents();
    QAction *reset = w->findChild<QAction *>(QStringLiteral("viewResetLayout"));
    QVERIFY(reset);
    QCOMPARE(reset->text(), QStringLiteral("&Reset Layout"));
    QVERIFY(w->menuBar()->findChildren<QMenu *>().size() > 0);
    reset->trigger();
    QApplication::processEvents();
    for (QDockWidget *d : {library, inspector, json, problems}) {
        QVERIFY2(!d->isFloating(), qPrintable(d->objectName()));
        QVERIFY2(d->toggleViewAction()->isChecked(), qPrintable(d->objectName()));
    }
    QCOMPARE(w->dockWidgetArea(library), Qt::LeftDockWidgetArea);
    QCOMPARE(w->dockWidgetArea(inspector), Qt::RightDockWidgetArea);
    QCOMPARE(w->dockWidgetArea(json), Qt::RightDockWidgetArea);
    QCOMPARE(w->dockWidgetArea(problems), Qt::BottomDockWidgetArea);
    QVERIFY(w->tabifiedDockWidgets(inspector).contains(json));
    QVERIFY(inspector->isVisible()); // the front tab
    for (const char *runDock : {"stepperDock", "sessionsDock", "dashboardDock"})
        QVERIFY2(
            !w->findChild<QDockWidget *>(QLatin1String(runDock))->toggleViewAction()->isChecked(),
            runDock);
    check("after Reset Layout");
    if (QTest::currentTestFailed())
        return;
}

// The report: on a 1280x800 screen the first start opened a 1400x880 window, its right edge
// and the status bar off the screen. The offscreen screen (800x600) is smaller still.
void TestScenarioStartup::firstStartFitsTheScreen()
{
    static QTemporaryDir config; // the settings of the tests after this one go there too
    QVERIFY(config.isValid());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, config.path());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, config.path());
    QVERIFY(!QSettings().contains(QStringLiteral("window/geometry")));

    ScenarioStudio::Config first;
    first.windowSize = QSize(); // as main() starts it
    first.database = QStringLiteral("studio-database-of-a-first-start-on-a-small-screen.db");
    QSize left;
    {
        ScenarioStudio s(first);
        MainWindow *w = s.window.get();
        QScreen *screen = w->screen();
        QVERIFY(screen);
        const QRect free = screen->availableGeometry();
        QVERIFY2(free.width() >= w->minimumSizeHint().width() &&
                     free.height() >= w->minimumSizeHint().height(),
                 qPrintable(QStringLiteral("the window needs at least %1x%2, the screen has %3x%4")
                                .arg(w->minimumSizeHint().width())
                                .arg(w->minimumSizeHint().height())
                                .arg(free.width())
                                .arg(free.height())));
        const QRect frame = w->frameGeometry();
        QVERIFY2(free.contains(frame),
                 qPrintable(QStringLiteral("window %1,%2 %3x%4 on a screen of %5x%6")
                                .arg(frame.x())
                                .arg(frame.y())
                                .arg(frame.width())
                                .arg(frame.height())
                                .arg(free.width())
                                .arg(free.height())));
        QVERIFY(w->width() < free.width() || w->width() == w->minimumSizeHint().width());
        QVERIFY(qAbs(frame.center().x() - free.center().x()) <= 1);
        QVERIFY(qAbs(frame.center().y() - free.center().y()) <= 1);

        // The status bar's data text is shortened to fit the first window, and shown in full
        // once the window is wide enough (it used to keep the first window's shortening).
        QLabel *data = w->dataStatusLabel();
        const QString full = QStringLiteral("Data: ") + s.path(first.database);
        const int needed = data->fontMetrics().horizontalAdvance(full);
        QVERIFY2(needed > w->width() / 3, "the test needs a longer database path");
        QVERIFY2(data->text().contains(QChar(0x2026)), qPrintable(data->text()));
        w->resize(3 * needed + 60, w->height());
        QTRY_COMPARE(data->text(), full);

        // The person makes it smaller and quits: the size is kept for the next start.
        left = QSize(w->minimumSizeHint().width() + 20, w->minimumSizeHint().height() + 10)
                   .boundedTo(free.size());
        w->resize(left);
        QTRY_COMPARE(w->size(), left);
        QVERIFY(w->close());
    }
    QVERIFY(QSettings().contains(QStringLiteral("window/geometry")));
    ScenarioStudio again(first);
    QCOMPARE(again.window->size(), left);
    QSettings().remove(QStringLiteral("window"));
}

// Alt+letter reaches one thing per window: the menu bar and the buttons of the main window
// (every dock open), and the settings dialog (its token label underlines, not shows, its "&").
void TestScenarioStartup::mnemonicsAreUnique()
{
    ScenarioStudio s;
    s.shortcut(QKeySequence::New);
    showEveryDock(s.window.get());
    const QStringList main = mnemonicClashes(s.window.get());
    QVERIFY2(main.isEmpty(), qPrintable(main.join(QStringLiteral("; "))));
    // The menus' items among themselves.
    for (QMenu *menu : s.window->menuBar()->findChildren<QMenu *>()) {
        QMultiHash<QChar, QString> seen;
        for (QAction *a : menu->actions())
            if (const QChar c = mnemonic(a->text()); !c.isNull())
                seen.insert(c, a->text());
        for (const QChar c : seen.uniqueKeys())
            QVERIFY2(seen.count(c) == 1, qPrintable(menu->title() + QStringLiteral(": ") +
                                                    seen.values(c).join(QStringLiteral(", "))));
    }

    SettingsDialog dialog(s.window.get());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList settings = mnemonicClashes(&dialog);
    QVERIFY2(settings.isEmpty(), qPrintable(settings.join(QStringLiteral("; "))));
    for (QLabel *l : dialog.findChildren<QLabel *>()) {
        if (!mnemonic(l->text()).isNull())
            QVERIFY2(l->buddy(), qPrintable(l->text() + QStringLiteral(" shows its & literally")));
    }
    auto *token = dialog.findChild<QLabel *>(QStringLiteral("mcpTokenLabel"));
    QVERIFY(token);
    QVERIFY(token->buddy() && token->buddy()->isEnabled());
}

// Closing the last tab leaves a hint with buttons, not an empty area.
void TestScenarioStartup::lastTabClosedShowsHowToGoOn()
{
    ScenarioStudio s;
    s.shortcut(QKeySequence::New);
    QVERIFY(s.page());
    s.shortcut(QKeySequence::Close);
    QVERIFY(s.window->pages().isEmpty());
    auto *hint = s.window->findChild<QWidget *>(QStringLiteral("emptyHint"));
    QVERIFY(hint);
    QVERIFY(hint->isVisible());
    auto *text = hint->findChild<QLabel *>(QStringLiteral("emptyHintText"));
    QVERIFY(text && text->text().contains(
                        QKeySequence(QKeySequence::New).toString(QKeySequence::NativeText)));
    auto *library = s.window->findChild<QDockWidget *>(QStringLiteral("libraryDock"));
    library->toggleViewAction()->trigger();
    QVERIFY(!library->isVisible());
    QTest::mouseClick(hint->findChild<QPushButton *>(QStringLiteral("emptyHintLibrary")),
                      Qt::LeftButton);
    QVERIFY(library->isVisible());
    QTest::mouseClick(hint->findChild<QPushButton *>(QStringLiteral("emptyHintNew")),
                      Qt::LeftButton);
    QCOMPARE(s.window->pages().size(), 1);
    QVERIFY(!hint->isVisible());
    QVERIFY(s.view()->isVisible());
}

QTEST_MAIN(TestScenarioStartup)
#include "tst_scenario_startup.moc"
