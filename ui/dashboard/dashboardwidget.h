// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The performance dashboard: four live charts (QtCharts, one sample a second) — cache hit rate
// (L1, L2, overall), latency p50/p95/p99 of one operation at a time (linear or log axis),
// memory (RSS, heap and the studio's memory budget as a marked line), requests/s and the error
// rate by kind (transport, protocol, tool) — over a chosen range (live 1 min … 24 h, or a
// drag-to-zoom on any chart, reset by a double-click or Reset Zoom), with gaps where there is no
// data, nice ticks with units, a hover read-out of exact values and a time cursor shared by the
// four charts; PNG export per chart and CSV export of the data; plus the MCP request log and the
// load test panel. Fed by a DashboardSource; history is loaded when the source is set. The
// arithmetic (ticks, gaps, ranges) is in chartlogic.h.
#pragma once

#include "chartlogic.h"
#include "dashboardsource.h"
#include "model/result.h"

#include <QList>
#include <QPen>
#include <QWidget>

#include <deque>
#include <functional>
#include <optional>
#include <vector>

class QCheckBox;
class QComboBox;
class QGraphicsLineItem;
class QGraphicsSimpleTextItem;
class QGraphicsRectItem;
class QLabel;
class QPushButton;
class QTabWidget;
class QTreeWidget;

QT_BEGIN_NAMESPACE
class QAbstractAxis;
class QCategoryAxis;
class QChartView;
class QLineSeries;
class QLogValueAxis;
QT_END_NAMESPACE

namespace wfs::studio {

class FleetSource;
class RequestLogView;
class LoadTestPanel;

class DashboardWidget : public QWidget
{
    Q_OBJECT
public:
    enum Chart { CacheChart, LatencyChart, MemoryChart, ThroughputChart, ChartCount };
    // Samples are kept for the longest range (24 h); older than an hour, one per 10 s.
    static constexpr int kKeepSeconds = 86400;

    explicit DashboardWidget(QWidget *parent = nullptr);
    ~DashboardWidget() override;

    // Observes `source` (not owned): loads its history of the kept period, then plots each
    // sample as it arrives. nullptr detaches.
    void setSource(DashboardSource *source);
    DashboardSource *source() const { return m_source; }

    // A team server's fleet (not owned): adds the View choice — This studio, Team fleet, one
    // entry per instance — and the Instances tab (a row per instance: last report, requests/s,
    // errors, workflow_next p50/p99, L1 hits, memory). nullptr removes them.
    void setFleetSource(FleetSource *fleet);
    FleetSource *fleetSource() const { return m_fleet; }
    // What the charts show: "" this studio (the source set last), "fleet" every instance,
    // "instance:ID" one. Switching reloads the history of the chosen scope.
    void setView(const QString &view);
    QString view() const;
    QComboBox *viewBox() const { return m_viewBox; }
    QTreeWidget *instancesTree() const { return m_instances; }

    void addSample(const DashboardSample &sample);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setLogScale(bool log);
    bool isLogScale() const { return m_log; }

    // The live range, one of chart::kRangeSeconds (others are rounded to the nearest).
    void setRangeSeconds(int seconds);
    int rangeSeconds() const { return m_rangeSeconds; }
    // A fixed time range on every chart (what a drag does); resetZoom() returns to live.
    void setZoom(std::int64_t fromMs, std::int64_t toMs);
    void resetZoom();
    bool isZoomed() const { return m_zoom.has_value(); }
    chart::TimeRange visibleRange() const;
    // The operation the latency chart shows (DashboardOp).
    void setLatencyOperation(int op);
    int latencyOperation() const { return m_op; }
    // The studio's memory budget, drawn as a marked line on the memory chart (0 = none) and
    // named by `label` in the legend (by default: the cache budget, which is what the studio
    // has: "Cache budget (L1, 32 MB)").
    void setMemoryBudget(double mb, const QString &label = {});
    double memoryBudget() const { return m_budgetMb; }

