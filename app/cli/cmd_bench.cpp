// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio bench [--json] [--seconds N] [--users N] [--workflows DIR]... [--db PATH]`: the
// in-process load test (engine/metrics/loadtest.h).
#include "command.h"

#include "engine/metrics/loadtest.h"
#include "engine/store/storeopen.h"

#include <QFileInfo>

namespace {

const char *const kHelp =
    "Usage: wfstudio bench [--json] [--seconds N] [--users N] [--workflows DIR]... [--db PATH]\n"
    "\n"
    "Runs a load test against the in-process engine: N virtual users (threads) call\n"
    "workflow_list (40%), workflow_get (30%), workflow_next (20%) and workflow_validate (10%)\n"
    "on the bundled sample workflows and those in the --workflows directories, through the\n"
    "result cache, and prints requests/s, errors, per-operation p50/p95/p99, cache hit rates\n"
    "and resident memory.\n"
    "\n"
    "Options:\n"
    "  --json           print one JSON object: {\"rps\", \"errors\", \"rss_mb\", \"cache\":\n"
    "                   {\"l1_hit_rate\", \"l2_hit_rate\"}, \"operations\": {...}}\n"
    "  --seconds N      how long to run (default 5)\n"
    "  --users N        concurrent virtual users (default 4)\n"
    "  --workflows DIR  also load the workflows in DIR (repeatable)\n"
    "  --db PATH        use PATH as the L2 cache and record the figures there (default: the\n"
    "                   cache stays in memory and nothing is recorded)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 when every call succeeded, 1 when some failed, 2 on usage errors.\n";

int run(const QStringList &args)
{
    using namespace wfs::cli;
    bool json = false;
    std::string dbPath;
    wfs::metrics::LoadTestOptions o;
    const auto usage = [](const std::string &why) {
        printErr("wfstudio bench: " + why +
                 "\nUsage: wfstudio bench [--json] [--seconds N] [--users N] "
                 "[--workflows DIR]... [--db PATH]  (see --help)\n");
        return ExitUsage;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--seconds") && hasValue) {
            o.seconds = args[++i].toDouble(&ok);
            if (!ok || o.seconds <= 0 || o.seconds > 3600)
                return usage("--seconds needs a number between 0 and 3600");
        } else if (a == QLatin1String("--users") && hasValue) {
            o.users = args[++i].toInt(&ok);
            if (!ok || o.users < 1 || o.users > 1024)
                return usage("--users needs a whole number between 1 and 1024");
        } else if (a == QLatin1String("--workflows") && hasValue) {
            const QString dir = args[++i];
            if (!QFileInfo(dir).isDir())
                return usage("--workflows: '" + dir.toStdString() + "' is not a directory");
            o.workflowDirs.push_back(QFileInfo(dir).absoluteFilePath().toStdString());
        } else if (a == QLatin1String("--db") && hasValue) {
            dbPath = args[++i].toStdString();
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printOut(kHelp);
            return ExitOk;
        } else {
            return usage("unexpected argument '" + a.toStdString() + "'");
        }
    }
    std::unique_ptr<wfs::store::Database> db;
    if (!dbPath.empty()) {
        auto opened = wfs::store::openProductDatabase(dbPath);
        if (!opened) {
            printErr("wfstudio bench: " + opened.error() + "\n");
            return ExitFailure;
        }
        db = std::move(*opened);
        o.database = db.get();
    }
    const auto report = wfs::metrics::runLoadTest(o);
    if (!report) {
        printErr("wfstudio bench: " + report.error() + "\n");
        return ExitFailure;
    }
    printOut(json ? report->toJson().dump(2) + "\n" : report->toText());
    return report->errors == 0 ? ExitOk : ExitFailure;
}

wfs::cli::CommandRegistration reg{{"bench",
                                   "bench [--json] [--seconds N] [--users N] [--workflows DIR]",
                                   "Load-test the engine and report throughput and latency", run}};

} // namespace
