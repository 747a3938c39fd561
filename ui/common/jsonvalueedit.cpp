// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "jsonvalueedit.h"

#include "ui/jsonview/jsonhighlighter.h"

#include <QApplication>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPainter>
#include <QPointer>
#include <QStyleOptionComboBox>

namespace wfs::studio {

namespace {

const ValueType kTypes[] = {ValueType::String, ValueType::Number, ValueType::Boolean,
                            ValueType::Null, ValueType::Structured};

QString trimmedText(const QString &text)
{
    return text.trimmed();
}

// The type a text reads as when the type follows the text; broken JSON counts as what it
// started to be (a quoted string or an object/array).
ValueType detectedType(const QString &text)
{
    const Result<Json> v = parseValueText(text.toStdString(), ValueType::Auto);
    if (v)
        return valueTypeOf(*v);
    return trimmedText(text).startsWith(QLatin1Char('"')) ? ValueType::String
                                                          : ValueType::Structured;
}

QColor mixed(const QColor &a, const QColor &b, qreal t)
{
    return QColor::fromRgbF(a.redF() * (1 - t) + b.redF() * t,
                            a.greenF() * (1 - t) + b.greenF() * t,
                            a.blueF() * (1 - t) + b.blueF() * t);
}

} // namespace

JsonValueEdit::JsonValueEdit(QWidget *parent)
    : QWidget(parent)
    , m_edit(new QLineEdit(this))
    , m_type(new QComboBox(this))
{
    m_edit->setObjectName(QStringLiteral("jsonValueText"));
    m_type->setObjectName(QStringLiteral("jsonValueType"));
    // The box is narrow (value fields sit in narrow columns): a sign for each type, its name
    // in the tooltip and in the list.
    for (ValueType t : kTypes) {
        m_type->addItem(typeSign(t), static_cast<int>(t));
        m_type->setItemData(m_type->count() - 1, typeLabel(t), Qt::ToolTipRole);
    }
    // As narrow as its longest sign allows (the size policy would reserve room for an icon).
    {
        QStyleOptionComboBox opt;
        opt.initFrom(m_type);
        const QSize text(m_type->fontMetrics().horizontalAdvance(QStringLiteral("null")),
                         m_type->fontMetrics().height());
        m_type->setFixedWidth(
            m_type->style()->sizeFromContents(QStyle::CT_ComboBox, &opt, text, m_type).width() + 4);
    }
    m_typeHelp = tr("The value's JSON type: abc text, 123 number, t/f true or false, null, "
                    "{ } object or array. It follows what you type (Large is text, true a "
                    "boolean, 3 a number, \"3\" text) until you pick one here: pick abc to "
                    "make true or 3 a string.");
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_type);
    setFocusProxy(m_edit);
    setAutoFillBackground(true);

    connect(m_edit, &QLineEdit::textEdited, this, [this] {
        refresh();
        emit edited();
    });
    connect(m_type, &QComboBox::activated, this, [this](int index) {
        chooseType(static_cast<ValueType>(m_type->itemData(index).toInt()));
        m_edit->setFocus(Qt::OtherFocusReason);
        emit edited();
    });
    // Focus moving between the line and the type box is not the end of the edit.
    connect(m_edit, &QLineEdit::editingFinished, this, [this] {
        if (!focusInside())
            emit editingFinished();
    });
    refresh();
}

QString JsonValueEdit::typeLabel(ValueType type)
{
    switch (type) {
    case ValueType::String:
        return tr("text");
    case ValueType::Number:
        return tr("number");
    case ValueType::Boolean:
        return tr("true/false");
    case ValueType::Null:
        return tr("null");
    case ValueType::Structured:
        return tr("JSON");
    case ValueType::Auto:
        break;
    }
    return tr("auto");
}

QString JsonValueEdit::typeSign(ValueType type)
{
    switch (type) {
    case ValueType::String:
        return QStringLiteral("abc");
    case ValueType::Number:
        return QStringLiteral("123");
    case ValueType::Boolean:
        return QStringLiteral("t/f");
    case ValueType::Null:
        return QStringLiteral("null");
    case ValueType::Structured:
        return QStringLiteral("{ }");
    case ValueType::Auto:
        break;
    }
    return QString();
}

