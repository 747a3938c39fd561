// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "requestlogview.h"

#include <QComboBox>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSet>
#include <QSortFilterProxyModel>
#include <QStandardItemModel>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace wfs::studio {

namespace {

constexpr int kClientRole = Qt::UserRole + 1; ///< the client alone (without the session)

// The text filter plus the status, kind, tool and client choices.
class RequestFilterModel : public QSortFilterProxyModel
{
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;
    RequestLogView::StatusFilter status = RequestLogView::StatusFilter::All;
    QString kind, tool, client;
    void changed() { invalidateFilter(); }

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override
    {
        const QAbstractItemModel *m = sourceModel();
        const auto at = [&](int column, int role) {
            return m->index(row, column, parent).data(role);
        };
        const int code = at(RequestLogView::StatusColumn, Qt::UserRole).toInt();
        const QString rowKind = at(RequestLogView::KindColumn, Qt::UserRole).toString();
        const bool failed = code >= 400 || !rowKind.isEmpty();
        switch (status) {
        case RequestLogView::StatusFilter::All:
            break;
        case RequestLogView::StatusFilter::Errors:
            if (!failed)
                return false;
            break;
        case RequestLogView::StatusFilter::Success:
            if (failed)
                return false;
            break;
        case RequestLogView::StatusFilter::ClientErrors:
            if (code < 400 || code >= 500)
                return false;
            break;
        case RequestLogView::StatusFilter::ServerErrors:
            if (code < 500)
                return false;
            break;
        }
        if (!kind.isEmpty() && rowKind != kind)
            return false;
        if (!tool.isEmpty() && at(RequestLogView::ToolColumn, Qt::DisplayRole).toString() != tool)
            return false;
        if (!client.isEmpty() && at(RequestLogView::ClientColumn, kClientRole).toString() != client)
            return false;
        return QSortFilterProxyModel::filterAcceptsRow(row, parent);
    }
};

RequestFilterModel *filterModel(QSortFilterProxyModel *proxy)
{
    return static_cast<RequestFilterModel *>(proxy);
}

} // namespace

QString httpStatusText(int status)
{
    static const std::pair<int, const char *> kPhrases[] = {
        {200, "OK"},
        {202, "Accepted"},
        {204, "No Content"},
        {400, "Bad Request"},
        {401, "Unauthorized"},
        {403, "Forbidden"},
        {404, "Not Found"},
        {405, "Method Not Allowed"},
        {406, "Not Acceptable"},
        {409, "Conflict"},
        {413, "Payload Too Large"},
        {415, "Unsupported Media Type"},
        {429, "Too Many Requests"},
        {431, "Request Header Fields Too Large"},
        {500, "Internal Server Error"},
        {503, "Service Unavailable"}};
    for (const auto &[code, phrase] : kPhrases) {
        if (code == status)
            return QStringLiteral("%1 %2").arg(status).arg(QLatin1String(phrase));
    }
    return QString::number(status);
}

