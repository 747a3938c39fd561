// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Sessions, their event and call logs, the PostgreSQL SessionSink and the MCP session store.
// Each public call leases one pooled connection; the sink's save is one transaction.
#include "pgconnection.h"
#include "pgstores.h"

#include "engine/store/sessionsink.h"

#include <QByteArrayView>
#include <QDateTime>

namespace wfs::pg {

using namespace detail;
using store::CallRecord;
using store::SessionEvent;
using store::SessionRecord;

namespace {

std::int64_t orNow(std::int64_t ms)
{
    return ms ? ms : QDateTime::currentMSecsSinceEpoch();
}

constexpr Statement kSave{
    "wfs_session_save",
    "INSERT INTO sessions(id, workflow_id, client, status, state, created_at, updated_at)"
    " VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT(id) DO UPDATE SET"
    " workflow_id = excluded.workflow_id, client = excluded.client, status = excluded.status,"
    " state = excluded.state, updated_at = excluded.updated_at"};
constexpr Statement kLoad{"wfs_session_load",
                          "SELECT id, workflow_id, client, status, state, created_at, updated_at"
                          " FROM sessions WHERE id = $1"};
constexpr Statement kLoadAll{"wfs_session_load_all",
                             "SELECT id, workflow_id, client, status, state, created_at,"
                             " updated_at FROM sessions ORDER BY updated_at DESC, id LIMIT $1"};
constexpr Statement kRemove{"wfs_session_remove", "DELETE FROM sessions WHERE id = $1"};
constexpr Statement kAppendEvent{"wfs_session_append_event",
                                 "INSERT INTO session_events(session_id, at, kind, payload)"
                                 " VALUES($1, $2, $3, $4) RETURNING seq"};
constexpr Statement kDeleteKind{"wfs_session_delete_kind",
                                "DELETE FROM session_events WHERE session_id = $1 AND kind = $2"};
constexpr Statement kEvents{"wfs_session_events",
                            "SELECT seq, session_id, at, kind, payload FROM session_events"
                            " WHERE session_id = $1 AND seq > $2 ORDER BY seq"};
constexpr Statement kPruneOld{"wfs_session_prune_old",
                              "DELETE FROM sessions WHERE updated_at < $1"};
constexpr Statement kPruneBeyond{"wfs_session_prune_beyond",
                                 "DELETE FROM sessions WHERE id IN (SELECT id FROM sessions"
                                 " ORDER BY updated_at DESC, id OFFSET $1)"};
constexpr Statement kPruneCalls{"wfs_session_prune_calls",
                                "DELETE FROM session_calls WHERE seq <= (SELECT max(seq) FROM"
                                " session_calls) - $1"};
constexpr Statement kCount{"wfs_session_count", "SELECT count(*) FROM sessions"};
constexpr Statement kAppendCall{
    "wfs_session_append_call",
    "INSERT INTO session_calls(session_id, workflow_id, at, tool, step_id, loop_id, pass,"
    " complete, valid, is_error, arguments, answer)"
    " VALUES($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING seq"};
// The heat map's rows (store::SessionStore::heatCalls's query): sessions in byte order of their
// id as in SQLite (COLLATE "C"), whatever the database's collation. A session's client matches
// the filter text $3 when it is that text, its agent name ("name (transport)"), its transport
// ("… (stdio)", "http:1a2b"), or "http" for any HTTP one; $3 is typed text everywhere (in
// '(' || $3 || ')' PostgreSQL could not tell which || is meant).
constexpr Statement kHeatCalls{
    "wfs_session_heat_calls",
    "SELECT c.session_id, c.at, c.tool, c.step_id, c.loop_id, c.pass, c.complete,"
    " coalesce(c.valid, -1), c.is_error FROM session_calls c"
    " WHERE c.workflow_id = $1::text"
    " ORDER BY c.session_id COLLATE \"C\", c.seq"};
constexpr Statement kHeatCallsFiltered{
    "wfs_session_heat_calls_filtered",
    "SELECT c.session_id, c.at, c.tool, c.step_id, c.loop_id, c.pass, c.complete,"
    " coalesce(c.valid, -1), c.is_error FROM session_calls c"
    " JOIN sessions s ON s.id = c.session_id"
    " WHERE c.workflow_id = $1::text AND s.updated_at >= $2::bigint"
    " AND ($3::text = '' OR s.client = $3::text"
    " OR left(s.client, length($3::text) + 2) = $3::text || ' ('"
    " OR right(s.client, length($3::text) + 2) = '(' || $3::text || ')'"
    " OR left(s.client, length($3::text) + 1) = $3::text || ':'"
    " OR strpos(s.client, '(' || $3::text || ':') > 0)"
    " ORDER BY c.session_id COLLATE \"C\", c.seq"};
constexpr Statement kCallClients{"wfs_session_call_clients",
                                 "SELECT DISTINCT s.client FROM sessions s WHERE s.id IN"
                                 " (SELECT c.session_id FROM session_calls c"
                                 " WHERE c.workflow_id = $1::text)"};
constexpr Statement kCalls{"wfs_session_calls",
                           "SELECT seq, session_id, workflow_id, at, tool, step_id, loop_id, pass,"
                           " complete, coalesce(valid, -1), is_error, arguments, answer"
                           " FROM session_calls WHERE session_id = $1 ORDER BY seq"};

SessionRecord readSession(const PgRows &rows, int i)
{
    SessionRecord s;
    s.id = rows.text(i, 0);
    s.workflowId = rows.text(i, 1);
    s.client = rows.text(i, 2);
    s.status = rows.text(i, 3);
    s.state = rows.text(i, 4);
    s.createdAtMs = rows.integer(i, 5);
    s.updatedAtMs = rows.integer(i, 6);
    return s;
}

// Text a PostgreSQL text column can hold: valid UTF-8 without NUL bytes.
bool storable(std::string_view s)
{
    return s.find('\0') == std::string_view::npos &&
           QByteArrayView(s.data(), qsizetype(s.size())).isValidUtf8();
}

Param boolean(bool b)
{
    return std::string(b ? "true" : "false");
}

} // namespace

PgSessionStore::PgSessionStore(std::shared_ptr<PgPool> pool)
    : m_pool(std::move(pool))
{}

Result<void> PgSessionStore::saveOn(PgConnection &conn, const SessionRecord &session)
{
    if (session.id.empty())
        return Result<void>::failure("session has an empty id; not stored");
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    Result<PgRows> r =
        conn.exec(kSave, {text(session.id), text(session.workflowId), text(session.client),
                          text(session.status), text(session.state),
                          integer(session.createdAtMs ? session.createdAtMs : now),
                          integer(session.updatedAtMs ? session.updatedAtMs : now)});
    if (!r)
        return Result<void>::failure("cannot save session '" + session.id + "': " + r.error());
    return {};
}

Result<void> PgSessionStore::save(const SessionRecord &session)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<void>::failure(lease.error());
    return saveOn(**lease, session);
}

