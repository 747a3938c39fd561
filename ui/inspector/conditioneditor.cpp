// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "conditioneditor.h"

#include "model/jsonio.h"
#include "ui/common/buttonrow.h"
#include "ui/common/jsonvalueedit.h"
#include "ui/document/conditiontext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <vector>

namespace wfs::studio {

namespace {

enum ItemRole { KindRole = Qt::UserRole, RawRole };
const char *const kOperators[] = {"equals", "not_equals", "gt", "gte", "lt", "lte"};

QString kindOf(const QTreeWidgetItem *item)
{
    return item->data(0, KindRole).toString();
}

std::vector<int> pathOf(QTreeWidgetItem *item)
{
    std::vector<int> path;
    while (item && item->parent()) {
        path.insert(path.begin(), item->parent()->indexOfChild(item));
        item = item->parent();
    }
    return path;
}

// The child list of a group node: pointer to the array (and/or) or nullptr for not.
Json *childrenOf(Json &node)
{
    for (const char *op : {"and", "or"}) {
        if (node.is_object() && node.contains(op) && node[op].is_array())
            return &node[op];
    }
    return nullptr;
}

Json *nodeAt(Json &root, const std::vector<int> &path)
{
    Json *n = &root;
    for (int i : path) {
        if (Json *children = childrenOf(*n)) {
            if (i >= static_cast<int>(children->size()))
                return nullptr;
            n = &(*children)[static_cast<std::size_t>(i)];
        } else if (n->is_object() && n->contains("not")) {
            n = &(*n)["not"];
        } else {
            return nullptr;
        }
    }
    return n;
}

Json newRow()
{
    Json leaf = Json::object();
    leaf["var"] = "";
    leaf["equals"] = true;
    return leaf;
}

} // namespace

ConditionEditor::ConditionEditor(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_addRow(new QPushButton(tr("+ Condition"), this))
    , m_addGroup(new QPushButton(tr("+ Group"), this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Variable / group"), tr("Operator"), tr("Value")});
    // The value (text and type box) gets the room left by the variable and the operator.
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Interactive);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::Stretch);
    m_tree->header()->resizeSection(0, 90);
    m_tree->setRootIsDecorated(true);
    m_tree->setIndentation(12);
    m_tree->setMinimumHeight(90);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_addRow->setObjectName(QStringLiteral("conditionAddRow"));
    m_addGroup->setObjectName(QStringLiteral("conditionAddGroup"));
    m_remove->setObjectName(QStringLiteral("conditionRemove"));
    m_addRow->setToolTip(tr("Add a “variable operator value” test"));
    m_addGroup->setToolTip(tr("Add an “all of” (and) group"));

    QHBoxLayout *buttons = buttonRow({m_addRow, m_addGroup, m_remove});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    layout->addLayout(buttons);

    connect(m_addRow, &QPushButton::clicked, this, &ConditionEditor::addRow);
    connect(m_addGroup, &QPushButton::clicked, this, [this] { addGroup(QStringLiteral("and")); });
    connect(m_remove, &QPushButton::clicked, this, &ConditionEditor::removeSelected);
    connect(m_tree, &QTreeWidget::itemSelectionChanged, this,
            [this] { m_remove->setEnabled(!m_tree->selectedItems().isEmpty()); });
    m_remove->setEnabled(false);
}

void ConditionEditor::setCondition(const std::optional<Json> &condition)
{
    if (condition == this->condition() && m_tree->topLevelItemCount() == (condition ? 1 : 0))
        return;
    m_updating = true;
    m_tree->clear();
    if (condition)
        buildItem(*condition, nullptr);
    m_tree->expandAll();
    m_updating = false;
}

std::optional<Json> ConditionEditor::condition() const
{
    if (m_tree->topLevelItemCount() == 0)
        return std::nullopt;
    return readItem(m_tree->topLevelItem(0));
}

QTreeWidgetItem *ConditionEditor::buildItem(const Json &node, QTreeWidgetItem *parent)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    if (node.is_object() && node.contains("var") && node["var"].is_string()) {
        item->setData(0, KindRole, QStringLiteral("leaf"));
    } else if (Json *children = childrenOf(const_cast<Json &>(node))) {
        item->setData(0, KindRole, node.contains("and") ? QStringLiteral("and")
                                                        : QStringLiteral("or"));
        for (const Json &c : *children)
            buildItem(c, item);
    } else if (node.is_object() && node.contains("not") && node.size() == 1) {
        item->setData(0, KindRole, QStringLiteral("not"));
        buildItem(node["not"], item);
    } else {
        item->setData(0, KindRole, QStringLiteral("raw"));
        item->setData(0, RawRole, compactJson(node));
    }
    attachWidgets(item);
    if (kindOf(item) == QLatin1String("leaf")) {
        auto *var = static_cast<QLineEdit *>(m_tree->itemWidget(item, 0));
        auto *op = static_cast<QComboBox *>(m_tree->itemWidget(item, 1));
        auto *value = static_cast<JsonValueEdit *>(m_tree->itemWidget(item, 2));
        var->setText(QString::fromStdString(node["var"].get<std::string>()));
        var->setCursorPosition(0);
        int opIndex = 6;
        for (int i = 0; i < 6; ++i) {
            if (node.contains(kOperators[i])) {
                opIndex = i;
                value->setValue(node[kOperators[i]]);
                break;
            }
        }
        op->setCurrentIndex(opIndex);
        value->setEnabled(opIndex < 6);
    }
    return item;
}

