// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The performance dashboard fed by a synthetic source: every chart series moves, the 10-minute
// window trims, pause freezes the charts (not the data), the log axis toggles, CSV and PNG
// export; the live registry source computes rates and percentiles; the request log filters;
// the load test panel runs and keeps its results; its targets follow the MCP listener, the
// in-process target moves the global registry the charts read, the HTTP target talks to a real
// listener, Cancel ends a run; the latency legend labels its markers (issue #8).
#include "listeningstudio.h"
#include "testutil.h"

#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/mcp/httpserver.h"
#include "engine/metrics/metricsregistry.h"
#include "engine/runtime.h"
#include "ui/dashboard/dashboardsource.h"
#include "ui/dashboard/dashboardwidget.h"
#include "ui/dashboard/fleetsource.h"
#include "ui/dashboard/loadtestpanel.h"
#include "ui/dashboard/requestlogview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPushButton>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QTreeWidget>
#include <QValueAxis>

using namespace wfs;
using namespace wfs::studio;

namespace {

constexpr std::int64_t kT0 = 1'780'000'000'000; // 2026-05-28T20:26:40Z

// A deterministic sample: every value depends on `i`, so each series moves.
DashboardSample synthetic(int i)
{
    DashboardSample s;
    s.atMs = kT0 + std::int64_t(i) * 1000;
    s.l1HitPercent = 50 + i % 40;
    s.l2HitPercent = 20 + i % 30;
    s.hitPercent = 60 + i % 35;
    for (int op = 0; op < kDashboardOps; ++op)
        s.latency[std::size_t(op)] = {10.0 * (op + 1) + i, 20.0 * (op + 1) + i,
                                      40.0 * (op + 1) + i};
    s.rssMb = 100 + i * 0.5;
    s.heapMb = 40 + i * 0.25;
    s.requestsPerSec = 1000 + i * 10;
    s.errorPercent = i % 5;
    s.errorKindPercent = {0.1 * i, 0.2 * i, 0.05 * i};
    return s;
}

class SyntheticSource : public DashboardSource
{
public:
    std::vector<DashboardSample> preset;
    bool running = false;
    std::vector<DashboardSample> history(std::int64_t) override { return preset; }
    void start() override { running = true; }
    void stop() override { running = false; }
    void push(const DashboardSample &s) { emit sampled(s); }
};

} // namespace

class TestDashboard : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void syntheticSourceMovesEverySeries_data();
    void syntheticSourceMovesEverySeries();
    void rangeShowsItsWindow_data();
    void rangeShowsItsWindow();
    void gapsStayGaps();
    void zoomByDragAndReset();
    void emptyChartsHaveDistinctLabels_data();
    void emptyChartsHaveDistinctLabels();
    void cursorReadsExactValuesOnEveryChart();
    void memoryBudgetIsMarked();
    void requestLogOpensWithCurrentContents();
    void pauseFreezesChartsNotData();
    void logAxisToggle();
    void errorAxisLabelsStayDistinct_data();
    void errorAxisLabelsStayDistinct();
    void csvExport();
    void pngExport();
    void registrySourceMeasures();
    void registrySourceErrorsByKind();
    void requestLogFilters_data();
    void requestLogFilters();
    void loadTestRunsAndKeepsHistory();
    void latencyLegendIsLabelled_data();
    void latencyLegendIsLabelled();
    void loadTestTargetFollowsListener_data();
    void loadTestTargetFollowsListener();
    void loadTestInProcessMovesGlobalRegistry();
    void loadTestOverHttp_data();
    void loadTestOverHttp();
    void loadTestCancel();
    void fleetSamplesMergeInstances_data();
    void fleetSamplesMergeInstances();
    void fleetInstanceRows();
    void fleetViewSwitches();
    void cleanupTestCase();

private:
    // The studio's composition for the load test: a runtime and its MCP listener with a token.
    void startStudio();

    QTemporaryDir m_tmp;
    test::ListeningStudio m_studio;
};

namespace {
constexpr const char *kToken = "dashboard-test-token";
}

void TestDashboard::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(m_tmp.isValid());
}

void TestDashboard::syntheticSourceMovesEverySeries_data()
{
    QTest::addColumn<int>("history");
    QTest::addColumn<int>("live");
    QTest::newRow("live samples only") << 0 << 5;
    QTest::newRow("history from the store, then live") << 3 << 4;
}

void TestDashboard::syntheticSourceMovesEverySeries()
{
    QFETCH(int, history);
    QFETCH(int, live);
    DashboardWidget w;
    SyntheticSource source;
    for (int i = 0; i < history; ++i)
        source.preset.push_back(synthetic(i));
    w.setSource(&source);
    QVERIFY(source.running);
    for (int i = history; i < history + live; ++i)
        source.push(synthetic(i));
    const int total = history + live;
    const DashboardSample last = synthetic(total - 1);
    int seriesSeen = 0;
    for (int c = 0; c < DashboardWidget::ChartCount; ++c) {
        const QList<QLineSeries *> series = w.series(DashboardWidget::Chart(c));
        QVERIFY(!series.isEmpty());
        for (QLineSeries *s : series) {
            ++seriesSeen;
            QCOMPARE(s->count(), total);
            QCOMPARE(qint64(s->at(total - 1).x()), last.atMs);
            QVERIFY2(s->at(total - 1).y() != s->at(0).y(), qPrintable(s->name()));
        }
    }
    QCOMPARE(seriesSeen, 3 + 3 + 2 + 4);
    // The latency chart shows one operation (workflow_next by default): p50, p95, p99.
    QCOMPARE(w.latencyOperation(), int(DashboardOp::Next));
    QCOMPARE(w.series(DashboardWidget::LatencyChart)[2]->at(total - 1).y(), 120.0 + total - 1);
    QCOMPARE(w.series(DashboardWidget::MemoryChart)[0]->at(total - 1).y(), last.rssMb);
    QCOMPARE(w.series(DashboardWidget::ThroughputChart)[0]->at(total - 1).y(), last.requestsPerSec);
    QCOMPARE(w.series(DashboardWidget::ThroughputChart)[1]->at(total - 1).y(),
             last.errorKindPercent[0]);
}

