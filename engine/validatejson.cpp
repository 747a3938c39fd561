// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// workflow_validate_json: JSON syntax (with Node 20's JSON.parse messages) and the bundled
// schema, rendered the way WorkRail's EnhancedErrorService words ajv errors; and
// workflow_get_schema.
#include "validatejson.h"

#include "jsvalue.h"
#include "model/jsonio.h"
#include "model/jsonschema/validator.h"

#include <QDateTime>
#include <QFile>

#include <algorithm>
#include <regex>

namespace wfs::engine {

namespace {

// A recursive-descent JSON checker that stops at the first error and words it like V8.
class V8JsonChecker
{
public:
    explicit V8JsonChecker(const std::string &text)
        : s(text)
    {}

    std::string run()
    {
        try {
            skipWs();
            value(0);
            skipWs();
            if (i < s.size())
                fail("Unexpected non-whitespace character after JSON");
        } catch (const std::string &message) {
            return message;
        }
        return {};
    }

private:
    [[noreturn]] void fail(const char *what)
    {
        throw std::string(what) + " in JSON at position " + std::to_string(pos());
    }
    [[noreturn]] void unexpected()
    {
        if (i >= s.size())
            throw std::string("Unexpected end of JSON input");
        const char c = s[i];
        if (c == '"')
            fail("Unexpected string");
        if (c == '-' || (c >= '0' && c <= '9'))
            fail("Unexpected number");
        std::size_t end = i + 1;
        while (end < s.size() && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80)
            ++end;
        const std::string token = s.substr(i, end - i);
        const std::size_t len = js::utf16Length(s);
        const std::size_t p = pos();
        std::string context;
        if (len < 21) {
            context = s;
        } else {
            const std::vector<std::string> cps = js::splitCodePoints(s);
            const std::size_t at = js::utf16Length(s.substr(0, i));
            const std::size_t from = at >= 10 ? at - 10 : 0;
            const std::size_t to = std::min(len, at + 10);
            // code points ~ UTF-16 units for the context window (close enough for BMP text)
            std::string mid;
            for (std::size_t k = from; k < to && k < cps.size(); ++k)
                mid += cps[k];
            context = (from > 0 ? "..." : "") + mid + (to < len ? "..." : "");
        }
        (void)p;
        throw "Unexpected token '" + token + "', \"" + context + "\" is not valid JSON";
    }
    std::size_t pos() const { return js::utf16Length(std::string_view(s).substr(0, i)); }
    void skipWs()
    {
        while (i < s.size() && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' || s[i] == '\r'))
            ++i;
    }
    void value(int depth)
    {
        if (depth > 512)
            fail("Maximum nesting depth exceeded");
        if (i >= s.size())
            unexpected();
        const char c = s[i];
        if (c == '{')
            return object(depth);
        if (c == '[')
            return array(depth);
        if (c == '"')
            return string();
        if (c == '-' || (c >= '0' && c <= '9'))
            return number();
        for (const char *lit : {"true", "false", "null"}) {
            if (c == lit[0]) {
                for (const char *p = lit; *p; ++p, ++i) {
                    if (i >= s.size() || s[i] != *p)
                        unexpected();
                }
                return;
            }
        }
        unexpected();
    }
    void object(int depth)
    {
        ++i;
        skipWs();
        if (i < s.size() && s[i] == '}') {
            ++i;
            return;
        }
        if (i >= s.size() || s[i] != '"')
            fail("Expected property name or '}'");
        for (;;) {
            string();
            skipWs();
            if (i >= s.size() || s[i] != ':')
                fail("Expected ':' after property name");
            ++i;
            skipWs();
            value(depth + 1);
            skipWs();
            if (i < s.size() && s[i] == '}') {
                ++i;
                return;
            }
            if (i >= s.size() || s[i] != ',')
                fail("Expected ',' or '}' after property value");
            ++i;
            skipWs();
            if (i >= s.size() || s[i] != '"')
                fail("Expected double-quoted property name");
        }
    }
    void array(int depth)
    {
        ++i;
        skipWs();
        if (i < s.size() && s[i] == ']') {
            ++i;
            return;
        }
        for (;;) {
            value(depth + 1);
            skipWs();
            if (i < s.size() && s[i] == ']') {
                ++i;
                return;
            }
            if (i >= s.size() || s[i] != ',')
                fail("Expected ',' or ']' after array element");
            ++i;
            skipWs();
        }
    }
    void string()
    {
        ++i;
        for (;;) {
            if (i >= s.size())
                fail("Unterminated string");
            const auto c = static_cast<unsigned char>(s[i]);
            if (c == '"') {
                ++i;
                return;
            }
            if (c < 0x20)
                fail("Bad control character in string literal");
            if (c == '\\') {
                ++i;
                if (i >= s.size())
                    fail("Unterminated string");
                const char e = s[i];
                if (e == 'u') {
                    for (int k = 1; k <= 4; ++k) {
                        if (i + static_cast<std::size_t>(k) >= s.size() ||
                            !std::isxdigit(
                                static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)])))
                            fail("Bad Unicode escape");
                    }
                    i += 5;
                    continue;
                }
                if (std::string("\"\\/bfnrt").find(e) == std::string::npos)
                    fail("Bad escaped character");
                ++i;
                continue;
            }
            ++i;
        }
    }
    void number()
    {
        if (s[i] == '-') {
            ++i;
            if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
                fail("No number after minus sign");
        }
        if (s[i] == '0') {
            ++i;
        } else {
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
                ++i;
        }
        if (i < s.size() && s[i] == '.') {
            ++i;
            if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
                fail("Unterminated fractional number");
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
                ++i;
        }
        if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
            ++i;
            if (i < s.size() && (s[i] == '+' || s[i] == '-'))
                ++i;
            if (i >= s.size() || !std::isdigit(static_cast<unsigned char>(s[i])))
                fail("Exponent part is missing a number");
            while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])))
                ++i;
        }
    }

    const std::string &s;
    std::size_t i = 0;
};

