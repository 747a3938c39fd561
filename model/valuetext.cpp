// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "valuetext.h"

#include "jsonio.h"

namespace wfs {

namespace {

std::string_view trimmed(std::string_view s)
{
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

// JSON text -> value, or "line:column: message".
Result<Json> parseStrict(std::string_view text)
{
    const ParsedJson parsed = parseJson(text);
    if (parsed.ok && !hasErrors(parsed.diagnostics))
        return parsed.value;
    if (parsed.diagnostics.empty())
        return Result<Json>::failure("invalid JSON");
    const Diagnostic &d = parsed.diagnostics.front();
    return Result<Json>::failure(std::to_string(d.line) + ":" + std::to_string(d.column) + ": " +
                                 d.message);
}

std::string quoted(std::string_view text)
{
    return Json(std::string(text)).dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace

ValueType valueTypeOf(const Json &value)
{
    if (value.is_string())
        return ValueType::String;
    if (value.is_number())
        return ValueType::Number;
    if (value.is_boolean())
        return ValueType::Boolean;
    if (value.is_null())
        return ValueType::Null;
    return ValueType::Structured;
}

const char *valueTypeName(ValueType type)
{
    switch (type) {
    case ValueType::Auto:
        return "auto";
    case ValueType::String:
        return "text";
    case ValueType::Number:
        return "number";
    case ValueType::Boolean:
        return "boolean";
    case ValueType::Null:
        return "null";
    case ValueType::Structured:
        return "JSON";
    }
    return "auto";
}

Result<Json> parseValueText(std::string_view text, ValueType type)
{
    if (type == ValueType::String)
        return Json(std::string(text));
    const std::string_view t = trimmed(text);
    if (type == ValueType::Auto) {
        if (t.empty())
            return Json(std::string());
        Result<Json> json = parseStrict(t);
        if (json)
            return json;
        const char first = t.front();
        if (first == '{' || first == '[' || first == '"')
            return Result<Json>::failure(json.error());
        return Json(std::string(t));
    }
    if (type == ValueType::Null && t.empty())
        return Json(nullptr);
    Result<Json> json = parseStrict(t);
    if (json && valueTypeOf(*json) == type)
        return json;
    if (!json && type == ValueType::Structured && !t.empty() &&
        (t.front() == '{' || t.front() == '['))
        return Result<Json>::failure(json.error());
    switch (type) {
    case ValueType::Number:
        return Result<Json>::failure(quoted(t) + " is not a number");
    case ValueType::Boolean:
        return Result<Json>::failure(quoted(t) + " is not true or false");
    case ValueType::Null:
        return Result<Json>::failure(quoted(t) + " is not null");
    default:
        return Result<Json>::failure(quoted(t) + " is not a JSON object or array");
    }
}

ValueDisplay displayValue(const Json &value)
{
    if (value.is_string()) {
        std::string text = value.get<std::string>();
        const Result<Json> back = parseValueText(text, ValueType::Auto);
        const bool pinned = !back || *back != value;
        return {std::move(text), ValueType::String, pinned};
    }
    return {value.dump(-1, ' ', false, Json::error_handler_t::replace), valueTypeOf(value), false};
}

std::string valueLabel(const Json &value)
{
    return value.dump(-1, ' ', false, Json::error_handler_t::replace);
}

} // namespace wfs
