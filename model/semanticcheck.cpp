// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "semanticcheck.h"

#include "jsonio.h"
#include "jsonschema/ecmaregex.h"
#include "jsonschema/validator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>
#include <unordered_map>

namespace wfs {

namespace {

void add(Diagnostics &out, const std::string &pointer, Severity severity, std::string message)
{
    Diagnostic d;
    d.pointer = pointer;
    d.severity = severity;
    d.message = std::move(message);
    d.source = "semantic";
    out.push_back(std::move(d));
}

std::string show(const Json &v)
{
    return toJsJson(v, 0);
}

// "(?i)abc": PCRE/Python inline flags, which JavaScript does not have.
// A pattern that JavaScript rejects only because it starts with PCRE's inline flags, such as
// "(?i)title:" (WorkRail's own workflows ship such patterns): the flag letters ("i"), when the
// rest compiles as an ECMAScript regex with those flags; "" otherwise.
std::string inlineFlagsOnly(const std::string &pattern, const schema::EcmaRegexFlags &flags)
{
    if (pattern.size() < 4 || pattern.compare(0, 2, "(?") != 0)
        return {};
    const std::size_t close = pattern.find(')');
    if (close == std::string::npos || close < 3)
        return {};
    const std::string letters = pattern.substr(2, close - 2);
    if (letters.find_first_not_of("ims") != std::string::npos)
        return {};
    schema::EcmaRegexFlags with = flags;
    with.ignoreCase = with.ignoreCase || letters.find('i') != std::string::npos;
    with.multiline = with.multiline || letters.find('m') != std::string::npos;
    with.dotAll = with.dotAll || letters.find('s') != std::string::npos;
    if (!schema::compileEcmaRegex(std::string_view(pattern).substr(close + 1), with))
        return {};
    return letters;
}

std::string describeStep(const Step &s)
{
    return s.id.empty() ? std::string("step at ") + s.pointer : "step '" + s.id + "'";
}

bool isIdentChar(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// `name` occurs in `text` as a whole identifier.
bool mentions(std::string_view text, std::string_view name)
{
    if (name.empty())
        return false;
    std::size_t at = 0;
    while ((at = text.find(name, at)) != std::string_view::npos) {
        const bool startOk = at == 0 || !isIdentChar(text[at - 1]);
        const std::size_t end = at + name.size();
        const bool endOk = end >= text.size() || !isIdentChar(text[end]);
        if (startOk && endOk)
            return true;
        at = end;
    }
    return false;
}

// Calls fn(condition, owner description) for every condition in the workflow.
template<typename Fn> void forEachCondition(const Workflow &wf, Fn fn)
{
    auto fromCriteria = [&](const ValidationCriteria &c, auto &self) -> void {
        if (c.kind == CriteriaKind::Rule && c.rule.condition)
            fn(*c.rule.condition);
        for (const ValidationCriteria &i : c.items)
            self(i, self);
    };
    for (const Step *s : wf.allSteps()) {
        if (s->runCondition)
            fn(*s->runCondition);
        if (s->requireConfirmation.condition)
            fn(*s->requireConfirmation.condition);
        if (s->loop.condition)
            fn(*s->loop.condition);
        if (s->validationCriteria)
            fromCriteria(*s->validationCriteria, fromCriteria);
    }
}

// ---- contradiction analysis ----------------------------------------------------------------

bool sameValue(const Json &a, const Json &b)
{
    if (a.is_number() && b.is_number())
        return a.get<double>() == b.get<double>();
    if (a.type() != b.type())
        return false;
    if (a.is_structured())
        return false;
    return a == b;
}

struct VarFacts
{
    const Json *eq = nullptr;
    std::vector<const Json *> neq;
    double lo = -std::numeric_limits<double>::infinity();
    bool loStrict = false;
    std::string loOp;
    double hi = std::numeric_limits<double>::infinity();
    bool hiStrict = false;
    std::string hiOp;
    bool numeric = false;
    bool truthy = false;
};

std::string numberText(double d)
{
    return toJsJson(Json(d), 0);
}

// Collects the facts of an `and` (nested `and`s flattened); returns a contradiction or "".
std::string collectFacts(const Condition &c, std::map<std::string, VarFacts> &facts)
{
    if (c.op == ConditionOp::And) {
        for (const Condition &child : c.children) {
            const std::string r = collectFacts(child, facts);
            if (!r.empty())
                return r;
        }
        return {};
    }
    if (!c.hasVar)
        return {};
    VarFacts &f = facts[c.var];
    const std::string name = "'" + c.var + "'";
    switch (c.op) {
    case ConditionOp::Equals:
        if (f.eq && !sameValue(*f.eq, c.operand))
            return name + " cannot equal both " + show(*f.eq) + " and " + show(c.operand);
        f.eq = &c.operand;
        break;
    case ConditionOp::NotEquals:
        f.neq.push_back(&c.operand);
        break;
    case ConditionOp::Gt:
    case ConditionOp::Gte:
    case ConditionOp::Lt:
    case ConditionOp::Lte: {
        if (!c.operand.is_number())
            break;
        f.numeric = true;
        const double v = c.operand.get<double>();
        const bool strict = c.op == ConditionOp::Gt || c.op == ConditionOp::Lt;
        const std::string opText = std::string(conditionOpName(c.op)) + " " + numberText(v);
        if (c.op == ConditionOp::Gt || c.op == ConditionOp::Gte) {
            if (v > f.lo || (v == f.lo && strict)) {
                f.lo = v;
                f.loStrict = strict;
                f.loOp = opText;
            }
        } else if (v < f.hi || (v == f.hi && strict)) {
            f.hi = v;
            f.hiStrict = strict;
            f.hiOp = opText;
        }
        break;
    }
    case ConditionOp::Truthy:
        f.truthy = true;
        break;
    default:
        break;
    }
    return {};
}

std::string checkFacts(const std::map<std::string, VarFacts> &facts)
{
    for (const auto &[var, f] : facts) {
        const std::string name = "'" + var + "'";
        if (f.eq) {
            for (const Json *n : f.neq)
                if (sameValue(*f.eq, *n))
                    return name + " cannot both equal and not equal " + show(*n);
            if (f.numeric && !f.eq->is_number())
                return name + " cannot equal " + show(*f.eq) + " and be compared as a number";
            if (f.numeric) {
                const double v = f.eq->get<double>();
                if (v < f.lo || (v == f.lo && f.loStrict))
                    return name + " cannot equal " + show(*f.eq) + " and be " + f.loOp;
                if (v > f.hi || (v == f.hi && f.hiStrict))
                    return name + " cannot equal " + show(*f.eq) + " and be " + f.hiOp;
            }
            if (f.truthy && !isTruthy(f.eq))
                return name + " cannot be truthy and equal " + show(*f.eq);
        }
        if (f.lo > f.hi || (f.lo == f.hi && (f.loStrict || f.hiStrict)))
            return "no number is both " + f.loOp + " and " + f.hiOp + " (" + name + ")";
    }
    return {};
}

} // namespace

std::string contradiction(const Condition &c)
{
    switch (c.op) {
    case ConditionOp::Equals:
        if (c.operand.is_structured())
            return "'equals' compares '" + c.var +
                   "' with an object or array, which is never equal (JavaScript compares "
                   "identity)";
        return {};
    case ConditionOp::Or: {
        if (c.children.empty())
            return "'or: []' is always false";
        std::string first;
        for (const Condition &child : c.children) {
            const std::string r = contradiction(child);
            if (r.empty())
                return {};
            if (first.empty())
                first = r;
        }
        return "no member of 'or' can be true (" + first + ")";
    }
    case ConditionOp::And: {
        for (const Condition &child : c.children) {
            const std::string r = contradiction(child);
            if (!r.empty())
                return r;
        }
        std::map<std::string, VarFacts> facts;
        const std::string r = collectFacts(c, facts);
        if (!r.empty())
            return r;
        return checkFacts(facts);
    }
    default:
        return {};
    }
}

// ---- checks -------------------------------------------------------------------------------

void checkStepIds(const Workflow &wf, Diagnostics &out, const std::string &editedStep)
{
    // Steps by id, in document order.
    std::vector<std::string> order;
    std::unordered_map<std::string, std::vector<const Step *>> byId;
    for (const Step *s : wf.allSteps()) {
        if (s->id.empty())
            continue;
        auto &group = byId[s->id];
        if (group.empty())
            order.push_back(s->id);
        group.push_back(s);
    }
    for (const std::string &id : order) {
        const std::vector<const Step *> &group = byId[id];
        if (group.size() < 2)
            continue;
        // The original keeps the id: the first occurrence, unless that is the step just edited.
        const Step *original = group.front();
        if (!editedStep.empty() && original->pointer == editedStep)
            original = group[1];
        const bool originalFirst = original == group.front();
        const std::string other = originalFirst ? "first" : "other";
        for (const Step *s : group) {
            if (s == original)
                continue;
            std::string where;
            if (s->isInline() && original->isInline() && s->topIndex == original->topIndex)
                where = " in the same loop body";
            else if (s->isInline() != original->isInline())
                where = " (the " + other + " is " +
                        (original->isInline() ? "inside a loop body)" : "a top-level step)");
            add(out, pointerAppend(s->pointer, "id"), Severity::Error,
                "duplicate step id '" + s->id + "'" + where + "; the " + other + " is at " +
                    original->pointer +
                    ". Step ids must be unique: completedSteps names steps by id");
        }
    }
}

void checkLoops(const Workflow &wf, Diagnostics &out)
{
    for (const Step &s : wf.steps) {
        if (!s.isLoop())
            continue;
        const LoopConfig &l = s.loop;
        const std::string who = describeStep(s);
        if (l.maxIterations) {
            const double m = *l.maxIterations;
            if (m < 1 || m > 1000)
                add(out, pointerAppend(l.pointer, "maxIterations"), Severity::Error,
                    "maxIterations " + numberText(m) + " of loop " + who +
                        " is outside 1..1000; WorkRail refuses such loops");
            else if (m != std::floor(m))
                add(out, pointerAppend(l.pointer, "maxIterations"), Severity::Warning,
                    "maxIterations " + numberText(m) + " is not a whole number; use " +
                        numberText(std::floor(m)));
        }
        if (l.type == LoopType::For && l.countNumber) {
            const double c = *l.countNumber;
            if (c <= 0)
                add(out, pointerAppend(l.pointer, "count"), Severity::Error,
                    "the for loop " + who + " has count " + numberText(c) +
                        "; WorkRail requires a positive count (\"for loop count must be a "
                        "positive number or context variable name\")");
            else if (c != std::floor(c))
                add(out, pointerAppend(l.pointer, "count"), Severity::Warning,
                    "count " + numberText(c) + " is not a whole number");
            else if (l.maxIterations && *l.maxIterations >= 1 && c > *l.maxIterations)
                add(out, pointerAppend(l.pointer, "count"), Severity::Warning,
                    "count " + numberText(c) + " exceeds maxIterations " +
                        numberText(*l.maxIterations) + ": the loop stops after " +
                        numberText(*l.maxIterations) + " passes");
        }
        if (l.type != LoopType::ForEach && l.type != LoopType::Unknown) {
            if (l.hasItemVar)
                add(out, pointerAppend(l.pointer, "itemVar"), Severity::Warning,
                    "itemVar is used only by forEach loops; this is a " +
                        std::string(loopTypeName(l.type)) + " loop");
            if (l.hasIndexVar)
                add(out, pointerAppend(l.pointer, "indexVar"), Severity::Warning,
                    "indexVar is used only by forEach loops; this is a " +
                        std::string(loopTypeName(l.type)) + " loop");
        }
        const std::string bodyPointer = pointerAppend(s.pointer, "body");
        if (s.bodyKind == LoopBodyKind::StepRef) {
            if (s.bodyRef == s.id) {
                add(out, bodyPointer, Severity::Error,
                    "the loop " + who + " names itself as its body; name a standard step");
                continue;
            }
            const Step *target = wf.findTopLevelStep(s.bodyRef);
            if (!target) {
                const Step *inlineStep = wf.findStep(s.bodyRef);
                add(out, bodyPointer, Severity::Error,
                    "loop body '" + s.bodyRef + "' names no top-level step" +
                        (inlineStep ? " (a step with that id is inline in another loop's body)"
                                    : std::string()) +
                        "; WorkRail: \"Loop body references non-existent step '" + s.bodyRef +
                        "'\"");
                continue;
            }
            if (target->isLoop()) {
                add(out, bodyPointer, Severity::Error,
                    "loop body '" + s.bodyRef +
                        "' is itself a loop; nested loops are not supported");
                continue;
            }
            if (target->runCondition)
                add(out, pointerAppend(target->pointer, "runCondition"), Severity::Error,
                    "step '" + target->id + "' is the body of loop " + who +
                        " and has a runCondition; WorkRail refuses this (\"is a loop body but "
                        "has runCondition\"): move the condition to the loop");
        } else if (s.bodyKind == LoopBodyKind::Inline) {
            for (const Step &inner : s.bodySteps)
                if (inner.isLoop())
                    add(out, inner.pointer, Severity::Error,
                        "a loop inside the body of loop " + who +
                            "; nested loops are not supported");
        }
    }
}

void checkLoopVariables(const Workflow &wf, Diagnostics &out)
{
    struct Wanted
    {
        const Step *loop;
        std::string var;
        std::string pointer;
        const char *what;
    };
    std::vector<Wanted> wanted;
    for (const Step &s : wf.steps) {
        if (!s.isLoop())
            continue;
        if (s.loop.type == LoopType::For && s.loop.countVar)
            wanted.push_back(
                {&s, *s.loop.countVar, pointerAppend(s.loop.pointer, "count"), "count"});
        if (s.loop.type == LoopType::ForEach && s.loop.items)
            wanted.push_back({&s, *s.loop.items, pointerAppend(s.loop.pointer, "items"), "items"});
    }
    if (wanted.empty())
        return;
    // Texts visible to an agent, and names the engine or conditions use.
    std::vector<std::string_view> texts;
    std::vector<std::string> owned;
    auto addText = [&](const std::string &t) { texts.push_back(t); };
    addText(wf.description);
    for (const auto *list : {&wf.preconditions, &wf.clarificationPrompts, &wf.metaGuidance})
        for (const std::string &t : *list)
            addText(t);
    auto addFunctions = [&](const std::vector<FunctionDefinition> &defs) {
        for (const FunctionDefinition &d : defs) {
            addText(d.definition);
            for (const FunctionParameter &p : d.parameters) {
                addText(p.name);
                addText(p.description);
            }
        }
    };
    addFunctions(wf.functionDefinitions);
    auto addCriteria = [&](const ValidationCriteria &c) {
        std::vector<const ValidationRule *> rules;
        c.collectRules(rules);
        for (const ValidationRule *r : rules) {
            addText(r->message);
            if (r->value)
                addText(*r->value);
        }
    };
    for (const Step *s : wf.allSteps()) {
        addFunctions(s->functionDefinitions);
        if (s->isLoop())
            continue;
        addText(s->title);
        addText(s->prompt);
        if (s->agentRole)
            addText(*s->agentRole);
        for (const std::string &g : s->guidance)
            addText(g);
        if (s->validationCriteria)
            addCriteria(*s->validationCriteria);
        for (const FunctionCall &c : s->functionCalls)
            owned.push_back(c.args.dump());
    }
    for (const std::string &t : owned)
        texts.push_back(t);
    std::set<std::string> names;
    forEachCondition(wf, [&](const Condition &c) {
        std::vector<std::string> vars;
        c.collectVars(vars);
        names.insert(vars.begin(), vars.end());
    });
    for (const Wanted &w : wanted) {
        bool found = names.count(w.var) > 0;
        for (const Step &other : wf.steps) {
            if (found || !other.isLoop() || &other == w.loop)
                continue;
            const LoopConfig &l = other.loop;
            found = l.iterationVar == w.var ||
                    (l.type == LoopType::ForEach && (l.itemVar == w.var || l.indexVar == w.var));
        }
        for (std::size_t i = 0; i < texts.size() && !found; ++i)
            found = mentions(texts[i], w.var);
        if (found)
            continue;
        add(out, w.pointer, Severity::Warning,
            "nothing in the workflow sets or mentions '" + w.var + "', the " + w.what +
                " variable of loop " + describeStep(*w.loop) +
                ": ask for it in a step's prompt (e.g. \"set " + w.var +
                " in the context\") or the loop will be skipped");
    }
}

void checkConditions(const Workflow &wf, Diagnostics &out)
{
    auto visit = [&](const Condition &c, auto &self) -> void {
        for (const std::string &k : c.unknownKeys)
            add(out, pointerAppend(c.pointer, k), Severity::Error,
                "unknown condition key '" + k +
                    "'; a condition uses 'var' with one of equals, not_equals, gt, gte, lt, "
                    "lte, or 'and', 'or', 'not'");
        if (c.op == ConditionOp::Invalid) {
            add(out, c.pointer, Severity::Error,
                (c.problem.empty() ? std::string("condition has no operator") : c.problem) +
                    "; WorkRail then treats the whole condition as false");
        } else if (!c.problem.empty()) {
            add(out, c.pointer, Severity::Error, c.problem);
        }
        for (const std::string &k : c.ignoredKeys) {
            if (c.op == ConditionOp::Invalid) {
                add(out, pointerAppend(c.pointer, k), Severity::Warning,
                    "'" + k + "' is ignored without a 'var' next to it; add \"var\": \"<name>\"");
                continue;
            }
            add(out, pointerAppend(c.pointer, k), Severity::Warning,
                "'" + k + "' is ignored: WorkRail evaluates only '" +
                    std::string(conditionOpName(c.op)) +
                    "' in this condition object; split it with 'and'");
        }
        if (c.op == ConditionOp::Equals && c.operand.is_structured())
            add(out, pointerAppend(c.pointer, "equals"), Severity::Warning,
                "'equals' with an object or array is never true (JavaScript compares identity)");
        for (const Condition &child : c.children)
            self(child, self);
    };
    forEachCondition(wf, [&](const Condition &c) { visit(c, visit); });

    for (const Step *s : wf.allSteps()) {
        if (!s->runCondition)
            continue;
        const Condition &c = *s->runCondition;
        if (c.op == ConditionOp::Equals && c.operand.is_structured())
            continue; // already reported above
        const std::string why = contradiction(c);
        if (!why.empty())
            add(out, s->runCondition->pointer, Severity::Warning,
                describeStep(*s) + " can never run: its runCondition is contradictory (" + why +
                    ")");
    }
}

void checkValidationRules(const Workflow &wf, Diagnostics &out)
{
    for (const Step *s : wf.allSteps()) {
        if (!s->validationCriteria)
            continue;
        std::vector<const ValidationRule *> rules;
        s->validationCriteria->collectRules(rules);
        for (const ValidationRule *r : rules) {
            switch (r->type) {
            case RuleType::Contains:
                if (!r->value)
                    add(out, r->pointer, Severity::Error,
                        "a contains rule needs a 'value' (the text the output must contain)");
                break;
            case RuleType::Regex: {
                if (!r->pattern) {
                    add(out, r->pointer, Severity::Error,
                        "a regex rule needs a 'pattern' (an ECMAScript regular expression)");
                    break;
                }
                auto flags = schema::parseEcmaRegexFlags(r->flags.value_or(std::string()));
                if (!flags) {
                    add(out, pointerAppend(r->pointer, "flags"), Severity::Error,
                        "invalid regex flags '" + r->flags.value_or(std::string()) +
                            "': " + flags.error() + " (allowed: d, g, i, m, s, u, y, once each)");
                    break;
                }
                auto re = schema::compileEcmaRegex(*r->pattern, *flags);
                if (re)
                    break;
                // WorkRail loads the workflow, but every workflow_validate of this step fails:
                // an error. Patterns that only lack JavaScript's support for PCRE's inline
                // flags stay a warning: WorkRail's own workflows ship them, and the fix is
                // mechanical.
                const std::string letters = inlineFlagsOnly(*r->pattern, *flags);
                std::string why;
                if (!letters.empty()) {
                    const std::string given = r->flags.value_or(std::string());
                    std::string merged = given;
                    for (char c : letters)
                        if (merged.find(c) == std::string::npos)
                            merged += c;
                    why = "; JavaScript has no inline flags: remove '" +
                          r->pattern->substr(0, letters.size() + 3) + "' and " +
                          (given.empty() ? "add" : "set") + " \"flags\": \"" + merged + "\"";
                }
                add(out, pointerAppend(r->pointer, "pattern"),
                    letters.empty() ? Severity::Error : Severity::Warning,
                    "the pattern does not compile as an ECMAScript regular expression (" +
                        re.error() + ")" + why +
                        "; WorkRail's workflow_validate fails on this step with "
                        "\"Invalid regex pattern in validationCriteria\"");
                break;
            }
            case RuleType::Length:
                if (!r->min && !r->max)
                    add(out, r->pointer, Severity::Warning,
                        "a length rule without 'min' or 'max' accepts every output");
                else if (r->min && r->max && *r->min > *r->max)
                    add(out, r->pointer, Severity::Error,
                        "this length rule can never pass: min " + numberText(*r->min) +
                            " is greater than max " + numberText(*r->max));
                break;
            case RuleType::Schema: {
                if (!r->schema.is_object()) {
                    add(out, r->pointer, Severity::Error,
                        "a schema rule needs a 'schema' object (the JSON Schema the output must "
                        "satisfy)");
                    break;
                }
                auto compiled = schema::Validator::compile(r->schema);
                if (!compiled)
                    add(out, pointerAppend(r->pointer, "schema"), Severity::Error,
                        "the rule's JSON Schema is unusable: " + compiled.error());
                break;
            }
            case RuleType::Unknown:
                break; // the schema reports unknown rule types
            }
        }
    }
}

void checkFunctions(const Workflow &wf, Diagnostics &out)
{
    using Defs = std::map<std::string, const FunctionDefinition *>;
    auto addDefs = [](Defs &defs, const std::vector<FunctionDefinition> &list) {
        for (const FunctionDefinition &d : list)
            defs[d.name] = &d;
    };
    auto checkDuplicates = [&](const std::vector<FunctionDefinition> &list) {
        std::set<std::string> names;
        for (const FunctionDefinition &d : list)
            if (!d.name.empty() && !names.insert(d.name).second)
                add(out, pointerAppend(d.pointer, "name"), Severity::Warning,
                    "function '" + d.name +
                        "' is defined twice at this level; the later definition wins");
    };
    checkDuplicates(wf.functionDefinitions);
    auto typeMatches = [](ParameterType t, const Json &v) {
        switch (t) {
        case ParameterType::String:
            return v.is_string();
        case ParameterType::Number:
            return v.is_number() && std::isfinite(v.get<double>());
        case ParameterType::Boolean:
            return v.is_boolean();
        case ParameterType::Array:
            return v.is_array();
        case ParameterType::Object:
            return v.is_object();
        case ParameterType::Unknown:
            return true;
        }
        return true;
    };
    for (const Step *s : wf.allSteps()) {
        checkDuplicates(s->functionDefinitions);
        Defs defs;
        addDefs(defs, wf.functionDefinitions);
        if (s->isInline())
            addDefs(defs, wf.steps[static_cast<std::size_t>(s->topIndex)].functionDefinitions);
        addDefs(defs, s->functionDefinitions);
        const std::string prefix = "Step '" + s->id + "': ";
        for (const FunctionCall &call : s->functionCalls) {
            const auto it = defs.find(call.name);
            if (it == defs.end()) {
                add(out, pointerAppend(call.pointer, "name"), Severity::Error,
                    prefix + "Unknown function '" + call.name +
                        "' in functionCalls; define it in functionDefinitions (workflow, loop "
                        "or step)");
                continue;
            }
            const FunctionDefinition &def = *it->second;
            for (const FunctionParameter &p : def.parameters) {
                if (p.required && !call.args.contains(p.name))
                    add(out, pointerAppend(call.pointer, "args"), Severity::Error,
                        prefix + "Missing required parameter '" + p.name + "' for function '" +
                            call.name + "'");
            }
            for (const auto &[argName, value] : call.args.items()) {
                const FunctionParameter *param = nullptr;
                for (const FunctionParameter &p : def.parameters)
                    if (p.name == argName)
                        param = &p;
                if (!param)
                    continue; // unknown arguments are tolerated
                const std::string argPointer =
                    pointerAppend(pointerAppend(call.pointer, "args"), argName);
                if (!typeMatches(param->type, value)) {
                    add(out, argPointer, Severity::Error,
                        prefix + "Invalid type for '" + call.name + "." + argName + "': expected " +
                            param->typeName);
                    continue;
                }
                if (param->enumValues.is_array() && !param->enumValues.empty()) {
                    bool ok = false;
                    std::string allowed;
                    for (const Json &e : param->enumValues) {
                        ok = ok || sameValue(e, value);
                        if (!allowed.empty())
                            allowed += ", ";
                        allowed += e.is_string() ? e.get<std::string>() : show(e);
                    }
                    if (!ok)
                        add(out, argPointer, Severity::Error,
                            prefix + "Invalid value for '" + call.name + "." + argName +
                                "': must be one of " + allowed);
                }
            }
        }
        for (std::size_t i = 0; i < s->functionReferences.size(); ++i) {
            std::string name = s->functionReferences[i];
            if (name.size() > 2 && name.compare(name.size() - 2, 2, "()") == 0)
                name.resize(name.size() - 2);
            const bool inMetaGuidance =
                std::any_of(wf.metaGuidance.begin(), wf.metaGuidance.end(),
                            [&](const std::string &g) { return mentions(g, name); });
            if (defs.count(name) == 0 && !inMetaGuidance)
                add(out, pointerAppend(pointerAppend(s->pointer, "functionReferences"), i),
                    Severity::Warning,
                    "functionReference '" + s->functionReferences[i] +
                        "' names no function definition visible to this step and is not "
                        "described in metaGuidance");
        }
    }
}

Diagnostics checkSemantics(const Workflow &workflow, const CheckOptions &options)
{
    Diagnostics out;
    checkStepIds(workflow, out, options.editedStep);
    checkLoops(workflow, out);
    checkLoopVariables(workflow, out);
    checkConditions(workflow, out);
    checkValidationRules(workflow, out);
    checkFunctions(workflow, out);
    return out;
}

} // namespace wfs
