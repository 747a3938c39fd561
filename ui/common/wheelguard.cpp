// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "wheelguard.h"

#include <QAbstractScrollArea>
#include <QAbstractSpinBox>
#include <QApplication>
#include <QComboBox>
#include <QEvent>

namespace wfs::studio {

namespace {

// A combo or spin box, or its line edit.
QWidget *valueBox(QObject *object)
{
    auto *w = qobject_cast<QWidget *>(object);
    for (int depth = 0; w && depth < 2; ++depth, w = w->parentWidget()) {
        if (qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w))
            return w;
    }
    return nullptr;
}

QAbstractScrollArea *enclosingScrollArea(QWidget *w)
{
    for (QWidget *p = w->parentWidget(); p && !p->isWindow(); p = p->parentWidget()) {
        if (auto *area = qobject_cast<QAbstractScrollArea *>(p))
            return area;
    }
    return nullptr;
}

class WheelGuard : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Polish) {
            auto *w = qobject_cast<QWidget *>(watched);
            if (w && (qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)) &&
                w->focusPolicy() == Qt::WheelFocus)
                w->setFocusPolicy(Qt::StrongFocus);
            return false;
        }
        if (event->type() != QEvent::Wheel)
            return false;
        QWidget *box = valueBox(watched);
        if (!box || box->hasFocus())
            return false;
        QAbstractScrollArea *area = enclosingScrollArea(box);
        if (!area)
            return false;
        // The wheel scrolls the form; the box's value stays.
        QCoreApplication::sendEvent(area->viewport(), event);
        return true;
    }
};

} // namespace

void installWheelGuard(QApplication *app)
{
    if (!app || app->property("wfsWheelGuard").toBool())
        return;
    app->setProperty("wfsWheelGuard", true);
    app->installEventFilter(new WheelGuard(app));
}

} // namespace wfs::studio
