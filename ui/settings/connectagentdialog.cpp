// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "connectagentdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace wfs::studio {

ConnectAgentDialog::ConnectAgentDialog(QWidget *parent)
    : ConnectAgentDialog(currentAgentSetup(), parent)
{}

ConnectAgentDialog::ConnectAgentDialog(const AgentSetup &setup, QWidget *parent)
    : QDialog(parent)
    , m_tabs(new QTabWidget)
{
    setObjectName(QStringLiteral("connectAgentDialog"));
    setWindowTitle(tr("Connect an Agent"));
    auto *intro = new QLabel(
        tr("Workflow Studio serves its workflows over the Model Context Protocol. Copy the "
           "configuration for your agent; the stdio variants start <code>wfstudio mcp</code>, "
           "the HTTP variants talk to the listener of this running studio."));
    intro->setWordWrap(true);

    auto *desktop = new QWidget;
    addSnippet(desktop, QStringLiteral("claudeDesktop"),
               tr("Add this to <b>claude_desktop_config.json</b> (Claude Desktop: Settings → "
                  "Developer → Edit Config), then restart Claude Desktop."),
               claudeDesktopConfig(setup));
    m_tabs->addTab(desktop, tr("Claude Desktop"));

    auto *code = new QWidget;
    addSnippet(code, QStringLiteral("claudeCode"),
               tr("Run this in a terminal (add <code>--scope user</code> after <code>add</code> "
                  "to use it in every project)."),
               claudeCodeCommand(setup));
    m_tabs->addTab(code, tr("Claude Code"));

    auto *vscode = new QWidget;
    addSnippet(vscode, QStringLiteral("vsCodeStdio"),
               tr("Save as <b>.vscode/mcp.json</b> in your workspace (stdio: VS Code starts the "
                  "server itself)."),
               vsCodeStdioConfig(setup));
    addSnippet(vscode, QStringLiteral("vsCodeHttp"),
               tr("Or connect to the listener of this running studio over HTTP:"),
               vsCodeHttpConfig(setup));
    m_tabs->addTab(vscode, tr("VS Code"));

    auto *http = new QWidget;
    addSnippet(http, QStringLiteral("http"),
               tr("Any MCP client that speaks Streamable HTTP: point it at this URL and send the "
                  "bearer token. The listener runs while the studio is open."),
               httpClientInstructions(setup));
    m_tabs->addTab(http, tr("Other Clients (HTTP)"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(760, 520);
}

QWidget *ConnectAgentDialog::addSnippet(QWidget *page, const QString &name,
                                        const QString &explanation, const QString &text)
{
    auto *layout = qobject_cast<QVBoxLayout *>(page->layout());
    if (!layout)
        layout = new QVBoxLayout(page);
    auto *label = new QLabel(explanation);
    label->setWordWrap(true);
    label->setTextFormat(Qt::RichText);
    auto *edit = new QPlainTextEdit(text);
    edit->setObjectName(name);
    edit->setReadOnly(true);
    edit->setLineWrapMode(QPlainTextEdit::NoWrap);
    edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    auto *copy = new QPushButton(tr("&Copy"));
    copy->setObjectName(name + QStringLiteral("Copy"));
    connect(copy, &QPushButton::clicked, this, [edit, copy] {
        QApplication::clipboard()->setText(edit->toPlainText());
        copy->setText(tr("Copied"));
    });
    auto *row = new QHBoxLayout;
    row->addWidget(label, 1);
    row->addWidget(copy, 0, Qt::AlignBottom);
    layout->addLayout(row);
    layout->addWidget(edit, 1);
    return edit;
}

QString ConnectAgentDialog::snippet(const QString &name) const
{
    const auto *edit = findChild<QPlainTextEdit *>(name);
    return edit ? edit->toPlainText() : QString();
}

} // namespace wfs::studio
