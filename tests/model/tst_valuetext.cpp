// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The one parse rule and the one display rule of typed JSON values (model/valuetext.h), which
// every value field of the studio uses: bare words are strings, JSON keeps its type unless the
// user picked one, and what displayValue shows reads back as the same value.
#include "jsoncompare.h"
#include "model/jsonio.h"
#include "model/valuetext.h"
#include "testutil.h"

#include <QTest>

using namespace wfs;

Q_DECLARE_METATYPE(wfs::ValueType)

namespace {

Json json(const char *text)
{
    const ParsedJson p = parseJson(text);
    return p.ok ? p.value : Json("<bad fixture>");
}

} // namespace

class TestValueText : public QObject
{
    Q_OBJECT
private slots:
    void parse_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<ValueType>("type");
        QTest::addColumn<QString>("expected"); // JSON of the value, or "!" + part of the error
        const auto A = ValueType::Auto;
        const auto S = ValueType::String;
        QTest::newRow("bare word") << "Large" << A << "\"Large\"";
        QTest::newRow("bare word, blanks around") << "  High \t" << A << "\"High\"";
        QTest::newRow("words with spaces") << "very large" << A << "\"very large\"";
        QTest::newRow("version-like") << "1.2.3" << A << "\"1.2.3\"";
        QTest::newRow("capitalised True is a word") << "True" << A << "\"True\"";
        QTest::newRow("empty") << "" << A << "\"\"";
        QTest::newRow("integer") << "3" << A << "3";
        QTest::newRow("negative decimal") << " -1.5e3 " << A << "-1500.0";
        QTest::newRow("true") << "true" << A << "true";
        QTest::newRow("false") << "false" << A << "false";
        QTest::newRow("null") << "null" << A << "null";
        QTest::newRow("quoted number is a string") << "\"123\"" << A << "\"123\"";
        QTest::newRow("quoted true is a string") << "\"true\"" << A << "\"true\"";
        QTest::newRow("array") << "[1, \"a\"]" << A << "[1,\"a\"]";
        QTest::newRow("object") << "{\"a\": 1}" << A << "{\"a\":1}";
        QTest::newRow("broken object") << "{\"a\": 1" << A << "!1:8";
        QTest::newRow("broken array") << "[1, 2" << A << "!1:";
        QTest::newRow("unterminated string") << "\"abc" << A << "!1:";
        QTest::newRow("picked text: true") << "true" << S << "\"true\"";
        QTest::newRow("picked text: 123") << "123" << S << "\"123\"";
        QTest::newRow("picked text keeps quotes and blanks") << " \"a\" " << S << "\" \\\"a\\\" \"";
        QTest::newRow("picked number") << " 42 " << ValueType::Number << "42";
        QTest::newRow("picked number, a word")
            << "ten" << ValueType::Number << "!\"ten\" is not a number";
        QTest::newRow("picked number, a quoted number")
            << "\"4\"" << ValueType::Number << "!is not a number";
        QTest::newRow("picked boolean") << "false" << ValueType::Boolean << "false";
        QTest::newRow("picked boolean, a word")
            << "yes" << ValueType::Boolean << "!\"yes\" is not true or false";
        QTest::newRow("picked null, empty") << "" << ValueType::Null << "null";
        QTest::newRow("picked null, a word") << "none" << ValueType::Null << "!is not null";
        QTest::newRow("picked JSON") << "[]" << ValueType::Structured << "[]";
        QTest::newRow("picked JSON, a number")
            << "3" << ValueType::Structured << "!is not a JSON object or array";
        QTest::newRow("picked JSON, broken") << "{\"a\"" << ValueType::Structured << "!1:";
    }
    void parse()
    {
        QFETCH(QString, text);
        QFETCH(ValueType, type);
        QFETCH(QString, expected);
        const Result<Json> r = parseValueText(text.toStdString(), type);
        if (expected.startsWith(QLatin1Char('!'))) {
            QVERIFY2(!r, r ? r->dump().c_str() : "");
            QVERIFY2(QString::fromStdString(r.error()).contains(expected.mid(1)),
                     r.error().c_str());
            return;
        }
        QVERIFY2(r, r ? "" : r.error().c_str());
        QCOMPARE(QString::fromStdString(r->dump()), expected);
    }

    void display_data()
    {
        QTest::addColumn<QString>("value"); // JSON
        QTest::addColumn<QString>("text");
        QTest::addColumn<ValueType>("type");
        QTest::addColumn<bool>("pinned");
        QTest::addColumn<QString>("label");
        QTest::newRow("word") << "\"Large\""
                              << "Large" << ValueType::String << false << "\"Large\"";
        QTest::newRow("string true") << "\"true\""
                                     << "true" << ValueType::String << true << "\"true\"";
        QTest::newRow("boolean true") << "true"
                                      << "true" << ValueType::Boolean << false << "true";
        QTest::newRow("string 123") << "\"123\""
                                    << "123" << ValueType::String << true << "\"123\"";
        QTest::newRow("number") << "123"
                                << "123" << ValueType::Number << false << "123";
        QTest::newRow("empty string") << "\"\""
                                      << "" << ValueType::String << false << "\"\"";
        QTest::newRow("blanks around") << "\" x \""
                                       << " x " << ValueType::String << true << "\" x \"";
        QTest::newRow("string like broken JSON") << "\"{x\""
                                                 << "{x" << ValueType::String << true << "\"{x\"";
        QTest::newRow("null") << "null"
                              << "null" << ValueType::Null << false << "null";
        QTest::newRow("object") << "{\"a\": [1]}"
                                << "{\"a\":[1]}" << ValueType::Structured << false << "{\"a\":[1]}";
    }
    void display()
    {
        QFETCH(QString, value);
        QFETCH(QString, text);
        QFETCH(ValueType, type);
        QFETCH(bool, pinned);
        QFETCH(QString, label);
        const Json v = json(value.toUtf8().constData());
        const ValueDisplay d = displayValue(v);
        QCOMPARE(QString::fromStdString(d.text), text);
        QCOMPARE(d.type, type);
        QCOMPARE(d.pinned, pinned);
        QCOMPARE(QString::fromStdString(valueLabel(v)), label);
        // The display reads back as the value: the one rule round-trips.
        const Result<Json> back = parseValueText(d.text, d.pinned ? d.type : ValueType::Auto);
        QVERIFY(back);
        JCOMPARE(*back, v);
    }
};

QTEST_APPLESS_MAIN(TestValueText)
#include "tst_valuetext.moc"
