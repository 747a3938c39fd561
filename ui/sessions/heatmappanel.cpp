// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "heatmappanel.h"

#include "engine/engine.h"
#include "engine/session.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace wfs::studio {

namespace {

enum Column {
    ColStep,
    ColReached,
    ColStopped,
    ColThinkP50,
    ColThinkP95,
    ColFailures,
    ColRetries,
    ColPasses,
    ColCount
};

// Changes to sessions arrive in bursts (an agent's calls, a load test): one recomputation
// per this period at most.
constexpr int kCoalesceMs = 800;

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

} // namespace

HeatMapPanel::HeatMapPanel(Engine *engine, std::function<store::AbstractSessionStore *()> sessions,
                           QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_sessions(std::move(sessions))
    , m_metric(new QComboBox(this))
    , m_client(new QComboBox(this))
    , m_range(new QComboBox(this))
    , m_overlay(new QCheckBox(tr("Show on canvas"), this))
    , m_summary(new QLabel(this))
    , m_table(new QTableWidget(this))
    , m_coalesce(new QTimer(this))
{
    setObjectName(QStringLiteral("heatMapPanel"));
    m_metric->setObjectName(QStringLiteral("heatMetric"));
    m_client->setObjectName(QStringLiteral("heatClient"));
    m_range->setObjectName(QStringLiteral("heatRange"));
    m_overlay->setObjectName(QStringLiteral("heatOverlay"));
    m_summary->setObjectName(QStringLiteral("heatSummary"));
    m_table->setObjectName(QStringLiteral("heatTable"));

    using M = store::HeatMetric;
    m_metric->addItem(tr("Reached"), int(M::Reached));
    m_metric->addItem(tr("Stopped here"), int(M::StoppedHere));
    m_metric->addItem(tr("Think time p50"), int(M::ThinkP50));
    m_metric->addItem(tr("Think time p95"), int(M::ThinkP95));
    m_metric->addItem(tr("Validation failures"), int(M::ValidationFailures));
    m_metric->addItem(tr("Loop passes"), int(M::LoopPasses));
    m_metric->setToolTip(tr("What the canvas is coloured by"));
    m_range->addItem(tr("All time"), 0);
    m_range->addItem(tr("Last 15 minutes"), 15);
    m_range->addItem(tr("Last hour"), 60);
    m_range->addItem(tr("Last 24 hours"), 24 * 60);
    m_range->addItem(tr("Last 7 days"), 7 * 24 * 60);
    m_range->setToolTip(tr("Sessions active in this period"));
    m_client->addItem(tr("All clients"), QString());
    m_client->setToolTip(tr("Sessions of this client only"));
    m_overlay->setChecked(true);

    m_table->setColumnCount(ColCount);
    m_table->setHorizontalHeaderLabels({tr("Step"), tr("Reached"), tr("Stopped here"),
                                        tr("Think p50"), tr("Think p95"), tr("Validation failures"),
                                        tr("Retries"), tr("Loop passes")});
    m_table->verticalHeader()->hide();
    // Compact rows: the dock sits below the canvas, a fifth of the window high.
    m_table->verticalHeader()->setMinimumSectionSize(fontMetrics().height() + 4);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);

    auto *refreshButton = new QPushButton(tr("Refresh"), this);
    refreshButton->setObjectName(QStringLiteral("heatRefresh"));
    auto *bar = new QHBoxLayout;
    bar->addWidget(new QLabel(tr("Colour by:"), this));
    bar->addWidget(m_metric);
    bar->addWidget(new QLabel(tr("Client:"), this));
    bar->addWidget(m_client);
    bar->addWidget(new QLabel(tr("Sessions:"), this));
    bar->addWidget(m_range);
    bar->addWidget(m_overlay);
    bar->addSpacing(12);
    bar->addWidget(m_summary, 1); // on the same line: the table keeps the height
    bar->addWidget(refreshButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->setSpacing(2);
    layout->addLayout(bar);
    layout->addWidget(m_table, 1);

    connect(refreshButton, &QPushButton::clicked, this, &HeatMapPanel::refresh);
    connect(m_metric, &QComboBox::currentIndexChanged, this, &HeatMapPanel::publish);
    connect(m_overlay, &QCheckBox::toggled, this, &HeatMapPanel::publish);
    connect(m_client, &QComboBox::currentIndexChanged, this, &HeatMapPanel::refresh);
    connect(m_range, &QComboBox::currentIndexChanged, this, &HeatMapPanel::refresh);
    m_coalesce->setSingleShot(true);
    connect(m_coalesce, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    if (m_engine) {
        // From any thread (MCP servers): queued, then coalesced.
        connect(
            &m_engine->sessions(), &SessionManager::sessionUpdated, this,
            [this] {
                if (!m_coalesce->isActive())
                    m_coalesce->start(kCoalesceMs);
            },
            Qt::QueuedConnection);
    }
    refresh();
}

void HeatMapPanel::setWorkflow(const QString &workflowId, const std::vector<std::string> &order)
{
    if (workflowId == m_workflowId && order == m_order)
        return;
    const QString previous = m_workflowId;
    m_workflowId = workflowId;
    m_order = order;
    if (!previous.isEmpty() && previous != workflowId)
        emit heatChanged(previous, {});
    refresh();
}

store::HeatMetric HeatMapPanel::metric() const
{
    return static_cast<store::HeatMetric>(m_metric->currentData().toInt());
}

bool HeatMapPanel::overlayShown() const
{
    return m_overlay->isChecked();
}

QString HeatMapPanel::formatMs(std::int64_t ms)
{
    const QLocale l;
    if (ms < 1000)
        return tr("%1 ms").arg(ms);
    if (ms < 60'000)
        return tr("%1 s").arg(l.toString(double(ms) / 1000.0, 'f', 1));
    return tr("%1 min").arg(l.toString(double(ms) / 60'000.0, 'f', 1));
}

void HeatMapPanel::refresh()
{
    store::AbstractSessionStore *store = m_sessions ? m_sessions() : nullptr;
    m_report = {};
    m_report.workflowId = m_workflowId.toStdString();
    if (m_workflowId.isEmpty()) {
        m_summary->setText(tr("Open a workflow to see how sessions moved through it."));
    } else if (!store) {
        m_summary->setText(tr("No database: sessions are not recorded."));
    } else {
        store::HeatFilter f;
        f.client = m_client->currentData().toString().toStdString();
        if (const int minutes = m_range->currentData().toInt(); minutes > 0)
            f.sinceMs = QDateTime::currentMSecsSinceEpoch() - std::int64_t(minutes) * 60'000;
        const std::string id = m_workflowId.toStdString();
        if (auto r = store::computeHeat(*store, id, f, m_order)) {
            m_report = std::move(*r);
            m_summary->setText(
                tr("%n session(s) of %1", nullptr, m_report.sessions).arg(m_workflowId));
        } else {
            m_summary->setText(qs(r.error()));
        }
        if (auto clients = store::heatClients(*store, id))
            fillClients(*clients);
    }
    fillTable();
    publish();
}

void HeatMapPanel::fillClients(const std::vector<std::string> &clients)
{
    const QString current = m_client->currentData().toString();
    const QSignalBlocker block(m_client);
    while (m_client->count() > 1)
        m_client->removeItem(1);
    for (const std::string &c : clients)
        m_client->addItem(qs(c), qs(c));
    const int at = m_client->findData(current);
    m_client->setCurrentIndex(at >= 0 ? at : 0);
}

void HeatMapPanel::fillTable()
{
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(m_report.steps.size()));
    const auto number = [](qlonglong v) {
        auto *item = new QTableWidgetItem;
        item->setData(Qt::DisplayRole, v);
        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
        return item;
    };
    for (int row = 0; row < int(m_report.steps.size()); ++row) {
        const store::HeatCell &c = m_report.steps[std::size_t(row)];
        m_table->setItem(row, ColStep, new QTableWidgetItem(qs(c.id)));
        m_table->setItem(row, ColReached, number(c.reached));
        m_table->setItem(row, ColStopped, number(c.stoppedHere));
        const auto think = [&](const std::optional<std::int64_t> &ms) {
            auto *item = new QTableWidgetItem(ms ? formatMs(*ms) : QString());
            item->setData(Qt::UserRole, ms ? QVariant(qlonglong(*ms)) : QVariant());
            item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            return item;
        };
        m_table->setItem(row, ColThinkP50, think(c.thinkP50Ms));
        m_table->setItem(row, ColThinkP95, think(c.thinkP95Ms));
        m_table->setItem(row, ColFailures, number(c.validationFailures));
        m_table->setItem(row, ColRetries, number(c.validationRetries));
        m_table->setItem(row, ColPasses, number(c.loopPasses));
    }
}

QHash<QString, WorkflowScene::HeatCell> HeatMapPanel::cells() const
{
    QHash<QString, WorkflowScene::HeatCell> out;
    if (!overlayShown() || m_workflowId.isEmpty())
        return out;
    const store::HeatMetric m = metric();
    const bool time = m == store::HeatMetric::ThinkP50 || m == store::HeatMetric::ThinkP95;
    double max = 0;
    for (const store::HeatCell &c : m_report.steps)
        max = std::max(max, store::heatValue(c, m).value_or(0));
    for (const store::HeatCell &c : m_report.steps) {
        const std::optional<double> v = store::heatValue(c, m);
        WorkflowScene::HeatCell cell;
        cell.hasValue = v.has_value();
        cell.intensity = v && max > 0 ? *v / max : 0;
        cell.label = !v     ? QStringLiteral("–")
                     : time ? formatMs(std::int64_t(*v))
                            : QLocale().toString(qlonglong(*v));
        const auto ms = [](const std::optional<std::int64_t> &t) {
            return t ? formatMs(*t) : QStringLiteral("–");
        };
        cell.toolTip = tr("%1: reached by %2 session(s), %3 stopped here")
                           .arg(qs(c.id))
                           .arg(c.reached)
                           .arg(c.stoppedHere) +
                       QLatin1Char('\n') +
                       tr("Think time p50 %1, p95 %2").arg(ms(c.thinkP50Ms), ms(c.thinkP95Ms)) +
                       QLatin1Char('\n') +
                       tr("Validation failures %1 (retries %2), loop passes %3")
                           .arg(c.validationFailures)
                           .arg(c.validationRetries)
                           .arg(c.loopPasses);
        out.insert(qs(c.id), cell);
    }
    return out;
}

void HeatMapPanel::publish()
{
    if (!m_workflowId.isEmpty())
        emit heatChanged(m_workflowId, cells());
}

} // namespace wfs::studio
