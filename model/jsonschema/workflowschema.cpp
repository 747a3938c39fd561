// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The bundled workflow schema (:/schema/workflow.schema.json, from wfs_resources) and its
// compiled validator: process-wide singletons, built on first use. Kept apart from the generic
// draft-07 validator, which knows no particular schema.
#include "workflowschema.h"

#include <QFile>

#include <cassert>

namespace wfs::schema {

const Json &workflowSchemaDocument()
{
    static const Json doc = [] {
        QFile file(QStringLiteral(":/schema/workflow.schema.json"));
        const bool opened = file.open(QIODevice::ReadOnly);
        assert(opened && "the bundled workflow schema :/schema/workflow.schema.json is missing");
        (void)opened;
        const QByteArray bytes = file.readAll();
        Json parsed =
            Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
        assert(!parsed.is_discarded() && "the bundled workflow schema is not valid JSON");
        return parsed;
    }();
    return doc;
}

const Validator &workflowSchemaValidator()
{
    static const Validator validator = [] {
        CompileOptions options;
        options.lengthUnit = LengthUnit::Utf16Units; // WorkRail counts JavaScript string length
        Result<Validator> v = Validator::compile(workflowSchemaDocument(), options);
        assert(v.ok() && "the bundled workflow schema does not compile");
        // Release builds: reject everything rather than accept everything.
        return v.ok() ? *v : *Validator::compile(Json(false));
    }();
    return validator;
}

} // namespace wfs::schema
