// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The ready-to-copy configurations of the Connect an Agent dialog, generated from this
// installation's paths, listener URL and token (pure functions, tested in tst_settings).
#pragma once

#include <QString>
#include <QStringList>

namespace wfs::studio {

struct AgentSetup
{
    QString cliPath;          ///< absolute path of wfstudio
    QStringList workflowDirs; ///< extra workflow folders (passed as --workflows DIR)
    QString url;              ///< the HTTP listener's MCP endpoint, http://host:port/mcp
    QString token;            ///< bearer token ("" = no Authorization header)
};

// This installation: wfstudio next to the running binary, the settings' folders, host, port
// and token (generated and stored when there is none yet).
AgentSetup currentAgentSetup();

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
