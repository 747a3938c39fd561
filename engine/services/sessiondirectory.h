// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// StoreSessionDirectory: the listener's SessionDirectory (engine/mcp/httpsessions.h) on a team
// store's MCP sessions (store::AbstractMcpSessionStore), so that any instance of a team server
// serves any session. The store is asked for through a provider, because `wfstudio mcp` builds
// its runtime after the listener is up (the provider waits for it, as RuntimeBackend's does).
//
//   httpOptions.sessionDirectory = std::make_shared<services::StoreSessionDirectory>(
//       [&] { return runtime().mcpSessionStore(); }, instanceId);
#pragma once

#include "engine/mcp/httpsessions.h"

#include <functional>
#include <string>

namespace wfs::store {
class AbstractMcpSessionStore;
}

namespace wfs::services {

class StoreSessionDirectory final : public mcp::SessionDirectory
{
public:
    using Provider = std::function<store::AbstractMcpSessionStore *()>;

    StoreSessionDirectory(Provider provider, std::string instanceId);

    Result<void> save(const Entry &entry) override;
    Result<std::optional<Entry>> load(const std::string &id) override;
    Result<void> remove(const std::string &id) override;

private:
    store::AbstractMcpSessionStore *store(std::string *why);

    Provider m_provider;
    std::string m_instance;
};

} // namespace wfs::services
