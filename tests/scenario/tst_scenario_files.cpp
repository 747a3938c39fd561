// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Files are the one source of truth for what agents see, and the Library works: saves into a
// served folder are served from that file within a second; edits, deletions and renames made
// by other programs (or by the studio) reach the Library, the open tab and agents; the Library
// opens every entry it lists and finds workflows by any word of their text; a save outside the
// served folders offers to serve it; Connect an Agent shows the listener that actually runs.
#include "modalanswerer.h"
#include "scenariostudio.h"

#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "engine/workflowrepository.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/library/librarywidget.h"
#include "ui/settings/appsettings.h"
#include "ui/settings/connectagentdialog.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>
#include <QTreeView>

#include <QThread>

#include <atomic>
#include <functional>

using namespace wfs;
using namespace wfs::studio;
using wfs::test::ModalAnswerer;
using wfs::test::ScenarioStudio;

namespace {

QByteArray workflowText(const QString &id, const QString &name, const QString &stepTitle,
                        const QString &prompt, const QString &description = QStringLiteral("d"))
{
    Json wf = {{"id", id.toStdString()},
               {"name", name.toStdString()},
               {"description", description.toStdString()},
               {"version", "1.0.0"},
               {"steps",
                Json::array({Json{{"id", "step-1"},
                                  {"title", stepTitle.toStdString()},
                                  {"prompt", prompt.toStdString()}}})}};
    return QByteArray::fromStdString(formatJsonForSave(wf));
}

std::string servedName(const ScenarioStudio &s, const QString &id)
{
    const Json wf = s.served(id);
    return wf.is_object() && wf.contains("name") ? wf["name"].get<std::string>() : std::string();
}

std::string servedStepTitle(const ScenarioStudio &s, const QString &id)
{
    // workflow_get's preview: the first step in full.
    const Json wf = s.served(id);
    if (!wf.is_object() || !wf.contains("firstStep") || !wf["firstStep"].is_object())
        return "<not served: " + wf.dump() + ">";
    return wf["firstStep"].value("title", std::string());
}

// The entries the Library shows: display text by workflow id.
QStringList libraryNames(LibraryWidget *library)
{
    QStringList names;
    QAbstractItemModel *model = library->view()->model();
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int r = 0; r < model->rowCount(parent); ++r) {
            const QModelIndex i = model->index(r, 0, parent);
            if (model->rowCount(i) == 0)
                names << i.data().toString();
            walk(i);
        }
    };
    walk({});
    return names;
}

// Selects the step and types a new title into the inspector.
void retitleStep(ScenarioStudio &s, const QString &stepId, const QString &title)
{
    s.click(stepId);
    InspectorWidget *inspector = s.page()->inspector();
    QTRY_COMPARE(QString::fromStdString(inspector->target()),
                 QString::fromStdString(s.doc()->findStep(stepId)));
    ScenarioStudio::typeInto(inspector->fieldWidget("/title"), title);
}

// Types the workflow's id into the inspector (nothing selected).
void retypeId(ScenarioStudio &s, const QString &id)
{
    s.scene()->clearSelection();
    InspectorWidget *inspector = s.page()->inspector();
    QTRY_COMPARE(inspector->kind(), InspectorWidget::Kind::Workflow);
    ScenarioStudio::typeInto(inspector->fieldWidget("/id"), id);
}

} // namespace

class TestScenarioFiles : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void saveIntoServedFolderIsServedFromTheFile();
    void saveRebuildsOffTheGuiThread();
    void externalEditWhileOpen();
    void externalDeleteWhileOpen();
    void renamedIdIsNoLongerServed();
    void librarySearch_data();
    void librarySearch();
    void libraryOpensEveryEntry();
    void saveOutsideServedFoldersOffersToServe_data();
    void saveOutsideServedFoldersOffersToServe();
    void firstSaveGoesToMyWorkflows();
    void settingsFoldersApplyAtOnce();
    void connectAgentShowsTheRunningListener();

private:
    QTemporaryDir m_home;
};

