// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The MCP request log: the last N requests of every transport (stdio and HTTP), for the
// studio's request-log view. The dispatcher appends one entry per JSON-RPC request it answers
// (notifications are not logged); the HTTP server appends the requests it rejects before they
// reach the dispatcher (401, 403, 404, 413, 429, ...).
//
// Thread-safe and bounded (a ring of `capacity` entries). append() is a short critical section;
// the view reads with snapshot(n) or, incrementally, with since(sequence). appended() is
// coalesced: it is emitted once after the first append following a read, not once per request,
// so a busy server queues at most one event to the GUI per refresh.
//
//   QObject::connect(&dispatcher.requestLog(), &mcp::RequestLog::appended, view, [view, &log] {
//       view->add(log.since(view->lastSequence()));   // delivered in the view's thread
//   });
#pragma once

#include <QObject>

#include <atomic>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <vector>

namespace wfs::mcp {

struct RequestLogEntry
{
    std::uint64_t sequence = 0; ///< 1, 2, 3, ... in append order (never reused)
    std::int64_t timeMs = 0;    ///< wall clock (Unix epoch ms) when the request arrived
    std::string transport;      ///< "stdio" or "http"
    std::string session;        ///< MCP session id ("" when none: rejected before a session)
    std::string client;         ///< clientInfo name of the session, else the peer address
    std::string method;         ///< JSON-RPC method ("" when the body was not a request)
    std::string tool;           ///< tools/call tool name, "" otherwise
    std::int64_t latencyUs = 0; ///< until the answer was computed (HTTP: handed to the socket)
    int status = 0;             ///< HTTP status for HTTP rejections, else 0
    int errorCode = 0;          ///< JSON-RPC error code, 0 when the request succeeded
    bool isError = false;       ///< a JSON-RPC error, a tool result with isError, or an HTTP error
    std::string error;          ///< the error message ("" when ok)
    // Where it failed ("" when ok): "transport" (the HTTP listener refused it: 401, 403, 413,
    // 429, a missing Mcp-Session-Id, ...), "protocol" (a JSON-RPC error) or "tool" (isError).
    std::string kind;
};

class RequestLog : public QObject
{
    Q_OBJECT
public:
    explicit RequestLog(std::size_t capacity = 1000, QObject *parent = nullptr);

    // Adds an entry (its sequence is assigned here) and drops the oldest beyond capacity.
    void append(RequestLogEntry entry);

    // The last `n` entries (all when n == 0 or n > size()), oldest first.
    std::vector<RequestLogEntry> snapshot(std::size_t n = 0) const;
    // The entries with a sequence above `sequence` that are still kept, oldest first.
    std::vector<RequestLogEntry> since(std::uint64_t sequence) const;
    // The sequence of the newest entry (0 when nothing was ever logged).
    std::uint64_t lastSequence() const;
    std::size_t size() const;
    std::size_t capacity() const { return m_capacity; }
    void clear();

signals:
    // Entries were appended since the last snapshot()/since() call. Emitted from the appending
    // thread; connect with a queued (or auto) connection from a GUI object.
    void appended();

private:
    const std::size_t m_capacity;
    mutable std::mutex m_mutex;
    std::deque<RequestLogEntry> m_entries;
    std::uint64_t m_sequence = 0;
    mutable std::atomic<bool> m_notifyPending{false};
};

} // namespace wfs::mcp
