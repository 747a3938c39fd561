// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Model performance on WorkRail's largest loop workflow (coding-task-workflow-with-loops.json,
// 61 KB): read + parse + model + semantic checks (target: under 2 ms median), and the parts.
//   build/bin/bench_model --benchmark_min_time=2 --benchmark_repetitions=5
#include "model/jsonio.h"
#include "model/semanticcheck.h"
#include "model/workflow.h"
#include "model/workflowcheck.h"
#include "testutil.h"

#include <benchmark/benchmark.h>

namespace {

std::string corpusFile()
{
    return (wfs::test::sharedDir() +
            QStringLiteral("/workrail/workflows/coding-task-workflow-with-loops.json"))
        .toStdString();
}

bool haveCorpus(benchmark::State &state)
{
    if (wfs::test::hasShared())
        return true;
    state.SkipWithError("../shared is absent: the WorkRail corpus is needed");
    return false;
}

// Read + parse + typed model + semantic checks + positions: what opening a file costs.
void BM_LoadModelCheck(benchmark::State &state)
{
    if (!haveCorpus(state))
        return;
    const std::string path = corpusFile();
    for (auto _ : state) {
        std::string text;
        wfs::ParsedJson parsed = wfs::loadJsonFile(path, &text);
        wfs::Workflow wf = wfs::Workflow::fromJson(std::move(parsed.value));
        wfs::Diagnostics ds = wfs::checkSemantics(wf);
        wfs::attachPositions(ds, text);
        benchmark::DoNotOptimize(ds);
        benchmark::DoNotOptimize(wf);
    }
}
BENCHMARK(BM_LoadModelCheck)->Unit(benchmark::kMicrosecond);

// The same plus the JSON Schema check: the whole of `wfstudio validate` for one file.
void BM_CheckWorkflowFile(benchmark::State &state)
{
    if (!haveCorpus(state))
        return;
    const std::string path = corpusFile();
    for (auto _ : state) {
        wfs::Diagnostics ds = wfs::checkWorkflowFile(path);
        benchmark::DoNotOptimize(ds);
    }
}
BENCHMARK(BM_CheckWorkflowFile)->Unit(benchmark::kMicrosecond);

void BM_Parse(benchmark::State &state)
{
    if (!haveCorpus(state))
        return;
    const auto text = wfs::readTextFile(corpusFile());
    for (auto _ : state) {
        wfs::ParsedJson parsed = wfs::parseJson(*text);
        benchmark::DoNotOptimize(parsed);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text->size()));
}
BENCHMARK(BM_Parse)->Unit(benchmark::kMicrosecond);

// nlohmann's own parser on the same text, for comparison.
void BM_ParseNlohmann(benchmark::State &state)
{
    if (!haveCorpus(state))
        return;
    const auto text = wfs::readTextFile(corpusFile());
    for (auto _ : state) {
        wfs::Json j = wfs::Json::parse(*text, nullptr, false);
        benchmark::DoNotOptimize(j);
    }
    state.SetBytesProcessed(state.iterations() * static_cast<int64_t>(text->size()));
}
BENCHMARK(BM_ParseNlohmann)->Unit(benchmark::kMicrosecond);

void BM_ToJsJson(benchmark::State &state)
{
    if (!haveCorpus(state))
        return;
    const wfs::ParsedJson parsed = wfs::loadJsonFile(corpusFile());
    for (auto _ : state) {
        std::string s = wfs::toJsJson(parsed.value, 2);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(BM_ToJsJson)->Unit(benchmark::kMicrosecond);

void BM_FormatForSave(benchmark::State &state)
{
    if (!haveCorpus(state))
        return;
    const wfs::ParsedJson parsed = wfs::loadJsonFile(corpusFile());
    for (auto _ : state) {
        std::string s = wfs::formatJsonForSave(parsed.value);
        benchmark::DoNotOptimize(s);
    }
}
BENCHMARK(BM_FormatForSave)->Unit(benchmark::kMicrosecond);

// 200 diagnostics positioned in one pass.
void BM_AttachPositions(benchmark::State &state)
{
    if (!haveCorpus(state))
        return;
    std::string text;
    const wfs::ParsedJson parsed = wfs::loadJsonFile(corpusFile(), &text);
    const wfs::Workflow wf = wfs::Workflow::fromJson(parsed.value);
    wfs::Diagnostics base;
    for (const wfs::Step *s : wf.allSteps())
        for (const char *field : {"/id", "/title", "/prompt"})
            base.push_back({"", 0, 0, s->pointer + field, wfs::Severity::Warning, "m", "t"});
    for (auto _ : state) {
        wfs::Diagnostics ds = base;
        wfs::attachPositions(ds, text);
        benchmark::DoNotOptimize(ds);
    }
}
BENCHMARK(BM_AttachPositions)->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