void TestScenarioFiles::initTestCase()
{
    // Settings and the home folder are private to this test.
    QVERIFY(m_home.isValid());
    qputenv("HOME", m_home.path().toUtf8());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_home.filePath("config"));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_home.filePath("config"));
    QCoreApplication::setOrganizationName(QStringLiteral("WorkflowStudioTest"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_scenario_files"));
}

void TestScenarioFiles::init()
{
    QSettings().clear();
}

// (a) A save into a served folder is served from that file (not from a copy the studio keeps)
// within a second; so is the next edit saved with Ctrl+S.
void TestScenarioFiles::saveIntoServedFolderIsServedFromTheFile()
{
    ScenarioStudio s;
    s.shortcut(QKeySequence::New);
    QVERIFY(s.page());
    retypeId(s, QStringLiteral("served-flow"));
    const QString file = s.workflowsDir() + QStringLiteral("/served-flow.json");
    ModalAnswerer modal;
    QVERIFY(s.window->saveAs(s.page(), file));
    QCOMPARE(modal.seen, QStringList()); // a served folder: nothing to ask
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("served-flow").is_object(); }, 1000));
    const WorkflowEntry *entry = s.runtime->engine().snapshot()->find("served-flow");
    QVERIFY(entry);
    QCOMPARE(QString::fromStdString(entry->file), file);
    QVERIFY(ScenarioStudio::waitFor(
        [&] { return s.window->library()->visibleIds().contains(QStringLiteral("served-flow")); },
        1000));

    retitleStep(s, QStringLiteral("step-1"), QStringLiteral("Checked title"));
    QVERIFY(s.doc()->isModified());
    s.shortcut(QKeySequence::Save);
    QVERIFY(!s.doc()->isModified());
    QVERIFY2(ScenarioStudio::waitFor(
                 [&] { return servedStepTitle(s, "served-flow") == "Checked title"; }, 1000),
             servedStepTitle(s, "served-flow").c_str());
    const ParsedJson onDisk = parseJson(ScenarioStudio::readFile(file).toStdString(), "saved");
    QVERIFY(onDisk.ok);
    QVERIFY(onDisk.value["steps"][0] == s.served("served-flow")["firstStep"]);
    QCOMPARE(modal.seen, QStringList());
}

// (a') Save neither rebuilds the workflow set nor purges the cache (SQL) on the GUI thread: both
// run where Engine::workflowsChanged is emitted (the cache's refresh is connected directly), and
// that is the repository's worker; the saved file is served all the same.
void TestScenarioFiles::saveRebuildsOffTheGuiThread()
{
    ScenarioStudio s;
    std::atomic<int> onGui{0}, offGui{0};
    QObject::connect(
        &s.runtime->engine(), &Engine::workflowsChanged, &s.runtime->engine(),
        [&] { (QThread::currentThread() == qApp->thread() ? onGui : offGui).fetch_add(1); },
        Qt::DirectConnection);
    s.shortcut(QKeySequence::New);
    QVERIFY(s.page());
    retypeId(s, QStringLiteral("async-flow"));
    const QString file = s.workflowsDir() + QStringLiteral("/async-flow.json");
    ModalAnswerer modal;
    QVERIFY(s.window->saveAs(s.page(), file));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("async-flow").is_object(); }, 1000));
    retitleStep(s, QStringLiteral("step-1"), QStringLiteral("Saved off the GUI thread"));
    s.shortcut(QKeySequence::Save);
    QVERIFY(!s.doc()->isModified());
    QVERIFY2(
        ScenarioStudio::waitFor(
            [&] { return servedStepTitle(s, "async-flow") == "Saved off the GUI thread"; }, 1000),
        servedStepTitle(s, "async-flow").c_str());
    s.runtime->engine().repository().waitForReloads();
    QCOMPARE(onGui.load(), 0);
    QVERIFY(offGui.load() >= 2);
}

