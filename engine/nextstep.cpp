// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The next-step algorithm. Top-level steps are walked in file order exactly as WorkRail does;
// a loop is resolved by deriving its pass from the echoed `_loopState` counter and the
// occurrence counts of its body ids in completedSteps (loops.md), never from a loop definition
// sent by the client. The returned context carries the keys WorkRail writes (§3.1) in the
// order it writes them.
#include "nextstep.h"

#include "condition.h"
#include "jsvalue.h"

#include <QString>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace wfs::engine {

namespace {

const char *const kNotePhase =
    "\n\n_Note: Refer to the phase overview provided in the first iteration for overall context._";

const Json *member(const Json &obj, std::string_view key)
{
    if (!obj.is_object())
        return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::string kb(double size)
{
    return js::numberToString(std::round(size / 1024));
}

// Appends `text` to array `list` unless it is already there (WorkRail re-appends on every
// call; we keep one copy).
void addOnce(Json &list, const std::string &text)
{
    if (!list.is_array())
        list = Json::array();
    for (const Json &e : list) {
        if (e.is_string() && e.get_ref<const std::string &>() == text)
            return;
    }
    list.push_back(text);
}

// contextSize(obj) as if `key` were erased from it (no copy). The sizes are integers far below
// 2^53, so summing in a different order gives the same double.
double sizeWithout(const Json &obj, std::string_view key)
{
    if (!obj.is_object())
        return js::contextSize(obj);
    double s = 4;
    for (auto it = obj.begin(); it != obj.end(); ++it) {
        if (it.key() == key)
            continue;
        s += 2.0 * static_cast<double>(js::utf16Length(it.key())) + js::contextSize(it.value());
    }
    return s;
}

Json &objectMember(Json &obj, const char *key)
{
    Json &m = obj[key];
    if (!m.is_object())
        m = Json::object();
    return m;
}

struct Walk
{
    const CompiledWorkflow &wf;
    const std::int64_t nowMs;
    const Json *C = nullptr; ///< the caller's context, normalised to an object (never null)
    Json ownC;               ///< storage when normalising had to build a new object
    bool nullContext = false;
    VarScope scope; ///< conditions see C (null context: every condition false)
    Json out;       ///< K: the context returned
    std::unordered_map<std::string, int> counts; ///< completedSteps occurrences
    std::vector<bool> finishedLoop;
    NextTrace *trace = nullptr; ///< explanation record; nullptr on the MCP path

    Walk(const CompiledWorkflow &w, std::int64_t now)
        : wf(w)
        , nowMs(now)
    {}

    bool done(const std::string &id) const { return counts.find(id) != counts.end(); }
    int count(const std::string &id) const
    {
        const auto it = counts.find(id);
        return it == counts.end() ? 0 : it->second;
    }
};

enum class LoopOutcome { HandedOut, Finished, Error };

struct LoopRun
{
    LoopRun(Walk &walk, const LoopInfo &l, bool r, Result<Json> *out)
        : w(walk)
        , loop(l)
        , resumed(r)
        , result(out)
    {}

    Walk &w;
    const LoopInfo &loop;
    const bool resumed; ///< the client's _currentLoop names this loop
    const Json *stateIn = nullptr;
    int passesBefore = 0; ///< P0: `_loopState[id].iteration` as echoed
    Json warnings = Json::array();
    Json started;
    Json items = Json::array();
    double count = 0;
    Result<Json> *result = nullptr;
    NextTrace::Loop *t = nullptr; ///< w.trace's record of this loop, when tracing

    VarScope scopeFor(int pass, bool onlyIfAbsent) const
    {
        VarScope s = w.nullContext ? VarScope(nullptr) : VarScope(w.C);
        if (pass < 1)
            return s;
        auto add = [&](const std::string &name, Json value) {
            if (onlyIfAbsent && member(*w.C, name))
                return;
            s.overlay(name, std::move(value));
        };
        add(loop.iterationVar, pass);
        if (loop.type == LoopType::ForEach) {
            const std::size_t idx = static_cast<std::size_t>(pass - 1);
            if (idx < items.size())
                add(loop.itemVar, items[idx]);
            add(loop.indexVar, pass - 1);
        }
        return s;
    }

    std::vector<int> eligible(int pass) const
    {
        std::vector<int> out;
        const VarScope s = scopeFor(pass, false);
        for (int idx : loop.body) {
            const StepInfo &st = w.wf.steps()[static_cast<std::size_t>(idx)];
            if (evaluateCondition(st.runCondition, s))
                out.push_back(idx);
        }
        return out;
    }

    bool shouldContinue(int passesDone)
    {
        const bool go = decideContinue(passesDone);
        if (t) {
            t->continues = go;
            t->decision = explainDecision(passesDone, go);
        }
        return go;
    }

    // The readable reason for shouldContinue()'s answer (tracing only).
    std::string explainDecision(int passesDone, bool go) const
    {
        const std::string done = std::to_string(passesDone);
        if (passesDone >= loop.maxIterations)
            return "Maximum iterations (" + js::numberToString(loop.maxIterations) +
                   ") reached after " + done + " passes: the loop exits";
        switch (loop.type) {
        case LoopType::While:
        case LoopType::Until: {
            const ConditionExplanation c =
                explainCondition(loop.condition, scopeFor(passesDone, true));
            const bool isWhile = loop.type == LoopType::While;
            std::string s = std::string(isWhile ? "while" : "until") + " condition " +
                            (c.present ? c.summary : std::string("(none)")) + " is " +
                            (c.value ? "true" : "false");
            const std::string vals = conditionValuesText(c);
            if (!vals.empty())
                s += " (" + vals + ")";
            s += " after " + done + " of at most " + js::numberToString(loop.maxIterations) +
                 " passes: " + (go ? "the loop continues" : "the loop exits");
            return s;
        }
        case LoopType::For:
            return done + " of " + js::numberToString(count) +
                   " passes done: " + (go ? "the loop continues" : "count reached, the loop exits");
        case LoopType::ForEach:
            return done + " of " + std::to_string(items.size()) + " items done: " +
                   (go ? "the loop continues" : "items exhausted, the loop exits");
        }
        return {};
    }

    bool decideContinue(int passesDone)
    {
        if (passesDone >= loop.maxIterations) {
            addOnce(warnings,
                    "Maximum iterations (" + js::numberToString(loop.maxIterations) + ") reached");
            return false;
        }
        switch (loop.type) {
        case LoopType::While:
            return evaluateCondition(loop.condition, scopeFor(passesDone, true));
        case LoopType::Until:
            return !evaluateCondition(loop.condition, scopeFor(passesDone, true));
        case LoopType::For:
            return passesDone < count;
        case LoopType::ForEach:
            return static_cast<std::size_t>(passesDone) < items.size();
        }
        return false;
    }

    Json stateJson(int passes) const
    {
        Json s = stateIn && stateIn->is_object() ? *stateIn : Json::object();
        s["iteration"] = passes;
        s["started"] = started;
        s["warnings"] = warnings;
        if (loop.type == LoopType::ForEach) {
            s["index"] = passes;
            s["items"] = items;
        }
        if (!stateIn || !stateIn->is_object()) {
            // fresh state: WorkRail's key order
            Json fresh = Json::object();
            for (const char *k : {"iteration", "started", "warnings", "index", "items"}) {
                if (s.contains(k))
                    fresh[k] = s[k];
            }
            return fresh;
        }
        return s;
    }

    void writeState(int passes)
    {
        objectMember(w.out, "_loopState")[loop.id] = stateJson(passes);
        if (!warnings.empty())
            objectMember(objectMember(w.out, "_warnings"), "loops")[loop.id] = warnings;
    }

    LoopOutcome finish(int passes)
    {
        if (t) {
            t->passesDone = passes;
            t->warnings.clear();
            for (const Json &e : warnings)
                t->warnings.push_back(js::toString(&e));
        }
        writeState(passes);
        return LoopOutcome::Finished;
    }

    LoopOutcome handOut(int passes, int stepIdx)
    {
        if (t) {
            t->passesDone = passes;
            t->handedPass = passes + 1;
            t->handedStep = stepIdx;
            t->warnings.clear();
            for (const Json &e : warnings)
                t->warnings.push_back(js::toString(&e));
        }
        Json &out = w.out;
        const bool first = passes == 0;
        if (first) {
            out["_currentLoop"] = Json{{"loopId", loop.id}, {"loopStep", *loop.json}};
        } else {
            out["_currentLoop"] = Json{{"loopId", loop.id},
                                       {"loopType", loop.typeName},
                                       {"iteration", passes},
                                       {"isFirstIteration", false}};
        }
        writeState(passes);
        const bool hadSize = out.contains("_contextSize");
        if (!resumed) {
            const std::string err =
                contextSizeError(sizeWithout(out, "_contextSize"), " when starting loop");
            if (!err.empty()) {
                *result = Result<Json>::failure(err);
                return LoopOutcome::Error;
            }
        }
        if (!hadSize)
            out["_contextSize"] = 0;
        const int pass = passes + 1;
        auto setVar = [&](const std::string &name, Json v) { out[name] = std::move(v); };
        const bool each = loop.type == LoopType::ForEach;
        const std::size_t idx = static_cast<std::size_t>(passes);
        Json item = idx < items.size() ? items[idx] : Json();
        if (first) {
            setVar(loop.iterationVar, pass);
            if (each) {
                setVar(loop.itemVar, item);
                setVar(loop.indexVar, passes);
            }
        } else {
            if (each) {
                setVar(loop.itemVar, item);
                setVar(loop.indexVar, passes);
            }
            setVar(loop.iterationVar, pass);
        }
        const double size = hadSize ? js::contextSize(out) : sizeWithout(out, "_contextSize");
        const std::string err = contextSizeError(size, " during loop execution");
        if (!err.empty()) {
            *result = Result<Json>::failure(err);
            return LoopOutcome::Error;
        }
        out["_contextSize"] = size;
        if (size >= kContextWarnBytes)
            addOnce(objectMember(out, "_warnings")["contextSize"],
                    "Context size (" + kb(size) + "KB) exceeds 80% of maximum (256KB)");

        const StepInfo &st = w.wf.steps()[static_cast<std::size_t>(stepIdx)];
        std::string prompt =
            buildPrompt(*st.json) + "\n\n## Loop Context\n- Iteration: " + std::to_string(pass);
        if (first && each)
            prompt += "\n- Total Items: " + std::to_string(items.size()) +
                      "\n- Current Index: " + std::to_string(passes);
        if (!first)
            prompt += kNotePhase;
        Json payload = Json::object();
        payload["step"] = *st.json;
        payload["guidance"] = Json{{"prompt", prompt}};
        payload["isComplete"] = false;
        payload["context"] = std::move(out);
        *result = std::move(payload);
        return LoopOutcome::HandedOut;
    }

    LoopOutcome run()
    {
        const Json *states = member(*w.C, "_loopState");
        stateIn = states ? member(*states, loop.id) : nullptr;
        if (stateIn && !stateIn->is_object())
            stateIn = nullptr;
        if (stateIn) {
            if (const Json *it = member(*stateIn, "iteration"); it && it->is_number()) {
                const double d = it->get<double>();
                if (std::isfinite(d) && d > 0)
                    passesBefore = static_cast<int>(std::min(std::floor(d), loop.maxIterations));
            }
            if (const Json *wl = member(*stateIn, "warnings"); wl && wl->is_array()) {
                for (const Json &e : *wl) {
                    if (e.is_string())
                        addOnce(warnings, e.get<std::string>());
                }
            }
            if (const Json *s = member(*stateIn, "started"); s && s->is_number())
                started = *s;
        }
        if (started.is_null())
            started = w.nowMs;

        int total = 0;
        for (int idx : loop.body)
            total += w.count(w.wf.steps()[static_cast<std::size_t>(idx)].id);
        const bool inProgress = resumed || passesBefore > 0 || total > 0;

        if (loop.type == LoopType::ForEach) {
            const Json *captured = stateIn ? member(*stateIn, "items") : nullptr;
            if (inProgress && captured && captured->is_array()) {
                items = *captured;
            } else {
                if (w.nullContext) {
                    *result = Result<Json>::failure("Cannot read properties of null (reading '" +
                                                    loop.itemsVar + "')");
                    return LoopOutcome::Error;
                }
                const Json *v = member(*w.C, loop.itemsVar);
                if (v && v->is_array()) {
                    items = *v;
                } else {
                    addOnce(warnings, "Expected array for forEach items '" + loop.itemsVar +
                                          "', got " + js::typeOf(v));
                }
            }
        } else if (loop.type == LoopType::For && loop.count) {
            if (loop.count->is_number()) {
                count = loop.count->get<double>();
            } else if (loop.count->is_string()) {
                const std::string &name = loop.count->get_ref<const std::string &>();
                if (w.nullContext) {
                    *result = Result<Json>::failure("Cannot read properties of null (reading '" +
                                                    name + "')");
                    return LoopOutcome::Error;
                }
                const Json *v = member(*w.C, name);
                if (v && v->is_number())
                    count = v->get<double>();
                else
                    addOnce(warnings, "Invalid count value for 'for' loop: " + name);
            }
        }

        if (t) {
            t->entered = true;
            if (loop.type == LoopType::For)
                t->total = count;
            else if (loop.type == LoopType::ForEach)
                t->total = static_cast<double>(items.size());
        }
        // A loop whose run has moved past it (a later top-level step is completed) is over.
        if (inProgress && !resumed) {
            for (int j = loop.topIndex + 1; j < w.wf.topLevelCount(); ++j) {
                const std::string &id = w.wf.steps()[static_cast<std::size_t>(j)].id;
                if (!id.empty() && !w.wf.isBodyId(id) && w.done(id)) {
                    if (t)
                        t->decision = "the run has moved past the loop ('" + id +
                                      "' is completed): the loop is over after " +
                                      std::to_string(passesBefore) + " passes";
                    return finish(passesBefore);
                }
            }
        }

        // Occurrences of each body id still to be attributed to passes.
        std::unordered_map<int, int> remaining;
        for (int idx : loop.body)
            remaining[idx] = w.count(w.wf.steps()[static_cast<std::size_t>(idx)].id);
        // Passes 1..P0 consumed one occurrence of each of their eligible steps, unless the
        // client removed them (careful client: fewer occurrences than those passes need).
        std::vector<std::vector<int>> priorPasses;
        int priorNeed = 0;
        for (int p = 1; p <= passesBefore; ++p) {
            priorPasses.push_back(eligible(p));
            priorNeed += static_cast<int>(priorPasses.back().size());
        }
        if (total > priorNeed) {
            for (const auto &pass : priorPasses)
                for (int idx : pass)
                    remaining[idx] = std::max(0, remaining[idx] - 1);
        }
        int passes = passesBefore;
        // Bounded: every iteration either returns or completes a pass, and shouldContinue()
        // stops at maxIterations (<= 1000 for structurally valid workflows).
        for (int guard = 0; guard <= 100000; ++guard) {
            if (!shouldContinue(passes))
                return finish(passes);
            const std::vector<int> e = eligible(passes + 1);
            if (t) {
                t->body.clear();
                const VarScope s = scopeFor(passes + 1, false);
                for (int idx : loop.body)
                    t->body.emplace_back(
                        idx, explainCondition(
                                 w.wf.steps()[static_cast<std::size_t>(idx)].runCondition, s));
                t->consumed.clear();
                for (int idx : e) {
                    if (remaining[idx] > 0)
                        t->consumed.push_back(idx);
                }
            }
            for (int idx : e) {
                if (remaining[idx] == 0)
                    return handOut(passes, idx);
            }
            for (int idx : e)
                remaining[idx] = std::max(0, remaining[idx] - 1);
            ++passes;
        }
        return finish(passes);
    }
};

// The context as an object: `context` itself when it is one (no copy), else `storage` filled
// the way JavaScript's spread would see the value.
const Json *normaliseContext(const Json *context, bool &isNull, Json &storage)
{
    isNull = false;
    if (context && context->is_object())
        return context;
    storage = Json::object();
    if (!context)
        return &storage;
    if (context->is_null()) {
        isNull = true;
        return &storage;
    }
    Json &obj = storage;
    if (context->is_array()) {
        for (std::size_t i = 0; i < context->size(); ++i)
            obj[std::to_string(i)] = (*context)[i];
    } else if (context->is_string()) {
        std::size_t i = 0;
        for (std::string &ch : js::splitCodePoints(context->get_ref<const std::string &>()))
            obj[std::to_string(i++)] = std::move(ch);
    }
    return &storage;
}

Result<std::unordered_map<std::string, int>> parseCompleted(const Json *completed)
{
    std::unordered_map<std::string, int> counts;
    if (!completed || !js::truthy(completed))
        return counts;
    if (completed->is_string()) {
        for (const std::string &ch : js::splitCodePoints(completed->get_ref<const std::string &>()))
            ++counts[ch];
        return counts;
    }
    if (!completed->is_array())
        return Result<std::unordered_map<std::string, int>>::failure(
            "completedSteps must be an array of step ids");
    for (const Json &e : *completed) {
        if (e.is_string())
            ++counts[e.get<std::string>()];
    }
    return counts;
}

// K starts as a copy of C, except that `_currentLoop` (the largest member mid-loop: the echoed
// loop definition) is copied as null. Every answer that uses K overwrites it in place (handOut)
// or erases it (step outside a loop, completion, blocked), and the walk reads conditions from C,
// so the placeholder keeps the key's position without copying the definition.
Json contextCopy(const Json &context)
{
    const auto it = context.find("_currentLoop");
    if (it == context.end())
        return context;
    Json out = Json::object();
    for (auto m = context.begin(); m != context.end(); ++m)
        out[m.key()] = m == it ? Json() : m.value();
    return out;
}

// Sets `_contextSize` (and the 80 % warning) on the final context of a non-loop answer.
void finaliseContext(Json &out)
{
    const double size = js::contextSize(out);
    out["_contextSize"] = size;
    if (size >= kContextWarnBytes)
        addOnce(objectMember(out, "_warnings")["contextSize"],
                "Context size (" + kb(size) + "KB) exceeds 80% of maximum (256KB)");
}

std::string blockedPrompt(const Walk &w)
{
    NextTrace *trace = w.trace;
    auto note = [&](const ConditionVariable &cv, const Json *v, const std::string &message,
                    bool withValues) {
        if (!trace)
            return;
        NextTrace::Unblock u;
        u.var = cv.name;
        if (withValues)
            u.oneOf = cv.values;
        u.current = v ? *v : Json();
        u.message = message;
        trace->unblock.push_back(std::move(u));
    };
    std::vector<ConditionVariable> vars;
    for (int i = 0; i < w.wf.topLevelCount(); ++i) {
        const StepInfo &st = w.wf.steps()[static_cast<std::size_t>(i)];
        if (w.done(st.id) || w.wf.isBodyId(st.id))
            continue;
        const int li = w.wf.loopAt(i);
        if (li >= 0 && w.finishedLoop[static_cast<std::size_t>(li)])
            continue;
        if (!js::truthy(st.runCondition))
            continue;
        collectConditionVariables(*st.runCondition, vars);
    }
    std::vector<std::string> issues;
    auto quoteList = [](const std::vector<std::string> &values, const char *sep) {
        std::string s;
        for (std::size_t i = 0; i < values.size(); ++i)
            s += (i ? sep : "") + ("'" + values[i] + "'");
        return s;
    };
    for (const ConditionVariable &cv : vars) {
        const Json *v = member(w.out, cv.name);
        const bool empty =
            !v || v->is_null() || (v->is_string() && v->get_ref<const std::string &>().empty());
        if (empty) {
            issues.push_back(cv.values.empty() ? "Provide a value for '" + cv.name + "'"
                                               : "Set '" + cv.name +
                                                     "' to one of: " + quoteList(cv.values, ", "));
            note(cv, v, issues.back(), true);
            continue;
        }
        if (cv.values.empty())
            continue;
        const std::string current = js::toString(v);
        if (std::find(cv.values.begin(), cv.values.end(), current) != cv.values.end())
            continue;
        const QString lower = QString::fromStdString(current).toLower();
        const bool caseMatch =
            std::any_of(cv.values.begin(), cv.values.end(), [&](const std::string &s) {
                return QString::fromStdString(s).toLower() == lower;
            });
        if (caseMatch)
            issues.push_back("Normalize casing for '" + cv.name + "': use one of " +
                             quoteList(cv.values, ", ") + " (current '" + current + "')");
        else
            issues.push_back("Adjust '" + cv.name + "' to one of: " + quoteList(cv.values, ", ") +
                             " (current '" + current + "')");
        note(cv, v, issues.back(), true);
    }
    if (issues.empty())
        return {};
    std::string prompt = "No eligible step due to unmet conditions. Please update context:\n- ";
    for (std::size_t i = 0; i < issues.size(); ++i)
        prompt += (i ? "\n- " : "") + issues[i];
    return prompt;
}

} // namespace

std::string contextSizeError(double size, const char *suffix)
{
    if (size < kMaxContextBytes)
        return {};
    return "Context size (" + kb(size) + "KB) exceeds maximum allowed size (256KB)" + suffix;
}

std::string buildPrompt(const Json &step)
{
    std::string out;
    if (const Json *role = member(step, "agentRole"); role && js::truthy(role))
        out += "## Agent Role Instructions\n" + js::toString(role) + "\n\n";
    if (const Json *g = member(step, "guidance"); g && g->is_array() && !g->empty()) {
        out += "## Step Guidance\n";
        for (std::size_t i = 0; i < g->size(); ++i)
            out += (i ? "\n- " : "- ") + js::toString(&(*g)[i]);
        out += "\n\n";
    }
    if (const Json *p = member(step, "prompt"))
        out += js::toString(p);
    return out;
}

Result<Json> computeNext(const CompiledWorkflow &workflow, const Json *completedSteps,
                         const Json *context, std::int64_t nowMs)
{
    return computeNext(workflow, completedSteps, context, nowMs, nullptr);
}

Result<Json> computeNext(const CompiledWorkflow &workflow, const Json *completedSteps,
                         const Json *context, std::int64_t nowMs, NextTrace *trace)
{
    if (trace) {
        *trace = NextTrace();
        trace->top.assign(static_cast<std::size_t>(workflow.topLevelCount()),
                          NextTrace::TopOutcome::NotReached);
        trace->topCond.resize(static_cast<std::size_t>(workflow.topLevelCount()));
        trace->loops.resize(workflow.loops().size());
    }
    auto mark = [&](int i, NextTrace::TopOutcome o) {
        if (trace)
            trace->top[static_cast<std::size_t>(i)] = o;
    };
    auto counts = parseCompleted(completedSteps);
    if (!counts)
        return Result<Json>::failure(counts.error());
    Walk w(workflow, nowMs);
    w.trace = trace;
    w.counts = std::move(*counts);
    w.C = normaliseContext(context, w.nullContext, w.ownC);
    w.scope = w.nullContext ? VarScope(nullptr) : VarScope(w.C);
    w.out = contextCopy(*w.C);
    w.finishedLoop.assign(workflow.loops().size(), false);
    if (trace) {
        for (int i = 0; i < workflow.topLevelCount(); ++i) {
            if (w.done(workflow.steps()[static_cast<std::size_t>(i)].id))
                mark(i, NextTrace::TopOutcome::Completed);
        }
    }

    Result<Json> result = Json();
    auto runLoop = [&](int li, bool resumed) {
        LoopRun run(w, workflow.loops()[static_cast<std::size_t>(li)], resumed, &result);
        if (trace)
            run.t = &trace->loops[static_cast<std::size_t>(li)];
        const LoopOutcome o = run.run();
        const int top = workflow.loops()[static_cast<std::size_t>(li)].topIndex;
        if (o == LoopOutcome::Finished)
            mark(top, NextTrace::TopOutcome::LoopFinished);
        else if (o == LoopOutcome::HandedOut) {
            mark(top, NextTrace::TopOutcome::HandedOut);
            if (trace)
                trace->handedStep = run.t->handedStep;
        }
        if (o == LoopOutcome::Finished) {
            w.finishedLoop[static_cast<std::size_t>(li)] = true;
            // K's `_currentLoop` is still the client's (a placeholder, see contextCopy) until
            // erased here: nothing hands out before a loop finishes.
            const Json *cl = member(*w.C, "_currentLoop");
            if (cl && cl->is_object() && w.out.contains("_currentLoop")) {
                const Json *lid = member(*cl, "loopId");
                if (lid && lid->is_string() && *lid == run.loop.id)
                    w.out.erase("_currentLoop");
            }
        }
        return o;
    };

    // The loop the client says it is in goes first (WorkRail resumes it before anything else).
    if (const Json *cl = member(*w.C, "_currentLoop"); cl && cl->is_object()) {
        const Json *lid = member(*cl, "loopId");
        const int li = lid && lid->is_string() ? workflow.loopById(lid->get<std::string>()) : -1;
        if (li >= 0 && !w.done(lid->get<std::string>())) {
            const LoopOutcome o = runLoop(li, true);
            if (o != LoopOutcome::Finished)
                return result;
        }
    }

    for (int i = 0; i < workflow.topLevelCount(); ++i) {
        const StepInfo &st = workflow.steps()[static_cast<std::size_t>(i)];
        if (w.done(st.id) || workflow.isBodyId(st.id)) {
            mark(i,
                 w.done(st.id) ? NextTrace::TopOutcome::Completed : NextTrace::TopOutcome::BodyId);
            continue;
        }
        const int li = workflow.loopAt(i);
        if (trace && !(li >= 0 && w.finishedLoop[static_cast<std::size_t>(li)]))
            trace->topCond[static_cast<std::size_t>(i)] =
                explainCondition(st.runCondition, w.scope);
        if (li >= 0) {
            if (w.finishedLoop[static_cast<std::size_t>(li)])
                continue;
            if (!evaluateCondition(st.runCondition, w.scope)) {
                mark(i, NextTrace::TopOutcome::Skipped);
                continue;
            }
            const LoopOutcome o = runLoop(li, false);
            if (o != LoopOutcome::Finished)
                return result;
            continue;
        }
        if (!evaluateCondition(st.runCondition, w.scope)) {
            mark(i, NextTrace::TopOutcome::Skipped);
            continue;
        }
        mark(i, NextTrace::TopOutcome::HandedOut);
        if (trace)
            trace->handedStep = i;
        w.out.erase("_currentLoop");
        finaliseContext(w.out);
        Json payload = Json::object();
        payload["step"] = *st.json;
        payload["guidance"] = Json{{"prompt", buildPrompt(*st.json)}};
        payload["isComplete"] = false;
        payload["context"] = std::move(w.out);
        return payload;
    }

    w.out.erase("_currentLoop");
    const std::string blocked = blockedPrompt(w);
    if (trace) {
        trace->blocked = !blocked.empty();
        if (!trace->blocked)
            trace->unblock.clear();
    }
    finaliseContext(w.out);
    Json payload = Json::object();
    payload["step"] = nullptr;
    payload["guidance"] =
        Json{{"prompt", blocked.empty() ? std::string("Workflow complete.") : blocked}};
    payload["isComplete"] = blocked.empty();
    payload["context"] = std::move(w.out);
    return payload;
}

} // namespace wfs::engine
