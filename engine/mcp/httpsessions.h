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

#include "model/result.h"

#include <atomic>
#include <chrono>
#include <cstdint>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
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

// Where a team server keeps its MCP sessions beyond this process (wfs_services adapts the
// shared store to it): the listener saves a session once its initialize is answered (before
// the answer leaves) and again when it becomes ready, and looks up an id it does not know, so
// that any instance behind a round-robin balancer serves any session. Thread-safe; a failure
// is an error text (the store is down), which the listener answers with 503.
class SessionDirectory
{
public:
    struct Entry
    {
        std::string id;
        std::string protocolVersion;
        Json clientInfo = Json::object();
        bool ready = false; ///< notifications/initialized received
    };
    virtual ~SessionDirectory() = default;
    virtual Result<void> save(const Entry &entry) = 0;
    virtual Result<std::optional<Entry>> load(const std::string &id) = 0;
    virtual Result<void> remove(const std::string &id) = 0;

    // The server-to-client events of GET streams, kept for a bounded time so that a client that
    // reconnects to another instance with Last-Event-ID resumes there. appendEvent() returns
    // the event's id ("" = not kept: the listener numbers it locally); eventsAfter() the
    // (id, JSON-RPC message text) pairs after `afterId`, oldest first. Defaults: not kept.
    virtual std::string appendEvent(const std::string &sessionId, const std::string &message)
    {
        (void)sessionId;
        (void)message;
        return {};
    }
    virtual std::vector<std::pair<std::string, std::string>>
    eventsAfter(const std::string &sessionId, const std::string &afterId)
    {
        (void)sessionId;
        (void)afterId;
        return {};
    }
};

struct HttpSession
{
    std::shared_ptr<Session> mcp;
    std::atomic<bool> saved{false};      ///< the directory has it (SessionTable::share)
    std::atomic<bool> savedReady{false}; ///< ... as ready
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
        /// A team server's shared sessions; null = sessions live in this process only. With a
        /// directory, a session that expires or is evicted here is only forgotten here (it may
        /// go on elsewhere); DELETE ends it everywhere.
        std::shared_ptr<SessionDirectory> directory;
    };

    SessionTable(Dispatcher &dispatcher, Options options);

    // The live session `id` (its idle clock restarted), or null; `expired` says whether it
    // existed and has just expired. With a directory, an id unknown here is looked up there
    // (and adopted); `storeError` is set when the directory could not be asked.
    std::shared_ptr<HttpSession> find(const std::string &id, bool *expired,
                                      std::string *storeError = nullptr);
    // Saves the session in the directory when its state there is behind (after initialize was
    // answered, after it became ready). No directory: nothing to do.
    Result<void> share(const std::shared_ptr<HttpSession> &session);
    // A new session (for an initialize), evicting the least recently used one at the cap.
    std::shared_ptr<HttpSession> create();
    // Ends a session: the dispatcher's (and the engine's) session, and its stream.
    void remove(const std::string &id);
    // Ends every session (the listener stops).
    void clear();
    // Queues a server-to-client message on the session's GET stream (kept for replay; with a
    // directory that keeps events, there too, under an id "r<id>" any instance can resume from).
    void deliver(const std::shared_ptr<HttpSession> &session, const Json &message);
    std::size_t size() const;
    // The events of a GET stream after Last-Event-ID `lastEventId` as SSE text: "g<n>" from
    // this instance's replay buffer, "r<id>" from the directory (another instance's stream).
    std::string replayAfter(const std::shared_ptr<HttpSession> &session,
                            const std::string &lastEventId);

private:
    void endSession(const std::shared_ptr<HttpSession> &session); ///< without the table lock
    // Expired or evicted here: ended, or with a directory only forgotten here.
    void dropSession(const std::shared_ptr<HttpSession> &session);
    std::shared_ptr<HttpSession> registerSession(std::shared_ptr<Session> mcp);

    Dispatcher &m_dispatcher;
    Options m_options;
    mutable std::mutex m_mutex;
    std::map<std::string, std::shared_ptr<HttpSession>> m_sessions;
};

} // namespace wfs::mcp
