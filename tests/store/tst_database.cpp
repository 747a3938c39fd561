// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The SQLite wrapper and the schema: bound parameters of every type, hostile values through
// every table, transactions that roll back unless committed, migrations from an empty and from
// a hand-made version-1 database, refusal of a newer schema, and clear errors.
#include "engine/cache/l2cache.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "engine/store/sessionstore.h"
#include "engine/store/workflowstore.h"

#include "testutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace wfs;
using namespace wfs::store;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void bindAndReadEveryType();
    void hostileValuesRoundTrip_data();
    void hostileValuesRoundTrip();
    void transactionRollsBackUnlessCommitted();
    void migrateFromEmpty();
    void migrateFromVersion1();
    void newerSchemaIsRefused();
    void fileModesAndErrors();
    void sessionEventsAreAppendOnly();
};

static std::unique_ptr<Database> freshDb()
{
    auto db = Database::openInMemory();
    if (!db)
        qFatal("open: %s", db.error().c_str());
    auto v = migrate(**db);
    if (!v)
        qFatal("migrate: %s", v.error().c_str());
    return std::move(*db);
}

void TestDatabase::bindAndReadEveryType()
{
    auto db = freshDb();
    WFS_VERIFY_RESULT(db->exec("CREATE TABLE t(a, b, c, d, e)"));
    auto ins = db->prepare("INSERT INTO t VALUES(?1, ?2, ?3, ?4, ?5)");
    WFS_VERIFY_RESULT(ins);
    const std::string blob("\x00\xff\x01", 3);
    ins->bindText(1, std::string_view("a\0b", 3))
        .bindBlob(2, blob)
        .bindInt(3, -9'000'000'000'000LL)
        .bindDouble(4, 2.5)
        .bindNull(5);
    WFS_VERIFY_RESULT(ins->run());
    auto sel = db->prepare("SELECT a, b, c, d, e, typeof(a), typeof(b) FROM t");
    WFS_VERIFY_RESULT(sel);
    auto row = sel->step();
    WFS_VERIFY_RESULT(row);
    QVERIFY(*row);
    QCOMPARE(sel->columnText(0), std::string("a\0b", 3));
    QCOMPARE(sel->columnBlob(1), blob);
    QCOMPARE(sel->columnInt(2), -9'000'000'000'000LL);
    QCOMPARE(sel->columnDouble(3), 2.5);
    QVERIFY(sel->isNull(4));
    QCOMPARE(sel->columnText(5), std::string("text"));
    QCOMPARE(sel->columnText(6), std::string("blob"));
    // A bad parameter index is reported by the next step, not swallowed.
    auto bad = db->prepare("SELECT ?1");
    WFS_VERIFY_RESULT(bad);
    bad->bindInt(7, 1);
    auto r = bad->step();
    QVERIFY(!r);
    QVERIFY2(r.error().find("parameter 7") != std::string::npos, r.error().c_str());
}

void TestDatabase::hostileValuesRoundTrip_data()
{
    QTest::addColumn<QByteArray>("value");
    QTest::newRow("single and double quotes") << QByteArray("it's \"quoted\" ''");
    QTest::newRow("like wildcards") << QByteArray("100% _match_ %_%");
    QTest::newRow("NUL inside") << QByteArray("before\0after", 12);
    QTest::newRow("only NULs") << QByteArray("\0\0\0", 3);
    QTest::newRow("sql injection") << QByteArray("x'); DROP TABLE workflows; --");
    QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe\xc3\x28 \xed\xa0\x80");
    QTest::newRow("fts syntax") << QByteArray("NEAR(\"a\" b) AND OR NOT * ^ :col");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("1 MB") << QByteArray(1 << 20, 'x');
    QTest::newRow("unicode") << QByteArray("naïve 日本語 🚀 \u202e");
}