// JS String.prototype.trim.
std::string jsTrim(const std::string &text)
{
    const QString q = QString::fromStdString(text);
    qsizetype b = 0;
    qsizetype e = q.size();
    auto ws = [](QChar c) { return c.isSpace() || c == QChar(0xFEFF); };
    while (b < e && ws(q[b]))
        ++b;
    while (e > b && ws(q[e - 1]))
        --e;
    return q.mid(b, e - b).toStdString();
}

int keywordRank(const std::string &k)
{
    if (k == "additionalProperties" || k == "required")
        return 1;
    if (k == "type" || k == "pattern")
        return 2;
    if (k == "minItems" || k == "maxItems" || k == "minProperties" || k == "maxProperties")
        return 3;
    if (k == "oneOf" || k == "anyOf" || k == "allOf")
        return 4;
    return 5;
}

std::string location(const std::string &pointer)
{
    if (pointer.empty() || pointer == "/")
        return "at root level";
    const std::string path = pointer[0] == '/' ? pointer.substr(1) : pointer;
    if (path == "name")
        return "in field 'name'";
    if (path == "description")
        return "in field 'description'";
    if (path == "version")
        return "in field 'version'";
    if (path == "steps")
        return "in 'steps' array";
    static const std::regex step(R"(^steps/(\d+)$)");
    static const std::regex stepField(R"(^steps/(\d+)/(.+)$)");
    std::smatch m;
    if (std::regex_match(path, m, step))
        return "in step " + std::to_string(std::stoll(m[1].str()) + 1);
    if (std::regex_match(path, m, stepField)) {
        const std::string n = std::to_string(std::stoll(m[1].str()) + 1);
        if (m[2].str().rfind("validationCriteria/", 0) == 0)
            return "in step " + n + ", validation criteria";
        return "in step " + n + ", field '" + m[2].str() + "'";
    }
    std::string dotted = path;
    std::replace(dotted.begin(), dotted.end(), '/', '.');
    return "at '" + dotted + "'";
}

std::string param(const schema::SchemaError &e, const char *key)
{
    if (!e.params.is_object() || !e.params.contains(key))
        return {};
    return js::toString(e.params[key]);
}

