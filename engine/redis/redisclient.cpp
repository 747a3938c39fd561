// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// URL parsing, the connection pool with its down state and back-off, commands, pipelines and
// scripts over hiredis 0.14 (blocking contexts with connect and command timeouts).
#include "redisclient.h"

#include "hiredisutil.h"

#include <QCryptographicHash>

#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <mutex>
#include <optional>

namespace wfs::redis {

using namespace detail;
using Clock = std::chrono::steady_clock;

namespace {

constexpr std::chrono::milliseconds kMinBackoff{250};
constexpr std::chrono::milliseconds kMaxBackoff{1000};

// The URL with its password replaced, for error messages.
std::string redact(std::string_view url)
{
    const std::size_t scheme = url.find("://");
    const std::size_t from = scheme == std::string_view::npos ? 0 : scheme + 3;
    const std::size_t at = url.find('@', from);
    if (at == std::string_view::npos)
        return std::string(url);
    const std::size_t colon = url.find(':', from);
    if (colon == std::string_view::npos || colon > at)
        return std::string(url);
    return std::string(url.substr(0, colon + 1)) + "***" + std::string(url.substr(at));
}

bool parseInt(std::string_view s, int &out)
{
    if (s.empty())
        return false;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
    return ec == std::errc() && end == s.data() + s.size();
}

Result<std::string> percentDecode(std::string_view s, const char *what)
{
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        const auto hex = [](char c) -> int {
            if (c >= '0' && c <= '9')
                return c - '0';
            if (c >= 'a' && c <= 'f')
                return c - 'a' + 10;
            if (c >= 'A' && c <= 'F')
                return c - 'A' + 10;
            return -1;
        };
        if (i + 2 >= s.size() || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0)
            return Result<std::string>::failure(std::string("bad %-escape in the ") + what);
        out += char(hex(s[i + 1]) * 16 + hex(s[i + 2]));
        i += 2;
    }
    return out;
}

std::string defaultInstanceId()
{
    char host[256] = {};
    if (gethostname(host, sizeof host - 1) != 0)
        host[0] = '\0';
    return std::string(host[0] ? host : "localhost") + ":" + std::to_string(getpid());
}

} // namespace

void ignoreSigpipeOnce()
{
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction current = {};
        if (sigaction(SIGPIPE, nullptr, &current) == 0 && current.sa_handler == SIG_DFL)
            std::signal(SIGPIPE, SIG_IGN);
    });
}

std::string RedisEndpoint::describe() const
{
    const bool v6 = host.find(':') != std::string::npos;
    return "redis://" + (v6 ? "[" + host + "]" : host) + ":" + std::to_string(port) + "/" +
           std::to_string(db);
}

Result<RedisEndpoint> parseRedisEndpoint(std::string_view url)
{
    using R = Result<RedisEndpoint>;
    const auto fail = [&](const std::string &why) {
        return R::failure("Redis URL '" + redact(url) + "': " + why);
    };
    constexpr std::string_view kScheme = "redis://";
    if (url.empty())
        return R::failure("Redis URL is empty (expected redis://HOST:PORT[/DB])");
    if (url.starts_with("rediss://"))
        return fail("TLS (rediss://) is not supported; use redis://");
    if (url.starts_with("unix:") || url.starts_with("redis+unix:"))
        return fail("Unix sockets are not supported; use redis://HOST:PORT[/DB]");
    if (!url.starts_with(kScheme))
        return fail("must start with redis:// (expected redis://HOST:PORT[/DB])");
    std::string_view rest = url.substr(kScheme.size());
    if (const std::size_t q = rest.find_first_of("?#"); q != std::string_view::npos)
        return fail("query strings and fragments are not supported ('" +
                    std::string(rest.substr(q)) + "')");

    RedisEndpoint ep;
    // [[user]:password@]
    if (const std::size_t at = rest.rfind('@'); at != std::string_view::npos) {
        const std::string_view auth = rest.substr(0, at);
        rest = rest.substr(at + 1);
        const std::size_t colon = auth.find(':');
        if (colon == std::string_view::npos)
            return fail("credentials must be ':PASSWORD@' or 'USER:PASSWORD@'");
        Result<std::string> user = percentDecode(auth.substr(0, colon), "user name");
        Result<std::string> pass = percentDecode(auth.substr(colon + 1), "password");
        if (!user)
            return fail(user.error());
        if (!pass)
            return fail(pass.error());
        if (pass->empty())
            return fail("the password after ':' is empty");
        ep.username = std::move(*user);
        ep.password = std::move(*pass);
    }
    // host[:port][/db]
    std::string_view hostPort = rest;
    std::string_view dbPart;
    bool hasDb = false;
    if (const std::size_t slash = rest.find('/'); slash != std::string_view::npos) {
        hostPort = rest.substr(0, slash);
        dbPart = rest.substr(slash + 1);
        hasDb = true;
    }
    std::string_view portPart;
    bool hasPort = false;
    if (hostPort.starts_with('[')) {
        const std::size_t close = hostPort.find(']');
        if (close == std::string_view::npos)
            return fail("'[' of an IPv6 address is not closed");
        ep.host = std::string(hostPort.substr(1, close - 1));
        const std::string_view after = hostPort.substr(close + 1);
        if (!after.empty()) {
            if (after[0] != ':')
                return fail("expected ':PORT' after the IPv6 address");
            portPart = after.substr(1);
            hasPort = true;
        }
    } else {
        const std::size_t colon = hostPort.find(':');
        ep.host = std::string(hostPort.substr(0, colon));
        if (colon != std::string_view::npos) {
            portPart = hostPort.substr(colon + 1);
            hasPort = true;
        }
    }
    if (ep.host.empty())
        return fail("the host is missing (expected redis://HOST:PORT[/DB])");
    if (ep.host.find_first_of(" \t/@[]") != std::string::npos)
        return fail("the host '" + ep.host + "' is not a host name or address");
    if (hasPort && (!parseInt(portPart, ep.port) || ep.port < 1 || ep.port > 65535))
        return fail("the port '" + std::string(portPart) + "' is not a number from 1 to 65535");
    if (hasDb && !dbPart.empty() && (!parseInt(dbPart, ep.db) || ep.db < 0 || ep.db > 1'000'000))
        return fail("the database '" + std::string(dbPart) + "' is not a number (0, 1, ...)");
    return ep;
}

