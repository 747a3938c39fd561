// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "inspectorwidget.h"

#include "conditioneditor.h"
#include "model/jsonio.h"
#include "ui/document/commands.h"
#include "ui/document/conditiontext.h"
#include "ui/document/workflowdocument.h"
#include "validationeditor.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QScrollArea>
#include <QScrollBar>
#include <QVBoxLayout>

namespace wfs::studio {

namespace {

// Narrower than this, the form puts its labels above the fields.
constexpr int kNarrowWidth = 400;

std::optional<Json> fieldOf(const Json &owner, const std::string &field)
{
    try {
        const Json::json_pointer p(field);
        if (owner.is_object() && owner.contains(p))
            return owner.at(p);
    } catch (const Json::exception &) {
    }
    return std::nullopt;
}

QString plain(const std::optional<Json> &v)
{
    if (!v)
        return {};
    return v->is_string() ? QString::fromStdString(v->get<std::string>()) : compactJson(*v);
}

void setPlainTextKeepingCursor(QPlainTextEdit *edit, const QString &text)
{
    if (edit->toPlainText() == text)
        return;
    const int pos = edit->textCursor().position();
    edit->setPlainText(text);
    QTextCursor c = edit->textCursor();
    c.setPosition(std::min(pos, static_cast<int>(text.size())));
    edit->setTextCursor(c);
}

} // namespace

InspectorWidget::InspectorWidget(WorkflowDocument &doc, QWidget *parent)
    : QWidget(parent)
    , m_doc(doc)
    , m_scroll(new QScrollArea(this))
    , m_header(new QLabel(this))
{
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    QFont f = m_header->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    m_header->setFont(f);
    m_header->setContentsMargins(6, 6, 6, 2);
    m_header->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long id wraps instead of widening the dock (and narrowing the canvas).
    m_header->setWordWrap(true);
    m_header->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_header);
    layout->addWidget(m_scroll);
    connect(&m_doc, &WorkflowDocument::contentsChanged, this, [this] {
        if (kindOf(targetValue()) != m_kind)
            rebuildForm();
        else
            refresh();
    });
    setTarget({});
}

InspectorWidget::~InspectorWidget() = default;

Json InspectorWidget::targetValue() const
{
    if (m_target.empty())
        return m_doc.json();
    return m_doc.valueAt(m_target);
}

InspectorWidget::Kind InspectorWidget::kindOf(const Json &value) const
{
    if (!value.is_object())
        return Kind::None;
    if (m_target.empty())
        return Kind::Workflow;
    return WorkflowDocument::isLoop(value) ? Kind::Loop : Kind::Step;
}

void InspectorWidget::setTarget(const std::string &pointer)
{
    if (pointer == m_target && m_form && kindOf(targetValue()) == m_kind)
        return;
    m_target = pointer;
    rebuildForm();
}

QWidget *InspectorWidget::fieldWidget(const std::string &field) const
{
    for (const Binding &b : m_bindings) {
        if (b.field == field)
            return b.widget;
    }
    return nullptr;
}

bool InspectorWidget::focusField(const std::string &field)
{
    const Binding *best = nullptr;
    for (const Binding &b : m_bindings) {
        if ((field == b.field || field.rfind(b.field + "/", 0) == 0)
            && (!best || b.field.size() > best->field.size()))
            best = &b;
    }
    if (!best)
        return false;
    QWidget *w = best->widget;
    m_scroll->ensureWidgetVisible(w);
    if (auto *cond = qobject_cast<ConditionEditor *>(w))
        w = cond->tree();
    else if (auto *val = qobject_cast<ValidationEditor *>(w))
        w = val->tree();
    w->setFocus(Qt::OtherFocusReason);
    return true;
}

void InspectorWidget::resizeEvent(QResizeEvent *event)
{
    QWidget::resizeEvent(event);
    updateRowWrap();
}