std::string render(const schema::SchemaError &e)
{
    const std::string loc = location(e.instancePointer);
    const std::string &k = e.keyword;
    if (k == "additionalProperties") {
        const std::string p = param(e, "additionalProperty");
        return p.empty() ? "Unexpected property found " + loc +
                               ". Please check the workflow schema for allowed properties."
                         : "Unexpected property '" + p + "' found " + loc +
                               ". This property is not defined in the workflow schema. Please "
                               "remove it or check for typos.";
    }
    if (k == "required") {
        const std::string p = param(e, "missingProperty");
        return p.empty() ? "Missing required field " + loc +
                               ". Please check the workflow schema for required properties."
                         : "Missing required field '" + p + "' " + loc +
                               ". This field is mandatory and must be provided.";
    }
    if (k == "type") {
        const std::string t = param(e, "type");
        return t.empty() ? "Invalid data type " + loc +
                               ". Please check the expected type in the workflow schema."
                         : "Invalid data type " + loc + ". Expected '" + t +
                               "' but received a different type.";
    }
    if (k == "pattern") {
        const std::string p = param(e, "pattern");
        return p.empty() ? "Value " + loc + " does not match the required pattern format."
                         : "Value " + loc + " does not match the required pattern: " + p;
    }
    if (k == "minItems" || k == "maxItems") {
        const std::string l = param(e, "limit");
        if (k == "minItems")
            return l.empty() ? "Array " + loc + " has too few items."
                             : "Array " + loc + " must contain at least " + l + " item(s).";
        return l.empty() ? "Array " + loc + " has too many items."
                         : "Array " + loc + " must contain no more than " + l + " item(s).";
    }
    if (k == "enum") {
        if (!e.params.is_object() || !e.params.contains("allowedValues") ||
            !e.params["allowedValues"].is_array())
            return "Value " + loc + " is not one of the allowed values.";
        std::string list;
        bool first = true;
        for (const Json &v : e.params["allowedValues"]) {
            list += (first ? "'" : ", '") + js::toString(v) + "'";
            first = false;
        }
        return "Value " + loc + " must be one of: " + list;
    }
    if (k == "oneOf")
        return "Value " + loc +
               " must match exactly one of the allowed schema patterns. Please check the workflow "
               "schema for valid formats.";
    if (k == "anyOf")
        return "Value " + loc +
               " must match at least one of the allowed schema patterns. Please check the workflow "
               "schema for valid formats.";
    return "Validation error " + loc + ": " +
           (e.message.empty() ? std::string("Unknown validation error") : e.message);
}

std::vector<std::string> suggestionsFor(const std::vector<std::string> &issues)
{
    std::string joined;
    for (std::size_t i = 0; i < issues.size(); ++i)
        joined += (i ? " " : "") + issues[i];
    joined = QString::fromStdString(joined).toLower().toStdString();
    std::vector<std::string> out;
    const std::pair<const char *, const char *> hints[] = {
        {"id", "Ensure the workflow ID follows the pattern: lowercase letters, numbers, and "
               "hyphens only."},
        {"name", "Provide a clear, descriptive name for the workflow."},
        {"description", "Add a meaningful description explaining what the workflow accomplishes."},
        {"version", "Use semantic versioning format (e.g., \"0.0.1\", \"1.0.0\")."},
        {"steps", "Ensure the workflow has at least one step with id, title, and prompt fields."},
        {"step", "Check that all steps have required fields: id, title, and prompt."},
        {"pattern", "Review the workflow schema documentation for correct field formats."}};
    for (const auto &[needle, hint] : hints) {
        if (joined.find(needle) != std::string::npos)
            out.emplace_back(hint);
    }
    if (out.empty()) {
        out.emplace_back(
            "Review the workflow schema documentation for correct structure and formatting.");
        out.emplace_back("Check that all required fields are present and properly formatted.");
    }
    return out;
}

Json validity(bool valid, std::vector<std::string> issues, std::vector<std::string> suggestions)
{
    Json r = Json::object();
    r["valid"] = valid;
    r["issues"] = std::move(issues);
    r["suggestions"] = std::move(suggestions);
    return r;
}

bool schemaAvailable()
{
    static const bool available = QFile::exists(QStringLiteral(":/schema/workflow.schema.json"));
    return available;
}

} // namespace

std::string v8JsonParseError(const std::string &text)
{
    return V8JsonChecker(text).run();
}

