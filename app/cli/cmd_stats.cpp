// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio stats [--json] [--db PATH] [--since MINUTES]`: latency and cache figures recorded
// in the database by the studio, the MCP server and `wfstudio bench --db`.
#include "command.h"
#include "storeoption.h"

#include <QDateTime>

#include <cstdio>

namespace {

const char *const kHelp =
    "Usage: wfstudio stats [--json] [--db PATH | --store URL] [--since MINUTES]\n"
    "\n"
    "Shows per-operation latency (count, errors, mean, p50, p99, max) and cache figures\n"
    "recorded in the database by running Workflow Studio processes.\n"
    "\n"
    "Options:\n"
    "  --json           print one JSON object\n"
    "  --db PATH        the database to read (default: the application's database)\n"
    "  --store URL      a team store instead: postgresql://... (the whole fleet, with a\n"
    "                   per-instance breakdown) or sqlite:PATH (or set WFS_STORE_URL)\n"
    "  --since MINUTES  only samples from the last MINUTES minutes (default: all)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 on success, 1 when the database cannot be read, 2 on usage errors.\n";

std::string fixed(double v, int decimals = 1)
{
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    return buf;
}

int run(const QStringList &args)
{
    using namespace wfs::cli;
    bool json = false;
    std::string dbPath;
    std::string storeUrl;
    std::int64_t sinceMs = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        bool ok = true;
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = args[++i].toStdString();
        } else if (a == QLatin1String("--store") && i + 1 < args.size()) {
            storeUrl = args[++i].toStdString();
        } else if (a == QLatin1String("--since") && i + 1 < args.size()) {
            const double minutes = args[++i].toDouble(&ok);
            if (!ok || minutes <= 0) {
                printErr("wfstudio stats: --since needs a positive number of minutes\n");
                return ExitUsage;
            }
            sinceMs = QDateTime::currentMSecsSinceEpoch() - std::int64_t(minutes * 60'000);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printOut(kHelp);
            return ExitOk;
        } else {
            printErr("wfstudio stats: unexpected argument '" + a.toStdString() +
                     "'\nUsage: wfstudio stats [--json] [--db PATH | --store URL] [--since "
                     "MINUTES]\n");
            return ExitUsage;
        }
    }
    auto store = openStore(storeUrl, dbPath);
    if (!store) {
        printErr("wfstudio stats: " + store.error() + "\n");
        return store.error().rfind("--", 0) == 0 ? ExitUsage : ExitFailure;
    }
    const wfs::Result<wfs::Json> report = (*store)->metricsReport(sinceMs);
    if (!report) {
        printErr("wfstudio stats: " + report.error() + "\n");
        return ExitFailure;
    }
    if (json) {
        printOut(report->dump(2) + "\n");
        return ExitOk;
    }
    const wfs::Json &r = *report;
    std::string out = "Database: " + r.at("database").get<std::string>() + "\n";
    if (r.at("operations").empty()) {
        out += "No latency samples recorded yet.\n";
    } else {
        out += "operation              count    errors   mean us    p50 us    p99 us    max us\n";
        for (const auto &[name, o] : r.at("operations").items()) {
            std::string n = name;
            n.resize(20, ' ');
            out += n + " " + std::to_string(o.at("count").get<std::int64_t>()) + "\t" +
                   std::to_string(o.at("errors").get<std::int64_t>()) + "\t" +
                   fixed(o.at("mean_us").get<double>()) + "\t" +
                   fixed(o.at("p50_us").get<double>()) + "\t" +
                   fixed(o.at("p99_us").get<double>()) + "\t" +
                   fixed(o.at("max_us").get<double>()) + "\n";
        }
    }
    const wfs::Json &c = r.at("cache");
    out += "Cache: " + std::to_string(c.at("l2_entries").get<std::int64_t>()) +
           " entries on disk (" + std::to_string(c.at("l2_bytes").get<std::int64_t>()) + " bytes)";
    if (c.contains("l1_hit_rate"))
        out += ", last L1 hit rate " + fixed(c.at("l1_hit_rate").get<double>() * 100, 2) + "%";
    if (c.contains("l2_hit_rate"))
        out += ", L2 hit rate " + fixed(c.at("l2_hit_rate").get<double>() * 100, 2) + "%";
    out += "\n";
    // A team store: each instance's share (the percentiles above are the fleet's, merged from
    // the instances' histograms).
    if (r.contains("instances") && r.at("instances").is_object() && !r.at("instances").empty()) {
        out += "Instances:\n";
        for (const auto &[id, inst] : r.at("instances").items()) {
            std::int64_t count = 0;
            double p99 = 0;
            for (const auto &[op, o] : inst.at("operations").items()) {
                count += o.value("count", std::int64_t(0));
                p99 = std::max(p99, o.value("p99_us", 0.0));
            }
            const std::int64_t last = inst.value("last_ms", std::int64_t(0));
            out +=
                "  " + id + "  " + std::to_string(count) + " call(s), highest p99 " + fixed(p99) +
                " us, last seen " +
                QDateTime::fromMSecsSinceEpoch(last, Qt::UTC).toString(Qt::ISODate).toStdString() +
                "\n";
        }
    }
    printOut(out);
    return ExitOk;
}

wfs::cli::CommandRegistration reg{{"stats",
                                   "stats [--json] [--db PATH | --store URL] [--since MIN]",
                                   "Show recorded latency and cache figures", run}};

} // namespace
