// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Engine-level run records. WorkRail keeps no state between calls; the studio does: every
// workflow_next / workflow_validate attributed to a session (CallContext::sessionId) updates
// that session's completed steps, context, outputs and validation results. Persistence is
// pluggable through SessionSink (the SQLite store implements it).
//
// Threading: every method is thread-safe (one mutex, held only for map updates and copies).
// Signals: a change made on the manager's own thread (the studio's stepper) is signalled at
// once; changes made on other threads (the listener's I/O threads) are coalesced and signalled
// on the manager's thread, each changed session once per batch and at most one batch every
// kNotifyIntervalMs, so a load test cannot flood the GUI's event queue.
//
// Bounded: an MCP session that closes or expires ends its engine session (end(): status
// "ended", persisted); sessions beyond setMemoryLimit() are dropped from memory, ended and
// complete ones first, once they are persisted. Sessions of load tests are transient: never
// persisted, and forgotten when they end.
#pragma once

#include "model/json.h"

#include <QObject>
#include <QString>

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace wfs {

// One tool call as the session saw it (workflow_next, workflow_validate), for the heat map and
// session replay (store/heatmap.h): what the answer says about the walk, read when the call is
// recorded, and — for the first kMaxDetailedCalls calls of a session — the call as sent and
// answered. A long-running session (a load test) keeps only the summary of later calls, so
// memory and the call log stay small at any rate.
struct SessionCall
{
    static constexpr int kMaxDetailedCalls = 500;

    std::int64_t atMs = 0; ///< epoch ms, when the call was answered
    std::string tool;
    std::string workflowId; ///< the arguments' workflowId
    std::string stepId;     ///< next: the step handed out; validate: the step validated
    std::string loopId;     ///< next: the loop whose body step was handed out
    int pass = 0;           ///< next: that loop's pass (1-based); 0 outside loops
    bool complete = false;  ///< next: isComplete
    int valid = -1;         ///< validate: 1 valid, 0 not; -1 for other tools
    bool isError = false;
    bool detailed = false; ///< `arguments` and `answer` are kept
    Json arguments;        ///< as the client sent them (detailed calls)
    Json answer;           ///< the tool's answer object (detailed calls; null for plain text)

    static SessionCall of(const std::string &tool, const Json &arguments, const Json &answer,
                          bool isError, bool detailed);
};

struct Session
{
    std::string id; ///< "s-<n>-<random>" unless given
    std::string workflowId;
    std::string client;                  ///< "studio", "stdio", "http:<id>", ...
    Json completedSteps = Json::array(); ///< as last sent or returned, repeats included
    Json context = Json::object();       ///< the last context returned by workflow_next
    Json currentStep;                    ///< the step last handed out (null when none)
    bool complete = false;               ///< workflow_next answered isComplete
    bool ended = false;                  ///< its MCP session closed or expired (end())
    bool transient = false;              ///< never persisted (a load test's); not in toJson()
    Json outputs = Json::object();       ///< stepId -> [last 64 outputs validated, in order]
    Json validations = Json::array();    ///< last 256 [{stepId, output, result, at}]
    std::int64_t createdMs = 0;          ///< epoch ms
    std::int64_t updatedMs = 0;          ///< epoch ms
    int calls = 0;                       ///< tool calls recorded
    /// Calls recorded since the sink last saved the session, oldest first; the sink appends
    /// them to the call log. Not part of toJson() (the log is the record of them).
    std::vector<SessionCall> unsavedCalls;

    Json toJson() const;
    static std::optional<Session> fromJson(const Json &json);
};

// Where sessions are persisted. Called outside the manager's lock, from the calling thread.
class SessionSink
{
public:
    virtual ~SessionSink() = default;
    virtual void sessionSaved(const Session &session) = 0;
    virtual void sessionRemoved(const std::string &id) = 0;
};

class SessionManager : public QObject
{
    Q_OBJECT
public:
    explicit SessionManager(QObject *parent = nullptr);
    ~SessionManager() override;

    // Creates a session and returns its id (`id` empty = generated).
    std::string create(const std::string &workflowId, const std::string &client,
                       const std::string &id = {});
    // Adds a session loaded from a store (no sink call).
    void restore(Session session);
    bool remove(const std::string &id);
    std::optional<Session> get(const std::string &id) const;
    std::vector<Session> list() const; ///< by creation time

    // Records a tool call attributed to `id` (creating the session when unknown). `payload`
    // is the tool's answer object (null for plain-text answers). `persist` false: a session
    // created by this call is transient (a load test's).
    void recordCall(const std::string &id, const std::string &client, const std::string &tool,
                    const Json &arguments, const Json &payload, bool isError, bool persist = true);
    // The client's MCP session closed or expired: the session is ended (saved as "ended";
    // a transient one is forgotten). False when unknown.
    bool end(const std::string &id);
    // Sessions kept in memory at most (default kDefaultMemoryLimit); beyond it the least
    // recently updated persisted ones are dropped from memory (not from the store) at the
    // next flush. 0 = no limit.
    void setMemoryLimit(std::size_t limit);
    std::size_t size() const;

    static constexpr std::size_t kDefaultMemoryLimit = 2000;
    static constexpr int kNotifyIntervalMs = 100;

    void setSink(std::shared_ptr<SessionSink> sink);

    // Write-behind mode (wfs::Runtime): create/recordCall/remove only mark the session as
    // changed, with no copy of it and no sink call on the caller's thread; flushPending() hands
    // the changes to the sink in order, one copy per changed session per flush. The owner calls
    // it from its persistence thread and once more before the sink goes away.
    void setWriteBehind(bool on);

    // A store shared by several processes (a team server): a call on a session this process
    // does not hold loads it through `loader` first (so its calls, outputs and validations
    // continue where another instance left them), and a session is dropped from memory once
    // saved, so the next call reads what any instance wrote last. The team runtime writes such
    // sessions through (setWriteBehind(false)): saved before the call's answer leaves, so the
    // next request may go to any instance and a killed instance loses nothing it answered.
    // Null = this process only.
    using Loader = std::function<std::optional<Session>(const std::string &id)>;
    void setSharedStore(Loader loader);
    // Returns how many sessions were saved or removed. Safe from any thread; flushes never
    // overlap (a second caller waits).
    int flushPending();

signals:
    void sessionCreated(const QString &id);
    void sessionUpdated(const QString &id);
    void sessionRemoved(const QString &id);

private:
    // Signals a change: at once on the manager's thread, else coalesced (see above).
    enum Change { kCreated = 1, kUpdated = 2, kRemoved = 4 };
    void notify(const std::string &id, int changes);
    void deliverNotifications();
    std::size_t trimMemory(); ///< drops persisted sessions beyond the limit; m_mutex held

    mutable std::mutex m_mutex;
    std::map<std::string, Session> m_sessions;
    std::size_t m_memoryLimit = kDefaultMemoryLimit;
    // Coalesced notifications (guarded by m_mutex).
    std::map<std::string, int> m_changes; ///< id -> Change bits
    bool m_notifyPosted = false;
    std::int64_t m_lastNotifyMs = 0;
    std::shared_ptr<SessionSink> m_sink;
    std::uint64_t m_counter = 0;
    bool m_writeBehind = false;
    Loader m_loader;                                     ///< setSharedStore(); guarded by m_mutex
    std::vector<std::pair<std::string, bool>> m_pending; ///< (id, removed) in change order
    std::map<std::string, std::size_t> m_pendingIndex;   ///< id -> index in m_pending
    std::mutex m_flushMutex;                             ///< serialises flushPending()

    // Queues `id` for the next flush; the caller holds m_mutex.
    void markPending(const std::string &id, bool removed);
};

} // namespace wfs
