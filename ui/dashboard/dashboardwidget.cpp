// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "dashboardwidget.h"

#include "fleetsource.h"

#include "loadtestpanel.h"
#include "requestlogview.h"

#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QFileDialog>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QLogValueAxis>
#include <QMenu>
#include <QMouseEvent>
#include <QPushButton>
#include <QRubberBand>
#include <QSaveFile>
#include <QSignalBlocker>
#include <QTabWidget>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace wfs::studio {

namespace {

const char *const kPercentiles[3] = {"p50", "p95", "p99"};
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

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

// A chart view that reports the time under the mouse (hover), a horizontal drag (zoom) and a
// double-click (reset) in chart values; the dashboard keeps the four charts in step.
class DashboardChartView : public QChartView
{
public:
    using QChartView::QChartView;
    std::function<void(double)> onHover;        ///< NaN when the mouse left
    std::function<void(double, double)> onZoom; ///< x values of the drag's ends
    std::function<void()> onReset;

protected:
    double valueAt(const QPoint &pos) const
    {
        const QPointF inChart = chart()->mapFromScene(mapToScene(pos));
        if (!chart()->plotArea().contains(inChart) || chart()->series().isEmpty())
            return kNaN;
        return chart()->mapToValue(inChart, chart()->series().front()).x();
    }
    void mousePressEvent(QMouseEvent *e) override
    {
        if (e->button() == Qt::LeftButton && !std::isnan(valueAt(e->pos()))) {
            m_dragFrom = e->pos();
            if (!m_band)
                m_band = new QRubberBand(QRubberBand::Rectangle, this);
            m_band->setGeometry(QRect(m_dragFrom, QSize()));
            m_band->show();
            e->accept();
            return;
        }
        QChartView::mousePressEvent(e);
    }
    void mouseMoveEvent(QMouseEvent *e) override
    {
        if (m_band && m_band->isVisible()) {
            const QRectF plot = chart()->mapRectToScene(chart()->plotArea());
            const QRect area = mapFromScene(plot).boundingRect();
            m_band->setGeometry(
                QRect(QPoint(std::min(m_dragFrom.x(), e->pos().x()), area.top()),
                      QPoint(std::max(m_dragFrom.x(), e->pos().x()), area.bottom())));
        }
        if (onHover)
            onHover(valueAt(e->pos()));
        QChartView::mouseMoveEvent(e);
    }
    void mouseReleaseEvent(QMouseEvent *e) override
    {
        if (m_band && m_band->isVisible() && e->button() == Qt::LeftButton) {
            m_band->hide();
            const QPoint to(std::clamp(e->pos().x(), 0, width() - 1), m_dragFrom.y());
            const double x0 = valueAt(m_dragFrom);
            double x1 = valueAt(to);
            if (std::isnan(x1)) { // released beyond the plot: clamp to its edge
                const QPointF edge = chart()->mapFromScene(mapToScene(to));
                const QRectF plot = chart()->plotArea();
                x1 = chart()
                         ->mapToValue(QPointF(std::clamp(edge.x(), plot.left(), plot.right()),
                                              plot.center().y()),
                                      chart()->series().front())
                         .x();
            }
            if (std::abs(e->pos().x() - m_dragFrom.x()) > 4 && onZoom)
                onZoom(x0, x1);
            e->accept();
            return;
        }
        QChartView::mouseReleaseEvent(e);
    }
    void mouseDoubleClickEvent(QMouseEvent *e) override
    {
        if (onReset)
            onReset();
        e->accept();
    }
    void leaveEvent(QEvent *e) override
    {
        if (onHover)
            onHover(kNaN);
        QChartView::leaveEvent(e);
    }

private:
    QPoint m_dragFrom;
    QRubberBand *m_band = nullptr;
};

// Replaces an axis' ticks: labels at the tick values, a grid line at each.
void applyTicks(QCategoryAxis *axis, double min, double max, const std::vector<chart::Tick> &ticks)
{
    for (const QString &label : axis->categoriesLabels())
        axis->remove(label);
    axis->setStartValue(min);
    for (const chart::Tick &t : ticks) {
        if (t.value >= min && t.value <= max)
            axis->append(t.label, t.value);
    }
    axis->setRange(min, max);
}

QString valueText(double v, const QString &unit)
{
    if (std::isnan(v))
        return QStringLiteral("—");
    const int decimals = std::abs(v) >= 100 ? 0 : std::abs(v) >= 10 ? 1 : 2;
    return QLocale().toString(v, 'f', decimals) + QLatin1Char(' ') + unit;
}

} // namespace