// Every text column of every table stores and returns the exact bytes.
void TestDatabase::hostileValuesRoundTrip()
{
    QFETCH(QByteArray, value);
    const std::string v(value.constData(), std::size_t(value.size()));
    auto db = freshDb();

    // workflows (through raw SQL so that the id itself can be hostile), steps
    WorkflowStore ws(*db);
    Json wf = {{"id", "wf-1"},
               {"name", "n"},
               {"description", "d"},
               {"version", "1.0.0"},
               {"steps", Json::array({{{"id", "s1"}, {"title", "t"}, {"prompt", "p"}}})}};
    WFS_VERIFY_RESULT(ws.upsert(wf, {"default", "test"}));
    const char *tables[][2] = {
        {"UPDATE workflows SET name = ?1, description = ?1, category = ?1, version = ?1,"
         " source = ?1, content_hash = ?1, json = ?1",
         "SELECT name, description, category, version, source, content_hash, json FROM workflows"},
        {"UPDATE steps SET step_id = ?1, title = ?1, prompt = ?1, loop_id = ?1",
         "SELECT step_id, title, prompt, loop_id FROM steps"},
        {"INSERT INTO sessions(id, workflow_id, client, status, state, created_at, updated_at)"
         " VALUES(?1, ?1, ?1, ?1, ?1, 1, 1)",
         "SELECT id, workflow_id, client, status, state FROM sessions"},
        {"INSERT INTO session_events(session_id, at, kind, payload) VALUES(?1, 1, ?1, ?1)",
         "SELECT session_id, kind, payload FROM session_events"},
        {"INSERT INTO cache_entries(key, operation, workflow_id, value, created_at, expires_at,"
         " size) VALUES(?1, ?1, ?1, ?1, 1, 2, 3)",
         "SELECT key, operation, workflow_id, value FROM cache_entries"},
        {"INSERT INTO performance_metrics(recorded_at, pid, operation, window_ms, count, errors,"
         " p50_us, p90_us, p95_us, p99_us, p999_us, max_us, mean_us)"
         " VALUES(1, 1, ?1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0)",
         "SELECT operation FROM performance_metrics"},
        {"INSERT INTO metric_counters(recorded_at, pid, name, value) VALUES(1, 1, ?1, 1)",
         "SELECT name FROM metric_counters"},
        {"INSERT INTO workflow_usage(workflow_id, calls, last_used_at) VALUES(?1, 1, 1)",
         "SELECT workflow_id FROM workflow_usage"},
    };
    for (const auto &[write, read] : tables) {
        auto w = db->prepare(write);
        WFS_VERIFY_RESULT(w);
        w->bindText(1, v);
        WFS_VERIFY_RESULT(w->run());
        auto r = db->prepare(read);
        WFS_VERIFY_RESULT(r);
        auto row = r->step();
        WFS_VERIFY_RESULT(row);
        QVERIFY2(*row, read);
        for (int c = 0; c < r->columnCount(); ++c)
            QVERIFY2(
                r->columnText(c) == v,
                qPrintable(QStringLiteral("%1 column %2").arg(QString::fromLatin1(read)).arg(c)));
    }
    // As a blob too (the L2 cache stores values as blobs).
    cache::L2Cache l2(*db, {});
    WFS_VERIFY_RESULT(l2.put("k", "op", "wf", v, 60'000));
    auto got = l2.get("k");
    WFS_VERIFY_RESULT(got);
    QVERIFY(got->has_value());
    QVERIFY((*got)->value == v);
    // The tables are all still there (no injection happened).
    auto n = db->queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'workflows'");
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(1));
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    auto db = freshDb();
    WFS_VERIFY_RESULT(db->exec("CREATE TABLE t(x)"));
    {
        Transaction tx(*db, Transaction::Immediate);
        QVERIFY(tx.isActive());
        WFS_VERIFY_RESULT(db->exec("INSERT INTO t VALUES(1)"));
    } // no commit: rolled back
    auto n = db->queryInt("SELECT count(*) FROM t");
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(0));
    {
        Transaction tx(*db);
        WFS_VERIFY_RESULT(db->exec("INSERT INTO t VALUES(2)"));
        WFS_VERIFY_RESULT(tx.commit());
        QVERIFY(!tx.isActive());
    }
    n = db->queryInt("SELECT count(*) FROM t");
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(1));
    // A nested BEGIN fails cleanly and says why.
    Transaction outer(*db);
    Transaction inner(*db);
    QVERIFY(!inner.isActive());
    QVERIFY2(inner.error().find("within a transaction") != std::string::npos,
             inner.error().c_str());
    QVERIFY(!inner.commit());
}

void TestDatabase::migrateFromEmpty()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    auto v = migrate(**db);
    WFS_VERIFY_RESULT(v);
    QCOMPARE(*v, latestSchemaVersion());
    // Idempotent.
    v = migrate(**db);
    WFS_VERIFY_RESULT(v);
    QCOMPARE(*v, latestSchemaVersion());
    for (const char *table :
         {"workflows", "steps", "sessions", "session_events", "performance_metrics",
          "cache_entries", "workflow_fts", "metric_counters", "workflow_usage"}) {
        auto st = (*db)->prepare("SELECT count(*) FROM sqlite_schema WHERE name = ?1");
        WFS_VERIFY_RESULT(st);
        st->bindText(1, table);
        auto row = st->step();
        WFS_VERIFY_RESULT(row);
        QVERIFY2(st->columnInt(0) == 1, table);
    }
    // Every query the product runs on a hot path uses an index (no full scan).
    const char *queries[] = {
        "SELECT * FROM workflows WHERE category = 'x' ORDER BY name, id",
        "SELECT * FROM steps WHERE workflow_id = 'x' ORDER BY position",
        "SELECT * FROM session_events WHERE session_id = 'x' AND seq > 0 ORDER BY seq",
        "SELECT * FROM cache_entries WHERE key = 'k'",
        "DELETE FROM cache_entries WHERE workflow_id = 'x'",
        "DELETE FROM cache_entries WHERE expires_at <= 5",
        "SELECT * FROM performance_metrics WHERE operation = 'x' AND recorded_at >= 0",
        "SELECT workflow_id FROM workflow_usage ORDER BY calls DESC LIMIT 5",
    };
    for (const char *q : queries) {
        auto st = (*db)->prepare(std::string("EXPLAIN QUERY PLAN ") + q);
        WFS_VERIFY_RESULT(st);
        std::string plan;
        bool fullScan = false;
        for (;;) {
            auto row = st->step();
            WFS_VERIFY_RESULT(row);
            if (!*row)
                break;
            const std::string detail = st->columnText(3);
            plan += detail + "; ";
            // "SCAN t" reads the whole table; "SCAN t USING ... INDEX" walks an index in order.
            if (detail.rfind("SCAN", 0) == 0 && detail.find("INDEX") == std::string::npos)
                fullScan = true;
        }
        QVERIFY2(!fullScan && (plan.find("INDEX") != std::string::npos ||
                               plan.find("PRIMARY KEY") != std::string::npos),
                 qPrintable(QStringLiteral("%1 -> %2").arg(q, QString::fromStdString(plan))));
    }
}

