// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio validate` end to end (QProcess on build/bin/wfstudio): exit codes 0/1/2, the
// one-line and --json outputs, directories (recursive, sorted), and files that cannot be read
// inside a directory. Tests run as root, so chmod 000 would not block reading: unreadable
// entries are made with a dangling symlink and a FIFO named *.json instead.
#include "model/jsonio.h"
#include "testfiles.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using wfs::test::writeFile;

struct RunResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

static RunResult runValidate(const QStringList &args)
{
    QProcess p;
    p.setProgram(wfs::test::binaryDir() + QStringLiteral("/bin/wfstudio"));
    p.setArguments(QStringList{QStringLiteral("validate")} + args);
    p.start();
    RunResult r;
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

class TestValidate : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QVERIFY2(QFile::exists(wfs::test::binaryDir() + QStringLiteral("/bin/wfstudio")),
                 "build the wfstudio target first");
    }

    void usage_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stderrContains");
        QTest::newRow("no path") << QStringList{} << 2 << "wfstudio validate: no PATH given";
        QTest::newRow("only --json")
            << QStringList{"--json"} << 2 << "wfstudio validate: no PATH given";
        QTest::newRow("unknown option") << QStringList{"--frobnicate", "x.json"} << 2
                                        << "wfstudio validate: unknown option '--frobnicate'";
        QTest::newRow("missing path") << QStringList{"/nonexistent/wf.json"} << 2
                                      << "wfstudio validate: '/nonexistent/wf.json' does not exist";
    }
    void usage()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, stderrContains);
        const RunResult r = runValidate(args);
        QCOMPARE(r.exitCode, exitCode);
        QVERIFY2(r.err.contains(stderrContains), qPrintable(r.err));
        QVERIFY(r.out.isEmpty());
    }

    void help()
    {
        const RunResult r = runValidate({QStringLiteral("--help")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY(r.out.startsWith(QStringLiteral("Usage: wfstudio validate [--json] PATH...")));
    }

    // Our samples: valid, and not a single warning.
    void samplesAreClean()
    {
        const RunResult r =
            runValidate({wfs::test::sourceDir() + QStringLiteral("/resources/workflows")});
        QCOMPARE(r.exitCode, 0);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, QString());
        QVERIFY(QDir(wfs::test::sourceDir() + QStringLiteral("/resources/workflows"))
                    .entryList({QStringLiteral("*.json")})
                    .size() >= 6);
    }

    void corpus_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QStringList>("expectedLines"); // each must appear in stdout
        // WorkRail's own workflows load and run: exit 0. They draw 31 warnings: 30 regex
        // patterns written with PCRE's inline flag "(?i)" that JavaScript rejects
        // (workflow_validate fails on those steps), and a for loop's indexVar. Everything else,
        // examples/ included, is clean.
        QTest::newRow("WorkRail workflows (recursive, with examples/)")
            << "workrail/workflows" << 0
            << QStringList{"/workrail/workflows/adaptive-ticket-creation.json:44:32: warning: the "
                           "pattern does not compile as an ECMAScript regular expression (invalid "
                           "group at offset 1); JavaScript has no inline flags: remove '(?i)' and "
                           "add \"flags\": \"i\"; WorkRail's workflow_validate fails on this "
                           "step with \"Invalid regex pattern in validationCriteria\" "
                           "[/steps/1/validationCriteria/0/pattern]",
                           "/workrail/workflows/coding-task-workflow-with-loops.json:427:29: "
                           "warning: indexVar is used only by forEach loops; this is a for loop "
                           "[/steps/17/loop/indexVar]"};
        QTest::newRow("WorkRail loop examples")
            << "workrail/workflows/examples" << 0 << QStringList{};
        QTest::newRow("invalid-workflow.json")
            << "workrail/spec/invalid-workflow.json" << 1
            << QStringList{"/workrail/spec/invalid-workflow.json:2:9: error: does not match the "
                           "pattern ^[a-z0-9-]+$ [/id]",
                           "/workrail/spec/invalid-workflow.json:14:12: error: must contain at "
                           "least 1 item(s) [/steps]",
                           "/workrail/spec/invalid-workflow.json:19:17: error: property "
                           "'extraField' is not allowed here [/extraField]"};
    }
    void corpus()
    {
        WFS_REQUIRE_SHARED();
        QFETCH(QString, path);
        QFETCH(int, exitCode);
        QFETCH(QStringList, expectedLines);
        const RunResult r = runValidate({wfs::test::sharedDir() + QLatin1Char('/') + path});
        QVERIFY2(r.exitCode == exitCode, qPrintable(r.out + r.err));
        for (const QString &line : expectedLines)
            QVERIFY2(r.out.contains(line), qPrintable(r.out));
        const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        if (path == QLatin1String("workrail/workflows")) {
            QCOMPARE(lines.size(), 31);
            QCOMPARE(lines.filter(QStringLiteral("remove '(?i)'")).size(), 30);
        }
        for (const QString &line : lines)
            QVERIFY2(line.contains(QLatin1String(": error: ")) ||
                         line.contains(QLatin1String(": warning: ")),
                     qPrintable(line));
    }

    // A directory holding good, broken and unreadable entries: every problem is reported with
    // its file, the others are still checked, files come sorted, the exit code is 1.
    void directoryWithProblems()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("sub/deeper")));
        writeFile(dir.filePath(QStringLiteral("a-good.json")),
                  "{\"id\": \"good-one\", \"name\": \"G\", \"description\": \"D\", "
                  "\"version\": \"1.0.0\", \"steps\": [{\"id\": \"s-1\", \"title\": \"T\", "
                  "\"prompt\": \"P\"}]}");
        writeFile(dir.filePath(QStringLiteral("b-truncated.json")), "{\n  \"id\": \"x\",\n");
        writeFile(dir.filePath(QStringLiteral("sub/deeper/c-dup.json")),
                  "{\"id\": \"dup\", \"name\": \"G\", \"description\": \"D\", \"version\": "
                  "\"1.0.0\", \"steps\": [\n{\"id\": \"s-1\", \"title\": \"T\", \"prompt\": "
                  "\"P\"},\n{\"id\": \"s-1\", \"title\": \"T\", \"prompt\": \"P\"}]}");
        writeFile(dir.filePath(QStringLiteral("notes.txt")), "not json, not checked");
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone")),
                            dir.filePath(QStringLiteral("d-dangling.json"))));
