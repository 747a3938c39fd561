// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio health [--json] [--db PATH | --store URL] [--cache URL]`: database (or team store),
// cache, memory and disk checks. Exit 0 when healthy, 1 when degraded or unhealthy, 2 on usage
// errors. Checks live in engine/services/healthcheck.h; a listener answers the same on
// GET /health (what a load balancer calls).
#include "command.h"
#include "storeoption.h"

#include "engine/cache/l2cache.h"
#include "engine/cache/resultcache.h"
#include "engine/redis/redisclient.h"
#include "engine/services/healthcheck.h"
#include "engine/services/storeurl.h"

namespace {

const char *const kHelp =
    "Usage: wfstudio health [--json] [--db PATH | --store URL] [--cache URL]\n"
    "\n"
    "Checks that Workflow Studio can work: the database answers and passes an integrity\n"
    "check, the cache database has no errors, resident memory is below its limits and the\n"
    "database's disk has free space. For a team server: the shared store answers\n"
    "(unhealthy when not) and the shared cache answers (degraded when not).\n"
    "\n"
    "Options:\n"
    "  --json       print {\"status\": \"healthy|degraded|unhealthy\", \"checks\": [...]}\n"
    "  --db PATH    the database to check (default: the application's database)\n"
    "  --store URL  a team store: postgresql://... or sqlite:PATH (or set WFS_STORE_URL)\n"
    "  --cache URL  a team's shared cache: redis://HOST:PORT[/DB] (or set WFS_CACHE_URL)\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit status: 0 when healthy, 1 when degraded or unhealthy, 2 on usage errors.\n";

int run(const QStringList &args)
{
    using namespace wfs::cli;
    bool json = false;
    std::string dbPath, storeUrl, cacheUrl;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = args[++i].toStdString();
        } else if (a == QLatin1String("--store") && i + 1 < args.size()) {
            storeUrl = args[++i].toStdString();
        } else if (a == QLatin1String("--cache") && i + 1 < args.size()) {
            cacheUrl = args[++i].toStdString();
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printOut(kHelp);
            return ExitOk;
        } else {
            printErr("wfstudio health: unexpected argument '" + a.toStdString() +
                     "'\nUsage: wfstudio health [--json] [--db PATH | --store URL] [--cache "
                     "URL]  (see --help)\n");
            return ExitUsage;
        }
    }
    if (!storeUrl.empty() && !dbPath.empty()) {
        printErr("wfstudio health: --store and --db exclude each other\n");
        return ExitUsage;
    }
    storeUrl = wfs::services::urlFromFlagOrEnvironment(storeUrl, "WFS_STORE_URL");
    cacheUrl = wfs::services::urlFromFlagOrEnvironment(cacheUrl, "WFS_CACHE_URL");
    const auto location = wfs::services::parseStoreUrl(dbPath.empty() ? storeUrl : "");
    if (!location) {
        printErr("wfstudio health: --store: " + location.error() + "\n");
        return ExitUsage;
    }
    if (auto cache = wfs::services::parseCacheUrl(cacheUrl); !cache) {
        printErr("wfstudio health: --cache: " + cache.error() + "\n");
        return ExitUsage;
    }
    const bool team = location->kind == wfs::services::StoreLocation::Kind::PostgreSql;
    if (location->kind == wfs::services::StoreLocation::Kind::Sqlite && dbPath.empty())
        dbPath = location->target;

    wfs::metrics::HealthReport report;
    std::unique_ptr<wfs::services::StoreHandle> store;
    std::unique_ptr<wfs::cache::ResultCache> cache;
    if (team) {
        auto opened = wfs::services::StoreHandle::open(storeUrl);
        std::string error;
        if (opened)
            store = std::move(*opened);
        else
            error = opened.error();
        report = wfs::metrics::HealthCheck({}).run(nullptr, nullptr);
        wfs::metrics::HealthCheck::applyTeamStore(report, store.get(), storeUrl, error);
    } else {
        auto opened = openStore({}, dbPath);
        wfs::store::Database *db = opened ? (*opened)->database() : nullptr;
        if (db)
            cache = std::make_unique<wfs::cache::ResultCache>(
                wfs::cache::ResultCache::Options{},
                std::make_shared<wfs::cache::L2Cache>(*db, wfs::cache::L2Cache::Options{}));
        report = wfs::metrics::HealthCheck({}).run(db, cache.get(),
                                                   opened ? std::string() : opened.error());
        if (opened)
            store = std::move(*opened);
    }
    if (!cacheUrl.empty()) {
        auto options = wfs::redis::parseRedisUrl(cacheUrl);
        if (!options) {
            printErr("wfstudio health: --cache: " + options.error() + "\n");
            return ExitUsage;
        }
        wfs::redis::RedisClient redis(std::move(*options));
        wfs::metrics::HealthCheck::applySharedCache(report, redis);
    }
    if (json)
        printOut(report.toJson().dump(2) + "\n");
    else
        printOut(report.toText());
    return report.status == wfs::metrics::HealthStatus::Healthy ? ExitOk : ExitFailure;
}

wfs::cli::CommandRegistration reg{
    {"health", "health [--json] [--db PATH | --store URL] [--cache URL]",
     "Check the database (or team store), cache, memory and disk", run}};

} // namespace
