// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The orchestration engine: the six operations behind WorkRail's MCP tools. Knows nothing of
// widgets or transports; safe to call from many threads at once.
#pragma once

#include "model/json.h"

#include <QObject>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfs {

// What a tool call answers. The MCP layer puts contentText() into content[0].text and sets
// isError; structured clients also get `payload` as structuredContent.
struct ToolResult
{
    bool isError = false;
    Json payload;     ///< the answer object; null when the answer is plain text
    std::string text; ///< plain-text answer ("Unknown tool: x"), used when payload is null

    // payload as JSON.stringify(payload, null, 2), or `text`.
    std::string contentText() const;
};

// Who is calling: attributes calls to sessions (stepper, MCP session, CLI).
struct CallContext
{
    std::string sessionId; ///< engine session id; empty = anonymous
    std::string client;    ///< "studio", "stdio", "http:<id>", ...
};

class Engine : public QObject
{
    Q_OBJECT
public:
    struct Options
    {
        bool includeBundled = true;            ///< our samples from the qrc
        bool useStandardLocations = true;      ///< ~/.workrail/workflows, ./workflows
        bool useEnvironment = true;            ///< WORKFLOW_STORAGE_PATH
        std::vector<std::string> extraDirs;    ///< --workflows DIR, highest precedence
        bool watchFiles = true;                ///< QFileSystemWatcher on every source dir
    };

    explicit Engine(Options options, QObject *parent = nullptr);
    ~Engine() override;

    // Dispatches one tools/call: `name` is the tool name, `arguments` the raw arguments object
    // as the client sent it (any JSON; WorkRail's checks and messages apply).
    ToolResult callTool(std::string_view name, const Json &arguments, const CallContext &ctx = {});

signals:
    // The set of workflows or one of them changed (file on disk, studio save, import).
    void workflowsChanged();

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace wfs
