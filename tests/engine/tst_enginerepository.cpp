// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Workflow sources: precedence, skipped files reported, a schema-invalid override never hides
// the valid workflow, extra folders changed at run time, concurrent reloads never publishing an
// older view last (also held back deterministically), compiled workflows kept in a bounded LRU,
// unchanged files not read again, reloadAsync() off the caller's thread, and changes on disk
// (edit, new file, rename of the id, deletion) picked up within a second.
#include "testfiles.h"
#include "testutil.h"

#include "engine/engine.h"
#include "engine/workflowrepository.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace wfs;
using wfs::test::writeFile;

namespace {

QByteArray workflow(const char *id, const char *name)
{
    return QByteArray::fromStdString(test::minimalWorkflow(id, name).dump());
}

Engine::Options options(const std::vector<std::string> &dirs, bool watch = false)
{
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = watch;
    o.extraDirs = dirs;
    return o;
}

std::string nameOf(Engine &e, const char *id)
{
    const ToolResult r = e.callTool("workflow_get", {{"id", id}, {"mode", "metadata"}});
    return r.isError ? std::string("<error>") : r.payload["name"].get<std::string>();
}

} // namespace

class TestEngineRepository : public QObject
{
    Q_OBJECT
private slots:
    void precedenceAndDiagnostics();
    void environmentPath();
    void extraDirsApplyAtOnce();
    void concurrentReloadsPublishTheNewest();
    void olderRebuildFinishingLastIsDropped();
    void compiledWorkflowsAreBounded();
    void reloadAsyncRunsOffTheCallersThread();
    void fileChangesArePickedUp();
};

void TestEngineRepository::precedenceAndDiagnostics()
{
    QTemporaryDir low, high;
    writeFile(low.filePath("a.json"), workflow("wf-one", "low"));
    writeFile(low.filePath("b.json"), workflow("wf-two", "low two"));
    writeFile(high.filePath("a.json"), workflow("wf-one", "high"));
    // Schema-invalid override of wf-two: reported, and wf-two from `low` stays served.
    writeFile(high.filePath("bad-schema.json"), R"({"id":"wf-two","name":"x"})");
    writeFile(high.filePath("broken.json"), R"({"id": "x",)");
    writeFile(high.filePath("noid.json"), R"({"name":"x"})");
    writeFile(high.filePath("big.json"),
              "{\"id\":\"big\",\"pad\":\"" + QByteArray(1000001, 'x') + "\"}");
    QDir(high.path()).mkdir("sub");
    writeFile(high.path() + "/sub/c.json", workflow("wf-nested", "nested"));
    writeFile(high.filePath("notjson.txt"), workflow("wf-txt", "txt"));
    Engine e(options({low.path().toStdString(), high.path().toStdString()}));
    QCOMPARE(nameOf(e, "wf-one"), std::string("high"));
    QCOMPARE(nameOf(e, "wf-two"), std::string("low two"));
    QCOMPARE(nameOf(e, "wf-nested"), std::string("<error>"));
    QCOMPARE(nameOf(e, "wf-txt"), std::string("<error>"));
    const auto list = e.callTool("workflow_list", Json::object()).payload["workflows"];
    QCOMPARE(int(list.size()), 2);
    QVERIFY(list[0]["id"] == "wf-one"); // an override keeps the list position
    const auto snap = e.snapshot();
    QStringList kinds;
    for (const SourceDiagnostic &d : snap->diagnostics()) {
        QVERIFY(!d.message.empty());
        kinds << QString::number(int(d.kind)) + ":" +
                     QFileInfo(QString::fromStdString(d.file)).fileName();
    }
    QVERIFY2(kinds.contains("3:bad-schema.json"), qPrintable(kinds.join(',')));
    QVERIFY2(kinds.contains("1:broken.json"), qPrintable(kinds.join(',')));
    QVERIFY2(kinds.contains("2:noid.json"), qPrintable(kinds.join(',')));
    QVERIFY2(kinds.contains("0:big.json"), qPrintable(kinds.join(',')));
    QVERIFY2(kinds.contains("4:a.json"), qPrintable(kinds.join(',')));
}

void TestEngineRepository::environmentPath()
{
    QTemporaryDir a, b;
    writeFile(a.filePath("w.json"), workflow("wf-env", "from a"));
    writeFile(b.filePath("w.json"), workflow("wf-env", "from b"));
    qputenv("WORKFLOW_STORAGE_PATH",
            (a.path() + ":" + b.path() + ":" + a.path() + "::/does/not/exist").toUtf8());
    Engine::Options o = options({});
    o.useEnvironment = true;
    Engine e(o);
    qunsetenv("WORKFLOW_STORAGE_PATH");
    QCOMPARE(nameOf(e, "wf-env"), std::string("from b"));
    QCOMPARE(int(e.snapshot()->sources().size()), 2);
}

