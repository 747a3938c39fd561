// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// ResultCache over both levels: L2 survives a restart and is promoted into L1, L2 TTL with an
// injected wall clock, invalidation removes entries from both levels, the L2 byte budget,
// corrupt L2 rows are misses, counters per level and operation.
#include "engine/cache/l2cache.h"
#include "engine/cache/resultcache.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"

#include "testutil.h"

#include <QTemporaryDir>

#include <sqlite3.h>

#include <QTest>

using namespace wfs;
using namespace wfs::cache;
using namespace std::chrono_literals;

class TestResultCache : public QObject
{
    Q_OBJECT
private slots:
    void survivesRestartAndPromotes();
    void l2TtlExpiry();
    void invalidationReachesBothLevels();
    void l2ByteBudget();
    void l2TotalsAreKeptNotScanned();
    void corruptRowIsAMiss();
    void encodeDecodeRoundTrip_data();
    void encodeDecodeRoundTrip();
};

static std::unique_ptr<store::Database> openDb(const std::string &path)
{
    auto db = store::Database::open(path);
    if (!db || !store::migrate(**db))
        qFatal("cannot open %s", path.c_str());
    return std::move(*db);
}

void TestResultCache::survivesRestartAndPromotes()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("c.db").toStdString();
    {
        auto db = openDb(path);
        ResultCache c({}, std::make_shared<L2Cache>(*db, L2Cache::Options{}));
        c.put("workflow_get", "k1", "wf-1", CachedValue::make(false, Json{{"a", 1}}, {}));
        QVERIFY(c.get("workflow_get", "k1"));
    }
    auto db = openDb(path);
    ResultCache c({}, std::make_shared<L2Cache>(*db, L2Cache::Options{}));
    auto v = c.get("workflow_get", "k1"); // L1 miss, L2 hit
    QVERIFY(v);
    QCOMPARE(v->payload.dump(), std::string(R"({"a":1})"));
    QVERIFY(c.get("workflow_get", "k1")); // now an L1 hit
    const CacheStats s = c.stats();
    QCOMPARE(s.l1.hits, std::uint64_t(1));
    QCOMPARE(s.l1.misses, std::uint64_t(1));
    QCOMPARE(s.l2.hits, std::uint64_t(1));
    const auto &op = s.operations[1];
    QCOMPARE(op.operation, std::string("workflow_get"));
    QCOMPARE(op.l1Hits, std::uint64_t(1));
    QCOMPARE(op.l2Hits, std::uint64_t(1));
    QCOMPARE(s.l1HitRate(), 0.5);
    const Json j = s.toJson();
    QCOMPARE(j.at("l1_hit_rate").get<double>(), 0.5);
    QCOMPARE(j.at("operations").at("workflow_get").at("l2_hits").get<int>(), 1);
}

void TestResultCache::l2TtlExpiry()
{
    auto db = openDb(":memory:");
    metrics::ManualClock wall(1'700'000'000'000'000'000);
    metrics::ManualClock steady;
    ResultCache::Options o;
    o.ttlMs = 5000;
    o.l1.clock = steady.fn();
    auto l2 = std::make_shared<L2Cache>(*db, L2Cache::Options{64 << 20, wall.fn()});
    ResultCache c(o, l2);
    c.put("workflow_list", "k", "", CachedValue::make(false, Json::object(), {}));
    c.l1().clear(); // force the L2 path
    wall.advance(4999ms);
    QVERIFY(c.get("workflow_list", "k"));
    c.l1().clear();
    wall.advance(1ms);
    QVERIFY(!c.get("workflow_list", "k"));
    QCOMPARE(l2->stats().expired, std::uint64_t(1));
    auto purged = l2->purgeExpired();
    WFS_VERIFY_RESULT(purged);
    QCOMPARE(*purged, 1);
    // A promoted entry keeps the L2 deadline, not a fresh full TTL.
    c.put("workflow_list", "k2", "", CachedValue::make(false, Json::object(), {}));
    c.l1().clear();
    wall.advance(4000ms);
    QVERIFY(c.get("workflow_list", "k2")); // promoted with 1 s left
    steady.advance(1001ms);
    QVERIFY(!c.l1().get("k2"));
}

void TestResultCache::invalidationReachesBothLevels()
{
    auto db = openDb(":memory:");
    auto l2 = std::make_shared<L2Cache>(*db, L2Cache::Options{});
    ResultCache c({}, l2);
    c.put("workflow_get", "a1", "wf-a", CachedValue::make(false, Json{{"v", 1}}, {}));
    c.put("workflow_next", "a2", "wf-a", CachedValue::make(false, Json{{"v", 2}}, {}));
    c.put("workflow_get", "b1", "wf-b", CachedValue::make(false, Json{{"v", 3}}, {}));
    c.invalidateWorkflow("wf-a");
    QVERIFY(!c.get("workflow_get", "a1"));
    QVERIFY(!c.get("workflow_next", "a2"));
    QVERIFY(c.get("workflow_get", "b1"));
    QCOMPARE(l2->stats().entries, std::int64_t(1));
    c.invalidateAll();
    QVERIFY(!c.get("workflow_get", "b1"));
    QCOMPARE(l2->stats().entries, std::int64_t(0));
}

