// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// In-process cost of one MCP message through Dispatcher::handleText (parse, dispatch, cached
// engine as `wfstudio mcp --no-db` serves it, serialise) for the tools agents call most, plus
// the protocol-only floor (ping). Workflows:
// ../shared's WorkRail corpus and probes when present, else the bundled samples.
//   build/bin/bench_mcp --benchmark_min_time=2
#include "testutil.h"

#include "engine/engine.h"
#include "engine/mcp/backend.h"
#include "engine/mcp/dispatcher.h"
#include "engine/runtime.h"
#include "engine/services/runtimebackend.h"

#include <QCoreApplication>
#include <QDir>

#include <benchmark/benchmark.h>

namespace {

struct Fixture
{
    std::unique_ptr<wfs::Runtime> runtime;
    std::unique_ptr<wfs::mcp::Dispatcher> dispatcher;
    std::shared_ptr<wfs::mcp::Session> session;

    Fixture()
    {
        wfs::Runtime::Options o;
        o.storage = wfs::Runtime::Storage::Disabled;
        o.warmLimit = 0;
        o.useStandardLocations = false;
        o.useEnvironment = false;
        o.watchFiles = false;
        const QString shared = wfs::test::sharedDir();
        for (const char *sub : {"/workrail/workflows", "/workrail/workflows/examples/loops",
                                "/workrail-traces/workflows"}) {
            if (QDir(shared + sub).exists())
                o.workflowDirs.push_back((shared + sub).toStdString());
        }
        runtime = std::make_unique<wfs::Runtime>(o);
        dispatcher = std::make_unique<wfs::mcp::Dispatcher>(
            std::make_shared<wfs::mcp::RuntimeBackend>(runtime.get()));
        session = dispatcher->createSession("bench");
        dispatcher->handleText(
            *session,
            R"({"jsonrpc":"2.0","id":0,"method":"initialize","params":{"protocolVersion":"2025-06-18","capabilities":{}}})");
        dispatcher->handleText(*session,
                               R"({"jsonrpc":"2.0","method":"notifications/initialized"})");
    }
};

Fixture &fixture()
{
    static Fixture f;
    return f;
}

void run(benchmark::State &state, const char *line)
{
    Fixture &f = fixture();
    std::size_t bytes = 0;
    for (auto _ : state) {
        const std::string reply = f.dispatcher->handleText(*f.session, line);
        bytes += reply.size();
        benchmark::DoNotOptimize(reply.data());
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(bytes));
}

void BM_Ping(benchmark::State &state)
{
    run(state, R"({"jsonrpc":"2.0","id":1,"method":"ping"})");
}
void BM_ToolsList(benchmark::State &state)
{
    run(state, R"({"jsonrpc":"2.0","id":1,"method":"tools/list"})");
}
void BM_WorkflowList(benchmark::State &state)
{
    run(state,
        R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"workflow_list","arguments":{}}})");
}
void BM_WorkflowGet(benchmark::State &state)
{
    run(state,
        R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"workflow_get","arguments":{"id":"simple-batch-example","mode":"preview"}}})");
}
void BM_WorkflowNext(benchmark::State &state)
{
    run(state,
        R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"workflow_next","arguments":{"workflowId":"simple-batch-example","completedSteps":["load-data"],"context":{"items":["a","b"]}}}})");
}
void BM_WorkflowValidate(benchmark::State &state)
{
    run(state,
        R"({"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"workflow_validate","arguments":{"workflowId":"probe-validate","stepId":"v-multi","output":"A"}}})");
}

} // namespace

BENCHMARK(BM_Ping);
BENCHMARK(BM_ToolsList);
BENCHMARK(BM_WorkflowList);
BENCHMARK(BM_WorkflowGet);
BENCHMARK(BM_WorkflowNext);
BENCHMARK(BM_WorkflowValidate);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
