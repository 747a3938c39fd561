// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// PgCluster: a throwaway PostgreSQL 15 cluster for the team-server tests (label `team`): initdb
// into a temporary folder under /tmp, a free TCP port on 127.0.0.1, a private unix socket
// directory, fsync off; run as the `postgres` user when the tests run as root (PostgreSQL refuses
// root). Real PostgreSQL, never a mock.
//
//   PgCluster pg;
//   if (!pg.available()) WFS_SKIP_UNLESS_REQUIRED("PostgreSQL 15 binaries are not installed");
//   QVERIFY2(pg.init(), qPrintable(pg.error()));
//   QString url = pg.createDatabase("t1");  // postgresql://postgres@127.0.0.1:<port>/t1
//   pg.stop(); pg.start();                  // PostgreSQL down and back mid-run
//
// The destructor stops the server (pg_ctl stop -m immediate) and removes the folder.
#pragma once

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

#include <netinet/in.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>

namespace wfs::test {

class PgCluster
{
public:
    static QString binDir()
    {
        const QByteArray env = qgetenv("WFS_PG_BINDIR");
        return env.isEmpty() ? QStringLiteral("/usr/lib/postgresql/15/bin")
                             : QString::fromLocal8Bit(env);
    }
    // initdb, pg_ctl and createdb are there (and, as root, the postgres user exists).
    static bool available()
    {
        for (const char *tool : {"initdb", "pg_ctl", "createdb"}) {
            if (!QFile::exists(binDir() + "/" + tool))
                return false;
        }
        return geteuid() != 0 || getpwnam("postgres") != nullptr;
    }

    PgCluster() = default;
    PgCluster(const PgCluster &) = delete;
    PgCluster &operator=(const PgCluster &) = delete;
    ~PgCluster()
    {
        if (m_running)
            run("pg_ctl", {"stop", "-D", dataDir(), "-m", "immediate", "-w", "-t", "20"});
        m_dir.reset(); // removes the folder (we are its owner or root)
    }

    // initdb + start; false with error() on failure.
    bool init()
    {
        m_dir = std::make_unique<QTemporaryDir>(QStringLiteral("/tmp/wfs-pg-XXXXXX"));
        if (!m_dir->isValid())
            return fail("cannot create a temporary folder under /tmp");
        if (::chmod(QFile::encodeName(m_dir->path()).constData(), 0755) != 0)
            return fail("cannot chmod the temporary folder");
        if (geteuid() == 0) {
            const passwd *pw = getpwnam("postgres");
            if (!pw ||
                ::chown(QFile::encodeName(m_dir->path()).constData(), pw->pw_uid, pw->pw_gid) != 0)
                return fail("cannot hand the temporary folder to the postgres user");
        }
        m_port = freePort();
        if (m_port <= 0)
            return fail("no free TCP port on 127.0.0.1");
        if (!run("initdb", {"-D", dataDir(), "-U", "postgres", "-A", "trust", "-E", "UTF8",
                            "--no-locale", "--no-sync"}))
            return false;
        // Appended to the postgresql.conf initdb wrote (which keeps its owner).
        QFile conf(dataDir() + "/postgresql.conf");
        if (!conf.open(QIODevice::Append))
            return fail("cannot append to " + conf.fileName());
        conf.write(QStringLiteral("\nlisten_addresses = '127.0.0.1'\nport = %1\n"
                                  "unix_socket_directories = '%2'\nfsync = off\n"
                                  "synchronous_commit = off\nfull_page_writes = off\n"
                                  "max_connections = 100\nshared_buffers = 32MB\n")
                       .arg(m_port)
                       .arg(m_dir->path())
                       .toUtf8());
        conf.close();
        return start();
    }

    bool start()
    {
        if (!run("pg_ctl",
                 {"start", "-D", dataDir(), "-l", m_dir->path() + "/server.log", "-w", "-t", "30"}))
            return false;
        m_running = true;
        return true;
    }
    bool stop()
    {
        if (!run("pg_ctl", {"stop", "-D", dataDir(), "-m", "fast", "-w", "-t", "30"}))
            return false;
        m_running = false;
        return true;
    }

    // Creates database `name` and returns its libpq URI ("" on failure, see error()).
    QString createDatabase(const QString &name)
    {
        if (!run("createdb",
                 {"-h", "127.0.0.1", "-p", QString::number(m_port), "-U", "postgres", name}))
            return {};
        return url(name);
    }
    QString url(const QString &db = QStringLiteral("postgres")) const
    {
        return QStringLiteral("postgresql://postgres@127.0.0.1:%1/%2").arg(m_port).arg(db);
    }
    int port() const { return m_port; }
    const QString &error() const { return m_error; }
    QString dataDir() const { return m_dir ? m_dir->path() + "/data" : QString(); }
    QString socketDir() const { return m_dir ? m_dir->path() : QString(); }

private:
    bool fail(const QString &message)
    {
        m_error = message;
        return false;
    }

    // Runs a PostgreSQL tool, as the postgres user when we are root.
    bool run(const QString &tool, const QStringList &args)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        const QString exe = binDir() + "/" + tool;
        if (geteuid() == 0)
            p.start(QStringLiteral("runuser"), QStringList{"-u", "postgres", "--", exe} + args);
        else
            p.start(exe, args);
        if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            return fail(tool + " " + args.join(' ') +
                        " failed: " + QString::fromLocal8Bit(p.readAll()).trimmed());
        }
        return true;
    }

    static int freePort()
    {
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0)
            return -1;
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        addr.sin_port = 0;
        socklen_t len = sizeof addr;
        int port = -1;
        if (::bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0 &&
            ::getsockname(fd, reinterpret_cast<sockaddr *>(&addr), &len) == 0)
            port = ntohs(addr.sin_port);
        ::close(fd);
        return port;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_error;
    int m_port = 0;
    bool m_running = false;
};

} // namespace wfs::test
