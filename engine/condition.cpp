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

// `decider`, when given, receives the sub-expression that decided the value: the leaf of a
// `var` node, the first false operand of an `and` (the first true one of an `or`), or the
// node itself when every operand agreed. Recording it never changes the result.
bool evalNode(const Json &node, const VarScope &scope, int depth, const Json **decider)
{
    if (depth > 256 || !node.is_object())
        throw Failure{};
    if (decider)
        *decider = &node;
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
        for (const Json &c : *all) {
            if (!evalNode(c, scope, depth + 1, decider))
                return false;
        }
        if (decider)
            *decider = &node;
        return true;
    }
    if (const Json *any = member(node, "or")) {
        if (!any->is_array())
            throw Failure{};
        for (const Json &c : *any) {
            if (evalNode(c, scope, depth + 1, decider))
                return true;
        }
        if (decider)
            *decider = &node;
        return false;
    }
    if (const Json *neg = member(node, "not")) {
        const bool r = !evalNode(*neg, scope, depth + 1, nullptr);
        return r;
    }
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
        return evalNode(*condition, scope, 0, nullptr);
    } catch (const Failure &) {
        return false;
    }
}

void collectConditionVariables(const Json &condition, std::vector<ConditionVariable> &out)
{
    collect(condition, out, 0);
}

namespace {

std::string compact(const Json &v)
{
    return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

std::string summaryNode(const Json &node, int depth)
{
    if (depth > 64)
        return "...";
    if (!node.is_object() || node.empty())
        return compact(node);
    if (const Json *var = member(node, "var")) {
        const std::string name = js::toString(var);
        static const char *const keys[] = {"equals", "not_equals", "gt", "gte", "lt", "lte"};
        static const char *const ops[] = {" == ", " != ", " > ", " >= ", " < ", " <= "};
        for (int i = 0; i < 6; ++i) {
            if (const Json *operand = member(node, keys[i]))
                return name + ops[i] + compact(*operand);
        }
        return name;
    }
    auto joined = [&](const Json &list, const char *op) {
        if (!list.is_array())
            return compact(node);
        std::string s = "(";
        for (std::size_t i = 0; i < list.size(); ++i)
            s += (i ? op : "") + summaryNode(list[i], depth + 1);
        return s + ")";
    };
    if (const Json *all = member(node, "and"))
        return joined(*all, " && ");
    if (const Json *any = member(node, "or"))
        return joined(*any, " || ");
    if (const Json *neg = member(node, "not"))
        return "!" + summaryNode(*neg, depth + 1);
    return compact(node);
}

} // namespace

std::string conditionSummary(const Json &condition)
{
    std::string s = summaryNode(condition, 0);
    // The outermost parentheses add nothing.
    if (s.size() > 2 && s.front() == '(' && s.back() == ')' && condition.is_object() &&
        (condition.contains("and") || condition.contains("or")) && !condition.contains("var"))
        s = s.substr(1, s.size() - 2);
    return s;
}

std::string conditionValuesText(const ConditionExplanation &e)
{
    std::string s;
    for (auto it = e.values.begin(); it != e.values.end(); ++it) {
        if (!s.empty())
            s += ", ";
        s += it.key() + " = " + (it.value().is_null() ? std::string("unset") : compact(it.value()));
    }
    return s;
}

ConditionExplanation explainCondition(const Json *condition, const VarScope &scope)
{
    ConditionExplanation e;
    if (!condition || !condition->is_object() || condition->empty()) {
        e.value = evaluateCondition(condition, scope);
        return e;
    }
    e.present = true;
    e.condition = *condition;
    e.summary = conditionSummary(*condition);
    std::vector<ConditionVariable> vars;
    collect(*condition, vars, 0);
    for (const ConditionVariable &cv : vars) {
        const Json *v = scope.isNullContext() ? nullptr : scope.lookup(cv.name);
        e.values[cv.name] = v ? *v : Json();
    }
    const Json *decider = nullptr;
    try {
        e.value = evalNode(*condition, scope, 0, &decider);
        if (decider && decider != condition)
            e.decidedBy = *decider;
    } catch (const Failure &) {
        e.value = false;
        e.failed = true;
        if (decider)
            e.decidedBy = *decider;
    }
    // Same answer as the evaluator every caller uses.
    e.value = evaluateCondition(condition, scope);
    return e;
}

} // namespace wfs::engine
