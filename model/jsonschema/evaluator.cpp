// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON Schema draft-07: the evaluator (see validator.cpp for the design).
#include "validatorimpl.h"

#include "ecmaregex.h"
#include "formats.h"

#include <unordered_map>
#include <unordered_set>

namespace wfs::schema::detail {

namespace {

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

bool evaluateSchema(const CompiledSchema &schema, const Json &instance,
                    std::vector<SchemaError> *errors)
{
    Evaluator evaluator(schema, errors);
    return evaluator.run(instance);
}

} // namespace wfs::schema::detail
