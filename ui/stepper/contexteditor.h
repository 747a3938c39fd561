// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The stepper's context editor: the context object as a table of variable → value. Values are
// edited with JsonValueEdit and read with its rule (model/valuetext.h: High is the string
// "High", 42 a number, true a boolean, "42" a string; the type box can hold "text"), and shown
// in JSON notation with their type. A bad value (broken JSON, or not of the type picked) is
// marked on its row, and value() names the row, the variable and the reason (line:column).
#pragma once

#include "model/json.h"
#include "model/result.h"
#include "model/valuetext.h"

#include <QWidget>

class QCheckBox;
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
    // Sets (adds or replaces) one variable to `text` as if typed (type following the text).
    void setVariable(const QString &name, const QString &text);
    void removeVariable(const QString &name);
    void setReadOnly(bool readOnly);
    QTableWidget *table() const { return m_table; }
    // Internal variables (`_loopState`, `_warnings`, ... : names starting with "_") are kept
    // and sent back, but hidden unless this box is ticked.
    QCheckBox *showInternalBox() const { return m_showInternal; }

signals:
    void edited();

private:
    void revalidate();
    void applyFilter();
    void addRow(const QString &name, const QString &text, ValueType type = ValueType::Auto);

    QTableWidget *m_table;
    QLabel *m_error;
    QWidget *m_buttons;
    QCheckBox *m_showInternal;
    bool m_loading = false;
};

} // namespace wfs::studio