void TestDashboard::errorAxisLabelsStayDistinct_data()
{
    QTest::addColumn<double>("errorPercent");
    QTest::addColumn<QStringList>("labels");
    const QStringList small{"0 %", "0.2 %", "0.4 %", "0.6 %", "0.8 %", "1.0 %"};
    QTest::newRow("no errors: 0-1 %") << 0.0 << small;
    QTest::newRow("0.3 %: 0-1 %") << 0.3 << small;
    QTest::newRow("25 %: steps of 5")
        << 25.0 << QStringList{"0 %", "5 %", "10 %", "15 %", "20 %", "25 %"};
    QTest::newRow("61 %: 0-100 %, not 15 / 31 / 46 / 61")
        << 61.0 << QStringList{"0 %", "20 %", "40 %", "60 %", "80 %", "100 %"};
}

// #16 point 3: the error-rate axis (right of the throughput chart) has nice, distinct ticks
// however small the rate, and ends at a sensible bound.
void TestDashboard::errorAxisLabelsStayDistinct()
{
    QFETCH(double, errorPercent);
    QFETCH(QStringList, labels);
    DashboardWidget w;
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 3; ++i) {
        DashboardSample sample = synthetic(i);
        sample.errorKindPercent = {errorPercent, 0, 0};
        source.push(sample);
    }
    QCOMPARE(w.axisLabels(DashboardWidget::ThroughputChart, Qt::AlignRight), labels);
}

void TestDashboard::rangeShowsItsWindow_data()
{
    QTest::addColumn<int>("rangeSeconds");
    QTest::addColumn<int>("points");
    QTest::newRow("last minute") << 60 << 61;
    QTest::newRow("last 5 minutes") << 300 << 301;
    QTest::newRow("last 15 minutes: all 700 s") << 900 << 700;
    QTest::newRow("last 24 hours") << 86400 << 700;
}

// #16 point 2: the range selector (the toolbar's combo box) sets the window of every chart;
// 700 s of samples are all kept.
void TestDashboard::rangeShowsItsWindow()
{
    QFETCH(int, rangeSeconds);
    QFETCH(int, points);
    DashboardWidget w;
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 700; ++i)
        source.push(synthetic(i));
    auto *combo = w.findChild<QComboBox *>(QStringLiteral("dashboardRange"));
    QVERIFY(combo);
    combo->setCurrentIndex(combo->findData(rangeSeconds));
    QCOMPARE(w.rangeSeconds(), rangeSeconds);
    QCOMPARE(int(w.samples().size()), 700);
    const qint64 last = synthetic(699).atMs;
    for (int c = 0; c < DashboardWidget::ChartCount; ++c) {
        QLineSeries *s = w.series(DashboardWidget::Chart(c))[0];
        QCOMPARE(s->count(), points);
        QCOMPARE(qint64(s->at(points - 1).x()), last);
        const QStringList x = w.axisLabels(DashboardWidget::Chart(c), Qt::AlignBottom);
        QVERIFY2(x.size() >= 2, qPrintable(x.join(QLatin1Char(','))));
    }
    QCOMPARE(w.visibleRange().toMs, last);
    QCOMPARE(w.visibleRange().fromMs, last - qint64(rangeSeconds) * 1000);
}

// #16 point 3: idle time is a gap, not a straight line; "no lookups" (NaN) too.
void TestDashboard::gapsStayGaps()
{
    DashboardWidget w;
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 5; ++i)
        source.push(synthetic(i));
    for (int i = 65; i < 70; ++i) // a minute later
        source.push(synthetic(i));
    const QList<QLineSeries *> runs = w.segments(DashboardWidget::CacheChart, 0);
    QCOMPARE(runs.size(), 2);
    QCOMPARE(runs[0]->count(), 5);
    QCOMPARE(runs[1]->count(), 5);
    QCOMPARE(qint64(runs[1]->at(0).x()), synthetic(65).atMs);
    // Only the first run is in the legend.
    QChart *chart = w.chartView(DashboardWidget::CacheChart)->chart();
    QTest::qWait(50); // the legend is laid out
    int visible = 0;
    for (QLegendMarker *m : chart->legend()->markers())
        visible += m->isVisible() ? 1 : 0;
    QCOMPARE(visible, 3);
    // A sample without cache lookups breaks the hit-rate line.
    DashboardSample idle = synthetic(70);
    idle.l1HitPercent = DashboardSample::kNone;
    source.push(idle);
    source.push(synthetic(71));
    QCOMPARE(w.segments(DashboardWidget::CacheChart, 0).size(), 3);
}

// #16 point 2: a drag across a chart zooms every chart to that time range; a double-click (or
// Reset Zoom) returns to the live range.
void TestDashboard::zoomByDragAndReset()
{
    DashboardWidget w;
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 120; ++i)
        source.push(synthetic(i));
    QApplication::processEvents();
    QChartView *view = w.chartView(DashboardWidget::MemoryChart);
    QChart *chart = view->chart();
    const QRectF plot = chart->plotArea();
    const auto toView = [&](double fraction) {
        const QPointF p(plot.left() + plot.width() * fraction, plot.center().y());
        return view->mapFromScene(chart->mapToScene(p));
    };
    QTest::mousePress(view->viewport(), Qt::LeftButton, {}, toView(0.5));
    QTest::mouseMove(view->viewport(), toView(0.7));
    QTest::mouseRelease(view->viewport(), Qt::LeftButton, {}, toView(0.9));
    QVERIFY(w.isZoomed());
    const chart::TimeRange zoom = w.visibleRange();
    QVERIFY(zoom.toMs - zoom.fromMs < 300'000 * 45 / 100);
    for (int c = 0; c < DashboardWidget::ChartCount; ++c) {
        QLineSeries *s = w.series(DashboardWidget::Chart(c))[0];
        QVERIFY(s->count() > 0);
        QVERIFY(s->at(0).x() >= double(zoom.fromMs));
        QVERIFY(s->at(s->count() - 1).x() <= double(zoom.toMs));
    }
    // Live samples do not move a zoomed view.
    source.push(synthetic(120));
    QCOMPARE(w.visibleRange().toMs, zoom.toMs);
    QTest::mouseDClick(view->viewport(), Qt::LeftButton, {}, toView(0.5));
    QVERIFY(!w.isZoomed());
    QCOMPARE(w.visibleRange().toMs, synthetic(120).atMs);
    auto *reset = w.findChild<QPushButton *>(QStringLiteral("dashboardResetZoom"));
    QVERIFY(reset && !reset->isEnabled());
    w.setZoom(synthetic(10).atMs, synthetic(20).atMs);
    QVERIFY(reset->isEnabled());
    reset->click();
    QVERIFY(!w.isZoomed());
}

