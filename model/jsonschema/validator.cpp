// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON Schema draft-07: compiler and evaluator.
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

#include "ecmaregex.h"
#include "formats.h"
#include "metaschema.h"
#include "uri.h"

#include <QFile>

#include <cmath>
#include <deque>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace wfs::schema {

namespace detail {

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

} // namespace detail

using namespace detail;

namespace {

// ------------------------------------------------------------------ helpers -----------------

std::string escapeToken(std::string_view token)
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

std::uint8_t instanceType(const Json &v)
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

std::uint8_t typeBit(std::string_view name)
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
int compareNumbers(const Json &a, const Json &b)
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
bool jsonEqual(const Json &a, const Json &b)
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
std::size_t jsonHash(const Json &v)
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

std::size_t stringLength(const std::string &s, LengthUnit unit)
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

std::string numberText(const Json &n)
{
    return n.dump();
}

// --------------------------------------------------------------- compiler -------------------

class Compiler
{
public:
    Compiler(CompiledSchema &out, const CompileOptions &options)
        : m_out(out)
        , m_options(options)
    {}

    Result<void> run()
    {
        const Json &root = m_out.document;
        std::string base = m_options.baseUri;
        base = std::string(uriWithoutFragment(base));
        m_resources[base] = &root;
        scan(root, base);
        Node *rootNode = compileNode(root, baseOf(root, base), base + "#");
        if (!m_error.empty())
            return Result<void>::failure(m_error);
        while (!m_pending.empty()) {
            Pending p = std::move(m_pending.front());
            m_pending.pop_front();
            Node *target = resolveRef(p);
            if (!target)
                return Result<void>::failure(m_error);
            p.node->ref = target;
        }
        if (!m_error.empty())
            return Result<void>::failure(m_error);
        if (Result<void> cycles = checkCycles(); !cycles)
            return cycles;
        m_out.root = rootNode;
        return {};
    }

private:
    struct Pending
    {
        Node *node;
        std::string ref;
        std::string base;
        std::string location;
    };

    bool fail(const std::string &location, const std::string &what)
    {
        if (m_error.empty())
            m_error = "invalid schema at " + location + ": " + what;
        return false;
    }

    // Registers $id resources and anchors, and remembers the base URI of each subschema.
    void scan(const Json &j, std::string base)
    {
        if (!j.is_object())
            return;
        const bool hasRef = j.contains("$ref") && j["$ref"].is_string();
        if (auto id = j.find("$id"); id != j.end() && id->is_string() && !hasRef) {
            const std::string resolved = resolveUri(base, id->get_ref<const std::string &>());
            const std::string doc(uriWithoutFragment(resolved));
            const std::string_view fragment = uriFragment(resolved);
            if (doc != base || fragment.empty()) {
                base = doc;
                m_resources.emplace(doc, &j);
            }
            if (!fragment.empty() && fragment.front() != '/')
                m_anchors.emplace(doc + "#" + std::string(fragment), &j);
        }
        m_bases.emplace(&j, base);
        static const char *const single[] = {"additionalItems",
                                             "items",
                                             "contains",
                                             "additionalProperties",
                                             "propertyNames",
                                             "not",
                                             "if",
                                             "then",
                                             "else"};
        static const char *const arrays[] = {"allOf", "anyOf", "oneOf", "items"};
        static const char *const maps[] = {"properties", "patternProperties", "definitions",
                                           "$defs", "dependencies"};
        for (const char *k : single) {
            if (auto it = j.find(k); it != j.end() && it->is_object())
                scan(*it, base);
        }
        for (const char *k : arrays) {
            if (auto it = j.find(k); it != j.end() && it->is_array()) {
                for (const Json &e : *it)
                    scan(e, base);
            }
        }
        for (const char *k : maps) {
            if (auto it = j.find(k); it != j.end() && it->is_object()) {
                for (const Json &e : *it)
                    scan(e, base);
            }
        }
    }

    std::string baseOf(const Json &j, const std::string &fallback) const
    {
        auto it = m_bases.find(&j);
        return it == m_bases.end() ? fallback : it->second;
    }

    Node *compileNode(const Json &j, const std::string &base, const std::string &location)
    {
        if (auto it = m_compiled.find(&j); it != m_compiled.end())
            return it->second;
        Node &node = m_out.nodes.emplace_back();
        m_compiled.emplace(&j, &node);
        node.absLocation = location;
        if (j.is_boolean()) {
            node.boolean = j.get<bool>() ? 1 : 0;
            return &node;
        }
        if (!j.is_object()) {
            fail(location, "a schema must be an object or a boolean");
            return &node;
        }
        if (auto ref = j.find("$ref"); ref != j.end()) {
            if (!ref->is_string()) {
                fail(location + "/$ref", "$ref must be a string");
                return &node;
            }
            m_pending.push_back({&node, ref->get<std::string>(), base, location + "/$ref"});
            return &node;
        }
        std::string loc = location;
        if (auto id = j.find("$id"); id != j.end() && id->is_string()) {
            const std::string resolved = resolveUri(base, id->get_ref<const std::string &>());
            const std::string_view fragment = uriFragment(resolved);
            if (fragment.empty() || fragment.front() == '/')
                loc = std::string(uriWithoutFragment(resolved)) + "#";
        }
        node.absLocation = loc;
        compileKeywords(node, j, base, loc);
        return &node;
    }

    Node *child(const Json &j, const std::string &parentBase, const std::string &location)
    {
        return compileNode(j, baseOf(j, parentBase), location);
    }

    Keyword &add(Node &node, Kw kind, const char *name, const std::string &loc)
    {
        Keyword &k = node.keywords.emplace_back();
        k.kind = kind;
        k.name = name;
        k.absLocation = loc + "/" + name;
        return k;
    }

