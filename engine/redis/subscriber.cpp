// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The subscriber's thread: a non-blocking hiredis context polled together with an eventfd that
// the destructor signals; reconnects with back-off.
#include "subscriber.h"

#include "hiredisutil.h"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstring>
#include <optional>
#include <thread>

namespace wfs::redis {

using namespace detail;
using Clock = std::chrono::steady_clock;

namespace {
constexpr int kMinBackoffMs = 250;
constexpr int kMaxBackoffMs = 1000;
} // namespace

struct Subscriber::Impl
{
    RedisOptions options;
    std::optional<RedisEndpoint> endpoint;
    std::string channel;
    std::function<void(const std::string &)> callback;
    int wakeFd = -1;
    std::atomic<bool> stopping{false};
    std::atomic<bool> isSubscribed{false};
    std::atomic<std::uint64_t> subscriptionCount{0};
    std::thread thread;

    enum class Wait { Ready, TimedOut, Stop, Error };

    // Waits until `fd` has `events` (or the wake-up descriptor fires) for at most `timeoutMs`
    // (-1: no limit).
    Wait waitFor(int fd, short events, int timeoutMs) const
    {
        pollfd fds[2] = {{wakeFd, POLLIN, 0}, {fd, events, 0}};
        const int n = fd >= 0 ? 2 : 1;
        for (;;) {
            if (stopping.load())
                return Wait::Stop;
            const int r = ::poll(fds, nfds_t(n), timeoutMs);
            if (r < 0 && errno == EINTR)
                continue;
            if (r < 0)
                return Wait::Error;
            if (r == 0)
                return Wait::TimedOut;
            if (fds[0].revents || stopping.load())
                return Wait::Stop;
            return Wait::Ready;
        }
    }

    void deliver(const std::string &payload) const
    {
        try {
            callback(payload);
        } catch (...) {
            // The callback's problem; the subscription goes on.
        }
    }

    // Writes what is buffered, waiting for the socket at most the command timeout at a time.
    bool flush(redisContext *c) const
    {
        for (int done = 0; !done;) {
            if (redisBufferWrite(c, &done) != REDIS_OK)
                return false;
            if (!done && waitFor(c->fd, POLLOUT, options.commandTimeoutMs) != Wait::Ready)
                return false;
        }
        return true;
    }

