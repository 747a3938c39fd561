// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Turns computeNext()'s trace into per-step statuses and reasons. No evaluation of its own
// beyond explainCondition() (condition.cpp), the evaluator computeNext uses.
#include "explain.h"

#include "condition.h"
#include "jsvalue.h"
#include "nextstep.h"

#include <algorithm>

namespace wfs::engine {

namespace {

using Top = NextTrace::TopOutcome;

std::string compact(const Json &v)
{
    return v.dump(-1, ' ', false, Json::error_handler_t::replace);
}

void takeCondition(StepExplanation &s, const ConditionExplanation &c)
{
    if (!c.present)
        return;
    s.condition = c.condition;
    s.summary = c.summary;
    s.values = c.values;
    s.decidedBy = c.decidedBy;
    s.holds = c.value && !c.failed;
}

// "runCondition `x == 1` is false (x = 2); decided by `x == 1`"
std::string conditionText(const ConditionExplanation &c)
{
    if (!c.present)
        return "no runCondition";
    std::string s = "runCondition `" + c.summary + "` is " + (c.value ? "true" : "false");
    const std::string vals = conditionValuesText(c);
    if (!vals.empty())
        s += " (" + vals + ")";
    if (c.failed)
        s += "; it could not be evaluated (null context or malformed condition)";
    else if (!c.decidedBy.is_null())
        s += "; decided by `" + conditionSummary(c.decidedBy) + "`";
    return s;
}

// The unblock entries that name a variable `values` reads.
Json unblockFor(const Json &values, const Json &all)
{
    Json out = Json::array();
    for (const Json &u : all) {
        if (values.contains(u["var"].get<std::string>()))
            out.push_back(u);
    }
    return out;
}

// Outside a pass the loop's own variables read as unset: say so.
std::string loopVarNote(const LoopInfo &loop, const Json &values)
{
    std::string s;
    for (const std::string *v : {&loop.iterationVar, &loop.itemVar, &loop.indexVar}) {
        if (values.contains(*v))
            s += "; '" + *v + "' is the loop's variable, set on each pass";
    }
    return s;
}

} // namespace

std::string StepExplanation::passText() const
{
    if (pass <= 0)
        return {};
    std::string s = "pass " + std::to_string(pass);
    if (passTotal >= 0)
        s += " of " + js::numberToString(passTotal);
    return s;
}

Explanation explainNext(const CompiledWorkflow &wf, const Json *completedSteps, const Json *context,
                        std::int64_t nowMs)
{
    Explanation ex;
    NextTrace trace;
    Result<Json> r = computeNext(wf, completedSteps, context, nowMs, &trace);
    if (!r) {
        ex.error = r.error();
    } else {
        ex.answer = *r;
        const Json &step = ex.answer["step"];
        ex.next = step.is_object() && step.contains("id") ? step["id"] : Json();
        ex.complete = ex.answer.value("isComplete", false);
        ex.blocked = trace.blocked;
        if (ex.blocked)
            ex.blockedMessage = ex.answer["guidance"].value("prompt", std::string());
    }
    for (const NextTrace::Unblock &u : trace.unblock) {
        Json e = Json::object();
        e["var"] = u.var;
        e["oneOf"] = u.oneOf;
        e["current"] = u.current;
        e["message"] = u.message;
        ex.unblock.push_back(std::move(e));
    }
    // The context the walk's conditions saw, for steps it did not reach.
    bool isNull = context && context->is_null();
    const Json emptyObject = Json::object();
    const Json *ctxObject = context && context->is_object() ? context : &emptyObject;
    const VarScope scope = isNull ? VarScope(nullptr) : VarScope(ctxObject);
    const std::string afterWhat = !ex.error.empty()
                                      ? "not evaluated: workflow_next failed (" + ex.error + ")"
                                      : "not reached: workflow_next stops at the next step";

    const auto &steps = wf.steps();
    std::vector<bool> emitted(steps.size(), false);
    const bool answered = ex.error.empty();

    auto emitBody = [&](int li, const StepExplanation &frame, Top frameOutcome) {
        const LoopInfo &loop = wf.loops()[static_cast<std::size_t>(li)];
        const NextTrace::Loop &lt = trace.loops[static_cast<std::size_t>(li)];
        for (int idx : loop.body) {
            if (emitted[static_cast<std::size_t>(idx)])
                continue;
            emitted[static_cast<std::size_t>(idx)] = true;
            const StepInfo &st = steps[static_cast<std::size_t>(idx)];
            StepExplanation s;
            s.id = st.id;
            s.stepIndex = idx;
            s.loopIndex = li;
            s.passTotal = lt.total;
            const auto bc = std::find_if(lt.body.begin(), lt.body.end(),
                                         [&](const auto &p) { return p.first == idx; });
            const ConditionExplanation c =
                bc != lt.body.end() ? bc->second : explainCondition(st.runCondition, scope);
            takeCondition(s, c);
            const std::string in = "in loop '" + loop.id + "'";
            if (frameOutcome == Top::HandedOut && answered) {
                s.pass = lt.handedPass;
                const std::string p = " (" + s.passText() + ")";
                if (idx == lt.handedStep) {
                    s.status = "next";
                    s.reason = "handed out" + p + ": " + conditionText(c);
                } else if (!c.value) {
                    s.status = "skipped";
                    s.reason = "skipped" + p + ": " + conditionText(c);
                } else if (std::find(lt.consumed.begin(), lt.consumed.end(), idx) !=
                           lt.consumed.end()) {
                    s.status = "completed";
                    s.reason = "completed" + p;
                } else {
                    s.status = "pending";
                    s.reason = "comes later" + p + ": " + conditionText(c);
                }
            } else if (frameOutcome == Top::LoopFinished || frame.status == "completed") {
                if (frameOutcome == Top::LoopFinished && lt.passesDone == 0) {
                    s.status = "skipped";
                    s.reason = "the loop ran no pass (" + lt.decision + "); " + conditionText(c);
                } else if (frameOutcome == Top::LoopFinished && !c.value) {
                    s.pass = lt.passesDone;
                    s.status = "skipped";
                    s.reason =
                        "skipped in the last pass (" + s.passText() + "): " + conditionText(c);
                } else {
                    s.pass = lt.passesDone;
                    s.status = "completed";
                    s.reason = "the loop '" + loop.id + "' is finished";
                }
            } else if (frame.status == "skipped" || frame.status == "blocked") {
                s.status = frame.status;
                s.reason = "loop '" + loop.id + "' is " + frame.status + " (" + frame.reason +
                           "); " + conditionText(c) + loopVarNote(loop, s.values);
            } else {
                s.status = "pending";
                s.reason = in + ", not started: " + conditionText(c);
                s.reason += loopVarNote(loop, s.values);
            }
            ex.steps.push_back(std::move(s));
        }
    };

    for (int i = 0; i < wf.topLevelCount(); ++i) {
        if (emitted[static_cast<std::size_t>(i)])
            continue;
        const StepInfo &st = steps[static_cast<std::size_t>(i)];
        const Top o = trace.top[static_cast<std::size_t>(i)];
        const int li = wf.loopAt(i);
        if (li < 0 && wf.isBodyId(st.id)) {
            // A string-body step: explained with its loop (a later loop names it).
            bool owned = false;
            for (const LoopInfo &l : wf.loops())
                owned = owned || std::find(l.body.begin(), l.body.end(), i) != l.body.end();
            if (owned)
                continue;
        }
        emitted[static_cast<std::size_t>(i)] = true;
        StepExplanation s;
        s.id = st.id;
        s.stepIndex = i;
        s.loopIndex = li;
        s.isLoop = li >= 0;
        const ConditionExplanation &traced = trace.topCond[static_cast<std::size_t>(i)];
        const ConditionExplanation c = traced.present || o == Top::Skipped || o == Top::HandedOut
                                           ? traced
                                           : explainCondition(st.runCondition, scope);
        takeCondition(s, c);
        const NextTrace::Loop *lt = li >= 0 ? &trace.loops[static_cast<std::size_t>(li)] : nullptr;
        auto loopWarnings = [&]() {
            std::string w;
            for (const std::string &m : lt->warnings)
                w += "; warning: " + m;
            return w;
        };
        switch (o) {
        case Top::Completed:
            s.status = "completed";
            s.reason = "in completedSteps";
            break;
        case Top::BodyId:
            s.status = "pending";
            s.reason = "a loop-body step, run by its loop";
            break;
        case Top::Skipped:
            s.status = ex.blocked ? "blocked" : "skipped";
            s.reason = conditionText(c);
            if (ex.blocked)
                s.unblock = unblockFor(s.values, ex.unblock);
            break;
        case Top::HandedOut:
            if (lt) {
                s.status = "pending";
                s.pass = lt->handedPass;
                s.passTotal = lt->total;
                s.reason = "running, " + s.passText() + ": " + lt->decision;
                if (c.present)
                    s.reason += "; " + conditionText(c);
                s.reason += loopWarnings();
            } else {
                s.status = "next";
                s.reason = "the first step in file order not completed whose condition holds: " +
                           conditionText(c);
            }
            break;
        case Top::LoopFinished:
            s.pass = lt->passesDone;
            s.passTotal = lt->total;
            s.status = lt->passesDone > 0 ? "completed" : "skipped";
            s.reason = (lt->passesDone > 0 ? "finished after " + s.passText() + ": "
                                           : std::string("ran no pass: ")) +
                       (lt->decision.empty() ? std::string("the loop ended earlier in this call")
                                             : lt->decision);
            if (c.present)
                s.reason += "; " + conditionText(c);
            s.reason += loopWarnings();
            break;
        case Top::NotReached:
            s.status = "pending";
            s.reason = afterWhat + "; " + conditionText(c);
            break;
        }
        ex.steps.push_back(s);
        if (li >= 0)
            emitBody(li, s, o);
    }
    for (std::size_t i = 0; i < steps.size(); ++i) {
        if (emitted[i])
            continue;
        StepExplanation s;
        s.id = steps[i].id;
        s.stepIndex = static_cast<int>(i);
        s.loopIndex = steps[i].loopIndex;
        takeCondition(s, explainCondition(steps[i].runCondition, scope));
        s.status = "pending";
        s.reason = "not reached by the walk";
        ex.steps.push_back(std::move(s));
    }
    return ex;
}

Json Explanation::toJson() const
{
    Json out = Json::object();
    out["next"] = next;
    Json list = Json::array();
    for (const StepExplanation &s : steps) {
        Json e = Json::object();
        e["id"] = s.id;
        e["status"] = s.status;
        e["condition"] = s.condition;
        e["values"] = s.values;
        e["reason"] = s.reason;
        if (s.pass > 0)
            e["pass"] = s.passText();
        if (!s.decidedBy.is_null())
            e["decidedBy"] = s.decidedBy;
        if (!s.unblock.empty())
            e["unblock"] = s.unblock;
        list.push_back(std::move(e));
    }
    out["steps"] = std::move(list);
    if (blocked)
        out["blocked"] = Json{{"message", blockedMessage}, {"unblock", unblock}};
    if (!error.empty())
        out["error"] = error;
    return out;
}

std::string Explanation::toText() const
{
    std::size_t statusW = 6, idW = 2;
    for (const StepExplanation &s : steps) {
        statusW = std::max(statusW, s.status.size());
        idW = std::max(idW, s.id.size() + (s.loopIndex >= 0 && !s.isLoop ? 2 : 0));
    }
    std::string out;
    if (!error.empty())
        out += "error: " + error + "\n";
    out += "next: " +
           (next.is_string() ? next.get<std::string>()
                             : std::string(complete ? "(none: workflow complete)" : "(none)")) +
           "\n";
    for (const StepExplanation &s : steps) {
        std::string id = (s.loopIndex >= 0 && !s.isLoop ? "  " : "") + s.id;
        out += s.status + std::string(statusW - s.status.size() + 2, ' ') + id +
               std::string(idW - id.size() + 2, ' ');
        if (s.pass > 0)
            out += "[" + s.passText() + "] ";
        out += s.reason + "\n";
    }
    if (blocked) {
        out += "blocked: " + blockedMessage + "\n";
        for (const Json &u : unblock) {
            out += "  unblock: " + u["var"].get<std::string>();
            if (!u["oneOf"].empty())
                out += " one of " + compact(u["oneOf"]);
            out += " (now " +
                   (u["current"].is_null() ? std::string("unset") : compact(u["current"])) + ")\n";
        }
    }
    return out;
}

} // namespace wfs::engine