DashboardWidget::DashboardWidget(QWidget *parent)
    : QWidget(parent)
    , m_cursorMs(kNaN)
{
    setObjectName(QStringLiteral("dashboard"));
    buildCharts();

    m_range = new QComboBox(this);
    m_range->setObjectName(QStringLiteral("dashboardRange"));
    m_range->addItem(tr("Last minute"), 60);
    m_range->addItem(tr("Last 5 minutes"), 300);
    m_range->addItem(tr("Last 15 minutes"), 900);
    m_range->addItem(tr("Last hour"), 3600);
    m_range->addItem(tr("Last 24 hours"), 86400);
    m_range->setCurrentIndex(1);
    m_range->setToolTip(tr("The time range of the charts; drag across a chart to zoom in, "
                           "double-click to return to the live range"));
    connect(m_range, &QComboBox::currentIndexChanged, this,
            [this](int i) { setRangeSeconds(m_range->itemData(i).toInt()); });
    m_resetZoom = new QPushButton(tr("Reset Zoom"), this);
    m_resetZoom->setObjectName(QStringLiteral("dashboardResetZoom"));
    m_resetZoom->setEnabled(false);
    connect(m_resetZoom, &QPushButton::clicked, this, &DashboardWidget::resetZoom);
    m_opBox = new QComboBox(this);
    m_opBox->setObjectName(QStringLiteral("dashboardOperation"));
    for (int op = 0; op < kDashboardOps; ++op)
        m_opBox->addItem(QStringLiteral("workflow_%1").arg(QLatin1String(dashboardOpName(op))), op);
    m_opBox->setCurrentIndex(m_op);
    m_opBox->setToolTip(tr("The operation whose latency percentiles the latency chart shows"));
    connect(m_opBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setLatencyOperation(m_opBox->itemData(i).toInt()); });

    m_pause = new QPushButton(tr("Pause"), this);
    m_pause->setObjectName(QStringLiteral("dashboardPause"));
    m_pause->setCheckable(true);
    connect(m_pause, &QPushButton::toggled, this, &DashboardWidget::setPaused);
    m_logBox = new QCheckBox(tr("Log latency axis"), this);
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
    m_status->setToolTip(tr("Drag across the chart to zoom in, double-click to reset; "
                            "right-click to export it as PNG"));

    m_viewLabel = new QLabel(tr("&View:"), this);
    m_viewBox = new QComboBox(this);
    m_viewBox->setObjectName(QStringLiteral("dashboardView"));
    m_viewBox->setToolTip(tr("This studio's own figures, the whole team fleet, or one instance "
                             "of it"));
    m_viewLabel->setBuddy(m_viewBox);
    m_viewBox->addItem(tr("This studio"), QString());
    m_viewLabel->hide();
    m_viewBox->hide();
    connect(m_viewBox, &QComboBox::activated, this,
            [this](int i) { setView(m_viewBox->itemData(i).toString()); });

    auto *bar = new QHBoxLayout;
    bar->addWidget(m_viewLabel);
    bar->addWidget(m_viewBox);
    bar->addWidget(m_range);
    bar->addWidget(m_resetZoom);
    bar->addWidget(m_pause);
    bar->addSpacing(12);
    bar->addWidget(new QLabel(tr("Latency of:"), this));
    bar->addWidget(m_opBox);
    bar->addWidget(m_logBox);
    bar->addWidget(csvButton);
    bar->addStretch();
    bar->addWidget(m_status);

    auto *grid = new QGridLayout;
    grid->setSpacing(2);
    for (int c = 0; c < ChartCount; ++c)
        grid->addWidget(m_views[c], c / 2, c % 2);
    auto *charts = new QWidget(this);
    auto *chartsLayout = new QVBoxLayout(charts);
    chartsLayout->setContentsMargins(2, 2, 2, 2);
    chartsLayout->addLayout(bar);
    chartsLayout->addLayout(grid, 1);

    m_requestLog = new RequestLogView(this);
    m_loadTest = new LoadTestPanel(this);
    m_instances = new QTreeWidget(this);
    m_instances->setObjectName(QStringLiteral("dashboardInstances"));
    m_instances->setRootIsDecorated(false);
    m_instances->setSortingEnabled(true);
    m_instances->setHeaderLabels({tr("Instance"), tr("Last report"), tr("Requests/s"), tr("Errors"),
                                  tr("workflow_next p50"), tr("p99"), tr("L1 hits"), tr("Memory")});
    m_instances->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_instances->header()->setStretchLastSection(false);
    m_instances->setToolTip(tr("Every instance writing into the team store, over the last "
                               "minute; double-click one to chart it alone"));
    connect(m_instances, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem *item) {
        setView(QStringLiteral("instance:") + item->text(0));
        m_tabs->setCurrentIndex(0);
    });
    m_instances->hide();
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    m_tabs->addTab(charts, tr("Charts"));
    m_tabs->addTab(m_requestLog, tr("Request Log"));
    m_tabs->addTab(m_loadTest, tr("Load Test"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tabs);
    render();
}

