// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The HTTP listener's decisions without sockets: the header checks (Host, Origin, token,
// endpoint, announced length, in the spec's order) and the connection table's admission and
// eviction policy.
#include "engine/mcp/connectiontable.h"
#include "engine/mcp/httpchecks.h"

#include <QTest>

#include <sys/resource.h>

using namespace wfs::mcp;

namespace {

struct FakeConnection : Evictable
{
    int evicted = 0;
    int closed = 0;
    void evict() override { ++evicted; }
    void close() override { ++closed; }
};

} // namespace

class TestMcpHttpChecks : public QObject
{
    Q_OBJECT

private slots:
    void checkHeader_data()
    {
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("origin");
        QTest::addColumn<QString>("authorization");
        QTest::addColumn<QString>("target");
        QTest::addColumn<qint64>("length");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("message");
        const QString ok = QStringLiteral("Bearer s3cret");
        QTest::newRow("all good") << "127.0.0.1:8080"
                                  << "" << ok << "/mcp" << 100ll << 0 << "";
        QTest::newRow("query string") << "localhost"
                                      << "" << ok << "/mcp?x=1" << -1ll << 0 << "";
        QTest::newRow("bound address") << "192.0.2.7:9"
                                       << "" << ok << "/mcp" << -1ll << 0 << "";
        QTest::newRow("IPv6 loopback") << "[::1]:80"
                                       << "" << ok << "/mcp" << -1ll << 0 << "";
        QTest::newRow("no Host") << "\x01"
                                 << "" << ok << "/mcp" << -1ll << 403 << "Host";
        QTest::newRow("foreign Host") << "evil.example"
                                      << "" << ok << "/mcp" << -1ll << 403 << "Host";
        QTest::newRow("foreign Origin") << "localhost"
                                        << "http://evil.example" << ok << "/mcp" << -1ll << 403
                                        << "Origin header: http://evil.example";
        QTest::newRow("null Origin") << "localhost"
                                     << "null" << ok << "/mcp" << -1ll << 403 << "Origin";
        QTest::newRow("allowed Origin") << "localhost"
                                        << "http://tool.example" << ok << "/mcp" << -1ll << 0 << "";
        QTest::newRow("Host before token") << "evil.example"
                                           << ""
                                           << ""
                                           << "/mcp" << -1ll << 403 << "Host";
        QTest::newRow("no token") << "localhost"
                                  << ""
                                  << "\x01"
                                  << "/mcp" << -1ll << 401 << "bearer token";
        QTest::newRow("wrong token") << "localhost"
                                     << ""
                                     << "Bearer s3cres"
                                     << "/mcp" << -1ll << 401 << "bearer token";
        QTest::newRow("token prefix") << "localhost"
                                      << ""
                                      << "Bearer s3cre"
                                      << "/mcp" << -1ll << 401 << "bearer token";
        QTest::newRow("scheme case") << "localhost"
                                     << ""
                                     << "bEARER s3cret"
                                     << "/mcp" << -1ll << 0 << "";
        QTest::newRow("token before path") << "localhost"
                                           << ""
                                           << "\x01"
                                           << "/x" << -1ll << 401 << "token";
        QTest::newRow("other path") << "localhost"
                                    << "" << ok << "/mcpx" << -1ll << 404 << "Not Found";
        QTest::newRow("at the cap") << "localhost"
                                    << "" << ok << "/mcp" << 1000ll << 0 << "";
        QTest::newRow("over the cap")
            << "localhost"
            << "" << ok << "/mcp" << 1001ll << 413 << "exceeds 1000 bytes";
        // The health endpoint: a balancer's check carries no token; Host is still checked.
        QTest::newRow("health without token") << "localhost"
                                              << ""
                                              << "\x01"
                                              << "/health" << -1ll << 0 << "";
        QTest::newRow("health with query") << "localhost"
                                           << ""
                                           << "\x01"
                                           << "/health?full=1" << -1ll << 0 << "";
        QTest::newRow("health foreign Host") << "evil.example"
                                             << ""
                                             << "\x01"
                                             << "/health" << -1ll << 403 << "Host";
        QTest::newRow("health prefix is not health") << "localhost"
                                                     << ""
                                                     << "\x01"
                                                     << "/healthz" << -1ll << 401 << "bearer token";
    }
    void checkHeader()
    {
        QFETCH(QString, host);
        QFETCH(QString, origin);
        QFETCH(QString, authorization);
        QFETCH(QString, target);
        QFETCH(qint64, length);
        QFETCH(int, status);
        QFETCH(QString, message);
        HeaderChecks checks;
        checks.token = "s3cret";
        checks.boundNames = {"192.0.2.7"};
        checks.allowedOrigins = {"http://tool.example"};
        checks.maxBodyBytes = 1000;
        checks.healthPath = "/health";
        const std::string h = host.toStdString(), o = origin.toStdString(),
                          a = authorization.toStdString(), t = target.toStdString();
        RequestHead head;
        if (h != "\x01")
            head.host = h;
        if (!o.empty())
            head.origin = o;
        if (a != "\x01")
            head.authorization = a;
        head.target = t;
        if (length >= 0)
            head.contentLength = std::uint64_t(length);
        const auto refusal = wfs::mcp::checkHeader(head, checks);
        QCOMPARE(refusal ? refusal->status : 0, status);
        if (refusal) {
            QVERIFY2(refusal->message.find(message.toStdString()) != std::string::npos,
                     refusal->message.c_str());
            QCOMPARE(!refusal->wwwAuthenticate.empty(), status == 401);
        }
    }

