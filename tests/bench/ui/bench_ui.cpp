// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Editor speed, offscreen: opening coding-task-workflow-with-loops.json to a fully laid-out
// canvas (read, parse, document, views, layout, scene items; target <= 150 ms), and relayout of
// a generated 300-step workflow (target <= 30 ms), and one keystroke in the inspector on a
// 1,000-step workflow until the canvas has repainted (target <= 16 ms: a field edit updates one
// node, the JSON view is re-written once typing pauses).
//   build/bin/bench_ui --benchmark_min_time=2
#include "testutil.h"

#include "ui/canvas/nodeitems.h"
#include "ui/canvas/workflowscene.h"
#include "ui/canvas/workflowview.h"
#include "ui/document/commands.h"
#include "ui/document/workflowdocument.h"
#include "ui/editorpage.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/jsonview/jsonview.h"

#include <QApplication>
#include <QHBoxLayout>

#include <benchmark/benchmark.h>

using namespace wfs;
using namespace wfs::studio;

namespace {

// `total` steps: every 10th a loop with 4 inline steps, every 3rd conditional, some badges.
Json generated(int total)
{
    Json wf = WorkflowDocument::blankWorkflow();
    Json steps = Json::array();
    int made = 0;
    for (int i = 0; made < total; ++i) {
        const std::string id = "s-" + std::to_string(i);
        if (i % 10 == 9) {
            Json loop = {{"id", id},
                         {"type", "loop"},
                         {"title", "Loop " + id},
                         {"loop", {{"type", "for"}, {"count", 3}, {"maxIterations", 5}}}};
            Json body = Json::array();
            for (int k = 0; k < 4 && made < total - 1; ++k, ++made)
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
    doc.load(generated(300));
    WorkflowScene scene(doc);
    state.counters["nodes"] = static_cast<double>(scene.nodeItems().size());
    for (auto _ : state)
        scene.rebuild();
}
BENCHMARK(BM_Relayout300Steps)->Unit(benchmark::kMillisecond);

// One typed character in the title of a step in the middle of a 1,000-step workflow, as the
// inspector commits it (a merged SetFieldCommand), until the visible canvas has repainted.
// The window is shown with the inspector on that step and the JSON view visible.
void BM_KeystrokeToRepaint1000Steps(benchmark::State &state)
{
    EditorPage page;
    page.document()->load(generated(1000));
    QWidget window;
    auto *layout = new QHBoxLayout(&window);
    layout->addWidget(&page, 2);
    layout->addWidget(page.inspector(), 1);
    layout->addWidget(page.jsonView(), 1);
    window.resize(1600, 1000);
    window.show();
    const std::string target = "/steps/500";
    page.scene()->selectPointers({target});
    page.view()->ensureVisible(page.scene()->nodeItem(target));
    QCoreApplication::processEvents();
    std::string title = "T";
    for (auto _ : state) {
        title += 'x';
        page.document()->undoStack()->push(
            new SetFieldCommand(page.document(), target, "/title", Json(title)));
        // The change is delivered, then Qt paints what it made dirty (as on screen).
        QCoreApplication::processEvents();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::UpdateRequest);
        QCoreApplication::processEvents();
    }
    state.counters["nodes"] = static_cast<double>(page.scene()->nodeItems().size());
    layout->removeWidget(&page);
    page.setParent(nullptr);
    page.inspector()->setParent(nullptr);
    page.jsonView()->setParent(nullptr);
}
BENCHMARK(BM_KeystrokeToRepaint1000Steps)->Unit(benchmark::kMillisecond);

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
