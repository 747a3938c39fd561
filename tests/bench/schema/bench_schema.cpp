// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Validating every workflow of ../shared/workrail/workflows (top-level *.json, already parsed)
// against the workflow schema. Reports µs per document (us_per_doc) and MB/s of source JSON
// (bytes_per_second), the two figures ajv-bench.mjs prints for ajv 8.
//
//   build/bin/bench_schema --benchmark_min_time=2
#include "model/jsonschema/validator.h"

#include <QDir>
#include <QFile>

#include <benchmark/benchmark.h>

using namespace wfs;
using namespace wfs::schema;

namespace {

QString sharedDir()
{
    const QByteArray env = qgetenv("WFS_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(WFS_SHARED_DIR_DEFAULT)
                                         : QString::fromLocal8Bit(env));
}

struct Corpus
{
    std::vector<Json> documents;
    std::size_t sourceBytes = 0;
    std::string error;
};

const Corpus &corpus()
{
    static const Corpus c = [] {
        Corpus out;
        const QDir dir(sharedDir() + QStringLiteral("/workrail/workflows"));
        if (!dir.exists()) {
            out.error = "../shared/workrail/workflows is absent";
            return out;
        }
        for (const QString &name :
             dir.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
            QFile f(dir.filePath(name));
            if (!f.open(QIODevice::ReadOnly))
                continue;
            const QByteArray bytes = f.readAll();
            Json doc =
                Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
            if (doc.is_discarded())
                continue;
            out.sourceBytes += std::size_t(bytes.size());
            out.documents.push_back(std::move(doc));
        }
        return out;
    }();
    return c;
}

void run(benchmark::State &state, const Validator &validator, bool collectErrors)
{
    const Corpus &c = corpus();
    if (!c.error.empty() || c.documents.empty()) {
        state.SkipWithError(c.error.empty() ? "no workflows found" : c.error.c_str());
        return;
    }
    std::size_t valid = 0;
    std::vector<SchemaError> errors;
    for (auto _ : state) {
        for (const Json &doc : c.documents) {
            errors.clear();
            const bool ok = validator.validate(doc, collectErrors ? &errors : nullptr);
            valid += ok ? 1 : 0;
            benchmark::DoNotOptimize(ok);
        }
    }
    const double docs = double(state.iterations()) * double(c.documents.size());
    state.SetItemsProcessed(std::int64_t(docs));
    state.SetBytesProcessed(std::int64_t(double(state.iterations()) * double(c.sourceBytes)));
    state.counters["us_per_doc"] =
        benchmark::Counter(docs * 1e-6, benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
    state.counters["documents"] = double(c.documents.size());
    state.counters["valid_share"] = docs > 0 ? double(valid) / docs : 0.0;
}

// Fast path: verdict only (what load-time filtering and workflow_next use).
void BM_WorkflowSchema_Verdict(benchmark::State &state)
{
    run(state, workflowSchemaValidator(), false);
}
BENCHMARK(BM_WorkflowSchema_Verdict);

// All errors collected (what ajv does with allErrors: true, as WorkRail configures it).
void BM_WorkflowSchema_AllErrors(benchmark::State &state)
{
    run(state, workflowSchemaValidator(), true);
}
BENCHMARK(BM_WorkflowSchema_AllErrors);

// WorkRail's own schema file compiled by our validator, for comparison.
void BM_WorkRailSchema_AllErrors(benchmark::State &state)
{
    QFile f(sharedDir() + QStringLiteral("/workrail/spec/workflow.schema.json"));
    if (!f.open(QIODevice::ReadOnly)) {
        state.SkipWithError("WorkRail's workflow.schema.json is absent");
        return;
    }
    const QByteArray bytes = f.readAll();
    CompileOptions options;
    options.lengthUnit = LengthUnit::Utf16Units;
    Result<Validator> v = Validator::compile(
        Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false), options);
    if (!v) {
        state.SkipWithError(v.error().c_str());
        return;
    }
    run(state, *v, true);
}
BENCHMARK(BM_WorkRailSchema_AllErrors);

// Compiling the workflow schema (done once per process).
void BM_WorkflowSchema_Compile(benchmark::State &state)
{
    const Json &schema = workflowSchemaDocument();
    for (auto _ : state) {
        Result<Validator> v = Validator::compile(schema);
        benchmark::DoNotOptimize(v.ok());
    }
}
BENCHMARK(BM_WorkflowSchema_Compile);

} // namespace

BENCHMARK_MAIN();