void TestDashboard::emptyChartsHaveDistinctLabels_data()
{
    QTest::addColumn<int>("samples");
    QTest::newRow("no samples at all") << 0;
    QTest::newRow("one sample") << 1;
    QTest::newRow("twenty samples") << 20;
}

// #16 point 3: no "0, 0, 1, 1, 1" on an empty chart; every axis has distinct labels with a
// unit, and time labels are whole ("20:26:40", never cut to "20:2...").
void TestDashboard::emptyChartsHaveDistinctLabels()
{
    QFETCH(int, samples);
    DashboardWidget w;
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < samples; ++i)
        source.push(synthetic(i));
    const QString units[DashboardWidget::ChartCount] = {"%", "µs", "MB", "/s"};
    for (int c = 0; c < DashboardWidget::ChartCount; ++c) {
        for (const Qt::Alignment side : {Qt::AlignLeft, Qt::AlignBottom}) {
            const QStringList labels = w.axisLabels(DashboardWidget::Chart(c), side);
            QVERIFY2(labels.size() >= 2, qPrintable(labels.join(QLatin1Char(','))));
            QCOMPARE(QSet<QString>(labels.begin(), labels.end()).size(), labels.size());
            for (const QString &l : labels) {
                if (side == Qt::AlignLeft)
                    QVERIFY2(l.endsWith(units[c]), qPrintable(l));
                else
                    QVERIFY2(QRegularExpression(QStringLiteral("^\\d\\d:\\d\\d(:\\d\\d)?$"))
                                 .match(l)
                                 .hasMatch(),
                             qPrintable(l));
            }
        }
    }
}

// #16 point 2: hovering sets one time cursor on the four charts, each reading out the exact
// values of the sample under it.
void TestDashboard::cursorReadsExactValuesOnEveryChart()
{
    DashboardWidget w;
    w.resize(1200, 800);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 30; ++i)
        source.push(synthetic(i));
    QApplication::processEvents();
    // Hover the cache chart's plot where the samples are (the last 30 s of 5 minutes).
    // The move event goes to the viewport itself: QTest::mouseMove goes through the platform,
    // which on the offscreen platform may hand it to a window of an earlier test function.
    QChartView *view = w.chartView(DashboardWidget::CacheChart);
    const QRectF plot = view->chart()->plotArea();
    const QPoint at = view->mapFromScene(
        view->chart()->mapToScene(QPointF(plot.left() + plot.width() * 0.95, plot.center().y())));
    QMouseEvent move(QEvent::MouseMove, QPointF(at), QPointF(view->viewport()->mapToGlobal(at)),
                     Qt::NoButton, Qt::NoButton, Qt::NoModifier);
    QApplication::sendEvent(view->viewport(), &move);
    QVERIFY(!std::isnan(w.cursorTime()));
    for (int c = 0; c < DashboardWidget::ChartCount; ++c)
        QVERIFY2(!w.readout(DashboardWidget::Chart(c)).isEmpty(), qPrintable(QString::number(c)));
    // Exactly on sample 12: its values, with units.
    w.setCursorTime(double(synthetic(12).atMs));
    const DashboardSample s = synthetic(12);
    QVERIFY(w.readout(DashboardWidget::CacheChart)
                .contains(QLocale().toString(s.l1HitPercent, 'f', 1) + QStringLiteral(" %")));
    QVERIFY(w.readout(DashboardWidget::LatencyChart)
                .contains(QLocale().toString(s.latency[2].p99Us, 'f', 0) + QStringLiteral(" µs")));
    QVERIFY(w.readout(DashboardWidget::MemoryChart)
                .contains(QLocale().toString(s.rssMb, 'f', 0) + QStringLiteral(" MB")));
    QVERIFY(w.readout(DashboardWidget::ThroughputChart)
                .contains(QLocale().toString(s.requestsPerSec, 'f', 0)));
    w.setCursorTime(std::nan(""));
    QVERIFY(w.readout(DashboardWidget::MemoryChart).isEmpty());
}

// #16 point 5: the memory chart marks the studio's budget (the cache budget) as a line in the
// visible range, named in the legend, and the axis reaches it.
void TestDashboard::memoryBudgetIsMarked()
{
    DashboardWidget w;
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 5; ++i)
        source.push(synthetic(i));
    w.setMemoryBudget(320);
    QLineSeries *budget = w.budgetSeries();
    QCOMPARE(budget->count(), 2);
    QCOMPARE(budget->at(0).y(), 320.0);
    QCOMPARE(qint64(budget->at(1).x()), synthetic(4).atMs);
    QVERIFY(budget->name().contains(QLatin1String("320")));
    const QStringList labels = w.axisLabels(DashboardWidget::MemoryChart, Qt::AlignLeft);
    QVERIFY2(labels.last().split(QLatin1Char(' ')).first().toDouble() >= 320,
             qPrintable(labels.join(QLatin1Char(','))));
}

void TestDashboard::pauseFreezesChartsNotData()
{
    DashboardWidget w;
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 3; ++i)
        source.push(synthetic(i));
    w.setPaused(true);
    for (int i = 3; i < 8; ++i)
        source.push(synthetic(i));
    QCOMPARE(w.series(DashboardWidget::MemoryChart)[0]->count(), 3);
    QCOMPARE(int(w.samples().size()), 8);
    w.setPaused(false);
    QCOMPARE(w.series(DashboardWidget::MemoryChart)[0]->count(), 8);
}

void TestDashboard::logAxisToggle()
{
    DashboardWidget w;
    SyntheticSource source;
    w.setSource(&source);
    source.push(synthetic(0));
    const auto hasLog = [&] {
        for (QAbstractAxis *a : w.series(DashboardWidget::LatencyChart)[0]->attachedAxes()) {
            if (qobject_cast<QLogValueAxis *>(a))
                return true;
        }
        return false;
    };
    QVERIFY(!hasLog());
    w.setLogScale(true);
    QVERIFY(hasLog());
    source.push(synthetic(1));
    QCOMPARE(w.series(DashboardWidget::LatencyChart)[0]->count(), 2);
    w.setLogScale(false);
    QVERIFY(!hasLog());
}

