// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "httpsessions.h"

#include <algorithm>
#include <charconv>
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

std::shared_ptr<HttpSession> SessionTable::find(const std::string &id, bool *expired,
                                                std::string *storeError)
{
    std::shared_ptr<HttpSession> session;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_sessions.find(id);
        if (it != m_sessions.end()) {
            const std::int64_t now = steadyMs();
            const std::int64_t idleMs =
                std::chrono::duration_cast<std::chrono::milliseconds>(m_options.idleTimeout)
                    .count();
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
    }
    if (session) {
        dropSession(session);
        if (expired)
            *expired = true;
        if (!m_options.directory)
            return nullptr;
    }
    if (!m_options.directory)
        return nullptr;
    // A session another instance created (or this one forgot): adopt it from the directory.
    Result<std::optional<SessionDirectory::Entry>> entry = m_options.directory->load(id);
    if (!entry) {
        if (storeError)
            *storeError = entry.error();
        return nullptr;
    }
    if (!*entry)
        return nullptr;
    const std::optional<ProtocolVersion> version = parseProtocolVersion((*entry)->protocolVersion);
    if (!version)
        return nullptr;
    if (expired)
        *expired = false;
    auto adopted = registerSession(m_dispatcher.adoptSession(
        "http:" + id.substr(0, 8), id, *version, (*entry)->clientInfo, (*entry)->ready));
    adopted->saved = true;
    adopted->savedReady = (*entry)->ready;
    return adopted;
}

Result<void> SessionTable::share(const std::shared_ptr<HttpSession> &session)
{
    if (!m_options.directory)
        return Result<void>();
    const bool ready = session->mcp->ready();
    const std::optional<ProtocolVersion> version = session->mcp->version();
    if (!version || (session->saved.load() && session->savedReady.load() == ready))
        return Result<void>();
    SessionDirectory::Entry entry;
    entry.id = session->mcp->id();
    entry.protocolVersion = protocolVersionString(*version);
    entry.clientInfo = session->mcp->clientInfo();
    entry.ready = ready;
    Result<void> saved = m_options.directory->save(entry);
    if (saved) {
        session->savedReady = ready;
        session->saved = true;
    }
    return saved;
}

std::shared_ptr<HttpSession> SessionTable::create()
{
    const std::string id = randomHexId();
    return registerSession(m_dispatcher.createSession("http:" + id.substr(0, 8), id));
}

std::shared_ptr<HttpSession> SessionTable::registerSession(std::shared_ptr<Session> mcpSession)
{
    const std::string id = mcpSession->id();
    auto session = std::make_shared<HttpSession>(mcpSession);
    session->lastUsedMs = steadyMs();
    std::weak_ptr<HttpSession> weak = session;
    mcpSession->setSink([this, weak](const Json &message) {
        if (auto s = weak.lock())
            deliver(s, message);
    });
    std::shared_ptr<HttpSession> evicted;
    std::shared_ptr<HttpSession> replaced;
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
        // Two requests of one shared session adopted at once: the later copy wins.
        if (const auto it = m_sessions.find(id); it != m_sessions.end())
            replaced = it->second;
        m_sessions[id] = session;
    }
    if (evicted)
        dropSession(evicted);
    if (replaced) {
        std::lock_guard slock(replaced->mutex);
        replaced->closed = true;
    }
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
    if (m_options.directory) {
        if (Result<void> r = m_options.directory->remove(id); !r)
            std::fprintf(stderr, "mcp: session %s not removed from the store: %s\n", id.c_str(),
                         r.error().c_str());
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
        dropSession(session);
}

void SessionTable::dropSession(const std::shared_ptr<HttpSession> &session)
{
    if (!m_options.directory) {
        endSession(session);
        return;
    }
    m_dispatcher.forgetSession(session->mcp->id());
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
    const std::string text = serialize(message);
    // A team server keeps the event where any instance can replay it (outside the locks: a
    // round trip to the store).
    std::string shared;
    if (m_options.directory)
        shared = m_options.directory->appendEvent(session->mcp->id(), text);
    std::shared_ptr<EventStream> stream;
    std::string event;
    {
        std::lock_guard lock(session->mutex);
        if (session->closed)
            return;
        const std::uint64_t n = session->nextEvent.fetch_add(1);
        event = sseEvent(shared.empty() ? "g" + std::to_string(n) : "r" + shared, text);
        session->replay.emplace_back(n, event);
        while (session->replay.size() > m_options.replayCapacity)
            session->replay.pop_front();
        stream = session->stream.lock();
    }
    if (stream)
        stream->sendEvent(std::move(event));
}

std::string SessionTable::replayAfter(const std::shared_ptr<HttpSession> &session,
                                      const std::string &lastEventId)
{
    std::string out;
    if (lastEventId.size() > 1 && lastEventId[0] == 'r' && m_options.directory) {
        for (const auto &[id, text] :
             m_options.directory->eventsAfter(session->mcp->id(), lastEventId.substr(1)))
            out += sseEvent("r" + id, text);
        return out;
    }
    // Ids of POST streams ("p…") replay nothing.
    if (lastEventId.size() > 1 && lastEventId[0] == 'g') {
        std::uint64_t last = 0;
        const auto [ptr, ec] =
            std::from_chars(lastEventId.data() + 1, lastEventId.data() + lastEventId.size(), last);
        if (ec != std::errc())
            return out;
        std::lock_guard lock(session->mutex);
        for (const auto &[id, text] : session->replay) {
            if (id > last)
                out += text;
        }
    }
    return out;
}

std::size_t SessionTable::size() const
{
    std::lock_guard lock(m_mutex);
    return m_sessions.size();
}

} // namespace wfs::mcp
