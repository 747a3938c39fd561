// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio heat ID [--db PATH | --store URL] [--since MIN] [--client NAME] [--workflows DIR]
// [--json]`: the workflow's heat map (engine/store/heatmap.h) from the sessions the store
// recorded (the embedded database, or a team store: every instance's sessions).
#include "command.h"
#include "storeoption.h"

#include "engine/compiledworkflow.h"
#include "engine/engine.h"
#include "engine/store/heatmap.h"
#include "engine/workflowrepository.h"
#include "model/json.h"

#include <QDateTime>

#include <algorithm>

namespace {

const char *const kUsage = "Usage: wfstudio heat ID [--db PATH | --store URL] [--since MIN] "
                           "[--client NAME] [--workflows DIR] [--json]\n";
const char *const kHelp =
    "Usage: wfstudio heat ID [--db PATH | --store URL] [--since MIN] [--client NAME]\n"
    "                        [--workflows DIR] [--json]\n"
    "\n"
    "How recorded sessions (studio runs, MCP agents) moved through workflow ID, per step:\n"
    "  reached        sessions that were handed the step (a loop: any of its body steps)\n"
    "  stopped here   sessions whose last workflow_next handed out the step (not complete)\n"
    "  think p50/p95  ms from the call that handed out the step to the session's next call\n"
    "  val. failures  workflow_validate calls on the step answered invalid (retries: after one)\n"
    "  loop passes    loop passes in which the step ran, summed over sessions\n"
    "Steps are listed in the workflow's order when the workflow is found.\n"
    "\n"
    "Options:\n"
    "  --json           print {\"workflowId\", \"sessions\", \"steps\": [{\"id\", \"reached\",\n"
    "                   \"stoppedHere\", \"thinkP50Ms\", \"thinkP95Ms\", \"validationFailures\",\n"
    "                   \"loopPasses\"}]} (think times null when there is no sample)\n"
    "  --db PATH        the database to read (default: the application's database)\n"
    "  --store URL      a team store instead: postgresql://... (every instance's sessions) or\n"
    "                   sqlite:PATH (or set WFS_STORE_URL)\n"
    "  --since MIN      only sessions active in the last MIN minutes\n"
    "  --client NAME    only sessions of this client: an agent's name (\"Claude Code\"), the full\n"
    "                   client text, or a transport (\"studio\", \"stdio\", \"http\")\n"
    "  --workflows DIR  also look for the workflow in DIR (for the step order)\n"
    "  -h, --help       show this help\n"
    "\n"
    "Exit status: 0 on success, 1 when the store cannot be read, 2 on usage errors.\n";

std::string cell(const std::optional<std::int64_t> &ms)
{
    return ms ? std::to_string(*ms) : std::string("-");
}

int run(const QStringList &args)
{
    using namespace wfs::cli;
    bool json = false;
    std::string dbPath;
    std::string storeUrl;
    std::string id;
    std::vector<std::string> dirs;
    wfs::store::HeatFilter filter;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = args[++i].toStdString();
        } else if (a == QLatin1String("--store") && i + 1 < args.size()) {
            storeUrl = args[++i].toStdString();
        } else if (a == QLatin1String("--client") && i + 1 < args.size()) {
            filter.client = args[++i].toStdString();
        } else if (a == QLatin1String("--workflows") && i + 1 < args.size()) {
            dirs.push_back(args[++i].toStdString());
        } else if (a == QLatin1String("--since") && i + 1 < args.size()) {
            bool ok = false;
            const double minutes = args[++i].toDouble(&ok);
            if (!ok || minutes <= 0) {
                printErr("wfstudio heat: --since needs a positive number of minutes\n");
                return ExitUsage;
            }
            filter.sinceMs =
                QDateTime::currentMSecsSinceEpoch() - static_cast<std::int64_t>(minutes * 60'000.0);
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printOut(kHelp);
            return ExitOk;
        } else if (!a.startsWith(QLatin1Char('-')) && id.empty()) {
            id = a.toStdString();
        } else {
            printErr("wfstudio heat: unexpected argument '" + a.toStdString() + "'\n" + kUsage);
            return ExitUsage;
        }
    }
    if (id.empty()) {
        printErr(std::string("wfstudio heat: which workflow?\n") + kUsage);
        return ExitUsage;
    }
    auto store = openStore(storeUrl, dbPath);
    if (!store) {
        printErr("wfstudio heat: " + store.error() + "\n");
        return store.error().rfind("--", 0) == 0 ? ExitUsage : ExitFailure;
    }
    // The step order of the workflow as served (bundled samples, standard folders, --workflows).
    std::vector<std::string> order;
    {
        wfs::Engine::Options o;
        o.extraDirs = dirs;
        o.watchFiles = false;
        wfs::Engine engine(o);
        const auto snap = engine.snapshot();
        if (const wfs::WorkflowEntry *e = snap->find(id))
            order = wfs::store::stepOrderOf(e->workflow()->document());
    }
    const auto heat = wfs::store::computeHeat((*store)->sessions(), id, filter, order);
    if (!heat) {
        printErr("wfstudio heat: " + heat.error() + "\n");
        return ExitFailure;
    }
    if (json) {
        printOut(heat->toJson().dump(2, ' ', false, wfs::Json::error_handler_t::replace) + "\n");
        return ExitOk;
    }
    std::string out = "Heat map of " + id + ": " + std::to_string(heat->sessions) +
                      " session(s) in " + (*store)->describe() + "\n";
    const std::vector<std::string> head = {"step",         "reached",      "stopped here",
                                           "think p50 ms", "think p95 ms", "val. failures",
                                           "val. retries", "loop passes"};
    std::vector<std::vector<std::string>> rows;
    for (const wfs::store::HeatCell &c : heat->steps) {
        rows.push_back({c.id, std::to_string(c.reached), std::to_string(c.stoppedHere),
                        cell(c.thinkP50Ms), cell(c.thinkP95Ms),
                        std::to_string(c.validationFailures), std::to_string(c.validationRetries),
                        std::to_string(c.loopPasses)});
    }
    std::vector<std::size_t> width(head.size());
    for (std::size_t k = 0; k < head.size(); ++k) {
        width[k] = head[k].size();
        for (const auto &r : rows)
            width[k] = std::max(width[k], r[k].size());
    }
    const auto line = [&](const std::vector<std::string> &r) {
        std::string s;
        for (std::size_t k = 0; k < r.size(); ++k) {
            const std::string pad(width[k] - r[k].size(), ' ');
            s += k == 0 ? r[k] + pad : "  " + pad + r[k]; // names left, numbers right
        }
        while (!s.empty() && s.back() == ' ')
            s.pop_back();
        return s + "\n";
    };
    out += line(head);
    for (const auto &r : rows)
        out += line(r);
    printOut(out);
    return ExitOk;
}

wfs::cli::CommandRegistration reg{
    {"heat", "heat ID [--db PATH | --store URL] [--since MIN] [--client NAME] [--json]",
     "Per-step heat map of recorded sessions (reached, stopped, think time, ...)", run}};

} // namespace