void TestDashboard::csvExport()
{
    DashboardWidget w;
    SyntheticSource source;
    w.setSource(&source);
    source.push(synthetic(0));
    DashboardSample gaps = synthetic(1);
    gaps.l2HitPercent = DashboardSample::kNone; // not measured: an empty field
    gaps.latency[3] = {};
    source.push(gaps);
    const QString path = m_tmp.filePath(QStringLiteral("dashboard.csv"));
    WFS_VERIFY_RESULT(w.exportCsv(path));
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QStringList lines = QString::fromUtf8(f.readAll()).split(QLatin1Char('\n'));
    QCOMPARE(lines.size(), 4); // header, 2 rows, trailing newline
    QCOMPARE(lines[0],
             QStringLiteral("time_utc,l1_hit_pct,l2_hit_pct,hit_pct,list_p50_us,list_p95_us,"
                            "list_p99_us,get_p50_us,get_p95_us,get_p99_us,next_p50_us,"
                            "next_p95_us,next_p99_us,validate_p50_us,validate_p95_us,"
                            "validate_p99_us,rss_mb,heap_mb,requests_per_s,error_pct,"
                            "transport_error_pct,protocol_error_pct,tool_error_pct"));
    QCOMPARE(lines[1],
             QStringLiteral("2026-05-28T20:26:40.000Z,50.000,20.000,60.000,10.000,20.000,40.000,"
                            "20.000,40.000,80.000,30.000,60.000,120.000,40.000,80.000,160.000,"
                            "100.000,40.000,1000.000,0.000,0.000,0.000,0.000"));
    QCOMPARE(lines[2],
             QStringLiteral("2026-05-28T20:26:41.000Z,51.000,,61.000,11.000,21.000,41.000,"
                            "21.000,41.000,81.000,31.000,61.000,121.000,,,,"
                            "100.500,40.250,1010.000,1.000,0.100,0.200,0.050"));
    QCOMPARE(lines[3], QString());
    // A bad path is an error naming the file, not a crash.
    const auto bad = w.exportCsv(m_tmp.filePath(QStringLiteral("missing/dir/x.csv")));
    QVERIFY(!bad);
    QVERIFY(QString::fromStdString(bad.error()).contains(QLatin1String("x.csv")));
}

void TestDashboard::pngExport()
{
    DashboardWidget w;
    w.resize(1000, 700);
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 10; ++i)
        source.push(synthetic(i));
    for (int c = 0; c < DashboardWidget::ChartCount; ++c) {
        const QString path = m_tmp.filePath(QStringLiteral("chart%1.png").arg(c));
        WFS_VERIFY_RESULT(w.exportPng(DashboardWidget::Chart(c), path));
        QImage image(path);
        QVERIFY(!image.isNull());
        QVERIFY(image.width() >= 640 && image.height() >= 400);
    }
}

void TestDashboard::registrySourceMeasures()
{
    std::int64_t steady = 1'000'000'000;
    metrics::MetricsRegistry registry([&] { return steady; },
                                      [] { return std::int64_t(kT0) * 1'000'000; });
    RegistrySource source(registry);
    cache::CacheStats stats;
    source.setCacheStats([&stats] { return stats; });
    (void)source.sampleNow(); // the first sample only records the cache counters
    for (int i = 0; i < 100; ++i)
        registry.record("workflow_next", std::uint64_t(1000 + i * 10), i % 10 == 0);
    registry.record("workflow_get", 5000);
    registry.record("mcp/workflow_get", 6000); // the same call seen by the MCP dispatcher
    stats.l1.hits = 30;
    stats.l1.misses = 10;
    stats.l2Enabled = true;
    stats.l2.hits = 5;
    stats.l2.misses = 5;
    steady += 1'000'000'000; // one second later: the tick closes that second
    const DashboardSample first = source.sampleNow();
    QCOMPARE(first.atMs, kT0);
    QCOMPARE(first.l1HitPercent, 75.0);
    QCOMPARE(first.l2HitPercent, 50.0);
    QCOMPARE(first.hitPercent, 87.5);
    steady += 1'000'000'000; // the closed second is now the "last complete second"
    const DashboardSample s = source.sampleNow();
    QVERIFY(std::isnan(s.l1HitPercent)); // no lookups in this interval: no point
    const DashboardSample::Latency next = s.latency[std::size_t(DashboardOp::Next)];
    QVERIFY2(next.p50Us > 1.3 && next.p50Us < 1.6, qPrintable(QString::number(next.p50Us)));
    QVERIFY(next.p99Us >= next.p95Us && next.p95Us >= next.p50Us);
    QVERIFY(std::isnan(s.latency[std::size_t(DashboardOp::List)].p50Us));
    QVERIFY(s.latency[std::size_t(DashboardOp::Get)].p50Us > 4.9);
    QVERIFY(s.errorPercent > 9.8 && s.errorPercent < 10.0); // 10 of 101
    // 101 calls in that second; the MCP view of the workflow_get call is not counted twice.
    QVERIFY2(s.requestsPerSec > 100.5 && s.requestsPerSec < 101.5,
             qPrintable(QString::number(s.requestsPerSec)));
    QVERIFY(s.rssMb > 1);
}

// #16 point 4: failures counted by kind (an HTTP 401 is the transport's, a JSON-RPC error the
// protocol's, an isError result the tool's) give the error chart's three lines, as percents of
// the requests of the same interval; no requests, no point.
void TestDashboard::registrySourceErrorsByKind()
{
    std::int64_t steady = 1'000'000'000;
    metrics::MetricsRegistry registry([&] { return steady; },
                                      [] { return std::int64_t(kT0) * 1'000'000; });
    RegistrySource source(registry);
    (void)source.sampleNow();      // the first sample only records the counters
    for (int i = 0; i < 10; ++i) { // ten requests refused by the listener (401)
        registry.record("mcp/rejected", 1000, true);
        registry.countFailure(metrics::FailureKind::Transport);
    }
    for (int i = 0; i < 30; ++i)
        registry.record("workflow_get", 1000, i < 5);
    for (int i = 0; i < 5; ++i)
        registry.countFailure(metrics::FailureKind::Tool);
    registry.record("mcp/other", 1000, true); // an unknown method
    registry.countFailure(metrics::FailureKind::Protocol);
    steady += 1'000'000'000;
    const DashboardSample s = source.sampleNow();
    QCOMPARE(s.errorKindPercent[0], 100.0 * 10 / 41);
    QCOMPARE(s.errorKindPercent[1], 100.0 * 1 / 41);
    QCOMPARE(s.errorKindPercent[2], 100.0 * 5 / 41);
    steady += 1'000'000'000;
    const DashboardSample idle = source.sampleNow();
    for (const double k : idle.errorKindPercent)
        QVERIFY(std::isnan(k));
}

