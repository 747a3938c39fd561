// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Session <-> SessionRecord mapping. The full Session (Session::toJson) is the row's state, so a
// restore gives back exactly what was saved.
#include "sessionsink.h"

#include "database.h"

#include <QDebug>

namespace wfs::store {

namespace {

std::string text(const Json &j)
{
    return j.dump(-1, ' ', false, Json::error_handler_t::replace);
}

const Json *member(const Json &j, const char *key)
{
    if (!j.is_object())
        return nullptr;
    const auto it = j.find(key);
    return it == j.end() ? nullptr : &*it;
}

std::string stringMember(const Json &j, const char *key)
{
    const Json *m = member(j, key);
    return m && m->is_string() ? m->get<std::string>() : std::string();
}

} // namespace

CallRecord callRecordOf(const Session &session, const SessionCall &call)
{
    CallRecord r;
    r.sessionId = session.id;
    r.workflowId = stringMember(call.arguments, "workflowId");
    if (r.workflowId.empty())
        r.workflowId = session.workflowId;
    r.atMs = call.atMs;
    r.tool = call.tool;
    r.isError = call.isError;
    if (call.tool == "workflow_next") {
        if (!call.isError) {
            if (const Json *step = member(call.answer, "step"))
                r.stepId = stringMember(*step, "id");
            const Json *complete = member(call.answer, "isComplete");
            r.complete = complete && complete->is_boolean() && complete->get<bool>();
            // A loop body step handed out: _currentLoop names the loop, and the loop's state
            // the passes done before this one.
            if (const Json *context = member(call.answer, "context")) {
                if (const Json *current = member(*context, "_currentLoop"))
                    r.loopId = stringMember(*current, "loopId");
                if (!r.loopId.empty()) {
                    const Json *states = member(*context, "_loopState");
                    const Json *state = states ? member(*states, r.loopId.c_str()) : nullptr;
                    const Json *done = state ? member(*state, "iteration") : nullptr;
                    r.pass = (done && done->is_number() ? done->get<int>() : 0) + 1;
                }
            }
        }
    } else if (call.tool == "workflow_validate") {
        r.stepId = stringMember(call.arguments, "stepId");
        const Json *valid = member(call.answer, "valid");
        r.valid = !call.isError && valid && valid->is_boolean() && valid->get<bool>() ? 1 : 0;
    }
    r.arguments = text(call.arguments);
    r.answer = call.answer.is_null() ? std::string() : text(call.answer);
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
    r.status = session.complete ? "complete" : "active";
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
        logged = m_store.appendEvent(session.id, "saved", event.dump(), session.updatedMs);
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
