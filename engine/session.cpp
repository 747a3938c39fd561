// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Session bookkeeping for tool calls; see session.h for the contract.
#include "session.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <utility>

namespace wfs {

// Per-session history kept in memory (oldest entries are dropped first).
constexpr std::size_t kMaxValidations = 256;
constexpr std::size_t kMaxOutputsPerStep = 64;
// Calls waiting for the sink (write-behind holds them between flushes); a sink that cannot
// keep up loses the oldest, never the session.
constexpr std::size_t kMaxUnsavedCalls = 4096;

static std::int64_t nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

Json Session::toJson() const
{
    Json j = Json::object();
    j["id"] = id;
    j["workflowId"] = workflowId;
    j["client"] = client;
    j["completedSteps"] = completedSteps;
    j["context"] = context;
    j["currentStep"] = currentStep;
    j["complete"] = complete;
    if (ended)
        j["ended"] = true;
    j["outputs"] = outputs;
    j["validations"] = validations;
    j["createdMs"] = createdMs;
    j["updatedMs"] = updatedMs;
    j["calls"] = calls;
    return j;
}

std::optional<Session> Session::fromJson(const Json &j)
{
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string())
        return std::nullopt;
    Session s;
    s.id = j["id"].get<std::string>();
    auto str = [&](const char *k) {
        return j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : std::string();
    };
    auto num = [&](const char *k) {
        return j.contains(k) && j[k].is_number_integer() ? j[k].get<std::int64_t>() : 0;
    };
    s.workflowId = str("workflowId");
    s.client = str("client");
    if (j.contains("completedSteps") && j["completedSteps"].is_array())
        s.completedSteps = j["completedSteps"];
    if (j.contains("context") && j["context"].is_object())
        s.context = j["context"];
    if (j.contains("currentStep"))
        s.currentStep = j["currentStep"];
    s.complete = j.contains("complete") && j["complete"].is_boolean() && j["complete"].get<bool>();
    s.ended = j.contains("ended") && j["ended"].is_boolean() && j["ended"].get<bool>();
    if (j.contains("outputs") && j["outputs"].is_object())
        s.outputs = j["outputs"];
    if (j.contains("validations") && j["validations"].is_array())
        s.validations = j["validations"];
    s.createdMs = num("createdMs");
    s.updatedMs = num("updatedMs");
    s.calls = static_cast<int>(num("calls"));
    return s;
}

namespace {

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

SessionCall SessionCall::of(const std::string &tool, const Json &arguments, const Json &answer,
                            bool isError, bool detailed)
{
    SessionCall c;
    c.tool = tool;
    c.isError = isError;
    c.workflowId = stringMember(arguments, "workflowId");
    if (tool == "workflow_next") {
        if (!isError) {
            if (const Json *step = member(answer, "step"))
                c.stepId = stringMember(*step, "id");
            const Json *complete = member(answer, "isComplete");
            c.complete = complete && complete->is_boolean() && complete->get<bool>();
            // A loop body step handed out: _currentLoop names the loop, and the loop's state
            // the passes done before this one.
            if (const Json *context = member(answer, "context")) {
                if (const Json *current = member(*context, "_currentLoop"))
                    c.loopId = stringMember(*current, "loopId");
                if (!c.loopId.empty()) {
                    const Json *states = member(*context, "_loopState");
                    const Json *state = states ? member(*states, c.loopId.c_str()) : nullptr;
                    const Json *done = state ? member(*state, "iteration") : nullptr;
                    c.pass = (done && done->is_number() ? done->get<int>() : 0) + 1;
                }
            }
        }
    } else if (tool == "workflow_validate") {
        c.stepId = stringMember(arguments, "stepId");
        const Json *valid = member(answer, "valid");
        c.valid = !isError && valid && valid->is_boolean() && valid->get<bool>() ? 1 : 0;
    }
    c.detailed = detailed;
    if (detailed) {
        c.arguments = arguments;
        c.answer = answer;
    }
    return c;
}

SessionManager::SessionManager(QObject *parent)
    : QObject(parent)
{}

SessionManager::~SessionManager() = default;

std::string SessionManager::create(const std::string &workflowId, const std::string &client,
                                   const std::string &id)
{
    Session s;
    s.workflowId = workflowId;
    s.client = client;
    s.createdMs = s.updatedMs = nowMs();
    std::shared_ptr<SessionSink> sink;
    {
        std::lock_guard lock(m_mutex);
        s.id = !id.empty() ? id
                           : "s-" + std::to_string(++m_counter) + "-" +
                                 std::to_string(QRandomGenerator::global()->bounded(1000000));
        m_sessions[s.id] = s;
        if (m_writeBehind)
            markPending(s.id, false);
        else
            sink = m_sink;
    }
    if (sink)
        sink->sessionSaved(s);
    notify(s.id, kCreated);
    return s.id;
}

void SessionManager::restore(Session session)
{
    const QString id = QString::fromStdString(session.id);
    {
        std::lock_guard lock(m_mutex);
        m_sessions[session.id] = std::move(session);
    }
    notify(id.toStdString(), kCreated);
}

bool SessionManager::remove(const std::string &id)
{
    std::shared_ptr<SessionSink> sink;
    {
        std::lock_guard lock(m_mutex);
        if (m_sessions.erase(id) == 0)
            return false;
        if (m_writeBehind)
            markPending(id, true);
        else
            sink = m_sink;
    }
    if (sink)
        sink->sessionRemoved(id);
    notify(id, kRemoved);
    return true;
}

std::optional<Session> SessionManager::get(const std::string &id) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_sessions.find(id);
    if (it == m_sessions.end())
        return std::nullopt;
    return it->second;
}