#ifdef Q_OS_UNIX
        QCOMPARE(
            ::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("e-fifo.json"))).constData(),
                     0600),
            0);
#endif
        const RunResult r = runValidate({dir.path()});
        QCOMPARE(r.exitCode, 1);
        const QString base = dir.path();
        QStringList expected{
            base + QStringLiteral("/b-truncated.json:3:1: error: unexpected end of input []"),
            base + QStringLiteral("/d-dangling.json:0:0: error: cannot read '") + base +
                QStringLiteral("/d-dangling.json': it is a dangling symbolic link []"),
        };
#ifdef Q_OS_UNIX
        expected << base + QStringLiteral("/e-fifo.json:0:0: error: cannot read '") + base +
                        QStringLiteral("/e-fifo.json': not a regular file (device, FIFO or "
                                       "socket) []");
#endif
        expected << base + QStringLiteral("/sub/deeper/c-dup.json:3:8: error: duplicate step id "
                                          "'s-1'; the first is at /steps/0. Step ids must be "
                                          "unique: completedSteps names steps by id [/steps/1/id]");
        QCOMPARE(r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts), expected);
    }

    void jsonOutput()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString file = dir.filePath(QStringLiteral("w.json"));
        writeFile(file, "{\"id\": \"w-1\", \"name\": \"N\", \"description\": \"D\", \"version\": "
                        "\"1.0.0\", \"steps\": [{\"id\": \"s-1\", \"title\": \"T\", \"prompt\": "
                        "\"P\", \"runCondition\": {\"or\": []}}]}");
        const RunResult r = runValidate({QStringLiteral("--json"), file});
        QCOMPARE(r.exitCode, 0); // a warning only
        const wfs::ParsedJson p = wfs::parseJson(r.out.toStdString());
        QVERIFY2(p.ok, qPrintable(r.out));
        QVERIFY(p.value.is_array());
        QCOMPARE(p.value.size(), std::size_t(1));
        const wfs::Json &d = p.value[0];
        QCOMPARE(d.at("file").get<std::string>(), file.toStdString());
        QCOMPARE(d.at("line").get<int>(), 1);
        QCOMPARE(d.at("column").get<int>(), 137);
        QCOMPARE(d.at("pointer").get<std::string>(), std::string("/steps/0/runCondition"));
        QCOMPARE(d.at("severity").get<std::string>(), std::string("warning"));
        QCOMPARE(d.at("source").get<std::string>(), std::string("semantic"));

        const RunResult clean =
            runValidate({QStringLiteral("--json"),
                         wfs::test::sourceDir() + QStringLiteral("/resources/workflows")});
        QCOMPARE(clean.exitCode, 0);
        QCOMPARE(clean.out, QStringLiteral("[]\n"));
    }
};

QTEST_APPLESS_MAIN(TestValidate)
#include "tst_validate.moc"
