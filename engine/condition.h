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

} // namespace wfs::engine
