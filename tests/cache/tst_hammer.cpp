// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Many threads through engine + cache (both levels) + metrics at once, while another thread
// keeps changing a workflow (studio saves: the file rewritten, then reload()) and a third polls metrics and cache statistics.
// Built a second time with ThreadSanitizer when WFS_TSAN=ON (tst_hammer_tsan). Checks: no
// crash or race, every answer is one the engine could have given, and once writers stop the
// cached answer equals the engine's.
#include "engine/cache/cachingengine.h"
#include "engine/cache/l2cache.h"
#include "engine/metrics/ratelimiter.h"
#include "engine/store/database.h"
#include "engine/store/migrations.h"
#include "engine/workflowrepository.h"

#include "testutil.h"

#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <thread>

using namespace wfs;
using namespace wfs::cache;

class TestHammer : public QObject
{
    Q_OBJECT
private slots:
    void hammer();
};

void TestHammer::hammer()
{
    QTemporaryDir dir;
    for (int w = 0; w < 4; ++w) {
        QFile f(dir.filePath(QStringLiteral("flow-%1.json").arg(w)));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral(R"({"id": "flow-%1", "name": "Flow %1", "description": "d",
            "version": "1.0.0", "steps": [{"id": "step-a", "title": "A", "prompt": "rev 0"},
            {"id": "step-b", "title": "B", "prompt": "second"}]})")
                    .arg(w)
                    .toUtf8());
    }
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {dir.path().toStdString()};
    Engine engine(o);
    auto db = store::Database::openInMemory();
    WFS_VERIFY_RESULT(db);
    WFS_VERIFY_RESULT(store::migrate(**db));
    metrics::MetricsRegistry registry;
    auto cache = std::make_shared<ResultCache>(ResultCache::Options{},
                                               std::make_shared<L2Cache>(**db, L2Cache::Options{}));
    CachingEngine cached(engine, cache, registry);
    QCOMPARE(engine.snapshot()->entries().size(), std::size_t(4));
    metrics::RateLimiter limiter({1e9, 1e9, 64, metrics::steadyClock()});

    std::atomic<bool> stop{false};
    std::atomic<int> revision{0};
    std::atomic<long> calls{0};
    std::atomic<long> wrong{0};
    const int readers = 8;
    std::vector<std::thread> pool;
    for (int t = 0; t < readers; ++t) {
        pool.emplace_back([&, t] {
            int i = 0;
            while (!stop.load(std::memory_order_relaxed)) {
                const std::string id = "flow-" + std::to_string((t + i) % 4);
                (void)limiter.acquire("client-" + std::to_string(t));
                ToolResult r;
                switch (i % 4) {
                case 0:
                    r = cached.callTool("workflow_list", Json::object());
                    break;
                case 1:
                    r = cached.callTool("workflow_get", Json{{"id", id}});
                    break;
                case 2:
                    r = cached.callTool("workflow_next", Json{{"workflowId", id}});
                    if (!r.isError) {
                        // Any revision that existed is fine; a mangled answer is not.
                        const std::string p = r.payload.at("step").at("prompt").get<std::string>();
                        if (p.rfind("rev ", 0) != 0)
                            wrong.fetch_add(1);
                    }
                    break;
                default:
                    r = cached.callTool(
                        "workflow_validate",
                        Json{{"workflowId", id}, {"stepId", "step-a"}, {"output", "x"}});
                }
                if (r.isError)
                    wrong.fetch_add(1);
                calls.fetch_add(1, std::memory_order_relaxed);
                ++i;
            }
        });
    }
    std::thread writer([&] {
        for (int rev = 1; rev <= 30; ++rev) {
            Json wf = engine.snapshot()->find("flow-0")->workflow()->document();
            wf["steps"][0]["prompt"] = "rev " + std::to_string(rev);
            QSaveFile f(dir.filePath(QStringLiteral("flow-0.json")));
            const std::string text = wf.dump();
            if (f.open(QIODevice::WriteOnly)) {
                f.write(text.data(), qint64(text.size()));
                f.commit();
            }
            engine.repository().reload();
            revision.store(rev);
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
    });
    std::thread poller([&] {
        while (!stop.load()) {
            registry.tick();
            (void)registry.snapshot();
            (void)cache->stats();
            (void)limiter.keyCount();
            std::this_thread::sleep_for(std::chrono::milliseconds(5));
        }
    });
    writer.join();
    std::this_thread::sleep_for(std::chrono::milliseconds(200));
    stop.store(true);
    for (auto &t : pool)
        t.join();
    poller.join();

    QCOMPARE(wrong.load(), 0L);
    QVERIFY(calls.load() > 1000);
    // Quiescent: the cache answers what the engine answers, at the last revision.
    const Json next = {{"workflowId", "flow-0"}};
    const ToolResult r = cached.callTool("workflow_next", next);
    QCOMPARE(r.payload.at("step").at("prompt").get<std::string>(), std::string("rev 30"));
    QCOMPARE(r.contentText(), engine.callTool("workflow_next", next).contentText());
    const auto snap = registry.snapshot();
    std::uint64_t recorded = 0;
    for (const auto &op : snap.operations)
        recorded += op.total.stats.count;
    QCOMPARE(recorded, std::uint64_t(calls.load() + 1));
}

QTEST_GUILESS_MAIN(TestHammer)
#include "tst_hammer.moc"