Result<RedisOptions> parseRedisUrl(std::string_view url)
{
    Result<RedisEndpoint> ep = parseRedisEndpoint(url);
    if (!ep)
        return Result<RedisOptions>::failure(ep.error());
    RedisOptions o;
    o.url = std::string(url);
    return o;
}

RedisScript::RedisScript(std::string source)
    : m_source(std::move(source))
{
    m_sha1 = QCryptographicHash::hash(QByteArrayView(m_source.data(), qsizetype(m_source.size())),
                                      QCryptographicHash::Sha1)
                 .toHex()
                 .toStdString();
}

// ---------------------------------------------------------------------------------------------

struct RedisClient::Impl
{
    RedisOptions options;
    std::optional<RedisEndpoint> endpoint; ///< nullopt: the URL is invalid (urlError says why)
    std::string urlError;

    mutable std::mutex mutex;
    std::condition_variable released;
    std::vector<redisContext *> idle;
    int open = 0; ///< idle + lent out
    bool down = false;
    Clock::time_point nextDial{};
    std::chrono::milliseconds backoff = kMinBackoff;
    std::string lastError;
    std::atomic<bool> available{false};

    std::atomic<std::uint64_t> commands{0}, failures{0}, fastFails{0}, dials{0}, dialFailures{0};

    struct Lease
    {
        redisContext *context = nullptr;
        bool reused = false;
    };

    ~Impl()
    {
        for (redisContext *c : idle)
            redisFree(c);
    }

    Result<ContextPtr> dial() const
    {
        using R = Result<ContextPtr>;
        const RedisEndpoint &ep = *endpoint;
        ContextPtr c(
            redisConnectWithTimeout(ep.host.c_str(), ep.port, toTimeval(options.connectTimeoutMs)));
        if (!c)
            return R::failure("cannot connect to " + ep.describe() + ": out of memory");
        if (c->err)
            return R::failure("cannot connect to " + ep.describe() + ": " + c->errstr);
        if (redisSetTimeout(c.get(), toTimeval(options.commandTimeoutMs)) != REDIS_OK)
            return R::failure("cannot set the command timeout on " + ep.describe());
        (void)redisEnableKeepAlive(c.get());
        const auto handshake = [&](const std::vector<std::string_view> &argv,
                                   const char *what) -> Result<void> {
            if (!appendArgv(c.get(), argv))
                return Result<void>::failure("out of memory");
            void *raw = nullptr;
            if (redisGetReply(c.get(), &raw) != REDIS_OK)
                return Result<void>::failure(std::string(what) + " on " + ep.describe() +
                                             " failed: " + c->errstr);
            ReplyPtr reply(raw);
            const auto *r = static_cast<const redisReply *>(raw);
            if (r->type == REDIS_REPLY_ERROR)
                return Result<void>::failure(std::string(what) + " on " + ep.describe() +
                                             " refused: " + std::string(r->str, r->len));
            return {};
        };
        if (!ep.password.empty()) {
            std::vector<std::string_view> auth{"AUTH"};
            if (!ep.username.empty())
                auth.push_back(ep.username);
            auth.push_back(ep.password);
            if (Result<void> r = handshake(auth, "AUTH"); !r)
                return R::failure(r.error());
        }
        if (ep.db != 0) {
            const std::string db = std::to_string(ep.db);
            if (Result<void> r = handshake({"SELECT", db}, "SELECT"); !r)
                return R::failure(r.error());
        }
        return c;
    }

