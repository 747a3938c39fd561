// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The canvas view: zoom (Ctrl+wheel, shortcuts), pan (middle button or Space+drag), fit, rubber
// band selection, and a minimap in the corner when the workflow does not fit the view.
#pragma once

#include <QGraphicsView>

namespace wfs::studio {

class WorkflowScene;

class MinimapView : public QGraphicsView
{
    Q_OBJECT
public:
    MinimapView(QGraphicsView *main, QWidget *parent);
    void refit();

protected:
    void drawForeground(QPainter *painter, const QRectF &rect) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void wheelEvent(QWheelEvent *event) override;

private:
    QGraphicsView *m_main;
};

class WorkflowView : public QGraphicsView
{
    Q_OBJECT
public:
    explicit WorkflowView(WorkflowScene *scene, QWidget *parent = nullptr);

    qreal zoom() const;
    MinimapView *minimap() const { return m_minimap; }

public slots:
    void zoomIn();
    void zoomOut();
    void resetZoom();
    void fitToWindow();
    // 100 % zoom with the top of the workflow in view (what a freshly opened document shows).
    // Applied again once the view gets its real size if it is not visible yet.
    void showTop();

protected:
    void wheelEvent(QWheelEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void mouseReleaseEvent(QMouseEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void keyReleaseEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showEvent(QShowEvent *event) override;
    void scrollContentsBy(int dx, int dy) override;

private:
    void setZoom(qreal factor);
    void updateMinimap();
    void scrollToTop();

    MinimapView *m_minimap;
    QPoint m_panStart;
    bool m_panning = false;
    bool m_spaceHeld = false;
    bool m_topPending = false; ///< showTop() before the view was shown
};

} // namespace wfs::studio
