// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Histogram accuracy: percentiles from the log-linear buckets against exact percentiles of the
// sorted samples, 10^6 samples per distribution, from 1 µs to 60 s. Contract: relative error
// <= 1% for p50/p90/p95/p99/p99.9 and max, for any distribution.
#include "engine/metrics/histogram.h"

#include "testutil.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <random>
#include <thread>

using namespace wfs::metrics;

class TestHistogram : public QObject
{
    Q_OBJECT
private slots:
    void bucketBounds();
    void accuracy_data();
    void accuracy();
    void emptyAndSingle();
    void errorsAndMean();
    void concurrentRecording();
    void rollingWindows();
};

void TestHistogram::bucketBounds()
{
    // Every bucket's range contains exactly the values that map to it, and ranges tile.
    std::uint64_t expectLow = 0;
    for (int i = 0; i < Histogram::kBucketCount; ++i) {
        const std::uint64_t low = Histogram::bucketLow(i);
        const std::uint64_t high = Histogram::bucketHigh(i);
        QCOMPARE(low, expectLow);
        QCOMPARE(Histogram::bucketIndex(low), i);
        QCOMPARE(Histogram::bucketIndex(high), i);
        if (low >= 256)
            QVERIFY2(double(high - low + 1) / double(low) <= 1.0 / 128 + 1e-12,
                     "bucket wider than 1/128 of its lower bound");
        expectLow = high + 1;
    }
    QCOMPARE(expectLow - 1, Histogram::kMaxTrackableNs);
    QCOMPARE(Histogram::bucketIndex(UINT64_MAX), Histogram::kBucketCount - 1);
}

void TestHistogram::accuracy_data()
{
    QTest::addColumn<QString>("distribution");
    QTest::newRow("uniform 1us..60s") << "uniform";
    QTest::newRow("log-uniform 1us..60s") << "loguniform";
    QTest::newRow("exponential mean 50us") << "exponential";
    QTest::newRow("lognormal median 20us heavy tail") << "lognormal";
    QTest::newRow("bimodal 5us and 2ms") << "bimodal";
    QTest::newRow("constant 12345ns") << "constant";
}

void TestHistogram::accuracy()
{
    QFETCH(QString, distribution);
    std::mt19937_64 rng(42);
    const std::size_t n = 1'000'000;
    std::vector<std::uint64_t> samples;
    samples.reserve(n);
    const double lo = 1e3;  // 1 µs in ns
    const double hi = 60e9; // 60 s in ns
    std::uniform_real_distribution<double> uni(lo, hi);
    std::uniform_real_distribution<double> logUni(std::log(lo), std::log(hi));
    std::exponential_distribution<double> expo(1.0 / 50e3);
    std::lognormal_distribution<double> logn(std::log(20e3), 1.5);
    std::normal_distribution<double> fast(5e3, 500);
    std::normal_distribution<double> slow(2e6, 2e5);
    std::bernoulli_distribution pick(0.3);
    for (std::size_t i = 0; i < n; ++i) {
        double v = 0;
        if (distribution == "uniform")
            v = uni(rng);
        else if (distribution == "loguniform")
            v = std::exp(logUni(rng));
        else if (distribution == "exponential")
            v = expo(rng);
        else if (distribution == "lognormal")
            v = logn(rng);
        else if (distribution == "bimodal")
            v = pick(rng) ? slow(rng) : fast(rng);
        else
            v = 12345;
        samples.push_back(std::uint64_t(std::clamp(v, lo, hi)));
    }
    Histogram h;
    for (std::uint64_t s : samples)
        h.record(s);
    std::sort(samples.begin(), samples.end());
    const HistogramData data = h.snapshot();
    QCOMPARE(data.count, std::uint64_t(n));
    for (double q : {0.5, 0.9, 0.95, 0.99, 0.999, 1.0}) {
        const std::size_t rank = std::max<std::size_t>(1, std::size_t(std::ceil(q * double(n))));
        const double exact = double(samples[rank - 1]);
        const double got = double(data.valueAtQuantile(q));
        const double err = std::abs(got - exact) / exact;
        QVERIFY2(err <= 0.01, qPrintable(QStringLiteral("q=%1 exact=%2 got=%3 error=%4%")
                                             .arg(q)
                                             .arg(exact, 0, 'f', 0)
                                             .arg(got, 0, 'f', 0)
                                             .arg(err * 100, 0, 'f', 3)));
    }
    QCOMPARE(data.maxNs, samples.back());
    QCOMPARE(data.minNs, samples.front());
}

