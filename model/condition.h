// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The condition language of `runCondition`, loop `condition`, rule `condition` and
// `requireConfirmation` (workrail-compat.md §1.4): a typed view for the checks and the editor.
// Evaluation is the engine's alone (engine/condition.h: wfs::engine::evaluateCondition).
//
//   Condition c = Condition::fromJson(step["runCondition"], "/steps/3/runCondition");
//   if (c.op == ConditionOp::Equals) ... c.var, c.operand
#pragma once

#include "definitions.h"
#include "json.h"

#include <string>
#include <vector>

namespace wfs {

struct Condition
{
    std::string pointer;                  ///< JSON pointer of this condition object
    ConditionOp op = ConditionOp::Always; ///< the operator WorkRail evaluates (first one wins)
    std::string var;                      ///< `var` (Truthy..Lte); may be ""
    bool hasVar = false;                  ///< `var` is present (and a string)
    Json operand;                         ///< the `equals`/`not_equals`/`gt`... value
    std::vector<Condition> children;      ///< `and`/`or` members, or the one `not` operand
    std::vector<std::string> unknownKeys; ///< keys that are not part of the language
    std::vector<std::string> ignoredKeys; ///< known keys WorkRail ignores (a later operator)
    std::string problem; ///< why op is Invalid, or a type problem ("'and' must be an array")

    // Builds the view of `json` (any JSON; non-objects give Always at the top, Invalid below).
    // `top` selects the top-level rules (missing/`{}` is Always, not Invalid).
    static Condition fromJson(const Json &json, const std::string &pointer, bool top = true);

    // All `var` names this condition reads, in order of appearance (with repeats).
    void collectVars(std::vector<std::string> &out) const;
};

// JavaScript truthiness of a context value (missing = nullptr here: false).
bool isTruthy(const Json *value);

} // namespace wfs
