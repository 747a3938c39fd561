// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Log-scale latency histograms per tool. Bucket bounds grow by 10 % from 1 µs, so 192 buckets
// reach about 60 s; anything slower lands in the last bucket.
#include "toolstats.h"

#include <algorithm>
#include <cmath>

namespace wfs::mcp {

namespace {
constexpr double kBaseNs = 1000.0;
constexpr double kGrowth = 1.1;
} // namespace

int ToolStats::bucketOf(std::int64_t ns)
{
    if (ns <= kBaseNs)
        return 0;
    const int b = static_cast<int>(std::ceil(std::log(ns / kBaseNs) / std::log(kGrowth)));
    return std::clamp(b, 0, kBuckets - 1);
}

double ToolStats::bucketUpperMs(int bucket)
{
    return kBaseNs * std::pow(kGrowth, bucket) / 1e6;
}

double ToolStats::percentile(const Histogram &h, double q)
{
    if (h.calls == 0)
        return 0;
    const auto rank = static_cast<std::uint64_t>(std::ceil(q * static_cast<double>(h.calls)));
    std::uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += h.counts[static_cast<std::size_t>(i)];
        if (seen >= std::max<std::uint64_t>(rank, 1))
            return std::min(bucketUpperMs(i), static_cast<double>(h.maxNs) / 1e6);
    }
    return static_cast<double>(h.maxNs) / 1e6;
}

void ToolStats::record(std::string_view tool, std::chrono::nanoseconds duration, bool isError)
{
    const std::int64_t ns = duration.count();
    std::lock_guard lock(m_mutex);
    auto it = m_tools.find(tool);
    if (it == m_tools.end())
        it = m_tools.emplace(std::string(tool), Histogram{}).first;
    Histogram &h = it->second;
    ++h.counts[static_cast<std::size_t>(bucketOf(ns))];
    ++h.calls;
    if (isError)
        ++h.errors;
    h.maxNs = std::max(h.maxNs, ns);
}

std::vector<ToolStat> ToolStats::snapshot() const
{
    std::lock_guard lock(m_mutex);
    std::vector<ToolStat> out;
    out.reserve(m_tools.size());
    for (const auto &[name, h] : m_tools) {
        ToolStat s;
        s.tool = name;
        s.calls = h.calls;
        s.errors = h.errors;
        s.p50Ms = percentile(h, 0.50);
        s.p95Ms = percentile(h, 0.95);
        s.p99Ms = percentile(h, 0.99);
        s.maxMs = static_cast<double>(h.maxNs) / 1e6;
        out.push_back(std::move(s));
    }
    return out;
}

void ToolStats::reset()
{
    std::lock_guard lock(m_mutex);
    m_tools.clear();
}

} // namespace wfs::mcp
