// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "workflowview.h"

#include "workflowscene.h"

#include <QKeyEvent>
#include <QPainter>
#include <QScrollBar>
#include <QWheelEvent>

#include <algorithm>
#include <cmath>

namespace wfs::studio {

namespace {
constexpr qreal kMinZoom = 0.1;
constexpr qreal kMaxZoom = 4.0;
constexpr qreal kZoomStep = 1.2;
constexpr int kMinimapWidth = 160;
constexpr int kMinimapHeight = 220;
} // namespace

MinimapView::MinimapView(QGraphicsView *main, QWidget *parent)
    : QGraphicsView(main->scene(), parent)
    , m_main(main)
{
    setInteractive(false);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::Box);
    setRenderHint(QPainter::Antialiasing);
    setToolTip(tr("Overview: click or drag to move the view"));
    setFixedSize(kMinimapWidth, kMinimapHeight);
    setBackgroundRole(QPalette::AlternateBase);
}

void MinimapView::refit()
{
    if (scene())
        fitInView(scene()->sceneRect(), Qt::KeepAspectRatio);
    viewport()->update();
}

void MinimapView::drawForeground(QPainter *painter, const QRectF &)
{
    const QRectF visible = m_main->mapToScene(m_main->viewport()->rect()).boundingRect();
    QColor fill = palette().color(QPalette::Highlight);
    fill.setAlphaF(0.18);
    painter->setBrush(fill);
    painter->setPen(QPen(palette().color(QPalette::Highlight), 0));
    painter->drawRect(visible);
}

void MinimapView::mousePressEvent(QMouseEvent *event)
{
    m_main->centerOn(mapToScene(event->position().toPoint()));
}

void MinimapView::mouseMoveEvent(QMouseEvent *event)
{
    if (event->buttons() & Qt::LeftButton)
        m_main->centerOn(mapToScene(event->position().toPoint()));
}

void MinimapView::wheelEvent(QWheelEvent *event)
{
    event->ignore();
}

WorkflowView::WorkflowView(WorkflowScene *scene, QWidget *parent)
    : QGraphicsView(scene, parent)
    , m_minimap(new MinimapView(this, this))
{
    setRenderHints(QPainter::Antialiasing | QPainter::TextAntialiasing);
    setDragMode(QGraphicsView::RubberBandDrag);
    setRubberBandSelectionMode(Qt::IntersectsItemShape);
    setTransformationAnchor(QGraphicsView::AnchorUnderMouse);
    setViewportUpdateMode(QGraphicsView::SmartViewportUpdate);
    setAlignment(Qt::AlignHCenter | Qt::AlignTop);
    setBackgroundRole(QPalette::Window);
    setFocusPolicy(Qt::StrongFocus);
    connect(scene, &QGraphicsScene::sceneRectChanged, this, [this] { updateMinimap(); });
    updateMinimap();
}

qreal WorkflowView::zoom() const
{
    return transform().m11();
}

void WorkflowView::setZoom(qreal factor)
{
    factor = std::clamp(factor, kMinZoom, kMaxZoom);
    const qreal current = zoom();
    if (std::abs(current - factor) < 1e-6)
        return;
    scale(factor / current, factor / current);
    updateMinimap();
}

void WorkflowView::zoomIn()
{
    setZoom(zoom() * kZoomStep);
}

void WorkflowView::zoomOut()
{
    setZoom(zoom() / kZoomStep);
}

void WorkflowView::resetZoom()
{
    setZoom(1.0);
}

void WorkflowView::fitToWindow()
{
    if (!scene())
        return;
    fitInView(scene()->itemsBoundingRect().adjusted(-20, -20, 20, 20), Qt::KeepAspectRatio);
    if (zoom() > 1.0)
        setZoom(1.0);
    else if (zoom() < kMinZoom)
        setZoom(kMinZoom);
    updateMinimap();
}

void WorkflowView::showTop()
{
    setZoom(1.0);
    scrollToTop();
    m_topPending = !isVisible();
}

void WorkflowView::scrollToTop()
{
    if (!scene())
        return;
    const QRectF items = scene()->itemsBoundingRect();
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    // Horizontally centred on the steps, vertically the first step just below the top edge.
    centerOn(items.center().x(), items.top() - 24 + visible.height() / 2);
    updateMinimap();
}

