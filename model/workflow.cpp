// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Building the typed view of a workflow document. Reading is forgiving: a field of the wrong
// type is reported (source "model") and left at its default, so that editors can still show
// the rest of a broken file.
#include "workflow.h"

#include "jsonio.h"

namespace wfs {

std::string_view loopTypeName(LoopType t)
{
    switch (t) {
    case LoopType::While:
        return "while";
    case LoopType::Until:
        return "until";
    case LoopType::For:
        return "for";
    case LoopType::ForEach:
        return "forEach";
    case LoopType::Unknown:
        break;
    }
    return "";
}

std::string_view conditionOpName(ConditionOp op)
{
    switch (op) {
    case ConditionOp::Truthy:
        return "var";
    case ConditionOp::Equals:
        return "equals";
    case ConditionOp::NotEquals:
        return "not_equals";
    case ConditionOp::Gt:
        return "gt";
    case ConditionOp::Gte:
        return "gte";
    case ConditionOp::Lt:
        return "lt";
    case ConditionOp::Lte:
        return "lte";
    case ConditionOp::And:
        return "and";
    case ConditionOp::Or:
        return "or";
    case ConditionOp::Not:
        return "not";
    case ConditionOp::Always:
    case ConditionOp::Invalid:
        break;
    }
    return "";
}

std::string_view ruleTypeName(RuleType t)
{
    switch (t) {
    case RuleType::Contains:
        return "contains";
    case RuleType::Regex:
        return "regex";
    case RuleType::Length:
        return "length";
    case RuleType::Schema:
        return "schema";
    case RuleType::Unknown:
        break;
    }
    return "";
}

void ValidationCriteria::collectRules(std::vector<const ValidationRule *> &out) const
{
    if (kind == CriteriaKind::Rule)
        out.push_back(&rule);
    for (const ValidationCriteria &c : items)
        c.collectRules(out);
}

namespace {

class Reader
{
public:
    explicit Reader(Diagnostics *ds)
        : m_ds(ds)
    {}

    void problem(const std::string &pointer, std::string message)
    {
        if (!m_ds)
            return;
        Diagnostic d;
        d.pointer = pointer;
        d.severity = Severity::Error;
        d.message = std::move(message);
        d.source = "model";
        m_ds->push_back(std::move(d));
    }

    // Reads obj[key] as a string when present; reports another type.
    bool str(const Json &obj, const char *key, const std::string &ptr, std::string &out)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return false;
        if (!it->is_string()) {
            problem(pointerAppend(ptr, key), "'" + std::string(key) + "' must be a string");
            return false;
        }
        out = it->get<std::string>();
        return true;
    }
    bool optStr(const Json &obj, const char *key, const std::string &ptr,
                std::optional<std::string> &out)
    {
        std::string s;
        if (!str(obj, key, ptr, s))
            return false;
        out = std::move(s);
        return true;
    }
    void boolean(const Json &obj, const char *key, const std::string &ptr, bool &out)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return;
        if (!it->is_boolean()) {
            problem(pointerAppend(ptr, key), "'" + std::string(key) + "' must be true or false");
            return;
        }
        out = it->get<bool>();
    }
    std::optional<double> number(const Json &obj, const char *key, const std::string &ptr)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return std::nullopt;
        if (!it->is_number()) {
            problem(pointerAppend(ptr, key), "'" + std::string(key) + "' must be a number");
            return std::nullopt;
        }
        return it->get<double>();
    }
    void strings(const Json &obj, const char *key, const std::string &ptr,
                 std::vector<std::string> &out)
    {
        const auto it = obj.find(key);
        if (it == obj.end())
            return;
        const std::string p = pointerAppend(ptr, key);
        if (!it->is_array()) {
            problem(p, "'" + std::string(key) + "' must be an array of strings");
            return;
        }
        for (std::size_t i = 0; i < it->size(); ++i) {
            const Json &e = (*it)[i];
            if (e.is_string())
                out.push_back(e.get<std::string>());
            else
                problem(pointerAppend(p, i),
                        "each entry of '" + std::string(key) + "' must be a string");
        }
    }

    std::vector<FunctionDefinition> functionDefinitions(const Json &obj, const std::string &ptr);
    std::vector<FunctionCall> functionCalls(const Json &obj, const std::string &ptr);
    ValidationCriteria criteria(const Json &json, const std::string &ptr, bool topList, int depth);
    ConfirmationRule confirmation(const Json &obj, const std::string &ptr);
    Step step(const Json &json, const std::string &ptr, bool inlineStep);
    LoopConfig loop(const Json &json, const std::string &ptr);

