// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MetricsRegistry snapshots and their persistence: per-interval rows in performance_metrics
// whose counts add up to what was recorded, counters, usage ranking.
#include "engine/metrics/metricsregistry.h"
#include "engine/store/database.h"
#include "engine/store/metricsstore.h"
#include "engine/store/migrations.h"

#include "testutil.h"

#include <QTest>

using namespace wfs;
using namespace wfs::metrics;

class TestMetricsRegistry : public QObject
{
    Q_OBJECT
private slots:
    void snapshotShape();
    void persistIntervals();
    void usageRanking();
};

void TestMetricsRegistry::snapshotShape()
{
    ManualClock steady(50'000'000'000);
    ManualClock wall(1'700'000'000'000'000'000);
    MetricsRegistry reg(steady.fn(), wall.fn());
    for (int i = 0; i < 100; ++i)
        reg.record("workflow_get", 10'000 + std::uint64_t(i), i == 0);
    reg.record("workflow_list", 2'000);
    steady.advance(std::chrono::seconds(1));
    reg.tick();
    steady.advance(std::chrono::seconds(1));
    const MetricsSnapshot s = reg.snapshot();
    QCOMPARE(s.operations.size(), std::size_t(2));
    QCOMPARE(s.takenAtMs, std::int64_t(1'700'000'000'000));
    const OperationSnapshot *get = s.find("workflow_get");
    QVERIFY(get);
    QCOMPARE(get->total.stats.count, std::uint64_t(100));
    QCOMPARE(get->total.stats.errors, std::uint64_t(1));
    QCOMPARE(get->last10s.stats.count, std::uint64_t(100));
    const Json j = s.toJson();
    QVERIFY(j.at("operations").at("workflow_get").at("total").at("p99_us").get<double>() > 10.0);
    QVERIFY(j.at("process").at("rssBytes").get<std::uint64_t>() > 0);
}

void TestMetricsRegistry::persistIntervals()
{
    auto db = store::Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(store::migrate(**db));
    store::MetricsStore ms(**db);
    MetricsRegistry reg;
    for (int i = 0; i < 30; ++i)
        reg.record("workflow_next", 20'000);
    auto rows = ms.persist(reg, {{"cache.l1.hits", 5}}, 1000);
    WFS_VERIFY_RESULT(rows);
    QCOMPARE(*rows, 2);
    for (int i = 0; i < 12; ++i)
        reg.record("workflow_next", 40'000, true);
    rows = ms.persist(reg, {{"cache.l1.hits", 9}}, 2000);
    WFS_VERIFY_RESULT(rows);
    rows = ms.persist(reg, {}, 3000); // nothing new: no rows
    WFS_VERIFY_RESULT(rows);
    QCOMPARE(*rows, 0);
    auto hist = ms.history("workflow_next", 0);
    WFS_VERIFY_RESULT(hist);
    QCOMPARE(hist->size(), std::size_t(2));
    QCOMPARE((*hist)[0].count, std::int64_t(30));
    QCOMPARE((*hist)[1].count, std::int64_t(12));
    QCOMPARE((*hist)[1].errors, std::int64_t(12));
    QVERIFY(std::abs((*hist)[1].p50Us - 40.0) / 40.0 < 0.01);
    auto summary = ms.summary(0);
    WFS_VERIFY_RESULT(summary);
    QCOMPARE(summary->size(), std::size_t(1));
    QCOMPARE(summary->front().count, std::int64_t(42));
    auto counters = ms.latestCounters();
    WFS_VERIFY_RESULT(counters);
    QCOMPARE(counters->at("cache.l1.hits"), 9.0);
    auto pruned = ms.prune(1500);
    WFS_VERIFY_RESULT(pruned);
    QCOMPARE(*pruned, 2);
}

void TestMetricsRegistry::usageRanking()
{
    auto db = store::Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(store::migrate(**db));
    store::MetricsStore ms(**db);
    WFS_VERIFY_RESULT(ms.addUsage({{"a", 3}, {"b", 10}, {"c", 1}}));
    WFS_VERIFY_RESULT(ms.addUsage({{"a", 20}}));
    auto top = ms.mostUsedWorkflows(2);
    WFS_VERIFY_RESULT(top);
    QCOMPARE(*top, (std::vector<std::string>{"a", "b"}));
}

QTEST_APPLESS_MAIN(TestMetricsRegistry)
#include "tst_metricsregistry.moc"
