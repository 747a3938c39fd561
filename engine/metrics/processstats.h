// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Process-level figures for the dashboard and the health check: resident memory (/proc), heap
// in use (mallinfo2) and CPU% (getrusage deltas between two samples).
#pragma once

#include <cstdint>
#include <mutex>

namespace wfs::metrics {

struct ProcessStats
{
    std::uint64_t rssBytes = 0;  ///< resident set size
    std::uint64_t heapBytes = 0; ///< malloc'd bytes in use (arena + mmapped chunks)
    double cpuPercent = 0;       ///< user+system CPU time over wall time since the previous
                                 ///< sample, in percent of one core (200 = two busy cores)
    double cpuSeconds = 0;       ///< user+system CPU time since process start
};

// Current resident set size in bytes (0 if /proc is unavailable).
std::uint64_t currentRssBytes();
// The resident set size of process `pid` in bytes (0 if it cannot be read).
std::uint64_t rssBytesOf(long pid);
// Bytes handed out by malloc and not yet freed.
std::uint64_t currentHeapBytes();

// Keeps the previous CPU sample so that each sample() reports CPU% over the interval since the
// last one. Thread-safe.
class ProcessSampler
{
public:
    ProcessSampler();
    ProcessStats sample();

private:
    std::mutex m_mutex;
    double m_lastCpu = 0;        ///< seconds
    std::int64_t m_lastWall = 0; ///< steady ns
};

} // namespace wfs::metrics
