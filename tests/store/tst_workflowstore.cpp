// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// WorkflowStore: upsert/sync bookkeeping, step extraction (loops and inline bodies), listing by
// category and source, and the library search: ranking, prefix (search as you type), hostile
// input that must never become an FTS syntax error.
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "engine/store/workflowstore.h"

#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace wfs;
using namespace wfs::store;

class TestWorkflowStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void upsertAndSteps();
    void syncReportsChanges();
    void listFilters();
    void search_data();
    void search();
    void hostileQueries_data();
    void hostileQueries();
    void ftsQueryQuoting_data();
    void ftsQueryQuoting();
    void workrailCorpus();

private:
    std::unique_ptr<Database> m_db;
};

static const char *kFixtures = R"json([
 {"id": "bug-hunt", "name": "Systematic Bug Investigation", "version": "1.0.0",
  "description": "Find the root cause of a defect with hypotheses and evidence",
  "steps": [{"id": "reproduce", "title": "Reproduce the bug", "prompt": "Write a failing test"},
            {"id": "bisect", "type": "loop", "title": "Narrow down",
             "loop": {"type": "while", "maxIterations": 5},
             "body": [{"id": "probe", "title": "Probe", "prompt": "Add logging around the debugger output"}]}]},
 {"id": "docs", "name": "Documentation Writer", "version": "1.0.0",
  "description": "Write user documentation",
  "steps": [{"id": "outline", "title": "Outline", "prompt": "Draft a bug-free outline"}]},
 {"id": "review", "name": "Merge Request Review", "version": "2.0.0",
  "description": "Review a change for correctness",
  "steps": [{"id": "read", "title": "Read the diff", "prompt": "Look for debugging leftovers"},
            {"id": "again", "type": "loop", "title": "Iterate", "loop": {"type": "for", "count": 2, "maxIterations": 2},
             "body": "read"}]}
])json";

void TestWorkflowStore::init()
{
    auto db = Database::openInMemory();
    QVERIFY(db);
    m_db = std::move(*db);
    QVERIFY(migrate(*m_db));
    WorkflowStore ws(*m_db);
    const Json all = Json::parse(kFixtures);
    WFS_VERIFY_RESULT(ws.upsert(all[0], {"debugging", "bundled"}));
    WFS_VERIFY_RESULT(ws.upsert(all[1], {"writing", "user"}));
    WFS_VERIFY_RESULT(ws.upsert(all[2], {"debugging", "user"}));
}

void TestWorkflowStore::upsertAndSteps()
{
    WorkflowStore ws(*m_db);
    auto steps = ws.steps("bug-hunt");
    WFS_VERIFY_RESULT(steps);
    QCOMPARE(steps->size(), std::size_t(3));
    QCOMPARE((*steps)[1].kind, std::string("loop"));
    QCOMPARE((*steps)[2].kind, std::string("inline"));
    QCOMPARE((*steps)[2].loopId, std::string("bisect"));
    QCOMPARE((*steps)[2].stepId, std::string("probe"));
    auto review = ws.steps("review");
    WFS_VERIFY_RESULT(review);
    QCOMPARE((*review)[1].loopId, std::string("read")); // string body target
    // Same content again: nothing changes.
    const Json all = Json::parse(kFixtures);
    auto changed = ws.upsert(all[0], {"debugging", "bundled"});
    WFS_VERIFY_RESULT(changed);
    QVERIFY(!*changed);
    Json edited = all[0];
    edited["steps"][0]["title"] = "Reproduce reliably";
    changed = ws.upsert(edited, {"debugging", "bundled"});
    WFS_VERIFY_RESULT(changed);
    QVERIFY(*changed);
    steps = ws.steps("bug-hunt");
    WFS_VERIFY_RESULT(steps);
    QCOMPARE((*steps)[0].title, std::string("Reproduce reliably"));
    auto hits = ws.search("reliably");
    WFS_VERIFY_RESULT(hits);
    QCOMPARE(hits->size(), std::size_t(1));
    // No id: refused with a reason.
    auto bad = ws.upsert(Json{{"name", "x"}}, {});
    QVERIFY(!bad);
    QVERIFY2(bad.error().find("\"id\"") != std::string::npos, bad.error().c_str());
}

