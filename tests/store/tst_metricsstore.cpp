// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// MetricsStore's intervals (#16 point 1): every persisted row covers the real interval since
// the previous persist (the first one: since the registry started), so count / window_ms is the
// rate the operation really ran at. Before the fix the first row had a ~1 ms window holding
// every call since start (a phantom spike of ~1,000x), and an operation idle for a while got a
// window stretching back to its previous row.
#include "engine/metrics/metricsregistry.h"
#include "engine/store/database.h"
#include "engine/store/metricsstore.h"
#include "engine/store/migrations.h"

#include "testutil.h"

#include <QTest>

using namespace wfs;
using namespace wfs::metrics;

class TestMetricsStore : public QObject
{
    Q_OBJECT
private slots:
    void ratesAreReal_data();
    void ratesAreReal();
    void windowsArePerStore();
};

namespace {

std::unique_ptr<store::Database> freshDb()
{
    auto db = store::Database::openInMemory();
    if (!db)
        qFatal("open: %s", db.error().c_str());
    if (auto v = store::migrate(**db); !v)
        qFatal("migrate: %s", v.error().c_str());
    return std::move(*db);
}

constexpr std::int64_t kStartMs = 1'700'000'000'000;

} // namespace

// Each interval: its length and how many calls of "workflow_next" it had (0 = idle, no row).
// The expected rows: one per busy interval, with window = the interval and rate = calls/length.
void TestMetricsStore::ratesAreReal_data()
{
    QTest::addColumn<QList<int>>("lengthsMs");
    QTest::addColumn<QList<int>>("calls");
    QTest::newRow("first interval since the start") << QList<int>{5000} << QList<int>{500};
    QTest::newRow("steady") << QList<int>{5000, 5000, 5000} << QList<int>{500, 250, 1000};
    QTest::newRow("idle in between") << QList<int>{5000, 5000, 5000} << QList<int>{100, 0, 100};
    QTest::newRow("uneven intervals") << QList<int>{1000, 30000, 2000} << QList<int>{10, 300, 2};
}

void TestMetricsStore::ratesAreReal()
{
    QFETCH(QList<int>, lengthsMs);
    QFETCH(QList<int>, calls);
    auto db = freshDb();
    store::MetricsStore ms(*db);
    // The registry (the runtime's) started at kStartMs, wall clock.
    ManualClock wall(kStartMs * 1'000'000);
    MetricsRegistry reg(steadyClock(), wall.fn());
    QCOMPARE(reg.startWallMs(), kStartMs);
    std::int64_t now = kStartMs;
    struct Expected
    {
        std::int64_t at, window, count;
    };
    std::vector<Expected> expected;
    for (int i = 0; i < lengthsMs.size(); ++i) {
        for (int k = 0; k < calls[i]; ++k)
            reg.record("workflow_next", 20'000);
        now += lengthsMs[i];
        WFS_VERIFY_RESULT(ms.persist(reg, {}, now));
        if (calls[i] > 0)
            expected.push_back({now, lengthsMs[i], calls[i]});
    }
    auto rows = ms.history("workflow_next", 0);
    WFS_VERIFY_RESULT(rows);
    QCOMPARE(rows->size(), expected.size());
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const store::PerformanceSample &p = (*rows)[i];
        QCOMPARE(p.recordedAtMs, expected[i].at);
        QCOMPARE(p.count, expected[i].count);
        QCOMPARE(p.windowMs, expected[i].window);
        const double rate = double(p.count) * 1000.0 / double(p.windowMs);
        QCOMPARE(rate, double(expected[i].count) * 1000.0 / double(expected[i].window));
    }
}

// Two stores (two runtimes in one process, or a load test's private store) keep their own
// windows: the second one's first window starts at its own registry's start.
void TestMetricsStore::windowsArePerStore()
{
    auto db = freshDb();
    ManualClock wallA(kStartMs * 1'000'000);
    MetricsRegistry regA(steadyClock(), wallA.fn());
    store::MetricsStore a(*db);
    regA.record("workflow_get", 1000);
    WFS_VERIFY_RESULT(a.persist(regA, {}, kStartMs + 60'000));

    ManualClock wallB((kStartMs + 50'000) * 1'000'000);
    MetricsRegistry regB(steadyClock(), wallB.fn());
    store::MetricsStore b(*db);
    for (int i = 0; i < 100; ++i)
        regB.record("workflow_list", 1000);
    WFS_VERIFY_RESULT(b.persist(regB, {}, kStartMs + 60'000));
    auto rows = b.history("workflow_list", 0);
    WFS_VERIFY_RESULT(rows);
    QCOMPARE(rows->size(), std::size_t(1));
    QCOMPARE(rows->front().windowMs, std::int64_t(10'000)); // 100 calls in 10 s: 10/s
    auto rowsA = a.history("workflow_get", 0);
    WFS_VERIFY_RESULT(rowsA);
    QCOMPARE(rowsA->front().windowMs, std::int64_t(60'000));
}

QTEST_APPLESS_MAIN(TestMetricsStore)
#include "tst_metricsstore.moc"
