// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Token-bucket rate limiter with an injected clock: burst, refill, retry-after, per-key
// independence, bounded memory, thread safety.
#include "engine/metrics/ratelimiter.h"

#include "testutil.h"

#include <QTest>

#include <thread>

using namespace wfs::metrics;
using namespace std::chrono_literals;

class TestRateLimiter : public QObject
{
    Q_OBJECT
private slots:
    void burstThenRefuse_data();
    void burstThenRefuse();
    void refillOverTime();
    void keysAreIndependent();
    void costAboveBurstIsExplained();
    void memoryIsBounded();
    void idleBucketsAreEvicted();
    void concurrentAcquireNeverOverspends();
};

void TestRateLimiter::burstThenRefuse_data()
{
    QTest::addColumn<double>("rate");
    QTest::addColumn<double>("burst");
    QTest::addColumn<qint64>("expectedRetryMs");
    QTest::newRow("10/s burst 5") << 10.0 << 5.0 << qint64(100);
    QTest::newRow("1000/s burst 100") << 1000.0 << 100.0 << qint64(1);
    QTest::newRow("0.5/s burst 1") << 0.5 << 1.0 << qint64(2000);
}

void TestRateLimiter::burstThenRefuse()
{
    QFETCH(double, rate);
    QFETCH(double, burst);
    QFETCH(qint64, expectedRetryMs);
    ManualClock clock;
    RateLimiter limiter({rate, burst, 1000, clock.fn()});
    for (int i = 0; i < int(burst); ++i)
        QVERIFY2(limiter.acquire("client").allowed, qPrintable(QString::number(i)));
    const RateDecision d = limiter.acquire("client");
    QVERIFY(!d.allowed);
    QCOMPARE(d.retryAfterMs, expectedRetryMs);
    QVERIFY2(d.message.find("retry after " + std::to_string(expectedRetryMs) + " ms") !=
                 std::string::npos,
             d.message.c_str());
    QVERIFY2(d.message.find("'client'") != std::string::npos, d.message.c_str());
    // Waiting exactly retry-after makes the next request pass.
    clock.advance(std::chrono::milliseconds(expectedRetryMs));
    QVERIFY(limiter.acquire("client").allowed);
}

void TestRateLimiter::refillOverTime()
{
    ManualClock clock;
    RateLimiter limiter({100, 10, 1000, clock.fn()});
    for (int i = 0; i < 10; ++i)
        QVERIFY(limiter.acquire("k").allowed);
    QVERIFY(!limiter.acquire("k").allowed);
    clock.advance(50ms); // 5 tokens
    int allowed = 0;
    while (limiter.acquire("k").allowed)
        ++allowed;
    QCOMPARE(allowed, 5);
    clock.advance(10s); // refill caps at the burst
    allowed = 0;
    while (limiter.acquire("k").allowed)
        ++allowed;
    QCOMPARE(allowed, 10);
}

void TestRateLimiter::keysAreIndependent()
{
    ManualClock clock;
    RateLimiter limiter({1, 2, 1000, clock.fn()});
    QVERIFY(limiter.acquire("a").allowed);
    QVERIFY(limiter.acquire("a").allowed);
    QVERIFY(!limiter.acquire("a").allowed);
    QVERIFY(limiter.acquire("b").allowed);
    QVERIFY(limiter.acquire(std::string("a\0b", 3)).allowed);
}

void TestRateLimiter::costAboveBurstIsExplained()
{
    ManualClock clock;
    RateLimiter limiter({10, 5, 1000, clock.fn()});
    const RateDecision d = limiter.acquire("k", 6);
    QVERIFY(!d.allowed);
    QVERIFY2(d.message.find("can never fit") != std::string::npos, d.message.c_str());
}

void TestRateLimiter::memoryIsBounded()
{
    ManualClock clock;
    RateLimiter limiter({1, 5, 160, clock.fn()});
    for (int i = 0; i < 10'000; ++i) {
        (void)limiter.acquire("client-" + std::to_string(i));
        clock.advance(1ms);
    }
    QVERIFY2(limiter.keyCount() <= 160, qPrintable(QString::number(limiter.keyCount())));
}

void TestRateLimiter::idleBucketsAreEvicted()
{
    ManualClock clock;
    RateLimiter limiter({10, 5, 1000, clock.fn()});
    for (int i = 0; i < 50; ++i)
        (void)limiter.acquire("c" + std::to_string(i));
    QCOMPARE(limiter.keyCount(), std::size_t(50));
    QCOMPARE(limiter.evictIdle(), std::size_t(0)); // not refilled yet
    clock.advance(1s);
    QCOMPARE(limiter.evictIdle(), std::size_t(50));
    QCOMPARE(limiter.keyCount(), std::size_t(0));
}

void TestRateLimiter::concurrentAcquireNeverOverspends()
{
    ManualClock clock; // frozen: no refill, so exactly `burst` requests may pass in total
    RateLimiter limiter({1, 1000, 1000, clock.fn()});
    std::atomic<int> allowed{0};
    std::vector<std::thread> pool;
    for (int t = 0; t < 8; ++t)
        pool.emplace_back([&] {
            for (int i = 0; i < 500; ++i)
                if (limiter.acquire("shared").allowed)
                    allowed.fetch_add(1);
        });
    for (auto &th : pool)
        th.join();
    QCOMPARE(allowed.load(), 1000);
}

QTEST_APPLESS_MAIN(TestRateLimiter)
#include "tst_ratelimiter.moc"
