// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow_next as a pure function of (compiled workflow, completedSteps, context): WorkRail
// 0.3.0's step selection, prompts, blocked analysis and context keys, with loops following
// spec/loops.md. No state between calls; safe to call from any thread.
#pragma once

#include "compiledworkflow.h"
#include "condition.h"
#include "model/json.h"
#include "model/result.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wfs::engine {

inline constexpr double kMaxContextBytes = 262144;    ///< 256 KB, by WorkRail's size estimate
inline constexpr double kContextWarnBytes = 209715.2; ///< 80 % of it

// The error text for an oversized context ("" when it fits). `suffix` is appended after the
// standard message (" when starting loop", ...).
std::string contextSizeError(double size, const char *suffix = "");

// `context` == nullptr means the argument was absent (undefined). `completedSteps` ==
// nullptr likewise. Returns the payload {step, guidance:{prompt}, isComplete, context} or the
// error message WorkRail would put in {"error": ...}. `nowMs` stamps `_loopState.started`.
Result<Json> computeNext(const CompiledWorkflow &workflow, const Json *completedSteps,
                         const Json *context, std::int64_t nowMs);

// What computeNext() saw while choosing, for the explanation engine (explain.h). Filled only
// when a trace is passed; the answer is the same with or without one.
struct NextTrace
{
    enum class TopOutcome {
        NotReached,   ///< the walk stopped (handed out or failed) before this step
        Completed,    ///< in completedSteps
        BodyId,       ///< a string-body loop's step: not walked at top level
        Skipped,      ///< runCondition false
        LoopFinished, ///< loop step whose loop ran out (or had ended) during this call
        HandedOut     ///< the answer's step, or the loop that handed out a body step
    };
    struct Loop
    {
        bool entered = false;
        int passesDone = 0;  ///< passes finished when the loop handed out or ended
        int handedPass = 0;  ///< 1-based pass of the handed-out body step; 0 when none
        int handedStep = -1; ///< index into steps() of the handed-out body step
        double total = -1;   ///< n of "pass k of n" (for count, forEach items); -1 unknown
        bool continues = false;
        std::string decision; ///< why it continued or exited, readable
        std::vector<std::string> warnings;
        /// body step index → its runCondition for the pass being decided (handedPass, or the
        /// last pass looked at)
        std::vector<std::pair<int, ConditionExplanation>> body;
        std::vector<int> consumed; ///< body steps counted as done in that pass
    };
    struct Unblock
    {
        std::string var;
        std::vector<std::string> oneOf; ///< empty: any value ("Provide a value for 'x'")
        Json current;                   ///< the value now (null: unset)
        std::string message;            ///< WorkRail's line for it
    };
    std::vector<TopOutcome> top;               ///< per top-level step
    std::vector<ConditionExplanation> topCond; ///< per top-level step, when evaluated
    std::vector<Loop> loops;                   ///< per loop
    int handedStep = -1;                       ///< index into steps() of the answer's step
    bool blocked = false;
    std::vector<Unblock> unblock;
};
Result<Json> computeNext(const CompiledWorkflow &workflow, const Json *completedSteps,
                         const Json *context, std::int64_t nowMs, NextTrace *trace);

// buildPrompt(step) of §3.4: agentRole and guidance sections, then the prompt.
std::string buildPrompt(const Json &step);

} // namespace wfs::engine