std::vector<Session> SessionManager::list() const
{
    std::vector<Session> out;
    {
        std::lock_guard lock(m_mutex);
        for (const auto &[id, s] : m_sessions)
            out.push_back(s);
    }
    std::stable_sort(out.begin(), out.end(),
                     [](const Session &a, const Session &b) { return a.createdMs < b.createdMs; });
    return out;
}

void SessionManager::recordCall(const std::string &id, const std::string &client,
                                const std::string &tool, const Json &arguments, const Json &payload,
                                bool isError, bool persist)
{
    if (id.empty())
        return;
    bool created = false;
    Session copy;
    std::shared_ptr<SessionSink> sink;
    // Shared store: a session another instance (or this one, before a flush dropped it) wrote.
    std::optional<Session> loaded;
    if (persist) {
        Loader loader;
        {
            std::lock_guard lock(m_mutex);
            if (m_loader && m_sessions.find(id) == m_sessions.end())
                loader = m_loader;
        }
        if (loader)
            loaded = loader(id);
    }
    {
        std::lock_guard lock(m_mutex);
        auto it = m_sessions.find(id);
        if (it == m_sessions.end() && loaded) {
            loaded->unsavedCalls.clear();
            it = m_sessions.emplace(id, std::move(*loaded)).first;
            created = true;
        }
        if (it == m_sessions.end()) {
            Session s;
            s.id = id;
            s.client = client;
            s.createdMs = nowMs();
            s.transient = !persist;
            it = m_sessions.emplace(id, std::move(s)).first;
            created = true;
        }
        Session &s = it->second;
        s.ended = false; // a call on an ended session's id takes it up again
        ++s.calls;
        s.updatedMs = nowMs();
        const bool args = arguments.is_object();
        if (args && arguments.contains("workflowId") && arguments["workflowId"].is_string())
            s.workflowId = arguments["workflowId"].get<std::string>();
        if (tool == "workflow_next" && !isError && payload.is_object()) {
            if (args && arguments.contains("completedSteps") &&
                arguments["completedSteps"].is_array())
                s.completedSteps = arguments["completedSteps"];
            if (payload.contains("context"))
                s.context = payload["context"];
            s.currentStep = payload.value("step", Json());
            s.complete = payload.value("isComplete", false);
        } else if (tool == "workflow_validate" && args) {
            const std::string stepId = arguments.value("stepId", Json()).is_string()
                                           ? arguments["stepId"].get<std::string>()
                                           : std::string();
            const Json output = arguments.value("output", Json());
            if (!stepId.empty()) {
                Json &list = s.outputs[stepId];
                if (!list.is_array())
                    list = Json::array();
                list.push_back(output);
                // Bounded history: a long-running MCP session must not grow without limit.
                if (list.size() > kMaxOutputsPerStep)
                    list.erase(list.begin());
            }
            Json v = Json::object();
            v["stepId"] = stepId;
            v["output"] = output;
            v["result"] = payload;
            v["isError"] = isError;
            v["at"] = s.updatedMs;
            s.validations.push_back(std::move(v));
            if (s.validations.size() > kMaxValidations)
                s.validations.erase(s.validations.begin());
        }
        SessionCall call = SessionCall::of(tool, args ? arguments : Json::object(), payload,
                                           isError, s.calls <= SessionCall::kMaxDetailedCalls);
        call.atMs = s.updatedMs;
        s.unsavedCalls.push_back(std::move(call));
        if (s.unsavedCalls.size() > kMaxUnsavedCalls)
            s.unsavedCalls.erase(s.unsavedCalls.begin());
        if (s.transient) {
            s.unsavedCalls.clear(); // nothing is persisted: keep no backlog either
        } else if (m_writeBehind) {
            markPending(id, false); // no copy: flushPending() copies once per flush
        } else {
            sink = m_sink;
            std::vector<SessionCall> calls = std::exchange(s.unsavedCalls, {});
            if (sink) {
                copy = s; // only a sink needs a copy (made under the lock, written outside it)
                copy.unsavedCalls = std::move(calls);
            }
        }
    }
    if (sink) {
        sink->sessionSaved(copy);
        // A shared store written through: the next call (on any instance) reads it from there.
        std::lock_guard lock(m_mutex);
        if (m_loader) {
            const auto it = m_sessions.find(id);
            if (it != m_sessions.end() && it->second.calls == copy.calls)
                m_sessions.erase(it);
        }
    }
    notify(id, created ? kCreated | kUpdated : kUpdated);
}