    bool nonNegativeInteger(const Json &v, const std::string &loc, std::uint64_t &out)
    {
        if (v.is_number_unsigned() || (v.is_number_integer() && v.get<std::int64_t>() >= 0)) {
            out = v.get<std::uint64_t>();
            return true;
        }
        if (v.is_number_float()) {
            const double d = v.get<double>();
            if (d >= 0 && std::trunc(d) == d) {
                out = d >= 1.8e19 ? std::numeric_limits<std::uint64_t>::max()
                                  : static_cast<std::uint64_t>(d);
                return true;
            }
        }
        return fail(loc, "must be a non-negative integer");
    }

    void compileKeywords(Node &node, const Json &j, const std::string &base, const std::string &loc)
    {
        // ajv's order: type-agnostic keywords first, then the number, string, array and
        // object groups. Within a group, the order of ajv's vocabularies.
        std::uint8_t typeMask = 0;
        Json typeValue;
        bool hasType = false;
        if (auto t = j.find("type"); t != j.end()) {
            hasType = true;
            typeValue = *t;
            auto addType = [&](const Json &name) {
                if (!name.is_string() || !typeBit(name.get_ref<const std::string &>()))
                    return fail(loc + "/type", "unknown type " + name.dump());
                typeMask |= typeBit(name.get_ref<const std::string &>());
                return true;
            };
            if (t->is_array()) {
                for (const Json &e : *t)
                    addType(e);
            } else {
                addType(*t);
            }
        }
        // Integer satisfies "integer"; "number" accepts integers too.
        if (typeMask & TNumber)
            typeMask |= TInteger;

        auto has = [&](const char *k) { return j.contains(k); };
        const bool numberGroup = has("maximum") || has("minimum") || has("exclusiveMaximum") ||
                                 has("exclusiveMinimum") || has("multipleOf");
        const bool stringGroup =
            has("maxLength") || has("minLength") || has("pattern") || has("format");
        const bool arrayGroup = has("maxItems") || has("minItems") || has("uniqueItems") ||
                                has("additionalItems") || has("items") || has("contains");
        const bool objectGroup = has("maxProperties") || has("minProperties") || has("required") ||
                                 has("propertyNames") || has("additionalProperties") ||
                                 has("dependencies") || has("properties") ||
                                 has("patternProperties");
        // Where ajv reports a type error: inside the group of the single declared type when
        // that group has keywords, otherwise before everything else.
        std::string singleType;
        if (typeValue.is_string())
            singleType = typeValue.get<std::string>();
        else if (typeValue.is_array() && typeValue.size() == 1 && typeValue[0].is_string())
            singleType = typeValue[0].get<std::string>();
        const bool typeInGroup =
            (singleType == "number" && numberGroup) || (singleType == "string" && stringGroup) ||
            (singleType == "array" && arrayGroup) || (singleType == "object" && objectGroup);
        auto addTypeKeyword = [&]() {
            Keyword &k = add(node, Kw::Type, "type", loc);
            k.types = typeMask;
            k.value = typeValue;
        };
        if (hasType && !typeInGroup)
            addTypeKeyword();

        // --- untyped
        if (auto v = j.find("const"); v != j.end())
            add(node, Kw::Const, "const", loc).value = *v;
        if (auto v = j.find("enum"); v != j.end()) {
            if (!v->is_array())
                fail(loc + "/enum", "must be an array");
            else
                add(node, Kw::Enum, "enum", loc).value = *v;
        }
        if (auto v = j.find("not"); v != j.end())
            add(node, Kw::Not, "not", loc).sub = child(*v, base, loc + "/not");
        for (auto [name, kind] : {std::pair{"anyOf", Kw::AnyOf}, std::pair{"oneOf", Kw::OneOf},
                                  std::pair{"allOf", Kw::AllOf}}) {
            auto v = j.find(name);
            if (v == j.end())
                continue;
            if (!v->is_array() || v->empty()) {
                fail(loc + "/" + name, "must be a non-empty array of schemas");
                continue;
            }
            Keyword &k = add(node, kind, name, loc);
            for (std::size_t i = 0; i < v->size(); ++i)
                k.subs.push_back(child((*v)[i], base, loc + "/" + name + "/" + std::to_string(i)));
        }
        if (auto v = j.find("if"); v != j.end()) {
            auto th = j.find("then");
            auto el = j.find("else");
            if (th != j.end() || el != j.end()) {
                Keyword &k = add(node, Kw::If, "if", loc);
                k.sub = child(*v, base, loc + "/if");
                if (th != j.end())
                    k.thenNode = child(*th, base, loc + "/then");
                if (el != j.end())
                    k.elseNode = child(*el, base, loc + "/else");
            }
        }

        // --- number
        if (hasType && typeInGroup && singleType == "number")
            addTypeKeyword();
        for (auto [name, kind] :
             {std::pair{"maximum", Kw::Maximum}, std::pair{"minimum", Kw::Minimum},
              std::pair{"exclusiveMaximum", Kw::ExclusiveMaximum},
              std::pair{"exclusiveMinimum", Kw::ExclusiveMinimum},
              std::pair{"multipleOf", Kw::MultipleOf}}) {
            auto v = j.find(name);
            if (v == j.end())
                continue;
            if (!v->is_number()) {
                fail(loc + "/" + name, "must be a number");
                continue;
            }
            if (kind == Kw::MultipleOf && v->get<double>() <= 0) {
                fail(loc + "/" + name, "must be greater than 0");
                continue;
            }
            Keyword &k = add(node, kind, name, loc);
            k.value = *v;
            k.number = v->get<double>();
        }

        // --- string
        if (hasType && typeInGroup && singleType == "string")
            addTypeKeyword();
        for (auto [name, kind] :
             {std::pair{"maxLength", Kw::MaxLength}, std::pair{"minLength", Kw::MinLength}}) {
            auto v = j.find(name);
            std::uint64_t n = 0;
            if (v != j.end() && nonNegativeInteger(*v, loc + "/" + name, n)) {
                Keyword &k = add(node, kind, name, loc);
                k.count = n;
                k.value = *v;
            }
        }
        if (auto v = j.find("pattern"); v != j.end()) {
            if (!v->is_string()) {
                fail(loc + "/pattern", "must be a string");
            } else {
                EcmaRegexFlags flags;
                flags.unicode = true;
                Result<EcmaPattern> p =
                    EcmaPattern::compile(v->get_ref<const std::string &>(), flags);
                if (!p) {
                    fail(loc + "/pattern", "invalid regular expression: " + p.error());
                } else {
                    Keyword &k = add(node, Kw::Pattern, "pattern", loc);
                    k.pattern = std::move(*p);
                    k.value = *v;
                }
            }
        }
        if (auto v = j.find("format"); v != j.end() && m_options.validateFormats) {
            if (!v->is_string()) {
                fail(loc + "/format", "must be a string");
            } else if (FormatChecker f = formatChecker(v->get_ref<const std::string &>())) {
                Keyword &k = add(node, Kw::Format, "format", loc);
                k.format = f;
                k.value = *v;
            }
        }
        if (m_options.validateContent) {
            auto enc = j.find("contentEncoding");
            auto media = j.find("contentMediaType");
            const bool base64 = enc != j.end() && enc->is_string() && *enc == "base64";
            const bool json =
                media != j.end() && media->is_string() && *media == "application/json";
            if (base64 || json) {
                Keyword &k =
                    add(node, Kw::Content, base64 ? "contentEncoding" : "contentMediaType", loc);
                k.base64 = base64;
                k.json = json;
            }
        }

        // --- array
        if (hasType && typeInGroup && singleType == "array")
            addTypeKeyword();
        for (auto [name, kind] :
             {std::pair{"maxItems", Kw::MaxItems}, std::pair{"minItems", Kw::MinItems}}) {
            auto v = j.find(name);
            std::uint64_t n = 0;
            if (v != j.end() && nonNegativeInteger(*v, loc + "/" + name, n)) {
                Keyword &k = add(node, kind, name, loc);
                k.count = n;
                k.value = *v;
            }
        }
        if (auto v = j.find("uniqueItems"); v != j.end()) {
            if (!v->is_boolean())
                fail(loc + "/uniqueItems", "must be a boolean");
            else if (v->get<bool>())
                add(node, Kw::UniqueItems, "uniqueItems", loc);
        }
        if (auto items = j.find("items"); items != j.end()) {
            if (items->is_array()) {
                Keyword &k = add(node, Kw::ItemsTuple, "items", loc);
                for (std::size_t i = 0; i < items->size(); ++i)
                    k.subs.push_back(child((*items)[i], base, loc + "/items/" + std::to_string(i)));
                if (auto ai = j.find("additionalItems"); ai != j.end()) {
                    Keyword &a = add(node, Kw::AdditionalItems, "additionalItems", loc);
                    a.sub = child(*ai, base, loc + "/additionalItems");
                    a.count = items->size();
                }
                // ajv evaluates additionalItems before items; keep that order.
                if (node.keywords.back().kind == Kw::AdditionalItems)
                    std::swap(node.keywords[node.keywords.size() - 1],
                              node.keywords[node.keywords.size() - 2]);
            } else {
                add(node, Kw::Items, "items", loc).sub = child(*items, base, loc + "/items");
            }
        }
        if (auto v = j.find("contains"); v != j.end())
            add(node, Kw::Contains, "contains", loc).sub = child(*v, base, loc + "/contains");

        // --- object
        if (hasType && typeInGroup && singleType == "object")
            addTypeKeyword();
        for (auto [name, kind] : {std::pair{"maxProperties", Kw::MaxProperties},
                                  std::pair{"minProperties", Kw::MinProperties}}) {
            auto v = j.find(name);
            std::uint64_t n = 0;
            if (v != j.end() && nonNegativeInteger(*v, loc + "/" + name, n)) {
                Keyword &k = add(node, kind, name, loc);
                k.count = n;
                k.value = *v;
            }
        }
        if (auto v = j.find("required"); v != j.end()) {
            if (!v->is_array()) {
                fail(loc + "/required", "must be an array of strings");
            } else {
                std::vector<std::string> names;
                for (const Json &e : *v) {
                    if (!e.is_string())
                        fail(loc + "/required", "must be an array of strings");
                    else
                        names.push_back(e.get<std::string>());
                }
                if (!names.empty())
                    add(node, Kw::Required, "required", loc).names = std::move(names);
            }
        }
        if (auto v = j.find("propertyNames"); v != j.end())
            add(node, Kw::PropertyNames, "propertyNames", loc).sub =
                child(*v, base, loc + "/propertyNames");
        if (auto v = j.find("properties"); v != j.end()) {
            if (!v->is_object()) {
                fail(loc + "/properties", "must be an object");
            } else {
                node.hasProperties = true;
                for (auto it = v->begin(); it != v->end(); ++it)
                    node.props.push_back(
                        {it.key(), child(*it, base, loc + "/properties/" + escapeToken(it.key()))});
            }
        }
        if (auto v = j.find("patternProperties"); v != j.end()) {
            if (!v->is_object()) {
                fail(loc + "/patternProperties", "must be an object");
            } else {
                node.hasPatternProperties = true;
                for (auto it = v->begin(); it != v->end(); ++it) {
                    const std::string ploc = loc + "/patternProperties/" + escapeToken(it.key());
                    EcmaRegexFlags flags;
                    flags.unicode = true;
                    Result<EcmaPattern> p = EcmaPattern::compile(it.key(), flags);
                    if (!p) {
                        fail(ploc, "invalid regular expression: " + p.error());
                        continue;
                    }
                    node.patterns.push_back({it.key(), std::move(*p), child(*it, base, ploc)});
                }
            }
        }
        if (auto v = j.find("additionalProperties"); v != j.end()) {
            node.hasAdditional = true;
            node.additional = child(*v, base, loc + "/additionalProperties");
            add(node, Kw::AdditionalProperties, "additionalProperties", loc);
        }
        if (auto v = j.find("dependencies"); v != j.end()) {
            if (!v->is_object()) {
                fail(loc + "/dependencies", "must be an object");
            } else {
                Keyword &k = add(node, Kw::Dependencies, "dependencies", loc);
                for (auto it = v->begin(); it != v->end(); ++it) {
                    DependencyEntry d;
                    d.property = it.key();
                    if (it->is_array()) {
                        for (const Json &e : *it) {
                            if (e.is_string())
                                d.required.push_back(e.get<std::string>());
                            else
                                fail(loc + "/dependencies/" + escapeToken(it.key()),
                                     "must be an array of strings or a schema");
                        }
                    } else {
                        d.node = child(*it, base, loc + "/dependencies/" + escapeToken(it.key()));
                    }
                    k.deps.push_back(std::move(d));
                }
            }
        }
        if (node.hasProperties)
            add(node, Kw::Properties, "properties", loc);
        if (node.hasPatternProperties)
            add(node, Kw::PatternProperties, "patternProperties", loc);
    }

