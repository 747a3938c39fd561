// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "connectiontable.h"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>

namespace wfs::mcp {

ConnectionTable::ConnectionTable(Limits limits, std::function<std::int64_t()> clockMs)
    : m_limits(limits)
    , m_clockMs(std::move(clockMs))
{
    m_limits.maxConnections = std::max<std::size_t>(m_limits.maxConnections, 1);
}

std::function<std::int64_t()> ConnectionTable::defaultClockMs()
{
    return [] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(
                   std::chrono::steady_clock::now().time_since_epoch())
            .count();
    };
}

std::size_t ConnectionTable::defaultMaxConnections()
{
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY)
        return 4096;
    const auto half = static_cast<std::size_t>(limit.rlim_cur / 2);
    return std::clamp<std::size_t>(half, 16, 10'000);
}

std::uint64_t ConnectionTable::chooseVictim(const std::string *client) const
{
    std::uint64_t best = 0;
    std::int64_t bestSince = 0;
    int bestRank = 0;
    for (const auto &[id, e] : m_entries) {
        if (e.evicting || (client && e.client != *client))
            continue;
        // Idle keep-alive connections go first (a client that is done for now), then those
        // still sending a header; the longest waiting of a kind first.
        const int rank = e.state == State::Idle ? 2 : e.state == State::Header ? 1 : 0;
        if (rank == 0)
            continue;
        if (best == 0 || rank > bestRank || (rank == bestRank && e.sinceMs < bestSince)) {
            best = id;
            bestSince = e.sinceMs;
            bestRank = rank;
        }
    }
    return best;
}

ConnectionTable::Admission ConnectionTable::admit(const std::string &client)
{
    std::lock_guard lock(m_mutex);
    Admission out;
    const auto it = m_perClient.find(client);
    const std::size_t mine = it == m_perClient.end() ? 0 : it->second;
    const bool clientFull = m_limits.maxPerClient > 0 && mine >= m_limits.maxPerClient;
    const bool full = m_counted >= m_limits.maxConnections;
    if (!clientFull && !full) {
        out.admitted = true;
        return out;
    }
    // At the client's cap the room must come from that client; at the total cap from anyone.
    out.perClient = clientFull;
    const std::uint64_t victim = chooseVictim(clientFull ? &client : nullptr);
    if (victim == 0) {
        ++m_refusals;
        return out;
    }
    out.admitted = true;
    out.victim = markEvicting(victim);
    return out;
}

std::weak_ptr<Evictable> ConnectionTable::markEvicting(std::uint64_t id)
{
    Entry &e = m_entries.at(id);
    e.evicting = true;
    --m_counted;
    if (auto c = m_perClient.find(e.client); c != m_perClient.end() && --c->second == 0)
        m_perClient.erase(c);
    ++m_evictions;
    return e.connection;
}

std::weak_ptr<Evictable> ConnectionTable::evictOne()
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t victim = chooseVictim(nullptr);
    return victim == 0 ? std::weak_ptr<Evictable>() : markEvicting(victim);
}

std::vector<std::weak_ptr<Evictable>> ConnectionTable::all() const
{
    std::lock_guard lock(m_mutex);
    std::vector<std::weak_ptr<Evictable>> out;
    out.reserve(m_entries.size());
    for (const auto &[id, e] : m_entries)
        out.push_back(e.connection);
    return out;
}

std::uint64_t ConnectionTable::add(const std::string &client, std::weak_ptr<Evictable> connection)
{
    std::lock_guard lock(m_mutex);
    const std::uint64_t id = m_nextId++;
    m_entries.emplace(id, Entry{client, std::move(connection), State::Header, m_clockMs(), false});
    ++m_perClient[client];
    ++m_counted;
    return id;
}

void ConnectionTable::setState(std::uint64_t id, State state)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end() || it->second.state == state)
        return;
    it->second.state = state;
    it->second.sinceMs = m_clockMs();
}

void ConnectionTable::remove(std::uint64_t id)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(id);
    if (it == m_entries.end())
        return;
    if (!it->second.evicting) {
        --m_counted;
        if (auto c = m_perClient.find(it->second.client);
            c != m_perClient.end() && --c->second == 0)
            m_perClient.erase(c);
    }
    m_entries.erase(it);
}

std::size_t ConnectionTable::size() const
{
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

std::size_t ConnectionTable::countFor(const std::string &client) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_perClient.find(client);
    return it == m_perClient.end() ? 0 : it->second;
}

std::uint64_t ConnectionTable::evictions() const
{
    std::lock_guard lock(m_mutex);
    return m_evictions;
}

std::uint64_t ConnectionTable::refusals() const
{
    std::lock_guard lock(m_mutex);
    return m_refusals;
}

} // namespace wfs::mcp
