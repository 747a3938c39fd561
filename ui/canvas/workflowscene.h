// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The canvas scene: draws a WorkflowDocument with the automatic layout and turns gestures
// (drag and drop, insert, delete, paste, move up/down) into commands on the document's undo
// stack. It only observes the document: a field edit updates the one node it concerns (and the
// guard label of the edge into it); a structure change rebuilds the items. Selection is kept
// by step id across rebuilds (by position only for steps without a unique id), so an undo or a
// move never leaves a different step selected.
#pragma once

#include "ui/document/workflowdocument.h"
#include "ui/document/workflowlayout.h"

#include <QGraphicsScene>
#include <QHash>

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

namespace wfs::studio {

class NodeItem;

class WorkflowScene : public QGraphicsScene
{
    Q_OBJECT
public:
    explicit WorkflowScene(WorkflowDocument &doc, QObject *parent = nullptr);
    WorkflowScene() = delete; // scenes without a document are not supported

    WorkflowDocument &document() { return m_doc; }
    const WorkflowLayout &currentLayout() const { return m_layout; }

    // Pointers of the selected steps, in document order.
    std::vector<std::string> selectedPointers() const;
    void selectPointers(const std::vector<std::string> &pointers);
    // Ids of the selected steps, in document order.
    QStringList selectedStepIds() const;
    NodeItem *nodeItem(const std::string &pointer) const;
    std::vector<NodeItem *> nodeItems() const;

    // Where "insert" puts a new step: after the last selected step (in its loop body when it
    // is inline), else at the end.
    StepLocation insertionPoint() const;
    void insertStep(StepLocation where);
    void insertLoop(StepLocation where);
    void deleteSelection();
    // Selected steps as JSON text (empty when nothing is selected).
    QString copySelection() const;
    // Pastes steps from text (see stepclipboard.h) after the selection. Returns an error text
    // ("" on success).
    QString paste(const QString &text, std::optional<StepLocation> where = std::nullopt);
    // Drops the selected steps at `scenePos` (what a mouse drag ends with).
    void dropSelection(QPointF scenePos);
    // Edit ▸ Move Up / Move Down: the selected steps one place up or down in their list. At the
    // end of a loop body they leave the loop; a step next to a loop with an inline body enters
    // it (loops do not nest). Returns false when nothing can move.
    bool moveSelection(int delta);
    bool canMoveSelection(int delta) const;
    // Keyboard navigation: selects the step `delta` places away in document order (Up/Down),
    // or the first/last step (Home/End), and scrolls it into view.
    void selectAdjacent(int delta);
    void selectEnd(bool last);
    // Scrolls every view of the scene to the node of `pointer`.
    void reveal(const std::string &pointer);

    // Marks steps with problems: JSON pointer of each diagnostic -> message; error or warning.
    // A step with any error is marked as an error, else as a warning; its tooltip lists all.
    struct Mark
    {
        std::string pointer;
        QString message;
        bool error = true;
    };
    void setProblemMarks(const std::vector<Mark> &marks);

    // Run mode (stepper, followed agent sessions): what a run has done, by step id. Kept
    // across rebuilds like the problem marks; an empty RunMarks clears the highlighting.
    struct RunMarks
    {
        std::string current;                         ///< step handed out last ("" = none)
        std::string activeLoop;                      ///< loop whose body is running ("" = none)
        std::set<std::string> completed;             ///< steps completed at least once
        std::map<std::string, QString> skipped;      ///< step or loop id -> reason
        std::map<std::string, QString> loopCounters; ///< loop id -> "pass 2 of 3"
        /// step or loop id -> why it has its status (the explanation engine's reason), shown
        /// when the step is hovered during a run
        std::map<std::string, QString> explanations;
        /// step id -> the deciding condition with the values it read, drawn on a skipped step
        std::map<std::string, QString> captions;
        /// step id -> what it would do under the context being edited ("would run", ...):
        /// the what-if of a context change, before anything is completed
        std::map<std::string, QString> whatIf;
        bool operator==(const RunMarks &) const = default;
    };
    void setRunMarks(const RunMarks &marks);
    const RunMarks &runMarks() const { return m_runMarks; }

    // Heat map overlay (ui/canvas/heatoverlay.h): a tint and a badge per step id, kept across
    // rebuilds; an empty map clears it. heatShown() reads what the node's overlay item shows.
    struct HeatCell
    {
        double intensity = 0;  ///< 0 (cool) .. 1 (hottest step of the map)
        bool hasValue = false; ///< false: the metric has no value for the step (grey badge)
        QString label;         ///< the badge ("3", "1.2 s")
        QString toolTip;       ///< every number of the step
        bool operator==(const HeatCell &) const = default;
    };
    void setHeat(const QHash<QString, HeatCell> &cells);
    void clearHeat();
    const QHash<QString, HeatCell> &heat() const { return m_heat; }
    HeatCell heatShown(const QString &stepId) const;

    // Full relayout from the document (also what every document change triggers).
    void rebuild();

signals:
    // A gesture failed with a message for the status bar (e.g. invalid pasted text).
    void gestureFailed(const QString &message);
    // The user double-clicked a step (the window focuses the inspector).
    void stepActivated(const QString &pointer);

protected:
    void mousePressEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseMoveEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseReleaseEvent(QGraphicsSceneMouseEvent *event) override;
    void mouseDoubleClickEvent(QGraphicsSceneMouseEvent *event) override;
    void contextMenuEvent(QGraphicsSceneContextMenuEvent *event) override;

private:
    void pushAndSelect(class StepsSnapshotCommand *cmd);
    void applyMarks();
    void applyRunMarks();
    void applyRunMarks(NodeItem *item);
    void applyHeat();
    bool draggingLoop() const;
    void showDropIndicator(QPointF scenePos);
    void updateStep(const QString &pointer);
    void revealNow(const std::string &pointer);
    std::optional<StepLocation> moveTarget(int delta, std::vector<std::string> *moved) const;

    WorkflowDocument &m_doc;
    WorkflowLayout m_layout;
    std::unordered_map<std::string, NodeItem *> m_nodes; ///< owned by the scene
    std::unordered_map<std::string, class EdgeItem *> m_entering; ///< edge into each step
    std::unordered_map<std::string, std::string> m_signatures;    ///< layoutSignature per step
    std::vector<Mark> m_marks;
    RunMarks m_runMarks;
    QHash<QString, HeatCell> m_heat;
    QGraphicsLineItem *m_dropIndicator = nullptr;
    QPointF m_pressPos;
    bool m_dragging = false;
};

} // namespace wfs::studio

Q_DECLARE_METATYPE(wfs::studio::WorkflowScene::RunMarks)
