// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The workflow being edited, independent of any widget: the JSON value, its file, its dirty
// state and the undo stack. Canvas, inspector and JSON view are views of this object; every
// change goes through a QUndoCommand from commands.h, which calls the apply*() functions.
//
// Steps are addressed by JSON pointer ("/steps/3", "/steps/2/body/0"). The undo stack is
// linear, so a pointer recorded by a command is valid whenever that command runs again.
#pragma once

#include "model/json.h"

#include <QObject>
#include <QString>
#include <QStringList>
#include <QUndoStack>

#include <optional>
#include <string>
#include <vector>

namespace wfs::studio {

// Where steps go: the top-level `steps` array or the inline body of a loop.
struct StepLocation
{
    std::string loopPointer; ///< "" = top level; else pointer of a loop step with an array body
    int index = -1;          ///< position in that array; -1 = at the end

    bool operator==(const StepLocation &) const = default;
};

class WorkflowDocument : public QObject
{
    Q_OBJECT
public:
    explicit WorkflowDocument(QObject *parent = nullptr);
    ~WorkflowDocument() override;

    // A new, minimal valid workflow.
    static Json blankWorkflow();

    const Json &json() const { return m_json; }
    QUndoStack *undoStack() { return &m_undoStack; }

    // Replaces the contents without undo (opening, reloading, recovery); clears the stack.
    // `modified` marks the loaded state as unsaved (recovered work).
    void load(Json json, const QString &filePath = {}, bool modified = false);

    // The document as text: what the file said when loaded or saved (savedText), patched where
    // the JSON changed since (patchJsonText), so that saving changes only what was edited; a
    // document never saved is formatted with formatJsonForSave. The JSON view shows this text,
    // problems are positioned in it, and saving writes it. An edit made in the JSON view keeps
    // the text typed there (applyAll with text).
    const std::string &text() const;
    const std::string &savedText() const { return m_savedText; }
    // The text on disk, which matches the current JSON (before load(), or after saving).
    void setSavedText(std::string text);

    QString filePath() const { return m_filePath; }
    void setFilePath(const QString &path);
    // File name, or "Untitled" for a document never saved.
    QString displayName() const;
    // What a person calls the workflow: its `name`, else its `id`, else displayName().
    QString workflowName() const;
    bool isModified() const { return m_forcedModified || !m_undoStack.isClean(); }
    // The current state is what is on disk (after saving).
    void markSaved();
    // The current state is not on disk (its file was deleted by another program): modified
    // until saved, whatever undo and redo do.
    void markModified();
    // Increases on every change of the JSON; lets asynchronous checks discard stale results.
    quint64 revision() const { return m_revision; }

    // Ends keystroke merging: the next field edit starts a new undo step (focus left a field).
    void breakMerge() { ++m_mergeBarrier; }
    int mergeBarrier() const { return m_mergeBarrier; }

    // --- queries --------------------------------------------------------------------------
    bool contains(const std::string &pointer) const;
    // The value at `pointer`, or null when it does not resolve.
    Json valueAt(const std::string &pointer) const;
    // Pointer of the first step (top level or inline) with this id; "" when none.
    std::string findStep(const QString &id) const;
    // The step whose id changed last through applyOwner (an inspector edit, its undo or redo),
    // "" when none did since the last load or structure change (pointers move then). The checks
    // put a duplicate-id error on this step rather than on the one that already had the id.
    const std::string &renamedStep() const { return m_renamedStep; }
    // Pointers of every step in document order, loop bodies after their loop.
    std::vector<std::string> allStepPointers() const;
    // Every step id in the document (top level and inline).
    QStringList allStepIds() const;
    static bool isLoop(const Json &step);
    // "/steps/2/body/1" -> {"/steps/2", 1}; "/steps/4" -> {"", 4}. nullopt for other pointers.
    static std::optional<StepLocation> locationOf(const std::string &stepPointer);
    static std::string pointerFor(const StepLocation &loc);
    // The step a pointer is inside: "/steps/2/body/0/title" -> "/steps/2/body/0",
    // "/steps/3/loop/count" -> "/steps/3"; "" for root fields.
    static std::string owningStep(const std::string &pointer);

    // --- mutation, for commands only ---------------------------------------------------------
    // Replaces the object at `ownerPointer` ("" = root; its `steps` member is kept as it is).
    void applyOwner(const std::string &ownerPointer, const Json &value);
    // Replaces the top-level steps array (structure changes).
    void applySteps(const Json &steps);
    // Replaces everything; `text` (when not empty) is the document's text from now on (an edit
    // in the JSON view: what was typed there).
    void applyAll(const Json &json, const std::string &text = {});

signals:
    // Any change of the JSON (after the more specific signal below).
    void contentsChanged();
    // Fields of one step changed; the step structure is unchanged.
    void stepChanged(const QString &pointer);
    // Root fields (metadata) changed.
    void workflowChanged();
    // Steps were inserted, removed or moved; step pointers may have changed.
    void structureChanged();
    // The whole document was replaced (load, JSON view edit, undo of one).
    void modelReset();
    void modifiedChanged(bool modified);
    void filePathChanged(const QString &path);

private:
    void changed();

    Json m_json;
    std::string m_savedText;
    mutable std::string m_text; ///< text() for m_textRevision
    mutable quint64 m_textRevision = ~quint64(0);
    std::string m_renamedStep;
    QString m_filePath;
    QUndoStack m_undoStack;
    quint64 m_revision = 0;
    int m_mergeBarrier = 0;
    bool m_forcedModified = false;
};

} // namespace wfs::studio
