// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// `wfstudio publish DIR|FILE... --store URL` and `wfstudio unpublish ID... --store URL`: the
// workflows a team server's instances serve besides their own --workflows (#19). Publish
// validates every file as `wfstudio validate` does and refuses the invalid ones with the same
// positioned errors; the valid ones are stored (an unchanged one is left alone). Every instance
// on that store serves the change within a second.
#include "command.h"

#include "engine/services/storehandle.h"
#include "engine/services/storeurl.h"
#include "engine/store/workflowstore.h"
#include "model/diagnostic.h"
#include "model/jsonio.h"
#include "model/validatefiles.h"

#include <map>

namespace {

using namespace wfs::cli;

const char *const kPublishHelp =
    "Usage: wfstudio publish [--json] --store URL DIR|FILE...\n"
    "\n"
    "Validates workflow files and stores the valid ones in a shared store, from which every\n"
    "`wfstudio mcp --store URL` instance serves them (within a second of publishing). A\n"
    "workflow already published under the same id is replaced. Invalid files are refused\n"
    "with their errors (file:line:column); the others are still published.\n"
    "\n"
    "Options:\n"
    "  --store URL  postgresql://... (a team server) or sqlite:PATH (or set WFS_STORE_URL)\n"
    "  --json       print {\"published\": [...], \"unchanged\": [...], \"refused\": [...]}\n"
    "\n"
    "Exit status: 0 when every file was published, 1 when one was refused, 2 on usage errors\n"
    "or when the store cannot be opened.\n";

const char *const kUnpublishHelp =
    "Usage: wfstudio unpublish --store URL ID...\n"
    "\n"
    "Removes published workflows from a shared store; every instance stops serving them\n"
    "within a second (files of their own --workflows folders are not affected).\n"
    "\n"
    "Options:\n"
    "  --store URL  postgresql://... or sqlite:PATH (or set WFS_STORE_URL)\n"
    "\n"
    "Exit status: 0 when every ID was removed, 1 when one was not published, 2 on usage\n"
    "errors or when the store cannot be opened.\n";

struct Args
{
    std::string store;
    bool json = false;
    std::vector<std::string> rest;
};

// Returns an error text, "help", or "" when the arguments are usable.
std::string parse(const QStringList &args, Args &a, bool allowJson)
{
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h"))
            return "help";
        if (arg == QLatin1String("--store")) {
            if (i + 1 >= args.size() || args[i + 1].isEmpty())
                return "--store needs a URL";
            a.store = args[++i].toStdString();
        } else if (allowJson && arg == QLatin1String("--json")) {
            a.json = true;
        } else if (arg.startsWith(QLatin1String("--"))) {
            return "unknown option '" + arg.toStdString() + "'";
        } else {
            a.rest.push_back(arg.toStdString());
        }
    }
    a.store = wfs::services::urlFromFlagOrEnvironment(a.store, "WFS_STORE_URL");
    if (a.store.empty())
        return "--store URL is required (or set WFS_STORE_URL)";
    if (auto location = wfs::services::parseStoreUrl(a.store); !location)
        return location.error();
    return {};
}