QColor JsonValueEdit::typeColor(ValueType type, const QPalette &palette)
{
    switch (type) {
    case ValueType::String:
        return jsonSyntaxColor(palette, JsonSyntax::String);
    case ValueType::Number:
        return jsonSyntaxColor(palette, JsonSyntax::Number);
    case ValueType::Boolean:
    case ValueType::Null:
        return jsonSyntaxColor(palette, JsonSyntax::Literal);
    case ValueType::Structured:
    case ValueType::Auto:
        break;
    }
    return palette.color(QPalette::Text);
}

void JsonValueEdit::setValue(const Json &value)
{
    const ValueDisplay d = displayValue(value);
    setText(QString::fromStdString(d.text), d.pinned ? d.type : ValueType::Auto);
}

void JsonValueEdit::setText(const QString &text, ValueType type)
{
    if (!m_fixed)
        m_held = type;
    if (m_edit->text() != text) {
        m_edit->setText(text);
        m_edit->setCursorPosition(0);
    }
    refresh();
}

Json JsonValueEdit::value() const
{
    const Result<Json> v = parseValueText(m_edit->text().toStdString(), m_held);
    return v ? *v : Json(m_edit->text().toStdString());
}

QString JsonValueEdit::error() const
{
    const Result<Json> v = parseValueText(m_edit->text().toStdString(), m_held);
    return v ? QString() : QString::fromStdString(v.error());
}

QString JsonValueEdit::text() const
{
    return m_edit->text();
}

ValueType JsonValueEdit::shownType() const
{
    return m_held != ValueType::Auto ? m_held : detectedType(m_edit->text());
}

void JsonValueEdit::chooseType(ValueType type)
{
    if (m_fixed)
        return;
    // The text is kept (passing over a type while picking one loses nothing); only a quoted
    // string picked as text drops its quotes: "3" becomes the text 3.
    const QString text = m_edit->text();
    if (type == ValueType::String && trimmedText(text).startsWith(QLatin1Char('"'))) {
        const Result<Json> quoted = parseValueText(text.toStdString(), ValueType::Auto);
        if (quoted && quoted->is_string())
            m_edit->setText(QString::fromStdString(quoted->get<std::string>()));
    }
    m_held = type;
    refresh();
}

void JsonValueEdit::setFixedType(ValueType type)
{
    m_fixed = type != ValueType::Auto;
    m_held = type;
    // A type the field cannot change is not offered; the text's colour still shows it.
    m_type->setHidden(m_fixed);
    refresh();
}

void JsonValueEdit::setPlaceholderText(const QString &text)
{
    m_edit->setPlaceholderText(text);
}

void JsonValueEdit::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)
        refresh();
    QWidget::changeEvent(event);
}

void JsonValueEdit::refresh()
{
    const ValueType shown = shownType();
    m_type->setCurrentIndex(m_type->findData(static_cast<int>(shown)));
    m_type->setToolTip(tr("%1 value").arg(typeLabel(shown)) + QStringLiteral("\n\n") + m_typeHelp);
    const QString why = error();
    const QPalette base = palette();
    QPalette pal = m_edit->palette();
    pal.setColor(QPalette::Text,
                 why.isEmpty() ? typeColor(shown, base) : base.color(QPalette::Text));
    pal.setColor(QPalette::Base,
                 why.isEmpty() ? base.color(QPalette::Base)
                               : mixed(base.color(QPalette::Base), QColor(0xd3, 0x2f, 0x2f), 0.22));
    m_edit->setPalette(pal);
    m_edit->setToolTip(why.isEmpty() ? tr("%1 value").arg(typeLabel(shown))
                                     : tr("Not a valid value: %1").arg(why));
}

bool JsonValueEdit::focusInside() const
{
    // The type box's popup is a window of its own; walk up through windows too.
    // Without an active window, the window's own focus widget says where the focus is.
    const QWidget *focus =
        QApplication::focusWidget() ? QApplication::focusWidget() : window()->focusWidget();
    for (const QWidget *w = focus; w; w = w->parentWidget()) {
        if (w == this)
            return true;
    }
    return false;
}