bool SessionManager::end(const std::string &id)
{
    std::shared_ptr<SessionSink> sink;
    Session copy;
    bool forgotten = false;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_sessions.find(id);
        if (it == m_sessions.end())
            return false;
        Session &s = it->second;
        if (s.transient) {
            m_sessions.erase(it);
            forgotten = true;
        } else {
            s.ended = true;
            s.updatedMs = nowMs();
            if (m_writeBehind) {
                markPending(id, false);
            } else if ((sink = m_sink)) {
                copy = s;
                copy.unsavedCalls = std::exchange(s.unsavedCalls, {});
            }
        }
    }
    if (sink)
        sink->sessionSaved(copy);
    notify(id, forgotten ? kRemoved : kUpdated);
    return true;
}

void SessionManager::setMemoryLimit(std::size_t limit)
{
    std::lock_guard lock(m_mutex);
    m_memoryLimit = limit;
}

std::size_t SessionManager::size() const
{
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

std::size_t SessionManager::trimMemory()
{
    if (m_memoryLimit == 0 || m_sessions.size() <= m_memoryLimit)
        return 0;
    // Candidates: not waiting for a flush (it would be lost) and not transient (a running
    // load test's); ended or complete ones first, then the least recently updated.
    std::vector<std::pair<std::tuple<int, std::int64_t>, std::string>> order;
    for (const auto &[id, s] : m_sessions) {
        if (s.transient || m_pendingIndex.count(id))
            continue;
        order.push_back({{s.ended || s.complete ? 0 : 1, s.updatedMs}, id});
    }
    std::sort(order.begin(), order.end());
    const std::size_t excess = m_sessions.size() - m_memoryLimit;
    std::size_t n = 0;
    for (const auto &[key, id] : order) {
        if (n == excess)
            break;
        m_sessions.erase(id);
        m_changes[id] |= kRemoved;
        ++n;
    }
    return n;
}

void SessionManager::notify(const std::string &id, int changes)
{
    if (QThread::currentThread() == thread()) {
        const QString qid = QString::fromStdString(id);
        if (changes & kRemoved) {
            emit sessionRemoved(qid);
            return;
        }
        if (changes & kCreated)
            emit sessionCreated(qid);
        if (changes & kUpdated)
            emit sessionUpdated(qid);
        return;
    }
    {
        std::lock_guard lock(m_mutex);
        m_changes[id] |= changes;
        if (m_notifyPosted)
            return;
        m_notifyPosted = true;
    }
    QMetaObject::invokeMethod(this, &SessionManager::deliverNotifications, Qt::QueuedConnection);
}

void SessionManager::deliverNotifications()
{
    std::map<std::string, int> changes;
    {
        std::lock_guard lock(m_mutex);
        const std::int64_t now = QDateTime::currentMSecsSinceEpoch();
        const std::int64_t wait = m_lastNotifyMs + kNotifyIntervalMs - now;
        if (wait > 0 && wait <= kNotifyIntervalMs) {
            // Too soon after the last batch: deliver this one later, with whatever else comes.
            QTimer::singleShot(int(wait), this, &SessionManager::deliverNotifications);
            return;
        }
        m_lastNotifyMs = now;
        m_notifyPosted = false;
        changes.swap(m_changes);
    }
    for (const auto &[id, bits] : changes) {
        const QString qid = QString::fromStdString(id);
        if (bits & kRemoved) {
            // Removed in the end, unless it came back after the removal.
            if (!get(id)) {
                emit sessionRemoved(qid);
                continue;
            }
        }
        if (bits & kCreated)
            emit sessionCreated(qid);
        if (bits & (kUpdated | kRemoved)) // came back: its state changed
            emit sessionUpdated(qid);
    }
}

void SessionManager::setSink(std::shared_ptr<SessionSink> sink)
{
    std::lock_guard lock(m_mutex);
    m_sink = std::move(sink);
}

void SessionManager::setWriteBehind(bool on)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_writeBehind == on)
            return;
        m_writeBehind = on;
    }
    if (!on)
        flushPending();
}

