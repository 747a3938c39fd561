// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Semantic checks: what a schema cannot say about a workflow but WorkRail (or the agent running
// it) trips over. Pure functions over the typed model; each finding is a Diagnostic with the
// pointer of the offending value, a severity and a message that says what to change
// (source "semantic"; line:column are filled later from the text, see workflowcheck.h).
//
// Errors — the workflow cannot work as written:
//   - duplicate step ids (top level, inside a loop body, or across the two): reported on every
//     step with the id except the original (see checkStepIds);
//   - a string loop body naming no step, a loop step, or the loop itself; a step used as a
//     string body that has its own runCondition (WorkRail refuses it); a loop inside a body;
//   - a `for` count of 0 or less; maxIterations outside 1..1000;
//   - conditions with no operator, unknown keys, or operands of the wrong type;
//   - regex rules whose pattern does not compile as an ECMAScript regex (WorkRail's
//     workflow_validate fails on every call for that step) or whose flags are not among
//     "dgimsuy" (or repeat); rules missing what their type needs (contains without
//     value, regex without pattern, schema without a usable schema); length with min > max;
//   - function calls naming an unknown function, missing a required parameter, or passing a
//     value of the wrong type / outside the enum (WorkRail's own structural checks, §1.8).
// Warnings — legal, but probably not what the author meant:
//   - a regex pattern that JavaScript rejects only for its leading PCRE inline flags ("(?i)…",
//     shipped in WorkRail's own workflows): the rest compiles once the letters move to "flags";
//   - a `for` count variable or `forEach` items variable that nothing in the workflow mentions
//     (see checkLoopVariables below for the heuristic);
//   - keys WorkRail ignores in a condition (a second operator next to `var`; `and` next to
//     `var`), `equals` against an object/array (never true);
//   - a step whose runCondition can never be true (contradictory `and`, empty `or`);
//   - `itemVar`/`indexVar` on a loop that is not forEach; a non-integer maxIterations or count;
//   - a functionReference naming no visible function definition that metaGuidance does not
//     describe either (WorkRail's own workflows define helpers informally there).
#pragma once

#include "diagnostic.h"
#include "workflow.h"
#include "workflowcheck.h"

namespace wfs {

// Every check below, in this order (checkWorkflowDocument sorts by position).
Diagnostics checkSemantics(const Workflow &workflow, const CheckOptions &options = {});

// The individual checks (each appends to `out`).
// Steps sharing an id: the original keeps it and every other one gets the error (pointer of
// its "id"). The original is the first of them in document order (loop bodies after their
// loop), except when that is `editedStep` (the step whose id the user changed last, see
// CheckOptions): then the next one is, so the error lands on the step that was edited.
void checkStepIds(const Workflow &workflow, Diagnostics &out, const std::string &editedStep = {});
void checkLoops(const Workflow &workflow, Diagnostics &out);
// A `for` count variable or `forEach` items variable is "possibly set" when its name occurs as
// a whole identifier anywhere an agent or the engine could see it or set it: any standard
// step's title, prompt, agentRole or guidance, a validation rule's message or value, the
// workflow's description, preconditions, clarificationPrompts or metaGuidance, a function
// definition or call, any condition's `var`, or another loop's iterationVar/itemVar/indexVar.
// The loop's own `loop` object and title do not count (the agent never sees a loop step).
void checkLoopVariables(const Workflow &workflow, Diagnostics &out);
void checkConditions(const Workflow &workflow, Diagnostics &out);
void checkValidationRules(const Workflow &workflow, Diagnostics &out);
void checkFunctions(const Workflow &workflow, Diagnostics &out);

// Why `condition` can never be true ("" when it can, as far as the analysis sees): an `and`
// whose members fix one variable to two different values, to a value and not to it, to an
// empty numeric range, to a non-number and a range, or to a falsy value and truthy; an `or`
// whose members can all never be true; `or: []`; `equals` an object/array.
std::string contradiction(const Condition &condition);

} // namespace wfs
