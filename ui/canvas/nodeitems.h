// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The graphics items of the workflow canvas: a step node, a loop frame (its inline body nodes
// are its children, so dragging the frame carries them) and a sequential edge with an optional
// guard label. Items hold a copy of what they draw and the JSON pointer of their step; they
// never change the document. Colours come from the palette (light and dark themes).
#pragma once

#include "model/json.h"

#include <QGraphicsItem>
#include <QPalette>
#include <QString>

#include <string>

namespace wfs::studio {

class NodeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 1 };
    enum class Kind { Step, Loop };

    NodeItem(Kind kind, std::string pointer, const Json &step, QSizeF size,
             QGraphicsItem *parent = nullptr);

    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;

    // Shows `step`'s current contents (a field edit: the node is updated, not rebuilt).
    void setStep(const Json &step);

    Kind kind() const { return m_kind; }
    const std::string &pointer() const { return m_pointer; }
    QString stepId() const { return m_id; }
    QString title() const { return m_title; }
    // Where the layout put it (scene coordinates); a drag moves it away until the drop.
    QPointF homePos() const { return m_home; }
    void setHomePos(QPointF scenePos) { m_home = scenePos; }
    // Diagnostics on this step: errors give a red border, a red tint and a red ✖ badge;
    // warnings (and nothing worse) an amber border and an amber ⚠ badge. `text` (one problem
    // a line) heads the tooltip. None clears the mark.
    enum class ProblemLevel { None, Warning, Error };
    void setProblems(const QString &text, ProblemLevel level);
    ProblemLevel problemLevel() const { return m_problemLevel; }
    QString problemText() const { return m_problems; }

    // Run mode (stepper, followed sessions): how far a run got with this step. `note` is the
    // skip reason (Skipped) or, on a loop frame, the iteration counter ("pass 2 of 3").
    enum class RunState { None, Current, Completed, Skipped };
    void setRunState(RunState state, const QString &note = {});
    RunState runState() const { return m_runState; }
    QString runNote() const { return m_runNote; }
    // The explanation of this step's status (hover text during a run), the deciding condition
    // drawn on a skipped step ("✗ x == 1 (x = 2)"), and the what-if of a context being edited
    // ("would be next", drawn as a violet outline with its label). Empty strings clear them.
    void setRunExplanation(const QString &explanation, const QString &caption,
                           const QString &whatIf);
    QString runExplanation() const { return m_runExplanation; }
    QString runCaption() const { return m_runCaption; }
    QString whatIf() const { return m_whatIf; }

private:
    Kind m_kind;
    std::string m_pointer;
    QSizeF m_size;
    QPointF m_home;
    QString m_id;
    QString m_title;
    QString m_subtitle; ///< loop: configuration summary; step: agent role
    QStringList m_badges;
    QString m_problems;
    ProblemLevel m_problemLevel = ProblemLevel::None;
    bool m_conditional = false;
    RunState m_runState = RunState::None;
    QString m_runNote;
    QString m_runExplanation;
    QString m_runCaption;
    QString m_whatIf;
    QString m_baseToolTip;                    ///< what the step says (title, id, prompt)
    QGraphicsItem *m_runOverlay = nullptr;    ///< child drawn above the body (created lazily)
    friend class RunOverlayItem;
    void paintRunState(QPainter *painter, const QRectF &r) const;
    void updateToolTip(); ///< run state, problems, then the step's own summary
};

class EdgeItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 2 };
    // The guard label sits right of the edge's middle, at most `labelMaxWidth` wide (elided).
    EdgeItem(QPointF from, QPointF to, const QString &label, QGraphicsItem *parent = nullptr,
             qreal labelMaxWidth = 280);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option,
               QWidget *widget) override;
    // The guard label's box in item coordinates (empty when the edge is unconditional).
    QRectF labelRect() const { return m_labelRect; }
    // The guard as written (not elided); setLabel() changes it in place.
    QString label() const { return m_fullLabel; }
    void setLabel(const QString &label);

private:
    QPointF m_from;
    QPointF m_to;
    QString m_label; ///< as drawn (marker, elided)
    QString m_fullLabel;
    qreal m_labelMaxWidth;
    QRectF m_labelRect;
};

// The palette the canvas paints with (the application's, following light/dark mode).
QPalette canvasPalette();

} // namespace wfs::studio
