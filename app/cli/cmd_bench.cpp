// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio bench [--json] [--path hit|miss|both] [--seconds N] [--users N] [--workflows DIR]...
// [--db PATH]`: the in-process load test (engine/loadgen/loadtest.h), on the cache hit path and
// on the miss path, reported separately.
#include "command.h"

#include "engine/loadgen/loadtest.h"
#include "engine/store/storeopen.h"

#include <QFileInfo>

namespace {

const char *const kHelp =
    "Usage: wfstudio bench [--json] [--path hit|miss|both] [--seconds N] [--users N]\n"
    "                      [--workflows DIR]... [--db PATH]\n"
    "\n"
    "Runs a load test against the in-process engine through the result cache, on the bundled\n"
    "sample workflows and those in the --workflows directories, and prints requests/s, errors,\n"
    "per-operation p50/p95/p99, cache hit rates and resident memory, for two request sets:\n"
    "  hit path   the product mix (workflow_list 40%, workflow_get 30%, workflow_next 20%,\n"
    "             workflow_validate 10%) over a fixed set of requests: after one pass every\n"
    "             answer comes from the cache;\n"
    "  miss path  workflow_next and workflow_validate only (2:1), every request unique\n"
    "             (completed steps, contexts and outputs drawn from the workflows): every\n"
    "             answer is computed.\n"
    "\n"
    "Options:\n"
    "  --json           print JSON: {\"hit_path\": R, \"miss_path\": R} (one R with --path hit or\n"
    "                   miss), R = {\"rps\", \"errors\", \"rss_mb\", \"variety\", \"cache\":\n"
    "                   {\"l1_hit_rate\", \"l2_hit_rate\"}, \"operations\": {...}}\n"
    "  --path P         hit, miss or both (default both, one after the other)\n"
    "  --seconds N      how long to run each path (default 5)\n"
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
    bool hitPath = true;
    bool missPath = true;
    std::string dbPath;
    wfs::metrics::LoadTestOptions o;
    const auto usage = [](const std::string &why) {
        printErr("wfstudio bench: " + why +
                 "\nUsage: wfstudio bench [--json] [--path hit|miss|both] [--seconds N] "
                 "[--users N] [--workflows DIR]... [--db PATH]  (see --help)\n");
        return ExitUsage;
    };
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        const bool hasValue = i + 1 < args.size();
        bool ok = true;
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--path") && hasValue) {
            const QString p = args[++i];
            if (p != QLatin1String("hit") && p != QLatin1String("miss") &&
                p != QLatin1String("both"))
                return usage("--path needs hit, miss or both");
            hitPath = p != QLatin1String("miss");
            missPath = p != QLatin1String("hit");
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
    // One path after the other, each with its own private engine and cache.
    wfs::Json out = wfs::Json::object();
    std::string text;
    bool failed = false;
    for (const bool hit : {true, false}) {
        if (hit ? !hitPath : !missPath)
            continue;
        o.variety =
            hit ? wfs::metrics::LoadTestVariety::Repeated : wfs::metrics::LoadTestVariety::Unique;
        const auto report = wfs::metrics::runLoadTest(o);
        if (!report) {
            printErr("wfstudio bench: " + report.error() + "\n");
            return ExitFailure;
        }
        failed = failed || report->errors != 0;
        out[hit ? "hit_path" : "miss_path"] = report->toJson();
        text += std::string(hit ? "Hit path (repeated requests, answered from the cache)\n"
                                : "Miss path (unique next/validate requests, computed)\n") +
                report->toText() + "\n";
    }
    if (json)
        printOut((hitPath && missPath ? out : out.begin().value()).dump(2) + "\n");
    else
        printOut(text);
    return failed ? ExitFailure : ExitOk;
}

wfs::cli::CommandRegistration reg{
    {"bench", "bench [--json] [--path hit|miss|both] [--seconds N] [--users N]",
     "Load-test the engine and report throughput and latency", run}};

} // namespace