Result<std::optional<SessionRecord>> PgSessionStore::load(std::string_view id)
{
    using R = Result<std::optional<SessionRecord>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kLoad, {text(id)});
    if (!rows)
        return R::failure(rows.error());
    if (rows->empty())
        return std::optional<SessionRecord>();
    return std::optional<SessionRecord>(readSession(*rows, 0));
}

Result<std::vector<SessionRecord>> PgSessionStore::loadAll(int limit)
{
    using R = Result<std::vector<SessionRecord>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows =
        (*lease)->exec(kLoadAll, {limit > 0 ? integer(limit) : Param(std::nullopt)});
    if (!rows)
        return R::failure(rows.error());
    std::vector<SessionRecord> out;
    out.reserve(std::size_t(rows->size()));
    for (int i = 0; i < rows->size(); ++i)
        out.push_back(readSession(*rows, i));
    return out;
}

Result<bool> PgSessionStore::remove(std::string_view id)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<bool>::failure(lease.error());
    Result<PgRows> r = (*lease)->exec(kRemove, {text(id)});
    if (!r)
        return Result<bool>::failure(r.error());
    return r->affected() > 0;
}

Result<std::int64_t> PgSessionStore::appendEventOn(PgConnection &conn, std::string_view sessionId,
                                                   std::string_view kind, std::string_view payload,
                                                   std::int64_t atMs)
{
    Result<PgRows> r =
        conn.exec(kAppendEvent, {text(sessionId), integer(orNow(atMs)), text(kind), text(payload)});
    if (!r)
        return Result<std::int64_t>::failure("cannot log event for session '" +
                                             std::string(sessionId) + "': " + r.error());
    return r->integer(0, 0);
}

Result<std::int64_t> PgSessionStore::appendEvent(std::string_view sessionId, std::string_view kind,
                                                 std::string_view payload, std::int64_t atMs)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<std::int64_t>::failure(lease.error());
    return appendEventOn(**lease, sessionId, kind, payload, atMs);
}

