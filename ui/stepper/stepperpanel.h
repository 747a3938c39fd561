// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The Run mode panel: the current step exactly as the agent receives it from workflow_next
// (the prompt first and large, rendered from Markdown; agent role, guidance, meta guidance,
// validation criteria and confirmation folded under Details), the context editor (what-if: an
// edit shows on the canvas which steps would change before anything is completed), why every
// step has its status (the explanation engine, with "set to unblock" for a blocked run), the
// history, the output box, and a footer that always stays in view with Validate and Complete.
// Restart, export (Markdown, JSON). The run walks the editor's document (unsaved edits
// included): a banner says so, and offers to apply or restart when the document changes. The
// panel is a view of a StepperRun; the canvas highlighting goes out through marksChanged().
#pragma once

#include "model/json.h"
#include "model/result.h"
#include "ui/canvas/workflowscene.h"

#include <QWidget>

#include <memory>

class QAction;
class QCheckBox;
class QFrame;
class QLabel;
class QTabWidget;
class QToolButton;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace wfs {
class Engine;
namespace engine {
class CompiledWorkflow;
}
} // namespace wfs

namespace wfs::studio {

class ContextEditor;
class StepperRun;

class StepperPanel : public QWidget
{
    Q_OBJECT
public:
    explicit StepperPanel(Engine *engine, QWidget *parent = nullptr);

    StepperRun *run() const { return m_run; }
    ContextEditor *contextEditor() const { return m_context; }
    QPlainTextEdit *outputEdit() const { return m_output; }
    QTextBrowser *promptView() const { return m_prompt; }
    QTreeWidget *historyView() const { return m_history; }
    QLabel *validationView() const { return m_validation; }
    QCheckBox *confirmationBox() const { return m_confirmed; }
    QTreeWidget *whyView() const { return m_why; }
    QTextBrowser *whyDetail() const { return m_whyDetail; }
    QLabel *bannerView() const { return m_bannerText; }
    QTabWidget *tabs() const { return m_tabs; }

    // The workflow the next start walks: the editor's document (nullptr: the served version).
    void setRunWorkflow(std::shared_ptr<const engine::CompiledWorkflow> workflow);
    // The run's document changed in the editor: the banner offers Apply Edits and Restart.
    void documentChanged(std::shared_ptr<const engine::CompiledWorkflow> workflow);
    // Apply Edits: the run goes on with the edited document (same session and steps).
    Result<void> applyDocumentChanges();
    // Shows why `stepId` has its status (a step selected on the canvas during a run).
    void showExplanationFor(const QString &stepId);
    // Asks workflow_next again with the edited context (a blocked run).
    Result<void> askAgain();

    // Starts a run of `workflowId` (the engine's version), or continues a stored session.
    Result<void> startRun(const std::string &workflowId);
    Result<void> resumeRun(const std::string &sessionId);

    // The buttons' actions. validateOutput() shows {valid, issues, suggestions} and returns
    // whether the output is valid; completeStep() returns false when nothing was completed
    // (bad context, unconfirmed step, the user declined to complete an invalid output).
    bool validateOutput();
    bool completeStep();
    Result<void> restartRun();
    Result<void> exportMarkdown(const QString &path) const;
    Result<void> exportJson(const QString &path) const;

    // Ask before completing a step whose output fails validation (default true; tests and
    // scripted runs turn it off and complete anyway).
    void setAskBeforeCompletingInvalid(bool ask) { m_askInvalid = ask; }

signals:
    // The canvas should show these marks for the run's workflow.
    void marksChanged(const QString &workflowId, const wfs::studio::WorkflowScene::RunMarks &marks);
    // The user asked to start a run on the open workflow (the window knows which one).
    void startRequested();
    void statusMessage(const QString &message);

private:
    void refresh();
    void refreshExplanation();
    void updateBanner();
    void emitMarks();
    void showError(const QString &message);
    void setValidation(const QString &html);
    Json outputValue() const;

    Engine *m_engine;
    StepperRun *m_run;
    QLabel *m_sessionLabel;
    QLabel *m_title;
    QLabel *m_details;
    QTextBrowser *m_prompt;
    ContextEditor *m_context;
    QPlainTextEdit *m_output;
    QLabel *m_validation;
    QCheckBox *m_confirmed;
    QPushButton *m_start;
    QPushButton *m_validate;
    QPushButton *m_complete;
    QPushButton *m_restart;
    QToolButton *m_export;
    QAction *m_exportMd;
    QAction *m_exportJson;
    QTreeWidget *m_history;
    QTabWidget *m_tabs;
    QToolButton *m_detailsToggle;
    QFrame *m_banner;
    QLabel *m_bannerText;
    QPushButton *m_applyEdits;
    QPushButton *m_bannerRestart;
    QTreeWidget *m_why;
    QTextBrowser *m_whyDetail;
    QWidget *m_unblockBox;
    QPushButton *m_askAgain;
    std::shared_ptr<const engine::CompiledWorkflow> m_pending; ///< edited document not applied
    bool m_askInvalid = true;
};

} // namespace wfs::studio