void ConditionEditor::attachWidgets(QTreeWidgetItem *item)
{
    const QString kind = kindOf(item);
    if (kind == QLatin1String("leaf")) {
        auto *var = new QLineEdit;
        var->setObjectName(QStringLiteral("conditionVar"));
        var->setPlaceholderText(tr("variable"));
        auto *op = new QComboBox;
        op->setObjectName(QStringLiteral("conditionOp"));
        op->addItems({QStringLiteral("=="), QStringLiteral("!="), QStringLiteral(">"),
                      QStringLiteral(">="), QStringLiteral("<"), QStringLiteral("<="),
                      tr("is truthy")});
        auto *value = new JsonValueEdit;
        value->setObjectName(QStringLiteral("conditionValue"));
        value->setPlaceholderText(tr("value, e.g. Large, 3, true"));
        m_tree->setItemWidget(item, 0, var);
        m_tree->setItemWidget(item, 1, op);
        m_tree->setItemWidget(item, 2, value);
        connect(var, &QLineEdit::textEdited, this, &ConditionEditor::changed);
        connect(value, &JsonValueEdit::edited, this, &ConditionEditor::changed);
        connect(op, &QComboBox::currentIndexChanged, this, [this, value](int i) {
            value->setEnabled(i < 6);
            changed();
        });
    } else if (kind == QLatin1String("raw")) {
        item->setText(0, tr("JSON"));
        auto *value = new QLineEdit(item->data(0, RawRole).toString());
        value->setObjectName(QStringLiteral("conditionRaw"));
        m_tree->setItemWidget(item, 2, value);
        connect(value, &QLineEdit::textEdited, this, [this, item](const QString &text) {
            item->setData(0, RawRole, text);
            changed();
        });
    } else {
        auto *op = new QComboBox;
        op->setObjectName(QStringLiteral("conditionGroupOp"));
        op->addItem(tr("all of (and)"), QStringLiteral("and"));
        op->addItem(tr("any of (or)"), QStringLiteral("or"));
        op->addItem(tr("not"), QStringLiteral("not"));
        op->setCurrentIndex(op->findData(kind));
        m_tree->setItemWidget(item, 0, op);
        connect(op, &QComboBox::currentIndexChanged, this, [this, item, op] {
            item->setData(0, KindRole, op->currentData());
            changed();
            if (op->currentData() == QLatin1String("not") && item->childCount() > 1) {
                // A "not" keeps only its first member: rebuild (later: `op` is in the tree)
                // so that the tree shows that.
                QMetaObject::invokeMethod(
                    this,
                    [this] {
                        const std::optional<Json> now = condition();
                        m_updating = true;
                        m_tree->clear();
                        if (now)
                            buildItem(*now, nullptr);
                        m_tree->expandAll();
                        m_updating = false;
                    },
                    Qt::QueuedConnection);
            }
        });
    }
}

