// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The ready-to-copy configurations of the Connect an Agent dialog, generated from this
// installation's paths, the studio's workflow folders and the running listener's URL and token
// (pure functions, tested in tst_settings).
#pragma once

#include <QString>
#include <QStringList>

namespace wfs::studio {

struct AgentSetup
{
    QString cliPath;          ///< absolute path of wfstudio
    QStringList workflowDirs; ///< the studio's workflow folders (passed as --workflows DIR)
    QString url;              ///< the running listener's endpoint, http://host:port/mcp; "" = off
    QString token;            ///< bearer token ("" = no Authorization header)
    QString listenerStatus;   ///< why there is no listener when `url` is "" (status bar text)
};

// This installation's wfstudio (next to the running binary) serving `workflowDirs` (made
// absolute: agents start in other folders), and the listener's `url` and `token` as the
// running server reports them ("" when it is not running, `listenerStatus` saying why).
AgentSetup agentSetupFor(const QStringList &workflowDirs, const QString &url,
                         const QString &token, const QString &listenerStatus = {});

// Arguments of `wfstudio mcp` for the stdio configurations: "mcp" [--workflows DIR]...
QStringList stdioArguments(const AgentSetup &setup);
// claude_desktop_config.json: {"mcpServers": {"workflow-studio": {command, args}}}
QString claudeDesktopConfig(const AgentSetup &setup);
// claude mcp add workflow-studio -- <cli> mcp ...
QString claudeCodeCommand(const AgentSetup &setup);
// .vscode/mcp.json with a stdio server
QString vsCodeStdioConfig(const AgentSetup &setup);
// .vscode/mcp.json with the HTTP listener and its Authorization header
QString vsCodeHttpConfig(const AgentSetup &setup);
// Any client: URL, header, and a curl line that initializes a session.
QString httpClientInstructions(const AgentSetup &setup);
// POSIX shell quoting ('…' when needed).
QString shellQuote(const QString &word);

} // namespace wfs::studio