// (b) Another program rewrites the open file: agents, the Library and the tab follow within a
// second; with unsaved edits in the tab the studio asks first (and keeps them on "No").
void TestScenarioFiles::externalEditWhileOpen()
{
    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/ext-flow.json");
    QVERIFY(ScenarioStudio::writeFile(
        file, workflowText("ext-flow", "Before", "First title", "Do it")));
    QVERIFY(ScenarioStudio::waitFor([&] { return servedName(s, "ext-flow") == "Before"; }));
    QVERIFY(s.window->openFile(file));
    // Saved once in the studio (an edit, Ctrl+S).
    retitleStep(s, QStringLiteral("step-1"), QStringLiteral("Studio title"));
    s.shortcut(QKeySequence::Save);
    QVERIFY(ScenarioStudio::waitFor(
        [&] { return servedStepTitle(s, "ext-flow") == "Studio title"; }, 1000));

    QVERIFY(ScenarioStudio::writeFile(
        file, workflowText("ext-flow", "Changed elsewhere", "External title", "Do it")));
    QVERIFY2(ScenarioStudio::waitFor(
                 [&] { return servedName(s, "ext-flow") == "Changed elsewhere"; }, 1000),
             servedName(s, "ext-flow").c_str());
    QVERIFY(ScenarioStudio::waitFor(
        [&] {
            return libraryNames(s.window->library()).contains(QStringLiteral("Changed elsewhere"));
        },
        1000));
    QVERIFY(ScenarioStudio::waitFor(
        [&] { return s.doc()->json().value("name", std::string()) == "Changed elsewhere"; },
        1000));
    QVERIFY(!s.doc()->isModified());

    // Unsaved edits here, then another change there: asked; "No" keeps the edits.
    retitleStep(s, QStringLiteral("step-1"), QStringLiteral("Unsaved here"));
    QVERIFY(s.doc()->isModified());
    ModalAnswerer modal(ModalAnswerer::click(QMessageBox::No));
    QVERIFY(ScenarioStudio::writeFile(
        file, workflowText("ext-flow", "Third version", "External again", "Do it")));
    QVERIFY(ScenarioStudio::waitFor([&] { return !modal.seen.isEmpty(); }, 1000));
    QVERIFY2(modal.seen.front().contains(QLatin1String("changed by another program")),
             qPrintable(modal.seen.join('\n')));
    QTest::qWait(400); // asked once for one change (the file's and the folder's events)
    QCOMPARE(modal.seen.size(), 1);
    QCOMPARE(s.doc()->json()["steps"][0]["title"].get<std::string>(),
             std::string("Unsaved here"));
    QVERIFY(s.doc()->isModified());
    QVERIFY(ScenarioStudio::waitFor([&] { return servedName(s, "ext-flow") == "Third version"; },
                                    1000));
}

// (c) Another program deletes the open file: agents stop getting it, the tab keeps the
// workflow and says the file is gone; saving writes it back.
void TestScenarioFiles::externalDeleteWhileOpen()
{
    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/gone-flow.json");
    QVERIFY(ScenarioStudio::writeFile(
        file, workflowText("gone-flow", "Soon gone", "Only step", "Do it")));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("gone-flow").is_object(); }));
    EditorPage *page = s.window->openFile(file);
    QVERIFY(page);
    s.shortcut(QKeySequence::Save); // saved once in the studio
    const Json contents = s.doc()->json();
    QVERIFY(!page->isFileMissing());
    QVERIFY(page->fileBanner()->isHidden());

    ModalAnswerer modal;
    QVERIFY(QFile::remove(file));
    QVERIFY(ScenarioStudio::waitFor([&] { return !s.served("gone-flow").is_object(); }, 1000));
    QVERIFY(ScenarioStudio::waitFor([&] { return page->isFileMissing(); }, 1000));
    QVERIFY(!page->fileBanner()->isHidden());
    QVERIFY2(page->fileBanner()->text().contains(file), qPrintable(page->fileBanner()->text()));
    QVERIFY(s.doc()->json() == contents);
    QVERIFY(s.doc()->isModified()); // closing asks: the workflow exists only here now
    auto *tabs = s.window->findChild<QTabWidget *>();
    QVERIFY(tabs->tabText(tabs->indexOf(page)).contains(QLatin1String("deleted")));
    QVERIFY(ScenarioStudio::waitFor(
        [&] { return !s.window->library()->visibleIds().contains(QStringLiteral("gone-flow")); },
        1000));
    QCOMPARE(modal.seen, QStringList());

    // Ctrl+S writes it again: served, the note goes.
    s.shortcut(QKeySequence::Save);
    QVERIFY(QFile::exists(file));
    QVERIFY(!page->isFileMissing());
    QVERIFY(page->fileBanner()->isHidden());
    QVERIFY(!tabs->tabText(tabs->indexOf(page)).contains(QLatin1String("deleted")));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("gone-flow").is_object(); }, 1000));
    QCOMPARE(modal.seen, QStringList());
}

