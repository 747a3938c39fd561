// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio validate --schema SCHEMA.json INSTANCE.json...` end to end: one
// `path:line:col: error: message [pointer]` line per problem, in schema evaluation order (ajv's:
// additionalProperties before properties); exit 0 when every instance is
// valid, 1 when one is not (or is not JSON), 2 for an unusable schema or bad usage.
#include "testutil.h"

#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestValidateSchema : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;

    QString path(const char *name) const { return m_dir.filePath(QString::fromUtf8(name)); }

    void write(const char *name, const QByteArray &text)
    {
        QFile f(path(name));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(text);
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        write("schema.json", R"({"type":"object","required":["id"],
            "properties":{"id":{"type":"string","pattern":"^[a-z]+$"},"n":{"$ref":"defs.json"}},
            "additionalProperties":false})");
        write("defs.json", R"({"type":"integer","maximum":10})");
        write("valid.json", R"({"id":"abc","n":3})");
        write("invalid.json", "{\n  \"id\": \"ABC\",\n  \"n\": 11,\n  \"x\": 1\n}\n");
        write("broken.json", "{\"id\": ");
        write("notaschema.json", R"({"type":"strin"})");
    }

    void run_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("stdoutText");
        QTest::addColumn<QString>("stderrContains");
        const QString schema = path("schema.json");
        QTest::newRow("valid instance")
            << QStringList{"--schema", schema, path("valid.json")} << 0 << QString() << QString();
        QTest::newRow("invalid instance, every problem with line:column")
            << QStringList{"--schema", schema, path("invalid.json")} << 1
            << path("invalid.json") + ":4:8: error: property 'x' is not allowed here [/x]\n" +
                   path("invalid.json") +
                   ":2:9: error: does not match the pattern ^[a-z]+$ [/id]\n" +
                   path("invalid.json") + ":3:8: error: must be <= 10 [/n]\n"
            << QString();
        QTest::newRow("--schema=PATH form")
            << QStringList{"--schema=" + schema, path("valid.json")} << 0 << QString() << QString();
        QTest::newRow("instance is not JSON")
            << QStringList{"--schema", schema, path("valid.json"), path("broken.json")} << 1
            << QString() << QString();
        QTest::newRow("unusable schema")
            << QStringList{"--schema", path("notaschema.json"), path("valid.json")} << 2
            << QString() << "unusable schema";
        QTest::newRow("missing schema file")
            << QStringList{"--schema", path("absent.json"), path("valid.json")} << 2 << QString()
            << "absent.json";
        QTest::newRow("--schema without a file")
            << QStringList{"--schema"} << 2 << QString() << "--schema needs a file";
    }
    void run()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, stdoutText);
        QFETCH(QString, stderrContains);
        QProcess p;
        p.start(wfs::test::binaryDir() + QStringLiteral("/bin/wfstudio"),
                QStringList{QStringLiteral("validate")} + args);
        QVERIFY2(p.waitForFinished(30000), "wfstudio did not finish");
        const QString out = QString::fromUtf8(p.readAllStandardOutput());
        const QString err = QString::fromUtf8(p.readAllStandardError());
        QCOMPARE(p.exitCode(), exitCode);
        if (exitCode == 1 && stdoutText.isEmpty())
            QVERIFY2(out.contains(QStringLiteral("error")), qPrintable(out));
        else
            QCOMPARE(out, stdoutText);
        QVERIFY2(err.contains(stderrContains), qPrintable(err));
    }
};

QTEST_GUILESS_MAIN(TestValidateSchema)
#include "tst_validateschema.moc"