void TestDashboard::requestLogFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("status"); // RequestLogView::StatusFilter
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("client");
    QTest::addColumn<int>("rows");
    const int all = int(RequestLogView::StatusFilter::All);
    QTest::newRow("no filter") << QString() << all << QString() << QString() << QString() << 4;
    QTest::newRow("by text: tool")
        << QStringLiteral("validate") << all << QString() << QString() << QString() << 1;
    QTest::newRow("by text: session, any case")
        << QStringLiteral("ABC1") << all << QString() << QString() << QString() << 3;
    QTest::newRow("by text: status")
        << QStringLiteral("429") << all << QString() << QString() << QString() << 1;
    QTest::newRow("by text: \"error\" finds every failure")
        << QStringLiteral("error") << all << QString() << QString() << QString() << 2;
    QTest::newRow("by text: the reason")
        << QStringLiteral("rate limit") << all << QString() << QString() << QString() << 1;
    QTest::newRow("nothing matches")
        << QStringLiteral("zzz") << all << QString() << QString() << QString() << 0;
    QTest::newRow("status: errors") << QString() << int(RequestLogView::StatusFilter::Errors)
                                    << QString() << QString() << QString() << 2;
    QTest::newRow("status: succeeded") << QString() << int(RequestLogView::StatusFilter::Success)
                                       << QString() << QString() << QString() << 2;
    QTest::newRow("status: 4xx") << QString() << int(RequestLogView::StatusFilter::ClientErrors)
                                 << QString() << QString() << QString() << 1;
    QTest::newRow("kind: transport")
        << QString() << all << QStringLiteral("transport") << QString() << QString() << 1;
    QTest::newRow("kind: tool") << QString() << all << QStringLiteral("tool") << QString()
                                << QString() << 1;
    QTest::newRow("tool: workflow_next")
        << QString() << all << QString() << QStringLiteral("workflow_next") << QString() << 2;
    QTest::newRow("client") << QString() << all << QString() << QString()
                            << QStringLiteral("127.0.0.1:5001") << 1;
}

// #16 point 4: filters by status, kind, tool and client; the reason of every failure is shown
// (not a bare status); the Status column is no wider than its contents.
void TestDashboard::requestLogFilters()
{
    QFETCH(QString, filter);
    QFETCH(int, status);
    QFETCH(QString, kind);
    QFETCH(QString, tool);
    QFETCH(QString, client);
    QFETCH(int, rows);
    RequestLogView view;
    view.resize(1200, 400);
    std::vector<RequestLogEntry> log{
        {kT0,
         QStringLiteral("127.0.0.1:5000"),
         QStringLiteral("abc12345"),
         QStringLiteral("tools/call"),
         QStringLiteral("workflow_next"),
         0.4,
         200,
         QString(),
         {}},
        {kT0 + 5,
         QStringLiteral("127.0.0.1:5000"),
         QStringLiteral("abc12345"),
         QStringLiteral("tools/call"),
         QStringLiteral("workflow_validate"),
         0.9,
         200,
         QString(),
         {}},
        {kT0 + 7, QStringLiteral("127.0.0.1:5000"), QStringLiteral("abc12345"),
         QStringLiteral("tools/call"), QStringLiteral("workflow_next"), 0.3, 200,
         QStringLiteral("Workflow not found: x"), QStringLiteral("tool")},
        {kT0 + 9, QStringLiteral("127.0.0.1:5001"), QString(), QStringLiteral("initialize"),
         QString(), 0.2, 429, QStringLiteral("Too Many Requests: rate limit"),
         QStringLiteral("transport")}};
    view.setFetch([&log] { return log; });
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setFilter(filter);
    view.setStatusFilter(RequestLogView::StatusFilter(status));
    view.setKindFilter(kind);
    view.setToolFilter(tool);
    view.setClientFilter(client);
    QCOMPARE(view.rowCount(), rows);
    for (int r = 0; r < view.rowCount(); ++r) {
        if (view.cell(r, RequestLogView::StatusColumn).startsWith(QLatin1Char('2')) &&
            view.cell(r, RequestLogView::KindColumn).isEmpty())
            continue;
        QVERIFY2(!view.cell(r, RequestLogView::ReasonColumn).isEmpty(), "every failure says why");
    }
    if (filter.isEmpty() && status == 0 && kind.isEmpty() && tool.isEmpty() && client.isEmpty()) {
        // Newest first; the status with its reason phrase.
        QCOMPARE(view.cell(0, RequestLogView::StatusColumn),
                 QStringLiteral("429 Too Many Requests"));
        QCOMPARE(view.cell(0, RequestLogView::KindColumn), QStringLiteral("transport error"));
        QCOMPARE(view.cell(0, RequestLogView::ReasonColumn),
                 QStringLiteral("Too Many Requests: rate limit"));
        QCOMPARE(view.cell(3, RequestLogView::ToolColumn), QStringLiteral("workflow_next"));
        QCOMPARE(view.cell(3, RequestLogView::ClientColumn),
                 QStringLiteral("127.0.0.1:5000 / abc12345"));
        auto *table = view.findChild<QTableView *>(QStringLiteral("requestLogTable"));
        QVERIFY(table);
        const int statusWidth =
            table->horizontalHeader()->sectionSize(RequestLogView::StatusColumn);
        QVERIFY2(statusWidth < table->viewport()->width() / 4,
                 qPrintable(QString::number(statusWidth)));
        QVERIFY(table->horizontalHeader()->sectionSize(RequestLogView::ReasonColumn) > statusWidth);
    }
}

