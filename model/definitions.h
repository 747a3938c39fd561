// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The kinds used by the workflow model (WorkRail format, workrail-compat.md §1), in one place.
#pragma once

#include <string_view>

namespace wfs {

enum class StepKind {
    Standard, ///< a step handed to the agent (id, title, prompt, ...)
    Loop      ///< `"type": "loop"`: repeats its body; never handed to the agent itself
};

enum class LoopType {
    While,   ///< `while`: another pass while `condition` is true
    Until,   ///< `until`: another pass until `condition` becomes true
    For,     ///< `for`: `count` passes (a number or the name of a context variable)
    ForEach, ///< `forEach`: one pass per element of the array in context variable `items`
    Unknown  ///< missing or not one of the four (the schema rejects it)
};

enum class LoopBodyKind {
    Missing, ///< no usable `body` (absent, wrong type, or an empty array)
    StepRef, ///< a string: the id of a top-level standard step that runs only inside the loop
    Inline   ///< an array of inline standard steps
};

enum class ConditionOp {
    Always,    ///< missing condition or `{}` at the top: true
    Truthy,    ///< `var` alone: truthiness of the variable
    Equals,    ///< `var` + `equals`: strict JSON equality
    NotEquals, ///< `var` + `not_equals`
    Gt,        ///< `var` + `gt` (number)
    Gte,       ///< `var` + `gte` (number)
    Lt,        ///< `var` + `lt` (number)
    Lte,       ///< `var` + `lte` (number)
    And,       ///< `and`: every sub-condition true (`[]` is true)
    Or,        ///< `or`: some sub-condition true (`[]` is false)
    Not,       ///< `not`: negation of one sub-condition
    Invalid    ///< no usable operator: WorkRail evaluates the whole condition to false
};

enum class ConfirmationKind {
    Never,      ///< absent or `false`
    Always,     ///< `true`
    Conditional ///< a condition object, evaluated by the client
};

enum class RuleType {
    Contains, ///< `contains`: the output contains `value`
    Regex,    ///< `regex`: the output matches `pattern` with `flags` (ECMAScript)
    Length,   ///< `length`: the output length lies within `min`..`max`
    Schema,   ///< `schema`: the output, parsed as JSON, is valid against `schema`
    Unknown   ///< missing or another type (the schema rejects it)
};

enum class CriteriaKind {
    Rule,   ///< one validation rule
    List,   ///< the array form of `validationCriteria`: every rule must pass
    And,    ///< composition `and`: every member passes
    Or,     ///< composition `or`: some member passes
    Not,    ///< composition `not`: the member fails
    Invalid ///< neither a rule nor a composition
};

enum class FunctionScope {
    Unspecified, ///< no `scope` given
    Workflow,    ///< `workflow`
    Loop,        ///< `loop`
    Step,        ///< `step`
    Unknown      ///< another value (the schema rejects it)
};

enum class ParameterType {
    String,  ///< `string`
    Number,  ///< `number` (finite)
    Boolean, ///< `boolean`
    Array,   ///< `array`
    Object,  ///< `object` (not an array, not null)
    Unknown  ///< missing or another value
};

std::string_view loopTypeName(LoopType t);        ///< "while", ..., "" for Unknown
std::string_view conditionOpName(ConditionOp op); ///< "equals", "and", ... "" for Always/Invalid
std::string_view ruleTypeName(RuleType t);        ///< "contains", ..., "" for Unknown

} // namespace wfs
