// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Internal to model/jsonschema (the validator's compiled form): the Node graph the compiler
// (compiler.cpp) builds and the evaluator (evaluator.cpp) walks, and the JSON helpers both use.
#pragma once

#include "validator.h"

#include "ecmaregex.h"
#include "formats.h"

#include <cmath>
#include <cstdint>
#include <deque>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::schema::detail {

enum TypeBit : std::uint8_t {
    TNull = 1,
    TBoolean = 2,
    TObject = 4,
    TArray = 8,
    TNumber = 16,
    TInteger = 32,
    TString = 64,
};

enum class Kw : std::uint8_t {
    Type,
    Const,
    Enum,
    Not,
    AnyOf,
    OneOf,
    AllOf,
    If,
    Maximum,
    Minimum,
    ExclusiveMaximum,
    ExclusiveMinimum,
    MultipleOf,
    MaxLength,
    MinLength,
    Pattern,
    Format,
    Content,
    MaxItems,
    MinItems,
    UniqueItems,
    AdditionalItems,
    Items,
    ItemsTuple,
    Contains,
    MaxProperties,
    MinProperties,
    Required,
    PropertyNames,
    AdditionalProperties,
    Dependencies,
    Properties,
    PatternProperties,
};

struct Node;

struct PropEntry
{
    std::string name;
    Node *node = nullptr;
};

struct PatternEntry
{
    std::string source;
    EcmaPattern pattern;
    Node *node = nullptr;
};

struct DependencyEntry
{
    std::string property;
    std::vector<std::string> required; ///< array form
    Node *node = nullptr;              ///< schema form
};

struct Keyword
{
    Kw kind;
    std::string name;        ///< the keyword as written ("maximum", "oneOf", ...)
    std::string absLocation; ///< uri#pointer of the keyword
    Json value;              ///< const/enum values, numeric limit, type value (for messages)
    double number = 0;
    std::uint64_t count = 0;
    std::uint8_t types = 0;
    std::vector<Node *> subs;
    Node *sub = nullptr;
    Node *thenNode = nullptr;
    Node *elseNode = nullptr;
    std::vector<std::string> names;
    std::vector<DependencyEntry> deps;
    FormatChecker format = nullptr;
    EcmaPattern pattern;
    bool base64 = false;
    bool json = false;
};

struct Node
{
    std::string absLocation;
    signed char boolean = -1; ///< -1: an object schema; 0/1: the false/true schema
    Node *ref = nullptr;      ///< draft-07: a $ref replaces every sibling keyword
    std::vector<Keyword> keywords;
    // Object rules, shared by properties / patternProperties / additionalProperties.
    std::vector<PropEntry> props;
    std::vector<PatternEntry> patterns;
    Node *additional = nullptr;
    bool hasAdditional = false;
    bool hasProperties = false;
    bool hasPatternProperties = false;
};

struct CompiledSchema
{
    Json document = true;
    std::deque<Json> remotes;
    std::deque<Node> nodes;
    Node *root = nullptr;
    LengthUnit lengthUnit = LengthUnit::CodePoints;
};

// ------------------------------------------------------------------ helpers -----------------