Result<std::int64_t> PgSessionStore::replaceEventOn(PgConnection &conn, std::string_view sessionId,
                                                    std::string_view kind, std::string_view payload,
                                                    std::int64_t atMs)
{
    if (Result<PgRows> r = conn.exec(kDeleteKind, {text(sessionId), text(kind)}); !r)
        return Result<std::int64_t>::failure("cannot compact the events of session '" +
                                             std::string(sessionId) + "': " + r.error());
    return appendEventOn(conn, sessionId, kind, payload, atMs);
}

Result<std::int64_t> PgSessionStore::replaceEvent(std::string_view sessionId, std::string_view kind,
                                                  std::string_view payload, std::int64_t atMs)
{
    using R = Result<std::int64_t>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Transaction tx(**lease);
    if (!tx.begun())
        return R::failure(tx.begun().error());
    R seq = replaceEventOn(**lease, sessionId, kind, payload, atMs);
    if (!seq)
        return seq;
    if (Result<void> c = tx.commit(); !c)
        return R::failure(c.error());
    return seq;
}

Result<store::AbstractSessionStore::Pruned>
PgSessionStore::prune(std::int64_t beforeMs, int keepSessions, std::int64_t keepCalls)
{
    using R = Result<Pruned>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    PgConnection &conn = **lease;
    Transaction tx(conn);
    if (!tx.begun())
        return R::failure(tx.begun().error());
    Pruned out;
    // Events and calls go with their session (ON DELETE CASCADE).
    if (beforeMs > 0) {
        Result<PgRows> r = conn.exec(kPruneOld, {integer(beforeMs)});
        if (!r)
            return R::failure("cannot prune old sessions: " + r.error());
        out.sessions += int(r->affected());
    }
    if (keepSessions > 0) {
        Result<PgRows> r = conn.exec(kPruneBeyond, {integer(keepSessions)});
        if (!r)
            return R::failure("cannot prune sessions beyond the limit: " + r.error());
        out.sessions += int(r->affected());
    }
    if (keepCalls > 0) {
        // seq only grows: the calls beyond the newest keepCalls are those below this seq.
        Result<PgRows> r = conn.exec(kPruneCalls, {integer(keepCalls)});
        if (!r)
            return R::failure("cannot prune the call log: " + r.error());
        out.calls += r->affected();
    }
    if (Result<void> c = tx.commit(); !c)
        return R::failure(c.error());
    return out;
}

Result<std::int64_t> PgSessionStore::sessionCount()
{
    using R = Result<std::int64_t>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> r = (*lease)->exec(kCount);
    if (!r)
        return R::failure(r.error());
    return r->integer(0, 0);
}

Result<std::vector<SessionEvent>> PgSessionStore::events(std::string_view sessionId,
                                                         std::int64_t afterSeq)
{
    using R = Result<std::vector<SessionEvent>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kEvents, {text(sessionId), integer(afterSeq)});
    if (!rows)
        return R::failure(rows.error());
    std::vector<SessionEvent> out;
    for (int i = 0; i < rows->size(); ++i) {
        SessionEvent e;
        e.seq = rows->integer(i, 0);
        e.sessionId = rows->text(i, 1);
        e.atMs = rows->integer(i, 2);
        e.kind = rows->text(i, 3);
        e.payload = rows->text(i, 4);
        out.push_back(std::move(e));
    }
    return out;
}

Result<std::int64_t> PgSessionStore::appendCallOn(PgConnection &conn, const CallRecord &c)
{
    Result<PgRows> r = conn.exec(
        kAppendCall, {text(c.sessionId), text(c.workflowId), integer(orNow(c.atMs)), text(c.tool),
                      text(c.stepId), text(c.loopId), integer(c.pass), boolean(c.complete),
                      c.valid < 0 ? Param(std::nullopt) : integer(c.valid), boolean(c.isError),
                      text(c.arguments), text(c.answer)});
    if (!r)
        return Result<std::int64_t>::failure("cannot log a call of session '" + c.sessionId +
                                             "': " + r.error());
    return r->integer(0, 0);
}

Result<std::int64_t> PgSessionStore::appendCall(const CallRecord &call)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<std::int64_t>::failure(lease.error());
    return appendCallOn(**lease, call);
}