    // Loads (once) the document `doc` names: ours, a registered $id, the built-in
    // meta-schema, or whatever the loader returns.
    const Json *resource(const std::string &doc, const std::string &location)
    {
        if (auto it = m_resources.find(doc); it != m_resources.end())
            return it->second;
        Json loaded;
        if (doc == kDraft07MetaSchemaUri) {
            loaded = Json::parse(draft07MetaSchemaText());
        } else if (m_options.loader) {
            Result<Json> r = m_options.loader(doc);
            if (!r) {
                fail(location, "cannot load '" + doc + "': " + r.error());
                return nullptr;
            }
            loaded = std::move(*r);
        } else {
            fail(location, "cannot resolve '" + doc + "' (no loader for remote schemas)");
            return nullptr;
        }
        const Json &stored = m_out.remotes.emplace_back(std::move(loaded));
        m_resources.emplace(doc, &stored);
        scan(stored, doc);
        return &stored;
    }

    Node *resolveRef(const Pending &p)
    {
        const std::string target = resolveUri(p.base, p.ref);
        const std::string doc(uriWithoutFragment(target));
        const std::string fragment = percentDecode(uriFragment(target));
        const Json *root = resource(doc, p.location);
        if (!root)
            return nullptr;
        if (!fragment.empty() && fragment.front() != '/') {
            auto it = m_anchors.find(doc + "#" + fragment);
            if (it == m_anchors.end()) {
                fail(p.location, "$ref '" + p.ref + "' does not resolve (no such $id)");
                return nullptr;
            }
            Node *n = compileNode(*it->second, baseOf(*it->second, doc), target);
            return m_error.empty() ? n : nullptr;
        }
        // Walk the JSON pointer from the resource root, following $id base changes.
        const Json *cur = root;
        std::string base = baseOf(*root, doc);
        std::size_t pos = fragment.empty() ? std::string::npos : 1;
        while (pos != std::string::npos) {
            const std::size_t next = fragment.find('/', pos);
            std::string token =
                fragment.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
            pos = next == std::string::npos ? std::string::npos : next + 1;
            std::string unescaped;
            for (std::size_t k = 0; k < token.size(); ++k) {
                if (token[k] == '~' && k + 1 < token.size() &&
                    (token[k + 1] == '0' || token[k + 1] == '1')) {
                    unescaped += token[k + 1] == '0' ? '~' : '/';
                    ++k;
                } else {
                    unescaped += token[k];
                }
            }
            if (cur->is_object()) {
                auto it = cur->find(unescaped);
                if (it == cur->end())
                    cur = nullptr;
                else
                    cur = &*it;
            } else if (cur->is_array()) {
                std::size_t index = 0;
                const bool numeric =
                    !unescaped.empty() &&
                    unescaped.find_first_not_of("0123456789") == std::string::npos &&
                    (unescaped.size() == 1 || unescaped[0] != '0');
                if (numeric)
                    index = std::stoull(unescaped);
                cur = numeric && index < cur->size() ? &(*cur)[index] : nullptr;
            } else {
                cur = nullptr;
            }
            if (!cur) {
                fail(p.location, "$ref '" + p.ref + "' does not resolve (no value at '" + fragment +
                                     "' in '" + doc + "')");
                return nullptr;
            }
            if (auto known = m_bases.find(cur); known != m_bases.end()) {
                base = known->second;
            } else if (cur->is_object() && !cur->contains("$ref")) {
                if (auto id = cur->find("$id"); id != cur->end() && id->is_string())
                    base = std::string(
                        uriWithoutFragment(resolveUri(base, id->get_ref<const std::string &>())));
            }
        }
        Node *n = compileNode(*cur, base, doc + "#" + fragment);
        return m_error.empty() ? n : nullptr;
    }