void TestEngineRepository::extraDirsApplyAtOnce()
{
    QTemporaryDir a, b;
    writeFile(a.filePath("w.json"), workflow("wf-a", "in a"));
    writeFile(b.filePath("w.json"), workflow("wf-b", "in b"));
    Engine e(options({a.path().toStdString()}));
    QSignalSpy spy(&e, &Engine::workflowsChanged);
    QCOMPARE(nameOf(e, "wf-b"), std::string("<error>"));
    QVERIFY(e.repository().servesFile(a.filePath("w.json").toStdString()));
    QVERIFY(e.repository().servesFile(a.filePath("new.json").toStdString()));
    QVERIFY(!e.repository().servesFile(b.filePath("w.json").toStdString()));
    QVERIFY(!e.repository().servesFile(a.filePath("notes.txt").toStdString()));
    e.repository().setExtraDirs({a.path().toStdString(), b.path().toStdString()});
    QCOMPARE(spy.count(), 1);
    QCOMPARE(nameOf(e, "wf-b"), std::string("in b"));
    QVERIFY(e.repository().servesFile(b.filePath("w.json").toStdString()));
    e.repository().setExtraDirs({b.path().toStdString()});
    QCOMPARE(nameOf(e, "wf-a"), std::string("<error>"));
    QCOMPARE(nameOf(e, "wf-b"), std::string("in b"));
    QCOMPARE(e.repository().extraDirs(), std::vector<std::string>{b.path().toStdString()});
    // Same folders: nothing to do.
    e.repository().setExtraDirs({b.path().toStdString()});
    QCOMPARE(spy.count(), 2);
}

void TestEngineRepository::concurrentReloadsPublishTheNewest()
{
    QTemporaryDir d;
    for (int i = 0; i < 40; ++i)
        writeFile(d.filePath(QStringLiteral("w%1.json").arg(i)),
                  workflow(qPrintable(QStringLiteral("wf-%1").arg(i)), "v0"));
    Engine e(options({d.path().toStdString()}));
    std::atomic<bool> stop{false};
    std::atomic<int> backwards{0};
    // Whoever looks sees generations only grow.
    std::thread watcher([&] {
        std::uint64_t last = 0;
        while (!stop.load()) {
            const std::uint64_t g = e.snapshot()->generation();
            if (g < last)
                backwards.fetch_add(1);
            last = std::max(last, g);
        }
    });
    std::vector<std::thread> reloaders;
    for (int t = 0; t < 4; ++t) {
        reloaders.emplace_back([&] {
            for (int i = 0; i < 25; ++i)
                e.repository().reload();
        });
    }
    for (auto &t : reloaders)
        t.join();
    // The last write, then reloads racing each other: the snapshot left says what the disk says.
    writeFile(d.filePath("w0.json"), workflow("wf-0", "final"));
    reloaders.clear();
    for (int t = 0; t < 4; ++t)
        reloaders.emplace_back([&] { e.repository().reload(); });
    for (auto &t : reloaders)
        t.join();
    stop.store(true);
    watcher.join();
    QCOMPARE(backwards.load(), 0);
    QCOMPARE(nameOf(e, "wf-0"), std::string("final"));
}

// Two reloads, the older one held back (the test hook) until the newer one has published: the
// older view is dropped, not published last, and announces nothing.
void TestEngineRepository::olderRebuildFinishingLastIsDropped()
{
    QTemporaryDir d;
    writeFile(d.filePath("w.json"), workflow("wf-race", "v1"));
    std::mutex mutex;
    std::condition_variable cv;
    bool held = false;
    bool released = false;
    std::atomic<std::uint64_t> holdGeneration{0};
    WorkflowRepository::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {d.path().toStdString()};
    o.beforePublish = [&](std::uint64_t generation) {
        if (generation != holdGeneration.load())
            return;
        std::unique_lock lock(mutex);
        held = true;
        cv.notify_all();
        cv.wait(lock, [&] { return released; });
    };
    WorkflowRepository repo(o);
    const std::uint64_t first = repo.snapshot()->generation();
    QSignalSpy spy(&repo, &WorkflowRepository::changed);
    holdGeneration = first + 1;
    std::thread older([&] { repo.reload(); }); // reads v1, then waits before publishing
    {
        std::unique_lock lock(mutex);
        QVERIFY(cv.wait_for(lock, std::chrono::seconds(10), [&] { return held; }));
    }
    writeFile(d.filePath("w.json"), workflow("wf-race", "v2-newer"));
    repo.reload(); // started later: reads v2 and publishes
    QCOMPARE(repo.snapshot()->generation(), first + 2);
    QCOMPARE(repo.snapshot()->find("wf-race")->summaryText("name"), std::string("v2-newer"));
    {
        std::lock_guard lock(mutex);
        released = true;
    }
    cv.notify_all();
    older.join();
    QCOMPARE(repo.snapshot()->generation(), first + 2);
    QCOMPARE(repo.snapshot()->find("wf-race")->summaryText("name"), std::string("v2-newer"));
    QCOMPARE(spy.count(), 1);
}

