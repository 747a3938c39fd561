// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// One open workflow: its document and every view of it (canvas in the tab; inspector, JSON
// view and problems, which the window shows in its docks while this tab is current), wired so
// that each view only talks to the document.
#pragma once

#include "model/diagnostic.h"
#include "model/result.h"

#include <QWidget>

class QLabel;

namespace wfs::studio {

class WorkflowDocument;
class WorkflowScene;
class WorkflowView;
class InspectorWidget;
class JsonView;
class ProblemsPanel;
class DiagnosticsRunner;

class EditorPage : public QWidget
{
    Q_OBJECT
public:
    explicit EditorPage(QWidget *parent = nullptr);
    ~EditorPage() override;

    WorkflowDocument *document() const { return m_doc; }
    WorkflowScene *scene() const { return m_scene; }
    WorkflowView *view() const { return m_view; }
    InspectorWidget *inspector() const { return m_inspector; }
    JsonView *jsonView() const { return m_json; }
    ProblemsPanel *problems() const { return m_problems; }
    DiagnosticsRunner *runner() const { return m_runner; }

    // Reads and parses a workflow file. A resource path (":/...") opens as an untitled copy.
    // Errors name the file and line:column.
    Result<void> loadFile(const QString &path);
    // Writes the document's text atomically (WorkflowDocument::text(): the loaded file patched
    // where it changed, so untouched lines stay byte for byte) and marks the document saved.
    Result<void> saveTo(const QString &path);
    // What the file on disk said when last loaded or saved (to ignore our own writes; the
    // document's savedText()).
    const QByteArray &lastDiskBytes() const { return m_diskBytes; }

    // The document's file was deleted or moved away by another program: a bar above the canvas
    // says so (the contents stay, marked unsaved); saving or the file's return clears it.
    void setFileMissing(bool missing);
    bool isFileMissing() const { return m_fileMissing; }
    QLabel *fileBanner() const { return m_banner; }

    // Shows where a problem is: selects its step, focuses the inspector field, moves the JSON
    // view (and asks the window to show it when the problem has no model position).
    void showDiagnostic(const Diagnostic &d);

signals:
    void jsonViewRequested();
    void fileMissingChanged(bool missing);

private:
    void updateProblems();

    WorkflowDocument *m_doc;
    WorkflowScene *m_scene;
    WorkflowView *m_view;
    InspectorWidget *m_inspector; ///< shown in a dock; deleted with the page
    JsonView *m_json;             ///< shown in a dock; deleted with the page
    ProblemsPanel *m_problems;    ///< shown in a dock; deleted with the page
    DiagnosticsRunner *m_runner;
    QByteArray m_diskBytes;
    QLabel *m_banner;
    bool m_fileMissing = false;
};

} // namespace wfs::studio
