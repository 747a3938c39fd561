// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The explanation engine (issue #15): for the inputs of workflow_next, the status of every
// step (top level, loop frames, loop-body steps) and why — the run condition as written and
// read, the sub-expression that decided it, the loop pass and why a loop continues or exits,
// and for a blocked run the values that would unblock it. Built on computeNext()'s own trace
// (nextstep.h), so the step called `next` is the step workflow_next returns. Qt-free.
#pragma once

#include "compiledworkflow.h"
#include "model/json.h"

#include <cstdint>
#include <string>
#include <vector>

namespace wfs::engine {

struct StepExplanation
{
    std::string id;
    int stepIndex = -1;           ///< index into CompiledWorkflow::steps()
    int loopIndex = -1;           ///< the loop this step is, or belongs to; -1 otherwise
    bool isLoop = false;          ///< a loop frame
    std::string status;           ///< completed | next | skipped | pending | blocked
    int pass = 0;                 ///< loop / body steps: the pass k (0 when none)
    double passTotal = -1;        ///< n of "pass k of n"; -1 when unknown
    Json condition;               ///< runCondition as written (null when none)
    std::string summary;          ///< readable condition ("" when none)
    Json values = Json::object(); ///< variables the condition reads → value (null: unset)
    Json decidedBy; ///< deciding sub-expression (null when the whole condition decided)
    bool holds = true; ///< the run condition's value as read (true when there is none)
    std::string reason;
    Json unblock = Json::array(); ///< blocked steps: [{var, oneOf, ...}] for their variables

    std::string passText() const; ///< "pass k of n", "pass k" or ""
};

struct Explanation
{
    std::string error; ///< workflow_next's error text ("" when it answered)
    Json answer;       ///< workflow_next's payload (null on error)
    Json next;         ///< the answer's step id, or null
    bool complete = false;
    bool blocked = false;
    std::string blockedMessage;         ///< WorkRail's "No eligible step ..." prompt
    Json unblock = Json::array();       ///< [{var, oneOf, current, message}]
    std::vector<StepExplanation> steps; ///< every step once; a loop's body right after it

    // {"next", "steps": [{id, status, condition, values, reason, pass?, decidedBy?, unblock?}],
    //  "blocked"?: {message, unblock}, "error"?}
    Json toJson() const;
    // One line per step: status, id, pass, reason.
    std::string toText() const;
};

// `completedSteps` / `context` as for computeNext() (nullptr: absent).
Explanation explainNext(const CompiledWorkflow &workflow, const Json *completedSteps,
                        const Json *context, std::int64_t nowMs);

} // namespace wfs::engine
