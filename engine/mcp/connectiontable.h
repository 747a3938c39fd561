// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The listener's open connections and the admission policy that keeps a flood of idle or slow
// sockets from locking real clients out. Every connection is registered with its client
// address and its state; a new connection is admitted while the table is below its caps (in
// total, and per client address). At a cap, the connection that has waited longest without a
// request in progress (idle keep-alive, or still sending its header) is evicted to make room;
// connections with a request in progress or an open SSE stream are never evicted. When nothing
// can be evicted the newcomer is refused (the listener answers 503 and closes).
//
// Thread-safe: the acceptor admits, each connection's own thread updates its state.
//   auto admission = table.admit(client);
//   if (!admission.admitted) refuse(); else { if (auto v = admission.victim.lock()) v->evict(); }
//   auto id = table.add(client, connection);  ...  table.setState(id, State::Busy);  ...
//   table.remove(id);                          // in the connection's destructor
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace wfs::mcp {

// What the table can ask of a connection (implemented by the listener's connections).
class Evictable
{
public:
    virtual ~Evictable() = default;
    // Closes the connection if it is still without a request in progress (from any thread).
    virtual void evict() = 0;
    // Closes the connection whatever it is doing (the listener stops; from any thread).
    virtual void close() = 0;
};

class ConnectionTable
{
public:
    enum class State {
        Header,   ///< waiting for (the rest of) a request header: evictable
        Idle,     ///< keep-alive, waiting for the next request's first byte: evictable
        Busy,     ///< reading a body, dispatching or writing an answer
        Streaming ///< an open SSE stream
    };

    struct Limits
    {
        std::size_t maxConnections = 512; ///< in total (>= 1)
        std::size_t maxPerClient = 0;     ///< per client address; 0 = no per-client cap
    };

    struct Admission
    {
        bool admitted = false;
        std::weak_ptr<Evictable> victim; ///< evict this one to make room (may be empty)
        bool perClient = false;          ///< the client's own cap was the one reached
    };

    explicit ConnectionTable(Limits limits,
                             std::function<std::int64_t()> clockMs = defaultClockMs());

    // Whether a new connection from `client` may be served, and whom to evict for it.
    // An evicted connection stops counting against the caps at once.
    Admission admit(const std::string &client);
    // Registers an admitted connection (state Header). Returns its id.
    std::uint64_t add(const std::string &client, std::weak_ptr<Evictable> connection);
    // Out of descriptors: picks the longest-waiting evictable connection (see admit()), which
    // stops counting at once. Empty when there is none.
    std::weak_ptr<Evictable> evictOne();
    // Every registered connection (to close them all).
    std::vector<std::weak_ptr<Evictable>> all() const;
    void setState(std::uint64_t id, State state);
    void remove(std::uint64_t id);

    std::size_t size() const;                              ///< registered connections
    std::size_t countFor(const std::string &client) const; ///< of one client
    std::uint64_t evictions() const;                       ///< since construction
    std::uint64_t refusals() const;                        ///< since construction
    const Limits &limits() const { return m_limits; }

    // The default cap for a process: half the soft descriptor limit (getrlimit), so that the
    // store, the workflows and the back-off never run out; at least 16, at most 10,000.
    static std::size_t defaultMaxConnections();
    static std::function<std::int64_t()> defaultClockMs();

private:
    struct Entry
    {
        std::string client;
        std::weak_ptr<Evictable> connection;
        State state = State::Header;
        std::int64_t sinceMs = 0;
        bool evicting = false; ///< chosen as a victim: no longer counted
    };
    std::uint64_t chooseVictim(const std::string *client) const; ///< 0 = none; lock held
    std::weak_ptr<Evictable> markEvicting(std::uint64_t id);     ///< lock held

    Limits m_limits;
    std::function<std::int64_t()> m_clockMs;
    mutable std::mutex m_mutex;
    std::map<std::uint64_t, Entry> m_entries;
    std::map<std::string, std::size_t> m_perClient; ///< counted (not evicting) connections
    std::size_t m_counted = 0;                      ///< entries not evicting
    std::uint64_t m_nextId = 1;
    std::uint64_t m_evictions = 0;
    std::uint64_t m_refusals = 0;
};

} // namespace wfs::mcp
