// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Heat map tests: a conditional workflow with a loop and a validated step, and an agent that
// walks it through any tool-calling path (in-process runtime, MCP dispatcher, ...): it echoes
// the answer's context, accumulates completed steps and validates outputs where told to.
#pragma once

#include "model/json.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace wfs::test {

// start -> fast (mode == fast, output must contain DONE) | slow (mode == slow) -> loop
// "passes" (2 passes of "work") -> finish.
inline const char *const kHeatGateWorkflow = R"({
  "id": "heat-gate",
  "name": "Heat gate",
  "description": "A fast or a slow path, then two passes of work.",
  "version": "1.0.0",
  "steps": [
    {"id": "start", "title": "Start", "prompt": "Begin."},
    {"id": "fast", "title": "Fast path", "prompt": "Go fast.",
     "runCondition": {"var": "mode", "equals": "fast"},
     "validationCriteria": [{"type": "contains", "value": "DONE", "message": "Say DONE."}]},
    {"id": "slow", "title": "Slow path", "prompt": "Go slow.",
     "runCondition": {"var": "mode", "equals": "slow"}},
    {"id": "passes", "type": "loop", "title": "Two passes",
     "loop": {"type": "for", "count": 2, "maxIterations": 2},
     "body": [{"id": "work", "title": "Work", "prompt": "Work a pass."}]},
    {"id": "finish", "title": "Finish", "prompt": "Wrap up."}
  ]
}
)";

// One tool call: the answer object (the tool's JSON text parsed).
using HeatToolCall = std::function<Json(const std::string &tool, const Json &arguments)>;

struct HeatAgent
{
    Json context = Json::object();
    int maxNext = 50; ///< stops (abandons the session) after this many workflow_next calls
    std::map<std::string, std::vector<std::string>> outputs; ///< step -> outputs to validate
};

// Walks `workflowId`; returns the step id each workflow_next handed out ("" = complete).
inline std::vector<std::string> walkHeat(const HeatToolCall &call, const std::string &workflowId,
                                         HeatAgent agent)
{
    std::vector<std::string> handed;
    Json completed = Json::array();
    Json context = agent.context;
    for (int n = 0; n < agent.maxNext; ++n) {
        const Json answer = call(
            "workflow_next",
            Json{{"workflowId", workflowId}, {"completedSteps", completed}, {"context", context}});
        if (!answer.is_object() || answer.value("isComplete", false) ||
            !answer.value("step", Json()).is_object()) {
            handed.emplace_back();
            break;
        }
        const std::string step = answer["step"].value("id", std::string());
        handed.push_back(step);
        if (answer.contains("context") && answer["context"].is_object())
            context = answer["context"];
        for (const std::string &output : agent.outputs[step]) {
            call("workflow_validate",
                 Json{{"workflowId", workflowId}, {"stepId", step}, {"output", output}});
        }
        bool seen = false;
        for (const Json &c : completed)
            seen = seen || c == step;
        if (!seen)
            completed.push_back(step);
    }
    return handed;
}

// The three sessions of the heat tests: fast to the end (one failed validation), slow and
// abandoned at "slow", fast and abandoned in the first pass of the loop.
inline std::vector<HeatAgent> heatAgents()
{
    HeatAgent fast;
    fast.context = Json{{"mode", "fast"}};
    fast.outputs["fast"] = {"not yet", "DONE"};
    HeatAgent slow;
    slow.context = Json{{"mode", "slow"}};
    slow.maxNext = 2;
    HeatAgent fastStop;
    fastStop.context = Json{{"mode", "fast"}};
    fastStop.maxNext = 3;
    return {fast, slow, fastStop};
}

// What the heat map must say about those three sessions: id -> [reached, stoppedHere,
// validationFailures, loopPasses], in the workflow's order.
inline const char *const kHeatGateExpected = R"([
  ["start", 3, 0, 0, 0], ["fast", 2, 0, 1, 0], ["slow", 1, 1, 0, 0],
  ["passes", 2, 0, 0, 3], ["work", 2, 1, 0, 3], ["finish", 1, 0, 0, 0]
])";

} // namespace wfs::test