RequestLogView::RequestLogView(QWidget *parent)
    : QWidget(parent)
    , m_model(new QStandardItemModel(0, ColumnCount, this))
    , m_proxy(new RequestFilterModel(this))
    , m_table(new QTableView(this))
    , m_filter(new QLineEdit(this))
    , m_statusBox(new QComboBox(this))
    , m_kindBox(new QComboBox(this))
    , m_toolBox(new QComboBox(this))
    , m_clientBox(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_poll(new QTimer(this))
    , m_soon(new QTimer(this))
{
    setObjectName(QStringLiteral("requestLog"));
    m_model->setHorizontalHeaderLabels({tr("Time"), tr("Client / session"), tr("Method"),
                                        tr("Tool"), tr("Latency (ms)"), tr("Status"), tr("Kind"),
                                        tr("Reason")});
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_table->setModel(m_proxy);
    m_table->setObjectName(QStringLiteral("requestLogTable"));
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    // Widths that fit their contents; the reason takes what is left.
    QHeaderView *header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(true);
    const QFontMetrics fm(font());
    const int widths[ColumnCount - 1] = {
        fm.horizontalAdvance(QStringLiteral("00:00:00.000")) + 16,
        fm.horizontalAdvance(QStringLiteral("127.0.0.1:65535 / 0123abcd")) + 16,
        fm.horizontalAdvance(QStringLiteral("tools/call")) + 24,
        fm.horizontalAdvance(QStringLiteral("workflow_validate")) + 16,
        fm.horizontalAdvance(tr("Latency (ms)")) + 24,
        fm.horizontalAdvance(QStringLiteral("429 Too Many Requests")) + 16,
        fm.horizontalAdvance(QStringLiteral("protocol error")) + 16};
    for (int c = 0; c < ColumnCount - 1; ++c)
        header->resizeSection(c, widths[c]);

    m_filter->setObjectName(QStringLiteral("requestLogFilter"));
    m_filter->setPlaceholderText(tr("Filter (any column: client, method, tool, reason, “error”)…"));
    m_filter->setClearButtonEnabled(true);
    connect(m_filter, &QLineEdit::textChanged, this, &RequestLogView::setFilter);
    m_statusBox->setObjectName(QStringLiteral("requestLogStatus"));
    m_statusBox->addItem(tr("All statuses"), int(StatusFilter::All));
    m_statusBox->addItem(tr("Errors"), int(StatusFilter::Errors));
    m_statusBox->addItem(tr("Succeeded"), int(StatusFilter::Success));
    m_statusBox->addItem(tr("4xx"), int(StatusFilter::ClientErrors));
    m_statusBox->addItem(tr("5xx"), int(StatusFilter::ServerErrors));
    connect(m_statusBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setStatusFilter(StatusFilter(m_statusBox->itemData(i).toInt())); });
    m_kindBox->setObjectName(QStringLiteral("requestLogKind"));
    m_kindBox->addItem(tr("All kinds"), QString());
    m_kindBox->addItem(tr("Transport errors"), QStringLiteral("transport"));
    m_kindBox->addItem(tr("Protocol errors"), QStringLiteral("protocol"));
    m_kindBox->addItem(tr("Tool errors"), QStringLiteral("tool"));
    connect(m_kindBox, &QComboBox::currentIndexChanged, this,
            [this](int i) { setKindFilter(m_kindBox->itemData(i).toString()); });
    m_toolBox->setObjectName(QStringLiteral("requestLogTool"));
    m_toolBox->addItem(tr("All tools"), QString());
    connect(m_toolBox, &QComboBox::activated, this,
            [this](int i) { setToolFilter(m_toolBox->itemData(i).toString()); });
    m_clientBox->setObjectName(QStringLiteral("requestLogClient"));
    m_clientBox->addItem(tr("All clients"), QString());
    connect(m_clientBox, &QComboBox::activated, this,
            [this](int i) { setClientFilter(m_clientBox->itemData(i).toString()); });
    for (QComboBox *box : {m_toolBox, m_clientBox})
        box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
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

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_statusBox);
    filters->addWidget(m_kindBox);
    filters->addWidget(m_toolBox);
    filters->addWidget(m_clientBox);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
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

void RequestLogView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh(); // the current contents at once, not after the next poll
}