// #16 point 4: the log opens with what is there, not "0 request(s)" until the next poll.
void TestDashboard::requestLogOpensWithCurrentContents()
{
    RequestLogView view;
    std::vector<RequestLogEntry> log;
    view.setFetch([&log] { return log; });
    for (int i = 0; i < 3000; ++i)
        log.push_back({kT0 + i,
                       QStringLiteral("127.0.0.1:5000"),
                       QStringLiteral("s"),
                       QStringLiteral("tools/call"),
                       QStringLiteral("workflow_get"),
                       0.1,
                       200,
                       QString(),
                       {}});
    view.show(); // no event loop turn, no timer: the rows are there at once
    QCOMPARE(view.rowCount(), 3000);
    auto *summary = view.findChild<QLabel *>(QStringLiteral("requestLogSummary"));
    QVERIFY(summary->text().contains(QLatin1String("3000")));
}

void TestDashboard::loadTestRunsAndKeepsHistory()
{
    LoadTestPanel panel;
    panel.setUsers(2);
    panel.setSeconds(0.3);
    QSignalSpy finished(&panel, &LoadTestPanel::finished);
    QVERIFY(panel.start());
    QVERIFY(!panel.start()); // one at a time
    QVERIFY(finished.wait(15000));
    QCOMPARE(panel.results().size(), std::size_t(1));
    QVERIFY(panel.results()[0].requests > 0);
    QCOMPARE(panel.historyView()->topLevelItemCount(), 1);
    QVERIFY(panel.summaryView()->text().contains(QLatin1String("req/s")));
}

void TestDashboard::startStudio()
{
    if (m_studio.server)
        return;
    const auto started = m_studio.start(test::isolatedRuntimeOptions(), kToken);
    QVERIFY2(started.ok(), started.ok() ? "" : started.error().c_str());
}

void TestDashboard::cleanupTestCase()
{
    m_studio.reset();
}

// Issue #8: twelve latency series used to give twelve unlabelled legend markers. The legend now
// has one labelled marker per operation, and the title keys the percentiles' line styles.
void TestDashboard::latencyLegendIsLabelled_data()
{
    QTest::addColumn<bool>("logScale");
    QTest::newRow("linear axis") << false;
    QTest::newRow("after toggling the log axis") << true;
}

void TestDashboard::latencyLegendIsLabelled()
{
    QFETCH(bool, logScale);
    DashboardWidget w;
    w.resize(1000, 700);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    SyntheticSource source;
    w.setSource(&source);
    source.push(synthetic(0));
    if (logScale) {
        w.setLogScale(true);
        w.setLogScale(false);
        w.setLogScale(true);
    }
    QChart *chart = w.chartView(DashboardWidget::LatencyChart)->chart();
    QStringList visible;
    for (QLegendMarker *m : chart->legend()->markers()) {
        QVERIFY2(!m->label().isEmpty(), "every legend marker has a label");
        if (m->isVisible())
            visible << m->label();
    }
    QCOMPARE(visible, QStringList({"p50", "p95", "p99"}));
    QVERIFY(chart->title().contains(QLatin1String("workflow_next")));
    // One operation at a time: the selector switches the lines and the title.
    auto *op = w.findChild<QComboBox *>(QStringLiteral("dashboardOperation"));
    QVERIFY(op);
    op->setCurrentIndex(op->findData(int(DashboardOp::Get)));
    QVERIFY(chart->title().contains(QLatin1String("workflow_get")));
    QCOMPARE(w.series(DashboardWidget::LatencyChart)[0]->at(0).y(), 20.0); // get p50 of sample 0
    // The other charts keep one labelled marker per series.
    QCOMPARE(w.chartView(DashboardWidget::CacheChart)->chart()->legend()->markers().size(), 3);
}

void TestDashboard::loadTestTargetFollowsListener_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("offReason");
    QTest::addColumn<bool>("httpAvailable");
    QTest::newRow("listener running")
        << QStringLiteral("http://127.0.0.1:8765/mcp") << QString() << true;
    QTest::newRow("listener off with a reason")
        << QString() << QStringLiteral("MCP listener: off (--no-mcp)") << false;
    QTest::newRow("listener off, no reason") << QString() << QString() << false;
}

void TestDashboard::loadTestTargetFollowsListener()
{
    QFETCH(QString, url);
    QFETCH(QString, offReason);
    QFETCH(bool, httpAvailable);
    LoadTestPanel panel;
    auto *combo = panel.findChild<QComboBox *>(QStringLiteral("loadTestTarget"));
    QVERIFY(combo);
    auto *model = qobject_cast<QStandardItemModel *>(combo->model());
    QVERIFY(model);
    // Starts running, then the listener's state changes to the row's.
    panel.setListener(QStringLiteral("http://127.0.0.1:1/mcp"), QStringLiteral("t"));
    QVERIFY(panel.setTarget(LoadTestPanel::Target::Http));
    panel.setListener(url, QStringLiteral("token"), offReason);
    QCOMPARE(panel.isTargetAvailable(LoadTestPanel::Target::Http), httpAvailable);
    QCOMPARE(model->item(1)->isEnabled(), httpAvailable);
    const QString tip = model->item(1)->toolTip();
    QVERIFY(!tip.isEmpty());
    if (httpAvailable) {
        QCOMPARE(panel.target(), LoadTestPanel::Target::Http);
        QVERIFY(tip.contains(url));
    } else {
        // Off: back to in-process, and the tooltip says why.
        QCOMPARE(panel.target(), LoadTestPanel::Target::InProcess);
        QVERIFY(!panel.setTarget(LoadTestPanel::Target::Http));
        QVERIFY(tip.contains(QLatin1String("off")));
        if (!offReason.isEmpty())
            QVERIFY(tip.contains(offReason));
    }
}

// The in-process target is the studio's Runtime: the global registry (what RegistrySource and
// so the charts read) moves by what the run measured.
void TestDashboard::loadTestInProcessMovesGlobalRegistry()
{
    startStudio();
    const auto count = [](const char *tool) {
        const metrics::MetricsSnapshot s = metrics::MetricsRegistry::global().snapshot();
        const metrics::OperationSnapshot *op = s.find(tool);
        return op ? op->total.stats.count : 0;
    };
    const std::uint64_t before = count("workflow_next");
    LoadTestPanel panel;
    panel.setRuntime(m_studio.runtime.get());
    panel.setUsers(2);
    panel.setSeconds(0.4);
    panel.setThinkMs(1);
    QSignalSpy finished(&panel, &LoadTestPanel::finished);
    QVERIFY(panel.start());
    QVERIFY(finished.wait(15000));
    const metrics::LoadTestReport &r = panel.results().at(0);
    QCOMPARE(r.target, std::string("runtime"));
    QCOMPARE(r.thinkMs, 1.0);
    QCOMPARE(r.errors, std::uint64_t(0));
    QVERIFY(r.find("workflow_next")->count > 0);
    QCOMPARE(count("workflow_next") - before, r.find("workflow_next")->count);
    QTreeWidgetItem *row = panel.historyView()->topLevelItem(0);
    QCOMPARE(row->text(2), QStringLiteral("2"));         // users
    QCOMPARE(row->text(3), QStringLiteral("1"));         // think ms
    QVERIFY(row->text(10).count(QLatin1Char('/')) == 2); // next p50 / p95 / p99
}

