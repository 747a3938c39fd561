// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The Streamable HTTP listener's session table: one HttpSession per Mcp-Session-Id, with its
// open GET stream (an EventStream), the events kept for Last-Event-ID replay and its idle
// clock. Sessions expire after an idle timeout (unless a stream is open) and the least recently
// used one is evicted at the cap; either way the dispatcher's session is closed, which ends the
// engine's session too. Thread-safe.
//
//   SessionTable table(dispatcher, {.idleTimeout = 1h, .maxSessions = 1000});
//   auto s = table.create();                 // on initialize
//   auto s = table.find(id, &expired);       // on every later request (null → 404)
//   table.remove(id);                        // DELETE
#pragma once

#include "dispatcher.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace wfs::mcp {

// A session's server-to-client SSE stream (a GET connection of the listener).
class EventStream
{
public:
    virtual ~EventStream() = default;
    virtual void sendEvent(std::string event) = 0; ///< from any thread
    virtual void close() = 0;                      ///< from any thread
};

struct HttpSession
{
    std::shared_ptr<Session> mcp;
    std::atomic<std::int64_t> lastUsedMs{0};
    std::atomic<std::uint64_t> nextEvent{1};
    std::mutex mutex;                                         ///< guards the members below
    std::weak_ptr<EventStream> stream;                        ///< the open GET stream, if any
    std::deque<std::pair<std::uint64_t, std::string>> replay; ///< GET events (id, event text)
    bool closed = false;

    explicit HttpSession(std::shared_ptr<Session> s)
        : mcp(std::move(s))
    {}
};

// One SSE event ("event: message", optional id, one data line).
std::string sseEvent(const std::string &id, const std::string &data);
// One chunk of a chunked HTTP body.
std::string httpChunk(const std::string &data);

class SessionTable
{
public:
    struct Options
    {
        std::chrono::seconds idleTimeout{3600};
        std::size_t maxSessions = 1000;
        std::size_t replayCapacity = 256;
    };

    SessionTable(Dispatcher &dispatcher, Options options);

    // The live session `id` (its idle clock restarted), or null; `expired` says whether it
    // existed and has just expired.
    std::shared_ptr<HttpSession> find(const std::string &id, bool *expired);
    // A new session (for an initialize), evicting the least recently used one at the cap.
    std::shared_ptr<HttpSession> create();
    // Ends a session: the dispatcher's (and the engine's) session, and its stream.
    void remove(const std::string &id);
    // Ends every session (the listener stops).
    void clear();
    // Queues a server-to-client message on the session's GET stream (kept for replay).
    void deliver(const std::shared_ptr<HttpSession> &session, const Json &message);
    std::size_t size() const;

private:
    void endSession(const std::shared_ptr<HttpSession> &session); ///< without the table lock

    Dispatcher &m_dispatcher;
    Options m_options;
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<HttpSession>> m_sessions;
};

} // namespace wfs::mcp