DashboardWidget::~DashboardWidget() = default;

QLineSeries *DashboardWidget::newSegment(const Line &line)
{
    auto *s = new QLineSeries(this);
    s->setName(line.name);
    s->setPen(line.pen);
    s->setColor(line.pen.color());
    QChart *c = m_views[line.chart]->chart();
    c->addSeries(s);
    s->attachAxis(m_xAxes[line.chart]);
    if (line.rightAxis)
        s->attachAxis(m_errorAxis);
    else if (line.chart == LatencyChart && m_log)
        s->attachAxis(m_latencyLog);
    else
        s->attachAxis(m_yAxes[line.chart]);
    // Only a line's first series is in the legend.
    if (!line.segments.isEmpty()) {
        for (QLegendMarker *m : c->legend()->markers(s))
            m->setVisible(false);
    }
    return s;
}

void DashboardWidget::addLine(Chart chart, const QString &name, const QString &unit, QColor color,
                              Qt::PenStyle style,
                              std::function<double(const DashboardSample &)> value, bool rightAxis)
{
    Line line;
    line.chart = chart;
    line.name = name;
    line.unit = unit;
    line.pen = QPen(color, 1.8, style);
    line.rightAxis = rightAxis;
    line.value = std::move(value);
    line.segments << newSegment(line);
    m_lines.push_back(std::move(line));
}