void TestDashboard::loadTestOverHttp_data()
{
    QTest::addColumn<QString>("token");
    QTest::addColumn<bool>("expectErrors");
    QTest::newRow("the listener's token") << QString::fromLatin1(kToken) << false;
    QTest::newRow("a wrong token: 401") << QStringLiteral("wrong") << true;
}

void TestDashboard::loadTestOverHttp()
{
    QFETCH(QString, token);
    QFETCH(bool, expectErrors);
    startStudio();
    LoadTestPanel panel;
    panel.setRuntime(m_studio.runtime.get());
    panel.setListener(QString::fromStdString(m_studio.server->url()), token);
    QVERIFY(panel.setTarget(LoadTestPanel::Target::Http));
    panel.setUsers(2);
    panel.setSeconds(0.4);
    QSignalSpy finished(&panel, &LoadTestPanel::finished);
    QVERIFY(panel.start());
    QVERIFY(finished.wait(15000));
    const metrics::LoadTestReport &r = panel.results().at(0);
    QCOMPARE(r.target, std::string("http"));
    QCOMPARE(panel.historyView()->topLevelItem(0)->text(1), QStringLiteral("MCP HTTP"));
    if (!expectErrors) {
        QVERIFY2(r.errors == 0, qPrintable(panel.summaryView()->text()));
        QVERIFY(r.requests > 10);
        return;
    }
    QVERIFY(r.errors > 0);
    QVERIFY(panel.summaryView()->text().contains(QLatin1String("401")));
    QVERIFY(panel.historyView()->topLevelItem(0)->toolTip(7).contains(QLatin1String("401")));
}

void TestDashboard::loadTestCancel()
{
    LoadTestPanel panel;
    panel.setUsers(2);
    panel.setSeconds(60);
    QSignalSpy finished(&panel, &LoadTestPanel::finished);
    QVERIFY(panel.start());
    QTimer::singleShot(300, &panel, [&panel] { panel.cancel(); });
    QElapsedTimer clock;
    clock.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(clock.elapsed() < 5000);
    QVERIFY(panel.results().at(0).cancelled);
    QVERIFY(panel.summaryView()->text().contains(QLatin1String("Cancelled")));
    QVERIFY(!panel.isRunning());
}

