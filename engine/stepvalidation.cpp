// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Step output validation with WorkRail's semantics and messages. Regexes are bounded (PCRE2
// match limits), so a catastrophic pattern on a long output ends quickly with an error.
#include "stepvalidation.h"

#include "condition.h"
#include "jsvalue.h"
#include "model/jsonio.h"

namespace wfs::engine {

namespace {

const char *const kReview = "Review validation criteria and adjust output accordingly.";

// Thrown inside this file only; converted to Result at the entry point.
struct ValidationError
{
    std::string message;
    bool isValidationError = true; ///< false: a JS TypeError wrapped by the caller
};

const Json *member(const Json &obj, const char *key)
{
    if (!obj.is_object())
        return nullptr;
    const auto it = obj.find(key);
    return it == obj.end() ? nullptr : &*it;
}

class Evaluator
{
public:
    Evaluator(const CompiledWorkflow &wf, const Json &output, const VarScope &scope)
        : m_wf(wf)
        , m_output(output)
        , m_scope(scope)
    {}

    void rule(const Json &r, std::vector<std::string> &issues)
    {
        if (r.is_string()) { // legacy: a bare pattern
            const CompiledRegex re = compileEcmaRegex(r.get<std::string>(), {});
            if (!re.valid)
                throw ValidationError{"SyntaxError: Invalid regular expression: /" +
                                          r.get<std::string>() + "/: Invalid pattern",
                                      false};
            if (!test(re, r.get<std::string>()))
                issues.push_back("Output does not match pattern: " + r.get<std::string>());
            return;
        }
        if (!r.is_object())
            throw ValidationError{"Invalid validationCriteria format."};
        const Json *msgPtr = member(r, "message");
        const std::string message = js::truthy(msgPtr) ? js::toString(msgPtr) : std::string();
        auto fail = [&](const std::string &fallback) {
            issues.push_back(message.empty() ? fallback : message);
        };
        const std::string type = js::toString(member(r, "type"));
        if (type == "contains") {
            if (!m_output.is_string())
                throw ValidationError{"TypeError: output.includes is not a function", false};
            const Json *value = member(r, "value");
            if (!value || !value->is_string() ||
                m_output.get_ref<const std::string &>().find(
                    value->get_ref<const std::string &>()) == std::string::npos)
                fail("Output must include \"" + js::toString(value) + "\"");
        } else if (type == "regex") {
            const CompiledRegex *re = m_wf.regexFor(&r);
            const std::string pattern = js::toString(member(r, "pattern"));
            CompiledRegex local;
            if (!re) {
                const Json *f = member(r, "flags");
                local = compileEcmaRegex(member(r, "pattern") ? pattern : std::string(),
                                         js::truthy(f) ? js::toString(f) : std::string());
                re = &local;
            }
            if (!re->valid)
                throw ValidationError{"Invalid regex pattern in validationCriteria: " + pattern};
            if (!test(*re, pattern))
                fail("Pattern mismatch: " + pattern);
        } else if (type == "length") {
            if (!m_output.is_string())
                return; // undefined < min is false in JavaScript
            const double len =
                static_cast<double>(js::utf16Length(m_output.get_ref<const std::string &>()));
            const Json *min = member(r, "min");
            const Json *max = member(r, "max");
            if (min && min->is_number() && len < min->get<double>())
                fail("Output shorter than minimum length " + js::toString(min));
            if (max && max->is_number() && len > max->get<double>())
                fail("Output exceeds maximum length " + js::toString(max));
        } else if (type == "schema") {
            const Json *schemaJson = member(r, "schema");
            if (!js::truthy(schemaJson)) {
                fail("Schema validation rule requires a schema property");
                return;
            }
            const std::string text = js::toString(m_output);
            const ParsedJson parsed = parseJson(text);
            if (!parsed.ok) {
                fail("Output is not valid JSON for schema validation");
                return;
            }
            const CompiledSchema *cs = m_wf.schemaFor(&r);
            CompiledSchema local;
            if (!cs) {
                auto v = schema::Validator::compile(*schemaJson);
                if (v)
                    local.validator = std::move(*v);
                else
                    local.error = v.error();
                cs = &local;
            }
            if (!cs->validator)
                throw ValidationError{"Invalid JSON schema: Error: " + cs->error};
            std::vector<schema::SchemaError> errors;
            if (!cs->validator->validate(parsed.value, &errors)) {
                std::string joined;
                for (std::size_t i = 0; i < errors.size(); ++i)
                    joined +=
                        (i ? "; " : "") + ("Validation Error at '" + errors[i].instancePointer +
                                           "': " + errors[i].message);
                fail(errors.empty() ? std::string("Schema validation failed") : joined);
            }
        } else {
            throw ValidationError{"Unsupported validation rule type: " + type};
        }
    }

