// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "requestlogview.h"

#include <QDateTime>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace wfs::studio {

RequestLogView::RequestLogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, 6, this))
    , m_proxy(new QSortFilterProxyModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_summary(new QLabel(this))
    , m_poll(new QTimer(this))
    , m_soon(new QTimer(this))
{
    setObjectName(QStringLiteral("requestLog"));
    m_model->setHorizontalHeaderLabels({tr("Time"), tr("Client / session"), tr("Method"),
                                        tr("Tool"), tr("Latency (ms)"), tr("Status")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("requestLogTable"));
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_filter->setObjectName(QStringLiteral("requestLogFilter"));
    m_filter->setPlaceholderText(tr("Filter (client, session, method, tool, status)…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &RequestLogView::setFilter);
    m_summary->setObjectName(QStringLiteral("requestLogSummary"));

    m_poll->setInterval(1000);
    m_poll->setTimerType(Qt::CoarseTimer);
    connect(m_poll, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });
    m_soon->setSingleShot(true);
    m_soon->setInterval(200);
    connect(m_soon, &QTimer::timeout, this, [this] {
        if (isVisible())
            refresh();
    });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_filter);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    setFetch({});
}

void RequestLogView::setFetch(Fetch fetch)
{
    m_fetch = std::move(fetch);
    m_lastTime = -1;
    m_lastSize = 0;
    if (m_fetch) {
        m_poll->start();
        refresh();
    } else {
        m_poll->stop();
        m_model->removeRows(0, m_model->rowCount());
        m_summary->setText(tr("The MCP listener is not running in this window: no requests "
                              "to show."));
    }
}

void RequestLogView::notify()
{
    if (!m_soon->isActive())
        m_soon->start();
}

void RequestLogView::refresh()
{
    if (!m_fetch)
        return;
    const std::vector<RequestLogEntry> entries = m_fetch();
    const std::int64_t newest = entries.empty() ? 0 : entries.back().timeMs;
    if (entries.size() == m_lastSize && newest == m_lastTime)
        return; // nothing new
    m_lastSize = entries.size();
    m_lastTime = newest;
    m_table->setSortingEnabled(false);
    m_model->removeRows(0, m_model->rowCount());
    m_model->setRowCount(int(entries.size()));
    int errors = 0;
    int row = 0;
    for (auto it = entries.rbegin(); it != entries.rend(); ++it, ++row) {
        const RequestLogEntry &e = *it;
        auto *time = new QStandardItem(
            QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz")));
        time->setData(qlonglong(e.timeMs), Qt::UserRole);
        const QString who =
            e.session.isEmpty() ? e.client : e.client + QStringLiteral(" / ") + e.session;
        auto *latency = new QStandardItem;
        latency->setData(e.latencyMs, Qt::DisplayRole);
        auto *status = new QStandardItem;
        status->setData(e.status, Qt::DisplayRole);
        if (e.status >= 400 || !e.error.isEmpty()) {
            status->setForeground(QColor(0xd3, 0x2f, 0x2f));
            status->setToolTip(e.error);
            ++errors;
        }
        m_model->setItem(row, 0, time);
        m_model->setItem(row, 1, new QStandardItem(who));
        m_model->setItem(row, 2, new QStandardItem(e.method));
        m_model->setItem(row, 3, new QStandardItem(e.tool));
        m_model->setItem(row, 4, latency);
        m_model->setItem(row, 5, status);
    }
    m_table->setSortingEnabled(true);
    m_summary->setText(tr("%n request(s) in the log", nullptr, int(entries.size())) +
                       QStringLiteral(" · ") + tr("%n error(s)", nullptr, errors));
}

void RequestLogView::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
}

int RequestLogView::rowCount() const
{
    return m_proxy->rowCount();
}

QString RequestLogView::cell(int row, int column) const
{
    return m_proxy->index(row, column).data().toString();
}

} // namespace wfs::studio
