// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "sessiondirectory.h"

#include "engine/redis/redisclient.h"
#include "engine/store/mcpsessionstore.h"

#include <chrono>

namespace wfs::services {

namespace {

std::int64_t epochMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
}

} // namespace

StoreSessionDirectory::StoreSessionDirectory(Provider provider, std::string instanceId,
                                             std::shared_ptr<redis::RedisClient> events)
    : m_provider(std::move(provider))
    , m_instance(std::move(instanceId))
    , m_events(std::move(events))
{}

std::string StoreSessionDirectory::eventKey(const std::string &sessionId) const
{
    return m_events->options().keyPrefix + "sse:" + sessionId;
}

std::string StoreSessionDirectory::appendEvent(const std::string &sessionId,
                                               const std::string &message)
{
    if (!m_events)
        return {};
    const std::string key = eventKey(sessionId);
    const std::string cap = std::to_string(kMaxEvents);
    const std::string ttl = std::to_string(kEventTtlMs);
    Result<std::vector<redis::RedisReply>> r = m_events->pipeline(
        {{"XADD", key, "MAXLEN", "~", cap, "*", "data", message}, {"PEXPIRE", key, ttl}});
    if (!r || r->empty() || (*r)[0].type != redis::RedisReply::Type::String)
        return {}; // Redis down: numbered locally (a resume elsewhere then starts afresh)
    return (*r)[0].str;
}

std::vector<std::pair<std::string, std::string>>
StoreSessionDirectory::eventsAfter(const std::string &sessionId, const std::string &afterId)
{
    std::vector<std::pair<std::string, std::string>> out;
    if (!m_events)
        return out;
    // Stream ids are "<ms>-<seq>": anything else is not ours to pass to Redis.
    for (const char c : afterId) {
        if (!((c >= '0' && c <= '9') || c == '-'))
            return out;
    }
    Result<redis::RedisReply> r = m_events->command(
        {"XRANGE", eventKey(sessionId), "(" + afterId, "+", "COUNT", std::to_string(kMaxEvents)});
    if (!r || r->type != redis::RedisReply::Type::Array)
        return out;
    for (const redis::RedisReply &entry : r->elements) {
        if (entry.elements.size() != 2 || entry.elements[1].elements.size() < 2)
            continue;
        out.emplace_back(entry.elements[0].str, entry.elements[1].elements[1].str);
    }
    return out;
}

store::AbstractMcpSessionStore *StoreSessionDirectory::store(std::string *why)
{
    store::AbstractMcpSessionStore *s = m_provider ? m_provider() : nullptr;
    if (!s)
        *why = "the team store is not connected";
    return s;
}

Result<void> StoreSessionDirectory::save(const Entry &entry)
{
    std::string why;
    store::AbstractMcpSessionStore *s = store(&why);
    if (!s)
        return Result<void>::failure(why);
    store::McpSessionRecord r;
    r.id = entry.id;
    r.protocolVersion = entry.protocolVersion;
    r.clientInfo = entry.clientInfo.dump();
    r.instance = m_instance;
    r.initialized = entry.ready;
    r.createdAtMs = r.lastUsedAtMs = epochMs();
    return s->save(r);
}

Result<std::optional<mcp::SessionDirectory::Entry>>
StoreSessionDirectory::load(const std::string &id)
{
    using R = Result<std::optional<Entry>>;
    std::string why;
    store::AbstractMcpSessionStore *s = store(&why);
    if (!s)
        return R::failure(why);
    Result<std::optional<store::McpSessionRecord>> r = s->load(id);
    if (!r)
        return R::failure(r.error());
    if (!*r)
        return std::optional<Entry>();
    Entry e;
    e.id = (*r)->id;
    e.protocolVersion = (*r)->protocolVersion;
    e.clientInfo = Json::parse((*r)->clientInfo, nullptr, false);
    if (!e.clientInfo.is_object())
        e.clientInfo = Json::object();
    e.ready = (*r)->initialized;
    return std::optional<Entry>(std::move(e));
}

Result<void> StoreSessionDirectory::remove(const std::string &id)
{
    std::string why;
    store::AbstractMcpSessionStore *s = store(&why);
    if (!s)
        return Result<void>::failure(why);
    Result<bool> r = s->remove(id);
    if (!r)
        return Result<void>::failure(r.error());
    return Result<void>();
}

} // namespace wfs::services
