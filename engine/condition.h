// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// WorkRail's condition language (workrail-compat.md §1.4): runCondition, loop conditions, rule
// conditions. Evaluation never throws; any internal failure makes the condition false.
#pragma once

#include "model/json.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace wfs::engine {

// The variables a condition sees: the (normalised) context object plus, inside a loop pass,
// the loop variables layered on top. `context == nullptr` models a `null` context, against
// which every non-trivial condition is false.
class VarScope
{
public:
    VarScope() = default;
    explicit VarScope(const Json *context)
        : m_context(context)
    {}

    // Adds a variable that shadows the context's key of the same name (loop variables).
    void overlay(std::string name, Json value)
    {
        m_overlay.emplace_back(std::move(name), std::move(value));
    }

    bool isNullContext() const { return m_context == nullptr; }
    // ctx[name]; nullptr when undefined.
    const Json *lookup(std::string_view name) const;

private:
    const Json *m_context = nullptr;
    std::vector<std::pair<std::string, Json>> m_overlay;
};

// eval(c, ctx): missing / non-object / {} → true; otherwise the node semantics of §1.4, with
// every failure (non-array `and`, empty nested node, null context) turning the whole condition
// false.
bool evaluateCondition(const Json *condition, const VarScope &scope);
inline bool evaluateCondition(const Json &condition, const VarScope &scope)
{
    return evaluateCondition(&condition, scope);
}

// §3.5: the variables a condition mentions, in first-seen depth-first order, with the String()
// of every non-null `equals` value (deduplicated, in order).
struct ConditionVariable
{
    std::string name;
    std::vector<std::string> values;
};
void collectConditionVariables(const Json &condition, std::vector<ConditionVariable> &out);

// A condition's value with the evidence for it (the explanation engine): the same evaluation
// as evaluateCondition(), recording what it read and which sub-expression decided.
struct ConditionExplanation
{
    bool value = true;            ///< evaluateCondition(condition, scope)
    bool present = false;         ///< false when the condition is missing or {} (always true)
    bool failed = false;          ///< evaluation failed (null context, malformed node): false
    Json condition;               ///< as written (null when absent)
    std::string summary;          ///< readable form, e.g. `mode == "quick" && !skip`
    Json values = Json::object(); ///< every variable it mentions → its value (null: unset)
    Json decidedBy; ///< the deciding sub-expression when narrower than the whole; else null
};
ConditionExplanation explainCondition(const Json *condition, const VarScope &scope);

// "x = 1, y = unset": the values an explanation read, in the condition's order.
std::string conditionValuesText(const ConditionExplanation &e);

// The readable one-line form of a condition: `x == 1`, `(a || !b) && c`.
std::string conditionSummary(const Json &condition);

} // namespace wfs::engine
