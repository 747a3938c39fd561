// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Health states: each check's thresholds with injected RSS / disk figures, a missing database,
// an outdated schema, and the JSON shape `wfstudio health --json` prints.
#include "engine/cache/resultcache.h"
#include "engine/services/healthcheck.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"

#include "testutil.h"

#include <QTest>

using namespace wfs;
using namespace wfs::metrics;

class TestHealthCheck : public QObject
{
    Q_OBJECT
private slots:
    void states_data();
    void states();
    void missingDatabaseIsUnhealthy();
    void outdatedSchemaIsDegraded();
    void jsonShape();
};

static constexpr std::uint64_t MB = 1 << 20;

void TestHealthCheck::states_data()
{
    QTest::addColumn<quint64>("rssMb");
    QTest::addColumn<qint64>("diskMb"); // -1 = unknown
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("failingCheck");
    QTest::newRow("all fine") << quint64(40) << qint64(10'000) << "healthy"
                              << "";
    QTest::newRow("rss above degraded") << quint64(600) << qint64(10'000) << "degraded"
                                        << "memory";
    QTest::newRow("rss above unhealthy") << quint64(3000) << qint64(10'000) << "unhealthy"
                                         << "memory";
    QTest::newRow("disk low") << quint64(40) << qint64(100) << "degraded"
                              << "disk";
    QTest::newRow("disk nearly full") << quint64(40) << qint64(10) << "unhealthy"
                                      << "disk";
    QTest::newRow("disk unknown") << quint64(40) << qint64(-1) << "degraded"
                                  << "disk";
}

void TestHealthCheck::states()
{
    QFETCH(quint64, rssMb);
    QFETCH(qint64, diskMb);
    QFETCH(QString, expected);
    QFETCH(QString, failingCheck);
    auto db = store::Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(store::migrate(**db));
    cache::ResultCache cache({});
    HealthCheck::Options o;
    o.rssProvider = [rssMb] { return rssMb * MB; };
    o.diskFreeProvider = [diskMb](const std::string &) -> std::optional<std::uint64_t> {
        if (diskMb < 0)
            return std::nullopt;
        return std::uint64_t(diskMb) * MB;
    };
    const HealthReport r = HealthCheck(o).run(db->get(), &cache);
    QCOMPARE(QString(healthStatusName(r.status)), expected);
    for (const HealthCheckResult &c : r.checks) {
        const bool shouldFail = QString::fromStdString(c.name) == failingCheck;
        QCOMPARE(c.status != HealthStatus::Healthy, shouldFail);
        QVERIFY(!c.detail.empty());
    }
}

void TestHealthCheck::missingDatabaseIsUnhealthy()
{
    const HealthReport r = HealthCheck({}).run(nullptr, nullptr, "cannot open database /x: denied");
    QCOMPARE(r.status, HealthStatus::Unhealthy);
    QCOMPARE(r.checks.front().name, std::string("database"));
    QVERIFY(r.checks.front().detail.find("denied") != std::string::npos);
}

void TestHealthCheck::outdatedSchemaIsDegraded()
{
    auto db = store::Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    std::vector<store::Migration> firstOnly = {store::schemaMigrations().front()};
    WFS_VERIFY_RESULT(store::migrate(**db, firstOnly));
    HealthCheck::Options o;
    o.rssProvider = [] { return 10 * MB; };
    o.diskFreeProvider = [](const std::string &) { return std::optional<std::uint64_t>(1 << 30); };
    const HealthReport r = HealthCheck(o).run(db->get(), nullptr);
    QCOMPARE(r.status, HealthStatus::Degraded);
    QVERIFY2(r.checks.front().detail.find("schema version 1") != std::string::npos,
             r.checks.front().detail.c_str());
}

void TestHealthCheck::jsonShape()
{
    auto db = store::Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(store::migrate(**db));
    const Json j = HealthCheck({}).run(db->get(), nullptr).toJson();
    QVERIFY(j.at("status").is_string());
    QVERIFY(j.at("checks").is_array());
    QCOMPARE(j.at("checks").size(), std::size_t(4));
    for (const Json &c : j.at("checks")) {
        QVERIFY(c.at("name").is_string());
        QVERIFY(c.at("status").is_string());
        QVERIFY(c.at("detail").is_string());
    }
    QCOMPARE(j.at("checks").at(0).at("quick_check").get<std::string>(), std::string("ok"));
}

QTEST_APPLESS_MAIN(TestHealthCheck)
#include "tst_healthcheck.moc"
