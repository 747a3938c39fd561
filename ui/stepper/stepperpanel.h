// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The Run mode panel: the current step exactly as the agent receives it from workflow_next
// (title, prompt rendered from Markdown, agent role, guidance, meta guidance, validation
// criteria, whether confirmation is needed), the context editor, the output box with Validate
// and Complete, and the history timeline. Restart, export (Markdown, JSON). The panel is a view
// of a StepperRun; the canvas highlighting goes out through marksChanged().
#pragma once

#include "model/json.h"
#include "model/result.h"
#include "ui/canvas/workflowscene.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTextBrowser;
class QTreeWidget;

namespace wfs {
class Engine;
}

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
    void showError(const QString &message);
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
    QPushButton *m_exportMd;
    QPushButton *m_exportJson;
    QTreeWidget *m_history;
    bool m_askInvalid = true;
};

} // namespace wfs::studio
