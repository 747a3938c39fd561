// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "validationeditor.h"

#include "model/jsonio.h"
#include "ui/common/buttonrow.h"
#include "ui/common/jsonvalueedit.h"
#include "ui/document/conditiontext.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <vector>

namespace wfs::studio {

namespace {

enum ItemRole { KindRole = Qt::UserRole, OriginalRole };
enum Column { KindColumn, MessageColumn, FirstColumn, SecondColumn, ConditionColumn };
const char *const kRuleTypes[] = {"contains", "regex", "length", "schema"};

QString kindOf(const QTreeWidgetItem *item)
{
    return item->data(0, KindRole).toString();
}

bool isComposition(const Json &node)
{
    if (!node.is_object() || node.size() != 1)
        return false;
    return (node.contains("and") && node["and"].is_array())
           || (node.contains("or") && node["or"].is_array()) || node.contains("not");
}

Json newRuleJson()
{
    Json rule = Json::object();
    rule["type"] = "contains";
    rule["value"] = "";
    rule["message"] = "";
    return rule;
}

// The two type-specific fields of a rule type.
std::pair<const char *, const char *> fieldsOf(const std::string &type)
{
    if (type == "contains")
        return {"value", nullptr};
    if (type == "regex")
        return {"pattern", "flags"};
    if (type == "length")
        return {"min", "max"};
    if (type == "schema")
        return {"schema", nullptr};
    return {nullptr, nullptr};
}

// The JSON type the schema gives a rule field.
ValueType typeOfField(const char *field)
{
    if (!field)
        return ValueType::String;
    const std::string f = field;
    if (f == "min" || f == "max")
        return ValueType::Number;
    if (f == "schema")
        return ValueType::Structured;
    return ValueType::String;
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

Json *membersOf(Json &node)
{
    if (node.is_array())
        return &node;
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
        if (Json *members = membersOf(*n)) {
            if (i >= static_cast<int>(members->size()))
                return nullptr;
            n = &(*members)[static_cast<std::size_t>(i)];
        } else if (n->is_object() && n->contains("not")) {
            n = &(*n)["not"];
        } else {
            return nullptr;
        }
    }
    return n;
}

} // namespace

ValidationEditor::ValidationEditor(QWidget *parent)
    : QWidget(parent)
    , m_tree(new QTreeWidget(this))
    , m_remove(new QPushButton(tr("Remove"), this))
{
    m_tree->setColumnCount(5);
    m_tree->setHeaderLabels(
        {tr("Rule / group"), tr("Message"), tr("Value / pattern / min / schema"),
         tr("Flags / max"), tr("Condition (JSON)")});
    m_tree->header()->setSectionResizeMode(QHeaderView::Interactive);
    m_tree->header()->setDefaultSectionSize(110);
    m_tree->setMinimumHeight(110);
    auto *addRuleButton = new QPushButton(tr("+ Rule"), this);
    auto *addGroupButton = new QPushButton(tr("+ Group"), this);
    addRuleButton->setObjectName(QStringLiteral("validationAddRule"));
    addGroupButton->setObjectName(QStringLiteral("validationAddGroup"));
    m_remove->setObjectName(QStringLiteral("validationRemove"));
    QHBoxLayout *buttons = buttonRow({addRuleButton, addGroupButton, m_remove});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_tree);
    layout->addLayout(buttons);
    connect(addRuleButton, &QPushButton::clicked, this, &ValidationEditor::addRule);
    connect(addGroupButton, &QPushButton::clicked, this,
            [this] { addGroup(QStringLiteral("and")); });
    connect(m_remove, &QPushButton::clicked, this, &ValidationEditor::removeSelected);
}

void ValidationEditor::setCriteria(const std::optional<Json> &criteria)
{
    if (criteria == this->criteria())
        return;
    rebuild(criteria);
}

void ValidationEditor::rebuild(const std::optional<Json> &criteria)
{
    m_updating = true;
    m_tree->clear();
    if (criteria)
        buildItem(*criteria, nullptr, criteria->is_array());
    m_tree->expandAll();
    m_updating = false;
}

std::optional<Json> ValidationEditor::criteria() const
{
    if (m_tree->topLevelItemCount() == 0)
        return std::nullopt;
    return readItem(m_tree->topLevelItem(0));
}

