// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio health [--json] [--db PATH]`: database, cache, memory and disk checks. Exit 0 when
// healthy, 1 when degraded or unhealthy, 2 on usage errors. Checks live in
// engine/services/healthcheck.h.
#include "command.h"

#include "engine/cache/l2cache.h"
#include "engine/cache/resultcache.h"
#include "engine/services/healthcheck.h"
#include "engine/store/storeopen.h"

namespace {

const char *const kHelp =
    "Usage: wfstudio health [--json] [--db PATH]\n"
    "\n"
    "Checks that Workflow Studio can work: the database answers and passes an integrity\n"
    "check, the cache database has no errors, resident memory is below its limits and the\n"
    "database's disk has free space.\n"
    "\n"
    "Options:\n"
    "  --json      print {\"status\": \"healthy|degraded|unhealthy\", \"checks\": [...]}\n"
    "  --db PATH   the database to check (default: the application's database)\n"
    "  -h, --help  show this help\n"
    "\n"
    "Exit status: 0 when healthy, 1 when degraded or unhealthy, 2 on usage errors.\n";

int run(const QStringList &args)
{
    using namespace wfs::cli;
    bool json = false;
    std::string dbPath;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = args[++i].toStdString();
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printOut(kHelp);
            return ExitOk;
        } else {
            printErr("wfstudio health: unexpected argument '" + a.toStdString() +
                     "'\nUsage: wfstudio health [--json] [--db PATH]  (see --help)\n");
            return ExitUsage;
        }
    }
    auto db = wfs::store::openProductDatabase(dbPath);
    std::unique_ptr<wfs::cache::ResultCache> cache;
    if (db)
        cache = std::make_unique<wfs::cache::ResultCache>(
            wfs::cache::ResultCache::Options{},
            std::make_shared<wfs::cache::L2Cache>(**db, wfs::cache::L2Cache::Options{}));
    const wfs::metrics::HealthReport report = wfs::metrics::HealthCheck({}).run(
        db ? db->get() : nullptr, cache.get(), db ? std::string() : db.error());
    if (json)
        printOut(report.toJson().dump(2) + "\n");
    else
        printOut(report.toText());
    return report.status == wfs::metrics::HealthStatus::Healthy ? ExitOk : ExitFailure;
}

wfs::cli::CommandRegistration reg{
    {"health", "health [--json] [--db PATH]", "Check the database, cache, memory and disk", run}};

} // namespace