ToolResult validateWorkflowJson(const Json &workflowJson)
{
    if (!workflowJson.is_string())
        return ToolResult::ok(validity(false,
                                       {"Workflow JSON content is required and must be a string."},
                                       {"Provide valid JSON content for the workflow."}));
    const std::string &raw = workflowJson.get_ref<const std::string &>();
    const std::string trimmed = jsTrim(raw);
    if (trimmed.empty())
        return ToolResult::ok(validity(false, {"Workflow JSON content is empty."},
                                       {"Provide valid JSON content for the workflow."}));
    const ParsedJson parsed = parseJson(trimmed);
    const std::string syntax = parsed.ok ? std::string() : v8JsonParseError(trimmed);
    if (!parsed.ok || !syntax.empty()) {
        const std::string message =
            syntax.empty() ? (parsed.diagnostics.empty() ? std::string("Invalid JSON")
                                                         : parsed.diagnostics.front().message)
                           : syntax;
        return ToolResult::ok(
            validity(false, {"Invalid JSON syntax: " + message},
                     {"Check for missing quotes, commas, or brackets in the JSON.",
                      "Ensure all strings are properly quoted.",
                      "Verify that brackets and braces are properly matched.",
                      "Use a JSON formatter or validator to identify syntax errors."}));
    }
    if (!schemaAvailable()) {
        Json e = Json::object();
        e["error"] = "The bundled workflow schema (:/schema/workflow.schema.json) is not available";
        e["method"] = "workflow_validate_json";
        e["workflowJson"] =
            raw.size() > 100 ? QString::fromStdString(raw).left(100).toStdString() + "..." : raw;
        return ToolResult::error(std::move(e));
    }
    std::vector<schema::SchemaError> errors;
    if (schema::workflowSchemaValidator().validate(parsed.value, &errors))
        return ToolResult::ok(validity(true, {}, {}));
    std::stable_sort(errors.begin(), errors.end(), [](const auto &a, const auto &b) {
        return keywordRank(a.keyword) < keywordRank(b.keyword);
    });
    std::vector<std::string> issues;
    issues.reserve(errors.size());
    for (const schema::SchemaError &e : errors)
        issues.push_back(render(e));
    std::vector<std::string> suggestions = suggestionsFor(issues);
    return ToolResult::ok(validity(false, std::move(issues), std::move(suggestions)));
}

ToolResult workflowSchemaResult()
{
    if (!schemaAvailable()) {
        Json e = Json::object();
        e["error"] = "The bundled workflow schema (:/schema/workflow.schema.json) is not available";
        e["method"] = "workflow_get_schema";
        e["suggestion"] =
            "Reinstall Workflow Studio; the schema is part of the application resources.";
        return ToolResult::error(std::move(e));
    }
    Json r = Json::object();
    r["schema"] = schema::workflowSchemaDocument();
    Json meta = Json::object();
    meta["version"] = "1.0.0";
    meta["description"] = "Complete JSON schema for workflow files";
    meta["usage"] = "This schema defines the structure, required fields, and validation rules for "
                    "workflow JSON files";
    meta["lastUpdated"] = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs).toStdString();
    meta["schemaPath"] = "spec/workflow.schema.json";
    r["metadata"] = std::move(meta);
    Json basic = Json::object();
    basic["id"] =
        "string (required): Unique identifier using lowercase letters, numbers, and hyphens";
    basic["name"] = "string (required): Human-readable workflow name";
    basic["description"] = "string (required): Detailed description of the workflow purpose";
    basic["version"] = "string (required): Semantic version (e.g., \"1.0.0\")";
    basic["steps"] = "array (required): List of workflow steps, minimum 1 item";
    Json step = Json::object();
    step["id"] = "string (required): Unique step identifier";
    step["title"] = "string (required): Human-readable step title";
    step["prompt"] = "string (required): Instructions for the step";
    step["agentRole"] = "string (required): Role description for the agent";
    step["validationCriteria"] = "array (optional): Validation rules for step output";
    r["commonPatterns"] =
        Json{{"basicWorkflow", std::move(basic)}, {"stepStructure", std::move(step)}};
    return ToolResult::ok(std::move(r));
}

} // namespace wfs::engine
