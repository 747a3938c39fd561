// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Editor of a step's validationCriteria: a list of rules (contains / regex / length / schema,
// each with its fields, a message and an optional condition) or an and/or/not composition of
// rules and compositions. Unknown keys of a rule are kept in place when it is edited.
#pragma once

#include "model/json.h"

#include <QWidget>

#include <optional>

class QTreeWidget;
class QTreeWidgetItem;
class QPushButton;

namespace wfs::studio {

class ValidationEditor : public QWidget
{
    Q_OBJECT
public:
    explicit ValidationEditor(QWidget *parent = nullptr);

    void setCriteria(const std::optional<Json> &criteria);
    std::optional<Json> criteria() const;

    QTreeWidget *tree() const { return m_tree; }
    void addRule();
    void addGroup(const QString &op);
    void removeSelected();

signals:
    void edited();

private:
    void rebuild(const std::optional<Json> &criteria);
    QTreeWidgetItem *buildItem(const Json &node, QTreeWidgetItem *parent, bool isList);
    Json readItem(QTreeWidgetItem *item) const;
    void changed();

    QTreeWidget *m_tree;
    QPushButton *m_remove;
    bool m_updating = false;
};

} // namespace wfs::studio
