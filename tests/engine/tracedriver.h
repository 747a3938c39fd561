// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// An in-process port of ../shared/tools/mcp-trace.mjs: walks a workflow through
// Engine::callTool("workflow_next") with the same client policies (contextMode echo | own |
// echo-strip | echo-keep-full-loop, completedMode accumulate | append | iteration-aware,
// updates "step" / "step@N", markLoopComplete, stopOnRepeat, report) and produces the same
// lines, so the recorded *.jsonl expectations can be compared in a unit test.
#pragma once

#include "engine/engine.h"
#include "model/jsonio.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace wfs::test {

struct TraceRun
{
    std::vector<Json> lines; ///< one per call, then the end line
};

// What one workflow_next call answered: isError and the content text, as a client sees them.
struct NextAnswer
{
    bool isError = false;
    std::string text;
};

// The walk with workflow_next answered by `callNext(arguments) -> NextAnswer` (an engine in
// process, or an MCP server over any transport: tests/team drives a fleet of instances).
template<class CallNext> TraceRun runTraceScriptWith(CallNext callNext, const Json &script)
{
    TraceRun run;
    const std::string workflowId = script.value("workflowId", std::string());
    const int maxSteps = script.contains("maxSteps") && script["maxSteps"].is_number_integer()
                             ? script["maxSteps"].get<int>()
                             : 200;
    std::string contextMode = script.value("contextMode", std::string("echo"));
    if (contextMode == "strip")
        contextMode = "echo-strip";
    const std::string completedMode = script.value("completedMode", std::string("accumulate"));
    const Json updates = script.value("updates", Json::object());
    const Json report = script.value("report", Json::array());
    const bool markLoopComplete = script.value("markLoopComplete", false);
    const int stopOnRepeat = script.value("stopOnRepeat", 0);

    auto applyUpdate = [](Json &ctx, const Json &upd) {
        if (!upd.is_object())
            return;
        for (auto it = upd.begin(); it != upd.end(); ++it) {
            if (it.value().is_null())
                ctx.erase(it.key());
            else
                ctx[it.key()] = it.value();
        }
    };
    Json ownCtx = script.contains("context") && script["context"].is_object() ? script["context"]
                                                                              : Json::object();
    Json ctx = ownCtx;
    std::vector<std::string> completed;
    std::map<std::string, int> seen;
    std::map<std::string, std::vector<std::string>> loopBodies;
    std::string prevLoop;
    std::string lastKey;
    int repeats = 0;
    std::string end = "maxSteps";
    int calls = 0;
    auto contains = [&](const std::string &id) {
        return std::find(completed.begin(), completed.end(), id) != completed.end();
    };
    for (int n = 1; n <= maxSteps; ++n) {
        calls = n;
        Json args = {{"workflowId", workflowId}, {"completedSteps", completed}, {"context", ctx}};
        const NextAnswer res = callNext(args);
        // Round-trip through the text like a real client.
        const ParsedJson parsed = parseJson(res.text);
        if (res.isError || !parsed.ok || !parsed.value.is_object()) {
            std::string msg =
                parsed.ok && parsed.value.is_object() && parsed.value.contains("error")
                    ? parsed.value["error"].get<std::string>()
                    : res.text;
            run.lines.push_back({{"n", n}, {"isError", true}, {"error", msg}});
            end = "error";
            break;
        }
        const Json &body = parsed.value;
        const Json rctx =
            body.contains("context") && body["context"].is_object() ? body["context"] : Json();
        const Json step = body.contains("step") && body["step"].is_object() ? body["step"] : Json();
        Json cur;
        if (rctx.is_object() && rctx.contains("_currentLoop") && rctx["_currentLoop"].is_object())
            cur = rctx["_currentLoop"];
        const std::string loopId =
            cur.is_object() && cur.contains("loopId") && cur["loopId"].is_string()
                ? cur["loopId"].get<std::string>()
                : std::string();
        if (cur.is_object() && cur.contains("loopStep") && cur["loopStep"].is_object()) {
            const Json &b = cur["loopStep"].value("body", Json());
            std::vector<std::string> ids;
            if (b.is_string())
                ids.push_back(b.get<std::string>());
            else if (b.is_array())
                for (const Json &s : b)
                    if (s.is_object() && s.contains("id") && s["id"].is_string())
                        ids.push_back(s["id"].get<std::string>());
            loopBodies[loopId] = ids;
        }
        Json iteration;
        if (!loopId.empty() && rctx.contains("_loopState") && rctx["_loopState"].is_object() &&
            rctx["_loopState"].contains(loopId) && rctx["_loopState"][loopId].is_object() &&
            rctx["_loopState"][loopId].contains("iteration") &&
            rctx["_loopState"][loopId]["iteration"].is_number())
            iteration = rctx["_loopState"][loopId]["iteration"].get<double>() + 1;
        const bool isComplete = body.value("isComplete", false);
        Json line = Json::object();
        line["n"] = n;
        line["step"] = step.is_object() ? step["id"] : Json();
        line["title"] = step.is_object() ? step.value("title", Json()) : Json();
        line["loop"] = loopId.empty() ? Json() : Json(loopId);
        line["iteration"] = iteration;
        line["isComplete"] = isComplete;
        if (!step.is_object() && !isComplete) {
            line["blocked"] = true;
            line["prompt"] =
                body.contains("guidance") ? body["guidance"].value("prompt", Json()) : Json();
        }
        if (!report.empty()) {
            Json vars = Json::object();
            for (const Json &k : report) {
                const std::string key = k.get<std::string>();
                vars[key] = rctx.is_object() && rctx.contains(key) ? rctx[key] : Json();
            }
            line["vars"] = vars;
        }
        run.lines.push_back(line);
        if (isComplete) {
            end = "complete";
            break;
        }
        if (!step.is_object()) {
            end = "blocked";
            break;
        }
        const std::string stepId = step["id"].get<std::string>();
        const std::string key = stepId + "#" + (iteration.is_null() ? "null" : iteration.dump());
        repeats = key == lastKey ? repeats + 1 : 1;
        lastKey = key;
        if (stopOnRepeat > 0 && repeats >= stopOnRepeat) {
            end = "repeat";
            break;
        }
        const int count = ++seen[stepId];
        const Json upd1 = updates.value(stepId, Json());
        const Json upd2 = updates.value(stepId + "@" + std::to_string(count), Json());
        applyUpdate(ownCtx, upd1);
        applyUpdate(ownCtx, upd2);
        if (contextMode == "own" || !rctx.is_object()) {
            ctx = ownCtx;
        } else {
            ctx = rctx;
            if (contextMode == "echo-strip") {
                Json stripped = Json::object();
                for (auto it = ctx.begin(); it != ctx.end(); ++it)
                    if (it.key().rfind('_', 0) != 0)
                        stripped[it.key()] = it.value();
                ctx = stripped;
            }
            if (contextMode == "echo-keep-full-loop" && ctx.contains("_currentLoop") &&
                ctx["_currentLoop"].is_object() &&
                !(ctx["_currentLoop"].contains("loopStep") &&
                  ctx["_currentLoop"]["loopStep"].is_object()))
                ctx.erase("_currentLoop");
            applyUpdate(ctx, upd1);
            applyUpdate(ctx, upd2);
        }
        if (markLoopComplete && !prevLoop.empty() && prevLoop != loopId && !contains(prevLoop))
            completed.push_back(prevLoop);
        if (completedMode == "iteration-aware" && !loopId.empty() && contains(stepId)) {
            std::vector<std::string> ids =
                loopBodies.count(loopId) ? loopBodies[loopId] : std::vector<std::string>{stepId};
            completed.erase(std::remove_if(completed.begin(), completed.end(),
                                           [&](const std::string &id) {
                                               return std::find(ids.begin(), ids.end(), id) !=
                                                      ids.end();
                                           }),
                            completed.end());
        }
        if (completedMode == "append" || !contains(stepId))
            completed.push_back(stepId);
        prevLoop = loopId;
    }
    run.lines.push_back({{"end", end}, {"calls", calls}, {"completedSteps", completed}});
    return run;
}

inline TraceRun runTraceScript(Engine &engine, const Json &script)
{
    return runTraceScriptWith(
        [&engine](const Json &args) {
            const ToolResult res = engine.callTool("workflow_next", args);
            return NextAnswer{res.isError, res.contentText()};
        },
        script);
}

} // namespace wfs::test
