// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Error output of the draft-07 validator: every error is collected (ajv allErrors-like), each
// with the instance pointer, the keyword location along the evaluation path ($ref included),
// the keyword, ajv's message and ajv's params. Also: schema compile errors name the location,
// remote documents are fetched once, lengths can be counted in UTF-16 units.
#include "model/jsonschema/validator.h"
#include "testutil.h"

#include <QTest>

#include <atomic>
#include <thread>

using namespace wfs;
using namespace wfs::schema;

namespace {

// "instancePointer keywordLocation keyword: message" per error, one per line.
QString render(const std::vector<SchemaError> &errors)
{
    QStringList lines;
    for (const SchemaError &e : errors)
        lines << QString::fromStdString("'" + e.instancePointer + "' " + e.keywordLocation + " " +
                                        e.keyword + ": " + e.message);
    return lines.join(QLatin1Char('\n'));
}

// moc (Qt 6.4) misreads raw strings that contain '"#', so the fixtures write '#' as '@'.
Json fixture(std::string text)
{
    for (char &c : text) {
        if (c == '@')
            c = '#';
    }
    return Json::parse(text);
}

QString dumped(const Json &j)
{
    return QString::fromStdString(j.dump());
}

} // namespace

class TestJsonSchemaErrors : public QObject
{
    Q_OBJECT

private slots:
    void errors_data();
    void errors();

    // ajv's params, which WorkRail's messages are built from.
    void params();

    // Unusable schemas fail to compile with a message naming where.
    void compileErrors_data();
    void compileErrors();

    // Recursive schemas that descend into the instance are fine, at compile and validate time.
    void recursion();

    // The loader is asked once per document; a fragment of a remote resolves inside it.
    void remoteLoader();

    // "😀" is one code point but two UTF-16 units.
    void lengthUnits();

    // validate() is const and may run on several threads at once (regex via PCRE included).
    void concurrentValidation();

    // A default-constructed validator accepts everything; copies share the compiled graph.
    void defaultAndCopy();
};

// Slot bodies live outside the class: moc (Qt 6.4) misreads some raw-string fixtures.

void TestJsonSchemaErrors::errors_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("instance");
    QTest::addColumn<QString>("expected");

    QTest::newRow("all missing required properties")
        << R"({"required":["a","b","c"]})"
        << R"({"b":1})"
        << "'' /required required: must have required property 'a'\n"
           "'' /required required: must have required property 'c'";
    QTest::newRow("additional properties reported on the object, one each")
        << R"({"properties":{"a":{}},"additionalProperties":false})"
        << R"({"a":1,"x":2,"y":3})"
        << "'' /additionalProperties additionalProperties: must NOT have additional "
           "properties\n"
           "'' /additionalProperties additionalProperties: must NOT have additional properties";
    QTest::newRow("pointer escaping of ~ and /")
        << R"({"properties":{"a/b":{"type":"string"},"m~n":{"type":"string"}}})"
        << R"({"a/b":1,"m~n":2})"
        << "'/a~1b' /properties/a~1b/type type: must be string\n"
           "'/m~0n' /properties/m~0n/type type: must be string";
    QTest::newRow("keyword location goes through $ref")
        << R"({"properties":{"x":{"$ref":"@/definitions/t"}},"definitions":{"t":{"type":"integer"}}})"
        << R"({"x":"s"})"
        << "'/x' /properties/x/$ref/type type: must be integer";
    QTest::newRow("array items and nested objects")
        << R"({"items":{"properties":{"id":{"minLength":3}}}})"
        << R"([{"id":"abc"},{"id":"ab"},{"id":"a"}])"
        << "'/1/id' /items/properties/id/minLength minLength: must NOT have fewer than 3 "
           "characters\n"
           "'/2/id' /items/properties/id/minLength minLength: must NOT have fewer than 3 "
           "characters";
    QTest::newRow("oneOf reports every branch, then itself")
        << R"({"oneOf":[{"type":"string"},{"type":"object","required":["a"]}]})"
        << "{}"
        << "'' /oneOf/0/type type: must be string\n"
           "'' /oneOf/1/required required: must have required property 'a'\n"
           "'' /oneOf oneOf: must match exactly one schema in oneOf";
    QTest::newRow("oneOf with two passing branches")
        << R"({"oneOf":[{"type":"number"},{"minimum":0}]})"
        << "5"
        << "'' /oneOf oneOf: must match exactly one schema in oneOf";
    QTest::newRow("anyOf success drops branch errors")
        << R"({"anyOf":[{"type":"string"},{"type":"number"}],"maximum":3})"
        << "5"
        << "'' /maximum maximum: must be <= 3";
    QTest::newRow("if/then failure")
        << R"({"if":{"properties":{"t":{"const":"for"}}},"then":{"required":["count"]}})"
        << R"({"t":"for"})"
        << "'' /then/required required: must have required property 'count'\n"
           "'' /if if: must match \"then\" schema";
    QTest::newRow("type lists are joined") << R"({"type":["string","null"]})"
                                           << "1"
                                           << "'' /type type: must be string,null";
    QTest::newRow("type error after untyped keywords (ajv order)")
        << R"({"type":"object","required":["a"],"enum":[1]})"
        << "\"x\""
        << "'' /enum enum: must be equal to one of the allowed values\n"
           "'' /type type: must be object";
    QTest::newRow("uniqueItems names both items")
        << R"({"uniqueItems":true})"
        << "[1,2,1.0]"
        << "'' /uniqueItems uniqueItems: must NOT have duplicate items (items ## 0 and 2 are "
           "identical)";
    QTest::newRow("false schema") << R"({"properties":{"no":false}})"
                                  << R"({"no":1})"
                                  << "'/no' /properties/no false schema: boolean schema is false";
    QTest::newRow("additionalItems false")
        << R"({"items":[{},{}],"additionalItems":false})"
        << "[1,2,3]"
        << "'' /additionalItems additionalItems: must NOT have more than 2 items";
    QTest::newRow("dependencies array form") << R"({"dependencies":{"a":["b","c"]}})"
                                             << R"({"a":1,"c":2})"
                                             << "'' /dependencies dependencies: must have "
                                                "properties b, c when property a is present";
    QTest::newRow("propertyNames")
        << R"({"propertyNames":{"maxLength":2}})"
        << R"({"ok":1,"long":2})"
        << "'' /propertyNames/maxLength maxLength: must NOT have more than 2 characters\n"
           "'' /propertyNames propertyNames: property name must be valid";
    QTest::newRow("format and pattern")
        << R"({"properties":{"d":{"format":"date"},"p":{"pattern":"^a+$"}}})"
        << R"({"d":"2026-02-30","p":"b"})"
        << "'/d' /properties/d/format format: must match format \"date\"\n"
           "'/p' /properties/p/pattern pattern: must match pattern \"^a+$\"";
    QTest::newRow("valid instance has no errors")
        << R"({"type":"object","properties":{"a":{"type":"integer"}}})"
        << R"({"a":1.0})"
        << "";
}

