// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// wfstudio next ID [--completed a,b,c] [--context JSON] [--explain [--json]]: the
// workflow_next answer, or with --explain why every step has the status it has.
#include "command.h"

#include "engine/engine.h"
#include "engine/explain.h"
#include "engine/jsvalue.h"
#include "engine/nextstep.h"
#include "engine/toolcommand.h"
#include "engine/workflowrepository.h"
#include "model/jsonio.h"

#include <QDateTime>

#include <cstdio>

namespace {

// --explain: the explanation of the same inputs workflow_next would get.
int explain(const wfs::Json &arguments, const std::vector<std::string> &workflowDirs, bool json)
{
    wfs::Engine::Options o;
    o.extraDirs = workflowDirs;
    o.watchFiles = false;
    wfs::Engine engine(o);
    const auto snap = engine.snapshot();
    for (const wfs::SourceDiagnostic &d : snap->diagnostics()) {
        if (d.kind != wfs::SourceDiagnostic::Kind::Overridden)
            wfs::cli::printErr("wfstudio: " + d.message + "\n");
    }
    const std::string id = arguments["workflowId"].get<std::string>();
    const wfs::WorkflowEntry *e = snap->find(id);
    if (!e) {
        wfs::cli::printErr("wfstudio next: Workflow with id '" + id + "' not found\n");
        return 1;
    }
    const auto wf = e->workflow();
    if (!wf->structuralError().empty()) {
        wfs::cli::printErr("wfstudio next: " + e->file + ": " + wf->structuralError() + "\n");
        return 1;
    }
    const wfs::Json *completed =
        arguments.contains("completedSteps") ? &arguments["completedSteps"] : nullptr;
    const wfs::Json *context = arguments.contains("context") ? &arguments["context"] : nullptr;
    const std::string sizeError = wfs::engine::contextSizeError(
        wfs::js::contextSize(context ? *context : wfs::Json::object()));
    if (!sizeError.empty()) {
        wfs::cli::printErr("wfstudio next: --context: " + sizeError + "\n");
        return 1;
    }
    const wfs::engine::Explanation ex =
        wfs::engine::explainNext(*wf, completed, context, QDateTime::currentMSecsSinceEpoch());
    const std::string text =
        json ? ex.toJson().dump(2, ' ', false, wfs::Json::error_handler_t::replace) + "\n"
             : ex.toText();
    std::fwrite(text.data(), 1, text.size(), stdout);
    std::fflush(stdout);
    return ex.error.empty() ? 0 : 1;
}

} // namespace

static wfs::cli::CommandRegistration reg{
    {"next",
     "next ID [--completed a,b,c] [--context JSON] [--explain [--json]] [--workflows DIR]...",
     "Print workflow_next's answer: the next step, blocked or complete; --explain: why, step "
     "by step",
     [](const QStringList &argsIn) {
         QStringList args = argsIn;
         const bool explainMode = args.removeAll(QStringLiteral("--explain")) > 0;
         const bool json = args.removeAll(QStringLiteral("--json")) > 0;
         std::vector<std::pair<QString, QString>> values;
         const wfs::ToolCommandArgs a = wfs::parseToolCommandArgs(
             args, {QStringLiteral("--completed"), QStringLiteral("--context")}, &values);
         if (!a.error.empty() || a.positional.size() != 1 || (json && !explainMode)) {
             wfs::cli::printErr("usage: wfstudio next ID [--completed a,b,c] [--context JSON] "
                                "[--explain [--json]] [--workflows DIR]...\n");
             return int(wfs::cli::ExitUsage);
         }
         wfs::Json arguments = {{"workflowId", a.positional.first().toStdString()}};
         for (const auto &[k, v] : values) {
             if (k == QLatin1String("--completed")) {
                 wfs::Json list = wfs::Json::array();
                 for (const QString &id : v.split(QLatin1Char(','), Qt::SkipEmptyParts))
                     list.push_back(id.trimmed().toStdString());
                 arguments["completedSteps"] = list;
             } else {
                 const wfs::ParsedJson ctx = wfs::parseJson(v.toStdString(), "--context");
                 if (!ctx.ok) {
                     const wfs::Diagnostic &d = ctx.diagnostics.front();
                     wfs::cli::printErr("wfstudio next: --context is not JSON (" +
                                        std::to_string(d.line) + ":" + std::to_string(d.column) +
                                        "): " + d.message + "\n");
                     return int(wfs::cli::ExitUsage);
                 }
                 arguments["context"] = ctx.value;
             }
         }
         if (explainMode)
             return explain(arguments, a.workflowDirs, json);
         return wfs::runToolCommand("workflow_next", arguments, a.workflowDirs);
     }}};
