// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// SessionStore: engine sessions (a walk through one workflow by one client) and their
// append-only event log, persisted so that sessions survive a restart.
//
// This is the persistence side of the engine's SessionManager: save() after every state change,
// appendEvent() for every call the session sees, loadAll() at start-up. The event log cannot be
// updated (a trigger refuses it); removing a session removes its events.
#pragma once

#include "model/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::store {

class Database;

struct SessionRecord
{
    std::string id;
    std::string workflowId;
    std::string client;            ///< CallContext::client of the creator
    std::string status = "active"; ///< "active", "complete", "abandoned", ...
    std::string state = "{}"; ///< JSON text owned by the engine (completed steps, context, ...)
    std::int64_t createdAtMs = 0;
    std::int64_t updatedAtMs = 0;
};

struct SessionEvent
{
    std::int64_t seq = 0; ///< global, increasing
    std::string sessionId;
    std::int64_t atMs = 0;
    std::string kind;    ///< "tool_call", "step_completed", ...
    std::string payload; ///< JSON text
};

// One tool call of a session (table session_calls): the columns the heat map aggregates,
// then the call as sent and answered (session replay).
struct CallRecord
{
    std::int64_t seq = 0; ///< global, increasing
    std::string sessionId;
    std::string workflowId;
    std::int64_t atMs = 0;
    std::string tool;      ///< "workflow_next", "workflow_validate"
    std::string stepId;    ///< next: the step handed out; validate: the step validated
    std::string loopId;    ///< next: the loop whose body step was handed out
    int pass = 0;          ///< next: that loop's pass (1-based); 0 outside loops
    bool complete = false; ///< next: isComplete
    int valid = -1;        ///< validate: 1 valid, 0 not; -1 for other tools
    bool isError = false;
    std::string arguments = "{}"; ///< JSON text
    std::string answer;           ///< JSON text ("" for plain-text answers)
};

// Which sessions the heat map (heatmap.h) reads.
struct HeatFilter
{
    std::int64_t sinceMs = 0; ///< sessions updated at or after (epoch ms); 0 = all
    /// "" = every client. Else a session's client matches when it is this text, or its agent
    /// name ("Claude Code" for "Claude Code (http:1a2b)"), or its transport ("stdio",
    /// "http:1a2b", or "http" for every HTTP client).
    std::string client;
};

// One row of the heat map's aggregation: the columns of a call it reads (a call of the
// workflow, in session and seq order).
struct HeatCall
{
    std::string sessionId;
    std::int64_t atMs = 0;
    std::string tool;
    std::string stepId;
    std::string loopId;
    int pass = 0;
    bool complete = false;
    int valid = -1;
    bool isError = false;
};

// What the engine's persistence needs from a session store, as an interface: the SQLite
// SessionStore below implements it; a second backend (PostgreSQL, a team server) implements the
// same calls with the same meaning.
class AbstractSessionStore
{
public:
    virtual ~AbstractSessionStore() = default;

    // Inserts or replaces the session (created_at is kept from the first save).
    virtual Result<void> save(const SessionRecord &session) = 0;
    virtual Result<std::optional<SessionRecord>> load(std::string_view id) = 0;
    // Most recently updated first; `limit` 0 = all.
    virtual Result<std::vector<SessionRecord>> loadAll(int limit = 0) = 0;
    virtual Result<bool> remove(std::string_view id) = 0;
    // Appends to the log of an existing session; returns the event's seq.
    virtual Result<std::int64_t> appendEvent(std::string_view sessionId, std::string_view kind,
                                             std::string_view payload, std::int64_t atMs = 0) = 0;
    virtual Result<std::vector<SessionEvent>> events(std::string_view sessionId,
                                                     std::int64_t afterSeq = 0) = 0;
    // Appends an event of `kind` and deletes the session's earlier events of that kind (a
    // snapshot event such as "saved" is only ever read last: the log stays one row per session
    // and kind, however often the session is flushed). Returns the new event's seq.
    virtual Result<std::int64_t> replaceEvent(std::string_view sessionId, std::string_view kind,
                                              std::string_view payload, std::int64_t atMs = 0) = 0;

    // Retention. Deletes the sessions (with their events and calls) last updated before
    // `beforeMs` (0 = no age limit) and those beyond the `keepSessions` most recently updated
    // (0 = no count limit); then the oldest calls beyond `keepCalls` rows in all (0 = no limit).
    struct Pruned
    {
        int sessions = 0;
        std::int64_t calls = 0;
    };
    virtual Result<Pruned> prune(std::int64_t beforeMs, int keepSessions,
                                 std::int64_t keepCalls) = 0;
    virtual Result<std::int64_t> sessionCount() = 0;
    // The call log: appends one call of an existing session (returns its seq); the calls of one
    // session in order.
    virtual Result<std::int64_t> appendCall(const CallRecord &call) = 0;
    virtual Result<std::vector<CallRecord>> calls(std::string_view sessionId) = 0;

    // What the heat map reads (heatmap.h). The calls of `workflowId` whose session passes
    // `filter` (updated at or after sinceMs; its client is the filter text, or that text is its
    // agent name, its transport or "http" for any HTTP client), grouped by session (sessions in
    // byte order of their id), each session's calls in seq order.
    virtual Result<std::vector<HeatCall>> heatCalls(std::string_view workflowId,
                                                    const HeatFilter &filter) = 0;
    // The distinct client strings (as recorded, not reduced to agent names) of the sessions
    // that have calls of `workflowId`, in no particular order.
    virtual Result<std::vector<std::string>> callClients(std::string_view workflowId) = 0;
};

class SessionStore final : public AbstractSessionStore
{
public:
    explicit SessionStore(Database &db);
    Result<void> save(const SessionRecord &session) override;
    Result<std::optional<SessionRecord>> load(std::string_view id) override;
    Result<std::vector<SessionRecord>> loadAll(int limit = 0) override;
    Result<bool> remove(std::string_view id) override;
    Result<std::int64_t> appendEvent(std::string_view sessionId, std::string_view kind,
                                     std::string_view payload, std::int64_t atMs = 0) override;
    Result<std::vector<SessionEvent>> events(std::string_view sessionId,
                                             std::int64_t afterSeq = 0) override;
    Result<std::int64_t> replaceEvent(std::string_view sessionId, std::string_view kind,
                                      std::string_view payload, std::int64_t atMs = 0) override;
    Result<Pruned> prune(std::int64_t beforeMs, int keepSessions, std::int64_t keepCalls) override;
    Result<std::int64_t> sessionCount() override;
    Result<std::int64_t> appendCall(const CallRecord &call) override;
    Result<std::vector<CallRecord>> calls(std::string_view sessionId) override;
    // Unfiltered: the covering index session_calls_heat alone.
    Result<std::vector<HeatCall>> heatCalls(std::string_view workflowId,
                                            const HeatFilter &filter) override;
    Result<std::vector<std::string>> callClients(std::string_view workflowId) override;

private:
    Database &m_db;
};

} // namespace wfs::store
