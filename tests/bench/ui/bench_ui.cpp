// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Editor speed, offscreen: opening coding-task-workflow-with-loops.json to a fully laid-out
// canvas (read, parse, document, views, layout, scene items; target <= 150 ms), and relayout of
// a generated 300-step workflow (target <= 30 ms).
//   build/bin/bench_ui --benchmark_min_time=2
#include "testutil.h"

#include "ui/canvas/workflowscene.h"
#include "ui/document/workflowdocument.h"
#include "ui/editorpage.h"

#include <QApplication>

#include <benchmark/benchmark.h>

using namespace wfs;
using namespace wfs::studio;

namespace {

// 300 steps: every 10th a loop with 4 inline steps, every 3rd conditional, some badges.
Json generated300()
{
    Json wf = WorkflowDocument::blankWorkflow();
    Json steps = Json::array();
    int made = 0;
    for (int i = 0; made < 300; ++i) {
        const std::string id = "s-" + std::to_string(i);
        if (i % 10 == 9) {
            Json loop = {{"id", id},
                         {"type", "loop"},
                         {"title", "Loop " + id},
                         {"loop", {{"type", "for"}, {"count", 3}, {"maxIterations", 5}}}};
            Json body = Json::array();
            for (int k = 0; k < 4 && made < 299; ++k, ++made)
                body.push_back({{"id", id + "-b" + std::to_string(k)},
                                {"title", "Body"},
                                {"prompt", "p"}});
            loop["body"] = body;
            steps.push_back(loop);
            ++made;
            continue;
        }
        Json s = {{"id", id}, {"title", "Step " + id}, {"prompt", "Do thing " + id}};
        if (i % 3 == 0)
            s["runCondition"] = {{"var", "mode"}, {"equals", i}};
        if (i % 4 == 0)
            s["requireConfirmation"] = true;
        steps.push_back(s);
        ++made;
    }
    wf["steps"] = steps;
    return wf;
}

void BM_OpenLoopsWorkflow(benchmark::State &state)
{
    const QString path = wfs::test::sharedDir()
                         + QStringLiteral("/workrail/workflows/coding-task-workflow-with-loops.json");
    if (!QFile::exists(path)) {
        state.SkipWithError("../shared is absent: coding-task-workflow-with-loops.json not found");
        return;
    }
    for (auto _ : state) {
        EditorPage page;
        const auto loaded = page.loadFile(path);
        if (!loaded) {
            state.SkipWithError(loaded.error().c_str());
            return;
        }
        benchmark::DoNotOptimize(page.scene()->nodeItems().size());
    }
}
BENCHMARK(BM_OpenLoopsWorkflow)->Unit(benchmark::kMillisecond);

void BM_Relayout300Steps(benchmark::State &state)
{
    WorkflowDocument doc;
    doc.load(generated300());
    WorkflowScene scene(doc);
    state.counters["nodes"] = static_cast<double>(scene.nodeItems().size());
    for (auto _ : state)
        scene.rebuild();
}
BENCHMARK(BM_Relayout300Steps)->Unit(benchmark::kMillisecond);

} // namespace

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
