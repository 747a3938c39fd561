// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The mouse wheel scrolls forms; it does not edit them. A combo box or spin box inside a scroll
// area (the inspector, the dashboard's charts, settings pages) that the user has not clicked
// into passes the wheel on to the scroll area, as it scrolls past under the pointer; Qt's
// default turned it into an edit (scrolling the inspector changed "Require confirmation" and
// marked the workflow modified). Clicked into (focused), it takes the wheel as usual.
#pragma once

class QApplication;

namespace wfs::studio {

// Installs the guard on the application once (later calls do nothing): combo and spin boxes get
// Qt::StrongFocus (no focus by wheel) when they are polished, and an unfocused one's wheel
// events go to the viewport of the nearest enclosing scroll area.
void installWheelGuard(QApplication *app);

} // namespace wfs::studio