// Only `compiledCacheEntries` compiled workflows stay in memory; answers stay the same.
void TestEngineRepository::compiledWorkflowsAreBounded()
{
    QTemporaryDir d;
    for (int i = 0; i < 5; ++i)
        writeFile(d.filePath(QStringLiteral("w%1.json").arg(i)),
                  workflow(qPrintable(QStringLiteral("wf-%1").arg(i)),
                           qPrintable(QStringLiteral("name %1").arg(i))));
    WorkflowRepository::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {d.path().toStdString()};
    o.compiledCacheEntries = 2;
    WorkflowRepository repo(o);
    const auto snap = repo.snapshot();
    QCOMPARE(snap->entries().size(), std::size_t(5));
    QCOMPARE(repo.compiledCache().size(), std::size_t(0)); // nothing compiled by loading
    QCOMPARE(snap->listPayload()["workflows"].size(), std::size_t(5));
    QCOMPARE(repo.compiledCache().size(), std::size_t(0)); // nor by listing
    for (int round = 0; round < 2; ++round) {
        for (const WorkflowEntry &e : snap->entries()) {
            const auto wf = e.workflow();
            QCOMPARE(wf->id(), e.id);
            QCOMPARE(wf->document()["name"].get<std::string>(), e.summaryText("name"));
            QVERIFY(repo.compiledCache().size() <= 2);
        }
    }
    QCOMPARE(repo.compiledCache().compiles(), std::uint64_t(10));
    // The one used last is kept.
    (void)snap->entries().back().workflow();
    QCOMPARE(repo.compiledCache().compiles(), std::uint64_t(10));
    // A reload keeps what was compiled from files that did not change.
    writeFile(d.filePath("w0.json"), workflow("wf-0", "changed"));
    repo.reload();
    QCOMPARE(repo.snapshot()->find("wf-0")->summaryText("name"), std::string("changed"));
    (void)repo.snapshot()->find("wf-4")->workflow();
    QCOMPARE(repo.compiledCache().compiles(), std::uint64_t(10));
}

// reloadAsync() rebuilds on the repository's worker: changed() comes from there.
void TestEngineRepository::reloadAsyncRunsOffTheCallersThread()
{
    QTemporaryDir d;
    writeFile(d.filePath("w.json"), workflow("wf-async", "v1"));
    Engine e(options({d.path().toStdString()}));
    std::atomic<int> onCaller{0}, elsewhere{0};
    QObject::connect(
        &e, &Engine::workflowsChanged, &e,
        [&] { (QThread::currentThread() == e.thread() ? onCaller : elsewhere).fetch_add(1); },
        Qt::DirectConnection);
    writeFile(d.filePath("w.json"), workflow("wf-async", "v2"));
    e.repository().reloadAsync();
    e.repository().waitForReloads();
    QCOMPARE(nameOf(e, "wf-async"), std::string("v2"));
    QCOMPARE(onCaller.load(), 0);
    QCOMPARE(elsewhere.load(), 1);
}

void TestEngineRepository::fileChangesArePickedUp()
{
    QTemporaryDir d;
    writeFile(d.filePath("w.json"), workflow("wf-live", "v1"));
    Engine e(options({d.path().toStdString()}, true));
    // The watcher's reloads run on the repository's worker: counted there, atomically (a
    // QSignalSpy would append from that thread while this one reads it).
    std::atomic<int> changes{0};
    QObject::connect(
        &e, &Engine::workflowsChanged, &e, [&] { changes.fetch_add(1); }, Qt::DirectConnection);
    QCOMPARE(nameOf(e, "wf-live"), std::string("v1"));
    writeFile(d.filePath("w.json"), workflow("wf-live", "v2"));
    QTRY_COMPARE_WITH_TIMEOUT(nameOf(e, "wf-live"), std::string("v2"), 1500);
    writeFile(d.filePath("new.json"), workflow("wf-new", "new"));
    QTRY_COMPARE_WITH_TIMEOUT(nameOf(e, "wf-new"), std::string("new"), 1500);
    // A new id in the same file: the old id is no longer served.
    writeFile(d.filePath("w.json"), workflow("wf-renamed", "v3"));
    QTRY_COMPARE_WITH_TIMEOUT(nameOf(e, "wf-renamed"), std::string("v3"), 1000);
    QCOMPARE(nameOf(e, "wf-live"), std::string("<error>"));
    QFile::remove(d.filePath("new.json"));
    QTRY_COMPARE_WITH_TIMEOUT(nameOf(e, "wf-new"), std::string("<error>"), 1500);
    QVERIFY(changes.load() >= 3);
}

QTEST_GUILESS_MAIN(TestEngineRepository)
#include "tst_enginerepository.moc"
