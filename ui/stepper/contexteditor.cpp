// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "contexteditor.h"

#include "model/valuetext.h"
#include "ui/common/jsonvalueedit.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSet>
#include <QTableWidget>
#include <QVBoxLayout>

namespace wfs::studio {

namespace {

// The error of a cell, for people: "invalid JSON value at 1:7: …" or "\"ten\" is not a number".
QString describeCellError(const std::string &error)
{
    const QString e = QString::fromStdString(error);
    if (!e.isEmpty() && e.front().isDigit())
        return ContextEditor::tr("invalid JSON value at %1").arg(e);
    return e;
}

} // namespace

ContextEditor::ContextEditor(QWidget *parent)
    : QWidget(parent)
    , m_table(new QTableWidget(0, 2, this))
    , m_error(new QLabel(this))
    , m_buttons(new QWidget(this))
    , m_showInternal(new QCheckBox(this))
{
    m_showInternal->setObjectName(QStringLiteral("contextShowInternal"));
    m_showInternal->setToolTip(tr("Variables whose names start with “_” are the engine's "
                                  "bookkeeping (loop state, warnings): sent back as they are"));
    connect(m_showInternal, &QCheckBox::toggled, this, [this] { applyFilter(); });
    m_table->setObjectName(QStringLiteral("contextTable"));
    m_table->setHorizontalHeaderLabels({tr("Variable"), tr("Value")});
    m_table->setItemDelegateForColumn(1, new JsonValueDelegate(m_table));
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->setVisible(false);
    m_table->setToolTip(tr("The context the agent sends back with the next workflow_next call. "
                           "Values: text (Large), 42, true, null, [1, 2], {\"a\": 1}; pick "
                           "“text” in the value's type box to make true or 42 a string."));
    m_error->setObjectName(QStringLiteral("contextError"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d32f2f"));
    m_error->hide();

    auto *add = new QPushButton(tr("Add Variable"), m_buttons);
    auto *remove = new QPushButton(tr("Remove"), m_buttons);
    auto *buttons = new QHBoxLayout(m_buttons);
    buttons->setContentsMargins(0, 0, 0, 0);
    buttons->addWidget(add);
    buttons->addWidget(remove);
    buttons->addStretch();
    connect(add, &QPushButton::clicked, this, [this] {
        addRow(QString(), QString());
        m_table->setCurrentCell(m_table->rowCount() - 1, 0);
        m_table->editItem(m_table->item(m_table->rowCount() - 1, 0));
        revalidate();
        emit edited();
    });
    connect(remove, &QPushButton::clicked, this, [this] {
        const int row = m_table->currentRow();
        if (row >= 0) {
            m_table->removeRow(row);
            revalidate();
            emit edited();
        }
    });
    connect(m_table, &QTableWidget::itemChanged, this, [this] {
        if (m_loading)
            return;
        revalidate();
        emit edited();
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_showInternal, 0, Qt::AlignRight);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    applyFilter();
}

void ContextEditor::applyFilter()
{
    int internal = 0;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const bool hidden =
            m_table->item(row, 0) && m_table->item(row, 0)->text().startsWith(QLatin1Char('_'));
        internal += hidden ? 1 : 0;
        m_table->setRowHidden(row, hidden && !m_showInternal->isChecked());
    }
    m_showInternal->setText(tr("Internal variables (%1)").arg(internal));
    m_showInternal->setEnabled(internal > 0 || m_showInternal->isChecked());
}

void ContextEditor::addRow(const QString &name, const QString &text, ValueType type)
{
    const bool wasLoading = m_loading;
    m_loading = true;
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    auto *value = new QTableWidgetItem(text);
    value->setData(JsonValueDelegate::TypeRole, static_cast<int>(type));
    m_table->setItem(row, 1, value);
    m_loading = wasLoading;
}

void ContextEditor::setContext(const Json &context)
{
    m_loading = true;
    m_table->setRowCount(0);
    if (context.is_object()) {
        for (auto it = context.begin(); it != context.end(); ++it) {
            const ValueDisplay d = displayValue(it.value());
            addRow(QString::fromStdString(it.key()), QString::fromStdString(d.text),
                   d.pinned ? d.type : ValueType::Auto);
        }
    }
    m_loading = false;
    revalidate();
    applyFilter();
}

void ContextEditor::setVariable(const QString &name, const QString &text)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, 0) && m_table->item(row, 0)->text() == name) {
            m_loading = true;
            m_table->item(row, 1)->setData(JsonValueDelegate::TypeRole,
                                           static_cast<int>(ValueType::Auto));
            m_loading = false;
            m_table->item(row, 1)->setText(text);
            return;
        }
    }
    addRow(name, text);
    revalidate();
    emit edited();
}

void ContextEditor::removeVariable(const QString &name)
{
    for (int row = m_table->rowCount() - 1; row >= 0; --row) {
        if (m_table->item(row, 0) && m_table->item(row, 0)->text() == name)
            m_table->removeRow(row);
    }
    revalidate();
    emit edited();
}

void ContextEditor::setReadOnly(bool readOnly)
{
    m_table->setEditTriggers(readOnly ? QAbstractItemView::NoEditTriggers
                                      : QAbstractItemView::DoubleClicked |
                                            QAbstractItemView::EditKeyPressed |
                                            QAbstractItemView::AnyKeyPressed);
    m_buttons->setVisible(!readOnly);
}

Result<Json> ContextEditor::value() const
{
    Json out = Json::object();
    QSet<QString> names;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        const QString name =
            m_table->item(row, 0) ? m_table->item(row, 0)->text().trimmed() : QString();
        if (name.isEmpty())
            return Result<Json>::failure(
                tr("Row %1: the variable needs a name.").arg(row + 1).toStdString());
        if (names.contains(name))
            return Result<Json>::failure(
                tr("Row %1: variable “%2” appears twice.").arg(row + 1).arg(name).toStdString());
        names.insert(name);
        Result<Json> v = m_table->item(row, 1)
                             ? JsonValueDelegate::cellValue(m_table->model()->index(row, 1))
                             : Result<Json>(Json(std::string()));
        if (!v)
            return Result<Json>::failure(tr("Row %1 (“%2”): %3")
                                             .arg(row + 1)
                                             .arg(name, describeCellError(v.error()))
                                             .toStdString());
        out[name.toStdString()] = std::move(*v);
    }
    return out;
}

void ContextEditor::revalidate()
{
    const bool wasLoading = m_loading;
    m_loading = true;
    QStringList errors;
    for (int row = 0; row < m_table->rowCount(); ++row) {
        QTableWidgetItem *valueItem = m_table->item(row, 1);
        if (!valueItem)
            continue;
        const Result<Json> v = JsonValueDelegate::cellValue(m_table->model()->index(row, 1));
        if (v) {
            valueItem->setData(Qt::BackgroundRole, QVariant());
            valueItem->setToolTip(QString());
        } else {
            const QString message = describeCellError(v.error());
            valueItem->setData(Qt::BackgroundRole, QColor(0xd3, 0x2f, 0x2f, 60));
            valueItem->setToolTip(message);
        }
    }
    const Result<Json> all = value();
    if (!all)
        errors << QString::fromStdString(all.error());
    m_error->setText(errors.join(QLatin1Char('\n')));
    m_error->setVisible(!errors.isEmpty());
    m_loading = wasLoading;
}

} // namespace wfs::studio