    // Refuses cycles that do not descend into the instance: they would never terminate.
    Result<void> checkCycles()
    {
        enum Mark : std::uint8_t { White, Grey, Black };
        std::unordered_map<const Node *, Mark> marks;
        std::string cycleAt;
        std::function<bool(const Node *)> visit = [&](const Node *n) -> bool {
            if (!n)
                return true;
            Mark &m = marks[n];
            if (m == Grey) {
                cycleAt = n->absLocation;
                return false;
            }
            if (m == Black)
                return true;
            m = Grey;
            bool ok = visit(n->ref);
            for (const Keyword &k : n->keywords) {
                if (!ok)
                    break;
                switch (k.kind) {
                case Kw::Not:
                    ok = visit(k.sub);
                    break;
                case Kw::If:
                    ok = visit(k.sub) && visit(k.thenNode) && visit(k.elseNode);
                    break;
                case Kw::AnyOf:
                case Kw::OneOf:
                case Kw::AllOf:
                    for (const Node *s : k.subs)
                        ok = ok && visit(s);
                    break;
                case Kw::Dependencies:
                    for (const DependencyEntry &d : k.deps)
                        ok = ok && visit(d.node);
                    break;
                default:
                    break;
                }
            }
            marks[n] = Black;
            return ok;
        };
        for (const Node &n : m_out.nodes) {
            if (!visit(&n))
                return Result<void>::failure("invalid schema at " + cycleAt +
                                             ": $ref cycle that never descends into the "
                                             "instance (validation could not terminate)");
        }
        return {};
    }

