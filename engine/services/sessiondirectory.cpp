// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "sessiondirectory.h"

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

StoreSessionDirectory::StoreSessionDirectory(Provider provider, std::string instanceId)
    : m_provider(std::move(provider))
    , m_instance(std::move(instanceId))
{}

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