void WorkflowView::showEvent(QShowEvent *event)
{
    QGraphicsView::showEvent(event);
    if (m_topPending) {
        m_topPending = false;
        scrollToTop();
    }
}

void WorkflowView::wheelEvent(QWheelEvent *event)
{
    if (event->modifiers() & Qt::ControlModifier) {
        const int delta = event->angleDelta().y();
        if (delta > 0)
            zoomIn();
        else if (delta < 0)
            zoomOut();
        event->accept();
        return;
    }
    QGraphicsView::wheelEvent(event);
}

void WorkflowView::mousePressEvent(QMouseEvent *event)
{
    if (event->button() == Qt::MiddleButton
        || (event->button() == Qt::LeftButton && m_spaceHeld)) {
        m_panning = true;
        m_panStart = event->position().toPoint();
        viewport()->setCursor(Qt::ClosedHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::mousePressEvent(event);
}

void WorkflowView::mouseMoveEvent(QMouseEvent *event)
{
    if (m_panning) {
        const QPoint d = event->position().toPoint() - m_panStart;
        m_panStart = event->position().toPoint();
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() - d.x());
        verticalScrollBar()->setValue(verticalScrollBar()->value() - d.y());
        event->accept();
        return;
    }
    QGraphicsView::mouseMoveEvent(event);
}

void WorkflowView::mouseReleaseEvent(QMouseEvent *event)
{
    if (m_panning) {
        m_panning = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::mouseReleaseEvent(event);
}

void WorkflowView::keyPressEvent(QKeyEvent *event)
{
    // Keyboard selection: Up/Down walk the steps in document order, Home/End jump to the
    // first/last, Enter opens the selected step in the inspector. Left/Right still scroll.
    if (auto *ws = qobject_cast<WorkflowScene *>(scene());
        ws && (event->modifiers() & ~Qt::KeypadModifier) == Qt::NoModifier) {
        switch (event->key()) {
        case Qt::Key_Up:
        case Qt::Key_Down:
            ws->selectAdjacent(event->key() == Qt::Key_Up ? -1 : 1);
            event->accept();
            return;
        case Qt::Key_Home:
        case Qt::Key_End:
            ws->selectEnd(event->key() == Qt::Key_End);
            event->accept();
            return;
        case Qt::Key_Return:
        case Qt::Key_Enter:
            if (const auto sel = ws->selectedPointers(); sel.size() == 1) {
                emit ws->stepActivated(QString::fromStdString(sel.front()));
                event->accept();
                return;
            }
            break;
        default:
            break;
        }
    }
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = true;
        viewport()->setCursor(Qt::OpenHandCursor);
        event->accept();
        return;
    }
    QGraphicsView::keyPressEvent(event);
}

void WorkflowView::keyReleaseEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Space && !event->isAutoRepeat()) {
        m_spaceHeld = false;
        viewport()->unsetCursor();
        event->accept();
        return;
    }
    QGraphicsView::keyReleaseEvent(event);
}

void WorkflowView::resizeEvent(QResizeEvent *event)
{
    QGraphicsView::resizeEvent(event);
    if (m_topPending && isVisible()) {
        m_topPending = false;
        scrollToTop();
    }
    updateMinimap();
}

void WorkflowView::scrollContentsBy(int dx, int dy)
{
    QGraphicsView::scrollContentsBy(dx, dy);
    m_minimap->viewport()->update();
}

void WorkflowView::updateMinimap()
{
    if (!scene())
        return;
    const QRectF visible = mapToScene(viewport()->rect()).boundingRect();
    const bool needed = !visible.contains(scene()->itemsBoundingRect());
    m_minimap->setVisible(needed);
    if (!needed)
        return;
    const QRect vp = viewport()->geometry();
    // At most a quarter of a small canvas's width and a third of its height.
    const QSize size(std::clamp(vp.width() / 4, 80, kMinimapWidth),
                     std::clamp(vp.height() / 3, 110, kMinimapHeight));
    m_minimap->setFixedSize(size);
    m_minimap->move(vp.right() - size.width() - 8, vp.bottom() - size.height() - 8);
    m_minimap->raise();
    m_minimap->refit();
}

} // namespace wfs::studio
