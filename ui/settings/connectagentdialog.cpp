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
    const bool running = !setup.url.isEmpty();
    auto *listener = new QLabel;
    listener->setObjectName(QStringLiteral("listenerState"));
    listener->setWordWrap(true);
    listener->setTextFormat(Qt::PlainText);
    listener->setTextInteractionFlags(Qt::TextSelectableByMouse);
    listener->setText(running ? tr("Listener: %1 (running, bearer token required)").arg(setup.url)
                              : tr("Listener: not running — %1. The stdio configurations work "
                                   "without it; for HTTP, turn the listener on in Settings and "
                                   "restart the studio.")
                                    .arg(setup.listenerStatus.isEmpty()
                                             ? tr("the MCP listener is off")
                                             : setup.listenerStatus));
    const QString notRunning =
        tr("The MCP listener of this studio is not running (%1), so there is no HTTP address "
           "to connect to.\n")
            .arg(setup.listenerStatus.isEmpty() ? tr("off") : setup.listenerStatus);

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
               running ? vsCodeHttpConfig(setup) : notRunning);
    m_tabs->addTab(vscode, tr("VS Code"));

    auto *http = new QWidget;
    addSnippet(http, QStringLiteral("http"),
               tr("Any MCP client that speaks Streamable HTTP: point it at this URL and send the "
                  "bearer token. The listener runs while the studio is open."),
               running ? httpClientInstructions(setup) : notRunning);
    m_tabs->addTab(http, tr("Other Clients (HTTP)"));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(listener);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(buttons);
    resize(760, 520);
    if (!running) { // nothing to copy for HTTP
        for (const char *name : {"vsCodeHttpCopy", "httpCopy"}) {
            if (auto *copy = findChild<QPushButton *>(QString::fromLatin1(name)))
                copy->setEnabled(false);
        }
    }
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

QString ConnectAgentDialog::listenerText() const
{
    const auto *label = findChild<QLabel *>(QStringLiteral("listenerState"));
    return label ? label->text() : QString();
}

QString ConnectAgentDialog::snippet(const QString &name) const
{
    const auto *edit = findChild<QPlainTextEdit *>(name);
    return edit ? edit->toPlainText() : QString();
}

} // namespace wfs::studio