    // Admission at the caps: who makes room, in which order, and when nobody can.
    void admission_data()
    {
        QTest::addColumn<QStringList>("existing"); ///< "client:state:ageMs"
        QTest::addColumn<QString>("newcomer");
        QTest::addColumn<int>("victim"); ///< index into existing; -1 none; -2 refused
        QTest::newRow("below the caps") << QStringList{"a:busy:1", "a:idle:5"} << "b" << -1;
        QTest::newRow("idle before header, oldest first")
            << QStringList{"a:header:90", "b:idle:10", "c:idle:30", "d:busy:99"} << "e" << 2;
        QTest::newRow("slow header when nobody is idle")
            << QStringList{"a:header:10", "b:header:40", "c:busy:99", "d:streaming:99"} << "e" << 1;
        QTest::newRow("busy and streaming are never evicted")
            << QStringList{"a:busy:10", "b:streaming:40", "c:busy:99", "d:streaming:99"} << "e"
            << -2;
        QTest::newRow("per-client cap: room from that client only")
            << QStringList{"a:idle:99", "b:idle:5", "b:header:50"} << "b" << 1;
        QTest::newRow("per-client cap with nothing of its own")
            << QStringList{"a:idle:99", "b:busy:5", "b:streaming:5"} << "b" << -2;
    }
    void admission()
    {
        QFETCH(QStringList, existing);
        QFETCH(QString, newcomer);
        QFETCH(int, victim);
        std::int64_t now = 1000;
        ConnectionTable table({4, 2}, [&now] { return now; });
        std::vector<std::shared_ptr<FakeConnection>> connections;
        for (const QString &spec : existing) {
            const QStringList parts = spec.split(QLatin1Char(':'));
            auto c = std::make_shared<FakeConnection>();
            now = 1000 - parts[2].toInt();
            const auto id = table.add(parts[0].toStdString(), c);
            const QString state = parts[1];
            table.setState(id, state == QLatin1String("idle")   ? ConnectionTable::State::Idle
                               : state == QLatin1String("busy") ? ConnectionTable::State::Busy
                               : state == QLatin1String("streaming")
                                   ? ConnectionTable::State::Streaming
                                   : ConnectionTable::State::Header);
            connections.push_back(c);
        }
        now = 1000;
        const std::size_t before = table.size();
        const auto admission = table.admit(newcomer.toStdString());
        QCOMPARE(admission.admitted, victim != -2);
        const auto chosen = admission.victim.lock();
        if (victim >= 0) {
            QVERIFY(chosen);
            QCOMPARE(chosen.get(),
                     static_cast<Evictable *>(connections[std::size_t(victim)].get()));
            QCOMPARE(table.evictions(), std::uint64_t(1));
            // The victim no longer counts: the newcomer fits, and a second one would need
            // another victim.
            QCOMPARE(table.size(), before);
        } else {
            QVERIFY(!chosen);
        }
        QCOMPARE(table.refusals(), std::uint64_t(victim == -2));
    }

    void countsFollowRemoval()
    {
        ConnectionTable table({2, 0});
        auto a = std::make_shared<FakeConnection>();
        auto b = std::make_shared<FakeConnection>();
        const auto ia = table.add("x", a);
        const auto ib = table.add("x", b);
        QCOMPARE(table.countFor("x"), std::size_t(2));
        table.setState(ia, ConnectionTable::State::Busy);
        table.setState(ib, ConnectionTable::State::Busy);
        QVERIFY(!table.admit("y").admitted);
        table.remove(ia);
        QVERIFY(table.admit("y").admitted);
        table.remove(ib);
        QCOMPARE(table.size(), std::size_t(0));
        QCOMPARE(table.countFor("x"), std::size_t(0));
        // An evicted connection removed later is not subtracted twice.
        const auto ic = table.add("x", a);
        table.add("x", b);
        const auto out = table.evictOne().lock();
        QCOMPARE(out.get(), static_cast<Evictable *>(a.get()));
        QCOMPARE(table.countFor("x"), std::size_t(1));
        table.remove(ic);
        QCOMPARE(table.countFor("x"), std::size_t(1));
        QCOMPARE(table.size(), std::size_t(1));
    }

    void defaultCapFollowsTheDescriptorLimit()
    {
        rlimit saved{};
        QVERIFY(::getrlimit(RLIMIT_NOFILE, &saved) == 0);
        rlimit lowered = saved;
        lowered.rlim_cur = std::min<rlim_t>(1024, saved.rlim_max);
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &lowered) == 0);
        const std::size_t cap = ConnectionTable::defaultMaxConnections();
        QVERIFY(::setrlimit(RLIMIT_NOFILE, &saved) == 0);
        QCOMPARE(cap, std::size_t(lowered.rlim_cur / 2));
    }
};

QTEST_GUILESS_MAIN(TestMcpHttpChecks)
#include "tst_mcphttpchecks.moc"
