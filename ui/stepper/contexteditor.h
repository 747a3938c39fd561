// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The stepper's context editor: the context object as a table of variable → JSON value. Every
// value is parsed as JSON while typing; a bad value is marked on its row with the parser's
// line:column, and value() names the row, the variable and the position.
#pragma once

#include "model/json.h"
#include "model/result.h"

#include <QWidget>

class QLabel;
class QTableWidget;

namespace wfs::studio {

class ContextEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ContextEditor(QWidget *parent = nullptr);

    // Replaces the rows with the object's members (non-objects give an empty table).
    void setContext(const Json &context);
    // The edited object, or an error naming the row, variable and line:column.
    Result<Json> value() const;
    // Sets (adds or replaces) one variable; `jsonText` is shown as typed.
    void setVariable(const QString &name, const QString &jsonText);
    void removeVariable(const QString &name);
    void setReadOnly(bool readOnly);
    QTableWidget *table() const { return m_table; }

signals:
    void edited();

private:
    void revalidate();
    void addRow(const QString &name, const QString &text);

    QTableWidget *m_table;
    QLabel *m_error;
    QWidget *m_buttons;
    bool m_loading = false;
};

} // namespace wfs::studio