void DashboardWidget::buildCharts()
{
    const QString titles[ChartCount] = {tr("Cache hit rate"), QString(), tr("Memory"),
                                        tr("Requests/s and errors by kind")};
    for (int c = 0; c < ChartCount; ++c) {
        auto *chart = new QChart;
        chart->setTitle(titles[c]);
        chart->legend()->setAlignment(Qt::AlignBottom);
        // Room on the right for half of the last time label, which sits on the plot's edge.
        const int halfLabel =
            QFontMetrics(chart->font()).horizontalAdvance(QStringLiteral("00:00:00")) / 2 + 4;
        chart->setMargins(QMargins(2, 2, c == ThroughputChart ? 2 : halfLabel, 2));
        auto *view = new DashboardChartView(chart, this);
        view->setObjectName(QStringLiteral("dashboardChart%1").arg(c));
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumSize(200, 150);           // four fit a dock below a 1024-pixel canvas
        view->viewport()->setMouseTracking(true); // hover without a button: the cursor
        view->onHover = [this](double x) { setCursorTime(x); };
        view->onZoom = [this](double x0, double x1) {
            if (const auto z = chart::zoomFromDrag(x0, x1))
                setZoom(z->fromMs, z->toMs);
        };
        view->onReset = [this] { resetZoom(); };
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
        m_views[c] = view;
        // As many ticks as the plot has room for: fit them again when its size changes.
        connect(chart, &QChart::plotAreaChanged, this, [this, c](const QRectF &plot) {
            // A full "HH:mm:ss" label takes ~55 px: one every 65 px, at least three on the axis.
            const int xTicks = plot.width() > 50 ? std::max(3, int(plot.width() / 65)) : 6;
            const int yTicks = plot.height() > 50 ? std::clamp(int(plot.height() / 28), 2, 8) : 5;
            if (m_renderPending || m_tickCounts[c] == QSize(xTicks, yTicks))
                return;
            m_renderPending = true;
            QTimer::singleShot(0, this, [this] {
                m_renderPending = false;
                render();
            });
        });
        auto *x = new QCategoryAxis(this);
        x->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        x->setTruncateLabels(false); // whole labels, never cut to "12:0..."
        chart->addAxis(x, Qt::AlignBottom);
        m_xAxes[c] = x;
        auto *y = new QCategoryAxis(this);
        y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        y->setTruncateLabels(false);
        chart->addAxis(y, Qt::AlignLeft);
        m_yAxes[c] = y;
        Cursor &cursor = m_cursors[c];
        cursor.line = new QGraphicsLineItem(chart);
        cursor.line->setPen(QPen(QColor(0x55, 0x55, 0x55), 1, Qt::DashLine));
        cursor.line->setZValue(20);
        cursor.box = new QGraphicsRectItem(chart);
        cursor.box->setBrush(QColor(255, 255, 255, 225));
        cursor.box->setPen(QPen(QColor(0xaa, 0xaa, 0xaa)));
        cursor.box->setZValue(21);
        cursor.text = new QGraphicsSimpleTextItem(cursor.box);
        cursor.line->hide();
        cursor.box->hide();
    }
    m_errorAxis = new QCategoryAxis(this);
    m_errorAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    m_errorAxis->setTruncateLabels(false);
    m_views[ThroughputChart]->chart()->addAxis(m_errorAxis, Qt::AlignRight);
    m_latencyLog = new QLogValueAxis(this);
    m_latencyLog->setBase(10);
    // QtCharts formats labels with a Latin-1 printf format: a "µ" in it comes out as "�".
    // The unit goes into the axis title instead.
    m_latencyLog->setLabelFormat(QStringLiteral("%g"));
    m_latencyLog->setTitleText(QStringLiteral("µs"));
    m_latencyLog->setRange(0.1, 1000);
    m_latencyLog->setMinorTickCount(0); // a grid line per decade, not ten
    m_latencyLog->setTruncateLabels(false);

    const QColor blue(0x1f, 0x77, 0xb4), green(0x2c, 0xa0, 0x2c), orange(0xff, 0x7f, 0x0e),
        red(0xd6, 0x27, 0x28), purple(0x94, 0x67, 0xbd), grey(0x7f, 0x7f, 0x7f);
    const QString pct = QStringLiteral("%");
    addLine(CacheChart, tr("L1"), pct, blue, Qt::SolidLine,
            [](const DashboardSample &s) { return s.l1HitPercent; });
    addLine(CacheChart, tr("L2"), pct, green, Qt::SolidLine,
            [](const DashboardSample &s) { return s.l2HitPercent; });
    addLine(CacheChart, tr("Overall"), pct, orange, Qt::DashLine, // L1 shows through
            [](const DashboardSample &s) { return s.hitPercent; });
    const QString us = QStringLiteral("µs");
    const QColor percentileColors[3] = {blue, orange, red};
    for (int p = 0; p < 3; ++p)
        addLine(LatencyChart, QLatin1String(kPercentiles[p]), us, percentileColors[p],
                Qt::SolidLine, [this, p](const DashboardSample &s) {
                    const DashboardSample::Latency &l = s.latency[std::size_t(m_op)];
                    return p == 0 ? l.p50Us : p == 1 ? l.p95Us : l.p99Us;
                });
    const QString mb = QStringLiteral("MB");
    addLine(MemoryChart, tr("RSS"), mb, blue, Qt::SolidLine,
            [](const DashboardSample &s) { return s.rssMb; });
    addLine(MemoryChart, tr("Heap"), mb, green, Qt::SolidLine,
            [](const DashboardSample &s) { return s.heapMb; });
    addLine(ThroughputChart, tr("Requests/s"), tr("req/s"), blue, Qt::SolidLine,
            [](const DashboardSample &s) { return s.requestsPerSec; });
    const QString kindNames[3] = {tr("Transport errors"), tr("Protocol errors"), tr("Tool errors")};
    const QColor kindColors[3] = {red, purple, grey};
    for (int k = 0; k < 3; ++k)
        addLine(
            ThroughputChart, kindNames[k], pct, kindColors[k], Qt::DashLine,
            [k](const DashboardSample &s) { return s.errorKindPercent[std::size_t(k)]; }, true);
    m_budget = new QLineSeries(this);
    m_budget->setPen(QPen(red, 1.5, Qt::DashDotLine));
    m_views[MemoryChart]->chart()->addSeries(m_budget);
    m_budget->attachAxis(m_xAxes[MemoryChart]);
    m_budget->attachAxis(m_yAxes[MemoryChart]);
    for (QLegendMarker *m : m_views[MemoryChart]->chart()->legend()->markers(m_budget))
        m->setVisible(false);
    updateLatencyTitle();
}

void DashboardWidget::updateLatencyTitle()
{
    m_views[LatencyChart]->chart()->setTitle(
        tr("Latency of %1")
            .arg(QStringLiteral("workflow_%1").arg(QLatin1String(dashboardOpName(m_op)))));
}

QList<QLineSeries *> DashboardWidget::series(Chart chart) const
{
    QList<QLineSeries *> out;
    for (const Line &l : m_lines) {
        if (l.chart == chart)
            out << l.segments.front();
    }
    return out;
}

QList<QLineSeries *> DashboardWidget::segments(Chart chart, int index) const
{
    int i = 0;
    for (const Line &l : m_lines) {
        if (l.chart == chart && i++ == index)
            return l.segments;
    }
    return {};
}

