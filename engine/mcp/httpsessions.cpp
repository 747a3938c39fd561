// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "httpsessions.h"

#include <algorithm>
#include <cstdio>

namespace wfs::mcp {

namespace {

std::int64_t steadyMs()
{
    return std::chrono::duration_cast<std::chrono::milliseconds>(
               std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

} // namespace

std::string sseEvent(const std::string &id, const std::string &data)
{
    std::string out;
    out.reserve(data.size() + id.size() + 32);
    out += "event: message\n";
    if (!id.empty())
        out += "id: " + id + "\n";
    out += "data: " + data + "\n\n";
    return out;
}

std::string httpChunk(const std::string &data)
{
    char size[20];
    const int n = std::snprintf(size, sizeof size, "%zx\r\n", data.size());
    std::string out(size, static_cast<std::size_t>(n));
    out += data;
    out += "\r\n";
    return out;
}

SessionTable::SessionTable(Dispatcher &dispatcher, Options options)
    : m_dispatcher(dispatcher)
    , m_options(options)
{}

std::shared_ptr<HttpSession> SessionTable::find(const std::string &id, bool *expired)
{
    std::shared_ptr<HttpSession> session;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_sessions.find(id);
        if (it == m_sessions.end())
            return nullptr;
        const std::int64_t now = steadyMs();
        const std::int64_t idleMs =
            std::chrono::duration_cast<std::chrono::milliseconds>(m_options.idleTimeout).count();
        session = it->second;
        bool streaming = false;
        {
            std::lock_guard slock(session->mutex);
            streaming = !session->stream.expired();
        }
        if (streaming || now - session->lastUsedMs.load() <= idleMs) {
            session->lastUsedMs = now;
            return session;
        }
        m_sessions.erase(it);
    }
    endSession(session);
    if (expired)
        *expired = true;
    return nullptr;
}

std::shared_ptr<HttpSession> SessionTable::create()
{
    const std::string id = randomHexId();
    auto mcpSession = m_dispatcher.createSession("http:" + id.substr(0, 8), id);
    auto session = std::make_shared<HttpSession>(mcpSession);
    session->lastUsedMs = steadyMs();
    std::weak_ptr<HttpSession> weak = session;
    mcpSession->setSink([this, weak](const Json &message) {
        if (auto s = weak.lock())
            deliver(s, message);
    });
    std::shared_ptr<HttpSession> evicted;
    {
        std::lock_guard lock(m_mutex);
        if (m_sessions.size() >= std::max<std::size_t>(m_options.maxSessions, 1)) {
            auto oldest =
                std::min_element(m_sessions.begin(), m_sessions.end(), [](auto &a, auto &b) {
                    return a.second->lastUsedMs.load() < b.second->lastUsedMs.load();
                });
            evicted = oldest->second;
            m_sessions.erase(oldest);
        }
        m_sessions.emplace(id, session);
    }
    if (evicted)
        endSession(evicted);
    return session;
}

void SessionTable::remove(const std::string &id)
{
    std::shared_ptr<HttpSession> session;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_sessions.find(id);
        if (it == m_sessions.end())
            return;
        session = it->second;
        m_sessions.erase(it);
    }
    endSession(session);
}

void SessionTable::clear()
{
    std::map<std::string, std::shared_ptr<HttpSession>> all;
    {
        std::lock_guard lock(m_mutex);
        all.swap(m_sessions);
    }
    for (const auto &[id, session] : all)
        endSession(session);
}

void SessionTable::endSession(const std::shared_ptr<HttpSession> &session)
{
    m_dispatcher.closeSession(session->mcp->id());
    std::shared_ptr<EventStream> stream;
    {
        std::lock_guard lock(session->mutex);
        session->closed = true;
        stream = session->stream.lock();
    }
    session->mcp->setSink({});
    if (stream)
        stream->close();
}

void SessionTable::deliver(const std::shared_ptr<HttpSession> &session, const Json &message)
{
    std::shared_ptr<EventStream> stream;
    std::string event;
    {
        std::lock_guard lock(session->mutex);
        if (session->closed)
            return;
        const std::uint64_t n = session->nextEvent.fetch_add(1);
        event = sseEvent("g" + std::to_string(n), serialize(message));
        session->replay.emplace_back(n, event);
        while (session->replay.size() > m_options.replayCapacity)
            session->replay.pop_front();
        stream = session->stream.lock();
    }
    if (stream)
        stream->sendEvent(std::move(event));
}

std::size_t SessionTable::size() const
{
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

} // namespace wfs::mcp
