// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A team server's services for a test (label `team`, or a scenario on a team store): Redis and a
// throwaway PostgreSQL cluster with one database, and workflows published into it with the real
// `wfstudio publish` — the way a team gets them there.
//
//   WFS_REQUIRE_TEAM_SERVERS();                       // skips unless both are installed
//   QString why;
//   m_store = test::startTeamServices(m_pg, m_redis, "fleet", &why);
//   QVERIFY2(!m_store.isEmpty(), qPrintable(why));
//   QVERIFY2(test::publishToStore(m_store, {file}, &why), qPrintable(why));
#pragma once

#include "pgcluster.h"
#include "redisserver.h"
#include "testutil.h"

#include <QProcess>
#include <QString>
#include <QStringList>

#define WFS_REQUIRE_TEAM_SERVERS()                                                                 \
    do {                                                                                           \
        if (!wfs::test::PgCluster::available())                                                    \
            WFS_SKIP_UNLESS_REQUIRED("PostgreSQL 15 server binaries are not installed "            \
                                     "(apt-get install postgresql-15)");                           \
        WFS_REQUIRE_REDIS_SERVER();                                                                \
    } while (false)

namespace wfs::test {

// Starts `redis` and `pg` with a database `db`; its URL, or "" (and `why`) when one did not start.
inline QString startTeamServices(PgCluster &pg, RedisServer &redis, const QString &db, QString *why)
{
    if (!redis.start()) {
        *why = redis.error();
        return {};
    }
    if (!pg.init()) {
        *why = pg.error();
        return {};
    }
    const QString store = pg.createDatabase(db);
    if (store.isEmpty())
        *why = pg.error();
    return store;
}

// `wfstudio publish --store STORE FILES...`; false (and its standard error in `why`) when it
// failed.
inline bool publishToStore(const QString &store, const QStringList &files, QString *why)
{
    QProcess publish;
    publish.start(binaryDir() + QStringLiteral("/bin/wfstudio"),
                  QStringList{QStringLiteral("publish"), QStringLiteral("--store"), store} + files);
    if (!publish.waitForFinished(30000) || publish.exitCode() != 0) {
        *why = QString::fromUtf8(publish.readAllStandardError());
        return false;
    }
    return true;
}

} // namespace wfs::test