// (d) The id renamed in the studio and saved: the old id is no longer served.
void TestScenarioFiles::renamedIdIsNoLongerServed()
{
    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/old-id.json");
    QVERIFY(ScenarioStudio::writeFile(file, workflowText("old-id", "Renamed", "Step", "Do it")));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("old-id").is_object(); }));
    QVERIFY(s.window->openFile(file));
    s.shortcut(QKeySequence::Save); // saved once under the old id
    retypeId(s, QStringLiteral("new-id"));
    s.shortcut(QKeySequence::Save);
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("new-id").is_object(); }, 1000));
    QVERIFY2(ScenarioStudio::waitFor([&] { return !s.served("old-id").is_object(); }, 1000),
             "the old id is still served");
    QVERIFY(ScenarioStudio::waitFor(
        [&] {
            const QStringList ids = s.window->library()->visibleIds();
            return ids.contains(QStringLiteral("new-id")) && !ids.contains(QStringLiteral("old-id"));
        },
        1000));
}

// (e) Search as you type over names, descriptions, step titles and prompts; the match is
// highlighted; a word matching nothing says so; clearing shows all.
void TestScenarioFiles::librarySearch_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("found");
    QTest::addColumn<QString>("highlighted");
    QTest::newRow("a word of a step prompt") << "capacitor" << "alpha-flow" << "capacitor";
    QTest::newRow("the start of a word") << "calib" << "alpha-flow" << "Calibrate";
    QTest::newRow("a step title") << "seedlings" << "beta-flow" << "seedlings";
    QTest::newRow("a description") << "greenhouse" << "beta-flow" << "greenhouse";
    QTest::newRow("a name, any case") << "GAMMA" << "gamma-flow" << "Gamma";
    QTest::newRow("two words, both needed") << "water plants" << "beta-flow" << "plants";
}

void TestScenarioFiles::librarySearch()
{
    QFETCH(QString, typed);
    QFETCH(QString, found);
    QFETCH(QString, highlighted);
    ScenarioStudio s;
    QVERIFY(ScenarioStudio::writeFile(
        s.workflowsDir() + QStringLiteral("/alpha.json"),
        workflowText("alpha-flow", "Alpha", "Tune", "Calibrate the flux capacitor carefully.")));
    QVERIFY(ScenarioStudio::writeFile(
        s.workflowsDir() + QStringLiteral("/beta.json"),
        workflowText("beta-flow", "Beta", "Pot the seedlings", "Water the plants every morning.",
                     "Runs the greenhouse")));
    QVERIFY(ScenarioStudio::writeFile(
        s.workflowsDir() + QStringLiteral("/gamma.json"),
        workflowText("gamma-flow", "Gamma", "Review", "Read the report.")));
    LibraryWidget *library = s.window->library();
    QVERIFY2(ScenarioStudio::waitFor([&] { return library->visibleIds().size() == 3; }),
             qPrintable(library->visibleIds().join(',')));
    auto *search = s.window->findChild<QLineEdit *>(QStringLiteral("librarySearch"));
    QVERIFY(search);
    QLabel *hint = library->hint();

    ScenarioStudio::typeInto(search, typed);
    QTRY_COMPARE_WITH_TIMEOUT(library->visibleIds(), QStringList{found}, 1000);
    const QString match = library->matchHtml(found);
    QVERIFY2(match.contains(QStringLiteral(">%1</b>").arg(highlighted)), qPrintable(match));
    QVERIFY(!hint->isHidden());
    QVERIFY2(hint->text().contains(QLatin1String("1 workflow")), qPrintable(hint->text()));

    ScenarioStudio::typeInto(search, QStringLiteral("zzyzx"));
    QTRY_COMPARE_WITH_TIMEOUT(library->visibleIds(), QStringList(), 1000);
    QVERIFY(!hint->isHidden());
    QVERIFY2(hint->text().contains(QLatin1String("No workflow matches")), qPrintable(hint->text()));
    QVERIFY(hint->text().contains(QLatin1String("zzyzx")));

    ScenarioStudio::typeInto(search, QString());
    QTRY_COMPARE_WITH_TIMEOUT(library->visibleIds().size(), 3, 1000);
    QVERIFY(hint->isHidden());
    QVERIFY(library->matchHtml(found).isEmpty());
}

