// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Our bundled workflow schema (:/schema/workflow.schema.json) must accept exactly what
// WorkRail's schema (../shared/workrail/spec/workflow.schema.json) accepts. Both are compiled
// with our validator and compared on every JSON file of ../shared/workrail and on a
// deterministic set of mutations of the workflows (missing fields, wrong types, bad ids, extra
// properties, out-of-range loop values, long strings, bad versions, ...).
//
// WFS_DUMP_MUTATIONS=<dir> writes every mutated document plus verdicts.json there, so that the
// verdicts can be checked against ajv by hand (tests/bench/schema/ajv-verdicts.mjs).
#include "model/jsonschema/validator.h"
#include "testfiles.h"
#include "testutil.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTest>

#include <functional>

using namespace wfs;
using wfs::test::readJson;
using namespace wfs::schema;

namespace {

Result<Validator> workrailValidator()
{
    const Json schema =
        readJson(test::sharedDir() + QStringLiteral("/workrail/spec/workflow.schema.json"));
    if (schema.is_discarded())
        return Result<Validator>::failure("cannot read WorkRail's workflow.schema.json");
    CompileOptions options;
    options.lengthUnit = LengthUnit::Utf16Units;
    return Validator::compile(schema, options);
}

struct Mutation
{
    std::string label;
    Json document;
};

// Every pointer to an object, array, string and number in `doc`, in document order.
void collect(const Json &v, const std::string &ptr, std::vector<std::string> &out)
{
    out.push_back(ptr);
    if (v.is_object()) {
        for (auto it = v.begin(); it != v.end(); ++it) {
            std::string key;
            for (char c : it.key())
                key += c == '~'   ? std::string("~0")
                       : c == '/' ? std::string("~1")
                                  : std::string(1, c);
            collect(*it, ptr + "/" + key, out);
        }
    } else if (v.is_array()) {
        for (std::size_t i = 0; i < v.size(); ++i)
            collect(v[i], ptr + "/" + std::to_string(i), out);
    }
}

// A deterministic catalogue of mutations of `doc`: structural edits applied at every node,
// plus targeted edits of the fields WorkRail constrains. `stride` thins the structural edits.
std::vector<Mutation> mutate(const Json &doc, const std::string &name, std::size_t stride)
{
    std::vector<Mutation> out;
    auto add = [&](const std::string &label, const std::function<void(Json &)> &edit) {
        Mutation m{name + ": " + label, doc};
        edit(m.document);
        out.push_back(std::move(m));
    };
    std::vector<std::string> pointers;
    collect(doc, "", pointers);
    const Json wrongValues =
        Json::array({123, "text", true, nullptr, Json::array(), Json::object(), 1.5, -1});
    for (std::size_t i = 0; i < pointers.size(); i += stride) {
        const std::string &p = pointers[i];
        const Json::json_pointer ptr(p);
        const Json &node = doc.at(ptr);
        if (node.is_object()) {
            add("extra property at '" + p + "'",
                [&](Json &d) { d.at(ptr)["unexpectedField"] = 1; });
            for (auto it = node.begin(); it != node.end(); ++it) {
                const std::string key = it.key();
                add("remove '" + key + "' at '" + p + "'", [&](Json &d) { d.at(ptr).erase(key); });
            }
        } else if (node.is_array()) {
            add("empty array at '" + p + "'", [&](Json &d) { d.at(ptr) = Json::array(); });
            if (!node.empty())
                add("duplicate first item at '" + p + "'",
                    [&](Json &d) { d.at(ptr).push_back(d.at(ptr)[0]); });
        } else if (node.is_string()) {
            const std::size_t len = node.get_ref<const std::string &>().size();
            add("empty string at '" + p + "'", [&](Json &d) { d.at(ptr) = ""; });
            add("long string at '" + p + "'",
                [&](Json &d) { d.at(ptr) = std::string(len < 100 ? 129 : 2049, 'x'); });
            add("bad id chars at '" + p + "'", [&](Json &d) { d.at(ptr) = "Bad_ID here"; });
        } else if (node.is_number()) {
            for (const Json &n : {Json(0), Json(-1), Json(1001), Json(1000), Json(2.5)})
                add("number " + n.dump() + " at '" + p + "'", [&](Json &d) { d.at(ptr) = n; });
        }
        if (!p.empty()) {
            const Json &wrong = wrongValues[i % wrongValues.size()];
            add("wrong type " + wrong.dump() + " at '" + p + "'",
                [&](Json &d) { d.at(ptr) = wrong; });
        }
    }
    // Targeted edits.
    for (const char *v : {"1.0", "01.0.0", "1.0.0-", "1.0.0+build.7", "1.0.0-alpha.1", "v1.0.0",
                          "1.0.0-01", "1.2.3-rc.1+exp.sha.5114f85"})
        add(std::string("version ") + v, [&](Json &d) { d["version"] = v; });
    for (const char *v : {"ab", "abc", "UPPER-case", "with space", "ok-id-123"})
        add(std::string("id ") + v, [&](Json &d) { d["id"] = v; });
    add("id 64 chars", [&](Json &d) { d["id"] = std::string(64, 'a'); });
    add("id 65 chars", [&](Json &d) { d["id"] = std::string(65, 'a'); });
    add("name 128 chars", [&](Json &d) { d["name"] = std::string(128, 'n'); });
    add("name 127 chars + astral (129 UTF-16 units)",
        [&](Json &d) { d["name"] = std::string(127, 'n') + "\xF0\x9F\x98\x80"; });
    add("description 513 chars", [&](Json &d) { d["description"] = std::string(513, 'd'); });
    add("duplicate preconditions", [&](Json &d) {
        d["preconditions"] = Json::array({"same", "same"});
    });
    add("metaGuidance empty entry", [&](Json &d) { d["metaGuidance"] = Json::array({""}); });
    add("steps empty", [&](Json &d) { d["steps"] = Json::array(); });
    add("functionDefinitions bad name", [&](Json &d) {
        d["functionDefinitions"] = Json::array({{{"name", "1abc"}, {"definition", "x"}}});
    });
    add("functionDefinitions parameter type int", [&](Json &d) {
        d["functionDefinitions"] = Json::parse(
            R"([{"name":"f","definition":"x","parameters":[{"name":"p","type":"int"}]}])");
    });
    // Step edits on the first two loop steps and the first three standard steps.
    const Json steps = doc.value("steps", Json::array());
    int loopsLeft = 2, standardLeft = 3;
    for (std::size_t s = 0; s < steps.size(); ++s) {
        const Json::json_pointer sp("/steps/" + std::to_string(s));
        const std::string at = " in step " + std::to_string(s);
        const bool loop = steps[s].is_object() && steps[s].value("type", "") == "loop";
        if ((loop ? loopsLeft : standardLeft)-- <= 0)
            continue;
        if (loop) {
            for (const Json &mi : {Json(0), Json(1), Json(1000), Json(1001), Json("10")})
                add("maxIterations " + mi.dump() + at,
                    [&](Json &d) { d.at(sp)["loop"]["maxIterations"] = mi; });
            for (const Json &c : {Json(-1), Json(0), Json(1000), Json(1001), Json("n")})
                add("count " + c.dump() + at, [&](Json &d) {
                    d.at(sp)["loop"]["type"] = "for";
                    d.at(sp)["loop"]["count"] = c;
                });
            for (const char *t : {"while", "until", "for", "forEach", "repeat"})
                add(std::string("loop type ") + t + " without extras" + at, [&](Json &d) {
                    d.at(sp)["loop"] = Json{{"type", t}, {"maxIterations", 5}};
                });
            add("loop with prompt" + at, [&](Json &d) { d.at(sp)["prompt"] = "p"; });
            add("loop body number" + at, [&](Json &d) { d.at(sp)["body"] = 5; });
            add("loop body empty array" + at, [&](Json &d) { d.at(sp)["body"] = Json::array(); });
            add("loop iterationVar bad" + at,
                [&](Json &d) { d.at(sp)["loop"]["iterationVar"] = "1x"; });
        } else {
            add("agentRole 9 chars" + at, [&](Json &d) { d.at(sp)["agentRole"] = "123456789"; });
            add("agentRole 10 chars" + at, [&](Json &d) { d.at(sp)["agentRole"] = "1234567890"; });
            add("prompt 2049 chars" + at,
                [&](Json &d) { d.at(sp)["prompt"] = std::string(2049, 'p'); });
            add("title 129 chars" + at,
                [&](Json &d) { d.at(sp)["title"] = std::string(129, 't'); });
            add("type loop on standard step" + at, [&](Json &d) { d.at(sp)["type"] = "loop"; });
            for (const char *rc : {R"({"var":"x","equals":1})", R"({"var":1})", R"({"foo":1})",
                                   R"({"and":{}})", R"({"not":{"or":[{"var":"a"}]}})"})
                add(std::string("runCondition ") + rc + at,
                    [&](Json &d) { d.at(sp)["runCondition"] = Json::parse(rc); });
            for (const char *rc : {"true", "\"yes\"", R"({"var":"x"})", R"({"var":"x","gt":"1"})"})
                add(std::string("requireConfirmation ") + rc + at,
                    [&](Json &d) { d.at(sp)["requireConfirmation"] = Json::parse(rc); });
            for (
                const char *vc :
                {R"([{"type":"contains","value":"x","message":"m"}])", R"({"and":[]})",
                 R"({"and":[{"type":"length","min":1,"message":"m"}],"or":[{"type":"regex","pattern":"a","message":"m"}]})",
                 R"({"not":{"type":"schema","schema":{"type":"object"},"message":"m"}})",
                 R"([{"type":"bogus","message":"m"}])", R"([{"type":"regex","pattern":"a"}])",
                 R"([{"type":"regex","pattern":"a","message":"m","condition":{"and":[1]}}])",
                 R"([{"type":"regex","pattern":"a","message":"m","condition":{"and":[{"x":1}]}}])"})
                add(std::string("validationCriteria ") + vc + at,
                    [&](Json &d) { d.at(sp)["validationCriteria"] = Json::parse(vc); });
            add("functionReferences without parens" + at,
                [&](Json &d) { d.at(sp)["functionReferences"] = Json::array({"foo"}); });
            add("functionCalls without args" + at, [&](Json &d) {
                d.at(sp)["functionCalls"] = Json::array({{{"name", "f"}}});
            });
        }
    }
    return out;
}

} // namespace

