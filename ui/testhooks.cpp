// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "testhooks.h"

#include "canvas/workflowscene.h"
#include "dashboard/dashboardwidget.h"
#include "dashboard/loadtestpanel.h"
#include "canvas/workflowview.h"
#include "editorpage.h"
#include "mainwindow.h"
#include "model/jsonio.h"
#include "sessions/heatmappanel.h"
#include "settings/connectagentdialog.h"
#include "settings/settingsdialog.h"
#include "ui/document/commands.h"
#include "ui/document/workflowdocument.h"

#include <QComboBox>
#include <QDockWidget>
#include <QSaveFile>

namespace wfs::studio {

void applyTestHooks(MainWindow &window)
{
    const QString edit = qEnvironmentVariable("WFS_TEST_EDIT");
    if (!edit.isEmpty() && window.currentPage()) {
        const QStringList parts = edit.split(QLatin1Char('|'));
        const ParsedJson value = parseJson(parts.value(2).toStdString());
        if (parts.size() == 3 && value.ok) {
            WorkflowDocument *doc = window.currentPage()->document();
            doc->undoStack()->push(new SetFieldCommand(doc, parts[0].toStdString(),
                                                       parts[1].toStdString(), value.value));
        } else {
            qWarning("WFS_TEST_EDIT: expected \"owner|field|json\", got %s", qPrintable(edit));
        }
    }
    const QString select = qEnvironmentVariable("WFS_TEST_SELECT");
    if (!select.isEmpty() && window.currentPage())
        window.currentPage()->scene()->selectPointers({select.toStdString()});
    // WFS_TEST_DOCKS=name,name: show these docks (object names, e.g. dashboardDock).
    const QStringList docks =
        qEnvironmentVariable("WFS_TEST_DOCKS").split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &name : docks) {
        if (auto *dock = window.findChild<QDockWidget *>(name)) {
            dock->show();
            dock->raise(); // in front of the docks it shares a tab group with
        } else
            qWarning("WFS_TEST_DOCKS: no dock named %s", qPrintable(name));
    }
    // WFS_TEST_LOADTEST=SECONDS: start the dashboard's load test (in-process, its default
    // request set) for that long, e.g. for the README's dashboard screenshots.
    if (const QString load = qEnvironmentVariable("WFS_TEST_LOADTEST"); !load.isEmpty()) {
        bool ok = false;
        const double seconds = load.toDouble(&ok);
        if (ok && seconds > 0 && window.dashboard()) {
            window.dashboard()->loadTest()->setSeconds(seconds);
            window.dashboard()->loadTest()->start();
        } else {
            qWarning("WFS_TEST_LOADTEST: expected a number of seconds, got %s", qPrintable(load));
        }
    }
    // WFS_TEST_ZOOM_OUT=n: the canvas zoomed out n steps (screenshots of long workflows).
    if (window.currentPage()) {
        for (int i = 0; i < qEnvironmentVariableIntValue("WFS_TEST_ZOOM_OUT"); ++i)
            window.currentPage()->view()->zoomOut();
    }
    // WFS_TEST_HEAT_METRIC=n: the Heat Map colours by its n-th metric (screenshots).
    if (const QString metric = qEnvironmentVariable("WFS_TEST_HEAT_METRIC");
        !metric.isEmpty() && window.heatMap())
        window.heatMap()->metricBox()->setCurrentIndex(metric.toInt());
    const QString dialog = qEnvironmentVariable("WFS_TEST_DIALOG");
    if (dialog == QLatin1String("connect-agent") || dialog == QLatin1String("settings")) {
        QDialog *d = dialog == QLatin1String("settings")
                         ? static_cast<QDialog *>(new SettingsDialog(&window))
                         : new ConnectAgentDialog(window.agentSetup(), &window);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
    } else if (!dialog.isEmpty()) {
        qWarning("WFS_TEST_DIALOG: expected connect-agent or settings, got %s", qPrintable(dialog));
    }
    const QString report = qEnvironmentVariable("WFS_TEST_REPORT");
    if (report.isEmpty())
        return;
    Json docs = Json::array();
    for (EditorPage *page : window.pages()) {
        Json d = Json::object();
        d["filePath"] = page->document()->filePath().toStdString();
        d["modified"] = page->document()->isModified();
        d["workflow"] = page->document()->json();
        docs.push_back(std::move(d));
    }
    Json out = Json::object();
    out["documents"] = std::move(docs);
    const std::string text = formatJsonForSave(out);
    QSaveFile file(report);
    if (file.open(QIODevice::WriteOnly)) {
        file.write(text.data(), static_cast<qint64>(text.size()));
        file.commit();
    }
}

} // namespace wfs::studio
