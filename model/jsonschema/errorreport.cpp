// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Turning raw validator errors into what a person should read: the best-matching branch of
// each oneOf/anyOf, and one plain sentence per error.
#include "validator.h"

#include <algorithm>
#include <map>

namespace wfs::schema {
namespace {

std::string escapeToken(const std::string &token)
{
    std::string out;
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

bool startsWith(const std::string &s, const std::string &prefix)
{
    return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

// `pointer` is `base` or below it.
bool within(const std::string &pointer, const std::string &base)
{
    return startsWith(pointer, base) &&
           (pointer.size() == base.size() || pointer[base.size()] == '/');
}

std::string listValues(const Json &values)
{
    std::string out;
    for (const Json &v : values) {
        if (!out.empty())
            out += ", ";
        out += v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump();
    }
    return out;
}

std::string jsonText(const Json &v)
{
    return v.is_string() ? "'" + v.get<std::string>() + "'" : v.dump();
}

} // namespace

std::vector<SchemaError> mostRelevantErrors(std::vector<SchemaError> errors)
{
    // Deepest combinators first, so that nested choices are settled before the outer one
    // counts its branches' errors.
    std::vector<std::size_t> combinators;
    for (std::size_t i = 0; i < errors.size(); ++i) {
        const std::string &k = errors[i].keyword;
        if ((k == "oneOf" || k == "anyOf") &&
            errors[i].params.value("passingSchemas", Json()).is_null())
            combinators.push_back(i);
    }
    std::stable_sort(combinators.begin(), combinators.end(), [&](std::size_t a, std::size_t b) {
        return errors[a].keywordLocation.size() > errors[b].keywordLocation.size();
    });
    std::vector<bool> dropped(errors.size(), false);
    for (std::size_t c : combinators) {
        const SchemaError &combinator = errors[c];
        const std::string prefix = combinator.keywordLocation + "/";
        // branch index -> (failures on the value itself, all failures)
        std::map<int, std::pair<int, int>> score;
        for (std::size_t i = 0; i < errors.size(); ++i) {
            if (dropped[i] || i == c ||
                !within(errors[i].instancePointer, combinator.instancePointer) ||
                !startsWith(errors[i].keywordLocation, prefix))
                continue;
            const int branch = std::atoi(errors[i].keywordLocation.c_str() + prefix.size());
            auto &s = score[branch];
            if (errors[i].instancePointer == combinator.instancePointer)
                ++s.first;
            ++s.second;
        }
        if (score.empty())
            continue;
        const auto best =
            std::min_element(score.begin(), score.end(), [](const auto &a, const auto &b) {
                return a.second < b.second;
            })->first;
        const std::string keep = prefix + std::to_string(best);
        for (std::size_t i = 0; i < errors.size(); ++i) {
            if (!dropped[i] && within(errors[i].instancePointer, combinator.instancePointer) &&
                startsWith(errors[i].keywordLocation, prefix) &&
                !(startsWith(errors[i].keywordLocation, keep) &&
                  (errors[i].keywordLocation.size() == keep.size() ||
                   errors[i].keywordLocation[keep.size()] == '/')))
                dropped[i] = true;
        }
        dropped[c] = true;
    }
    std::vector<SchemaError> out;
    for (std::size_t i = 0; i < errors.size(); ++i) {
        if (dropped[i])
            continue;
        // "must match then schema" adds nothing to the then/else errors just before it.
        if (errors[i].keyword == "if" && !out.empty() &&
            within(out.back().instancePointer, errors[i].instancePointer))
            continue;
        out.push_back(std::move(errors[i]));
    }
    return out;
}

std::string describeSchemaError(const SchemaError &e)
{
    const std::string &k = e.keyword;
    const Json &p = e.params;
    if (k == "required")
        return "missing required property '" + p.value("missingProperty", "") + "'";
    if (k == "additionalProperties")
        return "property '" + p.value("additionalProperty", "") + "' is not allowed here";
    if (k == "type") {
        const Json t = p.value("type", Json());
        if (t.is_array()) {
            std::string types;
            for (const Json &x : t)
                types += (types.empty() ? "" : " or ") + x.get<std::string>();
            return "must be of type " + types;
        }
        return "must be of type " + (t.is_string() ? t.get<std::string>() : t.dump());
    }
    if (k == "pattern")
        return "does not match the pattern " + p.value("pattern", "");
    if (k == "enum")
        return "must be one of: " + listValues(p.value("allowedValues", Json::array()));
    if (k == "const")
        return "must be " + jsonText(p.value("allowedValue", Json()));
    if (k == "minLength" || k == "maxLength")
        return std::string("must be at ") + (k == "minLength" ? "least " : "most ") +
               p.value("limit", Json()).dump() + " characters long";
    if (k == "minItems" || k == "maxItems")
        return std::string("must contain at ") + (k == "minItems" ? "least " : "most ") +
               p.value("limit", Json()).dump() + " item(s)";
    if (k == "minProperties" || k == "maxProperties")
        return std::string("must have at ") + (k == "minProperties" ? "least " : "most ") +
               p.value("limit", Json()).dump() + " properties";
    if (k == "uniqueItems")
        return "items " + p.value("j", Json()).dump() + " and " + p.value("i", Json()).dump() +
               " are identical; the items must be unique";
    if (k == "oneOf")
        return p.value("passingSchemas", Json()).is_null()
                   ? "does not match any of the allowed forms"
                   : "matches more than one of the allowed forms; it must match exactly one";
    if (k == "anyOf")
        return "does not match any of the allowed forms";
    if (k == "false schema")
        return "is not allowed here";
    if (k == "additionalItems")
        return "must contain at most " + p.value("limit", Json()).dump() + " item(s)";
    return e.message;
}

std::string diagnosticPointer(const SchemaError &e)
{
    if (e.keyword == "additionalProperties" && e.params.contains("additionalProperty"))
        return e.instancePointer + "/" +
               escapeToken(e.params["additionalProperty"].get<std::string>());
    return e.instancePointer;
}

} // namespace wfs::schema