    // One connection's life: connect, AUTH, SUBSCRIBE, deliver until it breaks or we stop.
    // Returns true when the subscription was established.
    bool session(bool notifyMissed)
    {
        const RedisEndpoint &ep = *endpoint;
        ContextPtr c(redisConnectNonBlock(ep.host.c_str(), ep.port));
        if (!c || c->err)
            return false;
        // Non-blocking connect: writable = connected (or failed, SO_ERROR says which).
        if (waitFor(c->fd, POLLOUT, options.connectTimeoutMs) != Wait::Ready)
            return false;
        int soError = 0;
        socklen_t len = sizeof soError;
        if (getsockopt(c->fd, SOL_SOCKET, SO_ERROR, &soError, &len) != 0 || soError != 0)
            return false;
        (void)redisEnableKeepAlive(c.get());

        bool expectAuth = false;
        if (!ep.password.empty()) {
            std::vector<std::string_view> auth{"AUTH"};
            if (!ep.username.empty())
                auth.push_back(ep.username);
            auth.push_back(ep.password);
            if (!appendArgv(c.get(), auth))
                return false;
            expectAuth = true;
        }
        if (!appendArgv(c.get(), {"SUBSCRIBE", channel}))
            return false;
        if (!flush(c.get()))
            return false;

        bool established = false;
        // Liveness: after a silence a PING (answered ["pong", ""] in subscribed mode); no byte
        // back in time means a dead peer or path, so reconnect.
        const auto idlePing =
            std::chrono::milliseconds(std::max(1000, 10 * options.commandTimeoutMs));
        const auto pingWait =
            std::chrono::milliseconds(std::max(1000, 3 * options.commandTimeoutMs));
        auto lastTraffic = Clock::now();
        bool pinging = false; ///< a PING is out, sent at pingSent
        Clock::time_point pingSent{};
        for (;;) {
            // Every complete reply already read.
            for (;;) {
                void *raw = nullptr;
                if (redisGetReplyFromReader(c.get(), &raw) != REDIS_OK)
                    return established;
                if (!raw)
                    break;
                ReplyPtr owner(raw);
                const RedisReply reply = copyReply(static_cast<const redisReply *>(raw));
                if (expectAuth) {
                    expectAuth = false;
                    if (reply.isError())
                        return established; // wrong password: retried with back-off
                    continue;
                }
                if (reply.type != RedisReply::Type::Array || reply.elements.size() < 3)
                    continue;
                const std::string &kind = reply.elements[0].str;
                if (kind == "subscribe") {
                    established = true;
                    isSubscribed.store(true);
                    subscriptionCount.fetch_add(1);
                    if (notifyMissed)
                        deliver(std::string());
                } else if (kind == "message" && reply.elements[1].str == channel) {
                    deliver(reply.elements[2].str);
                }
                if (stopping.load())
                    return established;
            }
            // Until the subscription is confirmed, Redis must answer within the command timeout.
            int timeoutMs = options.commandTimeoutMs;
            if (established) {
                const auto due = pinging ? pingSent + pingWait : lastTraffic + idlePing;
                timeoutMs = int(std::max<std::int64_t>(
                    0, std::chrono::duration_cast<std::chrono::milliseconds>(due - Clock::now())
                           .count()));
            }
            const Wait w = waitFor(c->fd, POLLIN, timeoutMs);
            if (w == Wait::TimedOut && established && !pinging) {
                if (!appendArgv(c.get(), {"PING"}) || !flush(c.get()))
                    return established;
                pinging = true;
                pingSent = Clock::now();
                continue;
            }
            if (w != Wait::Ready)
                return established; // stopped, no answer in time, poll error
            if (redisBufferRead(c.get()) != REDIS_OK)
                return established; // closed by the server, reset, ...
            lastTraffic = Clock::now();
            pinging = false;
        }
    }

    void run()
    {
        bool first = true;
        int backoffMs = kMinBackoffMs;
        while (!stopping.load()) {
            const bool established = session(!first);
            first = false;
            isSubscribed.store(false);
            if (established)
                backoffMs = kMinBackoffMs;
            if (waitFor(-1, 0, backoffMs) == Wait::Stop)
                break;
            if (!established)
                backoffMs = std::min(backoffMs * 2, kMaxBackoffMs);
        }
    }
};

Subscriber::Subscriber(RedisOptions options, std::string channel,
                       std::function<void(const std::string &)> callback)
    : d(std::make_unique<Impl>())
{
    ignoreSigpipeOnce();
    d->options = std::move(options);
    d->channel = std::move(channel);
    d->callback = std::move(callback);
    if (Result<RedisEndpoint> ep = parseRedisEndpoint(d->options.url); ep)
        d->endpoint = std::move(*ep);
    else
        return; // nothing to connect to; subscribed() stays false
    d->wakeFd = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    if (d->wakeFd < 0)
        return;
    d->thread = std::thread([impl = d.get()] { impl->run(); });
}

Subscriber::~Subscriber()
{
    d->stopping.store(true);
    if (d->wakeFd >= 0) {
        const std::uint64_t one = 1;
        (void)!::write(d->wakeFd, &one, sizeof one);
    }
    if (d->thread.joinable())
        d->thread.join();
    if (d->wakeFd >= 0)
        ::close(d->wakeFd);
}

bool Subscriber::subscribed() const
{
    return d->isSubscribed.load();
}

std::uint64_t Subscriber::subscriptions() const
{
    return d->subscriptionCount.load();
}

} // namespace wfs::redis