    CompiledSchema &m_out;
    const CompileOptions &m_options;
    std::map<std::string, const Json *> m_resources;
    std::map<std::string, const Json *> m_anchors;
    std::unordered_map<const Json *, std::string> m_bases;
    std::unordered_map<const Json *, Node *> m_compiled;
    std::deque<Pending> m_pending;
    std::string m_error;
};

// -------------------------------------------------------------- evaluator -------------------

constexpr int kMaxDepth = 4096;

class Evaluator
{
public:
    Evaluator(const CompiledSchema &schema, std::vector<SchemaError> *errors)
        : m_schema(schema)
        , m_errors(errors)
    {}

    bool run(const Json &instance) { return node(m_schema.root, instance); }

private:
    // Appends to a path and restores it on scope exit (error mode only).
    class PathPush
    {
    public:
        PathPush(std::string *path, std::string_view a, std::string_view b = {})
            : m_path(path)
        {
            if (!m_path)
                return;
            m_size = m_path->size();
            m_path->append(a);
            m_path->append(b);
        }
        ~PathPush()
        {
            if (m_path)
                m_path->resize(m_size);
        }
        PathPush(const PathPush &) = delete;
        PathPush &operator=(const PathPush &) = delete;

    private:
        std::string *m_path;
        std::size_t m_size = 0;
    };

    std::string *ip() { return m_errors ? &m_instancePath : nullptr; }
    std::string *kp() { return m_errors ? &m_keywordPath : nullptr; }

    void report(const Keyword &k, std::string message, Json params = Json::object())
    {
        SchemaError e;
        e.instancePointer = m_instancePath;
        e.keywordLocation = m_keywordPath + "/" + k.name;
        e.absoluteKeywordLocation = k.absLocation;
        e.keyword = k.name;
        e.message = std::move(message);
        e.params = std::move(params);
        m_errors->push_back(std::move(e));
    }

    // Evaluates `n` against `v` on a throw-away error list (for not / if / contains in
    // error mode, where the sub-errors are not reported).
    bool quiet(const Node *n, const Json &v)
    {
        std::vector<SchemaError> *saved = m_errors;
        m_errors = nullptr;
        const bool ok = node(n, v);
        m_errors = saved;
        return ok;
    }

    bool node(const Node *n, const Json &v)
    {
        if (n->boolean >= 0) {
            if (n->boolean == 1)
                return true;
            if (m_errors) {
                SchemaError e;
                e.instancePointer = m_instancePath;
                e.keywordLocation = m_keywordPath;
                e.absoluteKeywordLocation = n->absLocation;
                e.keyword = "false schema";
                e.message = "boolean schema is false";
                m_errors->push_back(std::move(e));
            }
            return false;
        }
        if (++m_depth > kMaxDepth) {
            --m_depth;
            if (m_errors) {
                SchemaError e;
                e.instancePointer = m_instancePath;
                e.keywordLocation = m_keywordPath;
                e.absoluteKeywordLocation = n->absLocation;
                e.keyword = "$ref";
                e.message = "instance or schema nesting is too deep to validate";
                m_errors->push_back(std::move(e));
            }
            return false;
        }
        bool ok = true;
        if (n->ref) {
            PathPush kpush(kp(), "/$ref");
            ok = node(n->ref, v);
        } else {
            const std::uint8_t type = instanceType(v);
            for (const Keyword &k : n->keywords) {
                if (!keyword(n, k, v, type)) {
                    ok = false;
                    if (!m_errors)
                        break;
                }
            }
        }
        --m_depth;
        return ok;
    }

    bool sub(const Node *n, const Json &v, std::string_view kwSeg, std::string_view kwSeg2,
             std::string_view instSeg, bool hasInst)
    {
        if (!m_errors)
            return node(n, v);
        PathPush kpush(kp(), kwSeg, kwSeg2);
        if (!hasInst)
            return node(n, v);
        std::string token = "/" + escapeToken(instSeg);
        PathPush ipush(ip(), token);
        return node(n, v);
    }

    bool subIndex(const Node *n, const Json &v, std::string_view kwSeg, std::size_t kwIndex,
                  bool kwHasIndex, std::size_t instIndex)
    {
        if (!m_errors)
            return node(n, v);
        const std::string kidx = kwHasIndex ? "/" + std::to_string(kwIndex) : std::string();
        PathPush kpush(kp(), kwSeg, kidx);
        PathPush ipush(ip(), "/" + std::to_string(instIndex));
        return node(n, v);
    }