    // Caller holds the mutex.
    void markDownLocked(const std::string &error)
    {
        if (!down) {
            down = true;
            backoff = kMinBackoff;
        } else {
            backoff = std::min(backoff * 2, kMaxBackoff);
        }
        nextDial = Clock::now() + backoff;
        lastError = error;
        available.store(false, std::memory_order_relaxed);
        // The idle connections talk to the same server: drop them too.
        for (redisContext *c : idle)
            redisFree(c);
        open -= int(idle.size());
        idle.clear();
        released.notify_all();
    }

    void markUpLocked()
    {
        down = false;
        backoff = kMinBackoff;
        available.store(true, std::memory_order_relaxed);
    }

    Result<Lease> acquire()
    {
        using R = Result<Lease>;
        if (!endpoint) {
            fastFails.fetch_add(1, std::memory_order_relaxed);
            return R::failure(urlError);
        }
        std::unique_lock lock(mutex);
        const auto deadline = Clock::now() + std::chrono::milliseconds(options.commandTimeoutMs);
        for (;;) {
            if (!idle.empty()) {
                redisContext *c = idle.back();
                idle.pop_back();
                return Lease{c, true};
            }
            const auto now = Clock::now();
            if (down && now < nextDial) {
                fastFails.fetch_add(1, std::memory_order_relaxed);
                const auto wait =
                    std::chrono::duration_cast<std::chrono::milliseconds>(nextDial - now);
                return R::failure("Redis " + endpoint->describe() + " is unavailable (" +
                                  lastError + "); next attempt in " + std::to_string(wait.count()) +
                                  " ms");
            }
            if (open < std::max(1, options.poolSize)) {
                ++open;
                if (down)
                    nextDial = now + backoff; // everyone else fails fast while this one probes
                lock.unlock();
                dials.fetch_add(1, std::memory_order_relaxed);
                Result<ContextPtr> c = dial();
                lock.lock();
                if (!c) {
                    --open;
                    dialFailures.fetch_add(1, std::memory_order_relaxed);
                    markDownLocked(c.error());
                    return R::failure(c.error());
                }
                // Up only once a command succeeds on it: a hung Redis accepts connections.
                return Lease{c->release(), false};
            }
            if (released.wait_until(lock, deadline) == std::cv_status::timeout && idle.empty() &&
                open >= std::max(1, options.poolSize))
                return R::failure("Redis " + endpoint->describe() + ": all " +
                                  std::to_string(options.poolSize) + " connections busy for " +
                                  std::to_string(options.commandTimeoutMs) + " ms");
        }
    }

    // Returns a connection: kept when healthy, else closed.
    void release(redisContext *c, bool healthy)
    {
        std::lock_guard lock(mutex);
        if (healthy && c->err == 0) {
            idle.push_back(c);
            markUpLocked();
        } else {
            redisFree(c);
            --open;
        }
        released.notify_one();
    }

