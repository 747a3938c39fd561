// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Per-tool call counts and latency percentiles for the MCP listener (the studio's dashboard
// and the request log). A fixed log-scale histogram per tool: recording is a short critical
// section, percentiles are estimated from bucket bounds (relative error below 10 %).
#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::mcp {

struct ToolStat
{
    std::string tool;
    std::uint64_t calls = 0;
    std::uint64_t errors = 0; ///< isError results and protocol errors
    double p50Ms = 0;
    double p95Ms = 0;
    double p99Ms = 0;
    double maxMs = 0;
};

class ToolStats
{
public:
    void record(std::string_view tool, std::chrono::nanoseconds duration, bool isError);
    std::vector<ToolStat> snapshot() const; ///< sorted by tool name
    void reset();

private:
    // Bucket i holds durations up to kBase * kGrowth^i nanoseconds (1 µs .. ~60 s).
    static constexpr int kBuckets = 192;
    struct Histogram
    {
        std::array<std::uint64_t, kBuckets> counts{};
        std::uint64_t calls = 0;
        std::uint64_t errors = 0;
        std::int64_t maxNs = 0;
    };
    static int bucketOf(std::int64_t ns);
    static double bucketUpperMs(int bucket);
    static double percentile(const Histogram &h, double q);

    mutable std::mutex m_mutex;
    std::map<std::string, Histogram, std::less<>> m_tools;
};

} // namespace wfs::mcp
