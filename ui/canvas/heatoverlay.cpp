// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "heatoverlay.h"

#include "nodeitems.h"

#include <QFontMetricsF>
#include <QPainter>

#include <algorithm>

namespace wfs::studio {

namespace {

constexpr qreal kLoopStrip = 30; ///< height of a loop frame's tinted header strip

} // namespace

HeatOverlayItem::HeatOverlayItem(NodeItem *node, const WorkflowScene::HeatCell &cell)
    : QGraphicsItem(node)
    , m_node(node)
    , m_cell(cell)
{
    setAcceptedMouseButtons(Qt::NoButton);
    setAcceptHoverEvents(false);
    setZValue(40); // above the node's own drawing, below the run overlay
    setToolTip(cell.toolTip);
}

void HeatOverlayItem::setCell(const WorkflowScene::HeatCell &cell)
{
    if (cell == m_cell)
        return;
    prepareGeometryChange();
    m_cell = cell;
    setToolTip(cell.toolTip);
    update();
}

HeatOverlayItem *HeatOverlayItem::of(const NodeItem *node)
{
    for (QGraphicsItem *child : node->childItems()) {
        if (child->type() == Type)
            return static_cast<HeatOverlayItem *>(child);
    }
    return nullptr;
}

QColor HeatOverlayItem::heatColor(double intensity)
{
    const double t = std::clamp(intensity, 0.0, 1.0);
    // Yellow (cool) to red (hot).
    return QColor::fromHsvF(float((1.0 - t) * 55.0 / 360.0), float(0.75 + 0.25 * t), 0.95f);
}

QRectF HeatOverlayItem::badgeRect() const
{
    QFont f;
    f.setBold(true);
    const QFontMetricsF fm(f);
    const QRectF node = m_node->boundingRect().adjusted(2, 2, -2, -2);
    const qreal w = std::max<qreal>(26, fm.horizontalAdvance(m_cell.label) + 12);
    const qreal h = fm.height() + 4;
    // Over the node's top-right corner, half outside, so it never hides the title.
    return QRectF(node.right() - w + 8, node.top() - h / 2 - 2, w, h);
}

QRectF HeatOverlayItem::boundingRect() const
{
    return m_node->boundingRect().united(badgeRect()).adjusted(-2, -2, 2, 2);
}

void HeatOverlayItem::paint(QPainter *painter, const QStyleOptionGraphicsItem *, QWidget *)
{
    painter->setRenderHint(QPainter::Antialiasing);
    const QRectF node = m_node->boundingRect().adjusted(2, 2, -2, -2);
    const QColor hot = heatColor(m_cell.intensity);
    if (m_cell.hasValue && m_cell.intensity > 0) {
        QColor tint = hot;
        tint.setAlphaF(float(0.12 + 0.38 * std::clamp(m_cell.intensity, 0.0, 1.0)));
        painter->setPen(Qt::NoPen);
        painter->setBrush(tint);
        const bool loop = m_node->kind() == NodeItem::Kind::Loop;
        const QRectF area =
            loop ? QRectF(node.topLeft(), QSizeF(node.width(), std::min(kLoopStrip, node.height())))
                 : node;
        painter->drawRoundedRect(area, 6, 6);
    }
    const QRectF badge = badgeRect();
    painter->setPen(QPen(QColor(0, 0, 0, 90), 1));
    painter->setBrush(m_cell.hasValue ? hot : QColor(220, 220, 220));
    painter->drawRoundedRect(badge, badge.height() / 2, badge.height() / 2);
    QFont f = painter->font();
    f.setBold(true);
    painter->setFont(f);
    // Light text on the hot (dark red) end, dark text on the yellow end.
    const bool dark = m_cell.hasValue && m_cell.intensity > 0.55;
    painter->setPen(dark ? QColor(255, 255, 255) : QColor(20, 20, 20));
    painter->drawText(badge, Qt::AlignCenter, m_cell.label);
}

// The scene's side: cells by step id, applied to the node items (also after a rebuild).

void WorkflowScene::setHeat(const QHash<QString, HeatCell> &cells)
{
    m_heat = cells;
    applyHeat();
}

void WorkflowScene::clearHeat()
{
    setHeat({});
}

void WorkflowScene::applyHeat()
{
    for (const auto &[pointer, item] : m_nodes) {
        HeatOverlayItem *overlay = HeatOverlayItem::of(item);
        const auto it = m_heat.constFind(item->stepId());
        if (it == m_heat.constEnd() || item->stepId().isEmpty()) {
            delete overlay;
            continue;
        }
        if (overlay)
            overlay->setCell(*it);
        else
            new HeatOverlayItem(item, *it);
    }
}

WorkflowScene::HeatCell WorkflowScene::heatShown(const QString &stepId) const
{
    for (const auto &[pointer, item] : m_nodes) {
        if (item->stepId() != stepId)
            continue;
        if (const HeatOverlayItem *overlay = HeatOverlayItem::of(item))
            return overlay->cell();
    }
    return {};
}

} // namespace wfs::studio
