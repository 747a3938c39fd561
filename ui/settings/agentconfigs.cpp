// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "agentconfigs.h"

#include "model/json.h"

#include <QCoreApplication>
#include <QDir>
#include <QRegularExpression>

namespace wfs::studio {

namespace {

const char *const kServerName = "workflow-studio";

Json toJson(const QStringList &list)
{
    Json out = Json::array();
    for (const QString &s : list)
        out.push_back(s.toStdString());
    return out;
}

QString pretty(const Json &json)
{
    return QString::fromStdString(json.dump(2)) + QLatin1Char('\n');
}

} // namespace

AgentSetup agentSetupFor(const QStringList &workflowDirs, const QString &url,
                         const QString &token, const QString &listenerStatus)
{
    AgentSetup setup;
    setup.cliPath =
        QDir(QCoreApplication::applicationDirPath()).absoluteFilePath(QStringLiteral("wfstudio"));
    for (const QString &dir : workflowDirs) {
        const QString abs = QDir::cleanPath(QDir::current().absoluteFilePath(dir));
        if (!setup.workflowDirs.contains(abs))
            setup.workflowDirs << abs;
    }
    setup.url = url;
    setup.token = url.isEmpty() ? QString() : token;
    setup.listenerStatus = listenerStatus;
    return setup;
}

QStringList stdioArguments(const AgentSetup &setup)
{
    QStringList args{QStringLiteral("mcp")};
    for (const QString &dir : setup.workflowDirs)
        args << QStringLiteral("--workflows") << dir;
    return args;
}

QString claudeDesktopConfig(const AgentSetup &setup)
{
    Json server = {{"command", setup.cliPath.toStdString()},
                   {"args", toJson(stdioArguments(setup))}};
    return pretty(Json{{"mcpServers", Json{{kServerName, server}}}});
}

QString claudeCodeCommand(const AgentSetup &setup)
{
    QStringList words{QStringLiteral("claude"), QStringLiteral("mcp"),
                      QStringLiteral("add"),    QString::fromLatin1(kServerName),
                      QStringLiteral("--"),     shellQuote(setup.cliPath)};
    for (const QString &a : stdioArguments(setup))
        words << shellQuote(a);
    return words.join(QLatin1Char(' ')) + QLatin1Char('\n');
}

QString vsCodeStdioConfig(const AgentSetup &setup)
{
    Json server = {{"type", "stdio"},
                   {"command", setup.cliPath.toStdString()},
                   {"args", toJson(stdioArguments(setup))}};
    return pretty(Json{{"servers", Json{{kServerName, server}}}});
}

QString vsCodeHttpConfig(const AgentSetup &setup)
{
    Json server = {{"type", "http"}, {"url", setup.url.toStdString()}};
    if (!setup.token.isEmpty())
        server["headers"] = Json{{"Authorization", "Bearer " + setup.token.toStdString()}};
    return pretty(Json{{"servers", Json{{kServerName, server}}}});
}

QString httpClientInstructions(const AgentSetup &setup)
{
    QString text = QStringLiteral("URL: %1\n").arg(setup.url);
    if (!setup.token.isEmpty())
        text += QStringLiteral("Header: Authorization: Bearer %1\n").arg(setup.token);
    text += QStringLiteral("\n# Claude Code over HTTP\nclaude mcp add --transport http %1 %2")
                .arg(QString::fromLatin1(kServerName), shellQuote(setup.url));
    if (!setup.token.isEmpty())
        text += QStringLiteral(" --header %1")
                    .arg(shellQuote(QStringLiteral("Authorization: Bearer ") + setup.token));
    text +=
        QStringLiteral("\n\n# Check the listener with curl\ncurl -s %1").arg(shellQuote(setup.url));
    if (!setup.token.isEmpty())
        text += QStringLiteral(" -H %1").arg(
            shellQuote(QStringLiteral("Authorization: Bearer ") + setup.token));
    text += QStringLiteral(
        " -H 'Content-Type: application/json' -H 'Accept: application/json, text/event-stream'"
        " -d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
        "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{},"
        "\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}'\n");
    return text;
}

QString shellQuote(const QString &word)
{
    static const QRegularExpression safe(QStringLiteral("^[A-Za-z0-9_./:=@%+,-]+$"));
    if (safe.match(word).hasMatch())
        return word;
    QString quoted = word;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace wfs::studio
