// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The heat map's aggregation (store::computeHeat) over many recorded sessions: N sessions of
// one workflow (12 calls each: 10 workflow_next through 8 steps and a 2-pass loop, 2
// workflow_validate; each call with its arguments and answer as the sink stores them), plus
// as many calls of another workflow, in a database file. Run for figures with
//   build/bin/bench_heat --benchmark_repetitions=5 --benchmark_report_aggregates_only=true
#include "engine/store/database.h"
#include "engine/store/heatmap.h"
#include "engine/store/migrations.h"
#include "engine/store/sessionstore.h"

#include <QTemporaryDir>

#include <benchmark/benchmark.h>

#include <map>
#include <memory>

using namespace wfs;

namespace {

struct HeatDb
{
    QTemporaryDir dir;
    std::unique_ptr<store::Database> db;
};

// One database per size, built once.
store::Database &heatDb(int sessions)
{
    static std::map<int, std::unique_ptr<HeatDb>> dbs;
    auto &slot = dbs[sessions];
    if (slot)
        return *slot->db;
    slot = std::make_unique<HeatDb>();
    auto opened =
        store::Database::open(slot->dir.filePath(QStringLiteral("heat.db")).toStdString());
    if (!opened || !store::migrate(**opened))
        std::abort();
    slot->db = std::move(*opened);
    store::SessionStore ss(*slot->db);
    const std::string prompt(300, 'p');
    const char *clients[] = {"Claude Code (http:1)", "claude (stdio)", "studio", "Cursor (http:2)"};
    store::Transaction tx(*slot->db, store::Transaction::Immediate);
    for (int s = 0; s < sessions * 2; ++s) {
        const bool ours = s % 2 == 0;
        const std::string id = "s-" + std::to_string(s);
        const std::string wf = ours ? "heat-bench" : "other-flow";
        const std::int64_t t0 = 1'700'000'000'000 + std::int64_t(s) * 1000;
        if (!ss.save({id, wf, clients[s % 4], "active", "{}", t0, t0 + 60'000}))
            std::abort();
        const int reach = 3 + s % 8; // sessions stop at different steps
        std::int64_t t = t0;
        for (int k = 0; k < 12 && k < reach + 2; ++k) {
            store::CallRecord c;
            c.sessionId = id;
            c.workflowId = wf;
            t += 500 + (s * 7 + k * 13) % 4000;
            c.atMs = t;
            const bool validate = k == 3 || k == 4;
            c.tool = validate ? "workflow_validate" : "workflow_next";
            c.stepId = "step-" + std::to_string(validate ? 2 : k);
            if (k >= 5 && k <= 6) {
                c.stepId = "body";
                c.loopId = "loop";
                c.pass = k - 4;
            }
            c.valid = validate ? (k == 3 ? 0 : 1) : -1;
            c.arguments =
                R"({"workflowId":")" + wf + R"(","completedSteps":["a","b"],"context":{"x":1}})";
            c.answer = R"({"step":{"id":")" + c.stepId + R"(","prompt":")" + prompt +
                       R"("},"isComplete":false,"context":{"x":1}})";
            if (!ss.appendCall(c))
                std::abort();
        }
    }
    if (!tx.commit())
        std::abort();
    return *slot->db;
}

} // namespace

static void BM_HeatAggregate(benchmark::State &state)
{
    store::SessionStore sessions(heatDb(int(state.range(0))));
    const std::vector<std::string> order = {"step-0", "step-1", "step-2", "loop", "body"};
    for (auto _ : state) {
        auto r = store::computeHeat(sessions, "heat-bench", {}, order);
        if (!r || r->sessions != state.range(0))
            state.SkipWithError("wrong session count");
        benchmark::DoNotOptimize(r);
    }
    state.counters["sessions"] = double(state.range(0));
}
BENCHMARK(BM_HeatAggregate)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

static void BM_HeatAggregateFiltered(benchmark::State &state)
{
    store::SessionStore sessions(heatDb(int(state.range(0))));
    store::HeatFilter f;
    f.client = "Claude Code";
    f.sinceMs = 1'700'000'000'000 + std::int64_t(state.range(0)) * 1000; // the later half
    for (auto _ : state) {
        auto r = store::computeHeat(sessions, "heat-bench", f);
        benchmark::DoNotOptimize(r);
    }
}
BENCHMARK(BM_HeatAggregateFiltered)->Arg(10000)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
