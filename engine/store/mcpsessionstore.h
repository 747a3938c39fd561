// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// AbstractMcpSessionStore: the MCP transport sessions (Mcp-Session-Id) of a team server, kept in
// the shared store so that any instance behind a round-robin balancer can serve any request of
// any session (#19). The listener writes a session when it answers its initialize, before the
// answer leaves; another instance that receives a request with an id it does not know loads it
// from here. SQLite (one process) has no implementation: the listener's own table is enough.
#pragma once

#include "model/result.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace wfs::store {

struct McpSessionRecord
{
    std::string id;              ///< the Mcp-Session-Id
    std::string protocolVersion; ///< as negotiated by initialize
    std::string clientInfo;      ///< JSON text of initialize's clientInfo ("{}" when absent)
    std::string instance;        ///< the instance that created it (for the fleet views)
    bool initialized = false;    ///< notifications/initialized was received
    std::int64_t createdAtMs = 0;
    std::int64_t lastUsedAtMs = 0;
};

class AbstractMcpSessionStore
{
public:
    virtual ~AbstractMcpSessionStore() = default;
    // Inserts or replaces the record (created_at kept from the first save).
    virtual Result<void> save(const McpSessionRecord &session) = 0;
    virtual Result<std::optional<McpSessionRecord>> load(std::string_view id) = 0;
    virtual Result<bool> remove(std::string_view id) = 0;
    // Sets last_used_at (only ever forward).
    virtual Result<void> touch(std::string_view id, std::int64_t atMs) = 0;
    // Deletes the sessions last used before `beforeMs`; returns how many.
    virtual Result<int> expire(std::int64_t beforeMs) = 0;
};

} // namespace wfs::store
