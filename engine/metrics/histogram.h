// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Latency histograms with HDR-style log-linear buckets.
//
// Values are nanoseconds. Below 256 ns every value has its own bucket; above, every power of two
// is split into 128 equal buckets, so a bucket is never wider than 1/128 of its lower bound and
// the reported value (the bucket midpoint, clamped to the observed min/max) is within 0.4% of any
// value in it. Values up to 2^37 ns (137 s) are tracked; larger ones land in the last bucket.
// Memory is constant: 3 968 counters (31 KiB) per Histogram.
//
// Recording is lock-free (relaxed atomics: one fetch_add on the bucket and one on the sum, plus a
// load of the max) and safe from any number of threads. Reading takes a consistent-enough copy:
// counters are read one by one while writers go on, which can only under-count the newest samples.
//
//   wfs::metrics::Histogram h;
//   h.record(1500);                        // 1.5 µs
//   HistogramStats s = h.snapshot().stats(); // s.p99Ns, s.count, ...
//
// LatencyTracker adds rolling windows (1 s, 10 s, 60 s and since start) on top of one Histogram:
// tick() once a second turns the counters into a per-second delta (sparse: only the buckets that
// moved), and a window is the sum of its last N deltas.
#pragma once

#include <array>
#include <atomic>
#include <bit>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

namespace wfs::metrics {

// Percentiles and totals of a set of samples. Times in nanoseconds.
struct HistogramStats
{
    std::uint64_t count = 0;  ///< samples (successes + errors)
    std::uint64_t errors = 0; ///< samples recorded as errors
    double errorRate = 0;     ///< errors / count, 0..1 (0 when count is 0)
    double meanNs = 0;
    std::uint64_t minNs = 0;
    std::uint64_t p50Ns = 0;
    std::uint64_t p90Ns = 0;
    std::uint64_t p95Ns = 0;
    std::uint64_t p99Ns = 0;
    std::uint64_t p999Ns = 0;
    std::uint64_t maxNs = 0;
};

// A plain (non-atomic) copy of a histogram's counters: what snapshots and windows work on.
class HistogramData
{
public:
    HistogramData();

    // Value at quantile q in [0, 1]: the smallest recorded value v such that at least q*count
    // samples are <= v, as a bucket midpoint clamped to [min, max]. 0 when empty.
    std::uint64_t valueAtQuantile(double q) const;
    HistogramStats stats() const;

    void add(const HistogramData &other);
    void clear();
    // What was recorded since `previous` (an earlier snapshot of the same cumulative
    // histogram): counts, errors and sum subtracted, min and max narrowed to the buckets that
    // grew. The metrics stores persist these windows.
    HistogramData since(const HistogramData &previous) const;

    std::vector<std::uint64_t> counts; ///< one per bucket (Histogram::kBucketCount)
    std::uint64_t count = 0;
    std::uint64_t errors = 0;
    std::uint64_t sumNs = 0;
    std::uint64_t minNs = 0; ///< 0 when empty
    std::uint64_t maxNs = 0;
};

class Histogram
{
public:
    static constexpr int kSubBucketBits = 7;
    static constexpr std::uint64_t kSubBucketCount = std::uint64_t(1) << kSubBucketBits;
    static constexpr std::uint64_t kMaxTrackableNs = (std::uint64_t(1) << 37) - 1;

    // Bucket of value v (v is clamped to kMaxTrackableNs).
    static constexpr int bucketIndex(std::uint64_t v)
    {
        if (v > kMaxTrackableNs)
            v = kMaxTrackableNs;
        if (v < 2 * kSubBucketCount)
            return int(v);
        const int msb = 63 - std::countl_zero(v);
        const int shift = msb - kSubBucketBits;
        return int(std::uint64_t(shift) * kSubBucketCount + (v >> shift));
    }
    // Smallest and largest value of bucket `index`.
    static constexpr std::uint64_t bucketLow(int index)
    {
        if (std::uint64_t(index) < 2 * kSubBucketCount)
            return std::uint64_t(index);
        const int shift = int(std::uint64_t(index) / kSubBucketCount) - 1;
        return (std::uint64_t(index) - std::uint64_t(shift) * kSubBucketCount) << shift;
    }
    static constexpr std::uint64_t bucketHigh(int index)
    {
        if (std::uint64_t(index) < 2 * kSubBucketCount)
            return std::uint64_t(index);
        const int shift = int(std::uint64_t(index) / kSubBucketCount) - 1;
        return bucketLow(index) + (std::uint64_t(1) << shift) - 1;
    }
    // bucketIndex(kMaxTrackableNs) + 1: the last octave (bit 36) has shift 36 - 7 = 29.
    static constexpr int kBucketCount =
        int((37 - kSubBucketBits - 1) * kSubBucketCount + 2 * kSubBucketCount);

