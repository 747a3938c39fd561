// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The heat map over the team server's PostgreSQL store (PgSessionStore::heatCalls/callClients)
// against a real, throwaway PostgreSQL 15 cluster (tests/common/pgcluster.h; label `team`): the
// same recorded sessions in PostgreSQL and in an in-memory SQLite store give the same report,
// rows and clients for every filter; hostile filter texts are data.
#include "engine/pg/pgbackend.h"
#include "engine/store/database.h"
#include "engine/store/heatmap.h"
#include "engine/store/migrations.h"
#include "engine/store/sessionstore.h"

#include "callrecords.h"
#include "pgcluster.h"
#include "testutil.h"

#include <QTest>

using namespace wfs;
using namespace wfs::pg;
using namespace wfs::store;

namespace {

using wfs::test::call;

// The heat map's fixture, recorded alike into any session store: seven sessions of "wf" with
// different clients (updated at 1000..7000), each with loop passes, validations (failed,
// retried), and some with a failed call, a step the workflow no longer has or completion; one
// session of another workflow. Ids of mixed case: their order is the bytes'.
Result<void> recordHeatFixture(AbstractSessionStore &store)
{
    const struct
    {
        const char *id;
        const char *client;
    } sessions[] = {{"A1", "Claude Code (http:1a2b)"},
                    {"a2", "Claude Code (http:9f0e)"},
                    {"B3", "claude (stdio)"},
                    {"b4", "studio"},
                    {"c5", "http:77aa"},
                    {"C6", "Cursor (stdio)"},
                    {"d7", "it's \"odd\" (stdio)"}};
    const auto add = [&](const std::string &session, std::int64_t at, const std::string &tool,
                         const std::string &step, const std::string &loop = {}, int pass = 0,
                         int valid = -1, bool error = false, bool complete = false) {
        CallRecord c = call(session, at, tool);
        c.stepId = step;
        c.loopId = loop;
        c.pass = pass;
        c.valid = valid;
        c.isError = error;
        c.complete = complete;
        return store.appendCall(c);
    };
    int i = 0;
    for (const auto &s : sessions) {
        const std::int64_t updated = 1000 * (i + 1);
        const std::int64_t t = updated - 900;
        if (Result<void> r = store.save({s.id, "wf", s.client, "active", "{}", t, updated}); !r)
            return r;
        std::vector<Result<std::int64_t>> written;
        written.push_back(add(s.id, t, "workflow_next", "start"));
        written.push_back(add(s.id, t + 10, "workflow_validate", "start", {}, 0, i % 2));
        if (i % 2 == 0)
            written.push_back(add(s.id, t + 20 + i, "workflow_validate", "start", {}, 0, 1));
        written.push_back(add(s.id, t + 50 + i, "workflow_next", "body", "L", 1));
        written.push_back(add(s.id, t + 100 + 7 * i, "workflow_next", "body", "L", 2));
        if (i % 3 == 0)
            written.push_back(add(s.id, t + 120, "workflow_next", "", {}, 0, -1, true));
        if (i % 3 == 1)
            written.push_back(add(s.id, t + 150 + i, "workflow_next", "legacy-step"));
        if (i != 4)
            written.push_back(add(s.id, t + 200 + 31 * i, "workflow_next", "end"));
        if (i % 2 == 1)
            written.push_back(add(s.id, t + 300 + i, "workflow_next", "", {}, 0, -1, false, true));
        for (const Result<std::int64_t> &w : written) {
            if (!w)
                return Result<void>::failure(w.error());
        }
        ++i;
    }
    if (Result<void> r =
            store.save({"o", "other", "Claude Code (http:1a2b)", "active", "{}", 8000, 8000});
        !r)
        return r;
    CallRecord other = call("o", 8000);
    other.workflowId = "other";
    other.stepId = "start";
    if (Result<std::int64_t> r = store.appendCall(other); !r)
        return Result<void>::failure(r.error());
    return {};
}

} // namespace

class TestPgHeat : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void heatMapAsSqlite_data();
    void heatMapAsSqlite();

private:
    wfs::test::PgCluster m_cluster;
    std::unique_ptr<PgBackend> m_pg;
    std::unique_ptr<Database> m_db;
    std::unique_ptr<SessionStore> m_sqlite;
};

// The fixture in a PostgreSQL store and an in-memory SQLite one, recorded once.
void TestPgHeat::initTestCase()
{
    if (!wfs::test::PgCluster::available())
        WFS_SKIP_UNLESS_REQUIRED("PostgreSQL 15 server binaries are not installed "
                                 "(/usr/lib/postgresql/15/bin; apt-get install postgresql-15)");
    QVERIFY2(m_cluster.init(), qPrintable(m_cluster.error()));
    const QString url = m_cluster.createDatabase(QStringLiteral("heat"));
    QVERIFY2(!url.isEmpty(), qPrintable(m_cluster.error()));
    PgOptions o;
    o.url = url.toStdString();
    o.poolSize = 2;
    o.connectTimeoutS = 2;
    auto pg = PgBackend::open(o);
    WFS_VERIFY_RESULT(pg);
    m_pg = std::move(*pg);
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    m_db = std::move(*db);
    WFS_VERIFY_RESULT(migrate(*m_db));
    m_sqlite = std::make_unique<SessionStore>(*m_db);
    WFS_VERIFY_RESULT(recordHeatFixture(m_pg->sessions()));
    WFS_VERIFY_RESULT(recordHeatFixture(*m_sqlite));
}

