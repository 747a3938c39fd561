// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "condition.h"

#include "jsonio.h"

#include <array>
#include <optional>

namespace wfs {

namespace {

// The operators next to `var`, in WorkRail's order of precedence.
constexpr std::array<std::pair<const char *, ConditionOp>, 6> kVarOps{{
    {"equals", ConditionOp::Equals},
    {"not_equals", ConditionOp::NotEquals},
    {"gt", ConditionOp::Gt},
    {"gte", ConditionOp::Gte},
    {"lt", ConditionOp::Lt},
    {"lte", ConditionOp::Lte},
}};

bool isKnownKey(const std::string &k)
{
    if (k == "var" || k == "and" || k == "or" || k == "not")
        return true;
    for (const auto &[name, op] : kVarOps)
        if (k == name)
            return true;
    return false;
}

// Nesting is bounded by the parser (kMaxJsonDepth); a Json built in code could be deeper,
// so the view and the evaluator stop at that depth too.
Condition build(const Json &json, const std::string &pointer, bool top, int depth)
{
    Condition c;
    c.pointer = pointer;
    if (!json.is_object()) {
        c.op = top ? ConditionOp::Always : ConditionOp::Invalid;
        if (!top)
            c.problem = "a condition must be an object";
        return c;
    }
    for (const auto &[key, value] : json.items())
        if (!isKnownKey(key))
            c.unknownKeys.push_back(key);
    if (json.empty()) {
        c.op = top ? ConditionOp::Always : ConditionOp::Invalid;
        if (!top)
            c.problem = "an empty condition inside and/or/not has no operator";
        return c;
    }
    if (depth > kMaxJsonDepth) {
        c.op = ConditionOp::Invalid;
        c.problem = "condition nested too deeply";
        return c;
    }
    auto ignoreOthers = [&](std::initializer_list<const char *> keys) {
        for (const char *k : keys)
            if (json.contains(k))
                c.ignoredKeys.emplace_back(k);
    };
    if (json.contains("var")) {
        const Json &v = json.at("var");
        if (v.is_string()) {
            c.var = v.get<std::string>();
            c.hasVar = true;
        } else {
            c.problem = "'var' must be a string (the name of a context variable)";
        }
        c.op = ConditionOp::Truthy;
        bool decided = false;
        for (const auto &[name, op] : kVarOps) {
            if (!json.contains(name))
                continue;
            if (decided) {
                c.ignoredKeys.emplace_back(name);
                continue;
            }
            decided = true;
            c.op = op;
            c.operand = json.at(name);
            if (op != ConditionOp::Equals && op != ConditionOp::NotEquals &&
                !c.operand.is_number() && c.problem.empty())
                c.problem = "'" + std::string(name) + "' must be a number";
        }
        ignoreOthers({"and", "or", "not"});
        if (!c.hasVar)
            c.op = ConditionOp::Invalid;
        return c;
    }
    auto listOp = [&](const char *key, ConditionOp op) {
        c.op = op;
        const Json &list = json.at(key);
        const std::string listPointer = pointerAppend(pointer, key);
        if (!list.is_array()) {
            c.op = ConditionOp::Invalid;
            c.problem = "'" + std::string(key) + "' must be an array of conditions";
            return;
        }
        for (std::size_t i = 0; i < list.size(); ++i)
            c.children.push_back(build(list[i], pointerAppend(listPointer, i), false, depth + 1));
    };
    if (json.contains("and")) {
        listOp("and", ConditionOp::And);
        ignoreOthers({"or", "not"});
        return c;
    }
    if (json.contains("or")) {
        listOp("or", ConditionOp::Or);
        ignoreOthers({"not"});
        return c;
    }
    if (json.contains("not")) {
        c.op = ConditionOp::Not;
        c.children.push_back(
            build(json.at("not"), pointerAppend(pointer, "not"), false, depth + 1));
        return c;
    }
    c.op = ConditionOp::Invalid;
    c.problem = "condition has no operator: it needs 'var', 'and', 'or' or 'not'";
    // Operators without `var` are ignored by WorkRail.
    for (const auto &[name, op] : kVarOps)
        if (json.contains(name))
            c.ignoredKeys.emplace_back(name);
    return c;
}

} // namespace

Condition Condition::fromJson(const Json &json, const std::string &pointer, bool top)
{
    return build(json, pointer, top, 0);
}

void Condition::collectVars(std::vector<std::string> &out) const
{
    if (hasVar)
        out.push_back(var);
    for (const Condition &c : children)
        c.collectVars(out);
}

bool isTruthy(const Json *v)
{
    if (!v || v->is_null())
        return false;
    if (v->is_boolean())
        return v->get<bool>();
    if (v->is_number()) {
        const double d = v->get<double>();
        return d == d && d != 0; // NaN and 0 are falsy
    }
    if (v->is_string())
        return !v->get_ref<const std::string &>().empty();
    return true; // arrays and objects, even empty
}

} // namespace wfs