void TestHistogram::emptyAndSingle()
{
    Histogram h;
    HistogramStats s = h.snapshot().stats();
    QCOMPARE(s.count, std::uint64_t(0));
    QCOMPARE(s.p99Ns, std::uint64_t(0));
    QCOMPARE(s.errorRate, 0.0);
    h.record(777'777);
    s = h.snapshot().stats();
    QCOMPARE(s.count, std::uint64_t(1));
    // A single sample: every percentile is that sample exactly (clamped to min/max).
    QCOMPARE(s.p50Ns, std::uint64_t(777'777));
    QCOMPARE(s.p999Ns, std::uint64_t(777'777));
    QCOMPARE(s.maxNs, std::uint64_t(777'777));
    // Beyond the trackable range: clamped, never out of bounds.
    h.record(UINT64_MAX);
    QCOMPARE(h.snapshot().maxNs, Histogram::kMaxTrackableNs);
}

void TestHistogram::errorsAndMean()
{
    Histogram h;
    for (int i = 0; i < 100; ++i)
        h.record(1000 + std::uint64_t(i), i % 4 == 0);
    const HistogramStats s = h.snapshot().stats();
    QCOMPARE(s.count, std::uint64_t(100));
    QCOMPARE(s.errors, std::uint64_t(25));
    QCOMPARE(s.errorRate, 0.25);
    QCOMPARE(s.meanNs, 1049.5);
}

void TestHistogram::concurrentRecording()
{
    Histogram h;
    const int threads = 8;
    const int perThread = 100'000;
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&h, t] {
            for (int i = 0; i < perThread; ++i)
                h.record(std::uint64_t(1000 + t * 1000 + i % 1000), i % 10 == 0);
        });
    for (auto &th : pool)
        th.join();
    const HistogramData d = h.snapshot();
    QCOMPARE(d.count, std::uint64_t(threads * perThread));
    QCOMPARE(d.errors, std::uint64_t(threads * perThread / 10));
    QCOMPARE(d.minNs, std::uint64_t(1000));
    QCOMPARE(d.maxNs, std::uint64_t(1000 + 7 * 1000 + 999));
}

// Windows cover complete seconds: what was recorded in second s shows in "last 1 s" during
// second s+1, in "last 10 s" until s+10, and never disappears from "since start".
void TestHistogram::rollingWindows()
{
    const std::int64_t sec = 1'000'000'000;
    LatencyTracker t(100 * sec);
    for (int i = 0; i < 10; ++i)
        t.record(5'000);
    t.tick(100 * sec + sec / 2);
    for (int i = 0; i < 30; ++i)
        t.record(50'000, i < 3);
    t.tick(101 * sec + 10);
    WindowStats w1 = t.stats(Window::Last1s, 102 * sec);
    QCOMPARE(w1.stats.count, std::uint64_t(30));
    QCOMPARE(w1.stats.errors, std::uint64_t(3));
    QCOMPARE(w1.ratePerSec, 30.0);
    WindowStats w10 = t.stats(Window::Last10s, 102 * sec);
    QCOMPARE(w10.stats.count, std::uint64_t(40));
    QVERIFY(std::abs(double(w10.stats.p50Ns) - 50'000) / 50'000 <= 0.01);
    // 11 s later the 10 s window has forgotten both seconds; 60 s still has them.
    QCOMPARE(t.stats(Window::Last10s, 113 * sec).stats.count, std::uint64_t(0));
    QCOMPARE(t.stats(Window::Last60s, 113 * sec).stats.count, std::uint64_t(40));
    QCOMPARE(t.stats(Window::SinceStart, 113 * sec).stats.count, std::uint64_t(40));
    // Ticks keep at most 61 slices however long they run.
    for (int s = 0; s < 200; ++s) {
        t.record(1000);
        t.tick((200 + s) * sec);
    }
    QCOMPARE(t.stats(Window::Last60s, 400 * sec).stats.count, std::uint64_t(60));
    QCOMPARE(t.stats(Window::SinceStart, 400 * sec).stats.count, std::uint64_t(240));
}

QTEST_APPLESS_MAIN(TestHistogram)
#include "tst_histogram.moc"