Result<std::vector<CallRecord>> PgSessionStore::calls(std::string_view sessionId)
{
    using R = Result<std::vector<CallRecord>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kCalls, {text(sessionId)});
    if (!rows)
        return R::failure(rows.error());
    std::vector<CallRecord> out;
    for (int i = 0; i < rows->size(); ++i) {
        CallRecord c;
        c.seq = rows->integer(i, 0);
        c.sessionId = rows->text(i, 1);
        c.workflowId = rows->text(i, 2);
        c.atMs = rows->integer(i, 3);
        c.tool = rows->text(i, 4);
        c.stepId = rows->text(i, 5);
        c.loopId = rows->text(i, 6);
        c.pass = int(rows->integer(i, 7));
        c.complete = rows->boolean(i, 8);
        c.valid = int(rows->integer(i, 9));
        c.isError = rows->boolean(i, 10);
        c.arguments = rows->text(i, 11);
        c.answer = rows->text(i, 12);
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<store::HeatCall>> PgSessionStore::heatCalls(std::string_view workflowId,
                                                               const store::HeatFilter &filter)
{
    using R = Result<std::vector<store::HeatCall>>;
    // A text PostgreSQL cannot hold is no stored workflow id nor client, nor any part of a
    // client that the filter compares (each is bounded by ASCII or the text's ends): nothing
    // matches, as in SQLite.
    if (!storable(workflowId) || !storable(filter.client))
        return std::vector<store::HeatCall>();
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    const bool filtered = filter.sinceMs > 0 || !filter.client.empty();
    Result<PgRows> rows =
        filtered ? (*lease)->exec(kHeatCallsFiltered,
                                  {text(workflowId), integer(filter.sinceMs), text(filter.client)})
                 : (*lease)->exec(kHeatCalls, {text(workflowId)});
    if (!rows)
        return R::failure(rows.error());
    std::vector<store::HeatCall> out;
    out.reserve(std::size_t(rows->size()));
    for (int i = 0; i < rows->size(); ++i) {
        store::HeatCall c;
        c.sessionId = rows->text(i, 0);
        c.atMs = rows->integer(i, 1);
        c.tool = rows->text(i, 2);
        c.stepId = rows->text(i, 3);
        c.loopId = rows->text(i, 4);
        c.pass = int(rows->integer(i, 5));
        c.complete = rows->boolean(i, 6);
        c.valid = int(rows->integer(i, 7));
        c.isError = rows->boolean(i, 8);
        out.push_back(std::move(c));
    }
    return out;
}

Result<std::vector<std::string>> PgSessionStore::callClients(std::string_view workflowId)
{
    using R = Result<std::vector<std::string>>;
    if (!storable(workflowId))
        return std::vector<std::string>();
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kCallClients, {text(workflowId)});
    if (!rows)
        return R::failure(rows.error());
    std::vector<std::string> out;
    out.reserve(std::size_t(rows->size()));
    for (int i = 0; i < rows->size(); ++i)
        out.push_back(rows->text(i, 0));
    return out;
}

// --- the SessionSink ---------------------------------------------------------------------------

PgSessionSink::PgSessionSink(std::shared_ptr<PgPool> pool)
    : m_pool(pool)
    , m_store(std::move(pool))
{}

void PgSessionSink::fail(const std::string &error)
{
    m_failures.fetch_add(1, std::memory_order_relaxed);
    {
        std::lock_guard lock(m_errorMutex);
        m_lastError = error;
    }
    qWarning("session store: %s", error.c_str());
}

void PgSessionSink::sessionSaved(const Session &session)
{
    SessionRecord r;
    r.id = session.id;
    r.workflowId = session.workflowId;
    r.client = session.client;
    r.status = session.complete ? "complete" : session.ended ? "ended" : "active";
    r.state = session.toJson().dump(-1, ' ', false, Json::error_handler_t::replace);
    r.createdAtMs = session.createdMs;
    r.updatedAtMs = session.updatedMs;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return fail(lease.error());
    PgConnection &conn = **lease;
    // One transaction: the row, its calls and the event are written together.
    Transaction tx(conn);
    if (!tx.begun())
        return fail(tx.begun().error());
    if (Result<void> saved = PgSessionStore::saveOn(conn, r); !saved)
        return fail(saved.error());
    for (const SessionCall &call : session.unsavedCalls) {
        if (auto logged = PgSessionStore::appendCallOn(conn, store::callRecordOf(session, call));
            !logged)
            return fail(logged.error());
    }
    const Json event = {
        {"calls", session.calls},
        {"completedSteps", session.completedSteps.is_array() ? session.completedSteps.size() : 0},
        {"complete", session.complete}};
    if (auto logged = PgSessionStore::replaceEventOn(conn, session.id, "saved", event.dump(),
                                                     session.updatedMs);
        !logged)
        return fail(logged.error());
    if (Result<void> c = tx.commit(); !c)
        return fail(c.error());
}

