// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The condition language of `runCondition`, loop `condition`, rule `condition` and
// `requireConfirmation` (workrail-compat.md §1.4): a typed view and WorkRail's evaluation.
//
//   Condition c = Condition::fromJson(step["runCondition"], "/steps/3/runCondition");
//   if (c.op == ConditionOp::Equals) ... c.var, c.operand
//   bool run = evaluateCondition(step["runCondition"], context);
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

// WorkRail's eval(condition, context): missing/non-object/`{}` → true; a node that fails
// (no operator, wrong types) makes the whole condition false; strict JSON equality;
// objects/arrays never equal; a missing variable is not equal to null; ordering operators
// need numbers; a null context makes every non-trivial condition false.
bool evaluateCondition(const Json &condition, const Json &context);

// JavaScript truthiness of a context value (missing = nullptr here: false).
bool isTruthy(const Json *value);

} // namespace wfs