    static bool isRule(const Json &c) { return c.is_object() && c.contains("type"); }
    static bool isComposition(const Json &c)
    {
        return c.is_object() && !c.contains("type") &&
               (c.empty() || c.contains("and") || c.contains("or") || c.contains("not"));
    }

    bool single(const Json &c, int depth)
    {
        if (depth > 64)
            throw ValidationError{"Invalid validation criteria type"};
        if (isRule(c)) {
            const Json *cond = member(c, "condition");
            if (js::truthy(cond) && !evaluateCondition(cond, m_scope))
                return true;
            std::vector<std::string> issues;
            rule(c, issues);
            return issues.empty();
        }
        if (isComposition(c))
            return composition(c, depth);
        throw ValidationError{"Invalid validation criteria type"};
    }

    bool composition(const Json &c, int depth)
    {
        if (const Json *all = member(c, "and"); js::truthy(all)) {
            if (!all->is_array())
                throw ValidationError{"TypeError: composition.and.every is not a function", false};
            for (const Json &x : *all)
                if (!single(x, depth + 1))
                    return false;
            return true;
        }
        if (const Json *any = member(c, "or"); js::truthy(any)) {
            if (!any->is_array())
                throw ValidationError{"TypeError: composition.or.some is not a function", false};
            for (const Json &x : *any)
                if (single(x, depth + 1))
                    return true;
            return false;
        }
        if (const Json *neg = member(c, "not"); js::truthy(neg))
            return !single(*neg, depth + 1);
        return true;
    }

private:
    bool test(const CompiledRegex &re, const std::string &pattern)
    {
        if (m_subject.isNull())
            m_subject = QString::fromStdString(js::toString(m_output));
        const std::optional<bool> r = testRegex(re, m_subject);
        if (!r)
            throw ValidationError{"Regex evaluation exceeded the backtracking limit in "
                                  "validationCriteria: " +
                                  pattern};
        return *r;
    }

    const CompiledWorkflow &m_wf;
    const Json &m_output;
    const VarScope &m_scope;
    QString m_subject;
};

Json resultJson(bool valid, std::vector<std::string> issues, const char *suggestion)
{
    Json r = Json::object();
    r["valid"] = valid;
    r["issues"] = std::move(issues);
    r["suggestions"] = valid ? Json::array() : Json::array({suggestion});
    return r;
}

} // namespace

Result<Json> validateOutput(const CompiledWorkflow &workflow, const Json *criteria,
                            const Json &output, const Json *context)
{
    static const Json empty = Json::object();
    const Json &ctx = context && context->is_object() ? *context : empty;
    const VarScope scope(&ctx);
    if (!criteria || !js::truthy(criteria) || (criteria->is_array() && criteria->empty())) {
        const bool ok =
            output.is_string() && js::hasNonWhitespace(output.get_ref<const std::string &>());
        return resultJson(ok,
                          ok ? std::vector<std::string>{}
                             : std::vector<std::string>{"Output is empty or invalid."},
                          "Provide valid output content.");
    }
    Evaluator ev(workflow, output, scope);
    try {
        if (criteria->is_array()) {
            std::vector<std::string> issues;
            for (const Json &r : *criteria) {
                try {
                    if (r.is_null())
                        throw ValidationError{
                            "TypeError: Cannot read properties of null (reading 'condition')",
                            false};
                    const Json *cond = member(r, "condition");
                    if (js::truthy(cond) && !evaluateCondition(cond, scope))
                        continue;
                    ev.rule(r, issues);
                } catch (const ValidationError &e) {
                    if (e.isValidationError)
                        throw;
                    throw ValidationError{"Error evaluating validation rule: " + e.message};
                }
            }
            const bool valid = issues.empty();
            return resultJson(valid, std::move(issues), kReview);
        }
        if (Evaluator::isComposition(*criteria)) {
            const bool ok = ev.composition(*criteria, 0);
            return resultJson(ok,
                              ok ? std::vector<std::string>{}
                                 : std::vector<std::string>{"Validation composition failed"},
                              kReview);
        }
        throw ValidationError{"Invalid validation criteria format"};
    } catch (const ValidationError &e) {
        if (e.isValidationError)
            return Result<Json>::failure(e.message);
        return Result<Json>::failure("Error evaluating validation criteria: " + e.message);
    }
}

} // namespace wfs::engine
