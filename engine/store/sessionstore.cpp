// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Sessions and session events over cached prepared statements.
#include "sessionstore.h"

#include "database.h"

#include <QDateTime>

namespace wfs::store {

SessionStore::SessionStore(Database &db)
    : m_db(db)
{}

static SessionRecord readSession(const Statement &st)
{
    SessionRecord s;
    s.id = st.columnText(0);
    s.workflowId = st.columnText(1);
    s.client = st.columnText(2);
    s.status = st.columnText(3);
    s.state = st.columnText(4);
    s.createdAtMs = st.columnInt(5);
    s.updatedAtMs = st.columnInt(6);
    return s;
}

Result<void> SessionStore::save(const SessionRecord &session)
{
    if (session.id.empty())
        return Result<void>::failure("session has an empty id; not stored");
    auto lock = m_db.lock();
    const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
    auto st = m_db.cached(
        "INSERT INTO sessions(id, workflow_id, client, status, state, created_at, updated_at)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT(id) DO UPDATE SET"
        " workflow_id = excluded.workflow_id, client = excluded.client,"
        " status = excluded.status, state = excluded.state, updated_at = excluded.updated_at");
    if (!st)
        return Result<void>::failure(st.error());
    (*st)
        ->bindText(1, session.id)
        .bindText(2, session.workflowId)
        .bindText(3, session.client)
        .bindText(4, session.status)
        .bindText(5, session.state)
        .bindInt(6, session.createdAtMs ? session.createdAtMs : now)
        .bindInt(7, session.updatedAtMs ? session.updatedAtMs : now);
    if (auto r = (*st)->run(); !r)
        return Result<void>::failure("cannot save session '" + session.id + "': " + r.error());
    return {};
}

Result<std::optional<SessionRecord>> SessionStore::load(std::string_view id)
{
    using R = Result<std::optional<SessionRecord>>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT id, workflow_id, client, status, state, created_at, updated_at"
                          " FROM sessions WHERE id = ?1");
    if (!st)
        return R::failure(st.error());
    (*st)->bindText(1, id);
    return (*st)->readOne(readSession);
}

Result<std::vector<SessionRecord>> SessionStore::loadAll(int limit)
{
    using R = Result<std::vector<SessionRecord>>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT id, workflow_id, client, status, state, created_at, updated_at"
                          " FROM sessions ORDER BY updated_at DESC, id LIMIT ?1");
    if (!st)
        return R::failure(st.error());
    (*st)->bindInt(1, limit > 0 ? limit : -1);
    return (*st)->readAll(readSession);
}

Result<bool> SessionStore::remove(std::string_view id)
{
    auto lock = m_db.lock();
    auto st = m_db.cached("DELETE FROM sessions WHERE id = ?1");
    if (!st)
        return Result<bool>::failure(st.error());
    (*st)->bindText(1, id);
    if (auto r = (*st)->run(); !r)
        return Result<bool>::failure(r.error());
    return m_db.changes() > 0;
}

Result<std::int64_t> SessionStore::appendEvent(std::string_view sessionId, std::string_view kind,
                                               std::string_view payload, std::int64_t atMs)
{
    using R = Result<std::int64_t>;
    auto lock = m_db.lock();
    auto st = m_db.cached(
        "INSERT INTO session_events(session_id, at, kind, payload) VALUES(?1, ?2, ?3, ?4)");
    if (!st)
        return R::failure(st.error());
    (*st)
        ->bindText(1, sessionId)
        .bindInt(2, atMs ? atMs : QDateTime::currentMSecsSinceEpoch())
        .bindText(3, kind)
        .bindText(4, payload);
    if (auto r = (*st)->run(); !r)
        return R::failure("cannot log event for session '" + std::string(sessionId) +
                          "': " + r.error());
    return m_db.lastInsertRowId();
}

Result<std::int64_t> SessionStore::replaceEvent(std::string_view sessionId, std::string_view kind,
                                                std::string_view payload, std::int64_t atMs)
{
    using R = Result<std::int64_t>;
    auto lock = m_db.lock();
    std::optional<Transaction> tx; // one unit with the caller's transaction, or its own
    if (!m_db.inTransaction())
        tx.emplace(m_db, Transaction::Immediate);
    auto st = m_db.cached("DELETE FROM session_events WHERE session_id = ?1 AND kind = ?2");
    if (!st)
        return R::failure(st.error());
    (*st)->bindText(1, sessionId).bindText(2, kind);
    if (auto r = (*st)->run(); !r)
        return R::failure("cannot compact the events of session '" + std::string(sessionId) +
                          "': " + r.error());
    R seq = appendEvent(sessionId, kind, payload, atMs);
    if (seq && tx && tx->isActive()) {
        if (Result<void> c = tx->commit(); !c)
            return R::failure(c.error());
    }
    return seq;
}