void TestWorkflowStore::syncReportsChanges()
{
    WorkflowStore ws(*m_db);
    const Json all = Json::parse(kFixtures);
    Json docs = all[1];
    docs["description"] = "Write developer documentation";
    auto report = ws.sync({{all[0], {"debugging", "bundled"}}, {docs, {"writing", "user"}}});
    WFS_VERIFY_RESULT(report);
    QCOMPARE(report->unchanged, 1);
    QCOMPARE(report->updated, 1);
    QCOMPARE(report->removed, 1);
    QCOMPARE(report->inserted, 0);
    auto n = ws.count();
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(2));
    auto hits = ws.search("merge");
    WFS_VERIFY_RESULT(hits);
    QVERIFY(hits->empty()); // removed from the index too
    auto steps = ws.steps("review");
    WFS_VERIFY_RESULT(steps);
    QVERIFY(steps->empty()); // cascade
}

void TestWorkflowStore::listFilters()
{
    WorkflowStore ws(*m_db);
    auto all = ws.list();
    WFS_VERIFY_RESULT(all);
    QCOMPARE(all->size(), std::size_t(3));
    QCOMPARE(all->front().name, std::string("Documentation Writer")); // by name
    QVERIFY(all->front().json.empty());
    ListFilter f;
    f.category = "debugging";
    auto dbg = ws.list(f);
    WFS_VERIFY_RESULT(dbg);
    QCOMPARE(dbg->size(), std::size_t(2));
    f.source = "user";
    auto both = ws.list(f);
    WFS_VERIFY_RESULT(both);
    QCOMPARE(both->size(), std::size_t(1));
    QCOMPARE(both->front().id, std::string("review"));
    ListFilter s;
    s.source = "bundled";
    auto bundled = ws.list(s);
    WFS_VERIFY_RESULT(bundled);
    QCOMPARE(bundled->size(), std::size_t(1));
    auto cats = ws.categories();
    WFS_VERIFY_RESULT(cats);
    QCOMPARE(*cats, (std::vector<std::string>{"debugging", "writing"}));
    auto rec = ws.get("docs");
    WFS_VERIFY_RESULT(rec);
    QVERIFY(rec->has_value());
    QCOMPARE((*rec)->contentHash.size(), std::size_t(64));
    QVERIFY(Json::parse((*rec)->json).at("id") == "docs");
}

void TestWorkflowStore::search_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QStringList>("expected"); // ids in rank order (prefix of the result)
    QTest::addColumn<int>("count");
    QTest::newRow("name match ranks first") << "bug" << QStringList{"bug-hunt", "docs"} << 2;
    QTest::newRow("prefix while typing: 'deb'") << "deb" << QStringList{} << 2;
    QTest::newRow("prefix 'docu'") << "docu" << QStringList{"docs"} << 1;
    QTest::newRow("two words AND") << "review correct" << QStringList{"review"} << 1;
    QTest::newRow("case insensitive") << "MERGE" << QStringList{"review"} << 1;
    QTest::newRow("diacritics folded") << "révïew" << QStringList{"review"} << 1;
    QTest::newRow("inline loop body prompt") << "logging" << QStringList{"bug-hunt"} << 1;
    QTest::newRow("no match") << "kubernetes" << QStringList{} << 0;
    QTest::newRow("empty") << "" << QStringList{} << 0;
    QTest::newRow("whitespace only") << "   \t " << QStringList{} << 0;
}

void TestWorkflowStore::search()
{
    QFETCH(QString, query);
    QFETCH(QStringList, expected);
    QFETCH(int, count);
    WorkflowStore ws(*m_db);
    auto hits = ws.search(query.toStdString());
    WFS_VERIFY_RESULT(hits);
    QCOMPARE(int(hits->size()), count);
    for (int i = 0; i < expected.size(); ++i)
        QCOMPARE(QString::fromStdString((*hits)[std::size_t(i)].workflowId), expected[i]);
    for (const SearchHit &h : *hits) {
        QVERIFY(!h.snippet.empty());
        QVERIFY2(h.snippet.find('\x02') != std::string::npos, h.snippet.c_str());
    }
    for (std::size_t i = 1; i < hits->size(); ++i)
        QVERIFY((*hits)[i - 1].score <= (*hits)[i].score);
}

