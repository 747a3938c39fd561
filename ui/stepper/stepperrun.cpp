// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "stepperrun.h"

#include "engine/compiledworkflow.h"
#include "engine/condition.h"
#include "engine/engine.h"
#include "engine/workflowrepository.h"
#include "model/jsonio.h"
#include "ui/document/conditiontext.h"

#include <QDateTime>
#include <QLocale>

#include <map>

namespace wfs::studio {

namespace {

QString qs(const std::string &s)
{
    return QString::fromStdString(s);
}

std::string stringField(const Json &obj, const char *key)
{
    return obj.is_object() && obj.contains(key) && obj[key].is_string()
               ? obj[key].get<std::string>()
               : std::string();
}

const Json *field(const Json &obj, const char *key)
{
    return obj.is_object() && obj.contains(key) ? &obj[key] : nullptr;
}

QString valueText(const Json &v)
{
    return v.is_string() ? qs(v.get<std::string>())
                         : qs(v.dump(-1, ' ', false, Json::error_handler_t::replace));
}

} // namespace

StepperRun::StepperRun(Engine *engine, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
{
    Q_ASSERT_X(engine, "StepperRun", "needs an engine");
}

std::shared_ptr<const engine::CompiledWorkflow> StepperRun::compiled() const
{
    if (m_document)
        return m_document;
    const auto snap = m_engine->snapshot();
    const WorkflowEntry *e = snap ? snap->find(m_workflowId) : nullptr;
    return e ? e->workflow() : nullptr;
}

void StepperRun::setWorkflow(std::shared_ptr<const engine::CompiledWorkflow> workflow)
{
    m_document = std::move(workflow);
    m_explanation.reset();
}

Result<void> StepperRun::applyWorkflow(std::shared_ptr<const engine::CompiledWorkflow> workflow)
{
    m_document = std::move(workflow);
    m_explanation.reset();
    if (m_sessionId.empty()) {
        emit changed();
        return {};
    }
    return fetchNext();
}

bool StepperRun::runsUnsavedChanges() const
{
    if (!m_document)
        return false;
    const auto snap = m_engine->snapshot();
    const WorkflowEntry *e = snap ? snap->find(m_workflowId) : nullptr;
    return !e || e->workflow()->document() != m_document->document();
}

Result<void> StepperRun::start(const std::string &workflowId, const Json &context)
{
    const auto snap = m_engine->snapshot();
    if (!m_document && (!snap || !snap->find(workflowId)))
        return Result<void>::failure(
            tr("Workflow “%1” is not served by the engine (save it first, or check the "
               "Problems).")
                .arg(qs(workflowId))
                .toStdString());
    m_workflowId = workflowId;
    m_initialContext = context.is_object() ? context : Json::object();
    m_sessionId = m_engine->sessions().create(workflowId, kClient);
    m_completed = Json::array();
    m_sendContext = m_initialContext;
    m_payload = Json();
    return fetchNext();
}

Result<void> StepperRun::resume(const std::string &sessionId)
{
    const std::optional<Session> s = m_engine->sessions().get(sessionId);
    if (!s)
        return Result<void>::failure(
            tr("Session %1 does not exist (any more).").arg(qs(sessionId)).toStdString());
    if (s->workflowId.empty())
        return Result<void>::failure(
            tr("Session %1 has no workflow yet.").arg(qs(sessionId)).toStdString());
    m_sessionId = s->id;
    m_workflowId = s->workflowId;
    m_completed = s->completedSteps.is_array() ? s->completedSteps : Json::array();
    m_sendContext = s->context.is_object() ? s->context : Json::object();
    m_initialContext = Json::object();
    m_payload = Json();
    // workflow_next is a pure function of (completedSteps, context): asking again with what
    // the session last sent and got back hands out the same step, with its full prompt.
    return fetchNext();
}

Result<void> StepperRun::askAgain(const Json &context)
{
    if (m_sessionId.empty())
        return Result<void>::failure(tr("No run to continue.").toStdString());
    if (!context.is_object())
        return Result<void>::failure(tr("The context must be a JSON object.").toStdString());
    m_sendContext = context;
    return fetchNext();
}

Result<void> StepperRun::restart()
{
    if (m_workflowId.empty())
        return Result<void>::failure(tr("No run to restart.").toStdString());
    return start(m_workflowId, m_initialContext);
}

Result<void> StepperRun::fetchNext()
{
    m_explanation.reset(); // new inputs (completed steps, context, session)
    Json args = Json::object();
    args["workflowId"] = m_workflowId;
    args["completedSteps"] = m_completed;
    args["context"] = m_sendContext;
    if (m_document) {
        // The editor's document: the engine's own computation, recorded on the session as
        // the engine records an agent's call.
        Result<Json> next = Engine::nextStepOf(*m_document, m_completed, m_sendContext);
        const Json payload = next ? *next : Json{{"error", next.error()}};
        m_engine->recordSessionCall("workflow_next", args, payload, !next,
                                    CallContext{m_sessionId, kClient});
        if (!next) {
            m_payload = Json();
            emit changed();
            return Result<void>::failure(next.error());
        }
        m_payload = std::move(*next);
        emit changed();
        return {};
    }
    const ToolResult r =
        m_engine->callTool("workflow_next", args, CallContext{m_sessionId, kClient});
    if (r.isError) {
        const std::string message = r.payload.is_object() && r.payload.contains("error")
                                        ? valueText(r.payload["error"]).toStdString()
                                        : r.contentText();
        emit changed();
        return Result<void>::failure(message);
    }
    m_payload = r.payload;
    emit changed();
    return {};
}

bool StepperRun::isComplete() const
{
    return m_payload.is_object() && m_payload.value("isComplete", false);
}

Json StepperRun::currentStep() const
{
    const Json *step = field(m_payload, "step");
    return step ? *step : Json();
}

bool StepperRun::currentStepHasCriteria() const
{
    const Json *step = field(m_payload, "step");
    const Json *criteria = step ? field(*step, "validationCriteria") : nullptr;
    return criteria && !criteria->is_null() && !criteria->empty();
}

std::string StepperRun::currentStepId() const
{
    return stringField(currentStep(), "id");
}

QString StepperRun::prompt() const
{
    const Json *g = field(m_payload, "guidance");
    return g ? qs(stringField(*g, "prompt")) : QString();
}

Json StepperRun::context() const
{
    const Json *c = field(m_payload, "context");
    return c && c->is_object() ? *c : m_sendContext;
}

std::optional<Session> StepperRun::session() const
{
    if (m_sessionId.empty())
        return std::nullopt;
    return m_engine->sessions().get(m_sessionId);
}

Result<Json> StepperRun::validate(const Json &output, const Json &context) const
{
    const std::string stepId = currentStepId();
    if (stepId.empty())
        return Result<Json>::failure(tr("There is no current step to validate.").toStdString());
    if (m_document)
        return Engine::validateStepOutputOf(*m_document, stepId, output, &context);
    return m_engine->validateStepOutput(m_workflowId, stepId, output, &context);
}

Result<void> StepperRun::complete(const Json &output, const Json &context)
{
    const std::string stepId = currentStepId();
    if (stepId.empty())
        return Result<void>::failure(tr("There is no current step to complete.").toStdString());
    if (!context.is_object())
        return Result<void>::failure(tr("The context must be a JSON object.").toStdString());
    // The output and its validation go into the session like an agent's workflow_validate.
    const Result<Json> v = validate(output, context);
    Json args = Json::object();
    args["workflowId"] = m_workflowId;
    args["stepId"] = stepId;
    args["output"] = output;
    m_engine->sessions().recordCall(m_sessionId, kClient, "workflow_validate", args,
                                    v ? *v : Json{{"error", v.error()}}, !v);
    m_completed.push_back(stepId);
    m_sendContext = context;
    return fetchNext();
}

std::vector<StepperHistoryEntry> StepperRun::history() const
{
    const std::optional<Session> s = session();
    if (!s)
        return {};
    const auto wf = compiled();
    return historyFor(wf.get(), *s);
}

std::vector<StepperHistoryEntry> StepperRun::historyFor(const engine::CompiledWorkflow *workflow,
                                                        const Session &s)
{
    std::vector<StepperHistoryEntry> out;
    if (!s.completedSteps.is_array())
        return out;
    std::map<std::string, int> seen;
    const Json &validations = s.validations;
    for (std::size_t i = 0; i < s.completedSteps.size(); ++i) {
        const Json &idJson = s.completedSteps[i];
        StepperHistoryEntry e;
        e.stepId = idJson.is_string() ? idJson.get<std::string>() : idJson.dump();
        e.occurrence = ++seen[e.stepId];
        if (workflow) {
            int idx = workflow->topLevelStep(e.stepId);
            if (idx < 0)
                idx = workflow->inlineStep(e.stepId);
            if (idx >= 0)
                e.title = qs(stringField(*workflow->steps()[std::size_t(idx)].json, "title"));
        }
        // Studio runs record exactly one validation per completed step, in order; for other
        // clients take the latest validation of that step.
        const Json *match = nullptr;
        if (validations.is_array() && i < validations.size() &&
            stringField(validations[i], "stepId") == e.stepId)
            match = &validations[i];
        else if (validations.is_array()) {
            for (const Json &v : validations) {
                if (stringField(v, "stepId") == e.stepId)
                    match = &v;
            }
        }
        if (match) {
            e.output = match->value("output", Json());
            e.validation = match->value("result", Json());
            e.validationError = match->value("isError", false);
            e.atMs = match->value("at", std::int64_t(0));
        }
        out.push_back(std::move(e));
    }
    return out;
}

QString StepperRun::confirmationText(const Json &step, const Json &context)
{
    const Json *rc = field(step, "requireConfirmation");
    if (!rc || rc->is_null() || (rc->is_boolean() && !rc->get<bool>()))
        return tr("No");
    if (rc->is_boolean())
        return tr("Yes");
    const engine::VarScope scope(&context);
    const bool needed = engine::evaluateCondition(*rc, scope);
    return (needed ? tr("Yes (%1)") : tr("No (%1)")).arg(conditionSummary(*rc));
}

WorkflowScene::RunMarks StepperRun::marks() const
{
    const std::optional<Session> s = session();
    const auto wf = compiled();
    if (!s || !wf)
        return {};
    WorkflowScene::RunMarks marks = marksFor(*wf, *s);
    // The run's own session: every step says why it has its status.
    const engine::Explanation &ex = explanation();
    for (const engine::StepExplanation &e : ex.steps) {
        if (e.id.empty())
            continue;
        marks.explanations[e.id] = explanationText(e);
        if (marks.skipped.count(e.id) || e.status == "skipped")
            marks.captions[e.id] = conditionCaption(e);
    }
    return marks;
}

QString StepperRun::statusText(const std::string &status)
{
    if (status == "completed")
        return tr("completed");
    if (status == "next")
        return tr("next");
    if (status == "skipped")
        return tr("skipped");
    if (status == "blocked")
        return tr("blocked");
    return tr("pending");
}

QString StepperRun::statusText(const engine::StepExplanation &e)
{
    QString text = statusText(e.status);
    if (const std::string pass = e.passText(); !pass.empty())
        text += QStringLiteral(", ") + qs(pass);
    return text;
}

QString StepperRun::valuesText(const Json &values)
{
    QStringList out;
    for (auto it = values.begin(); it != values.end(); ++it) {
        out << QStringLiteral("%1 = %2").arg(
            qs(it.key()), it.value().is_null() ? tr("unset") : compactJson(it.value()));
    }
    return out.join(QStringLiteral(", "));
}

QString StepperRun::explanationText(const engine::StepExplanation &e)
{
    QString text = tr("Run: %1 — %2").arg(statusText(e), qs(e.reason));
    for (const Json &u : e.unblock) {
        text += QLatin1Char('\n') + tr("To unblock: %1").arg(qs(u.value("message", std::string())));
    }
    return text;
}

QString StepperRun::conditionCaption(const engine::StepExplanation &e)
{
    if (e.summary.empty())
        return QString();
    const Json &decided = e.decidedBy.is_null() ? e.condition : e.decidedBy;
    QString text = (e.holds ? QStringLiteral("✓ ") : QStringLiteral("✗ ")) +
                   qs(engine::conditionSummary(decided));
    if (const QString values = valuesText(e.values); !values.isEmpty())
        text += QStringLiteral(" (") + values + QLatin1Char(')');
    return text;
}

const engine::Explanation &StepperRun::explanation() const
{
    // The inputs change only with a workflow_next (fetchNext) or another workflow.
    if (!m_explanation)
        m_explanation = explanationWith(m_sendContext);
    return *m_explanation;
}

engine::Explanation StepperRun::explanationWith(const Json &context) const
{
    const auto wf = compiled();
    if (!wf || m_sessionId.empty())
        return {};
    return engine::explainNext(*wf, &m_completed, &context, QDateTime::currentMSecsSinceEpoch());
}

std::map<std::string, QString> StepperRun::whatIf(const Json &context) const
{
    std::map<std::string, QString> out;
    if (context == m_sendContext)
        return out;
    const engine::Explanation &now = explanation();
    const engine::Explanation then = explanationWith(context);
    if (now.steps.size() != then.steps.size())
        return out;
    for (std::size_t i = 0; i < now.steps.size(); ++i) {
        const engine::StepExplanation &a = now.steps[i];
        const engine::StepExplanation &b = then.steps[i];
        if (b.id.empty())
            continue;
        if (b.status == "next" && a.status != "next")
            out[b.id] = tr("would be next");
        else if (a.status == "next" && b.status != "next")
            out[b.id] = tr("would not be next");
        else if (a.status != b.status)
            out[b.id] = tr("would be %1").arg(statusText(b.status));
        else if (a.holds != b.holds && b.status != "completed")
            out[b.id] = b.holds ? tr("would run") : tr("would be skipped");
    }
    return out;
}

WorkflowScene::RunMarks StepperRun::marksFor(const engine::CompiledWorkflow &wf, const Session &s)
{
    WorkflowScene::RunMarks marks;
    std::map<std::string, int> count;
    if (s.completedSteps.is_array()) {
        for (const Json &id : s.completedSteps) {
            if (id.is_string()) {
                marks.completed.insert(id.get<std::string>());
                ++count[id.get<std::string>()];
            }
        }
    }
    const Json &ctx = s.context.is_object() ? s.context : Json::object();
    const std::string current = s.complete ? std::string() : stringField(s.currentStep, "id");
    marks.current = current;

    // Which loop is running: the one whose body holds the current step.
    int activeLoop = -1;
    for (std::size_t li = 0; li < wf.loops().size() && !current.empty(); ++li) {
        const engine::LoopInfo &loop = wf.loops()[li];
        for (int b : loop.body) {
            if (wf.steps()[std::size_t(b)].id == current)
                activeLoop = int(li);
        }
    }
    if (activeLoop >= 0)
        marks.activeLoop = wf.loops()[std::size_t(activeLoop)].id;

    // How far the run got in document order: everything before it that did not run was skipped.
    int frontier = wf.topLevelCount();
    if (!current.empty()) {
        if (activeLoop >= 0)
            frontier = wf.loops()[std::size_t(activeLoop)].topIndex;
        else if (const int idx = wf.topLevelStep(current); idx >= 0)
            frontier = wf.steps()[std::size_t(idx)].topIndex;
    }
    const engine::VarScope scope(&ctx);
    const auto reason = [](const Json *cond) {
        return tr("runCondition is false: %1").arg(conditionSummary(*cond));
    };

    const Json *loopState = field(ctx, "_loopState");
    for (std::size_t li = 0; li < wf.loops().size(); ++li) {
        const engine::LoopInfo &loop = wf.loops()[li];
        // Passes finished: WorkRail's _loopState when the client echoes it, else the number of
        // times the body was completed.
        int finished = 0;
        bool known = false;
        if (loopState && loopState->is_object() && loopState->contains(loop.id)) {
            const Json &st = (*loopState)[loop.id];
            if (st.is_object() && st.contains("iteration") && st["iteration"].is_number()) {
                finished = st["iteration"].get<int>();
                known = true;
            }
        }
        // Finished loops: the body's completions are the truth (the state may stop counting
        // at the last pass).
        int derived = 0;
        for (int b : loop.body)
            derived = std::max(derived, count[wf.steps()[std::size_t(b)].id]);
        if (int(li) == activeLoop && derived > 0 && count[current] < derived)
            --derived; // the running pass already completed some body steps
        if (!known || int(li) != activeLoop)
            finished = std::max(finished, derived);
        int total = -1;
        if (loop.type == engine::LoopType::For && loop.count) {
            if (loop.count->is_number())
                total = loop.count->get<int>();
            else if (loop.count->is_string()) {
                const Json *n = scope.lookup(loop.count->get<std::string>());
                if (n && n->is_number())
                    total = n->get<int>();
            }
        } else if (loop.type == engine::LoopType::ForEach) {
            const Json *items = scope.lookup(loop.itemsVar);
            if (items && items->is_array())
                total = int(items->size());
        }
        if (int(li) == activeLoop) {
            const int pass = finished + 1;
            marks.loopCounters[loop.id] =
                total >= 0 ? tr("pass %1 of %2").arg(pass).arg(total) : tr("pass %1").arg(pass);
        } else if (finished > 0 || known) {
            marks.loopCounters[loop.id] = tr("%n pass(es)", nullptr, finished);
        }
        if (finished > 0 || int(li) == activeLoop)
            marks.completed.insert(loop.id);
    }

    // Top-level steps before the frontier that never ran, because of a false runCondition.
    for (int i = 0; i < wf.topLevelCount() && i < int(wf.steps().size()); ++i) {
        const engine::StepInfo &st = wf.steps()[std::size_t(i)];
        if (st.topIndex >= frontier || st.id.empty() || marks.completed.count(st.id) ||
            wf.isBodyId(st.id))
            continue;
        if (st.runCondition && !engine::evaluateCondition(*st.runCondition, scope))
            marks.skipped[st.id] = reason(st.runCondition);
    }
    // Inline body steps: of the running loop (the context carries its loop variables) and of
    // loops already behind the run, when they were never completed.
    for (std::size_t li = 0; li < wf.loops().size(); ++li) {
        const engine::LoopInfo &loop = wf.loops()[li];
        const bool behind = loop.topIndex < frontier || int(li) == activeLoop;
        if (!behind || loop.stringBody)
            continue;
        for (int b : loop.body) {
            const engine::StepInfo &st = wf.steps()[std::size_t(b)];
            if (st.id.empty() || st.id == current)
                continue;
            if (int(li) != activeLoop && marks.completed.count(st.id))
                continue;
            if (st.runCondition && !engine::evaluateCondition(*st.runCondition, scope))
                marks.skipped[st.id] = reason(st.runCondition);
        }
    }
    return marks;
}

Json StepperRun::exportJson() const
{
    Json out = Json::object();
    out["format"] = "workflow-studio-run/1";
    out["workflowId"] = m_workflowId;
    if (const auto s = session())
        out["session"] = s->toJson();
    Json hist = Json::array();
    for (const StepperHistoryEntry &e : history()) {
        Json h = Json::object();
        h["stepId"] = e.stepId;
        h["title"] = e.title.toStdString();
        h["occurrence"] = e.occurrence;
        h["output"] = e.output;
        h["validation"] = e.validation;
        h["validationError"] = e.validationError;
        h["at"] = e.atMs;
        hist.push_back(std::move(h));
    }
    out["history"] = std::move(hist);
    out["current"] = m_payload;
    // Why the run stands where it does: the explanation of the last workflow_next's inputs.
    out["explanation"] = explanation().toJson();
    return out;
}

QString StepperRun::exportMarkdown() const
{
    QString md;
    const auto wf = compiled();
    const QString name = wf ? qs(stringField(wf->document(), "name")) : QString();
    md += QStringLiteral("# %1\n\n")
              .arg(tr("Run of %1").arg(name.isEmpty() ? qs(m_workflowId) : name));
    md += QStringLiteral("- %1: `%2`\n").arg(tr("Workflow"), qs(m_workflowId));
    md += QStringLiteral("- %1: `%2`\n").arg(tr("Session"), qs(m_sessionId));
    md += QStringLiteral("- %1: %2\n\n")
              .arg(tr("Status"), isComplete() ? tr("complete") : tr("in progress"));
    md += QStringLiteral("## %1\n\n").arg(tr("Completed steps"));
    int n = 0;
    for (const StepperHistoryEntry &e : history()) {
        ++n;
        QString head = QStringLiteral("### %1. %2 (`%3`)")
                           .arg(n)
                           .arg(e.title.isEmpty() ? qs(e.stepId) : e.title, qs(e.stepId));
        if (e.occurrence > 1)
            head += QLatin1Char(' ') + tr("— pass %1").arg(e.occurrence);
        md += head + QStringLiteral("\n\n");
        if (e.atMs > 0)
            md += QStringLiteral("%1\n\n").arg(
                QDateTime::fromMSecsSinceEpoch(e.atMs, Qt::UTC).toString(Qt::ISODate));
        if (!e.output.is_null()) {
            md += tr("Output:") + QStringLiteral("\n\n```\n") + valueText(e.output) +
                  QStringLiteral("\n```\n\n");
        }
        if (e.validation.is_object() && e.validation.contains("valid")) {
            const bool valid =
                e.validation["valid"].is_boolean() && e.validation["valid"].get<bool>();
            md += (valid ? tr("Validation: passed") : tr("Validation: failed")) +
                  QStringLiteral("\n\n");
            for (const char *key : {"issues", "suggestions"}) {
                if (const Json *list = field(e.validation, key); list && list->is_array()) {
                    for (const Json &item : *list)
                        md += QStringLiteral("- %1\n").arg(valueText(item));
                }
            }
            md += QLatin1Char('\n');
        } else if (e.validationError) {
            md += tr("Validation error: %1").arg(valueText(e.validation)) + QStringLiteral("\n\n");
        }
    }
    if (n == 0)
        md += tr("None yet.") + QStringLiteral("\n\n");
    if (!isComplete() && !currentStepId().empty()) {
        md += QStringLiteral("## %1\n\n").arg(tr("Current step"));
        md += QStringLiteral("**%1** (`%2`)\n\n")
                  .arg(qs(stringField(currentStep(), "title")), qs(currentStepId()));
        md += prompt() + QStringLiteral("\n\n");
    }
    const engine::Explanation &ex = explanation();
    if (!ex.steps.empty()) {
        md += QStringLiteral("## %1\n\n").arg(tr("Why each step has its status"));
        for (const engine::StepExplanation &e : ex.steps) {
            md += QStringLiteral("- %1`%2` — **%3**: %4\n")
                      .arg(e.loopIndex >= 0 && !e.isLoop ? QStringLiteral("  ") : QString(),
                           qs(e.id), statusText(e), qs(e.reason));
        }
        if (ex.blocked) {
            md += QStringLiteral("\n%1\n").arg(tr("Blocked: %1").arg(qs(ex.blockedMessage)));
            for (const Json &u : ex.unblock)
                md += QStringLiteral("- %1\n").arg(qs(u.value("message", std::string())));
        }
        md += QLatin1Char('\n');
    }
    md += QStringLiteral("## %1\n\n```json\n").arg(tr("Context"));
    md += qs(toJsJson(context(), 2)) + QStringLiteral("\n```\n");
    return md;
}

} // namespace wfs::studio
