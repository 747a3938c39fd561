// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Crash safety: a child process writes 1 000 transactions and is killed with SIGKILL part-way.
// Afterwards the database passes PRAGMA integrity_check and holds every transaction the child
// reported as committed — complete, in every table it touched — and nothing half-written.
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "engine/store/workflowstore.h"

#include "testutil.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace wfs;
using namespace wfs::store;

class TestCrashSafety : public QObject
{
    Q_OBJECT
private slots:
    void killMidWrite_data();
    void killMidWrite();
};

void TestCrashSafety::killMidWrite_data()
{
    QTest::addColumn<int>("killAfter");
    QTest::newRow("kill after 50 commits") << 50;
    QTest::newRow("kill after 400 commits") << 400;
}

void TestCrashSafety::killMidWrite()
{
    QFETCH(int, killAfter);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("crash.db"));
    QProcess child;
    child.setProgram(QStringLiteral(WFS_CRASHWRITER));
    child.setArguments({path, QStringLiteral("1000")});
    child.start();
    QVERIFY2(child.waitForStarted(10'000), qPrintable(child.errorString()));
    int lastCommitted = -1;
    QByteArray pending;
    while (lastCommitted + 1 < killAfter) {
        if (!child.waitForReadyRead(20'000))
            QFAIL(qPrintable(QStringLiteral("writer stalled: %1")
                                 .arg(QString::fromLocal8Bit(child.readAllStandardError()))));
        pending += child.readAllStandardOutput();
        qsizetype nl;
        while ((nl = pending.indexOf('\n')) >= 0) {
            const QByteArray line = pending.left(nl);
            pending.remove(0, nl + 1);
            if (line.startsWith("committed "))
                lastCommitted = line.mid(10).toInt();
        }
    }
    ::kill(pid_t(child.processId()), SIGKILL);
    QVERIFY(child.waitForFinished(10'000));
    // Lines written just before the kill still count.
    pending += child.readAllStandardOutput();
    for (const QByteArray &line : pending.split('\n'))
        if (line.startsWith("committed "))
            lastCommitted = std::max(lastCommitted, line.mid(10).toInt());
    QCOMPARE(child.exitStatus(), QProcess::CrashExit);
    QVERIFY(lastCommitted < 999);

    auto db = Database::open(path.toStdString());
    WFS_VERIFY_RESULT(db);
    auto check = (*db)->prepare("PRAGMA integrity_check");
    WFS_VERIFY_RESULT(check);
    auto row = check->step();
    WFS_VERIFY_RESULT(row);
    QCOMPARE(check->columnText(0), std::string("ok"));
    auto n = (*db)->queryInt("SELECT count(*) FROM workflows");
    WFS_VERIFY_RESULT(n);
    // Everything reported is there; at most the one transaction in flight beyond it.
    QVERIFY2(*n == lastCommitted + 1 || *n == lastCommitted + 2,
             qPrintable(QStringLiteral("%1 rows, last reported %2").arg(*n).arg(lastCommitted)));
    auto steps = (*db)->queryInt("SELECT count(*) FROM steps");
    WFS_VERIFY_RESULT(steps);
    QCOMPARE(*steps, *n * 5);
    auto fts = (*db)->queryInt("SELECT count(*) FROM workflow_fts");
    WFS_VERIFY_RESULT(fts);
    QCOMPARE(*fts, *n);
    WorkflowStore ws(**db);
    for (int i = 0; i <= lastCommitted; ++i) {
        auto rec = ws.get("wf-" + std::to_string(i));
        WFS_VERIFY_RESULT(rec);
        QVERIFY2(rec->has_value(), qPrintable(QString::number(i)));
    }
    auto hits = ws.search("thing " + std::to_string(lastCommitted * 10 + 4));
    WFS_VERIFY_RESULT(hits);
    QVERIFY(!hits->empty());
    auto ftsCheck = (*db)->exec("INSERT INTO workflow_fts(workflow_fts) VALUES('integrity-check')");
    WFS_VERIFY_RESULT(ftsCheck);
}

QTEST_GUILESS_MAIN(TestCrashSafety)
#include "tst_crashsafety.moc"
