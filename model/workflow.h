// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// A typed, read-only view of a WorkRail workflow document (workrail-compat.md §1).
//
// The Json document stays the source of truth (lossless: unknown keys, key order and number
// forms survive); the structs below are built from it once and every element carries the JSON
// pointer it came from, so diagnostics and editors can point back into the text.
//
//   Diagnostics ds;
//   Workflow wf = Workflow::fromJson(parsed.value, &ds);   // ds: shape problems, if any
//   for (const Step *s : wf.allSteps()) use(s->id, s->pointer);
//   if (const Step *s = wf.findStep("implement")) ...
//
// A Workflow is a value: copying it copies the document and the views (no internal pointers).
#pragma once

#include "condition.h"
#include "definitions.h"
#include "diagnostic.h"
#include "json.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace wfs {

struct ConfirmationRule
{
    std::string pointer; ///< of `requireConfirmation` ("" when absent)
    ConfirmationKind kind = ConfirmationKind::Never;
    std::optional<Condition> condition; ///< when kind == Conditional
};

struct ValidationRule
{
    std::string pointer;
    RuleType type = RuleType::Unknown;
    std::string typeName;               ///< `type` as written
    std::string message;                ///< shown when the rule fails
    std::optional<std::string> value;   ///< contains
    std::optional<std::string> pattern; ///< regex
    std::optional<std::string> flags;   ///< regex
    std::optional<double> min;          ///< length
    std::optional<double> max;          ///< length
    Json schema;                        ///< schema (null when absent)
    std::optional<Condition> condition; ///< the rule applies only when this holds
};

struct ValidationCriteria
{
    std::string pointer;
    CriteriaKind kind = CriteriaKind::Invalid;
    ValidationRule rule;                   ///< kind == Rule
    std::vector<ValidationCriteria> items; ///< List/And/Or members; Not: its one operand

    // Every rule in this tree, depth first.
    void collectRules(std::vector<const ValidationRule *> &out) const;
};

struct FunctionParameter
{
    std::string pointer;
    std::string name;
    ParameterType type = ParameterType::Unknown;
    std::string typeName; ///< as written
    bool required = false;
    std::string description;
    Json enumValues;   ///< the `enum` array, or null
    Json defaultValue; ///< `default`, or null
    bool hasDefault = false;
};

struct FunctionDefinition
{
    std::string pointer;
    std::string name;
    std::string definition;
    std::vector<FunctionParameter> parameters;
    FunctionScope scope = FunctionScope::Unspecified;
};

struct FunctionCall
{
    std::string pointer;
    std::string name;
    Json args = Json::object();
};

struct LoopConfig
{
    std::string pointer; ///< of `loop`
    LoopType type = LoopType::Unknown;
    std::string typeName;                ///< `type` as written
    std::optional<Condition> condition;  ///< while/until
    std::optional<double> countNumber;   ///< for: a literal count
    std::optional<std::string> countVar; ///< for: the context variable holding the count
    std::optional<std::string> items;    ///< forEach: the context variable holding the array
    std::optional<double> maxIterations; ///< required by the schema (1..1000)
    std::string iterationVar = "currentIteration"; ///< default applied
    std::string itemVar = "currentItem";           ///< default applied (forEach)
    std::string indexVar = "currentIndex";         ///< default applied (forEach)
    bool hasIterationVar = false;                  ///< written explicitly
    bool hasItemVar = false;
    bool hasIndexVar = false;
};

struct Step
{
    std::string pointer; ///< "/steps/3" or, inline, "/steps/2/body/0"
    StepKind kind = StepKind::Standard;
    std::string id;
    std::string title;
    std::string prompt; ///< standard steps
    std::optional<std::string> agentRole;
    std::vector<std::string> guidance;
    bool askForFiles = false;
    bool hasValidation = false;
    ConfirmationRule requireConfirmation;
    std::optional<Condition> runCondition;
    std::optional<ValidationCriteria> validationCriteria;
    std::vector<FunctionDefinition> functionDefinitions;
    std::vector<FunctionCall> functionCalls;
    std::vector<std::string> functionReferences;

    // Loop steps only.
    LoopConfig loop;
    LoopBodyKind bodyKind = LoopBodyKind::Missing;
    std::string bodyRef;         ///< LoopBodyKind::StepRef: the referenced step id
    std::vector<Step> bodySteps; ///< LoopBodyKind::Inline (never loops themselves expanded)

    // Placement.
    int topIndex = -1;  ///< index in Workflow::steps of this step or of its loop
    int bodyIndex = -1; ///< index in the loop's body array for inline steps, else -1
    bool isInline() const { return bodyIndex >= 0; }
    bool isLoop() const { return kind == StepKind::Loop; }

    const Json &json(const Json &document) const; ///< this step's object in `document`
};

struct Workflow
{
    Json document; ///< the whole file, as read (source of truth)

    std::string id;
    std::string name;
    std::string description;
    std::string version;
    std::vector<std::string> preconditions;
    std::vector<std::string> clarificationPrompts;
    std::vector<std::string> metaGuidance;
    std::vector<FunctionDefinition> functionDefinitions;
    std::vector<Step> steps; ///< top-level steps, in order

    // Builds the view. Shape problems that stop an element from being read (root not an
    // object, `steps` not an array or empty, a step that is not an object, a field of the
    // wrong type) go to *diagnostics (source "model", with pointers, no line:column). The
    // schema validator reports the same things in more detail; the model never fails.
    static Workflow fromJson(const Json &document, Diagnostics *diagnostics = nullptr);
    static Workflow fromJson(Json &&document, Diagnostics *diagnostics = nullptr);

    // First step with this id: top-level steps first, then inline body steps.
    const Step *findStep(std::string_view stepId) const;
    // The top-level standard step with this id (what a string loop body refers to).
    const Step *findTopLevelStep(std::string_view stepId) const;
    // The step whose pointer is `pointer` or an ancestor of it ("/steps/2/body/0/prompt" →
    // the inline step); nullptr outside steps.
    const Step *stepAt(std::string_view pointer) const;
    // Every step in document order: each top-level step followed by its inline body steps.
    std::vector<const Step *> allSteps() const;
    // The loop step whose body holds or references `step`, or nullptr.
    const Step *enclosingLoop(const Step &step) const;
    // Loop steps whose string body names `stepId`.
    std::vector<const Step *> loopsReferencing(std::string_view stepId) const;
};

} // namespace wfs
