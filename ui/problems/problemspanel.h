// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The problems list of one document: the JSON view's parse errors and the live checks.
// Clicking or activating a row (Enter, double click) asks the window to show the place (select
// the node, focus the field, or move the JSON view to line:column).
#pragma once

#include "model/diagnostic.h"

#include <QWidget>

class QTreeWidget;
class QTreeWidgetItem;

namespace wfs::studio {

class ProblemsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ProblemsPanel(QWidget *parent = nullptr);

    // Shows `textProblems` (the JSON text does not parse) and `checks` (the last good model).
    void setDiagnostics(const Diagnostics &textProblems, const Diagnostics &checks);
    const Diagnostics &shown() const { return m_shown; }
    QTreeWidget *list() const { return m_list; }
    int errorCount() const;

signals:
    void activated(const wfs::Diagnostic &diagnostic);

private:
    QTreeWidget *m_list;
    Diagnostics m_shown;
};

} // namespace wfs::studio
