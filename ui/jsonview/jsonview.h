// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The JSON source view: the document's text (WorkflowDocument::text(): the file as on disk,
// patched where it was edited) with line numbers and highlighting. Two-way: document changes
// rewrite the text (unless it already says the same) once typing pauses, or when the view is
// shown or read (editor()), so a keystroke elsewhere never waits for the whole document to be
// written; valid edits are applied as one ReplaceJsonCommand after a short pause, and the typed
// text becomes the document's text; invalid text is marked at the parser's line:column while
// the document keeps its last good value.
#pragma once

#include "model/diagnostic.h"

#include <QPlainTextEdit>
#include <QWidget>

class QLabel;
class QTimer;

namespace wfs::studio {

class WorkflowDocument;
class JsonHighlighter;

class JsonEditor : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit JsonEditor(QWidget *parent = nullptr);
    int lineNumberAreaWidth() const;
    void paintLineNumbers(QPaintEvent *event);

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    QWidget *m_lineNumbers;
    JsonHighlighter *m_highlighter;
};

class JsonView : public QWidget
{
    Q_OBJECT
public:
    explicit JsonView(WorkflowDocument &doc, QWidget *parent = nullptr);

    // The text editor, brought up to date with the document first.
    JsonEditor *editor();
    // Moves the cursor to the value at `pointer` (via locatePointer); false when not found.
    bool jumpToPointer(const std::string &pointer, bool focus = true);
    // Moves the cursor to a 1-based line and code-point column.
    void jumpTo(int line, int column, bool focus = true);
    // Applies the pending edit now instead of after the pause (tests, window focus change).
    void applyPendingEdit();
    // The parse error of the current text; empty when the text is valid JSON.
    const Diagnostics &textProblems() const { return m_problems; }
    static constexpr int kApplyDelayMs = 350;
    // How long the text may lag behind the document while it changes (typing elsewhere).
    static constexpr int kRefreshDelayMs = 150;

protected:
    void showEvent(QShowEvent *event) override;

signals:
    // The text became invalid or valid again (problems panel shows it).
    void textProblemsChanged();

private:
    void documentChanged();
    void scheduleRefresh();
    void refreshIfStale();
    void markProblems();

    WorkflowDocument &m_doc;
    JsonEditor *m_editor;
    QLabel *m_status;
    QTimer *m_applyTimer;
    QTimer *m_refreshTimer;
    bool m_stale = false; ///< the document changed since the text was written
    Diagnostics m_problems;
    bool m_settingText = false;
    bool m_applying = false;
};

} // namespace wfs::studio
