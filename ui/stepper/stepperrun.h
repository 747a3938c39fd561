// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// StepperRun: one walk through a workflow in the studio, exactly as an agent makes it. Every
// step comes from the engine's workflow_next (through Engine::callTool, attributed to a session
// of the engine's SessionManager, so the store persists it and the Sessions list shows it);
// Complete records the output and its validation on the session (workflow_validate with the
// context, via Engine::validateStepOutput) and asks for the next step. No widgets: the stepper
// panel and the tests drive it.
#pragma once

#include "engine/explain.h"
#include "engine/session.h"
#include "model/json.h"
#include "model/result.h"
#include "ui/canvas/workflowscene.h"

#include <QObject>
#include <QString>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace wfs {
class Engine;
namespace engine {
class CompiledWorkflow;
}
} // namespace wfs

namespace wfs::studio {

// One completed step of a session, for the history timeline and the exports.
struct StepperHistoryEntry
{
    std::string stepId;
    QString title;
    int occurrence = 1; ///< 1 = first time this step id was completed (loop passes count up)
    Json output;        ///< null when no output was recorded
    Json validation;    ///< {valid, issues, suggestions} or null
    bool validationError = false; ///< validation itself failed (result holds the message)
    std::int64_t atMs = 0;
};

class StepperRun : public QObject
{
    Q_OBJECT
public:
    static constexpr const char *kClient = "studio";

    explicit StepperRun(Engine *engine, QObject *parent = nullptr);

    // The workflow the run walks: the editor's document (unsaved edits included) instead of
    // the version the engine serves. Steps, validation, marks and explanations then come from
    // it (computed by the same engine functions workflow_next uses, and recorded on the
    // session like the engine's own calls). nullptr goes back to the served version. Takes
    // effect at the next start(), or at once with applyWorkflow().
    void setWorkflow(std::shared_ptr<const engine::CompiledWorkflow> workflow);
    // Swaps in `workflow` mid-run and asks for the next step again with the same completed
    // steps and context (the session goes on).
    Result<void> applyWorkflow(std::shared_ptr<const engine::CompiledWorkflow> workflow);
    bool runsDocument() const { return m_document != nullptr; }
    // True when the walked document is not what the engine serves under its id (unsaved or
    // unserved edits): agents would get something else.
    bool runsUnsavedChanges() const;

    // Starts a new session on `workflowId` with `context` as the first context sent, and
    // fetches the first step.
    Result<void> start(const std::string &workflowId, const Json &context = Json::object());
    // Continues an existing session of the SessionManager (a studio run of a previous window
    // or process, restored from the store).
    Result<void> resume(const std::string &sessionId);
    // Asks workflow_next again with the same completed steps and `context` (a blocked run
    // after the user set the variables that unblock it).
    Result<void> askAgain(const Json &context);
    bool isBlocked() const
    {
        return isActive() && !isComplete() && currentStepId().empty() && m_payload.is_object();
    }
    // A new session on the same workflow, starting from the first step.
    Result<void> restart();

    // workflow_validate of `output` for the current step, evaluating rule conditions against
    // `context`. Not recorded on the session (a preview). {valid, issues, suggestions}.
    Result<Json> validate(const Json &output, const Json &context) const;
    // Records `output` and its validation on the session, marks the current step completed and
    // fetches the next one with `context` (the context the agent sends back).
    Result<void> complete(const Json &output, const Json &context);

    bool isActive() const { return !m_sessionId.empty(); }
    bool isComplete() const;
    const std::string &sessionId() const { return m_sessionId; }
    const std::string &workflowId() const { return m_workflowId; }
    // The last workflow_next answer: {step, guidance: {prompt}, isComplete, context}.
    const Json &payload() const { return m_payload; }
    Json currentStep() const;
    // Whether the current step has validation criteria (only then can its output fail them).
    bool currentStepHasCriteria() const;
    std::string currentStepId() const;
    QString prompt() const;
    const Json &completedSteps() const { return m_completed; }
    // The context the last answer returned (what an echoing agent sends back, plus edits).
    Json context() const;
    // The session as the SessionManager holds it now.
    std::optional<Session> session() const;

    std::vector<StepperHistoryEntry> history() const;
    WorkflowScene::RunMarks marks() const;

    // Why every step has its status for the inputs of the last workflow_next (engine/explain.h).
    // Cached until the next workflow_next or workflow change.
    const engine::Explanation &explanation() const;
    // The same inputs with another context: what the run would do if the agent sent it.
    engine::Explanation explanationWith(const Json &context) const;
    // What-if: the steps that would change status (or whose run condition would flip) if
    // `context` were sent instead: step id -> "would be next", "would be skipped", ...
    std::map<std::string, QString> whatIf(const Json &context) const;
    // "Run: skipped — runCondition `x == 1` is false (x = 2)"; "To unblock: ..." lines follow.
    static QString explanationText(const engine::StepExplanation &e);
    // The deciding condition with the values it read: "✗ x == 1 (x = 2)"; "" without one.
    static QString conditionCaption(const engine::StepExplanation &e);
    static QString statusText(const std::string &status);
    // The status with its loop pass: "completed, pass 4 of 4".
    static QString statusText(const engine::StepExplanation &e);
    // The values a condition read: "x = 1, y = unset".
    static QString valuesText(const Json &values);
    // The context sent with the last workflow_next (what explanation() reads).
    const Json &sentContext() const { return m_sendContext; }

    // The whole run as JSON (session, history, current step) and as a Markdown report.
    Json exportJson() const;
    QString exportMarkdown() const;

    // What the canvas shows for a session of `workflow`: current step, completed steps, steps
    // skipped by a false runCondition (with the condition as the reason), loop pass counters.
    static WorkflowScene::RunMarks marksFor(const engine::CompiledWorkflow &workflow,
                                            const Session &session);
    static std::vector<StepperHistoryEntry> historyFor(const engine::CompiledWorkflow *workflow,
                                                       const Session &session);
    // "Yes", "No" or "Yes (condition)" for a step's requireConfirmation under `context`.
    static QString confirmationText(const Json &step, const Json &context);

signals:
    // The session, current step or history changed.
    void changed();

private:
    Result<void> fetchNext();

public:
    // The workflow walked: the document set with setWorkflow(), else the served version.
    std::shared_ptr<const engine::CompiledWorkflow> compiled() const;

private:
    std::shared_ptr<const engine::CompiledWorkflow> m_document;
    mutable std::optional<engine::Explanation> m_explanation; ///< explanation(), cached
    Engine *m_engine;
    std::string m_sessionId;
    std::string m_workflowId;
    Json m_initialContext = Json::object();
    Json m_completed = Json::array();
    Json m_sendContext = Json::object();
    Json m_payload;
};

} // namespace wfs::studio