void RequestLogView::refillChoices(QComboBox *box, const QStringList &values)
{
    const QString current = box->currentData().toString();
    QStringList have;
    for (int i = 1; i < box->count(); ++i)
        have << box->itemData(i).toString();
    if (have == values)
        return;
    while (box->count() > 1)
        box->removeItem(1);
    for (const QString &v : values)
        box->addItem(v, v);
    box->setCurrentIndex(std::max(0, box->findData(current)));
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
    QSet<QString> tools, clients;
    const QColor red(0xd3, 0x2f, 0x2f);
    for (auto it = entries.rbegin(); it != entries.rend(); ++it, ++row) {
        const RequestLogEntry &e = *it;
        auto *time = new QStandardItem(
            QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(QStringLiteral("HH:mm:ss.zzz")));
        time->setData(qlonglong(e.timeMs), Qt::UserRole);
        const QString who =
            e.session.isEmpty() ? e.client : e.client + QStringLiteral(" / ") + e.session;
        auto *client = new QStandardItem(who);
        client->setData(e.client, kClientRole);
        auto *latency = new QStandardItem;
        latency->setData(e.latencyMs, Qt::DisplayRole);
        auto *status = new QStandardItem(httpStatusText(e.status));
        status->setData(e.status, Qt::UserRole);
        const bool failed = e.status >= 400 || !e.error.isEmpty() || !e.kind.isEmpty();
        QString kind = e.kind;
        if (failed && kind.isEmpty())
            kind = e.status >= 400 ? QStringLiteral("transport") : QStringLiteral("tool");
        auto *kindItem = new QStandardItem(failed ? tr("%1 error").arg(kind) : QString());
        kindItem->setData(failed ? kind : QString(), Qt::UserRole);
        // Every failure says why: its message, else the status' reason phrase.
        QString reason = e.error;
        if (failed && reason.isEmpty())
            reason = httpStatusText(e.status);
        auto *reasonItem = new QStandardItem(reason);
        reasonItem->setToolTip(reason);
        if (failed) {
            for (QStandardItem *item : {status, kindItem, reasonItem})
                item->setForeground(red);
            ++errors;
        }
        m_model->setItem(row, TimeColumn, time);
        m_model->setItem(row, ClientColumn, client);
        m_model->setItem(row, MethodColumn, new QStandardItem(e.method));
        m_model->setItem(row, ToolColumn, new QStandardItem(e.tool));
        m_model->setItem(row, LatencyColumn, latency);
        m_model->setItem(row, StatusColumn, status);
        m_model->setItem(row, KindColumn, kindItem);
        m_model->setItem(row, ReasonColumn, reasonItem);
        if (!e.tool.isEmpty())
            tools.insert(e.tool);
        if (!e.client.isEmpty())
            clients.insert(e.client);
    }
    m_table->setSortingEnabled(true);
    QStringList toolList(tools.begin(), tools.end());
    QStringList clientList(clients.begin(), clients.end());
    toolList.sort();
    clientList.sort();
    refillChoices(m_toolBox, toolList);
    refillChoices(m_clientBox, clientList);
    m_summary->setText(tr("%n request(s) in the log", nullptr, int(entries.size())) +
                       QStringLiteral(" · ") + tr("%n error(s)", nullptr, errors));
}

void RequestLogView::setFilter(const QString &text)
{
    if (m_filter->text() != text)
        m_filter->setText(text);
    m_proxy->setFilterFixedString(text);
}

void RequestLogView::applyFilters()
{
    filterModel(m_proxy)->changed();
}

void RequestLogView::setStatusFilter(StatusFilter filter)
{
    filterModel(m_proxy)->status = filter;
    const int i = m_statusBox->findData(int(filter));
    if (i >= 0 && i != m_statusBox->currentIndex())
        m_statusBox->setCurrentIndex(i);
    applyFilters();
}

void RequestLogView::setKindFilter(const QString &kind)
{
    filterModel(m_proxy)->kind = kind;
    const int i = m_kindBox->findData(kind);
    if (i >= 0 && i != m_kindBox->currentIndex())
        m_kindBox->setCurrentIndex(i);
    applyFilters();
}

void RequestLogView::setToolFilter(const QString &tool)
{
    filterModel(m_proxy)->tool = tool;
    const int i = m_toolBox->findData(tool);
    if (i >= 0 && i != m_toolBox->currentIndex())
        m_toolBox->setCurrentIndex(i);
    applyFilters();
}

void RequestLogView::setClientFilter(const QString &client)
{
    filterModel(m_proxy)->client = client;
    const int i = m_clientBox->findData(client);
    if (i >= 0 && i != m_clientBox->currentIndex())
        m_clientBox->setCurrentIndex(i);
    applyFilters();
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
