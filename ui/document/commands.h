// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// One QUndoCommand per user action on a WorkflowDocument. Commands take the document and
// explicit JSON pointers, record JSON snapshots of what they change when constructed, never
// touch widgets or the clipboard, and mark themselves obsolete when they would change nothing.
#pragma once

#include "workflowdocument.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <optional>
#include <string>
#include <vector>

namespace wfs::studio {

enum class CommandId {
    SetField = 1, ///< consecutive edits of one field merge into one undo step
};

// Sets (or, with nullopt, removes) one field of the workflow root (ownerPointer "") or of a
// step. `field` is a pointer relative to the owner: "/title", "/loop/maxIterations".
// Consecutive edits of the same field merge (typing) until WorkflowDocument::breakMerge().
class SetFieldCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(wfs::studio::SetFieldCommand)
public:
    SetFieldCommand(WorkflowDocument *doc, std::string ownerPointer, std::string field,
                    std::optional<Json> value, QUndoCommand *parent = nullptr);

    void redo() override;
    void undo() override;
    int id() const override { return static_cast<int>(CommandId::SetField); }
    bool mergeWith(const QUndoCommand *other) override;

    const std::string &ownerPointer() const { return m_owner; }
    const std::string &field() const { return m_field; }

private:
    WorkflowDocument *m_doc;
    std::string m_owner;
    std::string m_field;
    int m_mergeBarrier;
    Json m_before; ///< the owner object before (root: with `steps` nulled)
    Json m_after;
};

// Base of the commands that change the step structure: they keep the `steps` array before and
// after, computed in the constructor.
class StepsSnapshotCommand : public QUndoCommand
{
public:
    void redo() override;
    void undo() override;
    // Pointers of the steps this command inserted or moved, valid after redo().
    const std::vector<std::string> &resultPointers() const { return m_result; }

protected:
    StepsSnapshotCommand(WorkflowDocument *doc, QUndoCommand *parent);
    // Call at the end of the subclass constructor.
    void finish(Json after, std::vector<std::string> result);

    WorkflowDocument *m_doc;
    Json m_before;
    Json m_after;
    std::vector<std::string> m_result;
};

// Inserts steps (a JSON array) at a location: used for "insert step", "insert loop" and paste.
// A loop cannot go into a loop body (nested loops are not supported); it is then inserted at
// the top level after that loop.
class InsertStepsCommand : public StepsSnapshotCommand
{
    Q_DECLARE_TR_FUNCTIONS(wfs::studio::InsertStepsCommand)
public:
    enum class Kind { Step, Loop, Paste };
    InsertStepsCommand(WorkflowDocument *doc, Json steps, StepLocation where, Kind kind,
                       QUndoCommand *parent = nullptr);
};

// Deletes the steps at the given pointers.
class DeleteStepsCommand : public StepsSnapshotCommand
{
    Q_DECLARE_TR_FUNCTIONS(wfs::studio::DeleteStepsCommand)
public:
    DeleteStepsCommand(WorkflowDocument *doc, std::vector<std::string> pointers,
                       QUndoCommand *parent = nullptr);
};

// Moves steps to a location (index counted before the move): reorder, move into a loop body,
// move out of one. Refuses (obsolete) to put a loop into a loop or a loop into itself.
class MoveStepsCommand : public StepsSnapshotCommand
{
    Q_DECLARE_TR_FUNCTIONS(wfs::studio::MoveStepsCommand)
public:
    MoveStepsCommand(WorkflowDocument *doc, std::vector<std::string> pointers, StepLocation where,
                     QUndoCommand *parent = nullptr);
};

// Replaces the whole document (an edit in the JSON view). `afterText`, when given, is the text
// typed there: the document's text after the edit (a change of layout alone is an edit too).
class ReplaceJsonCommand : public QUndoCommand
{
    Q_DECLARE_TR_FUNCTIONS(wfs::studio::ReplaceJsonCommand)
public:
    ReplaceJsonCommand(WorkflowDocument *doc, Json after, std::string afterText = {},
                       QUndoCommand *parent = nullptr);
    void redo() override;
    void undo() override;

private:
    WorkflowDocument *m_doc;
    Json m_before;
    Json m_after;
    std::string m_beforeText;
    std::string m_afterText;
};

// A fresh standard step / loop with an id unique in `doc`.
Json newStandardStep(const WorkflowDocument &doc);
Json newLoopStep(const WorkflowDocument &doc);

// `base` if unused in `taken`, else base-2, base-3, ... (kept within 64 characters).
QString uniqueStepId(const QString &base, const QStringList &taken);

} // namespace wfs::studio