namespace {

// Two instances of a team fleet in one 5 s bucket starting at `t` (a multiple of 5000):
//   a: 100 workflow_next at 1 ms (10 failed), measured twice (the engine's name and the
//      dispatcher's "mcp/"), 80 L1 hits and 20 misses since its previous counters, 100 MB;
//   b: 100 workflow_next at 9 ms and 50 workflow_list at 0.1 ms, 0 hits and 50 misses, 200 MB.
store::FleetMetrics twoInstances(std::int64_t t)
{
    const auto histogram = [](int n, std::uint64_t ns, int errors) {
        metrics::Histogram h;
        for (int i = 0; i < n; ++i)
            h.record(ns, i < errors);
        return h.snapshot();
    };
    store::FleetMetrics m;
    m.windows.push_back({"a", "workflow_next", t + 1000, 5000, histogram(100, 1'000'000, 10)});
    m.windows.push_back({"a", "mcp/workflow_next", t + 1000, 5000, histogram(100, 1'100'000, 10)});
    m.windows.push_back({"b", "workflow_next", t + 3000, 5000, histogram(100, 9'000'000, 0)});
    m.windows.push_back({"b", "workflow_list", t + 3000, 5000, histogram(50, 100'000, 0)});
    const double mb = 1024.0 * 1024.0;
    m.counters = {
        {"a", t - 4000, "cache.l1.hits", 100},
        {"a", t - 4000, "cache.l1.misses", 0},
        {"b", t - 2000, "cache.l1.hits", 50},
        {"b", t - 2000, "cache.l1.misses", 10},
        {"a", t + 1000, "cache.l1.hits", 180},
        {"a", t + 1000, "cache.l1.misses", 20},
        {"a", t + 1000, "process.rss_bytes", 100 * mb},
        {"b", t + 3000, "cache.l1.hits", 50},
        {"b", t + 3000, "cache.l1.misses", 60},
        {"b", t + 3000, "process.rss_bytes", 200 * mb},
    };
    return m;
}

bool near(double actual, double expected, double tolerance)
{
    return std::abs(actual - expected) <= tolerance;
}

} // namespace

void TestDashboard::fleetSamplesMergeInstances_data()
{
    QTest::addColumn<QString>("instance");
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("errorPercent");
    QTest::addColumn<double>("nextP50Ms");
    QTest::addColumn<double>("nextP99Ms");
    QTest::addColumn<double>("l1Percent");
    QTest::addColumn<double>("rssMb");
    // The fleet: the median of the merged histogram is 1 ms and its p99 9 ms; an average of
    // the instances' percentiles would say 5 ms for both. Rates add up; "mcp/" counts once.
    QTest::newRow("fleet") << QString() << 50.0 << 4.0 << 1.0 << 9.0 << 100.0 * 80 / 150 << 300.0;
    QTest::newRow("instance a") << "a" << 20.0 << 10.0 << 1.0 << 1.0 << 80.0 << 100.0;
    QTest::newRow("instance b") << "b" << 30.0 << 0.0 << 9.0 << 9.0 << 0.0 << 200.0;
}

void TestDashboard::fleetSamplesMergeInstances()
{
    QFETCH(QString, instance);
    QFETCH(double, rate);
    QFETCH(double, errorPercent);
    QFETCH(double, nextP50Ms);
    QFETCH(double, nextP99Ms);
    QFETCH(double, l1Percent);
    QFETCH(double, rssMb);
    const std::int64_t t = 1'800'000'000'000;
    const std::vector<DashboardSample> samples =
        fleetSamples(twoInstances(t), instance.toStdString(), t, t + kFleetBucketMs);
    QCOMPARE(int(samples.size()), 1);
    const DashboardSample &s = samples.front();
    QCOMPARE(s.atMs, t + kFleetBucketMs);
    QVERIFY2(near(s.requestsPerSec, rate, 1e-9), qPrintable(QString::number(s.requestsPerSec)));
    QVERIFY2(near(s.errorPercent, errorPercent, 1e-9), qPrintable(QString::number(s.errorPercent)));
    const auto &next = s.latency[std::size_t(DashboardOp::Next)];
    QVERIFY2(near(next.p50Us / 1000.0, nextP50Ms, nextP50Ms * 0.02),
             qPrintable(QString::number(next.p50Us)));
    QVERIFY2(near(next.p99Us / 1000.0, nextP99Ms, nextP99Ms * 0.02),
             qPrintable(QString::number(next.p99Us)));
    QVERIFY2(near(s.l1HitPercent, l1Percent, 1e-9), qPrintable(QString::number(s.l1HitPercent)));
    QVERIFY(std::isnan(s.l2HitPercent)); // no shared L2 counters
    QVERIFY2(near(s.rssMb, rssMb, 1e-9), qPrintable(QString::number(s.rssMb)));
    // Nothing outside the range, and a bucket without data is a gap, not a zero.
    QVERIFY(fleetSamples(twoInstances(t), instance.toStdString(), t + kFleetBucketMs,
                         t + 10 * kFleetBucketMs)
                .empty());
}

void TestDashboard::fleetInstanceRows()
{
    const std::int64_t t = 1'800'000'000'000;
    const std::vector<FleetInstanceRow> rows = fleetInstances(twoInstances(t), t, t + 5000);
    QCOMPARE(int(rows.size()), 2);
    QCOMPARE(rows[0].instance, QStringLiteral("a"));
    QCOMPARE(rows[0].lastReportMs, t + 1000);
    QVERIFY(near(rows[0].requestsPerSec, 20.0, 1e-9));
    QVERIFY(near(rows[0].errorPercent, 10.0, 1e-9));
    QVERIFY(near(rows[0].nextP50Us, 1000.0, 20.0));
    QVERIFY(near(rows[0].l1HitPercent, 80.0, 1e-9));
    QVERIFY(near(rows[0].rssMb, 100.0, 1e-9));
    QCOMPARE(rows[1].instance, QStringLiteral("b"));
    QVERIFY(near(rows[1].requestsPerSec, 30.0, 1e-9));
    QVERIFY(near(rows[1].nextP99Us, 9000.0, 180.0));
    QVERIFY(near(rows[1].rssMb, 200.0, 1e-9));
    // Outside the period an instance is still listed (its last report), without figures.
    const std::vector<FleetInstanceRow> later =
        fleetInstances(twoInstances(t), t + 60'000, t + 70'000);
    QCOMPARE(int(later.size()), 2);
    QVERIFY(std::isnan(later[0].requestsPerSec));
    QCOMPARE(later[1].lastReportMs, t + 3000);
}

// The View choice: this studio's source, the fleet, one instance; the Instances tab.
void TestDashboard::fleetViewSwitches()
{
    DashboardWidget board;
    board.resize(1000, 700);
    board.show();
    QVERIFY(QTest::qWaitForWindowExposed(&board));
    QVERIFY(!board.viewBox()->isVisible());
    SyntheticSource local;
    board.setSource(&local);
    board.setMemoryBudget(32);
    QCOMPARE(board.budgetSeries()->count(), 2);
    // The fleet's data, in the recent past (the source shows complete buckets only).
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    const std::int64_t t = (now - 30'000) / kFleetBucketMs * kFleetBucketMs;
    int reads = 0;
    FleetSource fleet([&](std::int64_t sinceMs) -> Result<store::FleetMetrics> {
        ++reads;
        if (sinceMs > t)
            return Result<store::FleetMetrics>::failure("asked too little history");
        return twoInstances(t);
    });
    board.setFleetSource(&fleet);
    QVERIFY(board.viewBox()->isVisible());
    auto *tabs = board.findChild<QTabWidget *>(QStringLiteral("dashboardTabs"));
    QVERIFY(tabs && tabs->indexOf(board.instancesTree()) >= 0);
    board.setView(QStringLiteral("fleet"));
    QCOMPARE(board.source(), static_cast<DashboardSource *>(&fleet));
    QVERIFY(reads >= 1);
    QCOMPARE(board.instancesTree()->topLevelItemCount(), 2);
    QStringList choices;
    for (int i = 0; i < board.viewBox()->count(); ++i)
        choices << board.viewBox()->itemText(i);
    QCOMPARE(choices, (QStringList{QStringLiteral("This studio"),
                                   QStringLiteral("Team fleet (2 instance(s))"),
                                   QStringLiteral("Instance a"), QStringLiteral("Instance b")}));
    QCOMPARE(board.viewBox()->currentIndex(), 1);
    // The studio's cache budget is not the fleet's: not drawn on the fleet's memory.
    QCOMPARE(board.budgetSeries()->count(), 0);
    QCOMPARE(int(board.samples().size()), 1);
    QVERIFY(near(board.samples().front().requestsPerSec, 50.0, 1e-9));
    // One instance: the history again, of b alone.
    board.setView(QStringLiteral("instance:b"));
    QCOMPARE(board.viewBox()->currentText(), QStringLiteral("Instance b"));
    QCOMPARE(int(board.samples().size()), 1);
    QVERIFY(near(board.samples().front().requestsPerSec, 30.0, 1e-9));
    // Back to this studio: its own source, the fleet's samples gone.
    board.setView(QString());
    QCOMPARE(board.source(), static_cast<DashboardSource *>(&local));
    QCOMPARE(board.viewBox()->currentIndex(), 0);
    QCOMPARE(board.budgetSeries()->count(), 2);
    for (const DashboardSample &s : board.samples())
        QVERIFY(s.atMs != t + kFleetBucketMs);
    board.setFleetSource(nullptr);
    QVERIFY(!board.viewBox()->isVisible());
    QVERIFY(tabs->indexOf(board.instancesTree()) < 0);
}

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
