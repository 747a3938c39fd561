// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The MCP request log: a table (time, client/session, method, tool, latency, status with its
// reason phrase, failure kind, reason) showing the bounded ring buffer the MCP listener keeps
// (mcp::HttpServer::requestLog(), at most its requestLogCapacity entries), filtered by status
// class, failure kind, tool, client and free text. The view reads its fetch function as soon as
// it is shown, then once a second while visible and soon after notify() (connect the log's
// appended signal to it).
#pragma once

#include <QString>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <vector>

class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QStandardItemModel;
class QTableView;
class QTimer;

namespace wfs::studio {

struct RequestLogEntry
{
    std::int64_t timeMs = 0; ///< epoch milliseconds
    QString client;          ///< remote address or client name
    QString session;         ///< MCP session id (may be shortened), "" when none
    QString method;          ///< JSON-RPC method ("tools/call", ...) or the HTTP method
    QString tool;            ///< tools/call name, "" otherwise
    double latencyMs = 0;
    int status = 0; ///< HTTP status (200, 4xx, ...)
    QString error;  ///< JSON-RPC error or failed tool result ("" when the request succeeded)
    QString kind;   ///< where it failed: "transport", "protocol", "tool" ("" when it succeeded)
};

// "200 OK", "401 Unauthorized", ...: the status with its reason phrase.
QString httpStatusText(int status);

class RequestLogView : public QWidget
{
    Q_OBJECT
public:
    using Fetch = std::function<std::vector<RequestLogEntry>()>;

    explicit RequestLogView(QWidget *parent = nullptr);

    // Where entries come from (oldest first). Without one the view says so.
    void setFetch(Fetch fetch);
    // Reads the source now and shows its entries (newest first).
    void refresh();
    // Shows only rows containing `text` in any column (case-insensitive).
    void setFilter(const QString &text);
    enum class StatusFilter { All, Errors, Success, ClientErrors, ServerErrors };
    void setStatusFilter(StatusFilter filter);
    // "" = every kind / tool / client.
    void setKindFilter(const QString &kind);
    void setToolFilter(const QString &tool);
    void setClientFilter(const QString &client);
    enum Column {
        TimeColumn,
        ClientColumn,
        MethodColumn,
        ToolColumn,
        LatencyColumn,
        StatusColumn,
        KindColumn,
        ReasonColumn,
        ColumnCount
    };
    int rowCount() const; ///< rows shown after filtering
    QString cell(int row, int column) const;

public slots:
    // New entries are available: refresh soon (coalesced).
    void notify();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refillChoices(QComboBox *box, const QStringList &values);
    void applyFilters();

    Fetch m_fetch;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QComboBox *m_statusBox;
    QComboBox *m_kindBox;
    QComboBox *m_toolBox;
    QComboBox *m_clientBox;
    QLabel *m_summary;
    QTimer *m_poll;
    QTimer *m_soon;
    std::int64_t m_lastTime = -1;
    std::size_t m_lastSize = 0;
};

} // namespace wfs::studio