class TestWorkflowSchema : public QObject
{
    Q_OBJECT

private slots:
    // The bundled schema is present, compiles, and identifies itself as ours.
    void bundledSchemaCompiles()
    {
        const Json &doc = workflowSchemaDocument();
        QCOMPARE(QString::fromStdString(doc.value("$id", "")),
                 QStringLiteral("https://workflow-studio.dev/schema/workflow/v1.json"));
        const Json minimal = test::minimalWorkflow();
        QVERIFY(workflowSchemaValidator().validate(minimal));
        QVERIFY(!workflowSchemaValidator().validate(Json::object()));
    }

    // Same verdict as WorkRail's schema on every JSON file of ../shared/workrail.
    void sameVerdictOnCorpus()
    {
        WFS_REQUIRE_SHARED();
        Result<Validator> theirs = workrailValidator();
        WFS_VERIFY_RESULT(theirs);
        const Validator &ours = workflowSchemaValidator();
        QDirIterator it(test::sharedDir() + QStringLiteral("/workrail"), {QStringLiteral("*.json")},
                        QDir::Files, QDirIterator::Subdirectories);
        int files = 0, valid = 0;
        Json verdicts = Json::object();
        while (it.hasNext()) {
            const QString path = it.next();
            const Json doc = readJson(path);
            if (doc.is_discarded())
                continue;
            ++files;
            const bool a = theirs->validate(doc);
            const bool b = ours.validate(doc);
            valid += b ? 1 : 0;
            verdicts[path.toStdString()] = b;
            QVERIFY2(
                a == b,
                qPrintable(
                    QStringLiteral("%1: WorkRail says %2, ours says %3").arg(path).arg(a).arg(b)));
        }
        if (const QString dumpDir = qEnvironmentVariable("WFS_DUMP_MUTATIONS");
            !dumpDir.isEmpty()) {
            QFile out(dumpDir + QStringLiteral("/corpus-verdicts.json"));
            if (out.open(QIODevice::WriteOnly))
                out.write(QByteArray::fromStdString(verdicts.dump(1)));
        }
        QVERIFY(files >= 10);
        QVERIFY(valid >= 10);
        qInfo("%d files, %d valid workflows", files, valid);
    }