void InspectorWidget::updateRowWrap()
{
    if (!m_layout)
        return;
    const QFormLayout::RowWrapPolicy policy =
        width() < kNarrowWidth ? QFormLayout::WrapAllRows : QFormLayout::WrapLongRows;
    if (m_layout->rowWrapPolicy() != policy)
        m_layout->setRowWrapPolicy(policy);
}

void InspectorWidget::keepFormWidth()
{
    // The dock is never narrower than the form with its labels above the fields: it does not
    // scroll sideways (the editors' button rows are the widest; wider still in German).
    int narrowest = 0;
    for (int row = 0; row < m_layout->rowCount(); ++row) {
        for (const auto role :
             {QFormLayout::LabelRole, QFormLayout::FieldRole, QFormLayout::SpanningRole}) {
            if (QLayoutItem *item = m_layout->itemAt(row, role); item && !item->isEmpty())
                narrowest = std::max(narrowest, item->minimumSize().width());
        }
    }
    const QMargins margins = m_layout->contentsMargins();
    m_scroll->setMinimumWidth(narrowest + margins.left() + margins.right() +
                              m_scroll->verticalScrollBar()->sizeHint().width() +
                              2 * m_scroll->frameWidth());
}

void InspectorWidget::rebuildForm()
{
    m_bindings.clear();
    if (QWidget *old = m_scroll->takeWidget())
        old->deleteLater();
    auto *form = new QWidget;
    m_form = form;
    m_layout = new QFormLayout(form);
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const Json value = targetValue();
    m_kind = kindOf(value);
    const QString id = value.is_object() && value.contains("id") ? plain(value["id"]) : QString();

    switch (m_kind) {
    case Kind::None:
        m_header->setText(tr("Nothing selected"));
        break;
    case Kind::Workflow:
        m_header->setText(tr("Workflow · %1").arg(id));
        addLine(tr("Id"), "/id", false, tr("lowercase-with-dashes"));
        addLine(tr("Name"), "/name", false);
        addText(tr("Description"), "/description", false, 3);
        addLine(tr("Version"), "/version", false, tr("SemVer, e.g. 1.0.0"));
        addStringList(tr("Preconditions"), "/preconditions");
        addStringList(tr("Clarification prompts"), "/clarificationPrompts");
        addStringList(tr("Meta guidance"), "/metaGuidance");
        addJson(tr("Function definitions"), "/functionDefinitions");
        break;
    case Kind::Step:
        m_header->setText(tr("Step · %1").arg(id));
        addLine(tr("Id"), "/id", false, tr("lowercase-with-dashes"));
        addLine(tr("Title"), "/title", false);
        addText(tr("Prompt"), "/prompt", false, 8);
        addText(tr("Agent role"), "/agentRole", true, 3);
        addStringList(tr("Guidance"), "/guidance");
        addBool(tr("Ask for files"), "/askForFiles");
        addBool(tr("Has validation"), "/hasValidation");
        addConfirmation(tr("Require confirmation"), "/requireConfirmation");
        addSection(tr("Run condition"));
        addCondition(tr("Run only when"), "/runCondition");
        addSection(tr("Validation"));
        addValidation(tr("Validation criteria"), "/validationCriteria");
        addSection(tr("Functions"));
        addStringList(tr("Function references"), "/functionReferences");
        addJson(tr("Function definitions"), "/functionDefinitions");
        addJson(tr("Function calls"), "/functionCalls");
        break;
    case Kind::Loop: {
        m_header->setText(tr("Loop · %1").arg(id));
        addLine(tr("Id"), "/id", false, tr("lowercase-with-dashes"));
        addLine(tr("Title"), "/title", false);
        addChoice(tr("Loop type"), "/loop/type",
                  {QStringLiteral("while"), QStringLiteral("until"), QStringLiteral("for"),
                   QStringLiteral("forEach")});
        addNumberOrText(tr("Max iterations"), "/loop/maxIterations", tr("1–1000"));
        addCondition(tr("Condition"), "/loop/condition");
        addNumberOrText(tr("Count"), "/loop/count", tr("a number or a context variable name"));
        addLine(tr("Items"), "/loop/items", true, tr("context variable holding an array"));
        addLine(tr("Iteration variable"), "/loop/iterationVar", true, tr("currentIteration"));
        addLine(tr("Item variable"), "/loop/itemVar", true, tr("currentItem"));
        addLine(tr("Index variable"), "/loop/indexVar", true, tr("currentIndex"));
        if (value.contains("body") && value["body"].is_string())
            addLine(tr("Body step id"), "/body", false);
        addConfirmation(tr("Require confirmation"), "/requireConfirmation");
        addSection(tr("Run condition"));
        addCondition(tr("Run only when"), "/runCondition");
        addJson(tr("Function definitions"), "/functionDefinitions");
        break;
    }
    }
    m_scroll->setWidget(form);
    updateRowWrap();
    keepFormWidth();
    refresh();
}

