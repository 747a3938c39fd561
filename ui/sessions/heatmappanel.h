// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The Heat Map dock: how recorded sessions (studio runs, MCP agents) moved through the open
// workflow (engine/store/heatmap.h), as a table of every number per step and as cells for the
// canvas overlay (WorkflowScene::setHeat) coloured by the chosen metric, filtered by client and
// time range. Recomputed when sessions change (coalesced) and on Refresh.
#pragma once

#include "engine/store/heatmap.h"
#include "ui/canvas/workflowscene.h"

#include <QHash>
#include <QWidget>

#include <functional>
#include <string>
#include <vector>

class QCheckBox;
class QComboBox;
class QLabel;
class QTableWidget;
class QTimer;

namespace wfs {
class Engine;
}

namespace wfs::studio {

class HeatMapPanel : public QWidget
{
    Q_OBJECT
public:
    // `sessions` says where the recorded sessions are read (null: none recorded): the embedded
    // database's or a team store's.
    HeatMapPanel(Engine *engine, std::function<store::AbstractSessionStore *()> sessions,
                 QWidget *parent = nullptr);

    // The workflow shown ("" = none) and its steps in document order.
    void setWorkflow(const QString &workflowId, const std::vector<std::string> &stepOrder);
    QString workflowId() const { return m_workflowId; }
    // Recomputes from the session store now.
    void refresh();

    const store::HeatReport &report() const { return m_report; }
    store::HeatMetric metric() const;
    // The overlay's cells for the current metric (empty when the overlay is off).
    QHash<QString, WorkflowScene::HeatCell> cells() const;
    bool overlayShown() const;

    QTableWidget *table() const { return m_table; }
    QComboBox *metricBox() const { return m_metric; }
    QComboBox *clientBox() const { return m_client; }
    QComboBox *rangeBox() const { return m_range; }
    QCheckBox *overlayBox() const { return m_overlay; }
    QLabel *summaryLabel() const { return m_summary; }

    // "850 ms", "1.2 s", "3.5 min".
    static QString formatMs(std::int64_t ms);

signals:
    // The overlay to draw on the pages showing `workflowId` (empty: clear it).
    void heatChanged(const QString &workflowId,
                     const QHash<QString, wfs::studio::WorkflowScene::HeatCell> &cells);

private:
    void fillTable();
    void fillClients(const std::vector<std::string> &clients);
    void publish();

    Engine *m_engine;
    std::function<store::AbstractSessionStore *()> m_sessions;
    QString m_workflowId;
    std::vector<std::string> m_order;
    store::HeatReport m_report;
    QComboBox *m_metric;
    QComboBox *m_client;
    QComboBox *m_range;
    QCheckBox *m_overlay;
    QLabel *m_summary;
    QTableWidget *m_table;
    QTimer *m_coalesce;
};

} // namespace wfs::studio