    // Same verdict on deterministic mutations of the workflows.
    void sameVerdictOnMutations()
    {
        WFS_REQUIRE_SHARED();
        Result<Validator> theirs = workrailValidator();
        WFS_VERIFY_RESULT(theirs);
        const Validator &ours = workflowSchemaValidator();
        const QDir dir(test::sharedDir() + QStringLiteral("/workrail/workflows"));
        const QString dumpDir = qEnvironmentVariable("WFS_DUMP_MUTATIONS");
        Json verdicts = Json::object();
        int total = 0, invalid = 0, validCount = 0;
        QStringList mismatches;
        for (const QString &file :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            const Json doc = readJson(dir.filePath(file));
            if (doc.is_discarded())
                continue;
            for (const Mutation &m : mutate(doc, file.toStdString(), 19)) {
                ++total;
                const bool a = theirs->validate(m.document);
                const bool b = ours.validate(m.document);
                std::vector<SchemaError> errors;
                const bool full = ours.validate(m.document, &errors);
                (a ? validCount : invalid) += 1;
                if (a != b || full != b || errors.empty() != b)
                    mismatches << QStringLiteral("%1: WorkRail %2, ours %3 (all-errors %4)")
                                      .arg(QString::fromStdString(m.label))
                                      .arg(a)
                                      .arg(b)
                                      .arg(full);
                if (!dumpDir.isEmpty()) {
                    const std::string name = "mutation-" + std::to_string(total) + ".json";
                    QFile out(dumpDir + QLatin1Char('/') + QString::fromStdString(name));
                    if (out.open(QIODevice::WriteOnly))
                        out.write(QByteArray::fromStdString(m.document.dump()));
                    verdicts[name] = {{"label", m.label}, {"valid", b}};
                }
            }
        }
        if (!dumpDir.isEmpty()) {
            QFile out(dumpDir + QStringLiteral("/verdicts.json"));
            if (out.open(QIODevice::WriteOnly))
                out.write(QByteArray::fromStdString(verdicts.dump(1)));
        }
        qInfo("%d mutations: %d valid, %d invalid", total, validCount, invalid);
        QVERIFY2(mismatches.isEmpty(), qPrintable(mismatches.join(QLatin1Char('\n'))));
        QVERIFY(total >= 200);
        QVERIFY(invalid >= 100);
        QVERIFY(validCount >= 50);
    }
};

QTEST_GUILESS_MAIN(TestWorkflowSchema)
#include "tst_workflowschema.moc"