void InspectorWidget::refresh()
{
    const Json owner = targetValue();
    if (owner.is_object() && owner.contains("id")) {
        const QString id = plain(owner["id"]);
        const QString text = m_header->text();
        const int dot = text.indexOf(QStringLiteral(" · "));
        if (dot >= 0)
            m_header->setText(text.left(dot + 3) + id);
    }
    m_updating = true;
    for (const Binding &b : m_bindings) {
        const std::optional<Json> current = fieldOf(owner, b.field);
        if (b.read() != current)
            b.write(current);
    }
    m_updating = false;
}

void InspectorWidget::commit(const Binding &binding)
{
    if (m_updating)
        return;
    const Json owner = targetValue();
    if (!owner.is_object())
        return;
    const std::optional<Json> value = binding.read();
    if (value == fieldOf(owner, binding.field))
        return;
    m_doc.undoStack()->push(new SetFieldCommand(&m_doc, m_target, binding.field, value));
}

void InspectorWidget::addRow(const QString &label, QWidget *widget, Binding binding)
{
    binding.widget = widget;
    widget->setObjectName(QString::fromStdString(binding.field));
    m_layout->addRow(label, widget);
    m_bindings.push_back(std::move(binding));
}

void InspectorWidget::watchFocus(QWidget *w)
{
    w->installEventFilter(this);
}

bool InspectorWidget::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::FocusOut)
        m_doc.breakMerge();
    return QWidget::eventFilter(watched, event);
}

void InspectorWidget::addSection(const QString &title)
{
    auto *label = new QLabel(title);
    QFont f = label->font();
    f.setBold(true);
    label->setFont(f);
    label->setContentsMargins(0, 8, 0, 0);
    m_layout->addRow(label);
}

void InspectorWidget::addLine(const QString &label, const std::string &field,
                              bool removeWhenEmpty, const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    watchFocus(edit);
    Binding b{field, edit,
              [edit, removeWhenEmpty]() -> std::optional<Json> {
                  if (removeWhenEmpty && edit->text().isEmpty())
                      return std::nullopt;
                  return Json(edit->text().toStdString());
              },
              [edit](const std::optional<Json> &v) {
                  if (edit->text() != plain(v)) {
                      edit->setText(plain(v));
                      if (!edit->hasFocus())
                          edit->setCursorPosition(0); // show the start of long titles
                  }
              }};
    addRow(label, edit, b);
    connect(edit, &QLineEdit::textEdited, this, [this, b] { commit(b); });
}

void InspectorWidget::addNumberOrText(const QString &label, const std::string &field,
                                      const QString &placeholder)
{
    auto *edit = new QLineEdit;
    edit->setPlaceholderText(placeholder);
    watchFocus(edit);
    Binding b{field, edit,
              [edit]() -> std::optional<Json> {
                  const QString t = edit->text().trimmed();
                  if (t.isEmpty())
                      return std::nullopt;
                  const ParsedJson parsed = parseJson(t.toStdString());
                  if (parsed.ok && parsed.value.is_number())
                      return parsed.value;
                  return Json(edit->text().toStdString());
              },
              [edit](const std::optional<Json> &v) { edit->setText(plain(v)); }};
    addRow(label, edit, b);
    connect(edit, &QLineEdit::textEdited, this, [this, b] { commit(b); });
}

