// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow_validate's rule engine (workrail-compat.md §4): contains / regex / length / schema
// rules, rule conditions, and/or/not compositions, with WorkRail's result shape and texts.
#pragma once

#include "compiledworkflow.h"
#include "model/json.h"
#include "model/result.h"

namespace wfs::engine {

// Validates `output` (any JSON; WorkRail's tool passes a string) against `criteria` (the
// step's validationCriteria, nullptr when absent). Rule conditions are evaluated against
// `context` (nullptr = the empty context WorkRail always uses). Regexes and schemas come
// precompiled from `workflow`. Returns {valid, issues, suggestions} or an error message.
Result<Json> validateOutput(const CompiledWorkflow &workflow, const Json *criteria,
                            const Json &output, const Json *context = nullptr);

} // namespace wfs::engine
