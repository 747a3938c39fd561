// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Condition evaluation exactly as WorkRail 0.3.0 does it: the first operator present decides,
// equality is strict, ordering works on numbers only, and failures make the condition false.
#include "condition.h"

#include "jsvalue.h"

#include <algorithm>
#include <cmath>

namespace wfs::engine {

namespace {

struct Failure
{};

const Json *member(const Json &node, const char *key)
{
    const auto it = node.find(key);
    return it == node.end() ? nullptr : &*it;
}

// JS ordering between a number and an operand: the operand is converted with Number().
bool compareNumbers(double v, const Json &operand, int op)
{
    const double o = js::toNumber(operand);
    if (std::isnan(v) || std::isnan(o))
        return false;
    switch (op) {
    case 0:
        return v > o;
    case 1:
        return v >= o;
    case 2:
        return v < o;
    default:
        return v <= o;
    }
}

bool evalNode(const Json &node, const VarScope &scope, int depth)
{
    if (depth > 256 || !node.is_object())
        throw Failure{};
    if (const Json *var = member(node, "var")) {
        if (scope.isNullContext())
            throw Failure{}; // null[var] is a TypeError in WorkRail
        const std::string name = js::toString(var);
        const Json *v = scope.lookup(name);
        if (const Json *eq = member(node, "equals"))
            return js::strictEquals(v, eq);
        if (const Json *ne = member(node, "not_equals"))
            return !js::strictEquals(v, ne);
        static const char *const ops[] = {"gt", "gte", "lt", "lte"};
        for (int op = 0; op < 4; ++op) {
            if (const Json *operand = member(node, ops[op]))
                return v && v->is_number() && compareNumbers(v->get<double>(), *operand, op);
        }
        return js::truthy(v);
    }
    if (const Json *all = member(node, "and")) {
        if (!all->is_array())
            throw Failure{};
        return std::all_of(all->begin(), all->end(),
                           [&](const Json &c) { return evalNode(c, scope, depth + 1); });
    }
    if (const Json *any = member(node, "or")) {
        if (!any->is_array())
            throw Failure{};
        return std::any_of(any->begin(), any->end(),
                           [&](const Json &c) { return evalNode(c, scope, depth + 1); });
    }
    if (const Json *neg = member(node, "not"))
        return !evalNode(*neg, scope, depth + 1);
    throw Failure{};
}

void collect(const Json &node, std::vector<ConditionVariable> &out, int depth)
{
    if (depth > 256 || !node.is_object())
        return;
    if (const Json *var = member(node, "var")) {
        const std::string name = js::toString(var);
        auto it = std::find_if(out.begin(), out.end(),
                               [&](const ConditionVariable &cv) { return cv.name == name; });
        if (it == out.end()) {
            out.push_back({name, {}});
            it = out.end() - 1;
        }
        const Json *eq = member(node, "equals");
        if (eq && !eq->is_null()) {
            std::string s = js::toString(eq);
            if (std::find(it->values.begin(), it->values.end(), s) == it->values.end())
                it->values.push_back(std::move(s));
        }
    }
    if (const Json *all = member(node, "and"); all && all->is_array()) {
        for (const Json &c : *all)
            collect(c, out, depth + 1);
    }
    if (const Json *any = member(node, "or"); any && any->is_array()) {
        for (const Json &c : *any)
            collect(c, out, depth + 1);
    }
    if (const Json *neg = member(node, "not"))
        collect(*neg, out, depth + 1);
}

} // namespace

const Json *VarScope::lookup(std::string_view name) const
{
    for (auto it = m_overlay.rbegin(); it != m_overlay.rend(); ++it) {
        if (it->first == name)
            return &it->second;
    }
    if (!m_context || !m_context->is_object())
        return nullptr;
    const auto it = m_context->find(name);
    return it == m_context->end() ? nullptr : &*it;
}

bool evaluateCondition(const Json *condition, const VarScope &scope)
{
    if (!condition || !condition->is_object() || condition->empty())
        return true;
    try {
        return evalNode(*condition, scope, 0);
    } catch (const Failure &) {
        return false;
    }
}

void collectConditionVariables(const Json &condition, std::vector<ConditionVariable> &out)
{
    collect(condition, out, 0);
}

} // namespace wfs::engine
