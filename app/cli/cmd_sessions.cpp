// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio sessions [--json] [--db PATH] [--limit N]`: the engine sessions (studio runs and
// MCP-driven walks) the store has persisted, most recently updated first.
#include "command.h"
#include "storeoption.h"

#include "engine/session.h"
#include "engine/store/sessionstore.h"
#include "model/json.h"

#include <QDateTime>

namespace {

const char *const kUsage = "Usage: wfstudio sessions [--json] [--db PATH] [--limit N]\n";
const char *const kHelp =
    "Usage: wfstudio sessions [--json] [--db PATH] [--limit N]\n"
    "\n"
    "Lists the sessions (a walk through one workflow by one client: the studio's stepper, an\n"
    "MCP client over HTTP or stdio) stored in the database, most recently updated first.\n"
    "\n"
    "Options:\n"
    "  --json       print [{\"id\", \"workflowId\", \"client\", \"completedSteps\", "
    "\"updatedAt\"}]\n"
    "               (completedSteps: how many; updatedAt: ISO 8601 UTC)\n"
    "  --db PATH    the database to read (default: the application's database)\n"
    "  --store URL  a team store instead: postgresql://... (every instance's sessions) or\n"
    "               sqlite:PATH (or set WFS_STORE_URL)\n"
    "  --limit N    at most N sessions (default: all)\n"
    "  -h, --help   show this help\n"
    "\n"
    "Exit status: 0 on success, 1 when the database cannot be read, 2 on usage errors.\n";

std::string isoTime(std::int64_t ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs).toStdString();
}

int run(const QStringList &args)
{
    using namespace wfs::cli;
    bool json = false;
    std::string dbPath;
    std::string storeUrl;
    int limit = 0;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &a = args[i];
        if (a == QLatin1String("--json")) {
            json = true;
        } else if (a == QLatin1String("--db") && i + 1 < args.size()) {
            dbPath = args[++i].toStdString();
        } else if (a == QLatin1String("--store") && i + 1 < args.size()) {
            storeUrl = args[++i].toStdString();
        } else if (a == QLatin1String("--limit") && i + 1 < args.size()) {
            bool ok = false;
            limit = args[++i].toInt(&ok);
            if (!ok || limit <= 0) {
                printErr("wfstudio sessions: --limit needs a positive whole number\n");
                return ExitUsage;
            }
        } else if (a == QLatin1String("--help") || a == QLatin1String("-h")) {
            printOut(kHelp);
            return ExitOk;
        } else {
            printErr("wfstudio sessions: unexpected argument '" + a.toStdString() + "'\n" + kUsage);
            return ExitUsage;
        }
    }
    auto store = openStore(storeUrl, dbPath);
    if (!store) {
        printErr("wfstudio sessions: " + store.error() + "\n");
        return store.error().rfind("--", 0) == 0 ? ExitUsage : ExitFailure;
    }
    const auto records = (*store)->sessions().loadAll(limit);
    if (!records) {
        printErr("wfstudio sessions: " + records.error() + "\n");
        return ExitFailure;
    }
    wfs::Json list = wfs::Json::array();
    for (const wfs::store::SessionRecord &r : *records) {
        // The state is the engine's Session as JSON; a damaged row still lists with 0 steps.
        const wfs::Json state = wfs::Json::parse(r.state, nullptr, false);
        std::size_t completed = 0;
        if (!state.is_discarded()) {
            if (const auto s = wfs::Session::fromJson(state); s && s->completedSteps.is_array())
                completed = s->completedSteps.size();
        }
        wfs::Json item = wfs::Json::object();
        item["id"] = r.id;
        item["workflowId"] = r.workflowId;
        item["client"] = r.client;
        item["completedSteps"] = completed;
        item["updatedAt"] = isoTime(r.updatedAtMs);
        list.push_back(std::move(item));
    }
    if (json) {
        printOut(list.dump(2, ' ', false, wfs::Json::error_handler_t::replace) + "\n");
        return ExitOk;
    }
    if (list.empty()) {
        printOut("No sessions in " + (*store)->describe() + "\n");
        return ExitOk;
    }
    std::string out = "id  workflow  client  completed  status  updated (UTC)\n";
    for (std::size_t i = 0; i < list.size(); ++i) {
        const wfs::Json &s = list[i];
        out += s["id"].get<std::string>() + "  " + s["workflowId"].get<std::string>() + "  " +
               s["client"].get<std::string>() + "  " +
               std::to_string(s["completedSteps"].get<std::size_t>()) + " step(s)  " +
               (*records)[i].status + "  " + s["updatedAt"].get<std::string>() + "\n";
    }
    printOut(out);
    return ExitOk;
}

wfs::cli::CommandRegistration reg{{"sessions",
                                   "sessions [--json] [--db PATH | --store URL] [--limit N]",
                                   "List the stored sessions (studio runs, MCP clients)", run}};

} // namespace
