// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "dashboardwidget.h"

#include "loadtestpanel.h"
#include "requestlogview.h"

#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QCursor>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMenu>
#include <QPushButton>
#include <QSaveFile>
#include <QTabWidget>
#include <QToolTip>
#include <QVBoxLayout>
#include <QValueAxis>

#include <algorithm>
#include <cmath>

namespace wfs::studio {

namespace {

const char *const kPercentiles[3] = {"p50", "p95", "p99"};

// The value series `index` of `chart` plots for one sample (NaN = no point).
double valueOf(const DashboardSample &s, int chart, int index)
{
    switch (chart) {
    case DashboardWidget::CacheChart:
        return index == 0 ? s.l1HitPercent : index == 1 ? s.l2HitPercent : s.hitPercent;
    case DashboardWidget::LatencyChart: {
        const DashboardSample::Latency &l = s.latency[std::size_t(index / 3)];
        return index % 3 == 0 ? l.p50Us : index % 3 == 1 ? l.p95Us : l.p99Us;
    }
    case DashboardWidget::MemoryChart:
        return index == 0 ? s.rssMb : s.heapMb;
    case DashboardWidget::ThroughputChart:
        return index == 0 ? s.requestsPerSec : s.errorPercent;
    default:
        return DashboardSample::kNone;
    }
}

QString csvNumber(double v)
{
    return std::isnan(v) ? QString() : QString::number(v, 'f', 3);
}

Result<void> writeBytes(const QString &path, const QByteArray &bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Result<void>::failure((path + QStringLiteral(": ") + f.errorString()).toStdString());
    return {};
}

} // namespace

DashboardWidget::DashboardWidget(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("dashboard"));
    buildCharts();

    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("dashboardPause"));
    m_pause->setCheckable(true);
    connect(m_pause, &QPushButton::toggled, this, &DashboardWidget::setPaused);
    m_logBox = new QCheckBox(tr("Logarithmic latency axis"), this);
    m_logBox->setObjectName(QStringLiteral("dashboardLog"));
    connect(m_logBox, &QCheckBox::toggled, this, &DashboardWidget::setLogScale);
    auto *csvButton = new QPushButton(tr("Export CSV…"), this);
    connect(csvButton, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Export Dashboard Data"), QStringLiteral("dashboard.csv"), tr("CSV (*.csv)"));
        if (!path.isEmpty()) {
            if (const auto r = exportCsv(path); !r)
                m_status->setText(QString::fromStdString(r.error()));
        }
    });
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("dashboardStatus"));

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_pause);
    bar->addWidget(m_logBox);
    bar->addWidget(csvButton);
    bar->addStretch();
    bar->addWidget(m_status);

    auto *grid = new QGridLayout;
    for (int c = 0; c < ChartCount; ++c)
        grid->addWidget(m_views[c], c / 2, c % 2);
    auto *charts = new QWidget(this);
    auto *chartsLayout = new QVBoxLayout(charts);
    chartsLayout->addLayout(bar);
    chartsLayout->addLayout(grid, 1);

    m_requestLog = new RequestLogView(this);
    m_loadTest = new LoadTestPanel(this);
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("dashboardTabs"));
    tabs->addTab(charts, tr("Charts"));
    tabs->addTab(m_requestLog, tr("Request Log"));
    tabs->addTab(m_loadTest, tr("Load Test"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);
}

DashboardWidget::~DashboardWidget() = default;

QLineSeries *DashboardWidget::addSeries(Chart chart, const QString &name, const QString &unit)
{
    auto *s = new QLineSeries(this);
    s->setName(name);
    QChart *c = m_views[chart]->chart();
    c->addSeries(s);
    s->attachAxis(m_xAxes[chart]);
    if (chart == ThroughputChart && m_series[chart].size() == 1)
        s->attachAxis(m_errorAxis);
    else
        s->attachAxis(m_yAxes[chart]);
    connect(s, &QLineSeries::hovered, this, [s, unit](const QPointF &p, bool on) {
        if (!on) {
            QToolTip::hideText();
            return;
        }
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(p.x()));
        QToolTip::showText(QCursor::pos(),
                           tr("%1 at %2: %3 %4")
                               .arg(s->name(), t.toString(QStringLiteral("HH:mm:ss")),
                                    QLocale().toString(p.y(), 'f', 2), unit));
    });
    m_series[chart] << s;
    return s;
}

