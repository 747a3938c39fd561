// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// RedisServer: a real redis-server for the team tests, as a child process on 127.0.0.1 and a free
// port, without persistence. stop() kills it (SIGKILL, like a crash) and start() brings it back on
// the same port, for "Redis went away mid-run" tests; pause() / resume() make it hang; the
// destructor kills it.
//
//   WFS_REQUIRE_REDIS_SERVER();          // skips (or fails under WFS_REQUIRE_ALL_TESTS=1)
//   wfs::test::RedisServer redis;
//   QVERIFY2(redis.start(), qPrintable(redis.error()));
//   auto client = std::make_shared<RedisClient>(RedisOptions{.url = redis.url()});
#pragma once

#include "testutil.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QStandardPaths>
#include <QStringList>
#include <QThread>

#include <arpa/inet.h>
#include <csignal>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>

namespace wfs::test {

class RedisServer
{
public:
    // The redis-server binary, or "" when it is not installed. WFS_REDIS_SERVER overrides the
    // search (another build of Redis; a path that does not exist simulates its absence).
    static QString executable()
    {
        const QString forced = qEnvironmentVariable("WFS_REDIS_SERVER");
        if (!forced.isEmpty())
            return QFile::exists(forced) ? forced : QString();
        const QString usual = QStringLiteral("/usr/bin/redis-server");
        return QFile::exists(usual)
                   ? usual
                   : QStandardPaths::findExecutable(QStringLiteral("redis-server"));
    }
    static bool installed() { return !executable().isEmpty(); }

    // `extraArgs`: more redis-server options, e.g. {"--requirepass", "secret"}.
    explicit RedisServer(QStringList extraArgs = {})
        : m_extraArgs(std::move(extraArgs))
        , m_port(freePort())
    {}
    ~RedisServer() { stop(); }
    RedisServer(const RedisServer &) = delete;
    RedisServer &operator=(const RedisServer &) = delete;

    // Starts it (again, on the same port) and waits until it answers PING (5 s at most).
    bool start()
    {
        if (running())
            return true;
        if (m_port <= 0) {
            m_error = QStringLiteral("no free TCP port on 127.0.0.1");
            return false;
        }
        QStringList args{QStringLiteral("--port"),       QString::number(m_port),
                         QStringLiteral("--bind"),       QStringLiteral("127.0.0.1"),
                         QStringLiteral("--save"),       QString(),
                         QStringLiteral("--appendonly"), QStringLiteral("no"),
                         QStringLiteral("--daemonize"),  QStringLiteral("no"),
                         QStringLiteral("--loglevel"),   QStringLiteral("warning")};
        args += m_extraArgs;
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(executable(), args);
        if (!m_process.waitForStarted(5000)) {
            m_error =
                QStringLiteral("cannot start %1: %2").arg(executable(), m_process.errorString());
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 5000) {
            if (m_process.state() != QProcess::Running) {
                m_error = QStringLiteral("redis-server exited: %1")
                              .arg(QString::fromLocal8Bit(m_process.readAll()));
                return false;
            }
            if (answersPing())
                return true;
            QThread::msleep(10);
        }
        m_error =
            QStringLiteral("redis-server on port %1 did not answer PING within 5 s").arg(m_port);
        stop();
        return false;
    }

    // Kills it (no shutdown, no save) and waits until it is gone.
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished(5000);
    }

    // SIGSTOP / SIGCONT: a hung Redis (connections are still accepted, nothing is answered).
    void pause()
    {
        if (running())
            ::kill(pid_t(m_process.processId()), SIGSTOP);
    }
    void resume()
    {
        if (running())
            ::kill(pid_t(m_process.processId()), SIGCONT);
    }

    bool running() const { return m_process.state() == QProcess::Running; }
    int port() const { return m_port; }
    QString error() const { return m_error; }
    std::string url(int db = 0) const
    {
        return "redis://127.0.0.1:" + std::to_string(m_port) + "/" + std::to_string(db);
    }

    // A raw PING over a fresh socket (no client library involved).
    bool answersPing() const
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return false;
        timeval tv{0, 200'000};
        ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(quint16(m_port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        bool ok = false;
        if (::connect(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
            ::write(fd, "PING\r\n", 6) == 6) {
            char buf[16] = {};
            const ssize_t n = ::read(fd, buf, sizeof buf - 1);
            // With --requirepass PING answers -NOAUTH: the server is up all the same.
            ok = n > 0 && (buf[0] == '+' || buf[0] == '-');
        }
        ::close(fd);
        return ok;
    }

    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = 0;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t len = sizeof addr;
        int port = -1;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            port = ntohs(addr.sin_port);
        ::close(fd);
        return port;
    }

private:
    QStringList m_extraArgs;
    int m_port = -1;
    QProcess m_process;
    QString m_error;
};

} // namespace wfs::test

// Skips the current test function when redis-server is not installed (fails instead under
// WFS_REQUIRE_ALL_TESTS=1, as WFS_SKIP_UNLESS_REQUIRED does).
#define WFS_REQUIRE_REDIS_SERVER()                                                                 \
    do {                                                                                           \
        if (!wfs::test::RedisServer::installed())                                                  \
            WFS_SKIP_UNLESS_REQUIRED("redis-server is not installed (/usr/bin/redis-server; "      \
                                     "apt-get install redis-server, or installer/setup.sh)");      \
    } while (false)
