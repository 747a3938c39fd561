// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow_next as a pure function of (compiled workflow, completedSteps, context): WorkRail
// 0.3.0's step selection, prompts, blocked analysis and context keys, with loops following
// spec/loops.md. No state between calls; safe to call from any thread.
#pragma once

#include "compiledworkflow.h"
#include "model/json.h"
#include "model/result.h"

#include <cstdint>
#include <string>

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

// buildPrompt(step) of §3.4: agentRole and guidance sections, then the prompt.
std::string buildPrompt(const Json &step);

} // namespace wfs::engine