void InspectorWidget::addText(const QString &label, const std::string &field, bool removeWhenEmpty,
                              int lines)
{
    auto *edit = new QPlainTextEdit;
    edit->setTabChangesFocus(true);
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * lines + 12);
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * (lines * 2) + 12);
    watchFocus(edit);
    Binding b{field, edit,
              [edit, removeWhenEmpty]() -> std::optional<Json> {
                  if (removeWhenEmpty && edit->toPlainText().isEmpty())
                      return std::nullopt;
                  return Json(edit->toPlainText().toStdString());
              },
              [edit](const std::optional<Json> &v) { setPlainTextKeepingCursor(edit, plain(v)); }};
    addRow(label, edit, b);
    connect(edit, &QPlainTextEdit::textChanged, this, [this, b] { commit(b); });
}

void InspectorWidget::addStringList(const QString &label, const std::string &field)
{
    auto *edit = new QPlainTextEdit;
    edit->setTabChangesFocus(true);
    edit->setPlaceholderText(tr("one entry per line"));
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 8 + 12);
    watchFocus(edit);
    Binding b{field, edit,
              [edit]() -> std::optional<Json> {
                  const QStringList lines = edit->toPlainText().split(QLatin1Char('\n'));
                  Json list = Json::array();
                  for (const QString &line : lines) {
                      if (!line.trimmed().isEmpty())
                          list.push_back(line.toStdString());
                  }
                  if (list.empty())
                      return std::nullopt;
                  return list;
              },
              [edit](const std::optional<Json> &v) {
                  QStringList lines;
                  if (v && v->is_array()) {
                      for (const Json &item : *v)
                          lines << plain(item);
                  } else if (v) {
                      lines << compactJson(*v);
                  }
                  setPlainTextKeepingCursor(edit, lines.join(QLatin1Char('\n')));
              }};
    addRow(label, edit, b);
    connect(edit, &QPlainTextEdit::textChanged, this, [this, b] { commit(b); });
}

void InspectorWidget::addBool(const QString &label, const std::string &field)
{
    auto *box = new QCheckBox;
    Binding b{field, box,
              [box]() -> std::optional<Json> {
                  if (!box->isChecked())
                      return std::nullopt;
                  return Json(true);
              },
              [box](const std::optional<Json> &v) {
                  box->setChecked(v && v->is_boolean() && v->get<bool>());
              }};
    addRow(label, box, b);
    connect(box, &QCheckBox::clicked, this, [this, b] { commit(b); });
}

void InspectorWidget::addChoice(const QString &label, const std::string &field,
                                const QStringList &choices)
{
    auto *combo = new QComboBox;
    combo->addItems(choices);
    Binding b{field, combo,
              [combo]() -> std::optional<Json> {
                  if (combo->currentIndex() < 0)
                      return std::nullopt;
                  return Json(combo->currentText().toStdString());
              },
              [combo](const std::optional<Json> &v) {
                  const QString text = plain(v);
                  if (v && combo->findText(text) < 0)
                      combo->addItem(text);
                  combo->setCurrentIndex(v ? combo->findText(text) : -1);
              }};
    addRow(label, combo, b);
    connect(combo, &QComboBox::activated, this, [this, b] { commit(b); });
}

void InspectorWidget::addCondition(const QString &label, const std::string &field)
{
    auto *editor = new ConditionEditor;
    Binding b{field, editor, [editor] { return editor->condition(); },
              [editor](const std::optional<Json> &v) { editor->setCondition(v); }};
    addRow(label, editor, b);
    for (QWidget *w : editor->findChildren<QWidget *>())
        watchFocus(w);
    connect(editor, &ConditionEditor::edited, this, [this, b] { commit(b); });
}

