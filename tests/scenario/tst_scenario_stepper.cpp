// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Run mode through the real window: a workflow is run step by step with the stepper's own
// widgets (Ctrl+R, the confirmation box, Complete Step), as a person walks it.
#include "scenariostudio.h"

#include "ui/stepper/stepperpanel.h"
#include "ui/stepper/stepperrun.h"

#include <QCheckBox>
#include <QPushButton>

using namespace wfs;
using namespace wfs::studio;
using wfs::test::ScenarioStudio;

class TestScenarioStepper : public QObject
{
    Q_OBJECT
private slots:
    void completeStaysAvailableAfterAConfirmedStep();
    void smallWindowKeepsCompleteStepInView();
};

namespace {

const char *const kConfirmFlow = R"({
  "id": "confirm-flow",
  "name": "Confirm, then work",
  "description": "A step that needs the user's confirmation, then two that do not.",
  "version": "1.0.0",
  "steps": [
    {"id": "ask-first", "title": "Ask first", "prompt": "Ask the user.", "requireConfirmation": true},
    {"id": "then-work", "title": "Then work", "prompt": "Do the work."},
    {"id": "finish", "title": "Finish", "prompt": "Wrap up."}
  ]
}
)";

} // namespace

// The report: after ticking "The user confirmed this step" and Complete Step, Complete Step
// stayed disabled on the next step (which needs no confirmation) until Restart.
void TestScenarioStepper::completeStaysAvailableAfterAConfirmedStep()
{
    ScenarioStudio s;
    const QString file = s.workflowsDir() + QStringLiteral("/confirm-flow.json");
    QVERIFY(ScenarioStudio::writeFile(file, kConfirmFlow));
    QVERIFY(s.window->openFile(file));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("confirm-flow").is_object(); }, 3000));
    s.shortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    StepperPanel *stepper = s.window->stepper();
    QVERIFY(stepper);
    QTRY_COMPARE(stepper->run()->currentStepId(), std::string("ask-first"));
    auto *complete = stepper->findChild<QPushButton *>(QStringLiteral("stepComplete"));
    QCheckBox *confirmed = stepper->confirmationBox();
    QVERIFY(complete && confirmed);
    QVERIFY(confirmed->isVisible());
    QVERIFY(!complete->isEnabled()); // not before the user confirmed
    QTest::mouseClick(confirmed, Qt::LeftButton, {}, QPoint(8, confirmed->height() / 2));
    QVERIFY(confirmed->isChecked());
    QVERIFY(complete->isEnabled());
    QTest::keyClicks(stepper->outputEdit(), QStringLiteral("The user agreed."));
    QTest::mouseClick(complete, Qt::LeftButton);
    QTRY_COMPARE(stepper->run()->currentStepId(), std::string("then-work"));
    QVERIFY(!confirmed->isVisible());
    QVERIFY2(complete->isEnabled(),
             "Complete Step is disabled on a step that needs no confirmation");
    QTest::keyClicks(stepper->outputEdit(), QStringLiteral("Work done."));
    QTest::mouseClick(complete, Qt::LeftButton);
    QTRY_COMPARE(stepper->run()->currentStepId(), std::string("finish"));
    QVERIFY(complete->isEnabled());
}

// The report: the stepper made the window's minimum size 822x1431, so Context, Output,
// Validate and Complete Step sat below the screen edge.
void TestScenarioStepper::smallWindowKeepsCompleteStepInView()
{
    ScenarioStudio::Config config;
    config.windowSize = QSize(1024, 700);
    ScenarioStudio s(config);
    const QString file = s.workflowsDir() + QStringLiteral("/confirm-flow.json");
    QVERIFY(ScenarioStudio::writeFile(file, kConfirmFlow));
    QVERIFY(s.window->openFile(file));
    QVERIFY(ScenarioStudio::waitFor([&] { return s.served("confirm-flow").is_object(); }, 3000));
    s.shortcut(QKeySequence(QStringLiteral("Ctrl+R")));
    StepperPanel *stepper = s.window->stepper();
    QTRY_COMPARE(stepper->run()->currentStepId(), std::string("ask-first"));
    QApplication::processEvents();
    QTest::qWait(50);
    const QSize minimum = s.window->minimumSizeHint().expandedTo(s.window->minimumSize());
    QVERIFY2(minimum.width() <= 1024 && minimum.height() <= 700,
             qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
    QCOMPARE(s.window->size(), QSize(1024, 700));
    for (const char *name : {"stepComplete", "stepValidate", "stepConfirmed"}) {
        auto *w = stepper->findChild<QWidget *>(QString::fromLatin1(name));
        QVERIFY2(w && w->isVisible(), name);
        const QRect inWindow(w->mapTo(s.window.get(), QPoint(0, 0)), w->size());
        // Issue #15 point 2, still open: the window keeps its size now, but the buttons sit
        // at the bottom of the stepper's scroll area, below the dock's visible part.
        QEXPECT_FAIL("", "#15: Complete Step is scrolled out of the stepper dock at 1024x700",
                     Abort);
        QVERIFY2(s.window->rect().contains(inWindow),
                 qPrintable(QStringLiteral("%1 at %2,%3 %4x%5")
                                .arg(QString::fromLatin1(name))
                                .arg(inWindow.x())
                                .arg(inWindow.y())
                                .arg(inWindow.width())
                                .arg(inWindow.height())));
    }
}

QTEST_MAIN(TestScenarioStepper)
#include "tst_scenario_stepper.moc"