// The heat map over PostgreSQL is the heat map over SQLite: the same recorded sessions give the
// same report (every number of every step, in the same order) for every filter, and the same
// clients. A hostile filter text is data: it matches nothing and fails nothing.
void TestPgHeat::heatMapAsSqlite_data()
{
    QTest::addColumn<QByteArray>("client");
    QTest::addColumn<qint64>("sinceMs");
    QTest::addColumn<int>("sessions"); ///< of the fixture's seven
    QTest::newRow("unfiltered") << QByteArray() << 0ll << 7;
    QTest::newRow("since") << QByteArray() << 4000ll << 4;
    QTest::newRow("agent name") << QByteArray("Claude Code") << 0ll << 2;
    QTest::newRow("agent name since") << QByteArray("Claude Code") << 1500ll << 1;
    QTest::newRow("http") << QByteArray("http") << 0ll << 3;
    QTest::newRow("stdio") << QByteArray("stdio") << 0ll << 3;
    QTest::newRow("one connection") << QByteArray("http:77aa") << 0ll << 1;
    QTest::newRow("full client text") << QByteArray("Claude Code (http:1a2b)") << 0ll << 1;
    QTest::newRow("studio") << QByteArray("studio") << 0ll << 1;
    QTest::newRow("quoted agent name") << QByteArray("it's \"odd\"") << 0ll << 1;
    QTest::newRow("matches nothing") << QByteArray("Claude") << 0ll << 0;
    QTest::newRow("hostile: quotes") << QByteArray("x' OR '1'='1") << 0ll << 0;
    QTest::newRow("hostile: statement") << QByteArray("'); DROP TABLE sessions; --") << 0ll << 0;
    QTest::newRow("hostile: percent") << QByteArray("%") << 0ll << 0;
    QTest::newRow("hostile: underscore") << QByteArray("Claude_Code") << 0ll << 0;
    QTest::newRow("hostile: like pattern") << QByteArray("Cl%e Code") << 0ll << 0;
    QTest::newRow("hostile: backslash") << QByteArray("\\") << 0ll << 0;
    QTest::newRow("hostile: backslash quote") << QByteArray("\\'") << 0ll << 0;
    QTest::newRow("hostile: invalid UTF-8") << QByteArray("Claude\xff Code") << 0ll << 0;
    QTest::newRow("hostile: NUL") << QByteArray("studio\0x", 8) << 0ll << 0;
}

void TestPgHeat::heatMapAsSqlite()
{
    QFETCH(QByteArray, client);
    QFETCH(qint64, sinceMs);
    QFETCH(int, sessions);
    HeatFilter f;
    f.client = client.toStdString();
    f.sinceMs = sinceMs;
    const std::vector<std::string> order = {"start", "L", "body", "end"};
    auto fromPg = computeHeat(m_pg->sessions(), "wf", f, order);
    WFS_VERIFY_RESULT(fromPg);
    auto fromSqlite = computeHeat(*m_sqlite, "wf", f, order);
    WFS_VERIFY_RESULT(fromSqlite);
    QCOMPARE(fromSqlite->sessions, sessions);
    QCOMPARE(fromPg->sessions, sessions);
    QCOMPARE(fromPg->toJson().dump(), fromSqlite->toJson().dump());
    QVERIFY(fromPg->steps == fromSqlite->steps); // what toJson leaves out too (retries, samples)
    if (sessions > 0) {
        // The fixture's numbers are there (not two equally empty reports).
        QVERIFY(fromPg->find("body") && fromPg->find("body")->loopPasses == 2 * sessions);
        QVERIFY(fromPg->find("start")->reached == sessions);
    }
    // The rows themselves: every call, grouped by session in the bytes' order, seq order within.
    auto rowsPg = m_pg->sessions().heatCalls("wf", f);
    WFS_VERIFY_RESULT(rowsPg);
    auto rowsSqlite = m_sqlite->heatCalls("wf", f);
    WFS_VERIFY_RESULT(rowsSqlite);
    QCOMPARE(rowsPg->size(), rowsSqlite->size());
    for (std::size_t i = 0; i < rowsPg->size(); ++i) {
        const HeatCall &p = (*rowsPg)[i];
        const HeatCall &q = (*rowsSqlite)[i];
        QCOMPARE(p.sessionId, q.sessionId);
        QCOMPARE(p.atMs, q.atMs);
        QCOMPARE(p.tool, q.tool);
        QCOMPARE(p.stepId, q.stepId);
        QCOMPARE(p.loopId, q.loopId);
        QCOMPARE(p.pass, q.pass);
        QCOMPARE(p.complete, q.complete);
        QCOMPARE(p.valid, q.valid);
        QCOMPARE(p.isError, q.isError);
    }

    auto clientsPg = heatClients(m_pg->sessions(), "wf");
    WFS_VERIFY_RESULT(clientsPg);
    auto clientsSqlite = heatClients(*m_sqlite, "wf");
    WFS_VERIFY_RESULT(clientsSqlite);
    const std::vector<std::string> want = {"Claude Code", "Cursor",       "claude",
                                           "http",        "it's \"odd\"", "studio"};
    QCOMPARE(*clientsSqlite, want);
    QCOMPARE(*clientsPg, want);
    // A workflow nobody walked: no calls, no clients, from either store.
    auto nonePg = computeHeat(m_pg->sessions(), "nobody-walked", f);
    WFS_VERIFY_RESULT(nonePg);
    QCOMPARE(nonePg->sessions, 0);
    auto noClients = heatClients(m_pg->sessions(), "nobody-walked");
    WFS_VERIFY_RESULT(noClients);
    QVERIFY(noClients->empty());
}

QTEST_GUILESS_MAIN(TestPgHeat)
#include "tst_pgheat.moc"
