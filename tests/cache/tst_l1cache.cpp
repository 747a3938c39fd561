// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// L1Cache: TTL expiry with an injected clock, eviction by bytes, scan resistance of the
// segmented LRU, invalidation by workflow, counters.
#include "engine/cache/l1cache.h"

#include "testutil.h"

#include <QTest>

using namespace wfs;
using namespace wfs::cache;
using namespace std::chrono_literals;

class TestL1Cache : public QObject
{
    Q_OBJECT
private slots:
    void hitAndMiss();
    void ttlExpiry_data();
    void ttlExpiry();
    void evictionKeepsWithinBytes();
    void frequentlyUsedSurvivesScan();
    void invalidateByWorkflow();
    void oversizedValueIsNotStored();
};

static CachedValuePtr value(std::size_t payloadBytes, const std::string &tag = "v")
{
    return CachedValue::make(false, Json{{"tag", tag}, {"pad", std::string(payloadBytes, 'p')}},
                             {});
}

void TestL1Cache::hitAndMiss()
{
    metrics::ManualClock clock;
    L1Cache c({1 << 20, 0.8, clock.fn()});
    QVERIFY(!c.get("k"));
    c.put("k", value(10, "one"), "wf", int64_t(60e9));
    auto v = c.get("k");
    QVERIFY(v);
    QCOMPARE(v->payload.at("tag").get<std::string>(), std::string("one"));
    c.put("k", value(10, "two"), "wf", int64_t(60e9)); // replace
    QCOMPARE(c.get("k")->payload.at("tag").get<std::string>(), std::string("two"));
    const auto s = c.stats();
    QCOMPARE(s.hits, std::uint64_t(2));
    QCOMPARE(s.misses, std::uint64_t(1));
    QCOMPARE(s.entries, std::size_t(1));
    QVERIFY(c.remove("k"));
    QVERIFY(!c.get("k"));
}

void TestL1Cache::ttlExpiry_data()
{
    QTest::addColumn<qint64>("ttlMs");
    QTest::addColumn<qint64>("waitMs");
    QTest::addColumn<bool>("alive");
    QTest::newRow("just before expiry") << qint64(1000) << qint64(999) << true;
    QTest::newRow("exactly at expiry") << qint64(1000) << qint64(1000) << false;
    QTest::newRow("long after") << qint64(1000) << qint64(3'600'000) << false;
    QTest::newRow("zero ttl is not stored") << qint64(0) << qint64(0) << false;
}

void TestL1Cache::ttlExpiry()
{
    QFETCH(qint64, ttlMs);
    QFETCH(qint64, waitMs);
    QFETCH(bool, alive);
    metrics::ManualClock clock;
    L1Cache c({1 << 20, 0.8, clock.fn()});
    c.put("k", value(10), "wf", ttlMs * 1'000'000);
    clock.advance(std::chrono::milliseconds(waitMs));
    QCOMPARE(bool(c.get("k")), alive);
    if (!alive && ttlMs > 0) {
        QCOMPARE(c.stats().expired, std::uint64_t(1));
        QCOMPARE(c.stats().entries, std::size_t(0));
    }
}

void TestL1Cache::evictionKeepsWithinBytes()
{
    metrics::ManualClock clock;
    const std::size_t budget = 256 * 1024;
    L1Cache c({budget, 0.8, clock.fn()});
    for (int i = 0; i < 2000; ++i) {
        c.put("key-" + std::to_string(i), value(500), "wf", int64_t(60e9));
        QVERIFY(c.stats().bytes <= budget);
    }
    const auto s = c.stats();
    QVERIFY(s.evictions > 0);
    QCOMPARE(s.insertions, std::uint64_t(2000));
    QCOMPARE(std::uint64_t(s.entries) + s.evictions, std::uint64_t(2000));
    QVERIFY(s.bytes > budget / 2); // the budget is actually used
}

// Keys hit twice move to the protected segment; a long scan of one-off keys evicts from
// probation and leaves them in place.
void TestL1Cache::frequentlyUsedSurvivesScan()
{
    metrics::ManualClock clock;
    L1Cache c({512 * 1024, 0.8, clock.fn()});
    for (int i = 0; i < 50; ++i) {
        c.put("hot-" + std::to_string(i), value(300), "wf", int64_t(60e9));
        QVERIFY(c.get("hot-" + std::to_string(i)));
    }
    for (int i = 0; i < 5000; ++i)
        c.put("scan-" + std::to_string(i), value(300), "wf", int64_t(60e9));
    int survivors = 0;
    for (int i = 0; i < 50; ++i)
        survivors += c.get("hot-" + std::to_string(i)) ? 1 : 0;
    QCOMPARE(survivors, 50);
}

void TestL1Cache::invalidateByWorkflow()
{
    metrics::ManualClock clock;
    L1Cache c({1 << 20, 0.8, clock.fn()});
    for (int i = 0; i < 10; ++i) {
        c.put("a" + std::to_string(i), value(10), "wf-a", int64_t(60e9));
        c.put("b" + std::to_string(i), value(10), "wf-b", int64_t(60e9));
        (void)c.get("a" + std::to_string(i)); // some protected, some not
    }
    QCOMPARE(c.invalidateWorkflow("wf-a"), std::size_t(10));
    for (int i = 0; i < 10; ++i) {
        QVERIFY(!c.get("a" + std::to_string(i)));
        QVERIFY(c.get("b" + std::to_string(i)));
    }
    c.clear();
    QCOMPARE(c.stats().entries, std::size_t(0));
    QCOMPARE(c.stats().bytes, std::size_t(0));
}

void TestL1Cache::oversizedValueIsNotStored()
{
    metrics::ManualClock clock;
    L1Cache c({16 * 1024, 0.8, clock.fn()}); // 1 KiB per shard
    c.put("big", value(64 * 1024), "wf", int64_t(60e9));
    QVERIFY(!c.get("big"));
    QCOMPARE(c.stats().bytes, std::size_t(0));
}

QTEST_APPLESS_MAIN(TestL1Cache)
#include "tst_l1cache.moc"
