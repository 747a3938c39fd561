// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Histogram counters, quantile extraction and the per-second slices behind rolling windows.
// A window's min and max are bucket bounds of the extreme moved buckets (clamped to the
// lifetime min/max), so they share the 0.4% precision of the percentiles.
#include "histogram.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <new>

namespace wfs::metrics {

static_assert(Histogram::bucketIndex(255) == 255, "linear range");
static_assert(Histogram::bucketLow(Histogram::bucketIndex(1'000'000)) <= 1'000'000,
              "bucket bounds");
static_assert(Histogram::bucketHigh(Histogram::bucketIndex(1'000'000)) >= 1'000'000,
              "bucket bounds");
static_assert(Histogram::kBucketCount == Histogram::bucketIndex(Histogram::kMaxTrackableNs) + 1,
              "bucket count");
static_assert(Histogram::kBucketCount < 65536, "slices store bucket indexes as uint16");

HistogramData::HistogramData()
    : counts(std::size_t(Histogram::kBucketCount), 0)
{}

void HistogramData::clear()
{
    std::fill(counts.begin(), counts.end(), 0);
    count = errors = sumNs = minNs = maxNs = 0;
}

void HistogramData::add(const HistogramData &other)
{
    assert(counts.size() == other.counts.size() && "histograms of different layouts");
    for (std::size_t i = 0; i < counts.size(); ++i)
        counts[i] += other.counts[i];
    if (other.count > 0) {
        minNs = count == 0 ? other.minNs : std::min(minNs, other.minNs);
        maxNs = std::max(maxNs, other.maxNs);
    }
    count += other.count;
    errors += other.errors;
    sumNs += other.sumNs;
}

std::uint64_t HistogramData::valueAtQuantile(double q) const
{
    if (count == 0)
        return 0;
    q = std::clamp(q, 0.0, 1.0);
    // Rank of the wanted sample, 1-based: ceil(q * count), at least 1.
    std::uint64_t rank = std::uint64_t(std::ceil(q * double(count)));
    rank = std::clamp<std::uint64_t>(rank, 1, count);
    std::uint64_t seen = 0;
    for (std::size_t i = 0; i < counts.size(); ++i) {
        seen += counts[i];
        if (seen >= rank) {
            const std::uint64_t low = Histogram::bucketLow(int(i));
            const std::uint64_t high = Histogram::bucketHigh(int(i));
            const std::uint64_t mid = low + (high - low) / 2;
            return std::clamp(mid, minNs, std::max(minNs, maxNs));
        }
    }
    return maxNs;
}

HistogramData HistogramData::since(const HistogramData &previous) const
{
    HistogramData delta = *this;
    delta.count = 0;
    std::uint64_t lowest = 0;
    std::uint64_t highest = 0;
    bool any = false;
    for (std::size_t i = 0; i < delta.counts.size(); ++i) {
        delta.counts[i] = counts[i] - std::min(counts[i], previous.counts[i]);
        delta.count += delta.counts[i];
        if (delta.counts[i] == 0)
            continue;
        if (!any)
            lowest = Histogram::bucketLow(int(i));
        highest = Histogram::bucketHigh(int(i));
        any = true;
    }
    delta.errors = errors - std::min(errors, previous.errors);
    delta.sumNs = sumNs - std::min(sumNs, previous.sumNs);
    delta.minNs = std::max(lowest, minNs);
    delta.maxNs = std::min(highest, maxNs);
    return delta;
}

HistogramStats HistogramData::stats() const
{
    HistogramStats s;
    s.count = count;
    s.errors = errors;
    if (count == 0)
        return s;
    s.errorRate = double(errors) / double(count);
    s.meanNs = double(sumNs) / double(count);
    s.minNs = minNs;
    s.maxNs = maxNs;
    s.p50Ns = valueAtQuantile(0.50);
    s.p90Ns = valueAtQuantile(0.90);
    s.p95Ns = valueAtQuantile(0.95);
    s.p99Ns = valueAtQuantile(0.99);
    s.p999Ns = valueAtQuantile(0.999);
    return s;
}

Histogram::Histogram() = default;

Histogram::~Histogram()
{
    delete[] m_counts.load(std::memory_order_acquire);
}

std::atomic<std::uint64_t> *Histogram::allocateCounts() noexcept
{
    auto *fresh = new (std::nothrow) std::atomic<std::uint64_t>[std::size_t(kBucketCount)];
    assert(fresh && "out of memory for histogram counters");
    for (int i = 0; i < kBucketCount; ++i)
        fresh[i].store(0, std::memory_order_relaxed);
    std::atomic<std::uint64_t> *expected = nullptr;
    if (m_counts.compare_exchange_strong(expected, fresh, std::memory_order_acq_rel))
        return fresh;
    delete[] fresh; // another thread's first record() won
    return expected;
}

HistogramData Histogram::snapshot() const
{
    HistogramData d;
    const std::atomic<std::uint64_t> *counts = m_counts.load(std::memory_order_acquire);
    if (!counts)
        return d;
    std::uint64_t total = 0;
    for (int i = 0; i < kBucketCount; ++i) {
        const std::uint64_t c = counts[i].load(std::memory_order_relaxed);
        d.counts[std::size_t(i)] = c;
        total += c;
    }
    d.count = total;
    d.errors = std::min(total, m_errors.load(std::memory_order_relaxed));
    d.sumNs = m_sum.load(std::memory_order_relaxed);
    if (total > 0) {
        d.maxNs = std::min(m_max.load(std::memory_order_relaxed), kMaxTrackableNs);
        d.minNs = std::min(m_min.load(std::memory_order_relaxed), d.maxNs);
    }
    return d;
}

void Histogram::reset() noexcept
{
    if (std::atomic<std::uint64_t> *counts = m_counts.load(std::memory_order_acquire)) {
        for (int i = 0; i < kBucketCount; ++i)
            counts[i].store(0, std::memory_order_relaxed);
    }
    m_sum.store(0, std::memory_order_relaxed);
    m_errors.store(0, std::memory_order_relaxed);
    m_max.store(0, std::memory_order_relaxed);
    m_min.store(UINT64_MAX, std::memory_order_relaxed);
}

LatencyTracker::LatencyTracker(std::int64_t startNs)
    : m_startNs(startNs)
{}

void LatencyTracker::tick(std::int64_t nowNs)
{
    const std::int64_t second = nowNs / 1'000'000'000;
    // Snapshot under the lock: two concurrent ticks must see increasing counters.
    std::lock_guard lock(m_mutex);
    if (!m_total.used())
        return; // never recorded: no slice, no 32 KB copy of empty counters
    HistogramData current = m_total.snapshot();
    static const HistogramData kEmpty;
    const HistogramData &previous = m_previous ? *m_previous : kEmpty;
    Slice slice;
    slice.second = second;
    int lowest = -1;
    int highest = -1;
    for (std::size_t i = 0; i < current.counts.size(); ++i) {
        const std::uint64_t delta =
            current.counts[i] - std::min(current.counts[i], previous.counts[i]);
        if (delta == 0)
            continue;
        slice.buckets.emplace_back(std::uint16_t(i),
                                   std::uint32_t(std::min<std::uint64_t>(delta, UINT32_MAX)));
        slice.count += delta;
        if (lowest < 0)
            lowest = int(i);
        highest = int(i);
    }
    slice.errors = current.errors - std::min(current.errors, previous.errors);
    slice.sumNs = current.sumNs - std::min(current.sumNs, previous.sumNs);
    if (slice.count > 0) {
        slice.minNs = std::max(Histogram::bucketLow(lowest), current.minNs);
        slice.maxNs = std::min(Histogram::bucketHigh(highest), current.maxNs);
    }
    m_previous = std::move(current);
    if (slice.count == 0 && slice.errors == 0)
        return;
    if (!m_slices.empty() && m_slices.back().second == second) {
        // Merge into the second already open.
        Slice &open = m_slices.back();
        for (const auto &[bucket, c] : slice.buckets) {
            auto it = std::lower_bound(
                open.buckets.begin(), open.buckets.end(), bucket,
                [](const auto &entry, std::uint16_t b) { return entry.first < b; });
            if (it != open.buckets.end() && it->first == bucket)
                it->second += c;
            else
                open.buckets.insert(it, {bucket, c});
        }
        open.minNs = open.count == 0 ? slice.minNs : std::min(open.minNs, slice.minNs);
        open.maxNs = std::max(open.maxNs, slice.maxNs);
        open.count += slice.count;
        open.errors += slice.errors;
        open.sumNs += slice.sumNs;
    } else {
        m_slices.push_back(std::move(slice));
    }
    while (!m_slices.empty() && m_slices.front().second < second - kMaxWindowSeconds)
        m_slices.pop_front();
}

WindowStats LatencyTracker::stats(Window window, std::int64_t nowNs) const
{
    WindowStats out;
    out.window = window;
    if (window == Window::SinceStart) {
        out.stats = m_total.snapshot().stats();
        out.seconds = std::max(1e-9, double(nowNs - m_startNs) / 1e9);
        out.ratePerSec = double(out.stats.count) / out.seconds;
        return out;
    }
    const int span = window == Window::Last1s ? 1 : window == Window::Last10s ? 10 : 60;
    // Complete seconds only: [now - span, now - 1].
    const std::int64_t nowSecond = nowNs / 1'000'000'000;
    const std::int64_t first = nowSecond - span;
    HistogramData sum;
    {
        std::lock_guard lock(m_mutex);
        for (const Slice &s : m_slices) {
            if (s.second < first || s.second >= nowSecond)
                continue;
            for (const auto &[bucket, c] : s.buckets)
                sum.counts[bucket] += c;
            if (s.count > 0) {
                sum.minNs = sum.count == 0 ? s.minNs : std::min(sum.minNs, s.minNs);
                sum.maxNs = std::max(sum.maxNs, s.maxNs);
            }
            sum.count += s.count;
            sum.errors += s.errors;
            sum.sumNs += s.sumNs;
        }
    }
    sum.errors = std::min(sum.errors, sum.count);
    out.stats = sum.stats();
    const double sinceStart = double(nowSecond * 1'000'000'000 - m_startNs) / 1e9;
    out.seconds = std::clamp(sinceStart, 1.0, double(span));
    out.ratePerSec = double(out.stats.count) / out.seconds;
    return out;
}

} // namespace wfs::metrics
