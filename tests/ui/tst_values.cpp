// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// One JSON value editor everywhere (ui/common/jsonvalueedit.h): the same typing gives the same
// value in the inspector's condition editor, in the validation rule editor and in the
// stepper's context table — a bare word is a string in all of them (Large, High), true stays a
// boolean until "text" is picked in the type box, and the type is always shown.
#include "jsoncompare.h"
#include "testutil.h"

#include "model/jsonio.h"
#include "ui/common/jsonvalueedit.h"
#include "ui/document/workflowdocument.h"
#include "ui/inspector/conditioneditor.h"
#include "ui/inspector/inspectorwidget.h"
#include "ui/inspector/validationeditor.h"
#include "ui/stepper/contexteditor.h"

#include <QApplication>
#include <QComboBox>
#include <QLineEdit>
#include <QTableWidget>
#include <QTest>
#include <QTreeWidget>

using namespace wfs;
using namespace wfs::studio;

Q_DECLARE_METATYPE(wfs::ValueType)

namespace {

Json parsed(const QString &text)
{
    const ParsedJson p = parseJson(text.toStdString());
    return p.ok ? p.value : Json("<bad fixture>");
}

// Replaces the text of a line edit by typing, as a person does.
void typeInto(QLineEdit *edit, const QString &text)
{
    edit->setFocus();
    QTest::keyClick(edit, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(edit, Qt::Key_Delete);
    QTest::keyClicks(edit, text);
}

// Picks a type in the editor's type box with the keyboard (type-ahead on its sign).
void pickType(JsonValueEdit *edit, ValueType type)
{
    QComboBox *box = edit->typeBox();
    box->setFocus();
    QTest::keyClicks(box, JsonValueEdit::typeSign(type).left(1));
    QCOMPARE(box->currentData().toInt(), static_cast<int>(type));
}

// Inspector on a one-step workflow whose step has `extra` members.
struct InspectorOn
{
    explicit InspectorOn(const Json &extra)
        : inspector(doc)
    {
        Json wf = WorkflowDocument::blankWorkflow();
        for (auto it = extra.begin(); it != extra.end(); ++it)
            wf["steps"][0][it.key()] = it.value();
        doc.load(wf);
        inspector.setTarget("/steps/0");
        inspector.resize(900, 900);
        inspector.show();
    }
    WorkflowDocument doc;
    InspectorWidget inspector;
};

} // namespace

class TestValues : public QObject
{
    Q_OBJECT
private slots:
    void conditionValue_data() { typedValues(); }
    void conditionValue();
    void contextTable_data() { typedValues(); }
    void contextTable();
    void contextTableShowsLoadedValuesByType();
    void validationRuleFields();
    void pickingATypeKeepsTheText();

private:
    // Shared by the editors: what is typed, the type then picked ("" = none), the value that
    // must be written and the type the editor must show.
    static void typedValues();
};

void TestValues::typedValues()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<ValueType>("picked");
    QTest::addColumn<QString>("written"); // JSON
    QTest::addColumn<ValueType>("shown");
    const auto none = ValueType::Auto;
    QTest::newRow("bare word Large") << "Large" << none << "\"Large\"" << ValueType::String;
    QTest::newRow("bare word High") << "High" << none << "\"High\"" << ValueType::String;
    QTest::newRow("two words") << "very high" << none << "\"very high\"" << ValueType::String;
    QTest::newRow("number") << "3" << none << "3" << ValueType::Number;
    QTest::newRow("boolean") << "true" << none << "true" << ValueType::Boolean;
    QTest::newRow("null") << "null" << none << "null" << ValueType::Null;
    QTest::newRow("quoted number") << "\"123\"" << none << "\"123\"" << ValueType::String;
    QTest::newRow("array") << "[1, 2]" << none << "[1,2]" << ValueType::Structured;
    QTest::newRow("true, then text picked")
        << "true" << ValueType::String << "\"true\"" << ValueType::String;
    QTest::newRow("123, then text picked")
        << "123" << ValueType::String << "\"123\"" << ValueType::String;
    QTest::newRow("quoted, then text picked (quotes dropped)")
        << "\"x y\"" << ValueType::String << "\"x y\"" << ValueType::String;
    QTest::newRow("false, then true/false picked")
        << "false" << ValueType::Boolean << "false" << ValueType::Boolean;
}

