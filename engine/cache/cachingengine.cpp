// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The caching decorator: key construction, cacheability rules and version tracking.
//
// Key layout: <tool> 0x1F <workflow id or ""> 0x1F <content hash> 0x1F <arguments as JSON>.
// Arguments that cannot be serialised strictly (invalid UTF-8) bypass the cache rather than
// risk two different inputs sharing one key.
#include "cachingengine.h"

#include "engine/store/metricsstore.h"
#include "engine/workflowrepository.h"

#include <QCryptographicHash>

#include <cassert>

namespace wfs::cache {

static constexpr std::string_view kCachedTools[] = {"workflow_list", "workflow_get",
                                                    "workflow_next", "workflow_validate"};
static constexpr std::string_view kKnownTools[] = {"workflow_list",          "workflow_get",
                                                   "workflow_next",          "workflow_validate",
                                                   "workflow_validate_json", "workflow_get_schema"};
static constexpr std::size_t kMaxKeyBytes = 256 * 1024;

static std::string shortHash(std::string_view bytes)
{
    return QCryptographicHash::hash(QByteArrayView(bytes.data(), qsizetype(bytes.size())),
                                    QCryptographicHash::Sha256)
        .toHex()
        .left(16)
        .toStdString();
}

static bool hasLoopState(const Json &context)
{
    return context.is_object() &&
           (context.contains("_loopState") || context.contains("_currentLoop"));
}

CachingEngine::CachingEngine(Engine &engine, std::shared_ptr<ResultCache> cache,
                             metrics::MetricsRegistry &registry)
    : m_engine(engine)
    , m_cache(std::move(cache))
    , m_registry(registry)
{
    assert(m_cache && "CachingEngine needs a cache");
    for (std::string_view tool : kKnownTools)
        m_trackers.emplace(std::string(tool), &m_registry.operation(tool));
    m_unknownTracker = &m_registry.operation("unknown_tool");
    rebuild(nullptr);
    m_connection = QObject::connect(
        &m_engine, &Engine::workflowsChanged, &m_engine, [this] { refresh(); },
        Qt::DirectConnection);
}

CachingEngine::~CachingEngine()
{
    QObject::disconnect(m_connection);
}

metrics::LatencyTracker &CachingEngine::trackerFor(std::string_view name)
{
    auto it = m_trackers.find(name);
    return it == m_trackers.end() ? *m_unknownTracker : *it->second;
}

CachingEngine::VersionsPtr CachingEngine::rebuild(std::vector<std::string> *changed)
{
    std::lock_guard rebuildLock(m_rebuildMutex);
    const std::shared_ptr<const WorkflowSnapshot> snap = m_engine.snapshot();
    const VersionsPtr old = m_current.load(std::memory_order_acquire);
    if (old && old->generation == snap->generation())
        return old;
    // Counted while alive, so tests can see that tables nobody holds are freed.
    std::atomic<int> *live = &m_liveVersions;
    live->fetch_add(1);
    std::shared_ptr<Versions> fresh(new Versions, [live](Versions *v) {
        live->fetch_sub(1);
        delete v;
    });
    fresh->generation = snap->generation();
    std::string setText;
    for (const WorkflowEntry &entry : snap->entries()) {
        WorkflowVersion v;
        v.hash = entry.hash;
        // The usage counter follows the id from table to table.
        if (old) {
            if (const auto prev = old->byId.find(entry.id); prev != old->byId.end())
                v.calls = prev->second.calls;
        }
        if (!v.calls)
            v.calls = std::make_shared<Counter>(0);
        setText += entry.id + '\x1f' + v.hash + '\x1e';
        fresh->byId.emplace(entry.id, std::move(v));
    }
    fresh->setHash = shortHash(setText);

    std::vector<std::string> diff;
    if (old) {
        for (const auto &[id, v] : fresh->byId) {
            auto prev = old->byId.find(id);
            if (prev == old->byId.end() || prev->second.hash != v.hash)
                diff.push_back(id);
        }
        for (const auto &[id, v] : old->byId) {
            if (!fresh->byId.count(id)) {
                diff.push_back(id);
                m_retired.emplace_back(id, v.calls);
            }
        }
    }
    const VersionsPtr published = std::move(fresh);
    {
        // Exclusive: no store can interleave between the switch and the purge.
        std::unique_lock storeLock(m_storeMutex);
        m_current.store(published, std::memory_order_release);
        if (old && (!diff.empty() || old->setHash != published->setHash)) {
            m_cache->invalidateWorkflow(""); // unknown-id answers
            for (const std::string &id : diff)
                m_cache->invalidateWorkflow(id);
        }
    }
    if (changed)
        *changed = std::move(diff);
    return published;
}

CachingEngine::VersionsPtr CachingEngine::versionsFor(std::uint64_t generation)
{
    VersionsPtr v = m_current.load(std::memory_order_acquire);
    if (v && v->generation == generation)
        return v;
    return rebuild(nullptr);
}

std::vector<std::string> CachingEngine::refresh()
{
    std::vector<std::string> changed;
    rebuild(&changed);
    return changed;
}

ToolResult CachingEngine::callTool(std::string_view name, const Json &arguments,
                                   const CallContext &ctx)
{
    metrics::LatencyTracker &tracker = trackerFor(name);
    const std::int64_t start = metrics::steadyNowNs();
    const auto finish = [&](ToolResult result) {
        const std::int64_t d = metrics::steadyNowNs() - start;
        tracker.record(d > 0 ? std::uint64_t(d) : 0, result.isError);
        if (result.isError)
            m_registry.countFailure(metrics::FailureKind::Tool);
        return result;
    };
    const bool cacheableTool =
        std::find(std::begin(kCachedTools), std::end(kCachedTools), name) != std::end(kCachedTools);
    const bool nextWithLoop = name == "workflow_next" && arguments.is_object() &&
                              hasLoopState(arguments.value("context", Json()));
    if (!cacheableTool || nextWithLoop) {
        if (cacheableTool)
            m_cache->countBypass(name);
        return finish(m_engine.callTool(name, arguments, ctx));
    }
    if (name == "workflow_list") {
        // The snapshot wrote this answer out once when it was built: nothing to look up, copy
        // or serialise per call (at 5,000 workflows it is ~2 MB). Not a session step call.
        const std::shared_ptr<const WorkflowSnapshot> snap = m_engine.snapshot();
        ToolResult r;
        r.serialized = snap->listAnswer();
        if (ctx.payloadNeeded)
            r.payload = snap->listPayload();
        m_cache->countPrecomputedHit(name);
        return finish(std::move(r));
    }
    // A session's call is answered like an anonymous one (from the cache when possible) and
    // then recorded in the session, so MCP traffic, where every client is a session, is cached.
    const CallContext anonymous;
    const auto answered = [&](ToolResult result) {
        m_engine.recordSessionCall(name, arguments, result.payload, result.isError, ctx);
        return finish(std::move(result));
    };

    const std::shared_ptr<const WorkflowSnapshot> snap = m_engine.snapshot();
    const VersionsPtr versions = versionsFor(snap->generation());

    // Which workflow the answer depends on.
    std::string workflowId;
    const WorkflowVersion *version = nullptr;
    if (arguments.is_object()) {
        const char *idKey = name == "workflow_get" ? "id" : "workflowId";
        auto it = arguments.find(idKey);
        if (it != arguments.end() && it->is_string()) {
            auto found = versions->byId.find(it->get_ref<const std::string &>());
            if (found != versions->byId.end()) {
                workflowId = found->first;
                version = &found->second;
            }
        }
    }
    std::string key;
    try {
        const std::string args = arguments.dump();
        key.reserve(name.size() + workflowId.size() + 20 + args.size());
        key.append(name).append(1, '\x1f').append(workflowId).append(1, '\x1f');
        key.append(version ? version->hash : versions->setHash).append(1, '\x1f').append(args);
    } catch (const std::exception &) {
        key.clear(); // invalid UTF-8 in the arguments: not cacheable
    }
    if (key.empty() || key.size() > kMaxKeyBytes) {
        m_cache->countBypass(name);
        return answered(m_engine.callTool(name, arguments, anonymous));
    }
    if (version)
        version->calls->fetch_add(1, std::memory_order_relaxed);

    if (CachedValuePtr hit = m_cache->get(name, key)) {
        if (hit->bypass) // known time-dependent key (counted as a bypass by the cache)
            return answered(m_engine.callTool(name, arguments, anonymous));
        ToolResult r;
        r.isError = hit->isError;
        r.serialized = hit->serialized;
        if (ctx.payloadNeeded || hit->isError) { // error texts are read, not spliced
            r.payload = hit->payload;
            r.text = hit->text;
        }
        m_engine.recordSessionCall(name, arguments, hit->payload, hit->isError, ctx);
        return finish(std::move(r));
    }

    ToolResult result = m_engine.callTool(name, arguments, anonymous);
    const bool timeDependent = name == "workflow_next" && result.payload.is_object() &&
                               hasLoopState(result.payload.value("context", Json()));
    if (!timeDependent) {
        CachedValuePtr value = CachedValue::make(result.isError, result.payload, result.text);
        result.serialized = value->serialized;
        std::shared_lock storeLock(m_storeMutex);
        // Store only if the set did not change while we computed (the engine may have served
        // a newer generation than the one in the key).
        if (m_current.load(std::memory_order_acquire) == versions &&
            m_engine.snapshot()->generation() == versions->generation)
            m_cache->put(name, key, workflowId, std::move(value));
    } else {
        m_cache->countBypass(name);
        std::shared_lock storeLock(m_storeMutex);
        if (m_current.load(std::memory_order_acquire) == versions)
            m_cache->markBypass(name, key, workflowId);
    }
    return answered(std::move(result));
}

int CachingEngine::warm(const std::vector<std::string> &workflowIds)
{
    int n = 0;
    const auto touch = [&](std::string_view tool, const Json &args) {
        (void)callTool(tool, args);
        ++n;
    };
    touch("workflow_list", Json::object());
    const std::shared_ptr<const WorkflowSnapshot> snap = m_engine.snapshot();
    for (const std::string &id : workflowIds) {
        if (!snap->find(id))
            continue;
        touch("workflow_get", Json{{"id", id}});
        touch("workflow_get", Json{{"id", id}, {"mode", "metadata"}});
    }
    return n;
}

Result<int> CachingEngine::warmFromUsage(store::AbstractMetricsStore &usage, int limit)
{
    Result<std::vector<std::string>> ids = usage.mostUsedWorkflows(limit);
    if (!ids)
        return Result<int>::failure("cache warming: " + ids.error());
    return warm(*ids);
}

std::map<std::string, std::int64_t> CachingEngine::takeUsage()
{
    std::map<std::string, std::int64_t> out;
    const auto take = [&out](const std::string &id, Counter &calls) {
        const std::int64_t n = calls.exchange(0, std::memory_order_relaxed);
        if (n > 0)
            out[id] += n;
    };
    std::lock_guard rebuildLock(m_rebuildMutex);
    if (const VersionsPtr current = m_current.load(std::memory_order_acquire)) {
        for (const auto &[id, v] : current->byId)
            take(id, *v.calls);
    }
    for (const auto &[id, calls] : m_retired)
        take(id, *calls);
    m_retired.clear();
    return out;
}

} // namespace wfs::cache
