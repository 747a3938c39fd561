// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Connect an Agent… : one tab per client (Claude Desktop, Claude Code, VS Code, any HTTP
// client) with its configuration for this installation and a Copy button. The HTTP variants
// use the listener that is actually running (MainWindow::agentSetup()); when none runs, the
// dialog says so instead of showing an address nobody answers.
#pragma once

#include "agentconfigs.h"

#include <QDialog>

class QTabWidget;

namespace wfs::studio {

class ConnectAgentDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectAgentDialog(const AgentSetup &setup, QWidget *parent = nullptr);

    QTabWidget *tabs() const { return m_tabs; }
    // The text of the snippet `name` ("claudeDesktop", "claudeCode", "vsCodeStdio",
    // "vsCodeHttp", "http"), as the Copy button puts it on the clipboard.
    QString snippet(const QString &name) const;
    // "Listener: http://… (running)" or "Listener: not running — …".
    QString listenerText() const;

private:
    QWidget *addSnippet(QWidget *page, const QString &name, const QString &explanation,
                        const QString &text);

    QTabWidget *m_tabs;
};

} // namespace wfs::studio