// Typed into the value of a `var == value` row of a step's runCondition in the inspector; the
// document (what is saved) gets the value.
void TestValues::conditionValue()
{
    QFETCH(QString, typed);
    QFETCH(ValueType, picked);
    QFETCH(QString, written);
    QFETCH(ValueType, shown);
    InspectorOn ui(Json{{"runCondition", {{"var", "size"}, {"equals", "Small"}}}});
    auto *condition = qobject_cast<ConditionEditor *>(ui.inspector.fieldWidget("/runCondition"));
    QVERIFY(condition);
    QTreeWidgetItem *row = condition->tree()->topLevelItem(0);
    QVERIFY(row);
    auto *value = qobject_cast<JsonValueEdit *>(condition->tree()->itemWidget(row, 2));
    QVERIFY(value);
    QCOMPARE(value->text(), QStringLiteral("Small"));
    QCOMPARE(value->shownType(), ValueType::String);

    typeInto(value->lineEdit(), typed);
    if (picked != ValueType::Auto)
        pickType(value, picked);
    JCOMPARE(ui.doc.valueAt("/steps/0/runCondition/equals"), parsed(written));
    QCOMPARE(value->shownType(), shown);
    QCOMPARE(value->typeBox()->currentData().toInt(), static_cast<int>(shown));
    QVERIFY(value->error().isEmpty());

    // Shown again from the document (another step selected and back): same value, same type.
    ui.inspector.setTarget("");
    ui.inspector.setTarget("/steps/0");
    condition = qobject_cast<ConditionEditor *>(ui.inspector.fieldWidget("/runCondition"));
    value = qobject_cast<JsonValueEdit *>(
        condition->tree()->itemWidget(condition->tree()->topLevelItem(0), 2));
    QVERIFY(value);
    QCOMPARE(value->shownType(), shown);
    JCOMPARE(value->value(), parsed(written));
}

// Typed into the value cell of the stepper's context table through its editor (the same
// JsonValueEdit), committed with Return.
void TestValues::contextTable()
{
    QFETCH(QString, typed);
    QFETCH(ValueType, picked);
    QFETCH(QString, written);
    QFETCH(ValueType, shown);
    ContextEditor editor;
    editor.resize(600, 300);
    editor.show();
    QVERIFY(QTest::qWaitForWindowExposed(&editor));
    editor.setContext(Json{{"priority", "Low"}});
    QTableWidget *table = editor.table();
    table->setCurrentCell(0, 1);
    table->editItem(table->item(0, 1));
    auto *edit = table->viewport()->findChild<JsonValueEdit *>();
    QVERIFY(edit);
    QCOMPARE(edit->text(), QStringLiteral("Low"));
    typeInto(edit->lineEdit(), typed);
    if (picked != ValueType::Auto) {
        pickType(edit, picked);
        edit->lineEdit()->setFocus();
    }
    QTest::keyClick(edit->lineEdit(), Qt::Key_Return);
    QTRY_VERIFY(!table->viewport()->findChild<JsonValueEdit *>() ||
                !table->viewport()->findChild<JsonValueEdit *>()->isVisible());

    const Result<Json> context = editor.value();
    QVERIFY2(context, context ? "" : context.error().c_str());
    JCOMPARE(context->at("priority"), parsed(written));
    // The cell shows the value in JSON notation (strings quoted) and its type.
    const auto [label, tag] = JsonValueDelegate::cellDisplay(table->model()->index(0, 1));
    QCOMPARE(label, QString::fromStdString(valueLabel(parsed(written))));
    QCOMPARE(tag, JsonValueEdit::typeLabel(shown));
}

