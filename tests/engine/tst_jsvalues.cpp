// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JavaScript values as WorkRail computes them: Number.prototype.toString and the context size
// of workrail-compat.md §3.6.
#include "enginefixtures.h"

#include <QTest>

using namespace wfs;
using wfs::test::dropKey;
using wfs::test::parse;
using wfs::test::sharedEngine;

class TestJsValues : public QObject
{
    Q_OBJECT
private slots:
    void numberToString_data();
    void numberToString();
    void contextSize_data();
    void contextSize();
};

void TestJsValues::numberToString_data()
{
    QTest::addColumn<double>("value");
    QTest::addColumn<QString>("expected");
    QTest::newRow("integer") << 8.0 << "8";
    QTest::newRow("fraction") << 0.1 << "0.1";
    QTest::newRow("negative") << -2.5 << "-2.5";
    QTest::newRow("1e21") << 1e21 << "1e+21";
    QTest::newRow("1e20") << 1e20 << "100000000000000000000";
    QTest::newRow("small") << 1e-7 << "1e-7";
    QTest::newRow("0.000001") << 0.000001 << "0.000001";
    QTest::newRow("third") << 1.0 / 3 << "0.3333333333333333";
}

void TestJsValues::numberToString()
{
    QFETCH(double, value);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(js::numberToString(value)), expected);
}

// §3.6 exactly.
void TestJsValues::contextSize_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<double>("expected");
    QTest::newRow("{}") << QByteArray("{}") << 4.0;
    QTest::newRow("mode alpha") << QByteArray(R"({"mode":"alpha"})") << 22.0;
    QTest::newRow("null") << QByteArray("null") << 4.0;
    QTest::newRow("array") << QByteArray("[1,2]") << 20.0;
    QTest::newRow("bools and null") << QByteArray(R"({"a":true,"b":null})") << 4.0 + 2 + 4 + 2 + 4;
    QTest::newRow("utf16 surrogate pair") << QByteArray(R"("😀")") << 4.0;
    QTest::newRow("nested") << QByteArray(R"({"ab":{"c":[1,"xy"]}})")
                            << 4.0 + 4 + (4 + 2 + (4 + 8 + 4));
}

void TestJsValues::contextSize()
{
    QFETCH(QByteArray, value);
    QFETCH(double, expected);
    QCOMPARE(js::contextSize(parse(value)), expected);
}

QTEST_GUILESS_MAIN(TestJsValues)
#include "tst_jsvalues.moc"