int publish(const QStringList &args)
{
    Args a;
    const std::string usage = parse(args, a, true);
    if (usage == "help") {
        printOut(kPublishHelp);
        return ExitOk;
    }
    if (usage.empty() && a.rest.empty()) {
        printErr("wfstudio publish: name the workflow files or folders to publish\n");
        return ExitUsage;
    }
    if (!usage.empty()) {
        printErr("wfstudio publish: " + usage + "\n");
        return ExitUsage;
    }
    const auto files = wfs::collectWorkflowFiles(a.rest);
    if (!files) {
        printErr("wfstudio publish: " + files.error() + "\n");
        return ExitUsage;
    }
    auto store = wfs::services::StoreHandle::open(a.store);
    if (!store) {
        printErr("wfstudio publish: " + store.error() + "\n");
        return ExitUsage;
    }
    // Errors per file, as `wfstudio validate` reports them.
    std::map<std::string, wfs::Diagnostics> errors;
    for (wfs::Diagnostic &d : wfs::validateWorkflowFiles(*files)) {
        if (d.severity == wfs::Severity::Error)
            errors[d.file].push_back(std::move(d));
    }
    wfs::Json published = wfs::Json::array(), unchanged = wfs::Json::array(),
              refused = wfs::Json::array();
    std::string text;
    for (const std::string &file : *files) {
        if (const auto it = errors.find(file); it != errors.end()) {
            wfs::Json diagnostics = wfs::Json::array();
            for (const wfs::Diagnostic &d : it->second) {
                text += wfs::formatDiagnostic(d) + "\n";
                diagnostics.push_back(wfs::diagnosticToJson(d));
            }
            text += "refused: " + file + "\n";
            refused.push_back({{"file", file}, {"diagnostics", diagnostics}});
            continue;
        }
        wfs::ParsedJson parsed = wfs::loadJsonFile(file);
        if (!parsed.ok || !parsed.value.is_object()) { // validated above; read again, changed?
            text += "refused: " + file + ": not readable as a workflow\n";
            refused.push_back({{"file", file}, {"diagnostics", wfs::Json::array()}});
            continue;
        }
        const std::string id = parsed.value.value("id", "");
        wfs::store::WorkflowMeta meta;
        meta.source = "published";
        wfs::Result<bool> changed = (*store)->workflows().upsert(parsed.value, meta);
        if (!changed) {
            printErr("wfstudio publish: " + file + ": " + changed.error() + "\n");
            return ExitUsage;
        }
        if (*changed) {
            (*store)->notifyWorkflowsChanged(id);
            text += "published: " + id + " (" + file + ")\n";
            published.push_back({{"id", id}, {"file", file}});
        } else {
            text += "unchanged: " + id + " (" + file + ")\n";
            unchanged.push_back({{"id", id}, {"file", file}});
        }
    }
    if (a.json) {
        printOut(wfs::Json{{"store", (*store)->describe()},
                           {"published", published},
                           {"unchanged", unchanged},
                           {"refused", refused}}
                     .dump(2, ' ', false, wfs::Json::error_handler_t::replace) +
                 "\n");
    } else {
        printOut(text);
    }
    return refused.empty() ? ExitOk : ExitFailure;
}

int unpublish(const QStringList &args)
{
    Args a;
    const std::string usage = parse(args, a, false);
    if (usage == "help") {
        printOut(kUnpublishHelp);
        return ExitOk;
    }
    if (usage.empty() && a.rest.empty()) {
        printErr("wfstudio unpublish: name the workflow ids to remove\n");
        return ExitUsage;
    }
    if (!usage.empty()) {
        printErr("wfstudio unpublish: " + usage + "\n");
        return ExitUsage;
    }
    auto store = wfs::services::StoreHandle::open(a.store);
    if (!store) {
        printErr("wfstudio unpublish: " + store.error() + "\n");
        return ExitUsage;
    }
    int rc = ExitOk;
    for (const std::string &id : a.rest) {
        wfs::Result<bool> removed = (*store)->workflows().remove(id);
        if (!removed) {
            printErr("wfstudio unpublish: " + id + ": " + removed.error() + "\n");
            return ExitUsage;
        }
        if (*removed) {
            (*store)->notifyWorkflowsChanged(id);
            printOut("unpublished: " + id + "\n");
        } else {
            printErr("wfstudio unpublish: " + id + " is not published in " + (*store)->describe() +
                     "\n");
            rc = ExitFailure;
        }
    }
    return rc;
}

CommandRegistration publishReg{{"publish", "publish --store URL DIR|FILE...",
                                "Validate workflows and publish them to a shared store", publish}};
CommandRegistration unpublishReg{{"unpublish", "unpublish --store URL ID...",
                                  "Remove published workflows from a shared store", unpublish}};

} // namespace