void TestJsonSchemaErrors::errors()
{
    QFETCH(QString, schema);
    QFETCH(QString, instance);
    QFETCH(QString, expected);
    Result<Validator> v = Validator::compile(fixture(schema.toStdString()));
    WFS_VERIFY_RESULT(v);
    const Json doc = Json::parse(instance.toStdString());
    std::vector<SchemaError> errors;
    const bool ok = v->validate(doc, &errors);
    QCOMPARE(render(errors), expected);
    QCOMPARE(ok, expected.isEmpty());
    QCOMPARE(v->validate(doc), ok); // the fast path agrees
}

void TestJsonSchemaErrors::params()
{
    Result<Validator> v = Validator::compile(fixture(R"({
        "$id": "https://example.com/s.json",
        "type": "object",
        "properties": {
            "kind": {"enum": ["a", "b"]},
            "n": {"type": "number", "maximum": 10},
            "list": {"type": "array", "minItems": 2},
            "id": {"$ref": "@/definitions/id"}
        },
        "required": ["req"],
        "additionalProperties": false,
        "definitions": {"id": {"type": "string", "pattern": "^[a-z]+$"}}
    })"));
    WFS_VERIFY_RESULT(v);
    const std::vector<SchemaError> errors =
        v->errors(Json::parse(R"({"kind":"c","n":11,"list":[1],"id":"X","extra":true})"));
    QCOMPARE(errors.size(), std::size_t(6));
    QCOMPARE(dumped(errors[0].params), dumped(Json({{"missingProperty", "req"}})));
    QCOMPARE(dumped(errors[1].params), dumped(Json({{"additionalProperty", "extra"}})));
    QCOMPARE(dumped(errors[2].params), dumped(Json({{"allowedValues", {"a", "b"}}})));
    QCOMPARE(dumped(errors[3].params), dumped(Json({{"comparison", "<="}, {"limit", 10}})));
    QCOMPARE(dumped(errors[4].params), dumped(Json({{"limit", 2}})));
    QCOMPARE(dumped(errors[5].params), dumped(Json({{"pattern", "^[a-z]+$"}})));
    QCOMPARE(QString::fromStdString(errors[5].instancePointer), QStringLiteral("/id"));
    QCOMPARE(QString::fromStdString(errors[5].keywordLocation),
             QStringLiteral("/properties/id/$ref/pattern"));
    const QString absolute = QString::fromStdString(errors[5].absoluteKeywordLocation);
    QVERIFY2(absolute.startsWith(QStringLiteral("https://example.com/s.json")) &&
                 absolute.endsWith(QStringLiteral("/definitions/id/pattern")) &&
                 absolute.size() == 26 + 1 + 23,
             qPrintable(absolute));
}

