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
#include "ui/dashboard/loadtestpanel.h"
#include "ui/dashboard/requestlogview.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QStandardPaths>
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
    void windowKeepsTenMinutes();
    void pauseFreezesChartsNotData();
    void logAxisToggle();
    void errorAxisLabelsStayDistinct_data();
    void errorAxisLabelsStayDistinct();
    void csvExport();
    void pngExport();
    void registrySourceMeasures();
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
    QCOMPARE(seriesSeen, 3 + 12 + 2 + 2);
    QCOMPARE(w.series(DashboardWidget::LatencyChart)[4]->at(total - 1).y(), 40.0 + total - 1);
    QCOMPARE(w.series(DashboardWidget::MemoryChart)[0]->at(total - 1).y(), last.rssMb);
    QCOMPARE(w.series(DashboardWidget::ThroughputChart)[0]->at(total - 1).y(), last.requestsPerSec);
}

void TestDashboard::errorAxisLabelsStayDistinct_data()
{
    QTest::addColumn<double>("errorPercent");
    QTest::addColumn<QString>("format");
    QTest::newRow("no errors: 0-1 %, two decimals") << 0.0 << "%.2f %%";
    QTest::newRow("0.3 %: two decimals") << 0.3 << "%.2f %%";
    QTest::newRow("25 %: whole percents") << 25.0 << "%.0f %%";
}

// The error-rate axis (right of the throughput chart) keeps its tick labels distinct however
// small the rate: whole percents on a 0-1 % range would print "0 %, 0 %, 1 %, 1 %".
void TestDashboard::errorAxisLabelsStayDistinct()
{
    QFETCH(double, errorPercent);
    QFETCH(QString, format);
    DashboardWidget w;
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 3; ++i) {
        DashboardSample sample = synthetic(i);
        sample.errorPercent = errorPercent;
        source.push(sample);
    }
    QValueAxis *errorAxis = nullptr;
    for (QAbstractAxis *axis :
         w.chartView(DashboardWidget::ThroughputChart)->chart()->axes(Qt::Vertical)) {
        if (axis->alignment() == Qt::AlignRight)
            errorAxis = qobject_cast<QValueAxis *>(axis);
    }
    QVERIFY(errorAxis);
    QCOMPARE(errorAxis->labelFormat(), format);
    QVERIFY(errorAxis->max() > errorPercent);
}

void TestDashboard::windowKeepsTenMinutes()
{
    DashboardWidget w;
    SyntheticSource source;
    w.setSource(&source);
    for (int i = 0; i < 700; ++i)
        source.push(synthetic(i));
    // 600 s window: samples 99..699 are within [t - 600 s, t].
    QCOMPARE(int(w.samples().size()), 601);
    for (QLineSeries *s : w.series(DashboardWidget::CacheChart))
        QCOMPARE(s->count(), 601);
    QCOMPARE(qint64(w.series(DashboardWidget::CacheChart)[0]->at(0).x()), synthetic(99).atMs);
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
                            "validate_p99_us,rss_mb,heap_mb,requests_per_s,error_pct"));
    QCOMPARE(lines[1],
             QStringLiteral("2026-05-28T20:26:40.000Z,50.000,20.000,60.000,10.000,20.000,40.000,"
                            "20.000,40.000,80.000,30.000,60.000,120.000,40.000,80.000,160.000,"
                            "100.000,40.000,1000.000,0.000"));
    QCOMPARE(lines[2],
             QStringLiteral("2026-05-28T20:26:41.000Z,51.000,,61.000,11.000,21.000,41.000,"
                            "21.000,41.000,81.000,31.000,61.000,121.000,,,,"
                            "100.500,40.250,1010.000,1.000"));
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

void TestDashboard::requestLogFilters_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("rows");
    QTest::newRow("no filter") << QString() << 3;
    QTest::newRow("by tool") << QStringLiteral("validate") << 1;
    QTest::newRow("by session, any case") << QStringLiteral("ABC1") << 2;
    QTest::newRow("by status") << QStringLiteral("429") << 1;
    QTest::newRow("nothing matches") << QStringLiteral("zzz") << 0;
}

void TestDashboard::requestLogFilters()
{
    QFETCH(QString, filter);
    QFETCH(int, rows);
    RequestLogView view;
    std::vector<RequestLogEntry> log{
        {kT0, QStringLiteral("127.0.0.1:5000"), QStringLiteral("abc12345"),
         QStringLiteral("tools/call"), QStringLiteral("workflow_next"), 0.4, 200, QString()},
        {kT0 + 5, QStringLiteral("127.0.0.1:5000"), QStringLiteral("abc12345"),
         QStringLiteral("tools/call"), QStringLiteral("workflow_validate"), 0.9, 200, QString()},
        {kT0 + 9, QStringLiteral("127.0.0.1:5001"), QString(), QStringLiteral("initialize"),
         QString(), 0.2, 429, QString()}};
    view.setFetch([&log] { return log; });
    view.setFilter(filter);
    QCOMPARE(view.rowCount(), rows);
    if (filter.isEmpty()) {
        // Newest first.
        QCOMPARE(view.cell(0, 5), QStringLiteral("429"));
        QCOMPARE(view.cell(2, 3), QStringLiteral("workflow_next"));
        QCOMPARE(view.cell(2, 1), QStringLiteral("127.0.0.1:5000 / abc12345"));
    }
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
    int hidden = 0;
    for (QLegendMarker *m : chart->legend()->markers()) {
        QVERIFY2(!m->label().isEmpty(), "every legend marker has a label");
        if (m->isVisible())
            visible << m->label();
        else
            ++hidden;
    }
    QCOMPARE(visible, QStringList({"list", "get", "next", "validate"}));
    QCOMPARE(hidden, 8);
    QVERIFY(chart->title().contains(QLatin1String("p50")));
    QVERIFY(chart->title().contains(QLatin1String("p95")));
    QVERIFY(chart->title().contains(QLatin1String("p99")));
    // The series keep their full names (tooltips say "next p95 at …").
    QCOMPARE(w.series(DashboardWidget::LatencyChart)[7]->name(), QStringLiteral("next p95"));
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

QTEST_MAIN(TestDashboard)
#include "tst_dashboard.moc"