    bool keyword(const Node *n, const Keyword &k, const Json &v, std::uint8_t type)
    {
        switch (k.kind) {
        case Kw::Type:
            if (type & k.types)
                return true;
            if (m_errors) {
                std::string expected;
                if (k.value.is_array()) {
                    for (const Json &t : k.value)
                        expected += (expected.empty() ? "" : ",") + t.get<std::string>();
                } else {
                    expected = k.value.get<std::string>();
                }
                report(k, "must be " + expected, Json{{"type", k.value}});
            }
            return false;
        case Kw::Const:
            if (jsonEqual(v, k.value))
                return true;
            if (m_errors)
                report(k, "must be equal to constant", Json{{"allowedValue", k.value}});
            return false;
        case Kw::Enum:
            for (const Json &e : k.value) {
                if (jsonEqual(v, e))
                    return true;
            }
            if (m_errors)
                report(k, "must be equal to one of the allowed values",
                       Json{{"allowedValues", k.value}});
            return false;
        case Kw::Not: {
            if (!quiet(k.sub, v))
                return true;
            if (m_errors)
                report(k, "must NOT be valid");
            return false;
        }
        case Kw::AllOf: {
            bool ok = true;
            for (std::size_t i = 0; i < k.subs.size(); ++i) {
                if (!subIndex2(k.subs[i], v, "/allOf/", i)) {
                    ok = false;
                    if (!m_errors)
                        return false;
                }
            }
            return ok;
        }
        case Kw::AnyOf: {
            // Branch errors are only kept when no branch passes: decide on the fast path.
            for (const Node *branch : k.subs) {
                if (quiet(branch, v))
                    return true;
            }
            if (!m_errors)
                return false;
            for (std::size_t i = 0; i < k.subs.size(); ++i)
                subIndex2(k.subs[i], v, "/anyOf/", i);
            report(k, "must match a schema in anyOf");
            return false;
        }
        case Kw::OneOf: {
            int passing = -1;
            Json passingPair;
            std::vector<bool> failed(m_errors ? k.subs.size() : 0, false);
            for (std::size_t i = 0; i < k.subs.size(); ++i) {
                if (!quiet(k.subs[i], v)) {
                    if (m_errors)
                        failed[i] = true;
                    continue;
                }
                if (passing >= 0) {
                    passingPair = Json::array({passing, int(i)});
                    if (!m_errors)
                        return false;
                    continue;
                }
                passing = int(i);
            }
            if (passing >= 0 && passingPair.is_null())
                return true;
            if (!m_errors)
                return false;
            // As ajv: the errors of every failing branch, then the oneOf error.
            for (std::size_t i = 0; i < k.subs.size(); ++i) {
                if (failed[i])
                    subIndex2(k.subs[i], v, "/oneOf/", i);
            }
            report(k, "must match exactly one schema in oneOf",
                   Json{{"passingSchemas", passingPair}});
            return false;
        }
        case Kw::If: {
            const bool cond = quiet(k.sub, v);
            const Node *branch = cond ? k.thenNode : k.elseNode;
            if (!branch)
                return true;
            const char *which = cond ? "then" : "else";
            bool ok;
            if (m_errors) {
                PathPush kpush(kp(), "/", which);
                ok = node(branch, v);
            } else {
                ok = node(branch, v);
            }
            if (!ok && m_errors) {
                SchemaError e;
                e.instancePointer = m_instancePath;
                e.keywordLocation = m_keywordPath + "/if";
                e.absoluteKeywordLocation = k.absLocation;
                e.keyword = "if";
                e.message = std::string("must match \"") + which + "\" schema";
                e.params = Json{{"failingKeyword", which}};
                m_errors->push_back(std::move(e));
            }
            return ok;
        }
        case Kw::Maximum:
        case Kw::Minimum:
        case Kw::ExclusiveMaximum:
        case Kw::ExclusiveMinimum: {
            if (!(type & TNumber))
                return true;
            const int c = compareNumbers(v, k.value);
            bool ok = false;
            const char *cmp = "";
            switch (k.kind) {
            case Kw::Maximum:
                ok = c <= 0;
                cmp = "<=";
                break;
            case Kw::Minimum:
                ok = c >= 0;
                cmp = ">=";
                break;
            case Kw::ExclusiveMaximum:
                ok = c < 0;
                cmp = "<";
                break;
            default:
                ok = c > 0;
                cmp = ">";
                break;
            }
            if (!ok && m_errors)
                report(k, std::string("must be ") + cmp + " " + numberText(k.value),
                       Json{{"comparison", cmp}, {"limit", k.value}});
            return ok;
        }
        case Kw::MultipleOf: {
            if (!(type & TNumber))
                return true;
            bool ok;
            if (v.is_number_integer() && k.value.is_number_integer()) {
                // Exact for integers: compare magnitudes.
                const std::uint64_t m =
                    k.value.is_number_unsigned()
                        ? k.value.get<std::uint64_t>()
                        : std::uint64_t(std::llabs(k.value.get<std::int64_t>()));
                std::uint64_t x;
                if (v.is_number_unsigned())
                    x = v.get<std::uint64_t>();
                else {
                    const std::int64_t s = v.get<std::int64_t>();
                    x = s < 0 ? std::uint64_t(0) - std::uint64_t(s) : std::uint64_t(s);
                }
                ok = x % m == 0;
            } else {
                const double q = v.get<double>() / k.number;
                ok = std::isfinite(q) &&
                     std::fabs(q - std::round(q)) <= 1e-9 * std::max(1.0, std::fabs(q));
            }
            if (!ok && m_errors)
                report(k, "must be multiple of " + numberText(k.value),
                       Json{{"multipleOf", k.value}});
            return ok;
        }
        case Kw::MaxLength:
        case Kw::MinLength: {
            if (!(type & TString))
                return true;
            const std::string &s = v.get_ref<const std::string &>();
            const bool max = k.kind == Kw::MaxLength;
            // Both code points and UTF-16 units number between bytes/4 and bytes: decide
            // without counting where the byte length settles it.
            if (max ? s.size() <= k.count : s.size() / 4 >= k.count)
                return true;
            const std::size_t len = stringLength(s, m_schema.lengthUnit);
            const bool ok = max ? len <= k.count : len >= k.count;
            if (!ok && m_errors)
                report(k,
                       std::string("must NOT have ") + (max ? "more" : "fewer") + " than " +
                           std::to_string(k.count) + " characters",
                       Json{{"limit", k.value}});
            return ok;
        }
        case Kw::Pattern: {
            if (!(type & TString))
                return true;
            if (k.pattern.test(v.get_ref<const std::string &>()))
                return true;
            if (m_errors)
                report(k, "must match pattern \"" + k.pattern.source() + "\"",
                       Json{{"pattern", k.pattern.source()}});
            return false;
        }
        case Kw::Format: {
            if (!(type & TString))
                return true;
            if (k.format(v.get_ref<const std::string &>()))
                return true;
            if (m_errors)
                report(k, "must match format \"" + k.value.get<std::string>() + "\"",
                       Json{{"format", k.value}});
            return false;
        }
        case Kw::Content: {
            if (!(type & TString))
                return true;
            const std::string &s = v.get_ref<const std::string &>();
            if (k.base64 && !isBase64(s)) {
                if (m_errors)
                    report(k, "must be base64-encoded");
                return false;
            }
            if (k.json) {
                std::string text = s;
                if (k.base64) {
                    const QByteArray decoded = QByteArray::fromBase64(
                        QByteArray::fromRawData(s.data(), qsizetype(s.size())));
                    text.assign(decoded.constData(), std::size_t(decoded.size()));
                }
                if (!Json::accept(text)) {
                    if (m_errors) {
                        Keyword media = k;
                        media.name = "contentMediaType";
                        report(media, "must be a valid application/json document");
                    }
                    return false;
                }
            }
            return true;
        }
        case Kw::MaxItems:
        case Kw::MinItems: {
            if (!(type & TArray))
                return true;
            const bool max = k.kind == Kw::MaxItems;
            const bool ok = max ? v.size() <= k.count : v.size() >= k.count;
            if (!ok && m_errors)
                report(k,
                       std::string("must NOT have ") + (max ? "more" : "fewer") + " than " +
                           std::to_string(k.count) + " items",
                       Json{{"limit", k.value}});
            return ok;
        }
        case Kw::UniqueItems:
            return (type & TArray) ? uniqueItems(k, v) : true;
        case Kw::Items: {
            if (!(type & TArray))
                return true;
            bool ok = true;
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (!subIndex(k.sub, v[i], "/items", 0, false, i)) {
                    ok = false;
                    if (!m_errors)
                        return false;
                }
            }
            return ok;
        }
        case Kw::ItemsTuple: {
            if (!(type & TArray))
                return true;
            bool ok = true;
            const std::size_t n2 = std::min(v.size(), k.subs.size());
            for (std::size_t i = 0; i < n2; ++i) {
                if (!subIndex(k.subs[i], v[i], "/items", i, true, i)) {
                    ok = false;
                    if (!m_errors)
                        return false;
                }
            }
            return ok;
        }
        case Kw::AdditionalItems: {
            if (!(type & TArray) || v.size() <= k.count)
                return true;
            if (k.sub->boolean == 0) {
                if (m_errors)
                    report(k, "must NOT have more than " + std::to_string(k.count) + " items",
                           Json{{"limit", k.count}});
                return false;
            }
            bool ok = true;
            for (std::size_t i = k.count; i < v.size(); ++i) {
                if (!subIndex(k.sub, v[i], "/additionalItems", 0, false, i)) {
                    ok = false;
                    if (!m_errors)
                        return false;
                }
            }
            return ok;
        }
        case Kw::Contains: {
            if (!(type & TArray))
                return true;
            for (std::size_t i = 0; i < v.size(); ++i) {
                if (quiet(k.sub, v[i]))
                    return true;
            }
            if (m_errors)
                report(k, "must contain at least 1 valid item(s)", Json{{"minContains", 1}});
            return false;
        }
        case Kw::MaxProperties:
        case Kw::MinProperties: {
            if (!(type & TObject))
                return true;
            const bool max = k.kind == Kw::MaxProperties;
            const bool ok = max ? v.size() <= k.count : v.size() >= k.count;
            if (!ok && m_errors)
                report(k,
                       std::string("must NOT have ") + (max ? "more" : "fewer") + " than " +
                           std::to_string(k.count) + " properties",
                       Json{{"limit", k.value}});
            return ok;
        }
        case Kw::Required: {
            if (!(type & TObject))
                return true;
            bool ok = true;
            for (const std::string &name : k.names) {
                if (!hasMember(v, name)) {
                    ok = false;
                    if (!m_errors)
                        return false;
                    report(k, "must have required property '" + name + "'",
                           Json{{"missingProperty", name}});
                }
            }
            return ok;
        }
        case Kw::PropertyNames: {
            if (!(type & TObject))
                return true;
            bool ok = true;
            for (auto it = v.begin(); it != v.end(); ++it) {
                const Json name = it.key();
                if (!m_errors) {
                    if (!node(k.sub, name))
                        return false;
                    continue;
                }
                const std::size_t before = m_errors->size();
                bool valid;
                {
                    PathPush kpush(kp(), "/propertyNames");
                    valid = node(k.sub, name);
                }
                if (!valid) {
                    ok = false;
                    for (std::size_t e = before; e < m_errors->size(); ++e)
                        (*m_errors)[e].params["propertyName"] = it.key();
                    report(k, "property name must be valid", Json{{"propertyName", it.key()}});
                }
            }
            return ok;
        }
        case Kw::AdditionalProperties:
            if (!(type & TObject))
                return true;
            return m_errors ? additionalProperties(n, k, v) : objectFast(n, v);
        case Kw::Dependencies: {
            if (!(type & TObject))
                return true;
            bool ok = true;
            for (const DependencyEntry &d : k.deps) {
                if (!hasMember(v, d.property))
                    continue;
                if (d.node) {
                    if (!sub(d.node, v, "/dependencies/", escapeToken(d.property), {}, false)) {
                        ok = false;
                        if (!m_errors)
                            return false;
                    }
                    continue;
                }
                for (const std::string &r : d.required) {
                    if (hasMember(v, r))
                        continue;
                    ok = false;
                    if (!m_errors)
                        return false;
                    std::string deps;
                    for (const std::string &x : d.required)
                        deps += (deps.empty() ? "" : ", ") + x;
                    report(k,
                           std::string("must have ") +
                               (d.required.size() == 1 ? "property " : "properties ") + deps +
                               " when property " + d.property + " is present",
                           Json{{"property", d.property},
                                {"missingProperty", r},
                                {"depsCount", d.required.size()},
                                {"deps", deps}});
                }
            }
            return ok;
        }
        case Kw::Properties: {
            if (!(type & TObject))
                return true;
            if (!m_errors) {
                // With additionalProperties present, its single pass covered everything.
                return n->hasAdditional ? true : objectFast(n, v);
            }
            bool ok = true;
            for (const PropEntry &p : n->props) {
                auto it = v.find(p.name);
                if (it == v.end())
                    continue;
                if (!sub(p.node, *it, "/properties/", escapeToken(p.name), p.name, true))
                    ok = false;
            }
            return ok;
        }
        case Kw::PatternProperties: {
            if (!(type & TObject))
                return true;
            if (!m_errors) // one objectFast pass per object, run by the first of the three
                return (n->hasAdditional || n->hasProperties) ? true : objectFast(n, v);
            bool ok = true;
            for (const PatternEntry &p : n->patterns) {
                for (auto it = v.begin(); it != v.end(); ++it) {
                    if (!p.pattern.test(it.key()))
                        continue;
                    if (!sub(p.node, *it, "/patternProperties/", escapeToken(p.source), it.key(),
                             true))
                        ok = false;
                }
            }
            return ok;
        }
        }
        return true;
    }

