// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The inspector: a form for every field of the selected workflow, step or loop. Each field is
// a binding (a relative JSON pointer, a widget, read and write functions); user edits become
// SetFieldCommands, and document changes refresh only the widgets whose value differs (so
// typing keeps the cursor).
#pragma once

#include "model/json.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <optional>
#include <string>
#include <vector>

class QFormLayout;
class QScrollArea;
class QLabel;

namespace wfs::studio {

class WorkflowDocument;

class InspectorWidget : public QWidget
{
    Q_OBJECT
public:
    explicit InspectorWidget(WorkflowDocument &doc, QWidget *parent = nullptr);
    ~InspectorWidget() override;

    enum class Kind { None, Workflow, Step, Loop };

    // "" = the workflow itself; else a step pointer.
    void setTarget(const std::string &pointer);
    const std::string &target() const { return m_target; }
    Kind kind() const { return m_kind; }
    // Gives the keyboard focus to the editor of `field` (a pointer relative to the target,
    // e.g. "/loop/count" or "/prompt"; deeper pointers select the enclosing field).
    bool focusField(const std::string &field);
    // The editor widget of a field, for tests and focus ("/title", "/runCondition", ...).
    QWidget *fieldWidget(const std::string &field) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Binding
    {
        std::string field;
        QWidget *widget = nullptr;
        std::function<std::optional<Json>()> read;
        std::function<void(const std::optional<Json> &)> write;
    };

    void rebuildForm();
    // Labels beside their fields where the dock is wide, above them where it is narrow (the
    // fields then get the whole width instead of what the labels leave).
    void updateRowWrap();
    // The inspector's minimum width: its form with the labels above the fields (once per form;
    // the width it needs does not change with the dock's).
    void keepFormWidth();
    void refresh();
    void commit(const Binding &binding);
    Json targetValue() const;
    Kind kindOf(const Json &value) const;

    // Field factories: each adds a row and a binding.
    void addLine(const QString &label, const std::string &field, bool removeWhenEmpty,
                 const QString &placeholder = {});
    void addNumberOrText(const QString &label, const std::string &field, const QString &placeholder);
    void addText(const QString &label, const std::string &field, bool removeWhenEmpty, int lines);
    void addStringList(const QString &label, const std::string &field);
    void addBool(const QString &label, const std::string &field);
    void addChoice(const QString &label, const std::string &field, const QStringList &choices);
    void addCondition(const QString &label, const std::string &field);
    void addConfirmation(const QString &label, const std::string &field);
    void addValidation(const QString &label, const std::string &field);
    void addJson(const QString &label, const std::string &field);
    void addSection(const QString &title);
    void addRow(const QString &label, QWidget *widget, Binding binding);
    void watchFocus(QWidget *w);
    bool eventFilter(QObject *watched, QEvent *event) override;

    WorkflowDocument &m_doc;
    std::string m_target;
    Kind m_kind = Kind::None;
    QScrollArea *m_scroll;
    QLabel *m_header;
    QPointer<QWidget> m_form;
    QFormLayout *m_layout = nullptr;
    std::vector<Binding> m_bindings;
    bool m_updating = false;
};

} // namespace wfs::studio