// (f) Every entry the Library lists opens (double-click) into a tab without an error: bundled
// samples as untitled copies, folder entries from their file, including one saved in the studio.
void TestScenarioFiles::libraryOpensEveryEntry()
{
    ScenarioStudio::Config config;
    config.includeBundled = true;
    ScenarioStudio s(config);
    const QString file = s.workflowsDir() + QStringLiteral("/mine.json");
    QVERIFY(ScenarioStudio::writeFile(file, workflowText("mine", "Mine", "Step", "Do it")));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("mine").is_object(); }));
    QVERIFY(s.window->openFile(file));
    retitleStep(s, QStringLiteral("step-1"), QStringLiteral("Saved in the studio"));
    s.shortcut(QKeySequence::Save);

    LibraryWidget *library = s.window->library();
    QTreeView *view = library->view();
    QVERIFY(ScenarioStudio::waitFor([&] { return library->visibleIds().contains("mine"); }, 1000));
    const QStringList ids = library->visibleIds();
    QVERIFY2(ids.size() > 2, qPrintable(ids.join(',')));
    QCOMPARE(ids.count(QStringLiteral("mine")), 1);
    ModalAnswerer modal;
    for (const QString &id : ids) {
        // Find the entry (the model is rebuilt when the repository changes).
        QModelIndex entry;
        std::function<void(const QModelIndex &)> find = [&](const QModelIndex &parent) {
            for (int r = 0; r < view->model()->rowCount(parent) && !entry.isValid(); ++r) {
                const QModelIndex i = view->model()->index(r, 0, parent);
                if (view->model()->rowCount(i) == 0
                    && i.data(LibraryWidget::IdRole).toString() == id)
                    entry = i;
                find(i);
            }
        };
        find({});
        QVERIFY2(entry.isValid(), qPrintable(id));
        view->scrollTo(entry);
        const QPoint at = view->visualRect(entry).center();
        const int tabsBefore = s.window->pages().size();
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, at);
        QVERIFY2(modal.seen.isEmpty(), qPrintable(id + ": " + modal.seen.join('\n')));
        QVERIFY(s.page());
        QCOMPARE(QString::fromStdString(s.doc()->json().value("id", std::string())), id);
        if (id == QLatin1String("mine")) {
            QCOMPARE(s.doc()->filePath(), file); // the open tab of that file
            QCOMPARE(s.window->pages().size(), tabsBefore);
        } else {
            QVERIFY(s.doc()->filePath().isEmpty()); // bundled: an untitled copy
            QCOMPARE(s.window->pages().size(), tabsBefore + 1);
        }
    }
}

// (g) A save outside every served folder offers to serve that folder, to save into the user's
// workflow folder, or to keep the file unserved.
void TestScenarioFiles::saveOutsideServedFoldersOffersToServe_data()
{
    QTest::addColumn<QString>("button");
    QTest::newRow("serve the folder") << "serveFolder";
    QTest::newRow("save in my workflows") << "saveToUserFolder";
    QTest::newRow("keep unserved") << "keepUnserved";
    QTest::newRow("cancel") << "cancelSave";
}

