// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "workflowcheck.h"

#include "jsonio.h"
#include "jsonschema/validator.h"
#include "semanticcheck.h"
#include "workflow.h"

#include <algorithm>

namespace wfs {

namespace {

bool isWithin(const std::string &pointer, const std::string &base)
{
    return pointer.compare(0, base.size(), base) == 0 &&
           (pointer.size() == base.size() || pointer[base.size()] == '/');
}

// The model reports shape problems the schema reports in more detail; keep the schema's.
void dropModelDuplicates(Diagnostics &ds)
{
    std::vector<std::string> schemaPointers;
    for (const Diagnostic &d : ds)
        if (d.source == "schema" && d.severity == Severity::Error)
            schemaPointers.push_back(d.pointer);
    if (schemaPointers.empty())
        return;
    ds.erase(std::remove_if(ds.begin(), ds.end(),
                            [&](const Diagnostic &d) {
                                if (d.source != "model")
                                    return false;
                                return std::any_of(schemaPointers.begin(), schemaPointers.end(),
                                                   [&](const std::string &p) {
                                                       return isWithin(d.pointer, p) ||
                                                              isWithin(p, d.pointer);
                                                   });
                            }),
             ds.end());
}

} // namespace

void sortByPosition(Diagnostics &ds)
{
    std::stable_sort(ds.begin(), ds.end(), [](const Diagnostic &a, const Diagnostic &b) {
        if (a.line != b.line)
            return a.line < b.line;
        return a.column < b.column;
    });
}

Diagnostics checkWorkflowDocument(const Json &doc, std::string_view sourceText,
                                  const std::string &file, const CheckOptions &options)
{
    Diagnostics ds;
    const Workflow workflow = Workflow::fromJson(doc, &ds);

    // JSON Schema check against the bundled workflow schema (source "schema"); for people, the
    // best-matching branch of each oneOf only. dropModelDuplicates() below then keeps the
    // schema's wording where both report the same value.
    std::vector<schema::SchemaError> schemaErrors;
    if (!schema::workflowSchemaValidator().validate(doc, &schemaErrors)) {
        for (const schema::SchemaError &e : schema::mostRelevantErrors(std::move(schemaErrors))) {
            Diagnostic d;
            d.pointer = schema::diagnosticPointer(e);
            d.severity = Severity::Error;
            d.message = schema::describeSchemaError(e);
            d.source = "schema";
            ds.push_back(std::move(d));
        }
    }

    const Diagnostics semantic = checkSemantics(workflow, options);
    ds.insert(ds.end(), semantic.begin(), semantic.end());
    dropModelDuplicates(ds);
    for (Diagnostic &d : ds)
        d.file = file;
    if (!sourceText.empty())
        attachPositions(ds, sourceText);
    sortByPosition(ds);
    return ds;
}

Diagnostics checkWorkflowFile(const std::string &path)
{
    std::string text;
    ParsedJson parsed = loadJsonFile(path, &text);
    Diagnostics ds = std::move(parsed.diagnostics);
    if (!parsed.ok)
        return ds;
    Diagnostics more = checkWorkflowDocument(parsed.value, text, path);
    ds.insert(ds.end(), more.begin(), more.end());
    sortByPosition(ds);
    return ds;
}

} // namespace wfs
