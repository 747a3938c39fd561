// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Every semantic check, positive and negative: each case is a small workflow (fixtures in
// semanticfixtures.cpp) and the exact diagnostics checkWorkflowDocument must give for it,
// with line:column, severity, message and pointer. Cases named "(negative)" must give none.
#include "model/condition.h"
#include "model/jsonio.h"
#include "model/semanticcheck.h"
#include "model/workflow.h"
#include "model/workflowcheck.h"
#include "semanticfixtures.h"
#include "testutil.h"

#include <QDirIterator>
#include <QFileInfo>
#include <QMap>
#include <QTest>

using namespace wfs;

Q_DECLARE_METATYPE(wfs::test::SemanticCase)

class TestSemanticCheck : public QObject
{
    Q_OBJECT
private slots:
    void cases_data()
    {
        QTest::addColumn<wfs::test::SemanticCase>("testCase");
        for (const auto &c : wfs::test::semanticCases())
            QTest::newRow(c.name.c_str()) << c;
    }
    void cases()
    {
        QFETCH(wfs::test::SemanticCase, testCase);
        const std::string text = wfs::test::semanticCaseText(testCase);
        const ParsedJson parsed = parseJson(text, "t.json");
        QVERIFY2(parsed.ok && parsed.diagnostics.empty(), text.c_str());
        // The semantic checks alone (the schema's findings are tested with the validator),
        // positioned the way checkWorkflowDocument positions them.
        Diagnostics model;
        const Workflow wf = Workflow::fromJson(parsed.value, &model);
        QVERIFY(model.empty());
        Diagnostics ds = checkSemantics(wf);
        for (Diagnostic &d : ds)
            d.file = "t.json";
        attachPositions(ds, text);
        sortByPosition(ds);
        QStringList actual;
        for (const Diagnostic &d : ds) {
            QCOMPARE(QString::fromStdString(d.source), QStringLiteral("semantic"));
            actual << QString::fromStdString(formatDiagnostic(d));
        }
        QStringList expected;
        for (const std::string &e : testCase.expected)
            expected << QString::fromStdString(e);
        QCOMPARE(actual.join(QLatin1Char('\n')), expected.join(QLatin1Char('\n')));
    }

    // Which of the steps sharing an id gets the error: never the original. The original is
    // the first in document order, unless that is the step whose id the user just changed
    // (CheckOptions::editedStep), so typing A's id into B marks B in either order.
    void duplicateIdMarksEditedStep_data()
    {
        QTest::addColumn<QStringList>("ids");
        QTest::addColumn<QString>("editedStep");
        QTest::addColumn<QStringList>("marked"); // pointers of the "id" values with the error
        QTest::addColumn<QString>("mentions");   // the pointer the messages name
        const QStringList ab{"alpha", "alpha"};
        QTest::newRow("unchanged since load: the later") << ab << "" << QStringList{"/steps/1/id"}
                                                         << "the first is at /steps/0";
        QTest::newRow("later step edited") << ab << "/steps/1" << QStringList{"/steps/1/id"}
                                           << "the first is at /steps/0";
        QTest::newRow("earlier step edited") << ab << "/steps/0" << QStringList{"/steps/0/id"}
                                             << "the other is at /steps/1";
        QTest::newRow("edited step has no duplicate")
            << QStringList{"alpha", "beta", "alpha"} << "/steps/1" << QStringList{"/steps/2/id"}
            << "the first is at /steps/0";
        QTest::newRow("three, the first edited")
            << QStringList{"alpha", "alpha", "alpha"} << "/steps/0"
            << QStringList{"/steps/0/id", "/steps/2/id"} << "the other is at /steps/1";
    }
    void duplicateIdMarksEditedStep()
    {
        QFETCH(QStringList, ids);
        QFETCH(QString, editedStep);
        QFETCH(QStringList, marked);
        QFETCH(QString, mentions);
        Json doc = {{"id", "dups"}, {"name", "D"}, {"description", "D"}, {"version", "1.0.0"},
                    {"steps", Json::array()}};
        for (const QString &id : ids)
            doc["steps"].push_back({{"id", id.toStdString()}, {"title", "T"}, {"prompt", "P"}});
        CheckOptions options;
        options.editedStep = editedStep.toStdString();
        QStringList actual;
        for (const Diagnostic &d : checkWorkflowDocument(doc, {}, "d.json", options)) {
            if (d.message.find("duplicate step id") == std::string::npos)
                continue;
            QCOMPARE(d.severity, Severity::Error);
            QVERIFY2(d.message.find(mentions.toStdString()) != std::string::npos,
                     d.message.c_str());
            actual << QString::fromStdString(d.pointer);
        }
        QCOMPARE(actual, marked);
    }

    // The corpus: every file under workrail/workflows through all checks (schema included).
    // What remains are real defects of those files: 30 regex patterns written with PCRE's
    // inline flag "(?i)", which JavaScript rejects (WorkRail's workflow_validate fails on
    // them; warnings, not errors: the rest of each pattern is valid and the files ship with
    // WorkRail), and a `for` loop's indexVar that WorkRail ignores. No errors.
    void corpusFindings()
    {
        WFS_REQUIRE_SHARED();
        QDirIterator it(wfs::test::sharedDir() + QStringLiteral("/workrail/workflows"),
                        {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        int files = 0;
        QMap<QString, int> inlineFlagErrors;
        QStringList other;
        while (it.hasNext()) {
            const QString path = it.next();
            const QString name = QFileInfo(path).fileName();
            for (const Diagnostic &d : checkWorkflowFile(path.toStdString())) {
                const QString line = QString::fromStdString(formatDiagnostic(d));
                if (d.severity == Severity::Warning && d.source == "semantic" &&
                    line.contains(QLatin1String("remove '(?i)' and add \"flags\": \"i\"")))
                    ++inlineFlagErrors[name];
                else
                    other << name + QLatin1Char(':') + line.section(QLatin1Char(':'), 1);
            }
            ++files;
        }
        QVERIFY(files >= 15);
        QMap<QString, int> expectedInline;
        expectedInline[QStringLiteral("adaptive-ticket-creation.json")] = 12;
        expectedInline[QStringLiteral("presentation-creation.json")] = 18;
        QCOMPARE(inlineFlagErrors, expectedInline);
        const QStringList expectedOther{
            "coding-task-workflow-with-loops.json:427:29: warning: indexVar is used only by "
            "forEach loops; this is a for loop [/steps/17/loop/indexVar]"};
        QCOMPARE(other, expectedOther);
    }
};

QTEST_APPLESS_MAIN(TestSemanticCheck)
#include "tst_semanticcheck.moc"
