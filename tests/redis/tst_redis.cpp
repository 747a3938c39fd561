// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The team server's Redis side against a real redis-server (tests/common/redisserver.h; never
// mocked): URL parsing, the client's pool, AUTH and SELECT, the shared L2 (get/put, TTL,
// invalidation, clear under our prefix only, shared between clients, under ResultCache), a Redis
// killed and restarted mid-run (fast failures, recovery without new objects), the shared rate
// limiter (one budget across clients, refill, local fallback) and the subscriber (delivery,
// restart, prompt stop). Each test uses its own key prefix on the shared server.
#include "engine/cache/resultcache.h"
#include "engine/redis/redisclient.h"
#include "engine/redis/redisl2store.h"
#include "engine/redis/sharedratelimiter.h"
#include "engine/redis/subscriber.h"

#include "redisserver.h"
#include "testutil.h"

#include <QElapsedTimer>
#include <QTest>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <thread>
#include <vector>

using namespace wfs;
using namespace wfs::redis;
using namespace std::chrono_literals;

namespace {

// Polls `cond` every 10 ms until it holds or `timeoutMs` passes.
template<typename Cond> bool waitUntil(Cond cond, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (!cond()) {
        if (t.elapsed() > timeoutMs)
            return false;
        std::this_thread::sleep_for(10ms);
    }
    return true;
}

// Messages a Subscriber delivered, in order.
struct Inbox
{
    std::mutex mutex;
    std::vector<std::string> messages;
    void add(const std::string &m)
    {
        std::lock_guard lock(mutex);
        messages.push_back(m);
    }
    std::vector<std::string> snapshot()
    {
        std::lock_guard lock(mutex);
        return messages;
    }
    bool contains(const std::string &m)
    {
        std::lock_guard lock(mutex);
        return std::find(messages.begin(), messages.end(), m) != messages.end();
    }
};

cache::CachedValuePtr value(int v)
{
    return cache::CachedValue::make(false, Json{{"v", v}}, {});
}

} // namespace

class TestRedis : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void parseUrl_data();
    void parseUrl();
    void clientBasics();
    void clientDownFailsFast();
    void clientPoolUnderThreads();
    void authAndDatabase();
    void l2PutGet();
    void l2TtlExpiry();
    void l2InvalidateWorkflow();
    void l2ClearOnlyOurPrefix();
    void l2SharedBetweenClients();
    void l2TotalsUnderConcurrency();
    void resultCacheOverRedis();
    void redisStoppedAndRestarted();
    void redisHung();
    void rateLimiterSharedBudget_data();
    void rateLimiterSharedBudget();
    void rateLimiterRefill();
    void rateLimiterFallback();
    void subscriberReceives();
    void subscriberSurvivesRestart();
    void subscriberNoticesHungRedis();
    void subscriberStopsPromptly();

private:
    // A client on the shared server with a prefix of its own for this test.
    std::shared_ptr<RedisClient> client(const std::string &prefix, int poolSize = 4) const
    {
        RedisOptions o;
        o.url = m_server->url();
        o.keyPrefix = prefix;
        o.poolSize = poolSize;
        return std::make_shared<RedisClient>(o);
    }

    std::unique_ptr<test::RedisServer> m_server;
};

void TestRedis::initTestCase()
{
    if (!test::RedisServer::installed())
        return; // each test that needs it skips (or fails under WFS_REQUIRE_ALL_TESTS=1)
    m_server = std::make_unique<test::RedisServer>();
    QVERIFY2(m_server->start(), qPrintable(m_server->error()));
}

void TestRedis::parseUrl_data()
{
    QTest::addColumn<QString>("url");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<int>("db");
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("error"); ///< a part of the message

    const auto good = [](const char *name, const char *url, const char *host, int port, int db,
                         const char *user = "", const char *password = "") {
        QTest::newRow(name) << QString::fromUtf8(url) << true << QString::fromUtf8(host) << port
                            << db << QString::fromUtf8(user) << QString::fromUtf8(password)
                            << QString();
    };
    const auto bad = [](const char *name, const char *url, const char *error) {
        QTest::newRow(name) << QString::fromUtf8(url) << false << QString() << 0 << 0 << QString()
                            << QString() << QString::fromUtf8(error);
    };
    good("host port db", "redis://cache.lan:6380/2", "cache.lan", 6380, 2);
    good("host only", "redis://cache.lan", "cache.lan", 6379, 0);
    good("trailing slash", "redis://10.0.0.5:7000/", "10.0.0.5", 7000, 0);
    good("password", "redis://:s3cret@h:1/3", "h", 1, 3, "", "s3cret");
    good("user and password", "redis://app:pw@h:6379/0", "h", 6379, 0, "app", "pw");
    good("escaped password", "redis://:p%40ss%3Aw@h:6379", "h", 6379, 0, "", "p@ss:w");
    good("ipv6", "redis://[::1]:6390/1", "::1", 6390, 1);
    bad("empty", "", "empty");
    bad("no scheme", "cache.lan:6379", "must start with redis://");
    bad("http", "http://cache.lan:6379", "must start with redis://");
    bad("tls", "rediss://cache.lan:6379", "TLS");
    bad("no host", "redis://:6379/0", "host is missing");
    bad("port not a number", "redis://h:abc/0", "port 'abc'");
    bad("port zero", "redis://h:0", "port '0'");
    bad("port too big", "redis://h:70000", "port '70000'");
    bad("db not a number", "redis://h:6379/x", "database 'x'");
    bad("db negative", "redis://h:6379/-1", "database '-1'");
    bad("query", "redis://h:6379/0?timeout=1", "query strings");
    bad("credentials without colon", "redis://user@h:6379", "credentials");
    bad("empty password", "redis://user:@h:6379", "password after ':' is empty");
    bad("bad escape", "redis://:a%zz@h:6379", "%-escape");
    bad("unclosed ipv6", "redis://[::1:6379", "not closed");
}

