// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// StoreSessionDirectory: the listener's SessionDirectory (engine/mcp/httpsessions.h) on a team
// store's MCP sessions (store::AbstractMcpSessionStore), so that any instance of a team server
// serves any session. The store is asked for through a provider, because `wfstudio mcp` builds
// its runtime after the listener is up (the provider waits for it, as RuntimeBackend's does).
//
//   httpOptions.sessionDirectory = std::make_shared<services::StoreSessionDirectory>(
//       [&] { return runtime().mcpSessionStore(); }, instanceId, redisClient);
//
// With a Redis client, the events of GET streams go to a Redis stream per session too, so a
// client that reconnects elsewhere with Last-Event-ID resumes (the listener's "r<id>" ids).
#pragma once

#include "engine/mcp/httpsessions.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <string>

namespace wfs::store {
class AbstractMcpSessionStore;
}
namespace wfs::redis {
class RedisClient;
}

namespace wfs::services {

class StoreSessionDirectory final : public mcp::SessionDirectory
{
public:
    using Provider = std::function<store::AbstractMcpSessionStore *()>;

    // `events`: where GET-stream events are kept for a resume on another instance (a Redis
    // stream per session, the newest kMaxEvents for kEventTtlMs); null = not kept.
    StoreSessionDirectory(Provider provider, std::string instanceId,
                          std::shared_ptr<redis::RedisClient> events = nullptr);

    Result<void> save(const Entry &entry) override;
    Result<std::optional<Entry>> load(const std::string &id) override;
    Result<void> remove(const std::string &id) override;
    std::string appendEvent(const std::string &sessionId, const std::string &message) override;
    std::vector<std::pair<std::string, std::string>>
    eventsAfter(const std::string &sessionId, const std::string &afterId) override;

    static constexpr int kMaxEvents = 1000;
    static constexpr std::int64_t kEventTtlMs = 3'600'000;

private:
    store::AbstractMcpSessionStore *store(std::string *why);

    std::string eventKey(const std::string &sessionId) const;

    Provider m_provider;
    std::string m_instance;
    std::shared_ptr<redis::RedisClient> m_events;
};

} // namespace wfs::services
