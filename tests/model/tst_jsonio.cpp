// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The JSON reader/writer contract: every malformed input gets one error with its exact
// line:column (code points, 1-based; a BOM takes no column) and the pointer of the enclosing
// value; valid input round-trips losslessly; toJsJson matches node's JSON.stringify byte for
// byte (expected strings below were produced by node 20).
#include "model/jsonio.h"
#include "testutil.h"

#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#ifdef Q_OS_UNIX
#include <sys/stat.h>
#endif

using namespace wfs;

#include "tst_jsonio_jsrows.inc"

static QString diagText(const Diagnostics &ds)
{
    QStringList lines;
    for (const Diagnostic &d : ds)
        lines << QString::fromStdString(formatDiagnostic(d));
    return lines.join(QLatin1Char('\n'));
}

class TestJsonIo : public QObject
{
    Q_OBJECT
private slots:
    // Each bad input: exactly one error diagnostic, with this message, position and pointer.
    void parseErrors_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("pointer");

        const QString eof = QStringLiteral("unexpected end of input");
        QTest::newRow("empty input") << QByteArray("") << eof << 1 << 1 << "";
        QTest::newRow("only whitespace") << QByteArray("  \n ") << eof << 2 << 2 << "";
        QTest::newRow("truncated object") << QByteArray("{\"a\": 1") << eof << 1 << 8 << "";
        QTest::newRow("truncated after colon") << QByteArray("{\"a\": ") << eof << 1 << 7 << "/a";
        QTest::newRow("truncated string") << QByteArray("{\"a\": \"abc") << eof << 1 << 11 << "/a";
        QTest::newRow("truncated nested, multi-line")
            << QByteArray("{\n  \"steps\": [\n    {\"id\": ") << eof << 3 << 12 << "/steps/0/id";
        QTest::newRow("truncated key") << QByteArray("{\"ab") << eof << 1 << 5 << "";
        QTest::newRow("truncated literal") << QByteArray("[tru") << eof << 1 << 5 << "/0";
        QTest::newRow("truncated number exponent") << QByteArray("[1e") << eof << 1 << 4 << "/0";
        QTest::newRow("truncated escape") << QByteArray("[\"a\\") << eof << 1 << 5 << "/0";
        QTest::newRow("truncated \\u escape") << QByteArray("[\"\\u12") << eof << 1 << 7 << "/0";
        QTest::newRow("missing comma") << QByteArray("{\"a\": 1 \"b\": 2}")
                                       << "expected ',' or '}', found '\"'" << 1 << 9 << "";
        QTest::newRow("missing colon")
            << QByteArray("{\"a\" 1}") << "expected ':' after the key, found '1'" << 1 << 6 << "";
        QTest::newRow("trailing comma in array")
            << QByteArray("[1, 2,]") << "expected a value, found ']' (trailing comma?)" << 1 << 7
            << "";
        QTest::newRow("trailing comma in object")
            << QByteArray("{\"a\": 1,}") << "expected a string key, found '}' (trailing comma?)"
            << 1 << 9 << "";
        QTest::newRow("double comma, multi-line")
            << QByteArray("{\n  \"a\": 1,\n  \"b\": [1, 2,, 3]\n}") << "expected a value, found ','"
            << 3 << 14 << "/b/2";
        QTest::newRow("single-quoted key")
            << QByteArray("{'a': 1}") << "expected a string key in double quotes, found '''" << 1
            << 2 << "";
        QTest::newRow("single-quoted value")
            << QByteArray("{\"a\": 'x'}") << "unexpected single quote (strings need double quotes)"
            << 1 << 7 << "/a";
        QTest::newRow("comment") << QByteArray("{\n  // note\n  \"a\": 1}")
                                 << "expected a string key in double quotes, found '/'" << 2 << 3
                                 << "";
        QTest::newRow("comment before value")
            << QByteArray("[/* x */ 1]")
            << "unexpected character '/' (comments are not allowed in JSON)" << 1 << 2 << "/0";
        QTest::newRow("trailing garbage")
            << QByteArray("{} x") << "unexpected 'x' after the end of the document" << 1 << 4 << "";
        QTest::newRow("two documents")
            << QByteArray("{}\n{}") << "unexpected '{' after the end of the document" << 2 << 1
            << "";
        QTest::newRow("bare word")
            << QByteArray("[NaN]") << "expected a value, found 'N'" << 1 << 2 << "/0";
        QTest::newRow("bad literal")
            << QByteArray("[trux]") << "invalid literal; expected true" << 1 << 2 << "/0";
        QTest::newRow("leading zero")
            << QByteArray("[01]") << "invalid number: leading zeros are not allowed" << 1 << 2
            << "/0";
        QTest::newRow("plus sign")
            << QByteArray("[+1]") << "expected a value, found '+'" << 1 << 2 << "/0";
        QTest::newRow("minus alone")
            << QByteArray("[-]") << "invalid number: expected a digit after '-'" << 1 << 2 << "/0";
        QTest::newRow("dot without digits")
            << QByteArray("[1.]") << "invalid number: expected a digit after '.'" << 1 << 4 << "/0";
        QTest::newRow("1e999 out of range")
            << QByteArray("{\"n\": 1e999}") << "number out of range: 1e999 does not fit a double"
            << 1 << 7 << "/n";
        QTest::newRow("-1.5e400 out of range")
            << QByteArray("[\n  -1.5e400\n]")
            << "number out of range: -1.5e400 does not fit a double" << 2 << 3 << "/0";
        QTest::newRow("control character in string")
            << QByteArray("[\"a\tb\"]")
            << "unescaped control character U+0009 in string; write it as an escape sequence" << 1
            << 4 << "/0";
        QTest::newRow("newline in string")
            << QByteArray("{\"k\": \"a\nb\"}")
            << "unescaped control character U+000A in string; write it as an escape sequence" << 1
            << 9 << "/k";
        QTest::newRow("invalid escape")
            << QByteArray("[\"\\x\"]") << "invalid escape sequence '\\x'" << 1 << 3 << "/0";
        QTest::newRow("invalid \\u digits")
            << QByteArray("[\"ab\\u12G4\"]") << "invalid \\u escape: expected 4 hexadecimal digits"
            << 1 << 5 << "/0";
        QTest::newRow("lone low surrogate escape")
            << QByteArray("[\"\\uDC00\"]") << "invalid \\u escape: lone low surrogate \\uDC00" << 1
            << 3 << "/0";
        QTest::newRow("lone high surrogate escape")
            << QByteArray("[\"\\uD800x\"]")
            << "invalid \\u escape: high surrogate \\uD800 is not followed by a low surrogate" << 1
            << 3 << "/0";
        QTest::newRow("high surrogate then non-surrogate escape")
            << QByteArray("[\"\\ud83d\\u0041\"]")
            << "invalid \\u escape: high surrogate \\uD83D is not followed by a low surrogate" << 1
            << 3 << "/0";
        QTest::newRow("utf8 overlong 2-byte")
            << QByteArray("[\"a\xC0\xAF\"]") << "invalid UTF-8: overlong encoding" << 1 << 4
            << "/0";
        QTest::newRow("utf8 overlong 3-byte")
            << QByteArray("[\"\xE0\x80\xAF\"]") << "invalid UTF-8: overlong encoding" << 1 << 3
            << "/0";
        QTest::newRow("utf8 overlong 4-byte")
            << QByteArray("[\"\xF0\x80\x80\xAF\"]") << "invalid UTF-8: overlong encoding" << 1 << 3
            << "/0";
        QTest::newRow("utf8 encoded surrogate")
            << QByteArray("{\"s\": \"x\xED\xA0\x80\"}") << "invalid UTF-8: encoded surrogate" << 1
            << 9 << "/s";
        QTest::newRow("utf8 truncated sequence")
            << QByteArray("[\"\xE2\x82\"]") << "invalid UTF-8: truncated sequence" << 1 << 3
            << "/0";
        QTest::newRow("utf8 truncated at end of input")
            << QByteArray("[\"\xE2\x82") << "invalid UTF-8: truncated sequence" << 1 << 3 << "/0";
        QTest::newRow("utf8 lone continuation byte")
            << QByteArray("[\"\x80\"]") << "invalid UTF-8: unexpected continuation byte" << 1 << 3
            << "/0";
        QTest::newRow("utf8 byte 0xFF")
            << QByteArray("[\"\xFF\"]") << "invalid UTF-8: byte not allowed in UTF-8" << 1 << 3
            << "/0";
        QTest::newRow("utf8 above U+10FFFF")
            << QByteArray("[\"\xF4\x90\x80\x80\"]") << "invalid UTF-8: code point above U+10FFFF"
            << 1 << 3 << "/0";
        QTest::newRow("utf8 invalid outside strings")
            << QByteArray("[1, \xC3]") << "invalid UTF-8: truncated sequence" << 1 << 5 << "/1";
        QTest::newRow("column counts code points")
            << QByteArray("{\"\xC3\xA9\xE4\xB8\xAD\": 1 x}") << "expected ',' or '}', found 'x'"
            << 1 << 10 << "";
        QTest::newRow("non-ASCII unexpected character")
            << QByteArray("[\xC3\xA9]") << "expected a value, found U+00E9" << 1 << 2 << "/0";
        QTest::newRow("BOM takes no column")
            << QByteArray("\xEF\xBB\xBF{\"a\" 1}") << "expected ':' after the key, found '1'" << 1
            << 6 << "";
        QTest::newRow("BOM twice") << QByteArray("\xEF\xBB\xBF\xEF\xBB\xBF{}")
                                   << "expected a value, found U+FEFF" << 1 << 1 << "";
        QTest::newRow("CRLF line endings") << QByteArray("{\r\n  \"a\": 1,\r\n  \"b\": x\r\n}")
                                           << "expected a value, found 'x'" << 3 << 8 << "/b";
    }
    void parseErrors()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, pointer);
        const ParsedJson r = parseJson(std::string_view(text.constData(), text.size()), "in.json");
        QVERIFY(!r.ok);
        QVERIFY(r.value.is_null());
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        const Diagnostic &d = r.diagnostics.front();
        QCOMPARE(QString::fromStdString(d.message), message);
        QCOMPARE(d.line, line);
        QCOMPARE(d.column, column);
        QCOMPARE(QString::fromStdString(d.pointer), pointer);
        QCOMPARE(d.severity, Severity::Error);
        QCOMPARE(QString::fromStdString(d.file), QStringLiteral("in.json"));
        QCOMPARE(QString::fromStdString(d.source), QStringLiteral("json"));
    }

    void parseValues_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QByteArray>("expectedDump"); // nlohmann dump(), order-preserving
        QTest::newRow("scalars") << QByteArray("[true, false, null, \"s\", 0, -1, 2.5]")
                                 << QByteArray("[true,false,null,\"s\",0,-1,2.5]");
        QTest::newRow("key order kept")
            << QByteArray("{\"z\": 1, \"a\": 2, \"m\": {\"y\": 1, \"b\": 2}}")
            << QByteArray("{\"z\":1,\"a\":2,\"m\":{\"y\":1,\"b\":2}}");
        QTest::newRow("escapes decoded")
            << QByteArray("[\"\\\"\\\\\\/\\b\\f\\n\\r\\t\", \"\\u00e9\\u4e2d\\ud83d\\ude00\"]")
            << QByteArray(
                   "[\"\\\"\\\\/\\b\\f\\n\\r\\t\",\"\xC3\xA9\xE4\xB8\xAD\xF0\x9F\x98\x80\"]");
        QTest::newRow("raw UTF-8 kept") << QByteArray("[\"\xC3\xA9 \xF0\x9F\x98\x80\"]")
                                        << QByteArray("[\"\xC3\xA9 \xF0\x9F\x98\x80\"]");
        QTest::newRow("BOM accepted")
            << QByteArray("\xEF\xBB\xBF{\"a\": [1]}") << QByteArray("{\"a\":[1]}");
        QTest::newRow("int64 limits")
            << QByteArray("[9223372036854775807, -9223372036854775808, 18446744073709551615]")
            << QByteArray("[9223372036854775807,-9223372036854775808,18446744073709551615]");
        QTest::newRow("beyond uint64 becomes double")
            << QByteArray("[18446744073709551616]") << QByteArray("[1.8446744073709552e+19]");
        QTest::newRow("doubles") << QByteArray("[1.0, -0, -0.0, 1e2, 1E-2, 0.5e+1]")
                                 << QByteArray("[1.0,-0.0,-0.0,100.0,0.01,5.0]");
        QTest::newRow("underflow reads as zero (like JavaScript)")
            << QByteArray("[1e-400, -2.5e-999]") << QByteArray("[0.0,-0.0]");
        QTest::newRow("empty containers")
            << QByteArray(" { \"a\" : [ ] , \"b\" : { } } ") << QByteArray("{\"a\":[],\"b\":{}}");
        QTest::newRow("many keys (hash index)")
            << QByteArray("{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":"
                          "7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":"
                          "14,\"k15\":15,\"k16\":16,\"k17\":17}")
            << QByteArray("{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":"
                          "7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":"
                          "14,\"k15\":15,\"k16\":16,\"k17\":17}");
    }
    void parseValues()
    {
        QFETCH(QByteArray, text);
        QFETCH(QByteArray, expectedDump);
        const ParsedJson r = parseJson(std::string_view(text.constData(), text.size()));
        QVERIFY2(r.ok, qPrintable(diagText(r.diagnostics)));
        QVERIFY(r.diagnostics.empty());
        QCOMPARE(QByteArray::fromStdString(r.value.dump()), expectedDump);
    }

    void integersStayIntegers()
    {
        const ParsedJson r = parseJson("[5, -5, 5.0, 18446744073709551615]");
        QVERIFY(r.ok);
        QVERIFY(r.value[0].is_number_unsigned());
        QVERIFY(r.value[1].is_number_integer() && !r.value[1].is_number_unsigned());
        QVERIFY(r.value[2].is_number_float());
        QCOMPARE(r.value[3].get<std::uint64_t>(), std::numeric_limits<std::uint64_t>::max());
    }

    // Duplicate keys: an error diagnostic naming both positions; the value behaves like
    // JSON.parse (last value, first position) and ok stays true.
    void duplicateKeys_data()
    {
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<QByteArray>("expectedDump");
        QTest::newRow("top level") << QByteArray("{\n  \"id\": 1,\n  \"x\": 2,\n  \"id\": 3\n}")
                                   << "duplicate key 'id' (first at 2:3)" << 4 << 3 << "/id"
                                   << QByteArray("{\"id\":3,\"x\":2}");
        QTest::newRow("nested in steps")
            << QByteArray("{\"steps\": [{\"id\": \"a\", \"title\": \"t\", \"id\": \"b\"}]}")
            << "duplicate key 'id' (first at 1:13)" << 1 << 38 << "/steps/0/id"
            << QByteArray("{\"steps\":[{\"id\":\"b\",\"title\":\"t\"}]}");
        QTest::newRow("escaped spelling of the same key")
            << QByteArray("{\"a/b\": 1, \"a\\/b\": 2}") << "duplicate key 'a/b' (first at 1:2)" << 1
            << 12 << "/a~1b" << QByteArray("{\"a/b\":2}");
        QTest::newRow("large object (hash index)")
            << QByteArray("{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":3,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":"
                          "7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":"
                          "14,\"k15\":15,\"k16\":16,\"k3\":99}")
            << "duplicate key 'k3' (first at 1:23)" << 1 << 135 << "/k3"
            << QByteArray("{\"k0\":0,\"k1\":1,\"k2\":2,\"k3\":99,\"k4\":4,\"k5\":5,\"k6\":6,\"k7\":"
                          "7,\"k8\":8,\"k9\":9,\"k10\":10,\"k11\":11,\"k12\":12,\"k13\":13,\"k14\":"
                          "14,\"k15\":15,\"k16\":16}");
    }
    void duplicateKeys()
    {
        QFETCH(QByteArray, text);
        QFETCH(QString, message);
        QFETCH(int, line);
        QFETCH(int, column);
        QFETCH(QString, pointer);
        QFETCH(QByteArray, expectedDump);
        const ParsedJson r = parseJson(std::string_view(text.constData(), text.size()), "d.json");
        QVERIFY(r.ok);
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QVERIFY(hasErrors(r.diagnostics));
        QCOMPARE(QString::fromStdString(r.diagnostics[0].message), message);
        QCOMPARE(r.diagnostics[0].line, line);
        QCOMPARE(r.diagnostics[0].column, column);
        QCOMPARE(QString::fromStdString(r.diagnostics[0].pointer), pointer);
        QCOMPARE(QByteArray::fromStdString(r.value.dump()), expectedDump);
    }

    void manyDuplicatesStayFast()
    {
        std::string text = "{";
        for (int i = 0; i < 200000; ++i)
            text += "\"a\":1,";
        text += "\"a\":2}";
        QElapsedTimer t;
        t.start();
        const ParsedJson r = parseJson(text);
        QVERIFY(t.elapsed() < 5000);
        QVERIFY(r.ok);
        QCOMPARE(r.diagnostics.size(), std::size_t(100));
        QVERIFY(r.diagnostics.back().message.find("further duplicate keys are not reported") !=
                std::string::npos);
        QCOMPARE(r.value.at("a").get<int>(), 2);
    }

    // 100 000 nested '[': one clear error at the first level beyond the bound; no recursion.
    void deepNesting()
    {
        const std::string text(100000, '[');
        const ParsedJson r = parseJson(text, "deep.json");
        QVERIFY(!r.ok);
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(r.diagnostics[0].message),
                 QStringLiteral("nesting too deep: more than 512 nested arrays/objects"));
        QCOMPARE(r.diagnostics[0].line, 1);
        QCOMPARE(r.diagnostics[0].column, kMaxJsonDepth + 1);
        std::string expectedPointer;
        for (int i = 0; i < kMaxJsonDepth; ++i)
            expectedPointer += "/0";
        QCOMPARE(r.diagnostics[0].pointer, expectedPointer);

        // Objects too, and exactly kMaxJsonDepth levels is fine.
        std::string objects;
        for (int i = 0; i < 100000; ++i)
            objects += "{\"a\":";
        const ParsedJson o = parseJson(objects);
        QVERIFY(!o.ok);
        QCOMPARE(o.diagnostics[0].column, kMaxJsonDepth * 5 + 1);
        const std::string ok = std::string(kMaxJsonDepth, '[') + std::string(kMaxJsonDepth, ']');
        const ParsedJson deep = parseJson(ok);
        QVERIFY(deep.ok);
        QCOMPARE(toJsJson(deep.value, 0), ok);
    }

    void jsStringify_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<int>("indent");
        QTest::addColumn<QByteArray>("expected");
        addJsStringifyRows();
    }
    void jsStringify()
    {
        QFETCH(QByteArray, input);
        QFETCH(int, indent);
        QFETCH(QByteArray, expected);
        const ParsedJson r = parseJson(std::string_view(input.constData(), input.size()));
        QVERIFY2(r.ok, qPrintable(diagText(r.diagnostics)));
        QCOMPARE(QByteArray::fromStdString(wfs::toJsJson(r.value, indent)), expected);
    }

    void formatForSave_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("numbers as read")
            << QByteArray("{\"a\": 1.0, \"b\": -0, \"c\": 1e2, \"d\": 12345678901234567890, \"e\": "
                          "-9223372036854775808, \"f\": 0.1, \"g\": 1e300, \"h\": 7}")
            << QByteArray("{\n  \"a\": 1.0,\n  \"b\": -0.0,\n  \"c\": 100.0,\n  \"d\": "
                          "12345678901234567890,\n  \"e\": -9223372036854775808,\n  \"f\": 0.1,\n"
                          "  \"g\": 1e+300,\n  \"h\": 7\n}\n");
        QTest::newRow("order and nesting")
            << QByteArray("{\"z\": [], \"a\": {}, \"m\": [1, {\"2\": \"x\", \"1\": \"y\"}]}")
            << QByteArray("{\n  \"z\": [],\n  \"a\": {},\n  \"m\": [\n    1,\n    {\n      \"2\": "
                          "\"x\",\n      \"1\": \"y\"\n    }\n  ]\n}\n");
        QTest::newRow("scalar document")
            << QByteArray("\"x\\u0001\"") << QByteArray("\"x\\u0001\"\n");
    }
    void formatForSave()
    {
        QFETCH(QByteArray, input);
        QFETCH(QByteArray, expected);
        const ParsedJson r = parseJson(std::string_view(input.constData(), input.size()));
        QVERIFY(r.ok);
        const std::string saved = formatJsonForSave(r.value);
        QCOMPARE(QByteArray::fromStdString(saved), expected);
        const ParsedJson again = parseJson(saved);
        QVERIFY(again.ok);
        QVERIFY(again.value == r.value);
        QCOMPARE(again.value.dump(), r.value.dump()); // same types (int vs double) and order
    }

    // Every JSON file of the WorkRail corpus: loads, saves to the same value (with key order),
    // and parses to exactly what nlohmann's own parser reads.
    void corpusRoundTrip()
    {
        WFS_REQUIRE_SHARED();
        QDirIterator it(wfs::test::sharedDir() + QStringLiteral("/workrail"),
                        {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        int identical = 0;
        QStringList differing;
        while (it.hasNext()) {
            const std::string path = it.next().toStdString();
            std::string text;
            const ParsedJson r = loadJsonFile(path, &text);
            QVERIFY2(r.ok && r.diagnostics.empty(), qPrintable(diagText(r.diagnostics)));
            const Json reference = Json::parse(text);
            QCOMPARE(r.value.dump(), reference.dump());
            const std::string saved = formatJsonForSave(r.value);
            const ParsedJson again = parseJson(saved);
            QVERIFY(again.ok);
            QCOMPARE(again.value.dump(), r.value.dump());
            ++files;
            // WorkRail's files have no final newline; ours always do.
            if (saved == text || saved == text + "\n")
                ++identical;
            else
                differing << it.fileName();
        }
        QVERIFY(files >= 18);
        qInfo(
            "%d of %d corpus files save byte-identically (but for a final newline); differing: %s",
            identical, files, qPrintable(differing.join(QStringLiteral(", "))));
    }

    void locate_data()
    {
        QTest::addColumn<QString>("pointer");
        QTest::addColumn<int>("line");
        QTest::addColumn<int>("column");
        QTest::newRow("root") << "" << 1 << 1;
        QTest::newRow("member value") << "/id" << 2 << 9;
        QTest::newRow("array element") << "/steps/1" << 5 << 5;
        QTest::newRow("deep member") << "/steps/1/body/0/prompt" << 6 << 37;
        QTest::newRow("escaped slash in key") << "/a~1b" << 8 << 10;
        QTest::newRow("escaped tilde in key") << "/t~0x" << 9 << 10;
        QTest::newRow("key written with \\u escape") << "/caf\xC3\xA9" << 10 << 16;
        QTest::newRow("after non-ASCII text") << "/after" << 11 << 23;
        QTest::newRow("missing member: closest ancestor") << "/steps/1/nope" << 5 << 5;
        QTest::newRow("index past the end: closest ancestor") << "/steps/7/id" << 3 << 12;
        QTest::newRow("index into a string: itself") << "/id/0" << 2 << 9;
    }
    void locate()
    {
        QFETCH(QString, pointer);
        QFETCH(int, line);
        QFETCH(int, column);
        const std::string text = "{\n"
                                 "  \"id\": \"wf\",\n"
                                 "  \"steps\": [\n"
                                 "    {\"id\": \"one\", \"nested\": [[1], {\"x\": \"]}\"}]},\n"
                                 "    {\"id\": \"two\",\n"
                                 "     \"body\": [{\"id\": \"b\", \"prompt\": \"p\"}]}\n"
                                 "  ],\n"
                                 "  \"a/b\": 1,\n"
                                 "  \"t~x\": 2,\n"
                                 "  \"caf\\u00e9\": true,\n"
                                 "  \"s\": \"\xC3\xA9\xC3\xA9\", \"after\": null\n"
                                 "}\n";
        QVERIFY(parseJson(text).ok);
        const TextPos p = wfs::locatePointer(text, pointer.toStdString());
        QCOMPARE(p.line, line);
        QCOMPARE(p.column, column);
    }

    void locatePointerOnBrokenText()
    {
        QCOMPARE(wfs::locatePointer("", "/a"), TextPos{});
        QCOMPARE(wfs::locatePointer("{\"a\": [1, 2", "/a/1"), (TextPos{1, 11}));
        QCOMPARE(wfs::locatePointer("\xEF\xBB\xBF{\"a\": 1}", "/a"), (TextPos{1, 7}));
    }

    void attachPositionsMany()
    {
        std::string text = "{\"steps\": [\n";
        for (int i = 0; i < 500; ++i)
            text += std::string(i ? ",\n" : "") + "  {\"id\": \"s" + std::to_string(i) + "\"}";
        text += "\n]}";
        Diagnostics ds;
        for (int i = 499; i >= 0; --i)
            ds.push_back(
                {"f", 0, 0, "/steps/" + std::to_string(i) + "/id", Severity::Error, "m", "t"});
        ds.push_back({"f", 4, 4, "/steps/0", Severity::Error, "already placed", "t"});
        attachPositions(ds, text);
        for (int i = 0; i < 500; ++i) {
            const Diagnostic &d = ds[static_cast<std::size_t>(499 - i)];
            QCOMPARE(d.line, i + 2);
            QCOMPARE(d.column, 10);
        }
        QCOMPARE(ds.back().line, 4);
    }

    void offsets()
    {
        const std::string t = "ab\n\xC3\xA9x\n";
        QCOMPARE(wfs::positionOfOffset(t, 0), (TextPos{1, 1}));
        QCOMPARE(wfs::positionOfOffset(t, 2), (TextPos{1, 3}));
        QCOMPARE(wfs::positionOfOffset(t, 5), (TextPos{2, 2}));
        QCOMPARE(wfs::positionOfOffset(t, 100), (TextPos{3, 1}));
    }

    void pointers()
    {
        QCOMPARE(wfs::pointerAppend("/a", "b/c~d"), std::string("/a/b~1c~0d"));
        QCOMPARE(wfs::pointerAppend("", std::size_t(3)), std::string("/3"));
    }

    void readTextFileErrors()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const std::string base = dir.path().toStdString();
        auto missing = readTextFile(base + "/missing.json");
        QVERIFY(!missing.ok());
        QCOMPARE(missing.error(), "cannot read '" + base + "/missing.json': no such file");
        auto directory = readTextFile(base);
        QVERIFY(!directory.ok());
        QCOMPARE(directory.error(), "cannot read '" + base + "': it is a directory, not a file");
        QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere")),
                            dir.filePath(QStringLiteral("dangling.json"))));
        auto dangling = readTextFile(base + "/dangling.json");
        QVERIFY(!dangling.ok());
        QCOMPARE(dangling.error(),
                 "cannot read '" + base + "/dangling.json': it is a dangling symbolic link");