void DashboardWidget::setSource(DashboardSource *source)
{
    if (m_source) {
        disconnect(m_source, &DashboardSource::sampled, this, nullptr);
        m_source->stop();
    }
    // Another source's samples are not this one's (a view switch): start over.
    if (m_source && m_source != source)
        m_samples.clear();
    m_source = source;
    if (source && source != m_fleet)
        m_local = source;
    if (!source)
        return;
    const qint64 since = QDateTime::currentMSecsSinceEpoch() - std::int64_t(kKeepSeconds) * 1000;
    for (const DashboardSample &s : source->history(since))
        m_samples.push_back(s);
    connect(source, &DashboardSource::sampled, this, &DashboardWidget::addSample);
    render();
    source->start();
}

void DashboardWidget::thinOldSamples(std::int64_t nowMs)
{
    const std::int64_t cutoff = nowMs - std::int64_t(kKeepSeconds) * 1000;
    while (!m_samples.empty() && m_samples.front().atMs < cutoff)
        m_samples.pop_front();
    // Once a minute: samples older than an hour are kept one per 10 seconds.
    if (nowMs / 60'000 == (nowMs - 1000) / 60'000)
        return;
    const std::int64_t hourAgo = nowMs - 3'600'000;
    std::deque<DashboardSample> kept;
    std::int64_t lastBucket = std::numeric_limits<std::int64_t>::min();
    for (const DashboardSample &s : m_samples) {
        if (s.atMs < hourAgo) {
            const std::int64_t bucket = s.atMs / 10'000;
            if (bucket == lastBucket)
                continue;
            lastBucket = bucket;
        }
        kept.push_back(s);
    }
    m_samples.swap(kept);
}

void DashboardWidget::addSample(const DashboardSample &sample)
{
    m_samples.push_back(sample);
    thinOldSamples(sample.atMs);
    if (m_paused)
        return;
    render();
}

chart::TimeRange DashboardWidget::visibleRange() const
{
    const std::int64_t now =
        m_samples.empty() ? QDateTime::currentMSecsSinceEpoch() : m_samples.back().atMs;
    return chart::visibleRange(m_rangeSeconds, now, m_zoom);
}

void DashboardWidget::render()
{
    const chart::TimeRange range = visibleRange();
    std::vector<double> xs;
    for (const DashboardSample &s : m_samples) {
        if (s.atMs >= range.fromMs && s.atMs <= range.toMs)
            xs.push_back(double(s.atMs));
    }
    const double maxGap = chart::gapThreshold(xs);
    double top[ChartCount] = {};
    double errorTop = 0;
    double latencyBottom = std::numeric_limits<double>::infinity();
    for (Line &line : m_lines) {
        std::vector<QPointF> points;
        points.reserve(xs.size());
        for (const DashboardSample &s : m_samples) {
            if (s.atMs < range.fromMs || s.atMs > range.toMs)
                continue;
            double v = line.value(s);
            // The log axis cannot show 0: latencies below 0.1 µs sit on its floor.
            if (line.chart == LatencyChart && !std::isnan(v))
                v = std::max(v, 0.1);
            points.emplace_back(double(s.atMs), v);
            if (std::isnan(v))
                continue;
            if (line.rightAxis)
                errorTop = std::max(errorTop, v);
            else
                top[line.chart] = std::max(top[line.chart], v);
            if (line.chart == LatencyChart)
                latencyBottom = std::min(latencyBottom, v);
        }
        const auto runs = chart::splitAtGaps(points, maxGap);
        while (line.segments.size() < qsizetype(std::max<std::size_t>(runs.size(), 1)))
            line.segments << newSegment(line);
        while (line.segments.size() > qsizetype(std::max<std::size_t>(runs.size(), 1))) {
            QLineSeries *extra = line.segments.takeLast();
            m_views[line.chart]->chart()->removeSeries(extra);
            delete extra;
        }
        for (qsizetype i = 0; i < line.segments.size(); ++i) {
            QLineSeries *s = line.segments[i];
            if (std::size_t(i) < runs.size()) {
                const auto &run = runs[std::size_t(i)];
                s->replace(QList<QPointF>(run.begin(), run.end()));
                // A lone sample between gaps is a dot, not nothing.
                s->setPointsVisible(run.size() == 1);
            } else {
                s->clear();
            }
        }
    }
    if (m_budget) {
        m_budget->clear();
        if (budgetShown()) {
            m_budget->append(double(range.fromMs), m_budgetMb);
            m_budget->append(double(range.toMs), m_budgetMb);
            top[MemoryChart] = std::max(top[MemoryChart], m_budgetMb);
        }
    }
    for (int c = 0; c < ChartCount; ++c) {
        QChart *chart = m_views[c]->chart();
        const QRectF plot = chart->plotArea();
        // A full "HH:mm:ss" label takes ~55 px: one every 65 px, at least three on the axis.
        const int xTicks = plot.width() > 50 ? std::max(3, int(plot.width() / 65)) : 6;
        const int yTicks = plot.height() > 50 ? std::clamp(int(plot.height() / 28), 2, 8) : 5;
        m_tickCounts[c] = QSize(xTicks, yTicks);
        applyTicks(m_xAxes[c], double(range.fromMs), double(range.toMs),
                   chart::timeTicks(range.fromMs, range.toMs, xTicks));
        chart::NiceScale scale;
        QString suffix;
        switch (c) {
        case CacheChart:
            scale = chart::percentScale(100, yTicks);
            suffix = QStringLiteral(" %");
            break;
        case LatencyChart:
            scale = chart::niceScale(0, top[c], yTicks);
            suffix = QStringLiteral(" µs");
            break;
        case MemoryChart:
            scale = chart::niceScale(0, top[c], yTicks);
            suffix = QStringLiteral(" MB");
            break;
        default:
            scale = chart::niceScale(0, top[c], yTicks);
            suffix = QStringLiteral(" /s");
            break;
        }
        applyTicks(m_yAxes[c], scale.min, scale.max, chart::ticks(scale, suffix));
    }
    const chart::NiceScale errors = chart::percentScale(errorTop, 5);
    applyTicks(m_errorAxis, errors.min, errors.max, chart::ticks(errors, QStringLiteral(" %")));
    const double logTop = std::pow(10.0, std::ceil(std::log10(std::max(top[LatencyChart], 1.0))));
    const double logBottom =
        std::isfinite(latencyBottom)
            ? std::pow(10.0, std::floor(std::log10(std::max(latencyBottom, 0.1))))
            : 0.1;
    m_latencyLog->setRange(logBottom, std::max(logTop, logBottom * 10));
    renderCursor();
}