void PgSessionSink::sessionRemoved(const std::string &id)
{
    if (Result<bool> r = m_store.remove(id); !r)
        fail(r.error());
}

Result<int> PgSessionSink::restoreInto(SessionManager &manager, int limit)
{
    return store::restoreSessions(m_store, manager, limit);
}

std::string PgSessionSink::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

// --- MCP sessions ------------------------------------------------------------------------------

namespace {

constexpr Statement kMcpSave{
    "wfs_mcp_save",
    "INSERT INTO mcp_sessions(id, protocol_version, client_info, instance, initialized,"
    " created_at, last_used_at) VALUES($1, $2, $3, $4, $5, $6, $7) ON CONFLICT(id) DO UPDATE SET"
    " protocol_version = excluded.protocol_version, client_info = excluded.client_info,"
    " instance = excluded.instance, initialized = excluded.initialized,"
    " last_used_at = excluded.last_used_at"};
constexpr Statement kMcpLoad{"wfs_mcp_load",
                             "SELECT id, protocol_version, client_info, instance, initialized,"
                             " created_at, last_used_at FROM mcp_sessions WHERE id = $1"};
constexpr Statement kMcpRemove{"wfs_mcp_remove", "DELETE FROM mcp_sessions WHERE id = $1"};
constexpr Statement kMcpTouch{"wfs_mcp_touch",
                              "UPDATE mcp_sessions SET last_used_at = $2 WHERE id = $1"
                              " AND last_used_at < $2"};
constexpr Statement kMcpExpire{"wfs_mcp_expire",
                               "DELETE FROM mcp_sessions WHERE last_used_at < $1"};

} // namespace

PgMcpSessionStore::PgMcpSessionStore(std::shared_ptr<PgPool> pool, std::string instanceId)
    : m_pool(std::move(pool))
    , m_instance(std::move(instanceId))
{}

Result<void> PgMcpSessionStore::save(const store::McpSessionRecord &s)
{
    if (s.id.empty())
        return Result<void>::failure("MCP session has an empty id; not stored");
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<void>::failure(lease.error());
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    Result<PgRows> r = (*lease)->exec(
        kMcpSave, {text(s.id), text(s.protocolVersion),
                   text(s.clientInfo.empty() ? std::string("{}") : s.clientInfo),
                   text(s.instance.empty() ? m_instance : s.instance), boolean(s.initialized),
                   integer(s.createdAtMs ? s.createdAtMs : now),
                   integer(s.lastUsedAtMs ? s.lastUsedAtMs : now)});
    if (!r)
        return Result<void>::failure("cannot save MCP session '" + s.id + "': " + r.error());
    return {};
}

Result<std::optional<store::McpSessionRecord>> PgMcpSessionStore::load(std::string_view id)
{
    using R = Result<std::optional<store::McpSessionRecord>>;
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return R::failure(lease.error());
    Result<PgRows> rows = (*lease)->exec(kMcpLoad, {text(id)});
    if (!rows)
        return R::failure(rows.error());
    if (rows->empty())
        return std::optional<store::McpSessionRecord>();
    store::McpSessionRecord s;
    s.id = rows->text(0, 0);
    s.protocolVersion = rows->text(0, 1);
    s.clientInfo = rows->text(0, 2);
    s.instance = rows->text(0, 3);
    s.initialized = rows->boolean(0, 4);
    s.createdAtMs = rows->integer(0, 5);
    s.lastUsedAtMs = rows->integer(0, 6);
    return std::optional<store::McpSessionRecord>(std::move(s));
}

Result<bool> PgMcpSessionStore::remove(std::string_view id)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<bool>::failure(lease.error());
    Result<PgRows> r = (*lease)->exec(kMcpRemove, {text(id)});
    if (!r)
        return Result<bool>::failure(r.error());
    return r->affected() > 0;
}

Result<void> PgMcpSessionStore::touch(std::string_view id, std::int64_t atMs)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<void>::failure(lease.error());
    if (Result<PgRows> r = (*lease)->exec(kMcpTouch, {text(id), integer(atMs)}); !r)
        return Result<void>::failure(r.error());
    return {};
}

Result<int> PgMcpSessionStore::expire(std::int64_t beforeMs)
{
    Result<Lease> lease = m_pool->acquire();
    if (!lease)
        return Result<int>::failure(lease.error());
    Result<PgRows> r = (*lease)->exec(kMcpExpire, {integer(beforeMs)});
    if (!r)
        return Result<int>::failure(r.error());
    return int(r->affected());
}

} // namespace wfs::pg