void InspectorWidget::addConfirmation(const QString &label, const std::string &field)
{
    auto *box = new QWidget;
    auto *mode = new QComboBox(box);
    mode->setObjectName(QStringLiteral("confirmationMode"));
    mode->addItem(tr("Not set"));
    mode->addItem(tr("Always (true)"));
    mode->addItem(tr("Never (false)"));
    mode->addItem(tr("When a condition holds"));
    auto *editor = new ConditionEditor(box);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(mode);
    layout->addWidget(editor);
    editor->setVisible(false);
    Binding b{field, box,
              [mode, editor]() -> std::optional<Json> {
                  switch (mode->currentIndex()) {
                  case 1: return Json(true);
                  case 2: return Json(false);
                  case 3: return editor->condition().value_or(Json::object());
                  default: return std::nullopt;
                  }
              },
              [mode, editor](const std::optional<Json> &v) {
                  const int index = !v ? 0 : v->is_boolean() ? (v->get<bool>() ? 1 : 2) : 3;
                  mode->setCurrentIndex(index);
                  editor->setVisible(index == 3);
                  if (index == 3)
                      editor->setCondition(*v);
              }};
    addRow(label, box, b);
    connect(mode, &QComboBox::activated, this, [this, b, editor, mode](int index) {
        editor->setVisible(index == 3);
        if (index == 3 && !editor->condition())
            editor->setCondition(Json{{"var", ""}, {"equals", true}});
        commit(b);
        Q_UNUSED(mode);
    });
    connect(editor, &ConditionEditor::edited, this, [this, b] { commit(b); });
}

void InspectorWidget::addValidation(const QString &label, const std::string &field)
{
    auto *editor = new ValidationEditor;
    Binding b{field, editor, [editor] { return editor->criteria(); },
              [editor](const std::optional<Json> &v) { editor->setCriteria(v); }};
    addRow(label, editor, b);
    for (QWidget *w : editor->findChildren<QWidget *>())
        watchFocus(w);
    connect(editor, &ValidationEditor::edited, this, [this, b] { commit(b); });
}

void InspectorWidget::addJson(const QString &label, const std::string &field)
{
    auto *edit = new QPlainTextEdit;
    edit->setTabChangesFocus(true);
    edit->setPlaceholderText(tr("JSON; empty = absent"));
    edit->setMinimumHeight(edit->fontMetrics().lineSpacing() * 3 + 12);
    edit->setMaximumHeight(edit->fontMetrics().lineSpacing() * 12 + 12);
    QFont mono(QStringLiteral("monospace"));
    mono.setStyleHint(QFont::Monospace);
    edit->setFont(mono);
    watchFocus(edit);
    // Invalid JSON is not applied: read() then answers the document's value, and the tooltip
    // says what is wrong.
    Binding b{field, edit,
              [this, edit, field]() -> std::optional<Json> {
                  const QString t = edit->toPlainText().trimmed();
                  if (t.isEmpty())
                      return std::nullopt;
                  const ParsedJson parsed = parseJson(t.toStdString());
                  if (parsed.ok) {
                      edit->setToolTip({});
                      return parsed.value;
                  }
                  const Diagnostic &d = parsed.diagnostics.front();
                  edit->setToolTip(tr("Not applied: %1:%2: %3")
                                       .arg(d.line)
                                       .arg(d.column)
                                       .arg(QString::fromStdString(d.message)));
                  return fieldOf(targetValue(), field);
              },
              [edit](const std::optional<Json> &v) {
                  setPlainTextKeepingCursor(
                      edit, v ? QString::fromStdString(formatJsonForSave(*v)).trimmed() : QString());
              }};
    addRow(label, edit, b);
    connect(edit, &QPlainTextEdit::textChanged, this, [this, b] { commit(b); });
}

} // namespace wfs::studio