void TestWorkflowStore::hostileQueries_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("lone double quote") << QByteArray("\"");
    QTest::newRow("unbalanced quotes") << QByteArray("bug \"root cause");
    QTest::newRow("fts operators") << QByteArray("AND OR NOT NEAR");
    QTest::newRow("near group") << QByteArray("NEAR(bug docs, 2)");
    QTest::newRow("column filter") << QByteArray("name:bug");
    QTest::newRow("star only") << QByteArray("*");
    QTest::newRow("caret and parens") << QByteArray("^bug (docs");
    QTest::newRow("sql injection") << QByteArray("'; DROP TABLE workflows; --");
    QTest::newRow("percent underscore") << QByteArray("%_% bug%");
    QTest::newRow("NUL byte") << QByteArray("bug\0docs", 8);
    QTest::newRow("invalid utf-8") << QByteArray("\xff\xfe bug");
    QTest::newRow("very long") << QByteArray(100'000, 'a');
    QTest::newRow("many words")
        << QByteArray("a b c d e f g h i j k l m n o p q r s t u v w x y z").repeated(20);
    QTest::newRow("plus minus braces") << QByteArray("+bug -docs {name} [x]");
}

// Any input runs without an error; the database is unharmed.
void TestWorkflowStore::hostileQueries()
{
    QFETCH(QByteArray, query);
    WorkflowStore ws(*m_db);
    auto hits = ws.search(std::string_view(query.constData(), std::size_t(query.size())));
    WFS_VERIFY_RESULT(hits);
    auto n = ws.count();
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, std::int64_t(3));
}

void TestWorkflowStore::ftsQueryQuoting_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");
    QTest::newRow("one word") << "bug"
                              << "\"bug\"*";
    QTest::newRow("two words") << "root  cause"
                               << "\"root\"* \"cause\"*";
    QTest::newRow("quote doubled") << "say\"hi"
                                   << "\"say\"\"hi\"*";
    QTest::newRow("operators are words") << "NOT bug"
                                         << "\"NOT\"* \"bug\"*";
    QTest::newRow("punctuation dropped") << "bug -- ***"
                                         << "\"bug\"*";
    QTest::newRow("nothing") << " \" ' "
                             << "";
}

void TestWorkflowStore::ftsQueryQuoting()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    QCOMPARE(QString::fromStdString(WorkflowStore::ftsQuery(input.toStdString())), expected);
}

void TestWorkflowStore::workrailCorpus()
{
    WFS_REQUIRE_SHARED();
    WorkflowStore ws(*m_db);
    const QDir dir(wfs::test::sharedDir() + QStringLiteral("/workrail/workflows"));
    std::vector<std::pair<Json, WorkflowMeta>> all;
    for (const QString &name : dir.entryList({QStringLiteral("*.json")}, QDir::Files)) {
        QFile f(dir.filePath(name));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        Json j = Json::parse(bytes.begin(), bytes.end(), nullptr, false);
        QVERIFY2(!j.is_discarded(), qPrintable(name));
        all.push_back({std::move(j), {"default", dir.path().toStdString()}});
    }
    auto report = ws.sync(all);
    WFS_VERIFY_RESULT(report);
    QCOMPARE(report->inserted, int(all.size()));
    auto hits = ws.search("bug");
    WFS_VERIFY_RESULT(hits);
    QVERIFY(!hits->empty());
    const bool found = std::any_of(hits->begin(), hits->end(), [](const SearchHit &h) {
        return h.workflowId == "systematic-bug-investigation-with-loops";
    });
    QVERIFY(found);
}

QTEST_APPLESS_MAIN(TestWorkflowStore)
#include "tst_workflowstore.moc"
