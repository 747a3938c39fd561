// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The official JSON-Schema-Test-Suite, draft 7 (Debian package json-schema-test-suite):
// every required test must pass; the optional ones (formats, bignum, ECMA-262 regex,
// content, zero-terminated floats) must pass at 90 % or more, and the rate is printed.
// refRemote's http://localhost:1234/ is served from the suite's remotes/ folder through the
// RemoteLoader, so nothing touches the network.
#include "model/jsonschema/validator.h"
#include "testfiles.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

using namespace wfs;
using wfs::test::readJson;
using namespace wfs::schema;

namespace {

QString suiteRoot()
{
    const QByteArray env = qgetenv("WFS_JSON_SCHEMA_TEST_SUITE");
    return env.isEmpty() ? QStringLiteral("/usr/share/json-schema-test-suite")
                         : QString::fromLocal8Bit(env);
}

Result<Json> loadRemote(const std::string &uri)
{
    const std::string prefix = "http://localhost:1234/";
    if (uri.rfind(prefix, 0) != 0)
        return Result<Json>::failure("not served in tests: " + uri);
    const QString path = suiteRoot() + QStringLiteral("/remotes/") +
                         QString::fromStdString(uri.substr(prefix.size()));
    Json j = readJson(path);
    if (j.is_discarded() || j.is_null())
        return Result<Json>::failure("cannot read " + path.toStdString());
    return j;
}

struct Outcome
{
    int passed = 0;
    int total = 0;
    QStringList failures;
};

// Runs one suite file; also checks that the fast path and the all-errors path agree.
Outcome runFile(const QString &path, bool optional)
{
    Outcome out;
    const Json groups = readJson(path);
    if (!groups.is_array()) {
        out.total = 1;
        out.failures << QStringLiteral("%1: unreadable").arg(path);
        return out;
    }
    for (const Json &group : groups) {
        CompileOptions options;
        options.loader = loadRemote;
        options.validateContent = optional;
        Result<Validator> v = Validator::compile(group["schema"], options);
        for (const Json &test : group["tests"]) {
            ++out.total;
            const std::string name = group["description"].get<std::string>() + " / " +
                                     test["description"].get<std::string>();
            if (!v) {
                out.failures << QString::fromStdString(name +
                                                       ": schema did not compile: " + v.error());
                continue;
            }
            const bool expected = test["valid"].get<bool>();
            const bool fast = v->validate(test["data"]);
            std::vector<SchemaError> errors;
            const bool full = v->validate(test["data"], &errors);
            if (fast != expected) {
                out.failures << QString::fromStdString(name +
                                                       (expected ? ": rejected" : ": accepted"));
            } else if (full != fast || errors.empty() != full) {
                out.failures << QString::fromStdString(name + ": all-errors mode disagrees");
            } else {
                ++out.passed;
            }
        }
    }
    return out;
}

} // namespace

class TestJsonSchemaSuite : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (!QDir(suiteRoot() + QStringLiteral("/tests/draft7")).exists())
            QSKIP(qPrintable(QStringLiteral("JSON-Schema-Test-Suite not found at %1 (Debian "
                                            "package json-schema-test-suite, or set "
                                            "WFS_JSON_SCHEMA_TEST_SUITE)")
                                 .arg(suiteRoot())));
    }

    // Every required draft-7 test passes, file by file.
    void required_data()
    {
        QTest::addColumn<QString>("path");
        const QDir dir(suiteRoot() + QStringLiteral("/tests/draft7"));
        for (const QString &file :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
            QTest::newRow(qPrintable(file)) << dir.filePath(file);
    }
    void required()
    {
        QFETCH(QString, path);
        const Outcome o = runFile(path, false);
        QVERIFY2(o.failures.isEmpty(), qPrintable(o.failures.join(QLatin1Char('\n'))));
        QVERIFY(o.total > 0);
    }

    // The optional tests: print the pass rate, require at least 90 %.
    void optional()
    {
        const QString root = suiteRoot() + QStringLiteral("/tests/draft7/optional");
        QDirIterator it(root, {QStringLiteral("*.json")}, QDir::Files,
                        QDirIterator::Subdirectories);
        QStringList files;
        while (it.hasNext())
            files << it.next();
        files.sort();
        int passed = 0, total = 0;
        for (const QString &file : files) {
            const Outcome o = runFile(file, true);
            passed += o.passed;
            total += o.total;
            qInfo("%s: %d/%d", qPrintable(QDir(root).relativeFilePath(file)), o.passed, o.total);
            for (const QString &f : o.failures)
                qInfo("    failed: %s", qPrintable(f));
        }
        QVERIFY(total > 0);
        const double rate = 100.0 * passed / total;
        qInfo("optional draft-7 tests: %d/%d passed (%.1f %%)", passed, total, rate);
        QVERIFY2(rate >= 90.0,
                 qPrintable(QStringLiteral("optional pass rate %1 % < 90 %").arg(rate, 0, 'f', 1)));
    }
};

QTEST_GUILESS_MAIN(TestJsonSchemaSuite)
#include "tst_jsonschemasuite.moc"
