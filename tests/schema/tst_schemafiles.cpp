// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The human-facing side of schema validation: the best-matching oneOf branch, one plain
// sentence per error, diagnostics with line:column for `wfstudio validate --schema`, schema
// files whose relative $refs are read from disk and whose http(s) $refs are refused, and the
// schema diagnostics of checkWorkflowDocument (source "schema").
#include "model/jsonio.h"
#include "model/jsonschema/schemafiles.h"
#include "model/workflowcheck.h"
#include "testfiles.h"
#include "testutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wfs;
using wfs::test::writeFile;
using namespace wfs::schema;

namespace {

QString render(const Diagnostics &ds)
{
    QStringList lines;
    for (const Diagnostic &d : ds)
        lines << QString::fromStdString(std::to_string(d.line) + ":" + std::to_string(d.column) +
                                        " " + d.message + " [" + d.pointer + "] " + d.source);
    return lines.join(QLatin1Char('\n'));
}

const char *const kWorkflowWithProblems = R"({
  "id": "demo",
  "name": "Demo",
  "description": "d",
  "version": "1.0.0",
  "steps": [
    {"id": "s-1", "title": "T", "prompt": "P", "promt": "typo"},
    {"id": "loop-1", "type": "loop", "title": "L",
     "loop": {"type": "for", "maxIterations": 0, "count": 2}, "body": "s-1"}
  ]
})";

} // namespace

class TestSchemaFiles : public QObject
{
    Q_OBJECT

private slots:
    // A bad standard step is reported as a standard step, a bad loop as a loop: the other
    // oneOf branch's complaints and the oneOf error itself are dropped.
    void mostRelevantErrors()
    {
        const Json doc = Json::parse(kWorkflowWithProblems);
        std::vector<SchemaError> all;
        QVERIFY(!workflowSchemaValidator().validate(doc, &all));
        QVERIFY(all.size() > 2);
        const std::vector<SchemaError> best = schema::mostRelevantErrors(all);
        QStringList lines;
        for (const SchemaError &e : best)
            lines << QString::fromStdString(diagnosticPointer(e) + " " + describeSchemaError(e));
        QCOMPARE(lines.join(QLatin1Char('\n')),
                 QStringLiteral("/steps/0/promt property 'promt' is not allowed here\n"
                                "/steps/1/loop/maxIterations must be >= 1"));
    }

    void describe_data()
    {
        QTest::addColumn<QString>("schema");
        QTest::addColumn<QString>("instance");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("required") << R"({"required":["prompt"]})"
                                  << "{}"
                                  << "missing required property 'prompt'";
        QTest::newRow("type list") << R"({"type":["string","null"]})"
                                   << "1"
                                   << "must be of type string or null";
        QTest::newRow("enum") << R"({"enum":["while","until"]})"
                              << "\"for\""
                              << "must be one of: 'while', 'until'";
        QTest::newRow("maxLength")
            << R"({"maxLength":64})"
            << QString(QStringLiteral("\"%1\"")).arg(QString(65, QLatin1Char('a')))
            << "must be at most 64 characters long";
        QTest::newRow("minItems") << R"({"minItems":1})"
                                  << "[]"
                                  << "must contain at least 1 item(s)";
        QTest::newRow("pattern") << R"({"pattern":"^[a-z]+$"})"
                                 << "\"A\""
                                 << "does not match the pattern ^[a-z]+$";
        QTest::newRow("const") << R"({"const":"loop"})"
                               << "\"lop\""
                               << "must be 'loop'";
        QTest::newRow("uniqueItems") << R"({"uniqueItems":true})"
                                     << "[1,1]"
                                     << "items 0 and 1 are identical; the items must be unique";
    }
    void describe()
    {
        QFETCH(QString, schema);
        QFETCH(QString, instance);
        QFETCH(QString, sentence);
        Result<Validator> v = Validator::compile(Json::parse(schema.toStdString()));
        WFS_VERIFY_RESULT(v);
        const auto errors = v->errors(Json::parse(instance.toStdString()));
        QCOMPARE(errors.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(describeSchemaError(errors[0])), sentence);
    }

    // checkWorkflowDocument carries the schema findings with positions.
    void workflowDocumentDiagnostics()
    {
        const std::string text = kWorkflowWithProblems;
        const Json doc = Json::parse(text);
        const Diagnostics ds = checkWorkflowDocument(doc, text, "demo.json");
        Diagnostics schemaDs;
        for (const Diagnostic &d : ds) {
            if (d.source == "schema")
                schemaDs.push_back(d);
        }
        QCOMPARE(
            render(schemaDs),
            QStringLiteral("7:57 property 'promt' is not allowed here [/steps/0/promt] schema\n"
                           "9:47 must be >= 1 [/steps/1/loop/maxIterations] schema"));
        QCOMPARE(QString::fromStdString(schemaDs[0].file), QStringLiteral("demo.json"));
    }

    // Relative $refs are read from disk next to the schema; errors get line:column.
    void schemaFileWithRelativeRef()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        writeFile(
            dir.filePath(QStringLiteral("s.json")),
            R"({"type":"object","required":["a"],"properties":{"a":{"$ref":"sub/defs.json"}}})");
        QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
        writeFile(dir.filePath(QStringLiteral("sub/defs.json")),
                  R"({"type":"integer","minimum":3})");
        writeFile(dir.filePath(QStringLiteral("bad.json")), "{\n  \"a\": 2\n}\n");
        writeFile(dir.filePath(QStringLiteral("good.json")), R"({"a": 5})");
        writeFile(dir.filePath(QStringLiteral("broken.json")), "[1");
        Result<Validator> v = loadSchemaFile(dir.filePath(QStringLiteral("s.json")).toStdString());
        WFS_VERIFY_RESULT(v);
        const Diagnostics ds = validateFilesAgainstSchema(
            *v, {dir.filePath(QStringLiteral("bad.json")).toStdString(),
                 dir.filePath(QStringLiteral("good.json")).toStdString(),
                 dir.filePath(QStringLiteral("broken.json")).toStdString()});
        QCOMPARE(ds.size(), std::size_t(2));
        QCOMPARE(render({ds[0]}), QStringLiteral("2:8 must be >= 3 [/a] schema"));
        QVERIFY(ds[1].file.ends_with("broken.json"));
        QVERIFY(ds[1].source != "schema");
    }

    // Unusable schemas: unreadable, not JSON, not a schema, remote $ref (never fetched).
    void unusableSchemas_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("expected");
        QTest::newRow("not JSON") << QByteArray("{") << "s.json";
        QTest::newRow("bad keyword value") << QByteArray(R"({"minLength":-1})") << "minLength";
        QTest::newRow("http ref refused")
            << QByteArray("{\"$ref\":\"https://example.com/schema.json\"}") << "no network";
        QTest::newRow("missing local ref")
            << QByteArray(R"({"$ref":"nothere.json"})") << "nothere.json";
    }
    void unusableSchemas()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        writeFile(dir.filePath(QStringLiteral("s.json")), text);
        Result<Validator> v = loadSchemaFile(dir.filePath(QStringLiteral("s.json")).toStdString());
        QVERIFY(!v.ok());
        QVERIFY2(QString::fromStdString(v.error()).contains(expected), v.error().c_str());
        QVERIFY(!loadSchemaFile(dir.filePath(QStringLiteral("absent.json")).toStdString()).ok());
    }
};

QTEST_GUILESS_MAIN(TestSchemaFiles)
#include "tst_schemafiles.moc"
