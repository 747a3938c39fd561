// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "problemspanel.h"

#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace wfs::studio {

ProblemsPanel::ProblemsPanel(QWidget *parent)
    : QWidget(parent)
    , m_list(new QTreeWidget(this))
{
    m_list->setColumnCount(4);
    m_list->setHeaderLabels({tr("Message"), tr("Line"), tr("Where"), tr("Found by")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setWordWrap(false);
    m_list->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_list);
    // One click shows the place, as Enter and a double click do; moving through the list with
    // the arrow keys does not (it would take the focus away from the list).
    const auto show = [this](QTreeWidgetItem *item) {
        const int index = item ? item->data(0, Qt::UserRole).toInt() : -1;
        if (index >= 0 && index < static_cast<int>(m_shown.size()))
            emit activated(m_shown[static_cast<std::size_t>(index)]);
    };
    connect(m_list, &QTreeWidget::itemClicked, this, show);
    connect(m_list, &QTreeWidget::itemActivated, this, show);
}

int ProblemsPanel::errorCount() const
{
    int n = 0;
    for (const Diagnostic &d : m_shown)
        n += d.severity == Severity::Error ? 1 : 0;
    return n;
}

void ProblemsPanel::setDiagnostics(const Diagnostics &textProblems, const Diagnostics &checks)
{
    Diagnostics all = textProblems;
    all.insert(all.end(), checks.begin(), checks.end());
    if (all == m_shown)
        return;
    m_shown = std::move(all);
    m_list->clear();
    const QIcon icons[] = {style()->standardIcon(QStyle::SP_MessageBoxCritical),
                           style()->standardIcon(QStyle::SP_MessageBoxWarning),
                           style()->standardIcon(QStyle::SP_MessageBoxInformation)};
    for (std::size_t i = 0; i < m_shown.size(); ++i) {
        const Diagnostic &d = m_shown[i];
        auto *item = new QTreeWidgetItem(m_list);
        item->setIcon(0, icons[static_cast<int>(d.severity)]);
        item->setText(0, QString::fromStdString(d.message));
        item->setToolTip(0, QString::fromStdString(d.message));
        item->setText(1, d.line > 0 ? QStringLiteral("%1:%2").arg(d.line).arg(d.column)
                                    : QString());
        item->setText(2, QString::fromStdString(d.pointer));
        item->setText(3, QString::fromStdString(d.source));
        item->setData(0, Qt::UserRole, static_cast<int>(i));
    }
}

} // namespace wfs::studio