QTreeWidgetItem *ValidationEditor::buildItem(const Json &node, QTreeWidgetItem *parent,
                                             bool isList)
{
    auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(m_tree);
    item->setData(0, OriginalRole, QString::fromStdString(node.dump()));
    if (isList) {
        item->setData(0, KindRole, QStringLiteral("list"));
        item->setText(KindColumn, tr("All rules"));
        for (const Json &member : node)
            buildItem(member, item, false);
        return item;
    }
    if (isComposition(node)) {
        const std::string op = node.begin().key();
        item->setData(0, KindRole, QString::fromStdString(op));
        auto *combo = new QComboBox;
        combo->setObjectName(QStringLiteral("validationGroupOp"));
        combo->addItem(tr("all of (and)"), QStringLiteral("and"));
        combo->addItem(tr("any of (or)"), QStringLiteral("or"));
        combo->addItem(tr("not"), QStringLiteral("not"));
        combo->setCurrentIndex(combo->findData(QString::fromStdString(op)));
        m_tree->setItemWidget(item, KindColumn, combo);
        connect(combo, &QComboBox::currentIndexChanged, this, [this, item, combo] {
            item->setData(0, KindRole, combo->currentData());
            changed();
        });
        if (op == "not")
            buildItem(node["not"], item, false);
        else
            for (const Json &member : node[op])
                buildItem(member, item, false);
        return item;
    }
    if (!node.is_object() || !node.contains("type") || !node["type"].is_string()) {
        item->setData(0, KindRole, QStringLiteral("raw"));
        item->setText(KindColumn, tr("JSON"));
        auto *edit = new JsonValueEdit;
        edit->setObjectName(QStringLiteral("validationRaw"));
        edit->setValue(node);
        m_tree->setItemWidget(item, FirstColumn, edit);
        connect(edit, &JsonValueEdit::edited, this, &ValidationEditor::changed);
        return item;
    }
    item->setData(0, KindRole, QStringLiteral("rule"));
    const std::string type = node["type"].get<std::string>();
    auto *typeCombo = new QComboBox;
    typeCombo->setObjectName(QStringLiteral("validationType"));
    for (const char *t : kRuleTypes)
        typeCombo->addItem(QString::fromLatin1(t));
    if (typeCombo->findText(QString::fromStdString(type)) < 0)
        typeCombo->addItem(QString::fromStdString(type));
    typeCombo->setCurrentText(QString::fromStdString(type));
    auto *message = new QLineEdit(!node.contains("message") ? QString()
                                  : node["message"].is_string()
                                      ? QString::fromStdString(node["message"].get<std::string>())
                                      : compactJson(node["message"]));
    message->setObjectName(QStringLiteral("validationMessage"));
    message->setPlaceholderText(tr("message shown when the rule fails"));
    // The type-specific fields and the condition are values of the type the schema gives
    // them (text, number, JSON object); the editors show it and flag anything else.
    auto *first = new JsonValueEdit;
    auto *second = new JsonValueEdit;
    first->setObjectName(QStringLiteral("validationFirst"));
    second->setObjectName(QStringLiteral("validationSecond"));
    auto *cond = new JsonValueEdit;
    cond->setFixedType(ValueType::Structured);
    if (node.contains("condition"))
        cond->setValue(node["condition"]);
    cond->setObjectName(QStringLiteral("validationCondition"));
    cond->setPlaceholderText(tr("optional, e.g. {\"var\":\"x\",\"equals\":1}"));
    const auto [a, b] = fieldsOf(type);
    first->setFixedType(typeOfField(a));
    second->setFixedType(typeOfField(b));
    if (a && node.contains(a))
        first->setValue(node[a]);
    if (b && node.contains(b))
        second->setValue(node[b]);
    const auto updatePlaceholders = [first, second](const QString &t) {
        const auto [fa, fb] = fieldsOf(t.toStdString());
        first->setPlaceholderText(fa ? QString::fromLatin1(fa) : QString());
        second->setPlaceholderText(fb ? QString::fromLatin1(fb) : QString());
        first->setFixedType(typeOfField(fa));
        second->setFixedType(typeOfField(fb));
        second->setEnabled(fb != nullptr);
    };
    updatePlaceholders(typeCombo->currentText());
    m_tree->setItemWidget(item, KindColumn, typeCombo);
    m_tree->setItemWidget(item, MessageColumn, message);
    m_tree->setItemWidget(item, FirstColumn, first);
    m_tree->setItemWidget(item, SecondColumn, second);
    m_tree->setItemWidget(item, ConditionColumn, cond);
    connect(typeCombo, &QComboBox::currentTextChanged, this,
            [this, updatePlaceholders](const QString &t) {
                updatePlaceholders(t);
                changed();
            });
    connect(message, &QLineEdit::textEdited, this, &ValidationEditor::changed);
    for (JsonValueEdit *e : {first, second, cond})
        connect(e, &JsonValueEdit::edited, this, &ValidationEditor::changed);
    return item;
}

