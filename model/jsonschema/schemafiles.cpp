// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "schemafiles.h"

#include "../jsonio.h"

#include <QFileInfo>
#include <QUrl>

namespace wfs::schema {
namespace {

// The first error of a failed parse, as one line.
std::string parseError(const ParsedJson &parsed, const std::string &path)
{
    for (const Diagnostic &d : parsed.diagnostics) {
        if (d.severity == Severity::Error)
            return formatDiagnostic(d);
    }
    return path + ": cannot read the file";
}

Result<Json> loadFileUri(const std::string &uri)
{
    const QUrl url(QString::fromStdString(uri));
    if (!url.isLocalFile())
        return Result<Json>::failure("only local files are read (no network): " + uri);
    const std::string path = url.toLocalFile().toStdString();
    const ParsedJson parsed = loadJsonFile(path);
    if (!parsed.ok)
        return Result<Json>::failure(parseError(parsed, path));
    return parsed.value;
}

} // namespace

Result<Validator> loadSchemaFile(const std::string &path)
{
    const ParsedJson parsed = loadJsonFile(path);
    if (!parsed.ok)
        return Result<Validator>::failure(parseError(parsed, path));
    CompileOptions options;
    options.baseUri =
        QUrl::fromLocalFile(QFileInfo(QString::fromStdString(path)).absoluteFilePath())
            .toString(QUrl::FullyEncoded)
            .toStdString();
    options.loader = loadFileUri;
    Result<Validator> v = Validator::compile(parsed.value, options);
    if (!v)
        return Result<Validator>::failure(path + ": " + v.error());
    return v;
}

Diagnostics validateFilesAgainstSchema(const Validator &validator,
                                       const std::vector<std::string> &files)
{
    Diagnostics out;
    for (const std::string &file : files) {
        std::string text;
        ParsedJson parsed = loadJsonFile(file, &text);
        Diagnostics ds = std::move(parsed.diagnostics);
        std::vector<SchemaError> errors;
        if (parsed.ok && !validator.validate(parsed.value, &errors)) {
            Diagnostics schemaDs;
            for (const SchemaError &e : mostRelevantErrors(std::move(errors))) {
                Diagnostic d;
                d.file = file;
                d.pointer = diagnosticPointer(e);
                d.severity = Severity::Error;
                d.message = describeSchemaError(e);
                d.source = "schema";
                schemaDs.push_back(std::move(d));
            }
            attachPositions(schemaDs, text);
            ds.insert(ds.end(), schemaDs.begin(), schemaDs.end());
        }
        out.insert(out.end(), std::make_move_iterator(ds.begin()),
                   std::make_move_iterator(ds.end()));
    }
    return out;
}

} // namespace wfs::schema