static inline std::string escapeToken(std::string_view token)
{
    std::string out;
    out.reserve(token.size());
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

static inline std::uint8_t instanceType(const Json &v)
{
    switch (v.type()) {
    case Json::value_t::null:
        return TNull;
    case Json::value_t::boolean:
        return TBoolean;
    case Json::value_t::object:
        return TObject;
    case Json::value_t::array:
        return TArray;
    case Json::value_t::string:
        return TString;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
        return TNumber | TInteger;
    case Json::value_t::number_float: {
        const double d = v.get<double>();
        return std::isfinite(d) && std::trunc(d) == d ? (TNumber | TInteger) : TNumber;
    }
    default:
        return 0;
    }
}

static inline std::uint8_t typeBit(std::string_view name)
{
    if (name == "null")
        return TNull;
    if (name == "boolean")
        return TBoolean;
    if (name == "object")
        return TObject;
    if (name == "array")
        return TArray;
    if (name == "number")
        return TNumber;
    if (name == "integer")
        return TInteger;
    if (name == "string")
        return TString;
    return 0;
}

// Three-way numeric comparison, exact for integers of either signedness.
static inline int compareNumbers(const Json &a, const Json &b)
{
    using T = Json::value_t;
    const T ta = a.type();
    const T tb = b.type();
    if (ta != T::number_float && tb != T::number_float) {
        if (ta == T::number_unsigned && tb == T::number_unsigned) {
            const auto x = a.get<std::uint64_t>(), y = b.get<std::uint64_t>();
            return x < y ? -1 : (x > y ? 1 : 0);
        }
        if (ta == T::number_unsigned) {
            const auto y = b.get<std::int64_t>();
            if (y < 0)
                return 1;
            const auto x = a.get<std::uint64_t>();
            return x < std::uint64_t(y) ? -1 : (x > std::uint64_t(y) ? 1 : 0);
        }
        if (tb == T::number_unsigned)
            return -compareNumbers(b, a);
        const auto x = a.get<std::int64_t>(), y = b.get<std::int64_t>();
        return x < y ? -1 : (x > y ? 1 : 0);
    }
    const double x = a.get<double>(), y = b.get<double>();
    return x < y ? -1 : (x > y ? 1 : 0);
}

// JSON equality: numbers by value (1 == 1.0), objects regardless of member order.
static inline bool jsonEqual(const Json &a, const Json &b)
{
    const bool an = a.is_number(), bn = b.is_number();
    if (an || bn)
        return an && bn && compareNumbers(a, b) == 0;
    if (a.type() != b.type())
        return false;
    switch (a.type()) {
    case Json::value_t::object: {
        if (a.size() != b.size())
            return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            auto other = b.find(it.key());
            if (other == b.end() || !jsonEqual(*it, *other))
                return false;
        }
        return true;
    }
    case Json::value_t::array: {
        if (a.size() != b.size())
            return false;
        for (std::size_t k = 0; k < a.size(); ++k) {
            if (!jsonEqual(a[k], b[k]))
                return false;
        }
        return true;
    }
    default:
        return a == b;
    }
}

// A hash consistent with jsonEqual.
static inline std::size_t jsonHash(const Json &v)
{
    switch (v.type()) {
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        return std::hash<double>()(v.get<double>()) ^ 0x9e3779b97f4a7c15ULL;
    case Json::value_t::string:
        return std::hash<std::string>()(v.get_ref<const std::string &>());
    case Json::value_t::boolean:
        return v.get<bool>() ? 0x51 : 0x52;
    case Json::value_t::null:
        return 0x53;
    case Json::value_t::array: {
        std::size_t h = 0x54;
        for (const Json &e : v)
            h = h * 31 + jsonHash(e);
        return h;
    }
    case Json::value_t::object: {
        std::size_t h = 0x55;
        for (auto it = v.begin(); it != v.end(); ++it)
            h += std::hash<std::string>()(it.key()) * 7 + jsonHash(*it);
        return h;
    }
    default:
        return 0;
    }
}

static inline std::size_t stringLength(const std::string &s, LengthUnit unit)
{
    std::size_t n = 0;
    for (unsigned char c : s) {
        if ((c & 0xC0) != 0x80)
            ++n;
        if (unit == LengthUnit::Utf16Units && c >= 0xF0)
            ++n; // a 4-byte sequence is a surrogate pair in UTF-16
    }
    return n;
}

static inline std::string numberText(const Json &n)
{
    return n.dump();
}

// Compiles `out.document` into `out` (compiler.cpp). Throws nothing it does not catch itself but
// nlohmann's type errors on odd schemas, which Validator::compile reports.
Result<void> compileSchema(CompiledSchema &out, const CompileOptions &options);
// Evaluates `instance` (evaluator.cpp): without `errors` stops at the first failure.
bool evaluateSchema(const CompiledSchema &schema, const Json &instance,
                    std::vector<SchemaError> *errors);

} // namespace wfs::schema::detail
