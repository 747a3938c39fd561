// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio publish` / `unpublish` against a store, and instances serving the published set:
// invalid files are refused with file:line:column, the valid ones are served by every instance
// on the store within a second of publishing, a new version replaces the old one everywhere,
// unpublishing removes it everywhere. Each case runs on every store backend.
#include "mcpinstance.h"
#include "pgcluster.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace wfs;
using wfs::test::McpClient;
using wfs::test::McpInstance;

namespace {

// The instances under test are built like this test: under the sanitizers everything runs
// several times slower, so the one-second promise is checked in the normal build only.
#if defined(__SANITIZE_ADDRESS__)
constexpr qint64 kServeLimitMs = 4000;
#else
constexpr qint64 kServeLimitMs = 1000;
#endif

struct CommandRun
{
    int exitCode = -1;
    QString out;
    QString err;
};

CommandRun wfstudio(const QStringList &args)
{
    QProcess p;
    p.start(test::binaryDir() + QStringLiteral("/bin/wfstudio"), args);
    p.waitForFinished(60000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1,
            QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

void writeText(const QString &path, const QByteArray &text)
{
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(text);
}

// A small valid workflow `id` whose first step's title is `title` (its version marker).
QByteArray workflowText(const QString &id, const QString &title)
{
    return QStringLiteral(R"({
  "id": "%1",
  "name": "Published %1",
  "description": "A workflow served from the shared store.",
  "version": "1.0.0",
  "steps": [
    {"id": "first", "title": "%2", "prompt": "Do the first thing."},
    {"id": "second", "title": "Second", "prompt": "Do the second thing."}
  ]
})")
        .arg(id, title)
        .toUtf8();
}

// The title of the first step `port` hands out for `id`, "" when it does not serve it.
std::string firstTitle(McpClient &client, quint16 port, const std::string &id)
{
    const test::ToolAnswer a = client.tool(
        port, "workflow_next", Json{{"workflowId", id}, {"completedSteps", Json::array()}});
    if (a.isError)
        return {};
    const Json body = Json::parse(a.text, nullptr, false);
    if (!body.is_object() || !body.contains("step") || !body["step"].is_object())
        return {};
    return body["step"].value("title", std::string());
}

// Milliseconds until every instance hands out `title` for `id` ("" = no longer serves it);
// -1 when that does not happen within `limitMs`.
qint64 msUntilServed(std::vector<McpClient> &clients, const std::vector<McpInstance *> &instances,
                     const std::string &id, const std::string &title, qint64 limitMs = 5000)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < limitMs) {
        bool all = true;
        for (std::size_t i = 0; i < instances.size() && all; ++i)
            all = firstTitle(clients[i], instances[i]->port(), id) == title;
        if (all)
            return timer.elapsed();
        QThread::msleep(20);
    }
    return -1;
}

} // namespace

class TestTeamPublish : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    std::unique_ptr<test::PgCluster> m_pg;
    int m_stores = 0;

    // The store URL of a backend row: "sqlite" a fresh file, "postgresql" a fresh database of
    // the throwaway cluster (started on first use).
    QString storeUrl(const QString &backend)
    {
        ++m_stores;
        if (backend == QLatin1String("sqlite"))
            return QStringLiteral("sqlite:%1/store-%2.db").arg(m_dir.path()).arg(m_stores);
        if (!m_pg) {
            m_pg = std::make_unique<test::PgCluster>();
            if (!m_pg->init()) {
                qWarning("PostgreSQL: %s", qPrintable(m_pg->error()));
                return {};
            }
        }
        return m_pg->createDatabase(QStringLiteral("publish_%1").arg(m_stores));
    }

