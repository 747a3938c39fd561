// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The MCP request log: a table (time, client/session, method, tool, latency, status) with a
// filter, showing the bounded ring buffer the MCP listener keeps (mcp::HttpServer::requestLog(),
// at most its requestLogCapacity entries). The view polls its fetch function once a second while
// visible, and at once after notify() (connect the server's requestLogged signal to it).
#pragma once

#include <QString>
#include <QWidget>

#include <cstdint>
#include <functional>
#include <vector>

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
};

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
    int rowCount() const; ///< rows shown after filtering
    QString cell(int row, int column) const;

public slots:
    // New entries are available: refresh soon (coalesced).
    void notify();

private:
    Fetch m_fetch;
    QStandardItemModel *m_model;
    QSortFilterProxyModel *m_proxy;
    QTableView *m_table;
    QLineEdit *m_filter;
    QLabel *m_summary;
    QTimer *m_poll;
    QTimer *m_soon;
    std::int64_t m_lastTime = -1;
    std::size_t m_lastSize = 0;
};

} // namespace wfs::studio