// --- JsonValueDelegate --------------------------------------------------------------------

JsonValueDelegate::JsonValueDelegate(QObject *parent)
    : QStyledItemDelegate(parent)
{}

Result<Json> JsonValueDelegate::cellValue(const QModelIndex &index)
{
    const QVariant held = index.data(TypeRole);
    return parseValueText(index.data(Qt::EditRole).toString().toStdString(),
                          held.isValid() ? static_cast<ValueType>(held.toInt()) : ValueType::Auto);
}

std::pair<QString, QString> JsonValueDelegate::cellDisplay(const QModelIndex &index)
{
    const Result<Json> v = cellValue(index);
    if (!v)
        return {index.data(Qt::EditRole).toString(), QString()};
    return {QString::fromStdString(valueLabel(*v)), JsonValueEdit::typeLabel(valueTypeOf(*v))};
}

QWidget *JsonValueDelegate::createEditor(QWidget *parent, const QStyleOptionViewItem &,
                                         const QModelIndex &) const
{
    auto *editor = new JsonValueEdit(parent);
    // The view commits when Return is pressed or the current cell changes; this covers the
    // focus leaving the table altogether (the line, not the editor, loses the focus).
    // Checked once events settle: when the view closes the editor itself (Return, another
    // cell), it takes the focus first, and the editor is hidden by then.
    connect(editor, &JsonValueEdit::editingFinished, this, [this, editor] {
        QMetaObject::invokeMethod(
            const_cast<JsonValueDelegate *>(this),
            [this, guard = QPointer<JsonValueEdit>(editor)] {
                if (!guard || !guard->isVisible())
                    return;
                emit const_cast<JsonValueDelegate *>(this)->commitData(guard);
                emit const_cast<JsonValueDelegate *>(this)->closeEditor(guard);
            },
            Qt::QueuedConnection);
    });
    return editor;
}

void JsonValueDelegate::setEditorData(QWidget *editor, const QModelIndex &index) const
{
    auto *e = static_cast<JsonValueEdit *>(editor);
    const QVariant held = index.data(TypeRole);
    e->setText(index.data(Qt::EditRole).toString(),
               held.isValid() ? static_cast<ValueType>(held.toInt()) : ValueType::Auto);
}

void JsonValueDelegate::setModelData(QWidget *editor, QAbstractItemModel *model,
                                     const QModelIndex &index) const
{
    // Both read first: the view puts the model's data back into an open editor on each change.
    const auto *e = static_cast<JsonValueEdit *>(editor);
    const QString text = e->text();
    const int held = static_cast<int>(e->heldType());
    model->setData(index, held, TypeRole);
    model->setData(index, text, Qt::EditRole);
}

void JsonValueDelegate::updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                                             const QModelIndex &) const
{
    editor->setGeometry(option.rect);
}

void JsonValueDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const
{
    const Result<Json> v = cellValue(index);
    if (!v) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const ValueType type = valueTypeOf(*v);
    const auto [label, tag] = cellDisplay(index);
    const bool selected = opt.state & QStyle::State_Selected;
    const QRect textRect =
        style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(2, 0, -4, 0);
    QFont tagFont = opt.font;
    tagFont.setPointSizeF(tagFont.pointSizeF() * 0.85);
    const int tagWidth = QFontMetrics(tagFont).horizontalAdvance(tag);
    painter->save();
    painter->setFont(tagFont);
    painter->setPen(
        opt.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
    painter->drawText(textRect, Qt::AlignRight | Qt::AlignVCenter, tag);
    painter->setFont(opt.font);
    painter->setPen(selected ? opt.palette.color(QPalette::HighlightedText)
                             : JsonValueEdit::typeColor(type, opt.palette));
    const QRect valueRect = textRect.adjusted(0, 0, -(tagWidth + 8), 0);
    painter->drawText(valueRect, Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetrics(opt.font).elidedText(label, Qt::ElideRight, valueRect.width()));
    painter->restore();
}

} // namespace wfs::studio