// Values the engine put into the context come back into the table with their types: the
// string "true" is not shown (or sent back) as the boolean true.
void TestValues::contextTableShowsLoadedValuesByType()
{
    ContextEditor editor;
    const Json context = parsed(
        R"({"low": "Low", "flag": true, "flagText": "true", "n": 3, "nText": "3", "none": null,
            "list": ["a"], "padded": " x "})");
    editor.setContext(context);
    const Result<Json> back = editor.value();
    QVERIFY(back);
    JCOMPARE(*back, context);
    QTableWidget *table = editor.table();
    QMap<QString, QPair<QString, QString>> shown;
    for (int row = 0; row < table->rowCount(); ++row) {
        const auto [label, tag] = JsonValueDelegate::cellDisplay(table->model()->index(row, 1));
        shown[table->item(row, 0)->text()] = {label, tag};
    }
    const auto as = [](const char *label, ValueType type) {
        return qMakePair(QString::fromUtf8(label), JsonValueEdit::typeLabel(type));
    };
    QCOMPARE(shown.value("low"), as("\"Low\"", ValueType::String));
    QCOMPARE(shown.value("flag"), as("true", ValueType::Boolean));
    QCOMPARE(shown.value("flagText"), as("\"true\"", ValueType::String));
    QCOMPARE(shown.value("n"), as("3", ValueType::Number));
    QCOMPARE(shown.value("nText"), as("\"3\"", ValueType::String));
    QCOMPARE(shown.value("none"), as("null", ValueType::Null));
    QCOMPARE(shown.value("padded"), as("\" x \"", ValueType::String));
}

// The validation rule editor's value fields use the same editor, held to the type the schema
// gives each field: a contains rule's value is text even when it reads like a boolean, a length
// rule's min is a number (a word there is flagged, and kept as typed).
void TestValues::validationRuleFields()
{
    InspectorOn ui(parsed(R"({"validationCriteria": [
        {"type": "contains", "value": "x", "message": "m"},
        {"type": "length", "min": 1, "message": "m"}]})"));
    auto *rules = qobject_cast<ValidationEditor *>(ui.inspector.fieldWidget("/validationCriteria"));
    QVERIFY(rules);
    QTreeWidgetItem *list = rules->tree()->topLevelItem(0);
    QVERIFY(list && list->childCount() == 2);
    const auto valueEdit = [&](int rule) {
        return qobject_cast<JsonValueEdit *>(rules->tree()->itemWidget(list->child(rule), 2));
    };
    JsonValueEdit *containsValue = valueEdit(0);
    JsonValueEdit *lengthMin = valueEdit(1);
    QVERIFY(containsValue && lengthMin);

    typeInto(containsValue->lineEdit(), QStringLiteral("true"));
    JCOMPARE(ui.doc.valueAt("/steps/0/validationCriteria/0/value"), Json("true"));
    QCOMPARE(containsValue->shownType(), ValueType::String);

    typeInto(lengthMin->lineEdit(), QStringLiteral("12"));
    JCOMPARE(ui.doc.valueAt("/steps/0/validationCriteria/1/min"), Json(12));
    QCOMPARE(lengthMin->shownType(), ValueType::Number);
    typeInto(lengthMin->lineEdit(), QStringLiteral("ten"));
    QVERIFY(lengthMin->error().contains(QStringLiteral("is not a number")));
    JCOMPARE(ui.doc.valueAt("/steps/0/validationCriteria/1/min"), Json("ten"));
}

// Picking a type the text does not fit flags the text and keeps it (nothing typed is lost;
// value() stays the text as a string until it fits).
void TestValues::pickingATypeKeepsTheText()
{
    JsonValueEdit edit;
    edit.show();
    typeInto(edit.lineEdit(), QStringLiteral("Large"));
    pickType(&edit, ValueType::Boolean);
    QCOMPARE(edit.heldType(), ValueType::Boolean);
    QCOMPARE(edit.text(), QStringLiteral("Large"));
    QVERIFY(edit.error().contains(QStringLiteral("is not true or false")));
    JCOMPARE(edit.value(), Json("Large"));
    QVERIFY(edit.lineEdit()->toolTip().contains(QStringLiteral("is not true or false")));
    typeInto(edit.lineEdit(), QStringLiteral("false"));
    QVERIFY(edit.error().isEmpty());
    JCOMPARE(edit.value(), Json(false));
}

QTEST_MAIN(TestValues)
#include "tst_values.moc"