Json ConditionEditor::readItem(QTreeWidgetItem *item) const
{
    const QString kind = kindOf(item);
    if (kind == QLatin1String("leaf")) {
        auto *var = static_cast<QLineEdit *>(m_tree->itemWidget(item, 0));
        auto *op = static_cast<QComboBox *>(m_tree->itemWidget(item, 1));
        auto *value = static_cast<JsonValueEdit *>(m_tree->itemWidget(item, 2));
        Json leaf = Json::object();
        leaf["var"] = var ? var->text().toStdString() : std::string();
        const int i = op ? op->currentIndex() : 6;
        if (i >= 0 && i < 6)
            leaf[kOperators[i]] = value ? value->value() : Json(std::string());
        return leaf;
    }
    if (kind == QLatin1String("raw")) {
        const ParsedJson parsed = parseJson(item->data(0, RawRole).toString().toStdString());
        return parsed.ok ? parsed.value : Json(item->data(0, RawRole).toString().toStdString());
    }
    Json node = Json::object();
    if (kind == QLatin1String("not")) {
        node["not"] = item->childCount() > 0 ? readItem(item->child(0)) : Json::object();
        return node;
    }
    Json members = Json::array();
    for (int i = 0; i < item->childCount(); ++i)
        members.push_back(readItem(item->child(i)));
    node[kind.toStdString()] = std::move(members);
    return node;
}

QTreeWidgetItem *ConditionEditor::targetGroup()
{
    QTreeWidgetItem *item = m_tree->selectedItems().isEmpty() ? m_tree->topLevelItem(0)
                                                              : m_tree->selectedItems().first();
    while (item) {
        const QString kind = kindOf(item);
        if (kind == QLatin1String("and") || kind == QLatin1String("or")
            || (kind == QLatin1String("not") && item->childCount() == 0))
            return item;
        item = item->parent();
    }
    return nullptr;
}

void ConditionEditor::addRow()
{
    std::optional<Json> cur = condition();
    Json updated;
    if (!cur) {
        updated = newRow();
    } else if (QTreeWidgetItem *group = targetGroup()) {
        updated = *cur;
        Json *node = nodeAt(updated, pathOf(group));
        if (!node)
            return;
        if (Json *children = childrenOf(*node))
            children->push_back(newRow());
        else
            (*node)["not"] = newRow();
    } else {
        updated = Json::object();
        updated["and"] = Json::array({*cur, newRow()});
    }
    m_tree->clear();
    buildItem(updated, nullptr);
    m_tree->expandAll();
    changed();
}

void ConditionEditor::addGroup(const QString &op)
{
    std::optional<Json> cur = condition();
    Json group = Json::object();
    group[op.toStdString()] = Json::array({newRow()});
    Json updated;
    if (!cur) {
        updated = group;
    } else if (QTreeWidgetItem *target = targetGroup()) {
        updated = *cur;
        Json *node = nodeAt(updated, pathOf(target));
        if (!node)
            return;
        if (Json *children = childrenOf(*node))
            children->push_back(group);
        else
            (*node)["not"] = group;
    } else {
        updated = Json::object();
        updated["and"] = Json::array({*cur, newRow()});
    }
    m_tree->clear();
    buildItem(updated, nullptr);
    m_tree->expandAll();
    changed();
}

void ConditionEditor::removeSelected()
{
    if (m_tree->selectedItems().isEmpty())
        return;
    QTreeWidgetItem *item = m_tree->selectedItems().first();
    // Removing the only member of a "not" removes the "not" itself.
    while (item->parent() && kindOf(item->parent()) == QLatin1String("not"))
        item = item->parent();
    if (!item->parent()) {
        m_tree->clear();
        changed();
        return;
    }
    std::optional<Json> cur = condition();
    if (!cur)
        return;
    Json updated = *cur;
    const std::vector<int> path = pathOf(item);
    Json *parent = nodeAt(updated, std::vector<int>(path.begin(), path.end() - 1));
    Json *children = parent ? childrenOf(*parent) : nullptr;
    if (!children)
        return;
    children->erase(children->begin() + path.back());
    m_tree->clear();
    buildItem(updated, nullptr);
    m_tree->expandAll();
    changed();
}

void ConditionEditor::changed()
{
    if (!m_updating)
        emit edited();
}

} // namespace wfs::studio