#ifdef Q_OS_UNIX
        const std::string fifo = base + "/fifo.json";
        QCOMPARE(::mkfifo(fifo.c_str(), 0600), 0);
        auto fifoRead = readTextFile(fifo); // must not block
        QVERIFY(!fifoRead.ok());
        QCOMPARE(fifoRead.error(),
                 "cannot read '" + fifo + "': not a regular file (device, FIFO or socket)");
#endif
        const ParsedJson viaLoad = loadJsonFile(base + "/missing.json");
        QVERIFY(!viaLoad.ok);
        QCOMPARE(viaLoad.diagnostics.size(), std::size_t(1));
        QCOMPARE(viaLoad.diagnostics[0].file, base + "/missing.json");
        QCOMPARE(viaLoad.diagnostics[0].source, std::string("io"));
    }

    // A 64 MB file is refused by its size, without being read.
    void hugeFileRefused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString path = dir.filePath(QStringLiteral("huge.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        QVERIFY(f.resize(64ll * 1024 * 1024)); // sparse: instant, no disk use
        f.close();
        QElapsedTimer t;
        t.start();
        const ParsedJson r = loadJsonFile(path.toStdString());
        QVERIFY(t.elapsed() < 1000);
        QVERIFY(!r.ok);
        QCOMPARE(r.diagnostics.size(), std::size_t(1));
        QCOMPARE(QString::fromStdString(r.diagnostics[0].message),
                 QStringLiteral("'%1' is 67108864 bytes, more than the limit of 16777216 bytes "
                                "(16 MiB)")
                     .arg(path));
        auto small = readTextFile(path.toStdString(), 10);
        QVERIFY(!small.ok());
        QVERIFY(small.error().find("more than the limit of 10 bytes") != std::string::npos);
    }
};

QTEST_APPLESS_MAIN(TestJsonIo)
#include "tst_jsonio.moc"
