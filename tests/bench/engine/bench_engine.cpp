// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// In-process tool latency: next inside a loop of coding-task-workflow-with-loops, get, list,
// validate with three rules. Target: each <= 10 us median.
//   build/bin/bench_engine --benchmark_min_time=2 --benchmark_repetitions=5
#include "engine/engine.h"
#include "engine/session.h"
#include "engine/store/sessionsink.h"
#include "engine/store/storeopen.h"
#include "model/jsonio.h"

#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDir>
#include <QFile>

using namespace wfs;

namespace {

QString sharedDir()
{
    const QByteArray env = qgetenv("WFS_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(WFS_SHARED_DIR_DEFAULT)
                                         : QString::fromLocal8Bit(env));
}

Engine &engine()
{
    static Engine *e = [] {
        const QString s = sharedDir();
        Engine::Options o;
        o.includeBundled = false;
        o.useStandardLocations = false;
        o.useEnvironment = false;
        o.watchFiles = false;
        o.extraDirs = {(s + "/workrail/workflows").toStdString(),
                       (s + "/workrail-traces/workflows").toStdString()};
        return new Engine(o);
    }();
    return *e;
}

// Walks coding-task-workflow-with-loops (Large path) until a loop body step is handed out and
// returns the arguments of the next call, mid-loop.
Json midLoopArgs()
{
    Json ctx = {
        {"taskComplexity", "Large"}, {"automationLevel", "High"}, {"requestDeepAnalysis", true}};
    Json completed = Json::array();
    for (int i = 0; i < 60; ++i) {
        const Json args = {{"workflowId", "coding-task-workflow-with-loops"},
                           {"completedSteps", completed},
                           {"context", ctx}};
        const ToolResult r = engine().callTool("workflow_next", args);
        if (r.isError || !r.payload["step"].is_object())
            break;
        ctx = r.payload["context"];
        const bool inLoop = ctx.contains("_currentLoop");
        completed.push_back(r.payload["step"]["id"]);
        if (inLoop)
            return {{"workflowId", "coding-task-workflow-with-loops"},
                    {"completedSteps", completed},
                    {"context", ctx}};
    }
    return {{"workflowId", "coding-task-workflow-with-loops"},
            {"completedSteps", completed},
            {"context", ctx}};
}

void BM_NextMidLoop(benchmark::State &state)
{
    const Json args = midLoopArgs();
    for (auto _ : state)
        benchmark::DoNotOptimize(engine().callTool("workflow_next", args));
}
BENCHMARK(BM_NextMidLoop);

void BM_Get(benchmark::State &state)
{
    const Json args = {{"id", "coding-task-workflow-with-loops"}, {"mode", "preview"}};
    for (auto _ : state)
        benchmark::DoNotOptimize(engine().callTool("workflow_get", args));
}
BENCHMARK(BM_Get);

void BM_List(benchmark::State &state)
{
    const Json args = Json::object();
    for (auto _ : state)
        benchmark::DoNotOptimize(engine().callTool("workflow_list", args));
}
BENCHMARK(BM_List);

void BM_Validate3Rules(benchmark::State &state)
{
    const Json args = {{"workflowId", "probe-validate"},
                       {"stepId", "v-multi"},
                       {"output", "A short answer with B"}};
    for (auto _ : state)
        benchmark::DoNotOptimize(engine().callTool("workflow_validate", args));
}
BENCHMARK(BM_Validate3Rules);

// The MCP layer attributes every call to a session: the same next, recorded in a session.
void BM_NextMidLoopInSession(benchmark::State &state)
{
    const Json args = midLoopArgs();
    const CallContext ctx{"bench-session", "bench"};
    for (auto _ : state)
        benchmark::DoNotOptimize(engine().callTool("workflow_next", args, ctx));
}
BENCHMARK(BM_NextMidLoopInSession);

// SessionManager::recordCall alone with a SQLite sink: written behind (what wfs::Runtime sets
// up: the caller only marks the session) versus synchronous (a copy and two SQL writes per call).
void recordCallWithSink(benchmark::State &state, bool writeBehind)
{
    auto db = store::openProductDatabase(":memory:");
    if (!db) {
        state.SkipWithError(db.error().c_str());
        return;
    }
    SessionManager manager;
    manager.setSink(std::make_shared<store::SqliteSessionSink>(**db));
    manager.setWriteBehind(writeBehind);
    const Json args = midLoopArgs();
    const ToolResult r = engine().callTool("workflow_next", args);
    for (auto _ : state)
        manager.recordCall("bench-session", "bench", "workflow_next", args, r.payload, false);
    manager.setWriteBehind(false);
}
void BM_RecordCallWriteBehind(benchmark::State &state)
{
    recordCallWithSink(state, true);
}
BENCHMARK(BM_RecordCallWriteBehind);
void BM_RecordCallSynchronousSink(benchmark::State &state)
{
    recordCallWithSink(state, false);
}
BENCHMARK(BM_RecordCallSynchronousSink);

void BM_NextContentText(benchmark::State &state)
{
    const Json args = midLoopArgs();
    for (auto _ : state)
        benchmark::DoNotOptimize(engine().callTool("workflow_next", args).contentText());
}
BENCHMARK(BM_NextContentText);

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (!QFile::exists(sharedDir() + QStringLiteral("/workrail/workflows"))) {
        std::fprintf(stderr, "bench_engine: ../shared is absent; nothing to measure\n");
        return 0;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
