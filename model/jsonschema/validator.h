// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON Schema draft-07 validation over wfs::Json.
//
// A schema is compiled once into a graph of nodes ($ref resolved to node pointers, regexes
// compiled, formats looked up), so validating an instance does no string lookup in the schema
// and no regex compilation. A compiled Validator is immutable: validate() is const and
// thread-safe, and copies share the compiled graph.
//
//   Result<schema::Validator> v = schema::Validator::compile(schemaJson);
//   if (!v) return fail(v.error());             // unusable schema, says where
//   std::vector<schema::SchemaError> errors;
//   if (!v->validate(instance, &errors)) report(errors);   // all errors, ajv allErrors-like
//   bool ok = v->validate(instance);             // fast path: stops at the first failure
#pragma once

#include "../json.h"
#include "../result.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace wfs::schema {

// One failed keyword, in the spirit of the "basic" output format of JSON Schema.
struct SchemaError
{
    std::string instancePointer; ///< RFC 6901 pointer of the failing value ("" = root)
    /// Pointer of the keyword along the evaluation path, e.g. "/properties/steps/items/oneOf";
    /// a followed $ref appears as "/$ref" (".../items/$ref/properties/id/pattern").
    std::string keywordLocation;
    /// Canonical location: URI of the schema resource + "#" + pointer inside it,
    /// e.g.
    /// "https://workflow-studio.dev/schema/workflow/v1.json#/definitions/standardStep/required".
    std::string absoluteKeywordLocation;
    std::string keyword; ///< "required", "type", "oneOf", "format", ... ("false schema")
    std::string message; ///< plain English, ajv-like: "must have required property 'id'"
    /// Keyword-specific details (ajv's names): missingProperty, additionalProperty,
    /// allowedValues, allowedValue, pattern, limit, comparison, type, format, passingSchemas,
    /// multipleOf, deps/property, propertyName, failingKeyword, i/j (uniqueItems).
    Json params = Json::object();
};

// Fetches a remote schema document by absolute URI (no fragment). Called at compile time only,
// at most once per URI.
using RemoteLoader = std::function<Result<Json>(const std::string &uri)>;

// How maxLength/minLength count characters.
enum class LengthUnit {
    CodePoints, ///< Unicode code points (the draft-07 rule, ajv's default)
    Utf16Units  ///< UTF-16 code units (JavaScript's String.length)
};

struct CompileOptions
{
    std::string baseUri; ///< base URI of the root schema when it has no absolute $id
    RemoteLoader loader; ///< resolves $ref to other documents; none = such refs fail to compile
    bool validateFormats = true; ///< false: "format" is an annotation only
    /// true: contentEncoding "base64" and contentMediaType "application/json" are assertions
    /// (draft-07 makes them optional; ajv and WorkRail treat them as annotations)
    bool validateContent = false;
    LengthUnit lengthUnit = LengthUnit::CodePoints;
};

namespace detail {
struct CompiledSchema;
}

class Validator
{
public:
    // The empty schema: accepts every instance.
    Validator();

    // Compiles a draft-07 schema (object or boolean). Fails with a message naming the schema
    // pointer for: a wrong keyword value type, an invalid regex, a $ref that does not resolve,
    // a remote document the loader cannot fetch.
    static Result<Validator> compile(const Json &schema, const CompileOptions &options = {});
    static Result<Validator> compile(const Json &schema, const std::string &baseUri,
                                     RemoteLoader loader = {});

    // True when `instance` is valid. With `errors` == nullptr this is the fast path (stops at
    // the first failure); otherwise every error is appended to *errors (ajv allErrors-like,
    // in schema evaluation order).
    bool validate(const Json &instance, std::vector<SchemaError> *errors = nullptr) const;

    // Convenience: all errors (empty = valid).
    std::vector<SchemaError> errors(const Json &instance) const;

    // The schema document this validator was compiled from.
    const Json &schema() const;

private:
    std::shared_ptr<const detail::CompiledSchema> m_impl;
};

// `message` with the instance location appended for logs: "must be string [/steps/0/id]".
std::string formatSchemaError(const SchemaError &error);

// For people rather than for WorkRail compatibility: of the branches of each failed
// oneOf/anyOf, keeps only the errors of the branch that matched best (fewest failures on the
// value itself, then fewest in all) and drops the combinator's own error and "if" errors that
// their "then"/"else" errors already explain. A bad standard step then yields its own
// problems rather than also every reason it is not a loop step.
std::vector<SchemaError> mostRelevantErrors(std::vector<SchemaError> errors);

// A self-contained sentence for a diagnostic list, e.g. "missing required property 'prompt'",
// "property 'promt' is not allowed here", "must be at most 64 characters long".
std::string describeSchemaError(const SchemaError &error);

// Where a diagnostic should point: the instance pointer, or for additionalProperties the
// offending property itself.
std::string diagnosticPointer(const SchemaError &error);

} // namespace wfs::schema

// The bundled workflow schema's singletons are declared apart from the generic validator;
// included here so that existing users of validator.h keep compiling.
#include "workflowschema.h" // IWYU pragma: export
