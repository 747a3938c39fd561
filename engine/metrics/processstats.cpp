// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Linux process figures: /proc/self/statm for RSS, mallinfo2() for the heap, getrusage() for
// CPU time.
#include "processstats.h"

#include "clock.h"

#include <cstdio>
#include <malloc.h>
#include <sys/resource.h>
#include <unistd.h>

#include <string>

namespace wfs::metrics {

namespace {

std::uint64_t rssFromStatm(const char *path)
{
    std::FILE *f = std::fopen(path, "r");
    if (!f)
        return 0;
    unsigned long long size = 0;
    unsigned long long resident = 0;
    const int n = std::fscanf(f, "%llu %llu", &size, &resident);
    std::fclose(f);
    if (n != 2)
        return 0;
    return std::uint64_t(resident) * std::uint64_t(sysconf(_SC_PAGESIZE));
}

} // namespace

std::uint64_t currentRssBytes()
{
    return rssFromStatm("/proc/self/statm");
}

std::uint64_t rssBytesOf(long pid)
{
    const std::string path = "/proc/" + std::to_string(pid) + "/statm";
    return rssFromStatm(path.c_str());
}

std::uint64_t currentHeapBytes()
{
    const struct mallinfo2 mi = mallinfo2();
    return std::uint64_t(mi.uordblks) + std::uint64_t(mi.hblkhd);
}

static double cpuSecondsNow()
{
    struct rusage ru = {};
    if (getrusage(RUSAGE_SELF, &ru) != 0)
        return 0;
    const auto seconds = [](const timeval &tv) { return double(tv.tv_sec) + tv.tv_usec / 1e6; };
    return seconds(ru.ru_utime) + seconds(ru.ru_stime);
}

ProcessSampler::ProcessSampler()
    : m_lastCpu(cpuSecondsNow())
    , m_lastWall(steadyNowNs())
{}

ProcessStats ProcessSampler::sample()
{
    ProcessStats s;
    s.rssBytes = currentRssBytes();
    s.heapBytes = currentHeapBytes();
    const double cpu = cpuSecondsNow();
    const std::int64_t wall = steadyNowNs();
    s.cpuSeconds = cpu;
    std::lock_guard lock(m_mutex);
    const double wallDelta = double(wall - m_lastWall) / 1e9;
    if (wallDelta > 0.001) {
        s.cpuPercent = (cpu - m_lastCpu) / wallDelta * 100.0;
        m_lastCpu = cpu;
        m_lastWall = wall;
    }
    return s;
}

} // namespace wfs::metrics
