// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON Schema draft-07: the compiler (see validator.cpp for the design).
#include "validatorimpl.h"

#include "ecmaregex.h"
#include "formats.h"
#include "metaschema.h"
#include "uri.h"

#include <map>
#include <unordered_map>
#include <unordered_set>

namespace wfs::schema::detail {

namespace {

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

    // The count keywords of one group (maxLength/minLength, maxItems/minItems, ...).
    void addCounts(Node &node, const Json &j, const std::string &loc,
                   std::initializer_list<std::pair<const char *, Kw>> keywords)
    {
        for (const auto &[name, kind] : keywords) {
            auto v = j.find(name);
            std::uint64_t n = 0;
            if (v != j.end() && nonNegativeInteger(*v, loc + "/" + name, n)) {
                Keyword &k = add(node, kind, name, loc);
                k.count = n;
                k.value = *v;
            }
        }
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
        addCounts(node, j, loc,
                  {std::pair{"maxLength", Kw::MaxLength}, std::pair{"minLength", Kw::MinLength}});
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
        addCounts(node, j, loc,
                  {std::pair{"maxItems", Kw::MaxItems}, std::pair{"minItems", Kw::MinItems}});
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
        addCounts(node, j, loc,
                  {std::pair{"maxProperties", Kw::MaxProperties},
                   std::pair{"minProperties", Kw::MinProperties}});
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

} // namespace

Result<void> compileSchema(CompiledSchema &out, const CompileOptions &options)
{
    Compiler compiler(out, options);
    return compiler.run();
}

} // namespace wfs::schema::detail