    bool subIndex2(const Node *n, const Json &v, std::string_view kwSeg, std::size_t i)
    {
        if (!m_errors)
            return node(n, v);
        PathPush kpush(kp(), kwSeg, std::to_string(i));
        return node(n, v);
    }

    static bool hasMember(const Json &obj, const std::string &name)
    {
        for (auto it = obj.begin(); it != obj.end(); ++it) {
            if (it.key() == name)
                return true;
        }
        return false;
    }

    static const PropEntry *findProp(const Node *n, const std::string &key)
    {
        for (const PropEntry &p : n->props) {
            if (p.name.size() == key.size() && p.name == key)
                return &p;
        }
        return nullptr;
    }

    // properties + patternProperties + additionalProperties in one pass over the members,
    // stopping at the first failure.
    bool objectFast(const Node *n, const Json &v)
    {
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string &key = it.key();
            bool matched = false;
            if (const PropEntry *p = findProp(n, key)) {
                matched = true;
                if (!node(p->node, *it))
                    return false;
            }
            for (const PatternEntry &p : n->patterns) {
                if (p.pattern.test(key)) {
                    matched = true;
                    if (!node(p.node, *it))
                        return false;
                }
            }
            if (!matched && n->hasAdditional && !node(n->additional, *it))
                return false;
        }
        return true;
    }

    bool additionalProperties(const Node *n, const Keyword &k, const Json &v)
    {
        bool ok = true;
        for (auto it = v.begin(); it != v.end(); ++it) {
            const std::string &key = it.key();
            if (findProp(n, key))
                continue;
            bool matched = false;
            for (const PatternEntry &p : n->patterns) {
                if (p.pattern.test(key)) {
                    matched = true;
                    break;
                }
            }
            if (matched)
                continue;
            if (n->additional->boolean == 0) {
                ok = false;
                report(k, "must NOT have additional properties", Json{{"additionalProperty", key}});
                continue;
            }
            if (!sub(n->additional, *it, "/additionalProperties", {}, key, true))
                ok = false;
        }
        return ok;
    }

    bool uniqueItems(const Keyword &k, const Json &v)
    {
        const std::size_t size = v.size();
        auto duplicate = [&](std::size_t i, std::size_t j) {
            if (m_errors)
                report(k,
                       "must NOT have duplicate items (items ## " + std::to_string(j) + " and " +
                           std::to_string(i) + " are identical)",
                       Json{{"i", i}, {"j", j}});
            return false;
        };
        if (size <= 16) {
            for (std::size_t i = size; i-- > 0;) {
                for (std::size_t j = i; j-- > 0;) {
                    if (jsonEqual(v[i], v[j]))
                        return duplicate(i, j);
                }
            }
            return true;
        }
        std::unordered_multimap<std::size_t, std::size_t> seen;
        seen.reserve(size);
        for (std::size_t i = 0; i < size; ++i) {
            const std::size_t h = jsonHash(v[i]);
            auto range = seen.equal_range(h);
            for (auto it = range.first; it != range.second; ++it) {
                if (jsonEqual(v[i], v[it->second]))
                    return duplicate(i, it->second);
            }
            seen.emplace(h, i);
        }
        return true;
    }

    const CompiledSchema &m_schema;
    std::vector<SchemaError> *m_errors;
    std::string m_instancePath;
    std::string m_keywordPath;
    int m_depth = 0;
};

} // namespace

// ------------------------------------------------------------------ Validator ---------------

Validator::Validator()
{
    auto impl = std::make_shared<CompiledSchema>();
    impl->root = &impl->nodes.emplace_back();
    impl->root->boolean = 1;
    impl->root->absLocation = "#";
    m_impl = std::move(impl);
}

Result<Validator> Validator::compile(const Json &schema, const CompileOptions &options)
{
    auto impl = std::make_shared<CompiledSchema>();
    impl->document = schema;
    impl->lengthUnit = options.lengthUnit;
    try {
        Compiler compiler(*impl, options);
        if (Result<void> r = compiler.run(); !r)
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
    Evaluator fast(*m_impl, nullptr);
    if (fast.run(instance))
        return true;
    if (!errors)
        return false;
    Evaluator explain(*m_impl, errors);
    const bool ok = explain.run(instance);
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

std::string formatSchemaError(const SchemaError &e)
{
    return e.message + " [" + e.instancePointer + "]";
}

} // namespace wfs::schema
