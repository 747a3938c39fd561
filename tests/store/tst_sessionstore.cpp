// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// SessionStore and the engine's SessionSink: save/load/list/remove, event log order, and a
// SessionManager restored from the database gets back what was saved.
#include "engine/session.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "engine/store/sessionsink.h"

#include "testutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace wfs;
using namespace wfs::store;

class TestSessionStore : public QObject
{
    Q_OBJECT
private slots:
    void saveLoadRemove();
    void eventsInOrder();
    void sinkSurvivesRestart();
};

void TestSessionStore::saveLoadRemove()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    SessionStore ss(**db);
    WFS_VERIFY_RESULT(ss.save({"a", "wf-1", "cli", "active", R"({"x":1})", 100, 100}));
    WFS_VERIFY_RESULT(ss.save({"b", "wf-2", "studio", "active", "{}", 200, 300}));
    WFS_VERIFY_RESULT(ss.save({"a", "wf-1", "cli", "complete", R"({"x":2})", 999, 400}));
    auto a = ss.load("a");
    WFS_VERIFY_RESULT(a);
    QVERIFY(a->has_value());
    QCOMPARE((*a)->status, std::string("complete"));
    QCOMPARE((*a)->state, std::string(R"({"x":2})"));
    QCOMPARE((*a)->createdAtMs, std::int64_t(100)); // kept from the first save
    auto all = ss.loadAll();
    WFS_VERIFY_RESULT(all);
    QCOMPARE(all->size(), std::size_t(2));
    QCOMPARE(all->front().id, std::string("a")); // most recently updated first
    auto removed = ss.remove("a");
    WFS_VERIFY_RESULT(removed);
    QVERIFY(*removed);
    auto gone = ss.load("a");
    WFS_VERIFY_RESULT(gone);
    QVERIFY(!gone->has_value());
    QVERIFY(!ss.save({"", "wf", "", "active", "{}", 0, 0}));
}

void TestSessionStore::eventsInOrder()
{
    auto db = Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(migrate(**db));
    SessionStore ss(**db);
    WFS_VERIFY_RESULT(ss.save({"s", "wf", "cli", "active", "{}", 1, 1}));
    std::int64_t last = 0;
    for (int i = 0; i < 20; ++i) {
        auto seq = ss.appendEvent("s", "call", "{\"i\":" + std::to_string(i) + "}");
        WFS_VERIFY_RESULT(seq);
        QVERIFY(*seq > last);
        last = *seq;
    }
    auto ev = ss.events("s", 0);
    WFS_VERIFY_RESULT(ev);
    QCOMPARE(ev->size(), std::size_t(20));
    QCOMPARE(ev->back().payload, std::string("{\"i\":19}"));
    auto tail = ss.events("s", (*ev)[17].seq);
    WFS_VERIFY_RESULT(tail);
    QCOMPARE(tail->size(), std::size_t(2));
    // Removing the session removes its log.
    WFS_VERIFY_RESULT(ss.remove("s"));
    auto none = ss.events("s");
    WFS_VERIFY_RESULT(none);
    QVERIFY(none->empty());
}

void TestSessionStore::sinkSurvivesRestart()
{
    QTemporaryDir dir;
    const std::string path = dir.filePath("s.db").toStdString();
    std::string id;
    {
        auto db = Database::open(path);
        WFS_VERIFY_RESULT(db);
        WFS_VERIFY_RESULT(migrate(**db));
        auto sink = std::make_shared<SqliteSessionSink>(**db);
        SessionManager manager;
        manager.setSink(sink);
        id = manager.create("wf-x", "cli");
        manager.recordCall(
            id, "cli", "workflow_next", Json{{"workflowId", "wf-x"}},
            Json{{"isComplete", false}, {"step", nullptr}, {"context", Json::object()}}, false);
        QCOMPARE(sink->failures(), std::uint64_t(0));
        auto events = sink->store().events(id);
        WFS_VERIFY_RESULT(events);
        QVERIFY(!events->empty());
    }
    auto db = Database::open(path);
    WFS_VERIFY_RESULT(db);
    SqliteSessionSink sink(**db);
    SessionManager restored;
    auto n = sink.restoreInto(restored);
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, 1);
    auto s = restored.get(id);
    QVERIFY(s.has_value());
    QCOMPARE(s->workflowId, std::string("wf-x"));
    QCOMPARE(s->client, std::string("cli"));
}

QTEST_APPLESS_MAIN(TestSessionStore)
#include "tst_sessionstore.moc"