void TestRedis::parseUrl()
{
    QFETCH(QString, url);
    QFETCH(bool, ok);
    const std::string u = url.toStdString();
    Result<RedisOptions> o = parseRedisUrl(u);
    Result<RedisEndpoint> ep = parseRedisEndpoint(u);
    QCOMPARE(o.ok(), ok);
    QCOMPARE(ep.ok(), ok);
    if (!ok) {
        QFETCH(QString, error);
        QVERIFY2(QString::fromStdString(o.error()).contains(error), o.error().c_str());
        // The password never appears in a message.
        QVERIFY2(!QString::fromStdString(o.error()).contains(QStringLiteral("s3cret")),
                 o.error().c_str());
        return;
    }
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(int, db);
    QFETCH(QString, user);
    QFETCH(QString, password);
    QCOMPARE(o->url, u);
    QCOMPARE(o->poolSize, 4);
    QCOMPARE(o->keyPrefix, std::string("wfs:"));
    QCOMPARE(QString::fromStdString(ep->host), host);
    QCOMPARE(ep->port, port);
    QCOMPARE(ep->db, db);
    QCOMPARE(QString::fromStdString(ep->username), user);
    QCOMPARE(QString::fromStdString(ep->password), password);
    QVERIFY(ep->describe().find(ep->password.empty() ? "\x01" : ep->password) == std::string::npos);
}

void TestRedis::clientBasics()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c = client("t-basics:");
    QVERIFY(!c->available()); // nothing asked yet
    WFS_VERIFY_RESULT(c->ping());
    QVERIFY(c->available());
    QCOMPARE(c->describe(), m_server->url());
    QVERIFY(!c->options().instanceId.empty()); // hostname:pid filled in
    QVERIFY(c->options().instanceId.find(':') != std::string::npos);

    const std::string binary("a\0b\r\nc", 6);
    WFS_VERIFY_RESULT(c->command({"SET", "t-basics:bin", binary}));
    Result<RedisReply> got = c->command({"GET", "t-basics:bin"});
    WFS_VERIFY_RESULT(got);
    QCOMPARE(got->type, RedisReply::Type::String);
    QCOMPARE(got->str, binary);
    // An error reply fails the command but leaves the client available.
    Result<RedisReply> wrong = c->command({"INCR", "t-basics:bin"});
    QVERIFY(!wrong);
    QVERIFY2(wrong.error().find("ERR") != std::string::npos, wrong.error().c_str());
    QVERIFY(c->available());
    // A pipeline keeps error replies in place.
    auto p =
        c->pipeline({{"SET", "t-basics:n", "1"}, {"INCR", "t-basics:bin"}, {"INCR", "t-basics:n"}});
    WFS_VERIFY_RESULT(p);
    QCOMPARE(p->size(), std::size_t(3));
    QVERIFY((*p)[1].isError());
    QCOMPARE((*p)[2].integer, 2LL);
    // A script: EVALSHA falls back to EVAL the first time, then the SHA is known.
    RedisScript script("return tonumber(ARGV[1]) + #KEYS");
    QCOMPARE(script.sha1().size(), std::size_t(40));
    Result<RedisReply> e = c->eval(script, {"k1", "k2"}, {"40"});
    WFS_VERIFY_RESULT(e);
    QCOMPARE(e->integer, 42LL);
    Result<RedisReply> known = c->command({"SCRIPT", "EXISTS", script.sha1()});
    WFS_VERIFY_RESULT(known);
    QCOMPARE(known->elements.at(0).integer, 1LL);
    WFS_VERIFY_RESULT(c->publish("t-basics:nobody", "hello"));
}

void TestRedis::clientDownFailsFast()
{
    // Nothing listens on this port.
    RedisOptions o;
    o.url = "redis://127.0.0.1:" + std::to_string(test::RedisServer::freePort()) + "/0";
    RedisClient c(o);
    Result<void> first = c.ping();
    QVERIFY(!first);
    QVERIFY2(first.error().find("cannot connect") != std::string::npos, first.error().c_str());
    QVERIFY(!c.available());
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < 1000; ++i)
        QVERIFY(!c.ping());
    QVERIFY2(t.elapsed() < 250, qPrintable(QString::number(t.elapsed())));
    const RedisClient::Stats s = c.stats();
    QCOMPARE(s.dials, std::uint64_t(1)); // no dial before the back-off ends
    QCOMPARE(s.fastFails, std::uint64_t(1000));
    Result<void> fast = c.ping();
    QVERIFY2(fast.error().find("unavailable") != std::string::npos, fast.error().c_str());
    // After the back-off exactly one caller dials again (and fails).
    std::this_thread::sleep_for(300ms);
    QVERIFY(!c.ping());
    QCOMPARE(c.stats().dials, std::uint64_t(2));

    // An invalid URL: every call fails at once with the parse error.
    RedisClient invalid(RedisOptions{.url = "http://x"});
    Result<void> r = invalid.ping();
    QVERIFY(!r);
    QVERIFY2(r.error().find("must start with redis://") != std::string::npos, r.error().c_str());
}