void TestScenarioFiles::saveOutsideServedFoldersOffersToServe()
{
    QFETCH(QString, button);
    ScenarioStudio s;
    QVERIFY(ScenarioStudio::writeFile(s.workflowsDir() + QStringLiteral("/resident.json"),
                                      workflowText("resident", "Resident", "Step", "Do it")));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("resident").is_object(); }));
    const QString outside = s.path(QStringLiteral("elsewhere"));
    QVERIFY(QDir().mkpath(outside));
    s.shortcut(QKeySequence::New);
    retypeId(s, QStringLiteral("outside-flow"));
    const QString file = outside + QStringLiteral("/outside-flow.json");

    ModalAnswerer modal(ModalAnswerer::click(button));
    const bool saved = s.window->saveAs(s.page(), file);
    QCOMPARE(modal.seen.size(), 1);
    QVERIFY2(modal.seen.front().startsWith(QLatin1String("serveOfferDialog")),
             qPrintable(modal.seen.front()));
    const QString inUserFolder = s.workflowsDir() + QStringLiteral("/outside-flow.json");
    if (button == QLatin1String("serveFolder")) {
        QVERIFY(saved);
        QCOMPARE(s.doc()->filePath(), file);
        QVERIFY(ScenarioStudio::waitFor([&] { return s.served("outside-flow").is_object(); },
                                        1000));
        QCOMPARE(QString::fromStdString(
                     s.runtime->engine().snapshot()->find("outside-flow")->file),
                 file);
        QCOMPARE(settings::workflowDirs(), QStringList{outside});
        QVERIFY(s.served("resident").is_object()); // the folders served before stay
    } else if (button == QLatin1String("saveToUserFolder")) {
        QVERIFY(saved);
        QCOMPARE(s.doc()->filePath(), inUserFolder);
        QVERIFY(!QFile::exists(file));
        QVERIFY(ScenarioStudio::waitFor([&] { return s.served("outside-flow").is_object(); },
                                        1000));
        QCOMPARE(settings::workflowDirs(), QStringList());
    } else if (button == QLatin1String("keepUnserved")) {
        QVERIFY(saved);
        QCOMPARE(s.doc()->filePath(), file);
        QVERIFY(QFile::exists(file));
        QTest::qWait(300);
        QVERIFY(!s.served("outside-flow").is_object());
        // Asked once per file: Ctrl+S again saves without asking. (The offscreen platform does
        // not give the window its activation back when a dialog closes; a desktop does.)
        QApplication::setActiveWindow(s.window.get());
        retitleStep(s, QStringLiteral("step-1"), QStringLiteral("Second save"));
        QVERIFY(s.doc()->isModified());
        s.shortcut(QKeySequence::Save);
        QVERIFY2(!s.doc()->isModified(), qPrintable(modal.seen.join('\n') + QLatin1Char('|')
                                                    + s.window->statusBar()->currentMessage()));
        QCOMPARE(modal.seen.size(), 1);
    } else {
        QVERIFY(!saved);
        QVERIFY(!QFile::exists(file));
        QVERIFY(!QFile::exists(inUserFolder));
        QVERIFY(s.doc()->filePath().isEmpty());
    }
}

// The report: on a first start (no ~/.workrail/workflows yet) Ctrl+S on a new workflow opened
// the file dialog in the working directory, and a save into ~/.workrail/workflows - the folder
// the studio itself suggests - still asked whether to serve it. Now the dialog starts there
// and the save is served without a question.
void TestScenarioFiles::firstSaveGoesToMyWorkflows()
{
    const QString mine = m_home.filePath(QStringLiteral(".workrail/workflows"));
    QDir(m_home.filePath(QStringLiteral(".workrail"))).removeRecursively();
    ScenarioStudio::Config config;
    config.standardLocations = true;
    ScenarioStudio s(config);
    s.shortcut(QKeySequence::New);
    QVERIFY(s.page());
    retypeId(s, QStringLiteral("first-save"));

    QString startedIn;
    ModalAnswerer modal([&startedIn](QWidget *dialog) {
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files) {
            dialog->close();
            return;
        }
        startedIn = files->directory().absolutePath();
        static_cast<QDialog *>(files)->accept(); // Save, with the suggested name <id>.json
    });
    QApplication::setActiveWindow(s.window.get());
    s.shortcut(QKeySequence::Save);
    QVERIFY2(ScenarioStudio::waitFor([&] { return !s.doc()->isModified(); }),
             qPrintable(modal.seen.join('\n')));
    QCOMPARE(modal.seen.size(), 1); // the file dialog, and no serve question
    QCOMPARE(startedIn, mine);
    const QString file = mine + QStringLiteral("/first-save.json");
    QCOMPARE(s.doc()->filePath(), file);
    QVERIFY(QFile::exists(file));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("first-save").is_object(); }, 1000));
    QCOMPARE(settings::workflowDirs(), QStringList()); // a standard location: nothing to add
}