void DashboardWidget::setCursorTime(double ms)
{
    m_cursorMs = ms;
    renderCursor();
}

QString DashboardWidget::readout(Chart chart) const
{
    if (std::isnan(m_cursorMs) || m_samples.empty())
        return {};
    std::vector<double> xs;
    xs.reserve(m_samples.size());
    for (const DashboardSample &s : m_samples)
        xs.push_back(double(s.atMs));
    const int i = chart::nearestIndex(xs, m_cursorMs, chart::gapThreshold(xs) / 2);
    if (i < 0)
        return {};
    const DashboardSample &s = m_samples[std::size_t(i)];
    QStringList parts;
    parts << QDateTime::fromMSecsSinceEpoch(s.atMs).toString(QStringLiteral("HH:mm:ss"));
    for (const Line &l : m_lines) {
        if (l.chart == chart)
            parts << l.name + QStringLiteral(": ") + valueText(l.value(s), l.unit);
    }
    if (chart == MemoryChart && budgetShown())
        parts << tr("budget: %1").arg(valueText(m_budgetMb, QStringLiteral("MB")));
    return parts.join(QLatin1Char('\n'));
}

void DashboardWidget::renderCursor()
{
    for (int c = 0; c < ChartCount; ++c) {
        Cursor &cursor = m_cursors[c];
        QChart *chart = m_views[c]->chart();
        const QRectF plot = chart->plotArea();
        const QString text = readout(Chart(c));
        if (std::isnan(m_cursorMs) || text.isEmpty() || chart->series().isEmpty()) {
            cursor.line->hide();
            cursor.box->hide();
            continue;
        }
        const double x = chart->mapToPosition(QPointF(m_cursorMs, 0), chart->series().front()).x();
        if (x < plot.left() || x > plot.right()) {
            cursor.line->hide();
            cursor.box->hide();
            continue;
        }
        cursor.line->setLine(QLineF(x, plot.top(), x, plot.bottom()));
        cursor.line->show();
        cursor.text->setText(text);
        const QRectF r = cursor.text->boundingRect().adjusted(-4, -2, 4, 2);
        cursor.box->setRect(QRectF(0, 0, r.width(), r.height()));
        cursor.text->setPos(4, 2);
        // Beside the cursor, on the side with room.
        const double left = x + 8 + r.width() <= plot.right() ? x + 8 : x - 8 - r.width();
        cursor.box->setPos(std::max(plot.left(), left), plot.top() + 4);
        cursor.box->show();
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
        render(); // catch up with what arrived while paused
}

void DashboardWidget::setRangeSeconds(int seconds)
{
    int best = chart::kRangeSeconds[0];
    for (const int r : chart::kRangeSeconds) {
        if (std::abs(r - seconds) < std::abs(best - seconds))
            best = r;
    }
    m_rangeSeconds = best;
    const int index = m_range->findData(best);
    if (index >= 0 && m_range->currentIndex() != index)
        m_range->setCurrentIndex(index);
    m_zoom.reset(); // choosing a range returns to live
    m_resetZoom->setEnabled(false);
    render();
}

void DashboardWidget::setZoom(std::int64_t fromMs, std::int64_t toMs)
{
    if (toMs <= fromMs)
        return;
    m_zoom = chart::TimeRange{fromMs, toMs};
    m_resetZoom->setEnabled(true);
    m_status->setText(
        tr("Zoomed: %1 – %2 (double-click a chart to reset)")
            .arg(QDateTime::fromMSecsSinceEpoch(fromMs).toString(QStringLiteral("HH:mm:ss")),
                 QDateTime::fromMSecsSinceEpoch(toMs).toString(QStringLiteral("HH:mm:ss"))));
    render();
}

void DashboardWidget::resetZoom()
{
    if (!m_zoom)
        return;
    m_zoom.reset();
    m_resetZoom->setEnabled(false);
    m_status->setText(m_paused ? tr("Paused — samples are still collected") : QString());
    render();
}

void DashboardWidget::setLatencyOperation(int op)
{
    if (op < 0 || op >= kDashboardOps)
        return;
    m_op = op;
    const int index = m_opBox->findData(op);
    if (index >= 0 && m_opBox->currentIndex() != index)
        m_opBox->setCurrentIndex(index);
    updateLatencyTitle();
    render();
}

void DashboardWidget::setMemoryBudget(double mb, const QString &label)
{
    m_budgetMb = std::isfinite(mb) && mb > 0 ? mb : 0;
    m_budget->setName(
        label.isEmpty() ? tr("Cache budget (L1, %1 MB)").arg(QLocale().toString(m_budgetMb, 'g', 4))
                        : label);
    for (QLegendMarker *m : m_views[MemoryChart]->chart()->legend()->markers(m_budget))
        m->setVisible(budgetShown());
    render();
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
    for (const Line &l : m_lines) {
        if (l.chart != LatencyChart)
            continue;
        for (QLineSeries *s : l.segments)
            s->detachAxis(from);
    }
    chart->removeAxis(from);
    from->setParent(this); // removeAxis releases ownership; keep it for the next toggle
    chart->addAxis(to, Qt::AlignLeft);
    for (const Line &l : m_lines) {
        if (l.chart != LatencyChart)
            continue;
        for (QLineSeries *s : l.segments)
            s->attachAxis(to);
    }
    render();
}

QStringList DashboardWidget::axisLabels(Chart chart, Qt::Alignment side) const
{
    QAbstractAxis *axis = nullptr;
    for (QAbstractAxis *a : m_views[chart]->chart()->axes()) {
        if (a->alignment() == side)
            axis = a;
    }
    if (auto *category = qobject_cast<QCategoryAxis *>(axis))
        return category->categoriesLabels();
    if (auto *log = qobject_cast<QLogValueAxis *>(axis)) {
        QStringList out;
        for (double v = log->min(); v <= log->max() * 1.0001; v *= 10)
            out << QString::asprintf(log->labelFormat().toUtf8().constData(), v);
        return out;
    }
    return {};
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
           << QStringLiteral("requests_per_s") << QStringLiteral("error_pct")
           << QStringLiteral("transport_error_pct") << QStringLiteral("protocol_error_pct")
           << QStringLiteral("tool_error_pct");
    QString out = header.join(QLatin1Char(',')) + QLatin1Char('\n');
    for (const DashboardSample &s : m_samples) {
        QStringList row;
        row << QDateTime::fromMSecsSinceEpoch(s.atMs, Qt::UTC).toString(Qt::ISODateWithMs);
        row << csvNumber(s.l1HitPercent) << csvNumber(s.l2HitPercent) << csvNumber(s.hitPercent);
        for (const DashboardSample::Latency &l : s.latency)
            row << csvNumber(l.p50Us) << csvNumber(l.p95Us) << csvNumber(l.p99Us);
        row << csvNumber(s.rssMb) << csvNumber(s.heapMb) << csvNumber(s.requestsPerSec)
            << csvNumber(s.errorPercent);
        for (const double k : s.errorKindPercent)
            row << csvNumber(k);
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

void DashboardWidget::setFleetSource(FleetSource *fleet)
{
    if (m_fleet) {
        disconnect(m_fleet, nullptr, this, nullptr);
        if (m_source == m_fleet)
            setSource(m_local);
    }
    m_fleet = fleet;
    const int tab = m_tabs->indexOf(m_instances);
    if (!fleet) {
        if (tab >= 0)
            m_tabs->removeTab(tab);
        m_viewLabel->hide();
        m_viewBox->hide();
        updateViewChoices();
        return;
    }
    if (tab < 0)
        m_tabs->insertTab(1, m_instances, tr("Instances"));
    m_viewLabel->show();
    m_viewBox->show();
    connect(fleet, &FleetSource::instancesChanged, this, [this] {
        updateViewChoices();
        updateInstances();
    });
    connect(fleet, &FleetSource::errorChanged, this, [this](const QString &error) {
        m_status->setText(error.isEmpty() ? QString() : tr("Team store: %1").arg(error));
    });
    updateViewChoices();
    updateInstances();
}

QString DashboardWidget::view() const
{
    if (!m_fleet || m_source != m_fleet)
        return {};
    return m_fleet->instance().isEmpty() ? QStringLiteral("fleet")
                                         : QStringLiteral("instance:") + m_fleet->instance();
}

void DashboardWidget::setView(const QString &view)
{
    if (!m_fleet || view.isEmpty()) {
        if (m_source != m_local)
            setSource(m_local);
    } else {
        const QString instance =
            view.startsWith(QLatin1String("instance:")) ? view.mid(9) : QString();
        const bool reload = m_source == m_fleet && m_fleet->instance() != instance;
        m_fleet->setInstance(instance);
        if (reload) {
            m_samples.clear();
            setSource(nullptr);
        }
        if (m_source != m_fleet)
            setSource(m_fleet);
    }
    updateViewChoices();
}

bool DashboardWidget::budgetShown() const
{
    // The budget is this studio's; the fleet's memory is the sum of its instances'.
    return m_budgetMb > 0 && !(m_fleet && m_source == m_fleet);
}

void DashboardWidget::updateViewChoices()
{
    const QString current = view();
    QStringList instances;
    if (m_fleet) {
        for (const FleetInstanceRow &r : m_fleet->instances())
            instances << r.instance;
        // The instance being charted stays a choice while it is silent.
        const QString shown = m_fleet->instance();
        if (!shown.isEmpty() && !instances.contains(shown))
            instances << shown;
    }
    for (QLegendMarker *m : m_views[MemoryChart]->chart()->legend()->markers(m_budget))
        m->setVisible(budgetShown());
    render();
    QSignalBlocker block(m_viewBox);
    m_viewBox->clear();
    m_viewBox->addItem(tr("This studio"), QString());
    if (m_fleet) {
        m_viewBox->addItem(tr("Team fleet (%n instance(s))", nullptr, int(instances.size())),
                           QStringLiteral("fleet"));
        for (const QString &id : std::as_const(instances))
            m_viewBox->addItem(tr("Instance %1").arg(id), QStringLiteral("instance:") + id);
    }
    m_viewBox->setCurrentIndex(std::max(0, m_viewBox->findData(current)));
}

void DashboardWidget::updateInstances()
{
    m_instances->setSortingEnabled(false);
    m_instances->clear();
    if (m_fleet) {
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        const QLocale locale;
        const auto number = [&locale](double v, int decimals, const QString &unit) {
            return std::isnan(v) ? QStringLiteral("–") : locale.toString(v, 'f', decimals) + unit;
        };
        for (const FleetInstanceRow &r : m_fleet->instances()) {
            auto *item = new QTreeWidgetItem(m_instances);
            item->setText(0, r.instance);
            const qint64 ago = std::max<qint64>(0, (now - r.lastReportMs) / 1000);
            item->setText(1, ago < 60
                                 ? tr("%n s ago", nullptr, int(ago))
                                 : locale.toString(QDateTime::fromMSecsSinceEpoch(r.lastReportMs),
                                                   QLocale::ShortFormat));
            // An instance persists every 5 s: one silent for 15 s is gone or stuck.
            if (ago >= 15) {
                item->setForeground(1, QColor(0xb3, 0x47, 0x00));
                item->setToolTip(1, tr("No report for %n s: the instance is down or cannot "
                                       "reach the store",
                                       nullptr, int(ago)));
            }
            item->setText(2, number(r.requestsPerSec, 1, QString()));
            item->setText(3, number(r.errorPercent, 1, QStringLiteral(" %")));
            item->setText(4, number(r.nextP50Us / 1000.0, 2, QStringLiteral(" ms")));
            item->setText(5, number(r.nextP99Us / 1000.0, 2, QStringLiteral(" ms")));
            item->setText(6, number(r.l1HitPercent, 0, QStringLiteral(" %")));
            item->setText(7, number(r.rssMb, 0, QStringLiteral(" MB")));
            for (int c = 2; c < 8; ++c)
                item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        }
    }
    m_instances->setSortingEnabled(true);
}

} // namespace wfs::studio
