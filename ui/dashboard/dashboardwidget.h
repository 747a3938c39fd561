// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The performance dashboard: four live charts (QtCharts, one sample a second, a 10-minute
// window, pausable) — cache hit rate (L1, L2, overall), latency p50/p95/p99 per operation with
// a linear/log axis, memory (RSS, heap), requests/s and error rate — with exact values in
// tooltips, PNG export per chart and CSV export of the data; plus the MCP request log and the
// load test panel. Fed by a DashboardSource; history is loaded when the source is set.
#pragma once

#include "dashboardsource.h"
#include "model/result.h"

#include <QList>
#include <QWidget>

#include <deque>

class QCheckBox;
class QLabel;
class QPushButton;

QT_BEGIN_NAMESPACE
class QChartView;
class QLineSeries;
class QValueAxis;
class QLogValueAxis;
class QDateTimeAxis;
QT_END_NAMESPACE

namespace wfs::studio {

class RequestLogView;
class LoadTestPanel;

class DashboardWidget : public QWidget
{
    Q_OBJECT
public:
    enum Chart { CacheChart, LatencyChart, MemoryChart, ThroughputChart, ChartCount };
    static constexpr int kWindowSeconds = 600;

    explicit DashboardWidget(QWidget *parent = nullptr);
    ~DashboardWidget() override;

    // Observes `source` (not owned): loads its history of the last window, then plots each
    // sample as it arrives. nullptr detaches.
    void setSource(DashboardSource *source);
    DashboardSource *source() const { return m_source; }

    void addSample(const DashboardSample &sample);
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    void setLogScale(bool log);
    bool isLogScale() const { return m_log; }

    QChartView *chartView(Chart chart) const { return m_views[chart]; }
    QList<QLineSeries *> series(Chart chart) const { return m_series[chart]; }
    const std::deque<DashboardSample> &samples() const { return m_samples; }
    RequestLogView *requestLog() const { return m_requestLog; }
    LoadTestPanel *loadTest() const { return m_loadTest; }

    // The kept samples as CSV: a header line, then one line per sample (UTF-8, '.' decimals,
    // empty fields for values not measured).
    QString csv() const;
    Result<void> exportCsv(const QString &path) const;
    Result<void> exportPng(Chart chart, const QString &path) const;

private:
    void buildCharts();
    QLineSeries *addSeries(Chart chart, const QString &name, const QString &unit);
    void appendPoints(const DashboardSample &s);
    void replot();
    void trimAndRescale(std::int64_t nowMs);

    DashboardSource *m_source = nullptr;
    std::deque<DashboardSample> m_samples;
    bool m_paused = false;
    bool m_log = false;
    QChartView *m_views[ChartCount] = {};
    QList<QLineSeries *> m_series[ChartCount];
    QDateTimeAxis *m_xAxes[ChartCount] = {};
    QValueAxis *m_yAxes[ChartCount] = {};
    QLogValueAxis *m_latencyLog = nullptr;
    QValueAxis *m_errorAxis = nullptr; ///< right axis of the throughput chart
    QPushButton *m_pause = nullptr;
    QCheckBox *m_logBox = nullptr;
    QLabel *m_status = nullptr;
    RequestLogView *m_requestLog = nullptr;
    LoadTestPanel *m_loadTest = nullptr;
};

} // namespace wfs::studio