void TestResultCache::l2ByteBudget()
{
    auto db = openDb(":memory:");
    L2Cache l2(*db, {100'000, metrics::wallClock()});
    const std::string blob(10'000, 'x');
    for (int i = 0; i < 50; ++i)
        WFS_VERIFY_RESULT(l2.put("k" + std::to_string(i), "op", "", blob, 60'000 + i));
    const auto s = l2.stats();
    QVERIFY2(s.bytes <= 100'000, qPrintable(QString::number(s.bytes)));
    QCOMPARE(s.evictions, std::uint64_t(40));
    auto newest = l2.get("k49");
    WFS_VERIFY_RESULT(newest);
    QVERIFY(newest->has_value());
    auto oldest = l2.get("k0");
    WFS_VERIFY_RESULT(oldest);
    QVERIFY(!oldest->has_value());
}

// stats() is read every second by the dashboard: it reports running totals that follow every
// write, replacement, eviction, invalidation, purge and clear, and runs no SQL for them.
void TestResultCache::l2TotalsAreKeptNotScanned()
{
    auto db = openDb(":memory:");
    metrics::ManualClock wall(1'700'000'000'000'000'000);
    L2Cache l2(*db, {20'000, wall.fn()});
    const auto check = [&](const char *when) {
        const L2Cache::Stats s = l2.stats();
        auto count = db->queryInt("SELECT count(*) FROM cache_entries");
        auto bytes = db->queryInt("SELECT coalesce(sum(size), 0) FROM cache_entries");
        QVERIFY(count && bytes);
        QVERIFY2(s.entries == *count && s.bytes == *bytes,
                 qPrintable(QStringLiteral("%1: stats %2 entries / %3 bytes, table %4 / %5")
                                .arg(QLatin1String(when))
                                .arg(s.entries)
                                .arg(s.bytes)
                                .arg(*count)
                                .arg(*bytes)));
    };
    check("empty");
    for (int i = 0; i < 30; ++i) {
        WFS_VERIFY_RESULT(l2.put("k" + std::to_string(i), "op", i % 2 ? "wf-a" : "wf-b",
                                 std::string(500 + i, 'x'), i < 10 ? 1000 : 60'000));
    }
    check("after puts");
    WFS_VERIFY_RESULT(l2.put("k29", "op", "wf-a", std::string(50, 'y'), 60'000));
    check("after a replacement");
    for (int i = 30; i < 60; ++i) // over the 20,000-byte budget: evictions
        WFS_VERIFY_RESULT(
            l2.put("k" + std::to_string(i), "op", "wf-a", std::string(900, 'z'), 60'000));
    QVERIFY(l2.stats().evictions > 0);
    check("after evictions");
    WFS_VERIFY_RESULT(l2.invalidateWorkflow("wf-b"));
    check("after an invalidation");
    wall.advance(std::chrono::milliseconds(5000));
    WFS_VERIFY_RESULT(l2.put("late", "op", "wf-b", std::string(10, 'w'), 1));
    wall.advance(std::chrono::milliseconds(10));
    WFS_VERIFY_RESULT(l2.purgeExpired());
    check("after a purge");
    // No statement runs for stats().
    int statements = 0;
    sqlite3_trace_v2(
        db->handle(), SQLITE_TRACE_STMT,
        [](unsigned, void *counter, void *, void *) {
            ++*static_cast<int *>(counter);
            return 0;
        },
        &statements);
    for (int i = 0; i < 100; ++i)
        (void)l2.stats();
    sqlite3_trace_v2(db->handle(), 0, nullptr, nullptr);
    QCOMPARE(statements, 0);
    WFS_VERIFY_RESULT(l2.clear());
    check("after clear");
}

void TestResultCache::corruptRowIsAMiss()
{
    auto db = openDb(":memory:");
    auto l2 = std::make_shared<L2Cache>(*db, L2Cache::Options{});
    WFS_VERIFY_RESULT(l2->put("k", "workflow_get", "", "{not json", 60'000));
    ResultCache c({}, l2);
    QVERIFY(!c.get("workflow_get", "k"));
    QCOMPARE(c.stats().l2.errors, std::uint64_t(1));
}

void TestResultCache::encodeDecodeRoundTrip_data()
{
    QTest::addColumn<bool>("isError");
    QTest::addColumn<QString>("payload");
    QTest::addColumn<QString>("text");
    QTest::newRow("object answer") << false << R"({"workflows":[{"id":"a"}]})"
                                   << "";
    QTest::newRow("plain-text error") << true << "null"
                                      << "Unknown tool: x";
    QTest::newRow("error object") << true << R"({"error":"Workflow with id 'x' not found"})"
                                  << "";
    QTest::newRow("unicode and escapes") << false << R"({"p":"é\n\"\u0000"})"
                                         << "";
}

void TestResultCache::encodeDecodeRoundTrip()
{
    QFETCH(bool, isError);
    QFETCH(QString, payload);
    QFETCH(QString, text);
    auto v = CachedValue::make(isError, Json::parse(payload.toStdString()), text.toStdString());
    auto back = CachedValue::decode(v->encoded);
    QVERIFY(back);
    QCOMPARE(back->isError, isError);
    QCOMPARE(back->text, text.toStdString());
    QCOMPARE(back->payload.dump(), v->payload.dump()); // key order preserved
    QVERIFY(!CachedValue::decode("[]"));
    QVERIFY(!CachedValue::decode(""));
}

QTEST_APPLESS_MAIN(TestResultCache)
#include "tst_resultcache.moc"