void SessionManager::markPending(const std::string &id, bool removed)
{
    const auto it = m_pendingIndex.find(id);
    if (it != m_pendingIndex.end()) {
        m_pending[it->second].second = removed;
        return;
    }
    m_pendingIndex.emplace(id, m_pending.size());
    m_pending.emplace_back(id, removed);
}

void SessionManager::setSharedStore(Loader loader)
{
    std::lock_guard lock(m_mutex);
    m_loader = std::move(loader);
}

int SessionManager::flushPending()
{
    std::lock_guard flushLock(m_flushMutex);
    std::vector<std::pair<std::string, bool>> pending;
    std::vector<Session> saved;
    std::shared_ptr<SessionSink> sink;
    {
        std::lock_guard lock(m_mutex);
        sink = m_sink;
        if (!sink)
            return 0;
        pending.swap(m_pending);
        m_pendingIndex.clear();
        for (const auto &[id, removed] : pending) {
            if (removed)
                continue;
            const auto it = m_sessions.find(id);
            if (it != m_sessions.end()) {
                std::vector<SessionCall> calls = std::exchange(it->second.unsavedCalls, {});
                saved.push_back(it->second);
                saved.back().unsavedCalls = std::move(calls);
            }
        }
    }
    // In change order. A session removed after it was queued has no copy (it is gone from
    // m_sessions), so a late flush never resurrects it.
    int n = 0;
    auto next = saved.begin();
    for (const auto &[id, removed] : pending) {
        if (removed) {
            sink->sessionRemoved(id);
            ++n;
        } else if (next != saved.end() && next->id == id) {
            sink->sessionSaved(*next++);
            ++n;
        }
    }
    // Persisted now: sessions beyond the memory limit can go (they stay in the store). With a
    // shared store every flushed session goes that has not changed again since.
    {
        std::lock_guard lock(m_mutex);
        if (m_loader) {
            for (const Session &s : saved) {
                if (m_pendingIndex.count(s.id) == 0)
                    m_sessions.erase(s.id);
            }
        }
        if (trimMemory() > 0 && !m_notifyPosted) {
            m_notifyPosted = true;
            QMetaObject::invokeMethod(this, &SessionManager::deliverNotifications,
                                      Qt::QueuedConnection);
        }
    }
    return n;
}

} // namespace wfs