// Settings > workflow folders: applied when OK is pressed, without a restart, and the folders
// the studio was started with stay served.
void TestScenarioFiles::settingsFoldersApplyAtOnce()
{
    ScenarioStudio s;
    QVERIFY(ScenarioStudio::writeFile(s.workflowsDir() + QStringLiteral("/resident.json"),
                                      workflowText("resident", "Resident", "Step", "Do it")));
    const QString extra = s.path(QStringLiteral("team"));
    QVERIFY(QDir().mkpath(extra));
    QVERIFY(ScenarioStudio::writeFile(extra + QStringLiteral("/team.json"),
                                      workflowText("team-flow", "Team", "Step", "Do it")));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("resident").is_object(); }));
    QVERIFY(!s.served("team-flow").is_object());

    bool tokenLabelled = false;
    ModalAnswerer modal([&extra, &tokenLabelled](QWidget *dialog) {
        // "Bearer &token:" showed its "&": a label needs its buddy for the mnemonic.
        auto *token = dialog->findChild<QLineEdit *>(QStringLiteral("mcpToken"));
        for (const QLabel *label : dialog->findChildren<QLabel *>())
            tokenLabelled = tokenLabelled || (token && label->buddy() == token);
        auto *dirs = dialog->findChild<QListWidget *>(QStringLiteral("workflowDirs"));
        auto *note = dialog->findChild<QLabel *>(QStringLiteral("foldersNote"));
        if (dirs && note && note->text().contains(QLatin1String("at once")))
            dirs->addItem(extra);
        auto *buttons = dialog->findChild<QDialogButtonBox *>();
        buttons->button(QDialogButtonBox::Ok)->click();
    });
    s.window->action(QStringLiteral("fileSettings"))->trigger();
    QCOMPARE(modal.seen, QStringList{QStringLiteral("settingsDialog")});
    QVERIFY(tokenLabelled);
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("team-flow").is_object(); }, 1000));
    QVERIFY(s.served("resident").is_object());
    QVERIFY(ScenarioStudio::waitFor(
        [&] { return s.window->library()->visibleIds().contains(QStringLiteral("team-flow")); },
        1000));
}

// Help > Connect an Agent: the URL and token of the listener that runs (port 0: the system's
// choice, not the settings' port), "not running" when it is off, and the served folders in the
// stdio configuration.
void TestScenarioFiles::connectAgentShowsTheRunningListener()
{
    ScenarioStudio s;
    mcp::Dispatcher dispatcher(std::make_shared<mcp::RuntimeBackend>(s.runtime.get()));
    mcp::HttpServer::Options so;
    so.port = 0;
    so.token = "scenario-token-0123";
    mcp::HttpServer server(dispatcher, so);
    QVERIFY(server.start());
    const QString url = QString::fromStdString(server.url());
    QVERIFY(!url.contains(QStringLiteral(":%1/").arg(settings::mcpPort())));
    s.window->setMcpStatus(QStringLiteral("MCP listener: %1 (bearer token required)").arg(url));
    s.window->setMcpListener(url, QStringLiteral("scenario-token-0123"));

    QString listener, http, vsCode, claudeCode;
    const auto read = [&](QWidget *modal) {
        if (auto *dialog = qobject_cast<ConnectAgentDialog *>(modal)) {
            listener = dialog->listenerText();
            http = dialog->snippet(QStringLiteral("http"));
            vsCode = dialog->snippet(QStringLiteral("vsCodeHttp"));
            claudeCode = dialog->snippet(QStringLiteral("claudeCode"));
        }
        modal->close();
    };
    {
        ModalAnswerer modal(read);
        s.window->action(QStringLiteral("helpConnectAgent"))->trigger();
        QCOMPARE(modal.seen, QStringList{QStringLiteral("connectAgentDialog")});
    }
    QVERIFY2(listener.contains(url), qPrintable(listener));
    QVERIFY2(http.contains(QStringLiteral("URL: %1").arg(url)), qPrintable(http));
    QVERIFY(http.contains(QLatin1String("Authorization: Bearer scenario-token-0123")));
    QVERIFY(vsCode.contains(url));
    QVERIFY2(claudeCode.contains(QStringLiteral("--workflows %1").arg(s.workflowsDir())),
             qPrintable(claudeCode));

    server.stop();
    s.window->setMcpStatus(QStringLiteral("MCP listener: stopped"));
    s.window->setMcpListener({}, {});
    {
        ModalAnswerer modal(read);
        s.window->action(QStringLiteral("helpConnectAgent"))->trigger();
        QCOMPARE(modal.seen.size(), 1);
    }
    QVERIFY2(listener.contains(QLatin1String("not running")), qPrintable(listener));
    QVERIFY(listener.contains(QLatin1String("MCP listener: stopped")));
    QVERIFY(!http.contains(url));
    QVERIFY(!http.contains(QLatin1String("scenario-token-0123")));
}

QTEST_MAIN(TestScenarioFiles)
#include "tst_scenario_files.moc"
