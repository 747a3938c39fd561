// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A row of push buttons under an editor (+ Condition, + Group, Remove), left-aligned. Each button
// may shrink to its text: the style's minimum push-button width would make three short buttons
// wider than a narrow inspector dock (the form then scrolled sideways, its fields cut off).
#pragma once

#include <QHBoxLayout>
#include <QPushButton>
#include <QStyle>

#include <initializer_list>

namespace wfs::studio {

inline QHBoxLayout *buttonRow(std::initializer_list<QPushButton *> buttons)
{
    auto *row = new QHBoxLayout;
    for (QPushButton *b : buttons) {
        const int margin = b->style()->pixelMetric(QStyle::PM_ButtonMargin, nullptr, b);
        b->setMinimumWidth(b->fontMetrics().horizontalAdvance(b->text()) + 2 * margin + 4);
        row->addWidget(b);
    }
    row->addStretch();
    return row;
}

} // namespace wfs::studio