    Histogram();
    ~Histogram();
    Histogram(const Histogram &) = delete;
    Histogram &operator=(const Histogram &) = delete;

    // Records one sample of `ns` nanoseconds; `error` marks a failed operation. Lock-free.
    void record(std::uint64_t ns, bool error = false) noexcept
    {
        std::atomic<std::uint64_t> *counts = m_counts.load(std::memory_order_acquire);
        if (!counts) [[unlikely]]
            counts = allocateCounts();
        counts[std::size_t(bucketIndex(ns))].fetch_add(1, std::memory_order_relaxed);
        m_sum.fetch_add(ns, std::memory_order_relaxed);
        if (error)
            m_errors.fetch_add(1, std::memory_order_relaxed);
        raise(m_max, ns);
        lower(m_min, ns);
    }

    // A copy of the counters (count is the sum of the bucket counts read).
    HistogramData snapshot() const;
    // False until the first record(): the 32 KB of counters are allocated then, so the many
    // operations a process never performs cost no memory.
    bool used() const noexcept { return m_counts.load(std::memory_order_acquire) != nullptr; }
    // Clears every counter. Not atomic with respect to concurrent record() calls: samples that
    // race with it may survive or vanish. Tests and "reset statistics" only.
    void reset() noexcept;

private:
    static void raise(std::atomic<std::uint64_t> &slot, std::uint64_t v) noexcept
    {
        std::uint64_t cur = slot.load(std::memory_order_relaxed);
        while (v > cur && !slot.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
        }
    }
    static void lower(std::atomic<std::uint64_t> &slot, std::uint64_t v) noexcept
    {
        std::uint64_t cur = slot.load(std::memory_order_relaxed);
        while (v < cur && !slot.compare_exchange_weak(cur, v, std::memory_order_relaxed)) {
        }
    }

    std::atomic<std::uint64_t> *allocateCounts() noexcept;

    std::atomic<std::atomic<std::uint64_t> *> m_counts{nullptr}; ///< kBucketCount; owned
    std::atomic<std::uint64_t> m_sum{0};
    std::atomic<std::uint64_t> m_errors{0};
    std::atomic<std::uint64_t> m_max{0};
    std::atomic<std::uint64_t> m_min{UINT64_MAX};
};

// The rolling windows a LatencyTracker answers for.
enum class Window {
    Last1s,    ///< the last complete second
    Last10s,   ///< the last 10 complete seconds
    Last60s,   ///< the last 60 complete seconds
    SinceStart ///< everything since construction (or reset), including the current second
};

struct WindowStats
{
    Window window = Window::SinceStart;
    double seconds = 0;    ///< length of the window actually covered (shorter right after start)
    double ratePerSec = 0; ///< count / seconds
    HistogramStats stats;
};

// One operation's latencies with rolling windows. record() is lock-free; tick() and stats() take
// an internal mutex and are meant for a 1 Hz poller (MetricsRegistry::tick()).
class LatencyTracker
{
public:
    static constexpr int kMaxWindowSeconds = 60;

    // `startNs`: the steady-clock time of construction, used for the since-start rate.
    explicit LatencyTracker(std::int64_t startNs);

    void record(std::uint64_t ns, bool error = false) noexcept { m_total.record(ns, error); }

    // Closes the seconds up to `nowNs` (steady clock): everything recorded since the previous
    // tick becomes one per-second delta stamped with the current second. Call about once a second;
    // calling more often is harmless (the delta is merged into the same second).
    void tick(std::int64_t nowNs);

    WindowStats stats(Window window, std::int64_t nowNs) const;
    const Histogram &histogram() const { return m_total; }

private:
    struct Slice
    {
        std::int64_t second = 0; ///< steady-clock second the delta belongs to
        std::vector<std::pair<std::uint16_t, std::uint32_t>>
            buckets; ///< (bucket, count) that moved
        std::uint64_t count = 0;
        std::uint64_t errors = 0;
        std::uint64_t sumNs = 0;
        std::uint64_t maxNs = 0;
        std::uint64_t minNs = 0;
    };

    Histogram m_total;
    const std::int64_t m_startNs;
    mutable std::mutex m_mutex;
    std::optional<HistogramData> m_previous; ///< counters at the last tick (guarded by m_mutex)
    std::deque<Slice> m_slices;              ///< newest last, at most kMaxWindowSeconds + 1
};

} // namespace wfs::metrics
