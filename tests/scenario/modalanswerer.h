// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Modal dialogs in scenario tests: a dialog the studio opens with exec() blocks the test, so
// a timer answers it as a person would (or closes it) and records what was asked.
#pragma once

#include <QApplication>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStringList>
#include <QTimer>
#include <QWidget>

#include <functional>

namespace wfs::test {

// Answers every modal dialog that shows while it lives: records its object name (or title)
// and hands it to `answer` (which clicks a button); without an answer it is closed.
class ModalAnswerer
{
public:
    explicit ModalAnswerer(std::function<void(QWidget *)> answer = {})
        : m_answer(std::move(answer))
    {
        m_timer.setInterval(20);
        QObject::connect(&m_timer, &QTimer::timeout, [this] {
            QWidget *modal = QApplication::activeModalWidget();
            if (!modal || modal == m_last)
                return;
            m_last = modal;
            QString name = modal->objectName();
            if (auto *box = qobject_cast<QMessageBox *>(modal))
                name += QLatin1Char('|') + box->text();
            seen << (name.isEmpty() ? modal->windowTitle() : name);
            if (m_answer)
                m_answer(modal);
            else
                modal->close();
        });
        m_timer.start();
    }

    // An answer that clicks the button named `objectName`.
    static std::function<void(QWidget *)> click(const QString &objectName)
    {
        return [objectName](QWidget *modal) {
            if (auto *b = modal->findChild<QPushButton *>(objectName))
                b->click();
            else
                modal->close();
        };
    }
    // An answer that clicks a message box's standard button.
    static std::function<void(QWidget *)> click(QMessageBox::StandardButton which)
    {
        return [which](QWidget *modal) {
            auto *box = qobject_cast<QMessageBox *>(modal);
            if (box && box->button(which))
                box->button(which)->click();
            else
                modal->close();
        };
    }

    QStringList seen;

private:
    std::function<void(QWidget *)> m_answer;
    QTimer m_timer;
    QPointer<QWidget> m_last;
};

} // namespace wfs::test
