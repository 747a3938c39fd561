// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Session <-> SessionRecord mapping. The full Session (Session::toJson) is the row's state, so a
// restore gives back exactly what was saved.
#include "sessionsink.h"

#include <QDebug>

namespace wfs::store {

SqliteSessionSink::SqliteSessionSink(Database &db)
    : m_store(db)
{}

void SqliteSessionSink::sessionSaved(const Session &session)
{
    SessionRecord r;
    r.id = session.id;
    r.workflowId = session.workflowId;
    r.client = session.client;
    r.status = session.complete ? "complete" : "active";
    r.state = session.toJson().dump(-1, ' ', false, Json::error_handler_t::replace);
    r.createdAtMs = session.createdMs;
    r.updatedAtMs = session.updatedMs;
    Result<void> saved = m_store.save(r);
    Result<std::int64_t> logged = Result<std::int64_t>(0);
    if (saved) {
        const Json event = {{"calls", session.calls},
                            {"completedSteps",
                             session.completedSteps.is_array() ? session.completedSteps.size() : 0},
                            {"complete", session.complete}};
        logged = m_store.appendEvent(session.id, "saved", event.dump(), session.updatedMs);
    }
    const std::string error = !saved ? saved.error() : !logged ? logged.error() : std::string();
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

Result<int> SqliteSessionSink::restoreInto(SessionManager &manager, int limit)
{
    Result<std::vector<SessionRecord>> all = m_store.loadAll(limit);
    if (!all)
        return Result<int>::failure(all.error());
    int n = 0;
    for (const SessionRecord &r : *all) {
        Json state = Json::parse(r.state, nullptr, false);
        if (state.is_discarded())
            continue;
        std::optional<Session> s = Session::fromJson(state);
        if (!s)
            continue;
        manager.restore(std::move(*s));
        ++n;
    }
    return n;
}

std::string SqliteSessionSink::lastError() const
{
    std::lock_guard lock(m_errorMutex);
    return m_lastError;
}

} // namespace wfs::store