void TestRedis::clientPoolUnderThreads()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c = client("t-pool:", 2);
    constexpr int kThreads = 8, kEach = 200;
    std::atomic<int> failures{0};
    std::vector<std::thread> threads;
    for (int i = 0; i < kThreads; ++i) {
        threads.emplace_back([&] {
            for (int j = 0; j < kEach; ++j) {
                if (!c->command({"INCR", "t-pool:n"}))
                    ++failures;
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(failures.load(), 0);
    Result<RedisReply> n = c->command({"GET", "t-pool:n"});
    WFS_VERIFY_RESULT(n);
    QCOMPARE(n->str, std::to_string(kThreads * kEach));
    QVERIFY(c->stats().openConnections <= 2);
    QVERIFY(c->stats().dials <= 2);
}

void TestRedis::authAndDatabase()
{
    WFS_REQUIRE_REDIS_SERVER();
    test::RedisServer secured({QStringLiteral("--requirepass"), QStringLiteral("s3cret")});
    QVERIFY2(secured.start(), qPrintable(secured.error()));
    const std::string hostPort = "127.0.0.1:" + std::to_string(secured.port());
    RedisClient right(RedisOptions{.url = "redis://:s3cret@" + hostPort + "/3"});
    WFS_VERIFY_RESULT(right.ping());
    QCOMPARE(right.describe(), "redis://" + hostPort + "/3"); // no password
    WFS_VERIFY_RESULT(right.command({"SET", "in-db-3", "x"}));
    RedisClient db0(RedisOptions{.url = "redis://:s3cret@" + hostPort + "/0"});
    Result<RedisReply> absent = db0.command({"GET", "in-db-3"});
    WFS_VERIFY_RESULT(absent);
    QVERIFY(absent->isNil()); // SELECT 3 took effect

    RedisClient wrong(RedisOptions{.url = "redis://:nope@" + hostPort + "/0"});
    Result<void> r = wrong.ping();
    QVERIFY(!r);
    QVERIFY2(r.error().find("AUTH") != std::string::npos, r.error().c_str());
    QVERIFY2(r.error().find("nope") == std::string::npos, r.error().c_str());
    RedisClient none(RedisOptions{.url = "redis://" + hostPort + "/0"});
    QVERIFY(!none.ping()); // NOAUTH
    // The subscriber authenticates as well.
    Inbox inbox;
    Subscriber sub(RedisOptions{.url = "redis://:s3cret@" + hostPort + "/0"}, "t-auth",
                   [&](const std::string &m) { inbox.add(m); });
    QVERIFY(waitUntil([&] { return sub.subscribed(); }, 2000));
    WFS_VERIFY_RESULT(right.publish("t-auth", "hi"));
    QVERIFY(waitUntil([&] { return inbox.contains("hi"); }, 1000));
}

void TestRedis::l2PutGet()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c = client("t-l2:");
    RedisL2Store l2(c);
    Result<std::optional<cache::L2Hit>> miss = l2.get("k1");
    WFS_VERIFY_RESULT(miss);
    QVERIFY(!miss->has_value());
    const std::string blob("{\"x\":\0\xff}", 9);
    WFS_VERIFY_RESULT(l2.put("k1", "workflow_get", "wf-1", blob, 60'000));
    Result<std::optional<cache::L2Hit>> hit = l2.get("k1");
    WFS_VERIFY_RESULT(hit);
    QVERIFY(hit->has_value());
    QCOMPARE((*hit)->value, blob);
    QCOMPARE((*hit)->workflowId, std::string("wf-1"));
    QVERIFY2((*hit)->remainingMs > 55'000 && (*hit)->remainingMs <= 60'000,
             qPrintable(QString::number((*hit)->remainingMs)));
    // An empty workflow id (workflow_list) and an empty value round-trip too.
    WFS_VERIFY_RESULT(l2.put("k2", "workflow_list", "", "", 60'000));
    hit = l2.get("k2");
    WFS_VERIFY_RESULT(hit);
    QVERIFY(hit->has_value());
    QCOMPARE((*hit)->workflowId, std::string());
    QCOMPARE((*hit)->value, std::string());
    // Replacing keeps one entry and updates the bytes.
    WFS_VERIFY_RESULT(l2.put("k1", "workflow_get", "wf-1", "abc", 60'000));
    const cache::L2Store::Stats s = l2.stats();
    QCOMPARE(s.hits, std::uint64_t(2));
    QCOMPARE(s.misses, std::uint64_t(1));
    QCOMPARE(s.writes, std::uint64_t(3));
    QCOMPARE(s.errors, std::uint64_t(0));
    QCOMPARE(s.entries, std::int64_t(2));
    QCOMPARE(s.bytes, std::int64_t(std::string("4:wf-1abc").size() + std::string("0:").size()));
    // Not stored: no TTL, or over the size hint.
    RedisL2Store small(c, 5);
    WFS_VERIFY_RESULT(small.put("big", "op", "wf", "123456", 60'000));
    WFS_VERIFY_RESULT(small.put("nottl", "op", "wf", "1", 0));
    QVERIFY(!small.get("big")->has_value());
    QVERIFY(!small.get("nottl")->has_value());
    QCOMPARE(small.maxBytesHint(), std::int64_t(5));
    QCOMPARE(*l2.purgeExpired(), 0);
}

void TestRedis::l2TtlExpiry()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c = client("t-ttl:");
    RedisL2Store l2(c);
    WFS_VERIFY_RESULT(l2.put("short", "op", "wf", "v", 150));
    WFS_VERIFY_RESULT(l2.put("long", "op", "wf", "v", 60'000));
    QVERIFY(l2.get("short")->has_value());
    QCOMPARE(l2.stats().entries, std::int64_t(2));
    std::this_thread::sleep_for(250ms);
    QVERIFY(!l2.get("short")->has_value());
    QVERIFY(l2.get("long")->has_value());
    // The totals follow expiry (stats() trims the index by Redis' clock).
    const cache::L2Store::Stats s = l2.stats();
    QCOMPARE(s.entries, std::int64_t(1));
    QCOMPARE(s.bytes, std::int64_t(std::string("2:wfv").size()));
    // The tag set lives as long as its longest entry.
    Result<RedisReply> tagTtl = c->command({"PTTL", "t-ttl:l2:t:wf"});
    WFS_VERIFY_RESULT(tagTtl);
    QVERIFY2(tagTtl->integer > 55'000, qPrintable(QString::number(tagTtl->integer)));
}

void TestRedis::l2InvalidateWorkflow()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c = client("t-inv:");
    RedisL2Store l2(c);
    WFS_VERIFY_RESULT(l2.put("a1", "op", "wf-a", "1", 60'000));
    WFS_VERIFY_RESULT(l2.put("a2", "op", "wf-a", "22", 60'000));
    WFS_VERIFY_RESULT(l2.put("b1", "op", "wf-b", "333", 60'000));
    Result<int> n = l2.invalidateWorkflow("wf-a");
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, 2);
    QVERIFY(!l2.get("a1")->has_value());
    QVERIFY(!l2.get("a2")->has_value());
    QVERIFY(l2.get("b1")->has_value());
    const cache::L2Store::Stats s = l2.stats();
    QCOMPARE(s.invalidations, std::uint64_t(2));
    QCOMPARE(s.entries, std::int64_t(1));
    QCOMPARE(s.bytes, std::int64_t(std::string("4:wf-b333").size()));
    Result<RedisReply> tag = c->command({"EXISTS", "t-inv:l2:t:wf-a"});
    WFS_VERIFY_RESULT(tag);
    QCOMPARE(tag->integer, 0LL); // the tag set went with its entries
    n = l2.invalidateWorkflow("wf-a");
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, 0);
    n = l2.invalidateWorkflow("never-seen");
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, 0);
}

void TestRedis::l2ClearOnlyOurPrefix()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c = client("t-clr:");
    // Someone else's keys in the same database, including look-alikes and glob characters.
    auto other = client("t-clr-other:");
    WFS_VERIFY_RESULT(other->command({"SET", "t-clr-foreign", "keep"}));
    WFS_VERIFY_RESULT(other->command({"SET", "t-clr:l2x", "keep"}));
    RedisL2Store theirs(other);
    WFS_VERIFY_RESULT(theirs.put("k", "op", "wf", "theirs", 60'000));
    SharedRateLimiter limiter(c, {.ratePerSecond = 1, .burst = 5});
    QVERIFY(limiter.acquire("client-1").allowed); // a bucket under our prefix, not the L2's

    RedisL2Store l2(c);
    for (int i = 0; i < 2500; ++i) // more than one SCAN batch
        WFS_VERIFY_RESULT(
            l2.put("k" + std::to_string(i), "op", "wf-" + std::to_string(i % 7), "v", 60'000));
    QCOMPARE(l2.stats().entries, std::int64_t(2500));
    WFS_VERIFY_RESULT(l2.clear());
    QVERIFY(!l2.get("k1")->has_value());
    QCOMPARE(l2.stats().entries, std::int64_t(0));
    QCOMPARE(l2.stats().invalidations, std::uint64_t(2500));
    Result<RedisReply> left = c->command({"KEYS", "t-clr:l2:*"});
    WFS_VERIFY_RESULT(left);
    QCOMPARE(left->elements.size(), std::size_t(0));
    // The foreign keys, the other prefix's entries and our rate limiter survive.
    QCOMPARE(c->command({"GET", "t-clr-foreign"})->str, std::string("keep"));
    QCOMPARE(c->command({"GET", "t-clr:l2x"})->str, std::string("keep"));
    QVERIFY(theirs.get("k")->has_value());
    QCOMPARE(c->command({"EXISTS", "t-clr:rl:client-1"})->integer, 1LL);
}

void TestRedis::l2SharedBetweenClients()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c1 = client("t-shared:");
    auto c2 = client("t-shared:");
    RedisL2Store a(c1), b(c2);
    WFS_VERIFY_RESULT(a.put("k", "workflow_get", "wf", "from-a", 60'000));
    auto hit = b.get("k");
    QVERIFY(hit->has_value());
    QCOMPARE((*hit)->value, std::string("from-a"));
    WFS_VERIFY_RESULT(b.put("k2", "workflow_get", "wf", "from-b", 60'000));
    QVERIFY(a.get("k2")->has_value());
    QCOMPARE(a.stats().entries, std::int64_t(2)); // shared totals
    Result<int> n = b.invalidateWorkflow("wf");   // drops what a wrote, too
    WFS_VERIFY_RESULT(n);
    QCOMPARE(*n, 2);
    QVERIFY(!a.get("k")->has_value());
    QCOMPARE(a.stats().entries, std::int64_t(0));
}

// Puts, replacements and invalidations from several threads and two clients at once: the shared
// totals match what is really in Redis afterwards (the scripts are atomic).
void TestRedis::l2TotalsUnderConcurrency()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c1 = client("t-conc:");
    auto c2 = client("t-conc:");
    RedisL2Store a(c1), b(c2);
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            RedisL2Store &l2 = t % 2 ? a : b;
            for (int i = 0; i < 150; ++i) {
                const int k = (t * 97 + i * 13) % 200; // overlapping keys: replacements
                (void)l2.put("k" + std::to_string(k), "op", "wf-" + std::to_string(k % 3),
                             std::string(std::size_t(1 + (i * 7) % 50), 'x'), 60'000);
                if (t == 0 && i % 25 == 0)
                    (void)l2.invalidateWorkflow("wf-0");
            }
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(a.stats().errors + b.stats().errors, std::uint64_t(0));
    Result<RedisReply> keys = c1->command({"KEYS", "t-conc:l2:e:*"});
    WFS_VERIFY_RESULT(keys);
    std::int64_t bytes = 0;
    for (const RedisReply &k : keys->elements)
        bytes += c1->command({"STRLEN", k.str})->integer;
    const cache::L2Store::Stats s = a.stats();
    QCOMPARE(s.entries, std::int64_t(keys->elements.size()));
    QCOMPARE(s.bytes, bytes);
    QVERIFY(s.entries > 0);
}

void TestRedis::resultCacheOverRedis()
{
    WFS_REQUIRE_REDIS_SERVER();
    auto c1 = client("t-rc:");
    auto c2 = client("t-rc:");
    cache::ResultCache one({}, std::make_shared<RedisL2Store>(c1));
    cache::ResultCache two({}, std::make_shared<RedisL2Store>(c2)); // another instance
    one.put("workflow_get", "key-1", "wf-1", value(7));
    cache::CachedValuePtr v = two.get("workflow_get", "key-1"); // L1 miss, L2 hit
    QVERIFY(v);
    QCOMPARE(v->payload.dump(), std::string(R"({"v":7})"));
    QVERIFY(two.get("workflow_get", "key-1")); // promoted: L1 hit
    const cache::CacheStats s = two.stats();
    QCOMPARE(s.l1.misses, std::uint64_t(1));
    QCOMPARE(s.l1.hits, std::uint64_t(1));
    QCOMPARE(s.l2.hits, std::uint64_t(1));
    QVERIFY(s.l2Enabled);
    QCOMPARE(s.operations[1].l2Hits, std::uint64_t(1));
    // Invalidation through one instance reaches the shared level.
    one.invalidateWorkflow("wf-1");
    two.l1().clear();
    QVERIFY(!two.get("workflow_get", "key-1"));
    // A corrupt entry (not an encoded value) is a miss and an error.
    WFS_VERIFY_RESULT(c1->command({"SET", "t-rc:l2:e:bad", "3:wf-not json", "PX", "60000"}));
    QVERIFY(!two.get("workflow_get", "bad"));
    QCOMPARE(two.stats().l2.errors, std::uint64_t(1));
}

void TestRedis::redisStoppedAndRestarted()
{
    WFS_REQUIRE_REDIS_SERVER();
    test::RedisServer own;
    QVERIFY2(own.start(), qPrintable(own.error()));
    auto c = std::make_shared<RedisClient>(RedisOptions{.url = own.url(), .keyPrefix = "t-down:"});
    auto l2 = std::make_shared<RedisL2Store>(c);
    cache::ResultCache rc({}, l2);
    SharedRateLimiter limiter(c, {.ratePerSecond = 1, .burst = 1000});
    rc.put("workflow_get", "k", "wf", value(1));
    rc.l1().clear();
    QVERIFY(rc.get("workflow_get", "k")); // from Redis
    QVERIFY(c->available());

    own.stop();
    // The first call finds out (a pooled connection the server closed, then a refused dial).
    rc.l1().clear();
    QVERIFY(!rc.get("workflow_get", "k"));
    QVERIFY(!c->available());
    const std::uint64_t errorsAfterFirst = l2->stats().errors;
    QVERIFY(errorsAfterFirst >= 1);
    // Every later call returns at once, whatever it is, and does not even dial.
    const std::uint64_t dialsBefore = c->stats().dials;
    qint64 slowest = 0;
    for (int i = 0; i < 50; ++i) {
        QElapsedTimer t;
        t.start();
        rc.l1().clear();
        QVERIFY(!rc.get("workflow_get", "k"));
        rc.put("workflow_get", "k" + std::to_string(i), "wf", value(i));
        (void)rc.l2()->invalidateWorkflow("wf");
        QVERIFY(limiter.acquire("client").allowed); // local fallback
        (void)rc.stats();
        slowest = std::max(slowest, t.elapsed());
        if (i % 10 == 0)
            std::this_thread::sleep_for(20ms); // lets a back-off end now and then
    }
    QVERIFY2(slowest < 50, qPrintable(QStringLiteral("slowest call %1 ms").arg(slowest)));
    // The loop took well under a second: one re-dial per back-off period at most.
    QVERIFY2(c->stats().dials <= dialsBefore + 2,
             qPrintable(QStringLiteral("%1 dials").arg(c->stats().dials - dialsBefore)));
    QVERIFY(l2->stats().errors >= errorsAfterFirst + 100); // each get and put counted
    QVERIFY(limiter.fallbackDecisions() >= 50);

    // Back on the same port (empty: no persistence): the same objects recover by themselves.
    QVERIFY2(own.start(), qPrintable(own.error()));
    QVERIFY(waitUntil(
        [&] {
            rc.put("workflow_get", "k", "wf", value(2));
            rc.l1().clear();
            return rc.get("workflow_get", "k") != nullptr;
        },
        3000));
    QVERIFY(c->available());
    const std::uint64_t errorsAfterRecovery = l2->stats().errors;
    rc.l1().clear();
    cache::CachedValuePtr v = rc.get("workflow_get", "k");
    QVERIFY(v);
    QCOMPARE(v->payload.dump(), std::string(R"({"v":2})"));
    QCOMPARE(l2->stats().errors, errorsAfterRecovery);
    const std::uint64_t fallbacks = limiter.fallbackDecisions();
    QVERIFY(limiter.acquire("client").allowed);
    QCOMPARE(limiter.fallbackDecisions(), fallbacks); // Redis decides again (script reloaded)
}

// A Redis that accepts connections but answers nothing (SIGSTOP): one call waits the command
// timeout, the next ones fail at once; a probe after the back-off waits once more; it recovers
// with its data when Redis wakes up.
void TestRedis::redisHung()
{
    WFS_REQUIRE_REDIS_SERVER();
    test::RedisServer own;
    QVERIFY2(own.start(), qPrintable(own.error()));
    auto c = std::make_shared<RedisClient>(
        RedisOptions{.url = own.url(), .commandTimeoutMs = 100, .keyPrefix = "t-hung:"});
    RedisL2Store l2(c);
    WFS_VERIFY_RESULT(l2.put("k", "op", "wf", "v", 60'000));
    QVERIFY(l2.get("k")->has_value());

    own.pause();
    QElapsedTimer t;
    t.start();
    QVERIFY(!l2.get("k")->has_value());
    const qint64 first = t.elapsed();
    QVERIFY2(first >= 90 && first < 300, qPrintable(QString::number(first)));
    QVERIFY(!c->available());
    t.restart();
    for (int i = 0; i < 20; ++i) {
        QVERIFY(!l2.get("k")->has_value());
        QVERIFY(!l2.put("k2", "op", "wf", "v", 60'000));
    }
    QVERIFY2(t.elapsed() < 50, qPrintable(QString::number(t.elapsed())));
    // After the back-off one caller probes (connects, then waits the timeout); the back-off
    // grows, it does not start over.
    std::this_thread::sleep_for(300ms);
    t.restart();
    QVERIFY(!l2.get("k")->has_value());
    QVERIFY2(t.elapsed() >= 90, qPrintable(QString::number(t.elapsed())));
    std::this_thread::sleep_for(300ms); // within the doubled back-off (500 ms)
    t.restart();
    QVERIFY(!l2.get("k")->has_value());
    QVERIFY2(t.elapsed() < 20, qPrintable(QString::number(t.elapsed())));
    QVERIFY(l2.stats().errors >= 43);

    own.resume();
    QVERIFY(waitUntil([&] { return l2.get("k")->has_value(); }, 3000));
    QVERIFY(c->available());
}

void TestRedis::rateLimiterSharedBudget_data()
{
    QTest::addColumn<int>("burst");
    QTest::newRow("burst 1") << 1;
    QTest::newRow("burst 5") << 5;
    QTest::newRow("burst 40") << 40;
}

void TestRedis::rateLimiterSharedBudget()
{
    WFS_REQUIRE_REDIS_SERVER();
    QFETCH(int, burst);
    const std::string prefix = "t-rl-" + std::to_string(burst) + ":";
    // A refill of one token per 100 s: nothing refills during the test.
    const metrics::RateLimiter::Options o{.ratePerSecond = 0.01, .burst = double(burst)};
    SharedRateLimiter a(client(prefix), o), b(client(prefix), o);
    int allowed = 0;
    metrics::RateDecision last;
    for (int i = 0; i < 3 * burst + 4; ++i) {
        last = (i % 2 ? a : b).acquire("peer-1");
        allowed += last.allowed ? 1 : 0;
    }
    QCOMPARE(allowed, burst);
    QVERIFY(!last.allowed);
    QVERIFY2(last.retryAfterMs > 90'000, qPrintable(QString::number(last.retryAfterMs)));
    QVERIFY2(last.message.find("Rate limit exceeded for 'peer-1'") != std::string::npos,
             last.message.c_str());
    // Another key has its own budget; a cost above the burst never fits.
    QVERIFY(a.acquire("peer-2").allowed);
    metrics::RateDecision huge = b.acquire("peer-3", burst + 1);
    QVERIFY(!huge.allowed);
    QVERIFY2(huge.message.find("can never fit") != std::string::npos, huge.message.c_str());
    QCOMPARE(a.fallbackDecisions() + b.fallbackDecisions(), std::uint64_t(0));

    // Many threads on both limiters at once: still exactly `burst`.
    std::atomic<int> concurrentAllowed{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
        threads.emplace_back([&, t] {
            for (int i = 0; i < burst + 2; ++i)
                if ((t % 2 ? a : b).acquire("peer-4").allowed)
                    ++concurrentAllowed;
        });
    }
    for (auto &t : threads)
        t.join();
    QCOMPARE(concurrentAllowed.load(), burst);
}

void TestRedis::rateLimiterRefill()
{
    WFS_REQUIRE_REDIS_SERVER();
    // 20 tokens per second, burst 2: empty after two, one more every 50 ms.
    SharedRateLimiter limiter(client("t-refill:"), {.ratePerSecond = 20, .burst = 2});
    QVERIFY(limiter.acquire("k").allowed);
    QVERIFY(limiter.acquire("k").allowed);
    const metrics::RateDecision refused = limiter.acquire("k");
    QVERIFY(!refused.allowed);
    QVERIFY2(refused.retryAfterMs >= 1 && refused.retryAfterMs <= 50,
             qPrintable(QString::number(refused.retryAfterMs)));
    std::this_thread::sleep_for(130ms); // >= 2 tokens back (burst caps at 2)
    QVERIFY(limiter.acquire("k").allowed);
    QVERIFY(limiter.acquire("k").allowed);
    QVERIFY(!limiter.acquire("k").allowed);
    // An idle bucket expires once it would be full again (2 tokens at 20/s: 100 ms, + 1 s).
    Result<RedisReply> ttl = client("t-refill:")->command({"PTTL", "t-refill:rl:k"});
    WFS_VERIFY_RESULT(ttl);
    QVERIFY2(ttl->integer > 900 && ttl->integer <= 1100, qPrintable(QString::number(ttl->integer)));
}

void TestRedis::rateLimiterFallback()
{
    WFS_REQUIRE_REDIS_SERVER();
    test::RedisServer own;
    QVERIFY2(own.start(), qPrintable(own.error()));
    auto c = std::make_shared<RedisClient>(RedisOptions{.url = own.url(), .keyPrefix = "t-fb:"});
    SharedRateLimiter limiter(c, {.ratePerSecond = 0.01, .burst = 3});
    QVERIFY(limiter.acquire("k").allowed); // Redis: 2 left there
    own.stop();
    // Redis is gone: the local bucket (full) decides; neither everything nor nothing.
    int allowed = 0;
    for (int i = 0; i < 10; ++i)
        allowed += limiter.acquire("k").allowed ? 1 : 0;
    QCOMPARE(allowed, 3);
    QCOMPARE(limiter.fallbackDecisions(), std::uint64_t(10));
}

void TestRedis::subscriberReceives()
{
    WFS_REQUIRE_REDIS_SERVER();
    Inbox inbox;
    RedisOptions o{.url = m_server->url()};
    Subscriber sub(o, "t-sub", [&](const std::string &m) { inbox.add(m); });
    QVERIFY(waitUntil([&] { return sub.subscribed(); }, 2000));
    QCOMPARE(sub.subscriptions(), std::uint64_t(1));
    auto c = client("t-sub:");
    QElapsedTimer t;
    t.start();
    WFS_VERIFY_RESULT(c->publish("t-sub", "first"));
    WFS_VERIFY_RESULT(c->publish("t-sub-other", "not for us"));
    const std::string binary("wf\0id", 5);
    WFS_VERIFY_RESULT(c->publish("t-sub", binary));
    QVERIFY(waitUntil([&] { return inbox.snapshot().size() >= 2; }, 1000));
    QVERIFY2(t.elapsed() < 1000, qPrintable(QString::number(t.elapsed())));
    std::this_thread::sleep_for(50ms);
    const std::vector<std::string> got = inbox.snapshot();
    QCOMPARE(got.size(), std::size_t(2)); // no "" on the first subscription, nothing foreign
    QCOMPARE(got[0], std::string("first"));
    QCOMPARE(got[1], binary);
}

void TestRedis::subscriberSurvivesRestart()
{
    WFS_REQUIRE_REDIS_SERVER();
    test::RedisServer own;
    QVERIFY2(own.start(), qPrintable(own.error()));
    Inbox inbox;
    Subscriber sub(RedisOptions{.url = own.url()}, std::string(kInvalidateChannel),
                   [&](const std::string &m) { inbox.add(m); });
    QVERIFY(waitUntil([&] { return sub.subscribed(); }, 2000));
    RedisClient pub(RedisOptions{.url = own.url()});
    WFS_VERIFY_RESULT(pub.publish(std::string(kInvalidateChannel), "before"));
    QVERIFY(waitUntil([&] { return inbox.contains("before"); }, 1000));

    own.stop();
    QVERIFY(waitUntil([&] { return !sub.subscribed(); }, 1000));
    QVERIFY2(own.start(), qPrintable(own.error()));
    QVERIFY(waitUntil([&] { return sub.subscribed(); }, 3000));
    QCOMPARE(sub.subscriptions(), std::uint64_t(2));
    QVERIFY(waitUntil([&] { return pub.publish(std::string(kInvalidateChannel), "after").ok(); },
                      3000));
    QVERIFY(waitUntil([&] { return inbox.contains("after"); }, 1000));
    const std::vector<std::string> got = inbox.snapshot();
    QCOMPARE(got.size(), std::size_t(3));
    QCOMPARE(got[0], std::string("before"));
    QCOMPARE(got[1], std::string()); // "you may have missed messages"
    QCOMPARE(got[2], std::string("after"));

    // Redis down at start: "" once the late subscription is made.
    own.stop();
    Inbox late;
    auto lateSub = std::make_unique<Subscriber>(RedisOptions{.url = own.url()}, "t-late",
                                                [&](const std::string &m) { late.add(m); });
    std::this_thread::sleep_for(100ms);
    QVERIFY(!lateSub->subscribed());
    QVERIFY2(own.start(), qPrintable(own.error()));
    QVERIFY(waitUntil([&] { return lateSub->subscribed(); }, 3000));
    QVERIFY(waitUntil([&] { return late.contains(""); }, 1000));
}

// A connection that stays open but silent (Redis hung, or a broken network path): the idle PING
// finds out, the subscriber re-subscribes once Redis answers again and reports the gap.
void TestRedis::subscriberNoticesHungRedis()
{
    WFS_REQUIRE_REDIS_SERVER();
    test::RedisServer own;
    QVERIFY2(own.start(), qPrintable(own.error()));
    Inbox inbox;
    // commandTimeoutMs 100: PING after 1 s of silence, answer expected within 1 s.
    Subscriber sub(RedisOptions{.url = own.url(), .commandTimeoutMs = 100}, "t-hung-sub",
                   [&](const std::string &m) { inbox.add(m); });
    QVERIFY(waitUntil([&] { return sub.subscribed(); }, 2000));
    own.pause();
    QElapsedTimer t;
    t.start();
    QVERIFY(waitUntil([&] { return !sub.subscribed(); }, 4000));
    QVERIFY2(t.elapsed() >= 900, qPrintable(QString::number(t.elapsed()))); // not before the PING
    own.resume();
    QVERIFY(waitUntil([&] { return sub.subscribed(); }, 3000));
    QVERIFY(waitUntil([&] { return inbox.contains(""); }, 1000));
    RedisClient pub(RedisOptions{.url = own.url()});
    WFS_VERIFY_RESULT(pub.publish("t-hung-sub", "after"));
    QVERIFY(waitUntil([&] { return inbox.contains("after"); }, 1000));
}

void TestRedis::subscriberStopsPromptly()
{
    WFS_REQUIRE_REDIS_SERVER();
    const auto timeDestruction = [](std::unique_ptr<Subscriber> s) {
        QElapsedTimer t;
        t.start();
        s.reset();
        return t.elapsed();
    };
    // Subscribed and idle (blocked in poll).
    auto sub = std::make_unique<Subscriber>(RedisOptions{.url = m_server->url()}, "t-stop",
                                            [](const std::string &) {});
    QVERIFY(waitUntil([&] { return sub->subscribed(); }, 2000));
    qint64 ms = timeDestruction(std::move(sub));
    QVERIFY2(ms < 200, qPrintable(QString::number(ms)));
    // Redis unreachable (in its back-off wait).
    RedisOptions nowhere{
        .url = "redis://127.0.0.1:" + std::to_string(test::RedisServer::freePort()) + "/0"};
    sub = std::make_unique<Subscriber>(nowhere, "t-stop", [](const std::string &) {});
    std::this_thread::sleep_for(100ms);
    ms = timeDestruction(std::move(sub));
    QVERIFY2(ms < 200, qPrintable(QString::number(ms)));
    // A connect that may hang (an address nobody answers; without a route it fails at once).
    sub = std::make_unique<Subscriber>(
        RedisOptions{.url = "redis://10.255.255.1:6379/0", .connectTimeoutMs = 5000}, "t-stop",
        [](const std::string &) {});
    std::this_thread::sleep_for(50ms);
    ms = timeDestruction(std::move(sub));
    QVERIFY2(ms < 200, qPrintable(QString::number(ms)));
}

QTEST_GUILESS_MAIN(TestRedis)
#include "tst_redis.moc"
