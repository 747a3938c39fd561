// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Compiling a workflow: indexes steps and loops, runs WorkRail's structural checks (§1.8) in
// its order and with its texts, and compiles every validation regex and schema once, so that
// next/validate do no parsing or compiling per call.
#include "compiledworkflow.h"

#include "jsvalue.h"

#include <QRegularExpressionMatch>

#include <algorithm>
#include <cmath>

namespace wfs::engine {

namespace {

const Json *member(const Json &obj, const char *key)
{
    if (!obj.is_object())
        return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

std::string stringMember(const Json &obj, const char *key)
{
    const Json *v = member(obj, key);
    return v && v->is_string() ? v->get<std::string>() : std::string();
}

bool isLoopStep(const Json &step)
{
    const Json *t = member(step, "type");
    return t && t->is_string() && t->get_ref<const std::string &>() == "loop";
}

bool validVariableName(const std::string &name)
{
    static const QRegularExpression re(QStringLiteral("^[a-zA-Z_$][a-zA-Z0-9_$]*$"));
    return re.match(QString::fromStdString(name)).hasMatch();
}

// JS `${v}` of a value read from the workflow (undefined when absent).
std::string jsText(const Json *v)
{
    return js::toString(v);
}

bool argTypeValid(const Json &value, const std::string &type)
{
    if (type == "string")
        return value.is_string();
    if (type == "number")
        return value.is_number() && std::isfinite(value.get<double>());
    if (type == "boolean")
        return value.is_boolean();
    if (type == "array")
        return value.is_array();
    if (type == "object")
        return value.is_object();
    return true;
}

// validateStepFunctionCalls: definitions visible are workflow, then loop, then step scope.
void checkFunctionCalls(const Json &step, const Json *workflowDefs, const Json *loopDefs,
                        const std::string &prefix, std::vector<std::string> &issues)
{
    std::vector<std::pair<std::string, const Json *>> defs;
    auto addDefs = [&](const Json *list) {
        if (!list || !list->is_array())
            return;
        for (const Json &d : *list) {
            const std::string name = jsText(member(d, "name"));
            auto it = std::find_if(defs.begin(), defs.end(),
                                   [&](const auto &p) { return p.first == name; });
            if (it != defs.end())
                it->second = &d;
            else
                defs.emplace_back(name, &d);
        }
    };
    addDefs(workflowDefs);
    addDefs(loopDefs);
    addDefs(member(step, "functionDefinitions"));
    const Json *calls = member(step, "functionCalls");
    if (!calls || !calls->is_array())
        return;
    for (const Json &call : *calls) {
        const std::string name = jsText(member(call, "name"));
        auto def =
            std::find_if(defs.begin(), defs.end(), [&](const auto &p) { return p.first == name; });
        if (def == defs.end()) {
            issues.push_back(prefix + "Unknown function '" + name + "' in functionCalls");
            continue;
        }
        const Json *params = member(*def->second, "parameters");
        if (!params || !params->is_array() || params->empty())
            continue;
        static const Json emptyArgs = Json::object();
        const Json *argsPtr = member(call, "args");
        const Json &args = argsPtr && argsPtr->is_object() ? *argsPtr : emptyArgs;
        for (const Json &p : *params) {
            const Json *req = member(p, "required");
            if (js::truthy(req) && !args.contains(jsText(member(p, "name"))))
                issues.push_back(prefix + "Missing required parameter '" +
                                 jsText(member(p, "name")) + "' for function '" + name + "'");
        }
        for (auto it = args.begin(); it != args.end(); ++it) {
            const Json *spec = nullptr;
            for (const Json &p : *params) {
                if (jsText(member(p, "name")) == it.key()) {
                    spec = &p;
                    break;
                }
            }
            if (!spec)
                continue; // unknown arguments are tolerated
            const std::string type = jsText(member(*spec, "type"));
            if (!argTypeValid(it.value(), type))
                issues.push_back(prefix + "Invalid type for '" + name + "." + it.key() +
                                 "': expected " + type);
            const Json *en = member(*spec, "enum");
            if (en && en->is_array()) {
                const bool found = std::any_of(en->begin(), en->end(), [&](const Json &e) {
                    return js::strictEquals(&e, &it.value());
                });
                if (!found) {
                    std::string list;
                    for (std::size_t i = 0; i < en->size(); ++i)
                        list += (i ? ", " : "") + (en->at(i).is_null() ? "" : jsText(&en->at(i)));
                    issues.push_back(prefix + "Invalid value for '" + name + "." + it.key() +
                                     "': must be one of " + list);
                }
            }
        }
    }
}

} // namespace

std::shared_ptr<const CompiledWorkflow> CompiledWorkflow::compile(Json document)
{
    std::shared_ptr<CompiledWorkflow> wf(new CompiledWorkflow);
    wf->m_document = std::move(document);
    wf->m_id = stringMember(wf->m_document, "id");
    wf->index();
    wf->checkStructure();
    for (const StepInfo &s : wf->m_steps) {
        if (s.validationCriteria)
            wf->compileRules(*s.validationCriteria, 0);
    }
    return wf;
}

void CompiledWorkflow::index()
{
    const Json *steps = member(m_document, "steps");
    if (!steps || !steps->is_array())
        return;
    for (std::size_t i = 0; i < steps->size(); ++i) {
        const Json &s = (*steps)[i];
        StepInfo info;
        info.json = &s;
        info.id = stringMember(s, "id");
        info.topIndex = static_cast<int>(i);
        info.runCondition = member(s, "runCondition");
        info.validationCriteria = member(s, "validationCriteria");
        m_topById.emplace(info.id, static_cast<int>(m_steps.size()));
        m_steps.push_back(std::move(info));
    }
    m_topLevelCount = static_cast<int>(m_steps.size());
    m_loopOfStep.assign(m_steps.size(), -1);
    for (int i = 0; i < m_topLevelCount; ++i) {
        const Json &s = *m_steps[static_cast<std::size_t>(i)].json;
        if (!isLoopStep(s))
            continue;
        LoopInfo loop;
        loop.topIndex = i;
        loop.json = &s;
        loop.id = m_steps[static_cast<std::size_t>(i)].id;
        static const Json emptyObj = Json::object();
        const Json *cfgPtr = member(s, "loop");
        const Json &cfg = cfgPtr && cfgPtr->is_object() ? *cfgPtr : emptyObj;
        loop.typeName = stringMember(cfg, "type");
        if (loop.typeName == "while")
            loop.type = LoopType::While;
        else if (loop.typeName == "until")
            loop.type = LoopType::Until;
        else if (loop.typeName == "forEach")
            loop.type = LoopType::ForEach;
        else
            loop.type = LoopType::For;
        loop.condition = member(cfg, "condition");
        loop.count = member(cfg, "count");
        loop.itemsVar = stringMember(cfg, "items");
        const Json *maxIt = member(cfg, "maxIterations");
        loop.maxIterations = maxIt && maxIt->is_number() ? maxIt->get<double>() : 0;
        if (const std::string v = stringMember(cfg, "iterationVar"); !v.empty())
            loop.iterationVar = v;
        if (const std::string v = stringMember(cfg, "itemVar"); !v.empty())
            loop.itemVar = v;
        if (const std::string v = stringMember(cfg, "indexVar"); !v.empty())
            loop.indexVar = v;
        const int loopIndex = static_cast<int>(m_loops.size());
        if (const Json *body = member(s, "body")) {
            if (body->is_string()) {
                loop.stringBody = true;
                const std::string &bid = body->get_ref<const std::string &>();
                m_bodyIds[bid] = true;
                const auto it = m_topById.find(bid);
                if (it != m_topById.end())
                    loop.body.push_back(it->second);
            } else if (body->is_array()) {
                for (const Json &inl : *body) {
                    StepInfo info;
                    info.json = &inl;
                    info.id = stringMember(inl, "id");
                    info.loopIndex = loopIndex;
                    info.runCondition = member(inl, "runCondition");
                    info.validationCriteria = member(inl, "validationCriteria");
                    if (!info.id.empty())
                        m_bodyIds[info.id] = true;
                    const int idx = static_cast<int>(m_steps.size());
                    m_inlineById.emplace(info.id, idx);
                    loop.body.push_back(idx);
                    m_steps.push_back(std::move(info));
                }
            }
        }
        m_loopOfStep[static_cast<std::size_t>(i)] = loopIndex;
        m_loopById.emplace(loop.id, loopIndex);
        m_loops.push_back(std::move(loop));
    }
}

void CompiledWorkflow::checkStructure()
{
    std::vector<std::string> &issues = m_structuralIssues;
    const Json *steps = member(m_document, "steps");
    const Json *workflowDefs = member(m_document, "functionDefinitions");
    if (!steps || !steps->is_array()) {
        issues.push_back("Workflow steps must be an array");
    } else {
        std::vector<std::string> seen;
        for (const Json &s : *steps) {
            const std::string id = jsText(member(s, "id"));
            if (std::find(seen.begin(), seen.end(), id) != seen.end())
                issues.push_back("Duplicate step ID '" + id + "'");
            seen.push_back(id);
        }
        for (const Json &s : *steps) {
            const std::string id = jsText(member(s, "id"));
            if (isLoopStep(s)) {
                const std::string prefix = "Step '" + id + "': ";
                static const Json emptyObj = Json::object();
                const Json *cfgPtr = member(s, "loop");
                const Json &cfg = cfgPtr && cfgPtr->is_object() ? *cfgPtr : emptyObj;
                const Json *type = member(cfg, "type");
                const std::string typeName = jsText(type);
                const bool knownType = type && type->is_string() &&
                                       (typeName == "while" || typeName == "until" ||
                                        typeName == "for" || typeName == "forEach");
                if (!knownType)
                    issues.push_back(prefix + "Invalid loop type '" + typeName +
                                     "'. Must be one of: while, until, for, forEach");
                const Json *maxIt = member(cfg, "maxIterations");
                if (!maxIt || !maxIt->is_number() || !(maxIt->get<double>() > 0))
                    issues.push_back(prefix + "maxIterations must be a positive number");
                else if (maxIt->get<double>() > 1000)
                    issues.push_back(prefix + "maxIterations (" + jsText(maxIt) +
                                     ") exceeds safety limit of 1000");
                if (knownType && (typeName == "while" || typeName == "until")) {
                    if (!js::truthy(member(cfg, "condition")))
                        issues.push_back(prefix + typeName + " loop requires a condition");
                } else if (knownType && typeName == "for") {
                    const Json *count = member(cfg, "count");
                    if (!count)
                        issues.push_back(prefix + "for loop requires a count");
                    else if (!count->is_string() &&
                             (!count->is_number() || !(count->get<double>() > 0)))
                        issues.push_back(prefix +
                                         "for loop count must be a positive number or context "
                                         "variable name");
                } else if (knownType && typeName == "forEach") {
                    const Json *items = member(cfg, "items");
                    if (!js::truthy(items))
                        issues.push_back(prefix + "forEach loop requires items");
                    else if (!items->is_string())
                        issues.push_back(prefix +
                                         "forEach loop items must be a context variable name");
                }
                const Json *body = member(s, "body");
                if (!js::truthy(body)) {
                    issues.push_back(prefix + "Loop step must have a body");
                } else if (body->is_string()) {
                    const std::string &bid = body->get_ref<const std::string &>();
                    const Json *target = nullptr;
                    for (const Json &t : *steps) {
                        const Json *tid = member(t, "id");
                        if (tid && tid->is_string() && tid->get_ref<const std::string &>() == bid) {
                            target = &t;
                            break;
                        }
                    }
                    if (!target)
                        issues.push_back(prefix + "Loop body references non-existent step '" + bid +
                                         "'");
                    else if (isLoopStep(*target))
                        issues.push_back(prefix +
                                         "Nested loops are not currently supported. Step '" + bid +
                                         "' is a loop");
                } else if (body->is_array()) {
                    if (body->empty())
                        issues.push_back(prefix + "Loop body array cannot be empty");
                    std::vector<std::string> ids;
                    for (const Json &inl : *body) {
                        const Json *iid = member(inl, "id");
                        const std::string inlineId = js::truthy(iid) ? jsText(iid) : "unknown";
                        if (!js::truthy(iid))
                            issues.push_back(prefix + "Inline step in loop body must have an ID");
                        else if (std::find(ids.begin(), ids.end(), jsText(iid)) != ids.end())
                            issues.push_back(prefix + "Duplicate step ID '" + jsText(iid) +
                                             "' in loop body");
                        else
                            ids.push_back(jsText(iid));
                        if (!js::truthy(member(inl, "title")))
                            issues.push_back(prefix + "Inline step '" + inlineId +
                                             "' must have a title");
                        if (!js::truthy(member(inl, "prompt")))
                            issues.push_back(prefix + "Inline step '" + inlineId +
                                             "' must have a prompt");
                        if (isLoopStep(inl))
                            issues.push_back(prefix +
                                             "Nested loops are not currently supported. "
                                             "Inline step '" +
                                             jsText(iid) + "' is a loop");
                        checkFunctionCalls(inl, workflowDefs, member(s, "functionDefinitions"),
                                           prefix + "Step '" + jsText(iid) + "': ", issues);
                    }
                }
                const std::pair<const char *, const char *> vars[] = {
                    {"iterationVar", "iteration"}, {"itemVar", "item"}, {"indexVar", "index"}};
                for (const auto &[key, label] : vars) {
                    const Json *v = member(cfg, key);
                    if (js::truthy(v) && !validVariableName(jsText(v)))
                        issues.push_back(prefix + "Invalid " + label + " variable name '" +
                                         jsText(v) + "'");
                }
            } else {
                if (!js::truthy(member(s, "id")))
                    issues.push_back("Step missing required ID");
                if (!js::truthy(member(s, "title")))
                    issues.push_back("Step '" + id + "' missing required title");
                if (!js::truthy(member(s, "prompt")))
                    issues.push_back("Step '" + id + "' missing required prompt");
                checkFunctionCalls(s, workflowDefs, nullptr, "Step '" + id + "': ", issues);
            }
        }
        for (const Json &s : *steps) {
            const Json *sid = member(s, "id");
            if (sid && sid->is_string() && isBodyId(sid->get_ref<const std::string &>()) &&
                m_inlineById.find(sid->get_ref<const std::string &>()) == m_inlineById.end() &&
                js::truthy(member(s, "runCondition")))
                issues.push_back(
                    "Step '" + jsText(sid) +
                    "' is a loop body but has runCondition - this may cause conflicts");
        }
    }
    if (!issues.empty()) {
        m_structuralError = "Invalid workflow structure: ";
        for (std::size_t i = 0; i < issues.size(); ++i)
            m_structuralError += (i ? "; " : "") + issues[i];
    }
}

void CompiledWorkflow::compileRules(const Json &criteria, int depth)
{
    if (depth > 64)
        return;
    if (criteria.is_array()) {
        for (const Json &r : criteria)
            compileRules(r, depth + 1);
        return;
    }
    if (!criteria.is_object())
        return;
    if (const Json *t = member(criteria, "type"); t && t->is_string()) {
        if (*t == "regex") {
            const Json *p = member(criteria, "pattern");
            const Json *f = member(criteria, "flags");
            const std::string pattern = p ? jsText(p) : std::string();
            const std::string flags = js::truthy(f) ? jsText(f) : std::string();
            m_regexes.emplace(&criteria, compileEcmaRegex(pattern, flags));
        } else if (*t == "schema") {
            const Json *sc = member(criteria, "schema");
            CompiledSchema cs;
            if (js::truthy(sc)) {
                auto v = schema::Validator::compile(*sc);
                if (v)
                    cs.validator = std::move(*v);
                else
                    cs.error = v.error();
            }
            m_schemas.emplace(&criteria, std::move(cs));
        }
        return;
    }
    for (const char *k : {"and", "or"}) {
        if (const Json *list = member(criteria, k); list && list->is_array())
            for (const Json &c : *list)
                compileRules(c, depth + 1);
    }
    if (const Json *n = member(criteria, "not"))
        compileRules(*n, depth + 1);
}

int CompiledWorkflow::topLevelStep(std::string_view id) const
{
    const auto it = m_topById.find(std::string(id));
    return it == m_topById.end() ? -1 : it->second;
}

int CompiledWorkflow::inlineStep(std::string_view id) const
{
    const auto it = m_inlineById.find(std::string(id));
    return it == m_inlineById.end() ? -1 : it->second;
}

int CompiledWorkflow::loopAt(int stepIndex) const
{
    if (stepIndex < 0 || stepIndex >= m_topLevelCount)
        return -1;
    return m_loopOfStep[static_cast<std::size_t>(stepIndex)];
}

int CompiledWorkflow::loopById(std::string_view id) const
{
    const auto it = m_loopById.find(std::string(id));
    return it == m_loopById.end() ? -1 : it->second;
}

bool CompiledWorkflow::isBodyId(std::string_view id) const
{
    return m_bodyIds.find(std::string(id)) != m_bodyIds.end();
}

const CompiledRegex *CompiledWorkflow::regexFor(const Json *rule) const
{
    const auto it = m_regexes.find(rule);
    return it == m_regexes.end() ? nullptr : &it->second;
}

const CompiledSchema *CompiledWorkflow::schemaFor(const Json *rule) const
{
    const auto it = m_schemas.find(rule);
    return it == m_schemas.end() ? nullptr : &it->second;
}

// ---- ECMAScript regex ---------------------------------------------------------------------

static bool isHex(QChar c)
{
    return c.isDigit() || (c >= QLatin1Char('a') && c <= QLatin1Char('f')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('F'));
}

// Rewrites the JavaScript-only constructs of `p` into PCRE2 syntax.
static QString translatePattern(const QString &p, bool unicode, bool multiline)
{
    QString out;
    bool inClass = false;
    for (qsizetype i = 0; i < p.size(); ++i) {
        const QChar c = p[i];
        if (c == QLatin1Char('\\') && i + 1 < p.size()) {
            const QChar n = p[i + 1];
            const char nc = n.toLatin1();
            if (nc == 'u') {
                if (unicode && i + 2 < p.size() && p[i + 2] == QLatin1Char('{')) {
                    const qsizetype close = p.indexOf(QLatin1Char('}'), i + 3);
                    if (close > 0) {
                        out +=
                            QStringLiteral("\\x{") + p.mid(i + 3, close - i - 3) + QLatin1Char('}');
                        i = close;
                        continue;
                    }
                }
                if (i + 5 < p.size() && isHex(p[i + 2]) && isHex(p[i + 3]) && isHex(p[i + 4]) &&
                    isHex(p[i + 5])) {
                    out += QStringLiteral("\\x{") + p.mid(i + 2, 4) + QLatin1Char('}');
                    i += 5;
                    continue;
                }
                out += QLatin1Char('u');
                ++i;
                continue;
            }
            if (nc == 'x' && !(i + 3 < p.size() && isHex(p[i + 2]) && isHex(p[i + 3]))) {
                out += QLatin1Char('x');
                ++i;
                continue;
            }
            if (nc == 'v') {
                out += QStringLiteral("\\x0B");
                ++i;
                continue;
            }
            if ((nc == 'p' || nc == 'P') && !unicode) {
                out += n;
                ++i;
                continue;
            }
            static const QString jsEscapes = QStringLiteral("dDwWsSbBnrtfcxuk0123456789pP");
            if (n.isLetter() && nc != 0 && !jsEscapes.contains(n)) {
                out += n; // identity escape in JavaScript; may mean something else in PCRE
                ++i;
                continue;
            }
            out += c;
            out += n;
            ++i;
            continue;
        }
        if (inClass) {
            if (c == QLatin1Char(']'))
                inClass = false;
            out += c;
            continue;
        }
        if (c == QLatin1Char('[')) {
            if (p.mid(i, 3) == QLatin1String("[^]")) {
                out += QStringLiteral("[\\s\\S]");
                i += 2;
                continue;
            }
            if (p.mid(i, 2) == QLatin1String("[]")) {
                out += QStringLiteral("(?!)");
                i += 1;
                continue;
            }
            inClass = true;
            out += c;
            if (i + 1 < p.size() && p[i + 1] == QLatin1Char('^')) {
                out += p[++i];
            }
            if (i + 1 < p.size() && p[i + 1] == QLatin1Char(']')) {
                out += QStringLiteral("\\]"); // "[]]" / "[^]]": JS closes the class here
                ++i;
                inClass = false;
            }
            continue;
        }
        if (c == QLatin1Char('$') && !multiline) {
            out += QStringLiteral("(?!(?s:.))");
            continue;
        }
        if (c == QLatin1Char('(') && i + 1 < p.size() && p[i + 1] == QLatin1Char('*')) {
            out += QStringLiteral("\\("); // PCRE verbs do not exist in JavaScript
            continue;
        }
        out += c;
    }
    return out;
}

CompiledRegex compileEcmaRegex(const std::string &pattern, const std::string &flags)
{
    CompiledRegex out;
    QRegularExpression::PatternOptions opts;
    bool unicode = false;
    bool multiline = false;
    std::string seen;
    for (const char f : flags) {
        if (seen.find(f) != std::string::npos ||
            std::string("dgimsuyv").find(f) == std::string::npos)
            return out; // SyntaxError: invalid flags
        seen += f;
        switch (f) {
        case 'i':
            opts |= QRegularExpression::CaseInsensitiveOption;
            break;
        case 'm':
            opts |= QRegularExpression::MultilineOption;
            multiline = true;
            break;
        case 's':
            opts |= QRegularExpression::DotMatchesEverythingOption;
            break;
        case 'u':
        case 'v':
            unicode = true;
            break;
        case 'y':
            out.sticky = true;
            break;
        default:
            break;
        }
    }
    const QString translated =
        translatePattern(QString::fromStdString(pattern), unicode, multiline);
    // Validate the pattern on its own first, so that a broken pattern cannot combine with the
    // wrapper into something valid.
    QRegularExpression plain(translated, opts);
    if (!plain.isValid())
        return out;
    out.re = QRegularExpression(QStringLiteral("(*LIMIT_MATCH=2000000)(*LIMIT_DEPTH=20000)(?:") +
                                    translated + QStringLiteral(")|\\z(?<wfsNoMatch>)"),
                                opts);
    out.valid = out.re.isValid();
    if (out.valid)
        out.re.optimize();
    return out;
}

std::optional<bool> testRegex(const CompiledRegex &regex, const QString &subject)
{
    const QRegularExpressionMatch m =
        regex.re.match(subject, 0, QRegularExpression::NormalMatch,
                       regex.sticky ? QRegularExpression::AnchorAtOffsetMatchOption
                                    : QRegularExpression::NoMatchOption);
    if (!m.hasMatch()) {
        if (regex.sticky)
            return false;    // anchored: neither branch could match at 0
        return std::nullopt; // the always-matching wrapper failed: the bound was hit
    }
    return m.capturedStart(QStringLiteral("wfsNoMatch")) < 0;
}

} // namespace wfs::engine