    Result<std::vector<RedisReply>> run(const std::vector<std::vector<std::string_view>> &cmds)
    {
        using R = Result<std::vector<RedisReply>>;
        commands.fetch_add(1, std::memory_order_relaxed);
        for (int attempt = 0;; ++attempt) {
            Result<Lease> lease = acquire();
            if (!lease) {
                failures.fetch_add(1, std::memory_order_relaxed);
                return R::failure(lease.error());
            }
            redisContext *c = lease->context;
            std::vector<RedisReply> replies;
            replies.reserve(cmds.size());
            bool ok = true;
            for (const auto &argv : cmds)
                ok = ok && appendArgv(c, argv);
            int savedErrno = 0;
            for (std::size_t i = 0; ok && i < cmds.size(); ++i) {
                void *raw = nullptr;
                errno = 0;
                if (redisGetReply(c, &raw) != REDIS_OK) {
                    savedErrno = errno;
                    ok = false;
                    break;
                }
                ReplyPtr reply(raw);
                replies.push_back(copyReply(static_cast<const redisReply *>(raw)));
            }
            if (ok) {
                release(c, true);
                return replies;
            }
            // A reused connection the server closed (restart, idle timeout): once more on a
            // fresh one. Anything else (refused, timed out) marks Redis down.
            const bool closedByServer =
                c->err == REDIS_ERR_EOF ||
                (c->err == REDIS_ERR_IO && (savedErrno == EPIPE || savedErrno == ECONNRESET));
            std::string error = "Redis " + endpoint->describe() + ": ";
            if (c->err == REDIS_ERR_IO && (savedErrno == EAGAIN || savedErrno == EWOULDBLOCK))
                error += "no answer within " + std::to_string(options.commandTimeoutMs) + " ms";
            else
                error += c->err ? c->errstr : "out of memory";
            release(c, false);
            if (closedByServer && lease->reused && attempt == 0) {
                std::lock_guard lock(mutex);
                for (redisContext *stale : idle)
                    redisFree(stale);
                open -= int(idle.size());
                idle.clear();
                continue;
            }
            {
                std::lock_guard lock(mutex);
                markDownLocked(error);
            }
            failures.fetch_add(1, std::memory_order_relaxed);
            return R::failure(error);
        }
    }
};

RedisClient::RedisClient(RedisOptions options)
    : d(std::make_unique<Impl>())
{
    ignoreSigpipeOnce();
    if (options.instanceId.empty())
        options.instanceId = defaultInstanceId();
    d->options = std::move(options);
    if (Result<RedisEndpoint> ep = parseRedisEndpoint(d->options.url); ep)
        d->endpoint = std::move(*ep);
    else
        d->urlError = ep.error();
}

RedisClient::~RedisClient() = default;

const RedisOptions &RedisClient::options() const
{
    return d->options;
}

bool RedisClient::available() const
{
    return d->available.load(std::memory_order_relaxed);
}

std::string RedisClient::describe() const
{
    return d->endpoint ? d->endpoint->describe() : redact(d->options.url);
}

Result<std::vector<RedisReply>>
RedisClient::pipeline(const std::vector<std::vector<std::string_view>> &commands)
{
    return d->run(commands);
}

Result<RedisReply> RedisClient::command(const std::vector<std::string_view> &argv)
{
    Result<std::vector<RedisReply>> r = d->run({argv});
    if (!r)
        return Result<RedisReply>::failure(r.error());
    RedisReply &reply = r->front();
    if (reply.isError())
        return Result<RedisReply>::failure("Redis: " + reply.str);
    return std::move(reply);
}

Result<RedisReply> RedisClient::eval(const RedisScript &script,
                                     const std::vector<std::string_view> &keys,
                                     const std::vector<std::string_view> &args)
{
    const std::string numKeys = std::to_string(keys.size());
    std::vector<std::string_view> argv{"EVALSHA", script.sha1(), numKeys};
    argv.insert(argv.end(), keys.begin(), keys.end());
    argv.insert(argv.end(), args.begin(), args.end());
    Result<std::vector<RedisReply>> r = d->run({argv});
    if (r && r->front().isError() && r->front().str.starts_with("NOSCRIPT")) {
        argv[0] = "EVAL";
        argv[1] = script.source();
        r = d->run({argv});
    }
    if (!r)
        return Result<RedisReply>::failure(r.error());
    RedisReply &reply = r->front();
    if (reply.isError())
        return Result<RedisReply>::failure("Redis: " + reply.str);
    return std::move(reply);
}

Result<void> RedisClient::ping()
{
    Result<RedisReply> r = command({"PING"});
    if (!r)
        return Result<void>::failure(r.error());
    if (r->str != "PONG")
        return Result<void>::failure("Redis " + describe() + " answered PING with '" + r->str +
                                     "'");
    return {};
}

Result<void> RedisClient::publish(const std::string &channel, const std::string &message)
{
    Result<RedisReply> r = command({"PUBLISH", channel, message});
    if (!r)
        return Result<void>::failure(r.error());
    return {};
}

RedisClient::Stats RedisClient::stats() const
{
    Stats s;
    s.commands = d->commands.load(std::memory_order_relaxed);
    s.failures = d->failures.load(std::memory_order_relaxed);
    s.fastFails = d->fastFails.load(std::memory_order_relaxed);
    s.dials = d->dials.load(std::memory_order_relaxed);
    s.dialFailures = d->dialFailures.load(std::memory_order_relaxed);
    std::lock_guard lock(d->mutex);
    s.openConnections = d->open;
    return s;
}

} // namespace wfs::redis