Result<SessionStore::Pruned> SessionStore::prune(std::int64_t beforeMs, int keepSessions,
                                                 std::int64_t keepCalls)
{
    using R = Result<Pruned>;
    auto lock = m_db.lock();
    Transaction tx(m_db, Transaction::Immediate);
    Pruned out;
    const auto run = [this](std::string_view sql, auto bind) -> Result<int> {
        auto st = m_db.cached(sql);
        if (!st)
            return Result<int>::failure(st.error());
        bind(**st);
        if (auto r = (*st)->run(); !r)
            return Result<int>::failure(r.error());
        return m_db.changes();
    };
    // Events and calls go with their session (ON DELETE CASCADE).
    if (beforeMs > 0) {
        Result<int> n = run("DELETE FROM sessions WHERE updated_at < ?1",
                            [beforeMs](Statement &st) { st.bindInt(1, beforeMs); });
        if (!n)
            return R::failure("cannot prune old sessions: " + n.error());
        out.sessions += *n;
    }
    if (keepSessions > 0) {
        Result<int> n = run("DELETE FROM sessions WHERE id IN (SELECT id FROM sessions"
                            " ORDER BY updated_at DESC, id LIMIT -1 OFFSET ?1)",
                            [keepSessions](Statement &st) { st.bindInt(1, keepSessions); });
        if (!n)
            return R::failure("cannot prune sessions beyond the limit: " + n.error());
        out.sessions += *n;
    }
    if (keepCalls > 0) {
        // seq only grows: the calls beyond the newest keepCalls are those below this seq.
        Result<int> n = run("DELETE FROM session_calls WHERE seq <= (SELECT max(seq) FROM"
                            " session_calls) - ?1",
                            [keepCalls](Statement &st) { st.bindInt(1, keepCalls); });
        if (!n)
            return R::failure("cannot prune the call log: " + n.error());
        out.calls += *n;
    }
    if (tx.isActive()) {
        if (Result<void> c = tx.commit(); !c)
            return R::failure(c.error());
    }
    return out;
}

Result<std::int64_t> SessionStore::sessionCount()
{
    using R = Result<std::int64_t>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT count(*) FROM sessions");
    if (!st)
        return R::failure(st.error());
    Result<std::vector<std::int64_t>> rows =
        (*st)->readAll([](const Statement &row) { return row.columnInt(0); });
    if (!rows)
        return R::failure(rows.error());
    return rows->empty() ? 0 : rows->front();
}

Result<std::vector<SessionEvent>> SessionStore::events(std::string_view sessionId,
                                                       std::int64_t afterSeq)
{
    using R = Result<std::vector<SessionEvent>>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT seq, session_id, at, kind, payload FROM session_events"
                          " WHERE session_id = ?1 AND seq > ?2 ORDER BY seq");
    if (!st)
        return R::failure(st.error());
    (*st)->bindText(1, sessionId).bindInt(2, afterSeq);
    return (*st)->readAll([](const Statement &row) {
        SessionEvent e;
        e.seq = row.columnInt(0);
        e.sessionId = row.columnText(1);
        e.atMs = row.columnInt(2);
        e.kind = row.columnText(3);
        e.payload = row.columnText(4);
        return e;
    });
}

Result<std::int64_t> SessionStore::appendCall(const CallRecord &c)
{
    using R = Result<std::int64_t>;
    auto lock = m_db.lock();
    auto st = m_db.cached(
        "INSERT INTO session_calls(session_id, workflow_id, at, tool, step_id, loop_id, pass,"
        " complete, valid, is_error, arguments, answer)"
        " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)");
    if (!st)
        return R::failure(st.error());
    (*st)
        ->bindText(1, c.sessionId)
        .bindText(2, c.workflowId)
        .bindInt(3, c.atMs ? c.atMs : QDateTime::currentMSecsSinceEpoch())
        .bindText(4, c.tool)
        .bindText(5, c.stepId)
        .bindText(6, c.loopId)
        .bindInt(7, c.pass)
        .bindInt(8, c.complete ? 1 : 0);
    if (c.valid < 0)
        (*st)->bindNull(9);
    else
        (*st)->bindInt(9, c.valid);
    (*st)->bindInt(10, c.isError ? 1 : 0).bindText(11, c.arguments).bindText(12, c.answer);
    if (auto r = (*st)->run(); !r)
        return R::failure("cannot log a call of session '" + c.sessionId + "': " + r.error());
    return m_db.lastInsertRowId();
}