private:
    Diagnostics *m_ds;
};

std::vector<FunctionDefinition> Reader::functionDefinitions(const Json &obj, const std::string &ptr)
{
    std::vector<FunctionDefinition> out;
    const auto it = obj.find("functionDefinitions");
    if (it == obj.end())
        return out;
    const std::string p = pointerAppend(ptr, "functionDefinitions");
    if (!it->is_array()) {
        problem(p, "'functionDefinitions' must be an array");
        return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const Json &d = (*it)[i];
        FunctionDefinition f;
        f.pointer = pointerAppend(p, i);
        if (!d.is_object()) {
            problem(f.pointer, "a function definition must be an object");
            continue;
        }
        str(d, "name", f.pointer, f.name);
        str(d, "definition", f.pointer, f.definition);
        std::string scope;
        if (str(d, "scope", f.pointer, scope))
            f.scope = scope == "workflow" ? FunctionScope::Workflow
                      : scope == "loop"   ? FunctionScope::Loop
                      : scope == "step"   ? FunctionScope::Step
                                          : FunctionScope::Unknown;
        const auto params = d.find("parameters");
        if (params != d.end()) {
            const std::string pp = pointerAppend(f.pointer, "parameters");
            if (!params->is_array()) {
                problem(pp, "'parameters' must be an array");
            } else {
                for (std::size_t k = 0; k < params->size(); ++k) {
                    const Json &pj = (*params)[k];
                    FunctionParameter fp;
                    fp.pointer = pointerAppend(pp, k);
                    if (!pj.is_object()) {
                        problem(fp.pointer, "a function parameter must be an object");
                        continue;
                    }
                    str(pj, "name", fp.pointer, fp.name);
                    if (str(pj, "type", fp.pointer, fp.typeName))
                        fp.type = fp.typeName == "string"    ? ParameterType::String
                                  : fp.typeName == "number"  ? ParameterType::Number
                                  : fp.typeName == "boolean" ? ParameterType::Boolean
                                  : fp.typeName == "array"   ? ParameterType::Array
                                  : fp.typeName == "object"  ? ParameterType::Object
                                                             : ParameterType::Unknown;
                    boolean(pj, "required", fp.pointer, fp.required);
                    str(pj, "description", fp.pointer, fp.description);
                    if (pj.contains("enum"))
                        fp.enumValues = pj.at("enum");
                    if (pj.contains("default")) {
                        fp.defaultValue = pj.at("default");
                        fp.hasDefault = true;
                    }
                    f.parameters.push_back(std::move(fp));
                }
            }
        }
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<FunctionCall> Reader::functionCalls(const Json &obj, const std::string &ptr)
{
    std::vector<FunctionCall> out;
    const auto it = obj.find("functionCalls");
    if (it == obj.end())
        return out;
    const std::string p = pointerAppend(ptr, "functionCalls");
    if (!it->is_array()) {
        problem(p, "'functionCalls' must be an array");
        return out;
    }
    for (std::size_t i = 0; i < it->size(); ++i) {
        const Json &c = (*it)[i];
        FunctionCall f;
        f.pointer = pointerAppend(p, i);
        if (!c.is_object()) {
            problem(f.pointer, "a function call must be an object");
            continue;
        }
        str(c, "name", f.pointer, f.name);
        const auto args = c.find("args");
        if (args != c.end()) {
            if (args->is_object())
                f.args = *args;
            else
                problem(pointerAppend(f.pointer, "args"), "'args' must be an object");
        }
        out.push_back(std::move(f));
    }
    return out;
}

ValidationCriteria Reader::criteria(const Json &json, const std::string &ptr, bool topList,
                                    int depth)
{
    ValidationCriteria c;
    c.pointer = ptr;
    if (depth > kMaxJsonDepth)
        return c;
    if (topList && json.is_array()) {
        c.kind = CriteriaKind::List;
        for (std::size_t i = 0; i < json.size(); ++i)
            c.items.push_back(criteria(json[i], pointerAppend(ptr, i), false, depth + 1));
        return c;
    }
    if (!json.is_object()) {
        problem(ptr, "validation criteria must be a rule object or an and/or/not composition");
        return c;
    }
    if (json.contains("type")) {
        c.kind = CriteriaKind::Rule;
        ValidationRule &r = c.rule;
        r.pointer = ptr;
        if (str(json, "type", ptr, r.typeName))
            r.type = r.typeName == "contains" ? RuleType::Contains
                     : r.typeName == "regex"  ? RuleType::Regex
                     : r.typeName == "length" ? RuleType::Length
                     : r.typeName == "schema" ? RuleType::Schema
                                              : RuleType::Unknown;
        str(json, "message", ptr, r.message);
        optStr(json, "value", ptr, r.value);
        optStr(json, "pattern", ptr, r.pattern);
        optStr(json, "flags", ptr, r.flags);
        r.min = number(json, "min", ptr);
        r.max = number(json, "max", ptr);
        if (json.contains("schema"))
            r.schema = json.at("schema");
        if (json.contains("condition"))
            r.condition =
                Condition::fromJson(json.at("condition"), pointerAppend(ptr, "condition"));
        return c;
    }
    for (const char *op : {"and", "or", "not"}) {
        if (!json.contains(op))
            continue;
        const Json &v = json.at(op);
        const std::string p = pointerAppend(ptr, op);
        if (std::string_view(op) == "not") {
            c.kind = CriteriaKind::Not;
            c.items.push_back(criteria(v, p, false, depth + 1));
            return c;
        }
        c.kind = std::string_view(op) == "and" ? CriteriaKind::And : CriteriaKind::Or;
        if (!v.is_array()) {
            problem(p, "'" + std::string(op) + "' must be an array of validation criteria");
            c.kind = CriteriaKind::Invalid;
            return c;
        }
        for (std::size_t i = 0; i < v.size(); ++i)
            c.items.push_back(criteria(v[i], pointerAppend(p, i), false, depth + 1));
        return c;
    }
    problem(ptr, "validation criteria need a 'type' (a rule) or 'and'/'or'/'not' (a composition)");
    return c;
}

ConfirmationRule Reader::confirmation(const Json &obj, const std::string &ptr)
{
    ConfirmationRule r;
    const auto it = obj.find("requireConfirmation");
    if (it == obj.end())
        return r;
    r.pointer = pointerAppend(ptr, "requireConfirmation");
    if (it->is_boolean()) {
        r.kind = it->get<bool>() ? ConfirmationKind::Always : ConfirmationKind::Never;
    } else if (it->is_object()) {
        r.kind = ConfirmationKind::Conditional;
        r.condition = Condition::fromJson(*it, r.pointer);
    } else {
        problem(r.pointer, "'requireConfirmation' must be true, false or a condition object");
    }
    return r;
}

LoopConfig Reader::loop(const Json &json, const std::string &ptr)
{
    LoopConfig l;
    l.pointer = ptr;
    if (!json.is_object()) {
        problem(ptr, "'loop' must be an object with the loop's type and limits");
        return l;
    }
    if (str(json, "type", ptr, l.typeName))
        l.type = l.typeName == "while"     ? LoopType::While
                 : l.typeName == "until"   ? LoopType::Until
                 : l.typeName == "for"     ? LoopType::For
                 : l.typeName == "forEach" ? LoopType::ForEach
                                           : LoopType::Unknown;
    if (json.contains("condition"))
        l.condition = Condition::fromJson(json.at("condition"), pointerAppend(ptr, "condition"));
    if (json.contains("count")) {
        const Json &c = json.at("count");
        if (c.is_number())
            l.countNumber = c.get<double>();
        else if (c.is_string())
            l.countVar = c.get<std::string>();
        else
            problem(pointerAppend(ptr, "count"),
                    "'count' must be a number or the name of a context variable");
    }
    optStr(json, "items", ptr, l.items);
    l.maxIterations = number(json, "maxIterations", ptr);
    l.hasIterationVar = str(json, "iterationVar", ptr, l.iterationVar);
    l.hasItemVar = str(json, "itemVar", ptr, l.itemVar);
    l.hasIndexVar = str(json, "indexVar", ptr, l.indexVar);
    return l;
}

Step Reader::step(const Json &json, const std::string &ptr, bool inlineStep)
{
    Step s;
    s.pointer = ptr;
    if (!json.is_object()) {
        problem(ptr, "a step must be an object");
        return s;
    }
    str(json, "id", ptr, s.id);
    str(json, "title", ptr, s.title);
    const auto type = json.find("type");
    if (type != json.end() && type->is_string() && type->get<std::string>() == "loop")
        s.kind = StepKind::Loop;
    else if (type == json.end() && (json.contains("loop") || json.contains("body")))
        s.kind = StepKind::Loop; // a loop missing its type: still shown as a loop
    s.runCondition = json.contains("runCondition")
                         ? std::optional<Condition>(Condition::fromJson(
                               json.at("runCondition"), pointerAppend(ptr, "runCondition")))
                         : std::nullopt;
    s.requireConfirmation = confirmation(json, ptr);
    s.functionDefinitions = functionDefinitions(json, ptr);
    if (s.kind == StepKind::Loop) {
        if (json.contains("loop"))
            s.loop = loop(json.at("loop"), pointerAppend(ptr, "loop"));
        const auto body = json.find("body");
        if (body != json.end()) {
            const std::string bp = pointerAppend(ptr, "body");
            if (body->is_string()) {
                s.bodyKind = LoopBodyKind::StepRef;
                s.bodyRef = body->get<std::string>();
            } else if (body->is_array()) {
                s.bodyKind = body->empty() ? LoopBodyKind::Missing : LoopBodyKind::Inline;
                if (!inlineStep) {
                    for (std::size_t i = 0; i < body->size(); ++i) {
                        Step inner = step((*body)[i], pointerAppend(bp, i), true);
                        inner.bodyIndex = static_cast<int>(i);
                        s.bodySteps.push_back(std::move(inner));
                    }
                }
            } else {
                problem(bp, "'body' must be a step id or an array of steps");
            }
        }
        return s;
    }
    str(json, "prompt", ptr, s.prompt);
    optStr(json, "agentRole", ptr, s.agentRole);
    strings(json, "guidance", ptr, s.guidance);
    boolean(json, "askForFiles", ptr, s.askForFiles);
    boolean(json, "hasValidation", ptr, s.hasValidation);
    if (json.contains("validationCriteria"))
        s.validationCriteria = criteria(json.at("validationCriteria"),
                                        pointerAppend(ptr, "validationCriteria"), true, 0);
    s.functionCalls = functionCalls(json, ptr);
    strings(json, "functionReferences", ptr, s.functionReferences);
    return s;
}

Workflow build(Json &&document, Diagnostics *ds)
{
    Workflow wf;
    wf.document = std::move(document);
    Reader r(ds);
    const Json &doc = wf.document;
    if (!doc.is_object()) {
        r.problem("", "a workflow must be a JSON object");
        return wf;
    }
    r.str(doc, "id", "", wf.id);
    r.str(doc, "name", "", wf.name);
    r.str(doc, "description", "", wf.description);
    r.str(doc, "version", "", wf.version);
    r.strings(doc, "preconditions", "", wf.preconditions);
    r.strings(doc, "clarificationPrompts", "", wf.clarificationPrompts);
    r.strings(doc, "metaGuidance", "", wf.metaGuidance);
    wf.functionDefinitions = r.functionDefinitions(doc, "");
    const auto steps = doc.find("steps");
    if (steps == doc.end()) {
        r.problem("", "the workflow has no 'steps'; add an array with at least one step");
        return wf;
    }
    if (!steps->is_array()) {
        r.problem("/steps", "'steps' must be an array of steps");
        return wf;
    }
    if (steps->empty())
        r.problem("/steps", "the workflow has no steps; add at least one");
    for (std::size_t i = 0; i < steps->size(); ++i) {
        Step s = r.step((*steps)[i], pointerAppend("/steps", i), false);
        s.topIndex = static_cast<int>(i);
        for (Step &inner : s.bodySteps)
            inner.topIndex = static_cast<int>(i);
        wf.steps.push_back(std::move(s));
    }
    return wf;
}

} // namespace

const Json &Step::json(const Json &document) const
{
    static const Json null;
    const auto &steps = document.find("steps");
    if (topIndex < 0 || steps == document.end() || !steps->is_array() ||
        static_cast<std::size_t>(topIndex) >= steps->size())
        return null;
    const Json &top = (*steps)[static_cast<std::size_t>(topIndex)];
    if (bodyIndex < 0)
        return top;
    const auto body = top.find("body");
    if (body == top.end() || !body->is_array() ||
        static_cast<std::size_t>(bodyIndex) >= body->size())
        return null;
    return (*body)[static_cast<std::size_t>(bodyIndex)];
}

Workflow Workflow::fromJson(const Json &document, Diagnostics *diagnostics)
{
    return build(Json(document), diagnostics);
}

Workflow Workflow::fromJson(Json &&document, Diagnostics *diagnostics)
{
    return build(std::move(document), diagnostics);
}

const Step *Workflow::findStep(std::string_view stepId) const
{
    if (const Step *s = findTopLevelStep(stepId))
        return s;
    for (const Step &s : steps)
        for (const Step &inner : s.bodySteps)
            if (inner.id == stepId)
                return &inner;
    return nullptr;
}

const Step *Workflow::findTopLevelStep(std::string_view stepId) const
{
    for (const Step &s : steps)
        if (s.id == stepId)
            return &s;
    return nullptr;
}

const Step *Workflow::stepAt(std::string_view pointer) const
{
    auto within = [](std::string_view p, const std::string &base) {
        return p.substr(0, base.size()) == base &&
               (p.size() == base.size() || p[base.size()] == '/');
    };
    for (const Step &s : steps) {
        if (!within(pointer, s.pointer))
            continue;
        for (const Step &inner : s.bodySteps)
            if (within(pointer, inner.pointer))
                return &inner;
        return &s;
    }
    return nullptr;
}

std::vector<const Step *> Workflow::allSteps() const
{
    std::vector<const Step *> out;
    out.reserve(steps.size() * 2);
    for (const Step &s : steps) {
        out.push_back(&s);
        for (const Step &inner : s.bodySteps)
            out.push_back(&inner);
    }
    return out;
}

const Step *Workflow::enclosingLoop(const Step &step) const
{
    if (step.isInline() && step.topIndex >= 0 &&
        static_cast<std::size_t>(step.topIndex) < steps.size())
        return &steps[static_cast<std::size_t>(step.topIndex)];
    for (const Step &s : steps)
        if (s.isLoop() && s.bodyKind == LoopBodyKind::StepRef && s.bodyRef == step.id &&
            !step.id.empty())
            return &s;
    return nullptr;
}

std::vector<const Step *> Workflow::loopsReferencing(std::string_view stepId) const
{
    std::vector<const Step *> out;
    for (const Step &s : steps)
        if (s.isLoop() && s.bodyKind == LoopBodyKind::StepRef && s.bodyRef == stepId)
            out.push_back(&s);
    return out;
}

} // namespace wfs