Json ValidationEditor::readItem(QTreeWidgetItem *item) const
{
    const QString kind = kindOf(item);
    if (kind == QLatin1String("list")) {
        Json list = Json::array();
        for (int i = 0; i < item->childCount(); ++i)
            list.push_back(readItem(item->child(i)));
        return list;
    }
    if (kind == QLatin1String("raw")) {
        const auto *edit = qobject_cast<JsonValueEdit *>(m_tree->itemWidget(item, FirstColumn));
        return edit ? edit->value() : Json(std::string());
    }
    if (kind != QLatin1String("rule")) {
        Json node = Json::object();
        if (kind == QLatin1String("not")) {
            node["not"] = item->childCount() > 0 ? readItem(item->child(0)) : Json::object();
        } else {
            Json members = Json::array();
            for (int i = 0; i < item->childCount(); ++i)
                members.push_back(readItem(item->child(i)));
            node[kind.toStdString()] = std::move(members);
        }
        return node;
    }
    // A rule: start from the original object so that key order and unknown keys survive.
    const ParsedJson original = parseJson(item->data(0, OriginalRole).toString().toStdString());
    Json rule = original.ok && original.value.is_object() ? original.value : Json::object();
    const auto valueEdit = [&](int column) {
        return qobject_cast<JsonValueEdit *>(m_tree->itemWidget(item, column));
    };
    const auto *typeCombo = qobject_cast<QComboBox *>(m_tree->itemWidget(item, KindColumn));
    const std::string type = typeCombo ? typeCombo->currentText().toStdString() : "contains";
    const std::string oldType = rule.contains("type") && rule["type"].is_string()
                                    ? rule["type"].get<std::string>()
                                    : std::string();
    if (oldType != type) {
        for (const char *t : kRuleTypes) {
            const auto [fa, fb] = fieldsOf(t);
            for (const char *f : {fa, fb}) {
                if (f)
                    rule.erase(f);
            }
        }
    }
    rule["type"] = type;
    const auto [a, b] = fieldsOf(type);
    // An empty field removes its key (except a contains rule's value: "" is a value there).
    const auto setOrErase = [&](const char *key, const JsonValueEdit *edit) {
        if (!key)
            return;
        if ((!edit || edit->text().trimmed().isEmpty()) && key != std::string("value"))
            rule.erase(key);
        else
            rule[key] = edit ? edit->value() : Json(std::string());
    };
    setOrErase(a, valueEdit(FirstColumn));
    setOrErase(b, valueEdit(SecondColumn));
    const auto *message = qobject_cast<QLineEdit *>(m_tree->itemWidget(item, MessageColumn));
    rule["message"] = message ? message->text().toStdString() : std::string();
    const JsonValueEdit *cond = valueEdit(ConditionColumn);
    if (!cond || cond->text().trimmed().isEmpty())
        rule.erase("condition");
    else
        rule["condition"] = cond->value();
    return rule;
}

void ValidationEditor::addRule()
{
    std::optional<Json> cur = criteria();
    Json updated;
    if (!cur) {
        updated = Json::array({newRuleJson()});
    } else {
        updated = *cur;
        QTreeWidgetItem *item = m_tree->selectedItems().isEmpty()
                                    ? m_tree->topLevelItem(0)
                                    : m_tree->selectedItems().first();
        while (item && kindOf(item) != QLatin1String("list") && kindOf(item) != QLatin1String("and")
               && kindOf(item) != QLatin1String("or"))
            item = item->parent();
        Json *node = item ? nodeAt(updated, pathOf(item)) : nullptr;
        Json *members = node ? membersOf(*node) : nullptr;
        if (members)
            members->push_back(newRuleJson());
        else
            updated = Json::array({*cur, newRuleJson()});
    }
    rebuild(updated);
    changed();
}

void ValidationEditor::addGroup(const QString &op)
{
    Json group = Json::object();
    group[op.toStdString()] = Json::array({newRuleJson()});
    std::optional<Json> cur = criteria();
    Json updated;
    if (!cur) {
        updated = group;
    } else {
        updated = *cur;
        QTreeWidgetItem *item = m_tree->selectedItems().isEmpty()
                                    ? m_tree->topLevelItem(0)
                                    : m_tree->selectedItems().first();
        while (item && kindOf(item) != QLatin1String("list") && kindOf(item) != QLatin1String("and")
               && kindOf(item) != QLatin1String("or"))
            item = item->parent();
        Json *node = item ? nodeAt(updated, pathOf(item)) : nullptr;
        Json *members = node ? membersOf(*node) : nullptr;
        if (members)
            members->push_back(group);
        else
            updated = Json::array({*cur, group});
    }
    rebuild(updated);
    changed();
}

void ValidationEditor::removeSelected()
{
    if (m_tree->selectedItems().isEmpty())
        return;
    QTreeWidgetItem *item = m_tree->selectedItems().first();
    while (item->parent() && kindOf(item->parent()) == QLatin1String("not"))
        item = item->parent();
    if (!item->parent()) {
        m_tree->clear();
        changed();
        return;
    }
    std::optional<Json> cur = criteria();
    if (!cur)
        return;
    Json updated = *cur;
    const std::vector<int> path = pathOf(item);
    Json *parent = nodeAt(updated, std::vector<int>(path.begin(), path.end() - 1));
    Json *members = parent ? membersOf(*parent) : nullptr;
    if (!members)
        return;
    members->erase(members->begin() + path.back());
    rebuild(updated);
    changed();
}

void ValidationEditor::changed()
{
    if (!m_updating)
        emit edited();
}

} // namespace wfs::studio
