// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The one editor of a JSON value (condition operands, validation rule fields, the stepper's
// context table): a line for the text and a type box next to it (text "abc", number "123",
// true/false "t/f", null, JSON "{ }"). The type follows what is typed (model/valuetext.h: `Large`
// is text, `true` a boolean, `"true"` text, `3` a number) until the user picks one, which then
// holds: picking "text" makes `true` the string "true". The text is coloured like JSON syntax by
// type, so the string "true" and the boolean true never look alike. Text that is not a valid value
// of the chosen type is framed red with the reason in the tooltip; value() then keeps the text as a
// string, so nothing typed is lost.
//
// JsonValueDelegate puts the same editor into item views and paints values in JSON notation
// (strings quoted) with the type's colour and name.
#pragma once

#include "model/json.h"
#include "model/valuetext.h"

#include <QStyledItemDelegate>
#include <QWidget>

#include <utility>

class QComboBox;
class QLineEdit;

namespace wfs::studio {

class JsonValueEdit : public QWidget
{
    Q_OBJECT
public:
    explicit JsonValueEdit(QWidget *parent = nullptr);

    // Shows a value (display rule of model/valuetext.h); the type is held when the bare text
    // would read back as something else. Emits nothing.
    void setValue(const Json &value);
    // Shows `text` read as `type` (Auto: the type follows the text). Emits nothing.
    void setText(const QString &text, ValueType type = ValueType::Auto);

    // The value; when the text is not a valid value of the chosen type, the text as a string.
    Json value() const;
    // Why the text is not a valid value ("" when it is).
    QString error() const;
    QString text() const;
    // The type shown (never Auto) and the type held (Auto when the type follows the text).
    ValueType shownType() const;
    ValueType heldType() const { return m_held; }
    // What the user picks in the type box: holds `type` (Auto lets it follow the text again).
    // The text stays as it is (a quoted string picked as text loses its quotes); text that
    // does not fit the type is flagged.
    void chooseType(ValueType type);
    // Only values of `type` are allowed (the type box is hidden): String for fields the schema
    // types as strings, Number for numeric ones, Structured for objects. Auto lifts it.
    void setFixedType(ValueType type);

    QLineEdit *lineEdit() const { return m_edit; }
    QComboBox *typeBox() const { return m_type; }
    void setPlaceholderText(const QString &text);

    // The type names ("text", "number", "true/false", "null", "JSON"), translated, and the
    // signs the narrow type box shows for them ("abc", "123", "t/f", "null", "{ }").
    static QString typeLabel(ValueType type);
    static QString typeSign(ValueType type);
    // The colour values of `type` are written in (JSON syntax colours of `palette`).
    static QColor typeColor(ValueType type, const QPalette &palette);

signals:
    // The user changed the text or the type.
    void edited();
    // The user is done with the line: Return, or the focus left the editor (not for its own
    // type box).
    void editingFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    bool focusInside() const;

    QLineEdit *m_edit;
    QComboBox *m_type;
    QString m_typeHelp;
    ValueType m_held = ValueType::Auto;
    bool m_fixed = false;
};

// Item views: the model holds the typed text (Qt::EditRole) and the held type (TypeRole, an
// int of ValueType; absent = Auto). Cells paint the value in JSON notation in its type's colour
// with the type's name on the right; text that is not a valid value paints as typed.
class JsonValueDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    static constexpr int TypeRole = Qt::UserRole + 40;
    explicit JsonValueDelegate(QObject *parent = nullptr);

    // The value of a cell (parse rule on its text and held type).
    static Result<Json> cellValue(const QModelIndex &index);
    // What a cell shows: the value in JSON notation ("High" quoted, true bare) and its type's
    // name; the text as typed and "" for text that is not a valid value.
    static std::pair<QString, QString> cellDisplay(const QModelIndex &index);

    QWidget *createEditor(QWidget *parent, const QStyleOptionViewItem &option,
                          const QModelIndex &index) const override;
    void setEditorData(QWidget *editor, const QModelIndex &index) const override;
    void setModelData(QWidget *editor, QAbstractItemModel *model,
                      const QModelIndex &index) const override;
    void updateEditorGeometry(QWidget *editor, const QStyleOptionViewItem &option,
                              const QModelIndex &index) const override;
    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
};

} // namespace wfs::studio
