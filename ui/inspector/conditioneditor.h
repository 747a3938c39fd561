// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A condition builder: a tree of and/or/not groups with `var <operator> value` rows. Values are
// edited with JsonValueEdit (3 is a number, true a boolean, "3" and Large are strings; the type
// box next to the value says which and lets the user pick). It edits a copy of the condition
// JSON and says when the user changed it; the owner turns that into a document command.
#pragma once

#include "model/json.h"

#include <QWidget>

#include <optional>

class QTreeWidget;
class QTreeWidgetItem;
class QPushButton;

namespace wfs::studio {

class ConditionEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ConditionEditor(QWidget *parent = nullptr);

    // nullopt = no condition. Does nothing when `condition` equals what the editor shows, so
    // that a refresh after the user's own edit keeps the focus and cursor.
    void setCondition(const std::optional<Json> &condition);
    std::optional<Json> condition() const;

    QTreeWidget *tree() const { return m_tree; }
    // Actions (also behind the buttons): add a var row or a group under the selected group (or
    // wrapping the root), remove the selected node.
    void addRow();
    void addGroup(const QString &op);
    void removeSelected();

signals:
    void edited();

private:
    QTreeWidgetItem *buildItem(const Json &node, QTreeWidgetItem *parent);
    Json readItem(QTreeWidgetItem *item) const;
    void attachWidgets(QTreeWidgetItem *item);
    QTreeWidgetItem *targetGroup();
    void changed();

    QTreeWidget *m_tree;
    QPushButton *m_addRow;
    QPushButton *m_addGroup;
    QPushButton *m_remove;
    bool m_updating = false;
};

} // namespace wfs::studio
