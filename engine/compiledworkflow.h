// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A workflow compiled once per repository snapshot: step index by id, loop bodies, the
// structural check result of workrail-compat.md §1.8, compiled validation regexes and schemas.
// Immutable after compile(); shared between threads through shared_ptr<const ...>.
#pragma once

#include "model/json.h"
#include "model/jsonschema/validator.h"

#include <QRegularExpression>

#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace wfs::engine {

enum class LoopType {
    While,  ///< pass runs while `condition` is true
    Until,  ///< pass runs until `condition` is true
    For,    ///< `count` passes (number or context variable)
    ForEach ///< one pass per element of the `items` array
};

// One step of workflow.steps (top level) or of an inline loop body.
struct StepInfo
{
    const Json *json = nullptr; ///< the raw step object (points into CompiledWorkflow::document)
    std::string id;             ///< "" when the step has no string id
    int topIndex = -1;          ///< index in workflow.steps; -1 for inline body steps
    int loopIndex = -1;         ///< loop (index into loops) owning an inline step; -1 otherwise
    const Json *runCondition = nullptr;
    const Json *validationCriteria = nullptr;
};

struct LoopInfo
{
    int topIndex = -1;          ///< position in workflow.steps
    const Json *json = nullptr; ///< the loop step object
    std::string id;
    LoopType type = LoopType::For;
    std::string typeName; ///< "for", "forEach", ... as written
    const Json *condition = nullptr;
    const Json *count = nullptr;
    std::string itemsVar; ///< forEach: context variable with the array
    double maxIterations = 0;
    std::string iterationVar = "currentIteration";
    std::string itemVar = "currentItem";
    std::string indexVar = "currentIndex";
    std::vector<int> body;   ///< indices into CompiledWorkflow::steps, in body order
    bool stringBody = false; ///< body names a top-level step
};

// A compiled `regex` validation rule (ECMAScript pattern translated to PCRE2).
struct CompiledRegex
{
    QRegularExpression re; ///< wrapped: (*LIMIT_MATCH=..)(?:P)|\z(?<wfsNoMatch>)
    bool valid = false;
    bool sticky = false; ///< `y` flag: match only at offset 0
};

// A compiled `schema` validation rule.
struct CompiledSchema
{
    std::optional<schema::Validator> validator; ///< empty when the schema does not compile
    std::string error;                          ///< compile error text
};

class CompiledWorkflow
{
public:
    // Compiles `document` (a workflow object). Never fails: problems become structuralError.
    static std::shared_ptr<const CompiledWorkflow> compile(Json document);

    const Json &document() const { return m_document; }
    const std::string &id() const { return m_id; }

    // "" when §1.8 passes, else "Invalid workflow structure: a; b".
    const std::string &structuralError() const { return m_structuralError; }
    const std::vector<std::string> &structuralIssues() const { return m_structuralIssues; }

    const std::vector<StepInfo> &steps() const { return m_steps; } ///< top-level then inline
    int topLevelCount() const { return m_topLevelCount; }
    const std::vector<LoopInfo> &loops() const { return m_loops; }

    // Index into steps() of the top-level step `id`; -1 when absent (first one wins).
    int topLevelStep(std::string_view id) const;
    // Index into steps() of an inline body step `id`; -1 when absent.
    int inlineStep(std::string_view id) const;
    // Index into loops() of the loop whose top-level step is steps()[stepIndex]; -1 otherwise.
    int loopAt(int stepIndex) const;
    int loopById(std::string_view id) const;
    // True when `id` is a string body or an inline step id of some loop (WorkRail's bodyIds).
    bool isBodyId(std::string_view id) const;

    // Validation rules compiled at load: keyed by the rule object's address.
    const CompiledRegex *regexFor(const Json *rule) const;
    const CompiledSchema *schemaFor(const Json *rule) const;

private:
    void index();
    void checkStructure();
    void compileRules(const Json &criteria, int depth);

    Json m_document;
    std::string m_id;
    std::string m_structuralError;
    std::vector<std::string> m_structuralIssues;
    std::vector<StepInfo> m_steps;
    int m_topLevelCount = 0;
    std::vector<LoopInfo> m_loops;
    std::vector<int> m_loopOfStep; ///< per top-level step: loop index or -1
    std::unordered_map<std::string, int> m_topById;
    std::unordered_map<std::string, int> m_inlineById;
    std::unordered_map<std::string, int> m_loopById;
    std::unordered_map<std::string, bool> m_bodyIds;
    std::unordered_map<const Json *, CompiledRegex> m_regexes;
    std::unordered_map<const Json *, CompiledSchema> m_schemas;
};

// Translates an ECMAScript pattern + flags into a bounded QRegularExpression. `error` gets
// a reason when the flags or the pattern are invalid.
CompiledRegex compileEcmaRegex(const std::string &pattern, const std::string &flags);

// RegExp#test with the backtracking bound. nullopt when the bound was hit.
std::optional<bool> testRegex(const CompiledRegex &regex, const QString &subject);

} // namespace wfs::engine
