// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "model/diagnostic.h"

#include <QTest>

using namespace wfs;

class TestDiagnostic : public QObject
{
    Q_OBJECT
private slots:
    void format_data()
    {
        QTest::addColumn<int>("severity");
        QTest::addColumn<QString>("expected");
        QTest::newRow("error") << int(Severity::Error)
                               << "wf.json:3:7: error: bad value [/steps/0/id]";
        QTest::newRow("warning") << int(Severity::Warning)
                                 << "wf.json:3:7: warning: bad value [/steps/0/id]";
    }
    void format()
    {
        QFETCH(int, severity);
        QFETCH(QString, expected);
        Diagnostic d{"wf.json", 3, 7, "/steps/0/id", Severity(severity), "bad value", "semantic"};
        QCOMPARE(QString::fromStdString(formatDiagnostic(d)), expected);
        QCOMPARE(hasErrors({d}), Severity(severity) == Severity::Error);
        QCOMPARE(diagnosticToJson(d).at("line").get<int>(), 3);
    }
};

QTEST_APPLESS_MAIN(TestDiagnostic)
#include "tst_diagnostic.moc"
