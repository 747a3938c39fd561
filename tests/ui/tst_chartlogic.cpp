// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The dashboard's chart arithmetic (#16 points 2 and 3), without widgets: nice 1-2-5 ticks
// with distinct labels (no "0, 0, 1, 1, 1" on an empty chart, no 15 / 31 / 46 / 61 % on the
// error axis), percent axes ending at a sensible bound, round time ticks with full labels,
// series split at gaps (idle time is not a straight line), the visible range and zoom, the
// sample nearest to the hover position.
#include "ui/dashboard/chartlogic.h"

#include <QSet>
#include <QTest>

#include <cmath>

using namespace wfs::studio::chart;

class TestChartLogic : public QObject
{
    Q_OBJECT
private slots:
    void niceScales_data();
    void niceScales();
    void percentScales_data();
    void percentScales();
    void timeTicksAreRoundAndFull_data();
    void timeTicksAreRoundAndFull();
    void gapsSplitSeries_data();
    void gapsSplitSeries();
    void rangesAndZoom_data();
    void rangesAndZoom();
    void nearest_data();
    void nearest();
};

static QStringList labels(const std::vector<Tick> &t)
{
    QStringList out;
    for (const Tick &k : t)
        out << k.label;
    return out;
}

void TestChartLogic::niceScales_data()
{
    QTest::addColumn<double>("lo");
    QTest::addColumn<double>("hi");
    QTest::addColumn<double>("max");
    QTest::addColumn<double>("step");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("empty chart") << 0.0 << 0.0 << 1.0 << 0.2
                                 << QStringList{"0", "0.2", "0.4", "0.6", "0.8", "1.0"};
    QTest::newRow("NaN") << 0.0 << std::nan("") << 1.0 << 0.2
                         << QStringList{"0", "0.2", "0.4", "0.6", "0.8", "1.0"};
    QTest::newRow("requests/s 1234")
        << 0.0 << 1234.0 << 1400.0 << 200.0
        << QStringList{"0", "200", "400", "600", "800", "1000", "1200", "1400"};
    QTest::newRow("latency 37 us")
        << 0.0 << 37.0 << 40.0 << 5.0
        << QStringList{"0", "5", "10", "15", "20", "25", "30", "35", "40"};
    QTest::newRow("small 0.3") << 0.0 << 0.3 << 0.3 << 0.05
                               << QStringList{"0", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30"};
}

void TestChartLogic::niceScales()
{
    QFETCH(double, lo);
    QFETCH(double, hi);
    QFETCH(double, max);
    QFETCH(double, step);
    QFETCH(QStringList, labels);
    const NiceScale s = niceScale(lo, hi, 8);
    QCOMPARE(s.min, 0.0);
    QCOMPARE(s.max, max);
    QCOMPARE(s.step, step);
    const QStringList got = ::labels(ticks(s));
    QCOMPARE(got, labels);
    QCOMPARE(QSet<QString>(got.begin(), got.end()).size(), got.size());
}

void TestChartLogic::percentScales_data()
{
    QTest::addColumn<double>("top");
    QTest::addColumn<QStringList>("labels");
    QTest::newRow("no errors") << 0.0
                               << QStringList{"0 %", "0.2 %", "0.4 %", "0.6 %", "0.8 %", "1.0 %"};
    QTest::newRow("61 % of errors: 0-100")
        << 61.0 << QStringList{"0 %", "20 %", "40 %", "60 %", "80 %", "100 %"};
    QTest::newRow("hit rate 100") << 100.0
                                  << QStringList{"0 %", "20 %", "40 %", "60 %", "80 %", "100 %"};
    QTest::newRow("12 %") << 12.0 << QStringList{"0 %", "5 %", "10 %", "15 %"};
}

void TestChartLogic::percentScales()
{
    QFETCH(double, top);
    QFETCH(QStringList, labels);
    const NiceScale s = percentScale(top, 5);
    QCOMPARE(::labels(ticks(s, QStringLiteral(" %"))), labels);
    QVERIFY(s.max <= 100);
    QVERIFY(s.max >= top);
}

void TestChartLogic::timeTicksAreRoundAndFull_data()
{
    QTest::addColumn<qint64>("spanMs");
    QTest::addColumn<int>("maxTicks");
    QTest::addColumn<qint64>("step");
    QTest::addColumn<int>("labelLength");
    QTest::newRow("1 min, 6 ticks") << qint64(60'000) << 6 << qint64(15'000) << 8;
    QTest::newRow("5 min, 6 ticks") << qint64(300'000) << 6 << qint64(60'000) << 5;
    QTest::newRow("15 min, 4 ticks") << qint64(900'000) << 4 << qint64(300'000) << 5;
    QTest::newRow("1 h, 6 ticks") << qint64(3'600'000) << 6 << qint64(900'000) << 5;
    QTest::newRow("24 h, 6 ticks") << qint64(86'400'000) << 6 << qint64(21'600'000) << 5;
    QTest::newRow("20 s zoom") << qint64(20'000) << 6 << qint64(5'000) << 8;
}

void TestChartLogic::timeTicksAreRoundAndFull()
{
    QFETCH(qint64, spanMs);
    QFETCH(int, maxTicks);
    QFETCH(qint64, step);
    QFETCH(int, labelLength);
    QCOMPARE(niceTimeStepMs(spanMs, maxTicks), step);
    const qint64 to = 1'780'000'123'456;
    const std::vector<Tick> t = timeTicks(to - spanMs, to, maxTicks);
    QVERIFY(!t.empty());
    QVERIFY(int(t.size()) <= maxTicks);
    const QStringList l = labels(t);
    QCOMPARE(QSet<QString>(l.begin(), l.end()).size(), l.size());
    for (const Tick &k : t) {
        QVERIFY(k.value >= double(to - spanMs) && k.value <= double(to));
        QCOMPARE(k.label.size(), labelLength); // "12:05:30" or "12:05", never "05:4..."
        if (step < 3'600'000)
            QCOMPARE(qint64(k.value) % step, qint64(0)); // on round seconds / minutes
    }
}

void TestChartLogic::gapsSplitSeries_data()
{
    QTest::addColumn<QList<double>>("xs");
    QTest::addColumn<QList<double>>("ys");
    QTest::addColumn<QList<int>>("runLengths");
    const double nan = std::nan("");
    QTest::newRow("continuous") << QList<double>{0, 1000, 2000, 3000} << QList<double>{1, 2, 3, 4}
                                << QList<int>{4};
    QTest::newRow("idle minute between two bursts")
        << QList<double>{0, 1000, 2000, 62000, 63000} << QList<double>{100, 50, 100, 100, 50}
        << QList<int>{3, 2};
    QTest::newRow("no lookups (NaN) is a gap")
        << QList<double>{0, 1000, 2000, 3000, 4000} << QList<double>{100, nan, nan, 100, 100}
        << QList<int>{1, 2};
    QTest::newRow("nothing measured")
        << QList<double>{0, 1000} << QList<double>{nan, nan} << QList<int>{};
    QTest::newRow("history rows every 5 s, then a gap")
        << QList<double>{0, 5000, 10000, 15000, 60000, 65000} << QList<double>{1, 1, 1, 1, 1, 1}
        << QList<int>{4, 2};
}

void TestChartLogic::gapsSplitSeries()
{
    QFETCH(QList<double>, xs);
    QFETCH(QList<double>, ys);
    QFETCH(QList<int>, runLengths);
    std::vector<QPointF> points;
    for (int i = 0; i < xs.size(); ++i)
        points.emplace_back(xs[i], ys[i]);
    const std::vector<double> x(xs.begin(), xs.end());
    const auto runs = splitAtGaps(points, gapThreshold(x));
    QList<int> got;
    for (const auto &r : runs)
        got << int(r.size());
    QCOMPARE(got, runLengths);
}

void TestChartLogic::rangesAndZoom_data()
{
    QTest::addColumn<int>("rangeSeconds");
    QTest::addColumn<double>("dragFrom");
    QTest::addColumn<double>("dragTo");
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to");
    const qint64 now = 1'000'000;
    QTest::newRow("live 1 min") << 60 << 0.0 << 0.0 << now - 60'000 << now;
    QTest::newRow("live 24 h") << 86400 << 0.0 << 0.0 << now - 86'400'000 << now;
    QTest::newRow("drag right to left")
        << 300 << 990'000.0 << 970'000.0 << qint64(970'000) << qint64(990'000);
    QTest::newRow("a click is no zoom") << 300 << 970'000.0 << 970'500.0 << now - 300'000 << now;
}

void TestChartLogic::rangesAndZoom()
{
    QFETCH(int, rangeSeconds);
    QFETCH(double, dragFrom);
    QFETCH(double, dragTo);
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    const TimeRange r = visibleRange(rangeSeconds, 1'000'000, zoomFromDrag(dragFrom, dragTo));
    QCOMPARE(r.fromMs, from);
    QCOMPARE(r.toMs, to);
}

void TestChartLogic::nearest_data()
{
    QTest::addColumn<double>("x");
    QTest::addColumn<int>("index");
    QTest::newRow("exact") << 2000.0 << 2;
    QTest::newRow("between, nearer the left") << 2400.0 << 2;
    QTest::newRow("between, nearer the right") << 2600.0 << 3;
    QTest::newRow("far after the last") << 9000.0 << -1;
    QTest::newRow("before the first, close") << -500.0 << 0;
}

void TestChartLogic::nearest()
{
    QFETCH(double, x);
    QFETCH(int, index);
    QCOMPARE(nearestIndex({0, 1000, 2000, 3000}, x, 1500), index);
}

QTEST_APPLESS_MAIN(TestChartLogic)
#include "tst_chartlogic.moc"
