// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The registry of per-operation trackers and the JSON form of its snapshots.
#include "metricsregistry.h"

#include <algorithm>
#include <mutex>

namespace wfs::metrics {

static double toUs(std::uint64_t ns)
{
    return double(ns) / 1000.0;
}

Json windowStatsToJson(const WindowStats &w)
{
    const HistogramStats &s = w.stats;
    Json j = Json::object();
    j["count"] = s.count;
    j["errors"] = s.errors;
    j["errorRate"] = s.errorRate;
    j["ratePerSec"] = w.ratePerSec;
    j["seconds"] = w.seconds;
    j["mean_us"] = s.meanNs / 1000.0;
    j["min_us"] = toUs(s.minNs);
    j["p50_us"] = toUs(s.p50Ns);
    j["p90_us"] = toUs(s.p90Ns);
    j["p95_us"] = toUs(s.p95Ns);
    j["p99_us"] = toUs(s.p99Ns);
    j["p999_us"] = toUs(s.p999Ns);
    j["max_us"] = toUs(s.maxNs);
    return j;
}

const char *failureKindName(FailureKind kind)
{
    switch (kind) {
    case FailureKind::Transport:
        return "transport";
    case FailureKind::Protocol:
        return "protocol";
    case FailureKind::Tool:
        return "tool";
    }
    return "";
}

const OperationSnapshot *MetricsSnapshot::find(std::string_view name) const
{
    for (const OperationSnapshot &op : operations) {
        if (op.name == name)
            return &op;
    }
    return nullptr;
}

Json MetricsSnapshot::toJson() const
{
    Json j = Json::object();
    j["takenAtMs"] = takenAtMs;
    j["uptimeSeconds"] = uptimeSeconds;
    j["requestRate1s"] = requestRate1s;
    j["requestRate10s"] = requestRate10s;
    j["process"] = {{"rssBytes", process.rssBytes},
                    {"heapBytes", process.heapBytes},
                    {"cpuPercent", process.cpuPercent}};
    Json failed = Json::object();
    for (int k = 0; k < kFailureKinds; ++k)
        failed[failureKindName(FailureKind(k))] = failures[std::size_t(k)];
    j["failures"] = std::move(failed);
    Json ops = Json::object();
    for (const OperationSnapshot &op : operations) {
        ops[op.name] = {{"1s", windowStatsToJson(op.last1s)},
                        {"10s", windowStatsToJson(op.last10s)},
                        {"60s", windowStatsToJson(op.last60s)},
                        {"total", windowStatsToJson(op.total)}};
    }
    j["operations"] = std::move(ops);
    return j;
}

MetricsRegistry::MetricsRegistry(ClockFn steady, ClockFn wall)
    : m_steady(std::move(steady))
    , m_wall(std::move(wall))
    , m_startNs(m_steady())
    , m_startWallNs(m_wall())
{}

MetricsRegistry &MetricsRegistry::global()
{
    static MetricsRegistry registry;
    return registry;
}

LatencyTracker &MetricsRegistry::operation(std::string_view name)
{
    {
        std::shared_lock lock(m_mutex);
        auto it = m_trackers.find(name);
        if (it != m_trackers.end())
            return *it->second;
    }
    std::unique_lock lock(m_mutex);
    auto it = m_trackers.find(name);
    if (it == m_trackers.end())
        it = m_trackers.emplace(std::string(name), std::make_unique<LatencyTracker>(m_startNs))
                 .first;
    return *it->second;
}

void MetricsRegistry::tick()
{
    const std::int64_t now = m_steady();
    std::shared_lock lock(m_mutex);
    for (auto &[name, tracker] : m_trackers)
        tracker->tick(now);
}

MetricsSnapshot MetricsRegistry::snapshot()
{
    MetricsSnapshot snap;
    const std::int64_t now = m_steady();
    snap.takenAtMs = m_wall() / 1'000'000;
    snap.uptimeSeconds = double(now - m_startNs) / 1e9;
    {
        std::shared_lock lock(m_mutex);
        for (auto &[name, tracker] : m_trackers) {
            OperationSnapshot op;
            op.name = name;
            op.last1s = tracker->stats(Window::Last1s, now);
            op.last10s = tracker->stats(Window::Last10s, now);
            op.last60s = tracker->stats(Window::Last60s, now);
            op.total = tracker->stats(Window::SinceStart, now);
            snap.requestRate1s += op.last1s.ratePerSec;
            snap.requestRate10s += op.last10s.ratePerSec;
            snap.operations.push_back(std::move(op));
        }
    }
    snap.process = m_process.sample();
    snap.failures = failures();
    return snap;
}

FailureCounts MetricsRegistry::failures() const
{
    FailureCounts out{};
    for (std::size_t k = 0; k < out.size(); ++k)
        out[k] = m_failures[k].load(std::memory_order_relaxed);
    return out;
}

std::vector<std::string> MetricsRegistry::operationNames() const
{
    std::shared_lock lock(m_mutex);
    std::vector<std::string> names;
    for (const auto &entry : m_trackers)
        names.push_back(entry.first);
    return names;
}

PersistWindows::Window PersistWindows::take(MetricsRegistry &registry, std::int64_t nowMs) const
{
    Window w;
    w.endMs = nowMs;
    const std::int64_t start = m_lastMs ? m_lastMs : registry.startWallMs();
    w.lengthMs = std::max<std::int64_t>(nowMs - start, 1);
    for (const std::string &name : registry.operationNames()) {
        HistogramData current = registry.operation(name).histogram().snapshot();
        const auto prev = m_previous.find(name);
        HistogramData delta = prev != m_previous.end() ? current.since(prev->second) : current;
        if (delta.count > 0)
            w.deltas.emplace_back(name, std::move(delta));
        // Kept for every operation, idle or not: the next delta then covers the next window.
        w.snapshot[name] = std::move(current);
    }
    return w;
}

void PersistWindows::commit(Window window)
{
    for (auto &[name, data] : window.snapshot)
        m_previous[name] = std::move(data);
    m_lastMs = window.endMs;
}

} // namespace wfs::metrics
