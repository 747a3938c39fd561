// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Crash recovery of the real executable: an unsaved edit survives SIGKILL and is offered (here
// auto-accepted) at the next start; recovery files of live instances are left alone (their
// lock decides, not a process id); write errors are reported.
#include "testutil.h"

#include "model/jsonio.h"
#include "ui/document/workflowdocument.h"
#include "ui/recoverymanager.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace wfs;
using namespace wfs::studio;

namespace {

QString studioBinary()
{
    return wfs::test::binaryDir() + QStringLiteral("/bin/workflow-studio");
}

QProcessEnvironment isolatedEnvironment(const QTemporaryDir &tmp)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), tmp.filePath(QStringLiteral("home")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), tmp.filePath(QStringLiteral("data")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), tmp.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), tmp.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("WFS_AUTOSAVE_DEBOUNCE_MS"), QStringLiteral("50"));
    env.insert(QStringLiteral("WFS_AUTOSAVE_INTERVAL_MS"), QStringLiteral("300"));
    env.remove(QStringLiteral("WORKFLOW_STORAGE_PATH"));
    return env;
}

QString recoveryDir(const QTemporaryDir &tmp)
{
    return tmp.filePath(QStringLiteral("data/WorkflowStudio/Workflow Studio/recovery"));
}

// Polls until `predicate` holds or `ms` pass.
template<typename F>
bool waitFor(F predicate, int ms)
{
    QElapsedTimer t;
    t.start();
    while (!predicate()) {
        if (t.elapsed() > ms)
            return false;
        QTest::qWait(50);
    }
    return true;
}

QStringList recoveryFilesContaining(const QString &dir, const QByteArray &needle)
{
    QStringList out;
    for (const QFileInfo &fi : QDir(dir).entryInfoList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile f(fi.absoluteFilePath());
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(needle))
            out << fi.absoluteFilePath();
    }
    return out;
}

} // namespace

class TestRecovery : public QObject
{
    Q_OBJECT
private slots:
    void unsavedEditSurvivesKill();
    void liveProcessFilesAreNotOrphans();
    void writeErrorsAreReported();
};