    // The time cursor (epoch ms; NaN hides it): a vertical line on the four charts and the
    // exact values at that time in each chart's read-out. Hovering a chart sets it.
    void setCursorTime(double ms);
    double cursorTime() const { return m_cursorMs; }
    QString readout(Chart chart) const;

    QChartView *chartView(Chart chart) const { return m_views[chart]; }
    // The first series of each line of `chart` (the one in the legend), in a fixed order:
    // cache L1, L2, overall; latency p50, p95, p99; memory RSS, heap; requests/s, transport,
    // protocol and tool errors.
    QList<QLineSeries *> series(Chart chart) const;
    // All the series of the `index`th line of `chart`: one per run of data between gaps.
    QList<QLineSeries *> segments(Chart chart, int index) const;
    QLineSeries *budgetSeries() const { return m_budget; }
    // The tick labels of the chart's axes as drawn (x, left y, and right y of the throughput
    // chart; the log axis reports its range's decades).
    QStringList axisLabels(Chart chart, Qt::Alignment side) const;
    const std::deque<DashboardSample> &samples() const { return m_samples; }
    RequestLogView *requestLog() const { return m_requestLog; }
    LoadTestPanel *loadTest() const { return m_loadTest; }

    // The kept samples as CSV: a header line, then one line per sample (UTF-8, '.' decimals,
    // empty fields for values not measured).
    QString csv() const;
    Result<void> exportCsv(const QString &path) const;
    Result<void> exportPng(Chart chart, const QString &path) const;

private:
    struct Line
    {
        Chart chart = CacheChart;
        QString name;
        QString unit;
        QPen pen;
        bool rightAxis = false;
        std::function<double(const DashboardSample &)> value;
        QList<QLineSeries *> segments; ///< [0] is the one in the legend
    };
    struct Cursor
    {
        QGraphicsLineItem *line = nullptr;
        QGraphicsRectItem *box = nullptr;
        QGraphicsSimpleTextItem *text = nullptr;
    };

    void buildCharts();
    void addLine(Chart chart, const QString &name, const QString &unit, QColor color,
                 Qt::PenStyle style, std::function<double(const DashboardSample &)> value,
                 bool rightAxis = false);
    QLineSeries *newSegment(const Line &line);
    void render();
    void renderCursor();
    void thinOldSamples(std::int64_t nowMs);
    void updateLatencyTitle();
    void updateInstances();
    void updateViewChoices();
    bool budgetShown() const;

    DashboardSource *m_source = nullptr;
    DashboardSource *m_local = nullptr; ///< the studio's own source (View: This studio)
    FleetSource *m_fleet = nullptr;
    QComboBox *m_viewBox = nullptr;
    QLabel *m_viewLabel = nullptr;
    QTreeWidget *m_instances = nullptr;
    QTabWidget *m_tabs = nullptr;
    std::deque<DashboardSample> m_samples;
    bool m_paused = false;
    bool m_log = false;
    int m_rangeSeconds = 300;
    std::optional<chart::TimeRange> m_zoom;
    int m_op = int(DashboardOp::Next);
    double m_budgetMb = 0;
    double m_cursorMs;
    std::vector<Line> m_lines;
    QChartView *m_views[ChartCount] = {};
    QCategoryAxis *m_xAxes[ChartCount] = {};
    QCategoryAxis *m_yAxes[ChartCount] = {};
    QCategoryAxis *m_errorAxis = nullptr; ///< right axis of the throughput chart
    QLogValueAxis *m_latencyLog = nullptr;
    QLineSeries *m_budget = nullptr;
    Cursor m_cursors[ChartCount];
    QSize m_tickCounts[ChartCount]; ///< x and y tick counts the last render() fitted
    bool m_renderPending = false;
    QComboBox *m_range = nullptr;
    QComboBox *m_opBox = nullptr;
    QPushButton *m_resetZoom = nullptr;
    QPushButton *m_pause = nullptr;
    QCheckBox *m_logBox = nullptr;
    QLabel *m_status = nullptr;
    RequestLogView *m_requestLog = nullptr;
    LoadTestPanel *m_loadTest = nullptr;
};

} // namespace wfs::studio
