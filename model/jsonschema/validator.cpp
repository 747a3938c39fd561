// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON Schema draft-07: the Validator (compiler.cpp, evaluator.cpp; the bundled workflow
// schema's singletons are workflowschema.cpp's).
//
// Compilation turns the schema document into a graph of Node structs. Each Node holds its
// keywords as a flat, ordered vector of Keyword structs (ajv's evaluation order: type, the
// untyped keywords, then the number, string, array and object groups), with every $ref already
// resolved to the target Node, every pattern compiled and every format resolved to a checker
// function. Cycles through $ref are fine as long as each turn of the cycle descends into the
// instance (properties, items, ...); a cycle that does not (e.g. {"allOf":[{"$ref":"#"}]}) can
// never terminate and is refused at compile time.
//
// Evaluation walks the Node graph alongside the instance. With no error sink it returns at the
// first failing keyword and allocates nothing; with a sink it evaluates everything and records
// instance and keyword locations, as ajv does with allErrors.
#include "validator.h"

#include "validatorimpl.h"

#include <cassert>

namespace wfs::schema {

using namespace detail;

// ------------------------------------------------------------------ Validator ---------------

Validator::Validator()
{
    auto impl = std::make_shared<CompiledSchema>();
    Node root;
    root.boolean = 1;
    root.absLocation = std::string(1, '#');
    impl->root = &impl->nodes.emplace_back(std::move(root));
    m_impl = std::move(impl);
}

Result<Validator> Validator::compile(const Json &schema, const CompileOptions &options)
{
    auto impl = std::make_shared<CompiledSchema>();
    impl->document = schema;
    impl->lengthUnit = options.lengthUnit;
    try {
        if (Result<void> r = compileSchema(*impl, options); !r)
            return Result<Validator>::failure(r.error());
    } catch (const std::exception &e) {
        // nlohmann throws on type mismatches inside odd schemas; report, never propagate.
        return Result<Validator>::failure(std::string("invalid schema: ") + e.what());
    }
    Validator v;
    v.m_impl = std::move(impl);
    return v;
}

Result<Validator> Validator::compile(const Json &schema, const std::string &baseUri,
                                     RemoteLoader loader)
{
    CompileOptions o;
    o.baseUri = baseUri;
    o.loader = std::move(loader);
    return compile(schema, o);
}

bool Validator::validate(const Json &instance, std::vector<SchemaError> *errors) const
{
    // Valid documents are the common case: decide with the fast path, and walk again
    // collecting errors only when there is something to explain.
    if (evaluateSchema(*m_impl, instance, nullptr))
        return true;
    if (!errors)
        return false;
    const bool ok = evaluateSchema(*m_impl, instance, errors);
    assert(!ok && "the fast path and the all-errors path disagree");
    return ok;
}

std::vector<SchemaError> Validator::errors(const Json &instance) const
{
    std::vector<SchemaError> out;
    validate(instance, &out);
    return out;
}

const Json &Validator::schema() const
{
    return m_impl->document;
}

std::string formatSchemaError(const SchemaError &e)
{
    return e.message + " [" + e.instancePointer + "]";
}

} // namespace wfs::schema