Result<std::vector<CallRecord>> SessionStore::calls(std::string_view sessionId)
{
    using R = Result<std::vector<CallRecord>>;
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT seq, session_id, workflow_id, at, tool, step_id, loop_id, pass,"
                          " complete, coalesce(valid, -1), is_error, arguments, answer"
                          " FROM session_calls WHERE session_id = ?1 ORDER BY seq");
    if (!st)
        return R::failure(st.error());
    (*st)->bindText(1, sessionId);
    return (*st)->readAll([](const Statement &row) {
        CallRecord c;
        c.seq = row.columnInt(0);
        c.sessionId = row.columnText(1);
        c.workflowId = row.columnText(2);
        c.atMs = row.columnInt(3);
        c.tool = row.columnText(4);
        c.stepId = row.columnText(5);
        c.loopId = row.columnText(6);
        c.pass = int(row.columnInt(7));
        c.complete = row.columnInt(8) != 0;
        c.valid = int(row.columnInt(9));
        c.isError = row.columnInt(10) != 0;
        c.arguments = row.columnText(11);
        c.answer = row.columnText(12);
        return c;
    });
}

// A session's client matches the filter text ?3 when it is that text, its agent name
// ("name (transport)"), its transport ("… (stdio)", "http:1a2b"), or "http" for any HTTP one.
static const char *const kClientMatches =
    "(?3 = '' OR s.client = ?3"
    " OR substr(s.client, 1, length(?3) + 2) = ?3 || ' ('"
    " OR substr(s.client, -(length(?3) + 2)) = '(' || ?3 || ')'"
    " OR substr(s.client, 1, length(?3) + 1) = ?3 || ':'"
    " OR instr(s.client, '(' || ?3 || ':') > 0)";

Result<std::vector<HeatCall>> SessionStore::heatCalls(std::string_view workflowId,
                                                      const HeatFilter &filter)
{
    using R = Result<std::vector<HeatCall>>;
    auto lock = m_db.lock();
    static const std::string columns =
        "SELECT c.session_id, c.at, c.tool, c.step_id, c.loop_id, c.pass, c.complete,"
        " coalesce(c.valid, -1), c.is_error FROM session_calls c";
    // Unfiltered: the covering index alone. Filtered: each call's session row too.
    const bool filtered = filter.sinceMs > 0 || !filter.client.empty();
    auto st = filtered ? m_db.cached(columns +
                                     " JOIN sessions s ON s.id = c.session_id"
                                     " WHERE c.workflow_id = ?1 AND s.updated_at >= ?2 AND " +
                                     kClientMatches + " ORDER BY c.session_id, c.seq")
                       : m_db.cached(columns + " WHERE c.workflow_id = ?1"
                                               " ORDER BY c.session_id, c.seq");
    if (!st)
        return R::failure(st.error());
    (*st)->bindText(1, workflowId);
    if (filtered)
        (*st)->bindInt(2, filter.sinceMs).bindText(3, filter.client);
    return (*st)->readAll([](const Statement &r) {
        HeatCall c;
        c.sessionId = r.columnText(0);
        c.atMs = r.columnInt(1);
        c.tool = r.columnText(2);
        c.stepId = r.columnText(3);
        c.loopId = r.columnText(4);
        c.pass = static_cast<int>(r.columnInt(5));
        c.complete = r.columnInt(6) != 0;
        c.valid = static_cast<int>(r.columnInt(7));
        c.isError = r.columnInt(8) != 0;
        return c;
    });
}

Result<std::vector<std::string>> SessionStore::callClients(std::string_view workflowId)
{
    auto lock = m_db.lock();
    auto st = m_db.cached("SELECT DISTINCT s.client FROM sessions s WHERE s.id IN"
                          " (SELECT DISTINCT c.session_id FROM session_calls c"
                          " WHERE c.workflow_id = ?1)");
    if (!st)
        return Result<std::vector<std::string>>::failure(st.error());
    (*st)->bindText(1, workflowId);
    return (*st)->readAll([](const Statement &r) { return r.columnText(0); });
}

} // namespace wfs::store