// A version-1 database written by hand (the v1 DDL as it shipped) with data in it: migration
// brings it to the latest version, keeps the rows, and indexes them for search.
void TestDatabase::migrateFromVersion1()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("old.db").toStdString();
    {
        auto db = Database::open(path);
        WFS_VERIFY_RESULT(db);
        WFS_VERIFY_RESULT((*db)->exec(schemaMigrations().front().sql));
        WFS_VERIFY_RESULT(
            (*db)->exec("INSERT INTO workflows(id, name, description, json, updated_at)"
                        " VALUES('legacy-flow', 'Legacy Flow', 'kept across upgrades', '{}', 1);"
                        "INSERT INTO steps(workflow_id, position, step_id, title, prompt)"
                        " VALUES('legacy-flow', 0, 'only', 'Archaeology', 'dig carefully');"
                        "PRAGMA user_version = 1;"));
    }
    auto db = Database::open(path);
    WFS_VERIFY_RESULT(db);
    auto before = (*db)->userVersion();
    WFS_VERIFY_RESULT(before);
    QCOMPARE(*before, 1);
    auto v = migrate(**db);
    WFS_VERIFY_RESULT(v);
    QCOMPARE(*v, latestSchemaVersion());
    WorkflowStore ws(**db);
    auto hits = ws.search("archaeo");
    WFS_VERIFY_RESULT(hits);
    QCOMPARE(hits->size(), std::size_t(1));
    QCOMPARE(hits->front().workflowId, std::string("legacy-flow"));
    auto rec = ws.get("legacy-flow");
    WFS_VERIFY_RESULT(rec);
    QVERIFY(rec->has_value());
    QCOMPARE((*rec)->description, std::string("kept across upgrades"));
}

void TestDatabase::newerSchemaIsRefused()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT((*db)->setUserVersion(latestSchemaVersion() + 1));
    auto v = migrate(**db);
    QVERIFY(!v);
    QVERIFY2(v.error().find("newer") != std::string::npos, v.error().c_str());
}

void TestDatabase::fileModesAndErrors()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("sub/dir/wfs.db").toStdString();
    auto db = Database::open(path);
    WFS_VERIFY_RESULT(db);
    auto mode = (*db)->prepare("PRAGMA journal_mode");
    WFS_VERIFY_RESULT(mode);
    WFS_VERIFY_RESULT(mode->step());
    QCOMPARE(mode->columnText(0), std::string("wal"));
    auto fk = (*db)->queryInt("PRAGMA foreign_keys");
    WFS_VERIFY_RESULT(fk);
    QCOMPARE(*fk, std::int64_t(1));
    // The WAL is truncated back to 8 MB at checkpoints (a bounded file under a soak).
    auto walLimit = (*db)->queryInt("PRAGMA journal_size_limit");
    WFS_VERIFY_RESULT(walLimit);
    QCOMPARE(*walLimit, std::int64_t(8) << 20);
    // Not a database: a clear error naming the file.
    const QString junk = dir.filePath("junk.db");
    QFile f(junk);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(QByteArray(4096, 'j'));
    f.close();
    auto bad = Database::open(junk.toStdString());
    QVERIFY(!bad);
    QVERIFY2(bad.error().find("junk.db") != std::string::npos, bad.error().c_str());
    // Syntax errors say where.
    auto st = (*db)->prepare("SELEKT 1");
    QVERIFY(!st);
    QVERIFY2(st.error().find("SELEKT") != std::string::npos, st.error().c_str());
}

void TestDatabase::sessionEventsAreAppendOnly()
{
    auto db = freshDb();
    SessionStore ss(*db);
    WFS_VERIFY_RESULT(ss.save({"s1", "wf", "cli", "active", "{}", 0, 0}));
    auto seq = ss.appendEvent("s1", "call", "{}");
    WFS_VERIFY_RESULT(seq);
    auto r = db->exec("UPDATE session_events SET kind = 'forged'");
    QVERIFY(!r);
    QVERIFY2(r.error().find("append-only") != std::string::npos, r.error().c_str());
    // Events of an unknown session are refused (foreign key).
    QVERIFY(!ss.appendEvent("nope", "call", "{}"));
}

QTEST_APPLESS_MAIN(TestDatabase)
#include "tst_database.moc"