void TestRecovery::unsavedEditSurvivesKill()
{
#ifndef WFS_TEST_HOOKS
    QSKIP("needs the studio's test hooks (configure with -DWFS_TEST_HOOKS=ON)");
#endif
    // A build dependency of this test (CMake add_dependencies): missing means a broken build.
    QVERIFY2(QFile::exists(studioBinary()),
             "workflow-studio is not built (build the workflow-studio target)");
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString workflowPath = tmp.filePath(QStringLiteral("wf.json"));
    const std::string original = formatJsonForSave(WorkflowDocument::blankWorkflow());
    {
        QFile f(workflowPath);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(original.data(), static_cast<qint64>(original.size()));
    }

    // First run: open the file, edit it (test hook = an inspector edit), never save.
    QProcess first;
    QProcessEnvironment env = isolatedEnvironment(tmp);
    env.insert(QStringLiteral("WFS_TEST_EDIT"),
               QStringLiteral("/steps/0|/title|\"Edited before crash\""));
    first.setProcessEnvironment(env);
    first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    first.start(studioBinary(), {workflowPath, QStringLiteral("--no-mcp")});
    QVERIFY2(first.waitForStarted(10000), qPrintable(first.errorString()));
    const QString dir = recoveryDir(tmp);
    QVERIFY2(waitFor([&] { return !recoveryFilesContaining(dir, "Edited before crash").isEmpty(); },
                     20000),
             qPrintable(QStringLiteral("no recovery file in %1").arg(dir)));
    const QStringList crashed = recoveryFilesContaining(dir, "Edited before crash");
    first.kill(); // SIGKILL: no destructor, no clean-up
    QVERIFY(first.waitForFinished(10000));

    // Second run: the recovery is offered and (by the test variable) accepted.
    const QString report = tmp.filePath(QStringLiteral("report.json"));
    QProcess second;
    QProcessEnvironment env2 = isolatedEnvironment(tmp);
    env2.insert(QStringLiteral("WFS_RECOVERY_AUTO_ACCEPT"), QStringLiteral("1"));
    env2.insert(QStringLiteral("WFS_TEST_REPORT"), report);
    second.setProcessEnvironment(env2);
    second.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    second.start(studioBinary(), {QStringLiteral("--no-mcp")});
    QVERIFY(second.waitForStarted(10000));
    const bool reported = waitFor([&] { return QFile::exists(report); }, 20000);
    second.kill();
    second.waitForFinished(10000);
    QVERIFY2(reported, "the second run wrote no report");

    const ParsedJson r = loadJsonFile(report.toStdString());
    QVERIFY(r.ok);
    const Json &docs = r.value["documents"];
    QCOMPARE(docs.size(), std::size_t(1));
    QCOMPARE(docs[0]["workflow"]["steps"][0]["title"].dump(), Json("Edited before crash").dump());
    QCOMPARE(docs[0]["modified"].dump(), std::string("true"));
    QCOMPARE(QString::fromStdString(docs[0]["filePath"].get<std::string>()), workflowPath);
    for (const QString &f : crashed)
        QVERIFY2(!QFile::exists(f), qPrintable(f + QStringLiteral(" was not consumed")));
    // The file itself never received the unsaved edit.
    QFile f(workflowPath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    QCOMPARE(f.readAll().toStdString(), original);
}

// Writes `record` as a recovery file `name` in `dir`.
static bool writeRecord(const QString &dir, const QString &name, const Json &record)
{
    QFile out(dir + QLatin1Char('/') + name);
    return out.open(QIODevice::WriteOnly) &&
           out.write(QByteArray::fromStdString(record.dump())) > 0;
}

static Json readRecord(const QString &file)
{
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        return nullptr;
    return Json::parse(in.readAll().toStdString());
}

void TestRecovery::liveProcessFilesAreNotOrphans()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("rec"));
    RecoveryManager manager(dir);
    QVERIFY(manager.holdsInstanceLock());
    WorkflowDocument doc;
    doc.load(WorkflowDocument::blankWorkflow(), {}, true);
    manager.track(&doc);
    QVERIFY(manager.writeNow(&doc));
    const QString ours = manager.recoveryFile(&doc);
    QVERIFY(QFile::exists(ours));
    // A random name, not the process id; the record names the instance.
    QVERIFY(
        !QFileInfo(ours).fileName().contains(QString::number(QCoreApplication::applicationPid())));
    QCOMPARE(QString::fromStdString(readRecord(ours)["instance"].get<std::string>()),
             manager.instanceId());
    QVERIFY(manager.orphans().isEmpty()); // ours: this instance holds its lock

    // A second live instance (its own lock, held): it takes nothing of ours.
    {
        RecoveryManager other(dir);
        QVERIFY(other.holdsInstanceLock());
        QVERIFY(other.instanceId() != manager.instanceId());
        QVERIFY(other.instanceAlive(manager.instanceId()));
        QVERIFY(other.orphans().isEmpty());
        QVERIFY(QFile::exists(ours));
    }
    // Gone cleanly: its lock file went with it.
    QCOMPARE(QDir(dir).entryList({QStringLiteral("instance-*.lock")}).size(), 1);
    // Killed with nothing unsaved: its stale lock file is removed by the next look.
    const QString idle = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QFile lock(RecoveryManager::lockFileName(dir, idle));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write("999999999\nworkflow-studio\n\n");
    }
    QVERIFY(manager.orphans().isEmpty());
    QVERIFY(!QFile::exists(RecoveryManager::lockFileName(dir, idle)));
    QVERIFY(QFile::exists(RecoveryManager::lockFileName(dir, manager.instanceId())));

    // A crashed instance whose process id now belongs to a running process (here: this test,
    // as a reused id would): its lock file names a live process, but nobody holds the lock.
    // Its work is an orphan; a decision by process id hid it.
    const QString crashed = QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QFile lock(RecoveryManager::lockFileName(dir, crashed));
        QVERIFY(lock.open(QIODevice::WriteOnly));
        lock.write(QByteArray::number(QCoreApplication::applicationPid()) + '\n' +
                   QCoreApplication::applicationName().toUtf8() + '\n' +
                   QSysInfo::machineHostName().toUtf8() + '\n');
    }
    Json record = readRecord(ours);
    record["instance"] = crashed.toStdString();
    record["pid"] = QCoreApplication::applicationPid();
    record["workflow"]["name"] = "Crashed work";
    QVERIFY(writeRecord(dir, QStringLiteral("crashed.json"), record));
    // An instance that never left a lock file at all (killed before it took it): an orphan.
    record["instance"] = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    record["workflow"]["name"] = "Unlocked work";
    QVERIFY(writeRecord(dir, QStringLiteral("unlocked.json"), record));
    // A file of an older version (no instance) whose process has exited: an orphan.
    QProcess gone;
    gone.start(QStringLiteral("sleep"), {QStringLiteral("0.1")});
    QVERIFY(gone.waitForStarted(5000));
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished(5000));
    record.erase("instance");
    record["pid"] = deadPid;
    record["workflow"]["name"] = "Old format";
    QVERIFY(writeRecord(dir, QStringLiteral("old.json"), record));
    const bool deadPidReused = RecoveryManager::processAlive(deadPid);

    QStringList names;
    for (const RecoveryManager::Orphan &o : manager.orphans())
        names << QString::fromStdString(o.workflow["name"].get<std::string>());
    names.sort();
    QStringList expected{QStringLiteral("Crashed work"), QStringLiteral("Unlocked work")};
    if (!deadPidReused)
        expected << QStringLiteral("Old format");
    expected.sort();
    QCOMPARE(names, expected);
    QVERIFY(!manager.instanceAlive(crashed));
    QVERIFY(!QFile::exists(RecoveryManager::lockFileName(dir, crashed))); // stale: removed
    QVERIFY(!manager.instanceAlive(QStringLiteral("../../etc")));         // not an instance id

    // Saving removes the live file.
    doc.markSaved();
    QVERIFY(manager.writeNow(&doc));
    QVERIFY(!QFile::exists(ours));
}

// A recovery file that cannot be written is reported (signal, lastError), not dropped.
void TestRecovery::writeErrorsAreReported()
{
    QTemporaryDir tmp;
    const QString dir = tmp.filePath(QStringLiteral("rec"));
    RecoveryManager manager(dir);
    WorkflowDocument doc;
    doc.load(WorkflowDocument::blankWorkflow(), QStringLiteral("/work/flow.json"), true);
    manager.track(&doc);
    QSignalSpy failed(&manager, &RecoveryManager::writeFailed);
    // The recovery file's place is taken by a folder: the write must fail.
    QVERIFY(QDir().mkpath(manager.recoveryFile(&doc)));
    QVERIFY(!manager.writeNow(&doc));
    QCOMPARE(failed.count(), 1);
    const QString message = failed.front().front().toString();
    QVERIFY2(message.contains(QStringLiteral("flow.json")) &&
                 message.contains(QDir::toNativeSeparators(manager.recoveryFile(&doc))),
             qPrintable(message));
    QCOMPARE(manager.lastError(), message);
    QVERIFY(QDir().rmdir(manager.recoveryFile(&doc)));
    QVERIFY(manager.writeNow(&doc));
    QVERIFY(manager.lastError().isEmpty());
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
