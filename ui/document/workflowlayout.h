// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Automatic top-to-bottom layout of a workflow: step nodes in a column, loops as frames around
// their body, sequential edges with guard labels for runConditions. Pure geometry from the
// JSON (fixed node sizes, no font metrics), so relayout of hundreds of steps takes a few ms.
#pragma once

#include "model/json.h"
#include "workflowdocument.h"

#include <QPointF>
#include <QRectF>
#include <QString>

#include <string>
#include <vector>

namespace wfs::studio {

namespace layout {
inline constexpr qreal kNodeWidth = 300;
inline constexpr qreal kNodeHeight = 84;
inline constexpr qreal kGap = 34;         ///< vertical space between consecutive items
inline constexpr qreal kGuardGap = 58;    ///< ... when the lower one has a guard label
inline constexpr qreal kLoopHeader = 66;  ///< loop title and configuration lines
inline constexpr qreal kLoopPadding = 22; ///< frame border to body nodes
inline constexpr qreal kLoopRefHeight = 40; ///< body line of a loop whose body is a step id
inline constexpr qreal kLabelOffset = 10;   ///< guard label: distance right of the edge
inline constexpr qreal kLabelMaxWidth = 280; ///< guard label: widest box (elided text)
} // namespace layout

struct LayoutNode
{
    enum class Kind {
        Step, ///< a standard step (top level or inline)
        Loop  ///< a loop frame; its inline body steps are separate Step nodes inside it
    };
    std::string pointer;
    Kind kind = Kind::Step;
    QRectF rect;
};

struct LayoutEdge
{
    QPointF from;
    QPointF to;
    QString label;      ///< guard (runCondition summary); empty when unconditional
    std::string target; ///< pointer of the step the edge enters
    /// How wide the guard label may be, measured from the edge (a label inside a loop frame
    /// must end inside the frame).
    qreal labelMaxWidth = layout::kLabelMaxWidth;
};

struct WorkflowLayout
{
    std::vector<LayoutNode> nodes; ///< document order, each loop before its body
    std::vector<LayoutEdge> edges;
    QRectF bounds;

    const LayoutNode *node(const std::string &pointer) const;
};

WorkflowLayout layoutWorkflow(const Json &workflow);

// The guard label drawn on the edge into `step` (its runCondition, summarised); "" = none.
QString guardLabel(const Json &step);
// What of one step decides the geometry of the layout (loop or not, guarded or not, the kind
// and length of a loop's body). A field edit that keeps it needs no relayout.
std::string layoutSignature(const Json &step);

// Where steps dropped at `pos` go: into the inline body of the loop frame under `pos` (unless
// a loop is being dragged: loops do not nest), else between the top-level items.
StepLocation dropLocation(const WorkflowLayout &layout, const Json &workflow, QPointF pos,
                          bool draggingLoop);

} // namespace wfs::studio