void TestJsonSchemaErrors::compileErrors_data()
{
    QTest::addColumn<QString>("schema");
    QTest::addColumn<QString>("fragment");
    QTest::newRow("invalid regex") << R"({"properties":{"a":{"pattern":"(unclosed"}}})"
                                   << "/properties/a/pattern";
    QTest::newRow("dangling $ref") << R"({"$ref":"@/definitions/missing"})"
                                   << "/definitions/missing";
    QTest::newRow("unknown $id anchor") << R"({"$ref":"@nope"})"
                                        << "nope";
    QTest::newRow("remote without loader") << R"({"$ref":"http://example.com/x.json"})"
                                           << "http://example.com/x.json";
    QTest::newRow("$ref cycle that never descends") << R"({"allOf":[{"$ref":"@"}]})"
                                                    << "cycle";
    QTest::newRow("pure $ref loop")
        << R"({"definitions":{"a":{"$ref":"@/definitions/b"},"b":{"$ref":"@/definitions/a"}},"$ref":"@/definitions/a"})"
        << "cycle";
    QTest::newRow("minLength not an integer") << R"({"minLength":"3"})"
                                              << "/minLength";
    QTest::newRow("unknown type") << R"({"type":"strin"})"
                                  << "/type";
    QTest::newRow("schema is a number") << R"({"properties":{"a":3}})"
                                        << "/properties/a";
}

void TestJsonSchemaErrors::compileErrors()
{
    QFETCH(QString, schema);
    QFETCH(QString, fragment);
    Result<Validator> v = Validator::compile(fixture(schema.toStdString()));
    QVERIFY(!v.ok());
    QVERIFY2(QString::fromStdString(v.error()).contains(fragment), v.error().c_str());
}

void TestJsonSchemaErrors::recursion()
{
    Result<Validator> v = Validator::compile(fixture(
        R"({"type":"object","properties":{"child":{"$ref":"@"}},"additionalProperties":false})"));
    WFS_VERIFY_RESULT(v);
    Json deep = Json::object();
    for (int i = 0; i < 200; ++i)
        deep = Json{{"child", deep}};
    QVERIFY(v->validate(deep));
    deep["child"]["child"]["oops"] = 1;
    const auto errors = v->errors(deep);
    QCOMPARE(errors.size(), std::size_t(1));
    QCOMPARE(QString::fromStdString(errors[0].instancePointer), QStringLiteral("/child/child"));
}

void TestJsonSchemaErrors::remoteLoader()
{
    int calls = 0;
    CompileOptions options;
    options.baseUri = "https://example.com/root.json";
    options.loader = [&](const std::string &uri) -> Result<Json> {
        ++calls;
        if (uri != "https://example.com/defs.json")
            return Result<Json>::failure("unexpected " + uri);
        return Json::parse(R"({"definitions":{"n":{"type":"integer"},"s":{"type":"string"}}})");
    };
    Result<Validator> v =
        Validator::compile(fixture(R"({"properties":{"a":{"$ref":"defs.json@/definitions/n"},
                                      "b":{"$ref":"defs.json@/definitions/s"}}})"),
                           options);
    WFS_VERIFY_RESULT(v);
    QCOMPARE(calls, 1);
    QVERIFY(v->validate(Json::parse(R"({"a":1,"b":"x"})")));
    QVERIFY(!v->validate(Json::parse(R"({"a":"1"})")));
}

void TestJsonSchemaErrors::lengthUnits()
{
    const Json schema = Json::parse(R"({"maxLength":1})");
    const Json emoji = "\xF0\x9F\x98\x80";
    QVERIFY(Validator::compile(schema)->validate(emoji));
    CompileOptions utf16;
    utf16.lengthUnit = LengthUnit::Utf16Units;
    QVERIFY(!Validator::compile(schema, utf16)->validate(emoji));
}

void TestJsonSchemaErrors::concurrentValidation()
{
    Result<Validator> v = Validator::compile(
        Json::parse(R"({"type":"array","items":{"type":"string","pattern":"^(ab|cd)+\\d$"}})"));
    WFS_VERIFY_RESULT(v);
    Json good = Json::array();
    for (int i = 0; i < 200; ++i)
        good.push_back("abcdab" + std::to_string(i % 10));
    Json bad = good;
    bad[150] = "abx1";
    std::atomic<int> wrong{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            for (int i = 0; i < 50; ++i) {
                if (!v->validate(good) || v->validate(bad) || v->errors(bad).size() != 1)
                    ++wrong;
            }
        });
    for (std::thread &t : threads)
        t.join();
    QCOMPARE(wrong.load(), 0);
}

void TestJsonSchemaErrors::defaultAndCopy()
{
    QVERIFY(Validator().validate(Json::parse(R"({"anything":[1,2,3]})")));
    Result<Validator> v = Validator::compile(Json::parse(R"({"type":"string"})"));
    WFS_VERIFY_RESULT(v);
    const Validator copy = *v;
    QVERIFY(copy.validate("s"));
    QVERIFY(!copy.validate(1));
    QCOMPARE(dumped(copy.schema()), dumped(Json::parse(R"({"type":"string"})")));
}

QTEST_GUILESS_MAIN(TestJsonSchemaErrors)
#include "tst_jsonschemaerrors.moc"