void DashboardWidget::buildCharts()
{
    const QString titles[ChartCount] = {tr("Cache hit rate (%)"), tr("Latency per operation (µs)"),
                                        tr("Memory (MB)"), tr("Requests/s and error rate")};
    for (int c = 0; c < ChartCount; ++c) {
        auto *chart = new QChart;
        chart->setTitle(titles[c]);
        chart->legend()->setAlignment(Qt::AlignBottom);
        chart->setMargins(QMargins(4, 4, 4, 4));
        auto *view = new QChartView(chart, this);
        view->setObjectName(QStringLiteral("dashboardChart%1").arg(c));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(200, 150); // four fit a dock below a 1024-pixel canvas
        view->setContextMenuPolicy(Qt::CustomContextMenu);
        connect(view, &QWidget::customContextMenuRequested, this,
                [this, c, view](const QPoint &pos) {
                    QMenu menu;
                    QAction *png = menu.addAction(tr("Export Chart as PNG…"));
                    if (menu.exec(view->mapToGlobal(pos)) != png)
                        return;
                    const QString path = QFileDialog::getSaveFileName(
                        this, tr("Export Chart"), QStringLiteral("chart-%1.png").arg(c),
                        tr("PNG (*.png)"));
                    if (!path.isEmpty()) {
                        if (const auto r = exportPng(Chart(c), path); !r)
                            m_status->setText(QString::fromStdString(r.error()));
                    }
                });
        view->setToolTip(tr("Right-click to export the chart as PNG"));
        m_views[c] = view;
        auto *x = new QDateTimeAxis(this);
        x->setFormat(QStringLiteral("HH:mm:ss"));
        x->setTickCount(6);
        chart->addAxis(x, Qt::AlignBottom);
        m_xAxes[c] = x;
        auto *y = new QValueAxis(this);
        y->setLabelFormat(QStringLiteral("%.0f"));
        y->setRange(0, c == CacheChart ? 100 : 1);
        chart->addAxis(y, Qt::AlignLeft);
        m_yAxes[c] = y;
    }
    m_errorAxis = new QValueAxis(this);
    m_errorAxis->setRange(0, 100);
    m_errorAxis->setLabelFormat(QStringLiteral("%.0f %%"));
    m_views[ThroughputChart]->chart()->addAxis(m_errorAxis, Qt::AlignRight);
    m_latencyLog = new QLogValueAxis(this);
    m_latencyLog->setBase(10);
    m_latencyLog->setLabelFormat(QStringLiteral("%g"));
    m_latencyLog->setRange(0.1, 1000);

    addSeries(CacheChart, tr("L1"), QStringLiteral("%"));
    addSeries(CacheChart, tr("L2"), QStringLiteral("%"));
    addSeries(CacheChart, tr("Overall"), QStringLiteral("%"));
    for (int op = 0; op < kDashboardOps; ++op) {
        for (const char *p : kPercentiles)
            addSeries(
                LatencyChart,
                QStringLiteral("%1 %2").arg(QLatin1String(dashboardOpName(op)), QLatin1String(p)),
                QStringLiteral("µs"));
    }
    addSeries(MemoryChart, tr("RSS"), QStringLiteral("MB"));
    addSeries(MemoryChart, tr("Heap"), QStringLiteral("MB"));
    addSeries(ThroughputChart, tr("Requests/s"), tr("req/s"));
    addSeries(ThroughputChart, tr("Errors"), QStringLiteral("%"));
    // Same colour per operation, lighter to darker for p50 → p99.
    const QColor opColors[kDashboardOps] = {QColor(0x1f, 0x77, 0xb4), QColor(0x2c, 0xa0, 0x2c),
                                            QColor(0xff, 0x7f, 0x0e), QColor(0x94, 0x67, 0xbd)};
    for (int i = 0; i < m_series[LatencyChart].size(); ++i) {
        QPen pen(opColors[i / 3].lighter(100 + (2 - i % 3) * 30), 1.6);
        if (i % 3 == 1)
            pen.setStyle(Qt::DashLine);
        else if (i % 3 == 2)
            pen.setStyle(Qt::DotLine);
        m_series[LatencyChart][i]->setPen(pen);
    }
    // Twelve markers do not fit a chart's width (QtCharts then drops every label): the legend
    // shows one marker per operation, labelled with its name, and the title keys the line
    // styles of the percentiles. Tooltips on the lines still name the exact series.
    QChart *latency = m_views[LatencyChart]->chart();
    latency->setTitle(titles[LatencyChart] + QStringLiteral("<br><small>") +
                      tr("solid p50 · dashed p95 · dotted p99") + QStringLiteral("</small>"));
    for (int i = 0; i < m_series[LatencyChart].size(); ++i) {
        const QList<QLegendMarker *> markers =
            latency->legend()->markers(m_series[LatencyChart][i]);
        for (QLegendMarker *m : markers) {
            m->setVisible(i % 3 == 0);
            m->setLabel(QLatin1String(dashboardOpName(i / 3)));
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (int c = 0; c < ChartCount; ++c)
        m_xAxes[c]->setRange(QDateTime::fromMSecsSinceEpoch(now - kWindowSeconds * 1000),
                             QDateTime::fromMSecsSinceEpoch(now));
}

void DashboardWidget::setSource(DashboardSource *source)
{
    if (m_source) {
        disconnect(m_source, nullptr, this, nullptr);
        m_source->stop();
    }
    m_source = source;
    if (!source)
        return;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - kWindowSeconds * 1000;
    for (const DashboardSample &s : source->history(since))
        m_samples.push_back(s);
    connect(source, &DashboardSource::sampled, this, &DashboardWidget::addSample);
    replot();
    source->start();
}

void DashboardWidget::addSample(const DashboardSample &sample)
{
    m_samples.push_back(sample);
    const std::int64_t cutoff = sample.atMs - std::int64_t(kWindowSeconds) * 1000;
    while (!m_samples.empty() && m_samples.front().atMs < cutoff)
        m_samples.pop_front();
    if (m_paused)
        return;
    appendPoints(sample);
    trimAndRescale(sample.atMs);
}

void DashboardWidget::appendPoints(const DashboardSample &s)
{
    for (int c = 0; c < ChartCount; ++c) {
        for (int i = 0; i < m_series[c].size(); ++i) {
            const double v = valueOf(s, c, i);
            // The log axis cannot show 0: latencies below 0.1 µs sit on its floor.
            if (!std::isnan(v))
                m_series[c][i]->append(double(s.atMs), c == LatencyChart ? std::max(v, 0.1) : v);
        }
    }
}

void DashboardWidget::replot()
{
    for (int c = 0; c < ChartCount; ++c) {
        for (int i = 0; i < m_series[c].size(); ++i) {
            QList<QPointF> points;
            points.reserve(qsizetype(m_samples.size()));
            for (const DashboardSample &s : m_samples) {
                const double v = valueOf(s, c, i);
                if (!std::isnan(v))
                    points.append(
                        QPointF(double(s.atMs), c == LatencyChart ? std::max(v, 0.1) : v));
            }
            m_series[c][i]->replace(points);
        }
    }
    trimAndRescale(m_samples.empty() ? QDateTime::currentMSecsSinceEpoch() : m_samples.back().atMs);
}

void DashboardWidget::trimAndRescale(std::int64_t nowMs)
{
    const double cutoff = double(nowMs - std::int64_t(kWindowSeconds) * 1000);
    for (int c = 0; c < ChartCount; ++c) {
        double top = 0;
        double errorTop = 0;
        for (int i = 0; i < m_series[c].size(); ++i) {
            QLineSeries *s = m_series[c][i];
            int old = 0;
            while (old < s->count() && s->at(old).x() < cutoff)
                ++old;
            if (old > 0)
                s->removePoints(0, old);
            if (!s->isVisible())
                continue;
            for (int k = 0; k < s->count(); ++k) {
                if (c == ThroughputChart && i == 1)
                    errorTop = std::max(errorTop, s->at(k).y());
                else
                    top = std::max(top, s->at(k).y());
            }
        }
        m_xAxes[c]->setRange(QDateTime::fromMSecsSinceEpoch(std::int64_t(cutoff)),
                             QDateTime::fromMSecsSinceEpoch(nowMs));
        if (c == CacheChart)
            continue;
        const double nice = top <= 0 ? 1 : std::pow(10, std::ceil(std::log10(top * 1.1)));
        const double upper = top <= 0 ? 1 : (top * 1.15 < nice / 2 ? nice / 2 : nice);
        m_yAxes[c]->setRange(0, upper);
        if (c == LatencyChart)
            m_latencyLog->setRange(0.1, std::max(upper, 1.0));
        if (c == ThroughputChart) {
            const double errorUpper = errorTop <= 0 ? 1 : std::min(100.0, errorTop * 1.2 + 1);
            m_errorAxis->setRange(0, errorUpper);
            // Whole percents repeat themselves on a 0-1 % axis ("0 %, 0 %, 1 %, 1 %").
            m_errorAxis->setLabelFormat(errorUpper < 5 ? QStringLiteral("%.2f %%")
                                                       : QStringLiteral("%.0f %%"));
        }
    }
}

void DashboardWidget::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (m_pause->isChecked() != paused)
        m_pause->setChecked(paused);
    m_pause->setText(paused ? tr("Resume") : tr("Pause"));
    m_status->setText(paused ? tr("Paused — samples are still collected") : QString());
    if (!paused)
        replot(); // catch up with what arrived while paused
}

void DashboardWidget::setLogScale(bool log)
{
    if (log == m_log)
        return;
    m_log = log;
    if (m_logBox->isChecked() != log)
        m_logBox->setChecked(log);
    QChart *chart = m_views[LatencyChart]->chart();
    QAbstractAxis *from = log ? static_cast<QAbstractAxis *>(m_yAxes[LatencyChart]) : m_latencyLog;
    QAbstractAxis *to = log ? static_cast<QAbstractAxis *>(m_latencyLog) : m_yAxes[LatencyChart];
    for (QLineSeries *s : std::as_const(m_series[LatencyChart]))
        s->detachAxis(from);
    chart->removeAxis(from);
    from->setParent(this); // removeAxis releases ownership; keep it for the next toggle
    chart->addAxis(to, Qt::AlignLeft);
    for (QLineSeries *s : std::as_const(m_series[LatencyChart]))
        s->attachAxis(to);
}

QString DashboardWidget::csv() const
{
    QStringList header{QStringLiteral("time_utc"), QStringLiteral("l1_hit_pct"),
                       QStringLiteral("l2_hit_pct"), QStringLiteral("hit_pct")};
    for (int op = 0; op < kDashboardOps; ++op) {
        for (const char *p : kPercentiles)
            header << QStringLiteral("%1_%2_us")
                          .arg(QLatin1String(dashboardOpName(op)), QLatin1String(p));
    }
    header << QStringLiteral("rss_mb") << QStringLiteral("heap_mb")
           << QStringLiteral("requests_per_s") << QStringLiteral("error_pct");
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const DashboardSample &s : m_samples) {
        QStringList row;
        row << QDateTime::fromMSecsSinceEpoch(s.atMs, Qt::UTC).toString(Qt::ISODateWithMs);
        for (int c = 0; c < ChartCount; ++c) {
            for (int i = 0; i < m_series[c].size(); ++i)
                row << csvNumber(valueOf(s, c, i));
        }
        out += row.join(QLatin1Char(',')) + QLatin1Char('\n');
    }
    return out;
}

Result<void> DashboardWidget::exportCsv(const QString &path) const
{
    return writeBytes(path, csv().toUtf8());
}

Result<void> DashboardWidget::exportPng(Chart chart, const QString &path) const
{
    QChartView *view = m_views[chart];
    QPixmap pixmap(view->size().expandedTo(QSize(640, 400)));
    pixmap.fill(palette().color(QPalette::Window));
    QPainter painter(&pixmap);
    view->render(&painter, QRectF(QPointF(0, 0), pixmap.size()), view->rect());
    painter.end();
    if (!pixmap.save(path, "PNG"))
        return Result<void>::failure(tr("%1: cannot write the PNG file").arg(path).toStdString());
    return {};
}

} // namespace wfs::studio