private slots:
    void backends_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    void init()
    {
        if (QTest::currentDataTag() == QLatin1String("postgresql") && !test::PgCluster::available())
            WFS_SKIP_UNLESS_REQUIRED("PostgreSQL 15 server binaries are not installed "
                                     "(apt-get install postgresql-15)");
    }

    void publishRefusesInvalidFilesWithTheirPositions_data() { backends_data(); }
    void publishRefusesInvalidFilesWithTheirPositions()
    {
        QFETCH(QString, backend);
        const QString store = storeUrl(backend);
        QVERIFY(!store.isEmpty());
        const QString folder = m_dir.path() + QStringLiteral("/refuse-") + backend;
        QVERIFY(QDir().mkpath(folder));
        writeText(folder + QStringLiteral("/good.json"), workflowText("good-one", "v1"));
        writeText(folder + QStringLiteral("/broken.json"),
                  "{\"id\": \"broken\", \"name\": 3,\n \"steps\": [}");
        writeText(folder + QStringLiteral("/bad-schema.json"),
                  R"({"id": "bad-schema", "name": "x", "description": "d", "version": "1.0.0",
"steps": [{"id": "s", "title": "t"}]})");
        CommandRun r = wfstudio({"publish", "--store", store, folder});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.out.contains(folder + QStringLiteral("/broken.json:2:12: error")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("refused: ") + folder +
                                QStringLiteral("/bad-schema.json")),
                 qPrintable(r.out));
        QVERIFY2(r.out.contains(QStringLiteral("published: good-one")), qPrintable(r.out));
        // Again: nothing new, the invalid ones still refused.
        r = wfstudio({"publish", "--store", store, folder + QStringLiteral("/good.json")});
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.out.contains(QStringLiteral("unchanged: good-one")), qPrintable(r.out));
        // --json says the same.
        r = wfstudio({"publish", "--json", "--store", store, folder});
        const Json j = Json::parse(r.out.toStdString(), nullptr, false);
        QVERIFY2(j.is_object(), qPrintable(r.out));
        QCOMPARE(j["refused"].size(), std::size_t(2));
        QCOMPARE(j["unchanged"][0].value("id", std::string()), std::string("good-one"));
        QCOMPARE(j["refused"][0]["diagnostics"][0]["line"].is_number(), true);
        // Unpublish: once, then "not published".
        r = wfstudio({"unpublish", "--store", store, "good-one"});
        QCOMPARE(r.exitCode, 0);
        r = wfstudio({"unpublish", "--store", store, "good-one"});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.contains(QStringLiteral("good-one is not published")), qPrintable(r.err));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        QTest::newRow("no store") << QStringList{"publish", "x.json"} << "--store URL is required";
        QTest::newRow("unknown scheme")
            << QStringList{"publish", "--store", "mysql://h/db", "x.json"} << "unknown store";
        QTest::newRow("no files") << QStringList{"publish", "--store", "sqlite::memory:"}
                                  << "name the workflow files";
        QTest::newRow("unpublish no ids")
            << QStringList{"unpublish", "--store", "sqlite::memory:"} << "name the workflow ids";
        QTest::newRow("mcp unknown store")
            << QStringList{"mcp", "--store", "redis://h:1"} << "unknown store";
        QTest::newRow("mcp unknown cache")
            << QStringList{"mcp", "--cache", "postgresql://h/db"} << "unknown cache";
        QTest::newRow("mcp store and db")
            << QStringList{"mcp", "--store", "sqlite:/tmp/x.db", "--db", "/tmp/y.db"}
            << "--store excludes --db";
    }
    void usageErrors()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        const CommandRun r = wfstudio(args);
        QCOMPARE(r.exitCode, 2);
        QVERIFY2(r.err.contains(message), qPrintable(r.err));
    }

    // Two instances on one store: publish, a new version and unpublish reach both within a
    // second each, while their own --workflows keep precedence.
    void servedByEveryInstanceWithinASecond_data() { backends_data(); }
    void servedByEveryInstanceWithinASecond()
    {
        QFETCH(QString, backend);
        const QString store = storeUrl(backend);
        QVERIFY(!store.isEmpty());
        const QString folder = m_dir.path() + QStringLiteral("/serve-") + backend;
        const QString own = m_dir.path() + QStringLiteral("/own-") + backend;
        QVERIFY(QDir().mkpath(folder));
        QVERIFY(QDir().mkpath(own));
        // Published before the instances start: served from the first request.
        writeText(folder + QStringLiteral("/early.json"), workflowText("early", "Early"));
        QCOMPARE(wfstudio({"publish", "--store", store, folder + "/early.json"}).exitCode, 0);
        // The second instance serves its own "shadowed" over the published one.
        writeText(own + QStringLiteral("/shadowed.json"), workflowText("shadowed", "Own copy"));
        McpInstance a({"--store", store});
        McpInstance b({"--store", store, "--workflows", own});
        QString why;
        QVERIFY2(a.start(&why), qPrintable(why));
        QVERIFY2(b.start(&why), qPrintable(why));
        std::vector<McpClient> clients(2);
        QVERIFY(clients[0].initialize(a.port()));
        QVERIFY(clients[1].initialize(b.port()));
        const std::vector<McpInstance *> both{&a, &b};
        QCOMPARE(firstTitle(clients[0], a.port(), "early"), std::string("Early"));
        QCOMPARE(firstTitle(clients[1], b.port(), "early"), std::string("Early"));

        const auto publishAndWait = [&](const QString &id, const QString &title) {
            writeText(folder + "/" + id + ".json", workflowText(id, title));
            const CommandRun r =
                wfstudio({"publish", "--store", store, folder + "/" + id + ".json"});
            if (r.exitCode != 0)
                return qint64(-2);
            return msUntilServed(clients, both, id.toStdString(), title.toStdString());
        };
        qint64 ms = publishAndWait(QStringLiteral("fresh"), QStringLiteral("Version 1"));
        qInfo("published: served by both after %lld ms", ms);
        QVERIFY2(ms >= 0 && ms <= kServeLimitMs, qPrintable(QString::number(ms)));
        ms = publishAndWait(QStringLiteral("fresh"), QStringLiteral("Version 2"));
        qInfo("new version: served by both after %lld ms", ms);
        QVERIFY2(ms >= 0 && ms <= kServeLimitMs, qPrintable(QString::number(ms)));

        // The instance's own folder wins over the published set.
        writeText(folder + QStringLiteral("/shadowed.json"), workflowText("shadowed", "Published"));
        QCOMPARE(wfstudio({"publish", "--store", store, folder + "/shadowed.json"}).exitCode, 0);
        QVERIFY(msUntilServed(clients, {&a}, "shadowed", "Published") >= 0);
        QCOMPARE(firstTitle(clients[1], b.port(), "shadowed"), std::string("Own copy"));

        QCOMPARE(wfstudio({"unpublish", "--store", store, "fresh"}).exitCode, 0);
        ms = msUntilServed(clients, both, "fresh", "");
        qInfo("unpublished: gone from both after %lld ms", ms);
        QVERIFY2(ms >= 0 && ms <= kServeLimitMs, qPrintable(QString::number(ms)));
        QCOMPARE(firstTitle(clients[0], a.port(), "early"), std::string("Early"));
    }
};

QTEST_GUILESS_MAIN(TestTeamPublish)
#include "tst_teampublish.moc"
