// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The heat overlay of the canvas: one child item per node that has a heat cell, drawing a tint
// (steps) or a coloured header strip (loop frames, whose body nodes carry their own) from cool
// to hot, and a badge with the cell's value. The scene owns the cells (WorkflowScene::setHeat)
// and re-applies them after every rebuild; the items only draw.
#pragma once

#include "workflowscene.h"

#include <QGraphicsItem>

namespace wfs::studio {

class NodeItem;

class HeatOverlayItem : public QGraphicsItem
{
public:
    enum { Type = UserType + 10 };

    HeatOverlayItem(NodeItem *node, const WorkflowScene::HeatCell &cell);
    int type() const override { return Type; }
    QRectF boundingRect() const override;
    void paint(QPainter *painter, const QStyleOptionGraphicsItem *option, QWidget *widget) override;

    const WorkflowScene::HeatCell &cell() const { return m_cell; }
    void setCell(const WorkflowScene::HeatCell &cell);
    // The colour of `intensity` (0 = cool, 1 = hot).
    static QColor heatColor(double intensity);
    // The node's heat overlay, or null.
    static HeatOverlayItem *of(const NodeItem *node);

private:
    QRectF badgeRect() const;
    NodeItem *m_node;
    WorkflowScene::HeatCell m_cell;
};

} // namespace wfs::studio
