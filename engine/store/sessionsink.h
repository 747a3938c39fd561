// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// SqliteSessionSink: the engine's SessionSink backed by SessionStore. Each save writes the
// session row, appends the calls made since the last save to the call log (session_calls) and
// one "saved" event (calls, completed steps, completion) to the event log, in one transaction.
//
//   auto sink = std::make_shared<store::SqliteSessionSink>(db);
//   sink->restoreInto(engine.sessions());     // sessions of previous runs
//   engine.sessions().setSink(sink);
#pragma once

#include "sessionstore.h"

#include "engine/session.h"

#include <atomic>
#include <string>

namespace wfs::store {

// The call-log row of one recorded call: the step handed out (or validated), the loop pass,
// completion and validity read from the answer, and the call as JSON text.
CallRecord callRecordOf(const Session &session, const SessionCall &call);

// The engine's session a stored record holds (its state JSON); nullopt for a damaged row.
std::optional<Session> sessionOfRecord(const SessionRecord &record);
// Loads the `limit` most recently updated sessions of `store` (0 = all) into `manager`
// (SessionManager::restore); damaged rows are skipped. Returns how many were loaded.
Result<int> restoreSessions(AbstractSessionStore &store, SessionManager &manager, int limit);

class SqliteSessionSink : public SessionSink
{
public:
    explicit SqliteSessionSink(Database &db);

    void sessionSaved(const Session &session) override;
    void sessionRemoved(const std::string &id) override;

    // Loads every stored session into `manager` (SessionManager::restore). Returns how many.
    // Loads the `limit` most recently updated sessions (0 = all) into `manager`.
    Result<int> restoreInto(SessionManager &manager, int limit = 0);

    SessionStore &store() { return m_store; }
    // Write failures so far (the sink interface cannot report them; the health view can).
    std::uint64_t failures() const { return m_failures.load(std::memory_order_relaxed); }
    std::string lastError() const;

private:
    Database &m_db;
    SessionStore m_store;
    std::atomic<std::uint64_t> m_failures{0};
    mutable std::mutex m_errorMutex;
    std::string m_lastError;
};

} // namespace wfs::store
