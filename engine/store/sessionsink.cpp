// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Session <-> SessionRecord mapping. The full Session (Session::toJson) is the row's state, so a
// restore gives back exactly what was saved.
#include "sessionsink.h"

#include "database.h"

#include <QDebug>

namespace wfs::store {

CallRecord callRecordOf(const Session &session, const SessionCall &call)
{
    CallRecord r;
    r.sessionId = session.id;
    r.workflowId = call.workflowId.empty() ? session.workflowId : call.workflowId;
    r.atMs = call.atMs;
    r.tool = call.tool;
    r.stepId = call.stepId;
    r.loopId = call.loopId;
    r.pass = call.pass;
    r.complete = call.complete;
    r.valid = call.valid;
    r.isError = call.isError;
    const auto text = [](const Json &j) {
        return j.dump(-1, ' ', false, Json::error_handler_t::replace);
    };
    if (call.detailed) {
        r.arguments = text(call.arguments);
        r.answer = call.answer.is_null() ? std::string() : text(call.answer);
    } else {
        r.arguments.clear(); // summary only: a long session's later calls
    }
    return r;
}

SqliteSessionSink::SqliteSessionSink(Database &db)
    : m_db(db)
    , m_store(db)
{}

void SqliteSessionSink::sessionSaved(const Session &session)
{
    SessionRecord r;
    r.id = session.id;
    r.workflowId = session.workflowId;
    r.client = session.client;
    r.status = session.complete ? "complete" : session.ended ? "ended" : "active";
    r.state = session.toJson().dump(-1, ' ', false, Json::error_handler_t::replace);
    r.createdAtMs = session.createdMs;
    r.updatedAtMs = session.updatedMs;
    // One transaction: the row, its calls and the event are written together (and fast).
    Transaction tx(m_db, Transaction::Immediate);
    Result<void> saved = m_store.save(r);
    Result<std::int64_t> logged = Result<std::int64_t>(0);
    for (const SessionCall &call : session.unsavedCalls) {
        if (!saved || !logged)
            break;
        logged = m_store.appendCall(callRecordOf(session, call));
    }
    if (saved && logged) {
        const Json event = {{"calls", session.calls},
                            {"completedSteps",
                             session.completedSteps.is_array() ? session.completedSteps.size() : 0},
                            {"complete", session.complete}};
        logged = m_store.replaceEvent(session.id, "saved", event.dump(), session.updatedMs);
    }
    std::string error = !saved ? saved.error() : !logged ? logged.error() : std::string();
    if (error.empty() && tx.isActive()) {
        if (Result<void> c = tx.commit(); !c)
            error = c.error();
    }
    if (!error.empty()) {
        m_failures.fetch_add(1, std::memory_order_relaxed);
        std::lock_guard lock(m_errorMutex);
        m_lastError = error;
        qWarning("session store: %s", error.c_str());
    }
}

void SqliteSessionSink::sessionRemoved(const std::string &id)
{
    if (Result<bool> r = m_store.remove(id); !r) {
        m_failures.fetch_add(1, std::memory_order_relaxed);
        std::lock_guard lock(m_errorMutex);
        m_lastError = r.error();
        qWarning("session store: %s", r.error().c_str());
    }
}

std::optional<Session> sessionOfRecord(const SessionRecord &record)
{
    const Json state = Json::parse(record.state, nullptr, false);
    if (state.is_discarded())
        return std::nullopt;
    return Session::fromJson(state);
}

Result<int> restoreSessions(AbstractSessionStore &store, SessionManager &manager, int limit)
{
    Result<std::vector<SessionRecord>> all = store.loadAll(limit);
    if (!all)
        return Result<int>::failure(all.error());
    int n = 0;
    for (const SessionRecord &r : *all) {
        if (std::optional<Session> s = sessionOfRecord(r)) {
            manager.restore(std::move(*s));
            ++n;
        }
    }
    return n;
}

Result<int> SqliteSessionSink::restoreInto(SessionManager &manager, int limit)
{
    return restoreSessions(m_store, manager, limit);
}

std::string SqliteSessionSink::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

} // namespace wfs::store
