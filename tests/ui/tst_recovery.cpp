// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Crash recovery of the real executable: an unsaved edit survives SIGKILL and is offered (here
// auto-accepted) at the next start; recovery files of live processes are left alone.
#include "testutil.h"

#include "model/jsonio.h"
#include "ui/document/workflowdocument.h"
#include "ui/recoverymanager.h"

#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

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
};

void TestRecovery::unsavedEditSurvivesKill()
{
    if (!QFile::exists(studioBinary()))
        QSKIP("workflow-studio is not built (build the workflow-studio target)");
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

void TestRecovery::liveProcessFilesAreNotOrphans()
{
    QTemporaryDir tmp;
    RecoveryManager manager(tmp.filePath(QStringLiteral("rec")));
    WorkflowDocument doc;
    doc.load(WorkflowDocument::blankWorkflow(), {}, true);
    manager.track(&doc);
    manager.writeNow(&doc);
    QVERIFY(QFile::exists(manager.recoveryFile(&doc)));
    QVERIFY(manager.orphans().isEmpty()); // ours: this process is alive

    // The same record left by a process that has exited is an orphan.
    QProcess gone;
    gone.start(QStringLiteral("sleep"), {QStringLiteral("0.1")});
    QVERIFY(gone.waitForStarted(5000));
    const qint64 deadPid = gone.processId();
    QVERIFY(gone.waitForFinished(5000));
    QFile in(manager.recoveryFile(&doc));
    QVERIFY(in.open(QIODevice::ReadOnly));
    Json record = Json::parse(in.readAll().toStdString());
    record["pid"] = deadPid;
    QFile out(tmp.filePath(QStringLiteral("rec/dead.json")));
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(QByteArray::fromStdString(record.dump()));
    out.close();
    if (RecoveryManager::processAlive(record["pid"].get<qint64>()))
        QSKIP("the exited process id was reused already");
    const auto orphans = manager.orphans();
    QCOMPARE(orphans.size(), 1);
    QCOMPARE(orphans.front().workflow.dump(), doc.json().dump());

    // Saving removes the live file.
    doc.markSaved();
    manager.writeNow(&doc);
    QVERIFY(!QFile::exists(manager.recoveryFile(&doc)));
}

QTEST_GUILESS_MAIN(TestRecovery)
#include "tst_recovery.moc"
