// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "semanticfixtures.h"

namespace wfs::test {

std::string semanticCaseText(const SemanticCase &c)
{
    return R"({"id": "test-wf", "name": "T", "description": "D", "version": "1.0.0", )" + c.header +
           R"("steps": [)" + "\n" + c.steps + "\n]}\n";
}

std::vector<SemanticCase> semanticCases()
{
    return {
        // ---- step ids
        {"unique ids (negative)",
         "",
         R"(  {"id": "one", "title": "T", "prompt": "P"},
  {"id": "two", "type": "loop", "title": "L", "loop": {"type": "for", "count": 2, "maxIterations": 5},
   "body": [{"id": "three", "title": "T", "prompt": "P"}]})",
         {}},
        {"duplicate top-level id",
         "",
         R"(  {"id": "one", "title": "T", "prompt": "P"},
  {"id": "one", "title": "T2", "prompt": "P2"})",
         {"t.json:3:10: error: duplicate step id 'one'; the first is at /steps/0. Step ids must be "
          "unique: completedSteps names steps by id [/steps/1/id]"}},
        {"duplicate id inside one loop body",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 2, "maxIterations": 5},
   "body": [{"id": "a-1", "title": "T", "prompt": "P"},
            {"id": "a-1", "title": "T", "prompt": "P"}]})",
         {"t.json:4:20: error: duplicate step id 'a-1' in the same loop body; the first is at "
          "/steps/0/body/0. Step ids must be unique: completedSteps names steps by id "
          "[/steps/0/body/1/id]"}},
        {"duplicate id across top level and loop body",
         "",
         R"(  {"id": "same", "title": "T", "prompt": "P"},
  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 2, "maxIterations": 5},
   "body": [{"id": "same", "title": "T", "prompt": "P"}]})",
         {"t.json:4:20: error: duplicate step id 'same' (the first is a top-level step); the first "
          "is at /steps/0. Step ids must be unique: completedSteps names steps by id "
          "[/steps/1/body/0/id]"}},

        // ---- loops
        {"string body naming a standard step (negative)",
         "",
         R"(  {"id": "body", "title": "T", "prompt": "P"},
  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "while", "condition": {"var": "go"}, "maxIterations": 5}, "body": "body"})",
         {}},
        {"string body naming an unknown step",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "until", "condition": {"var": "done"}, "maxIterations": 5}, "body": "nope"})",
         {"t.json:2:133: error: loop body 'nope' names no top-level step; WorkRail: \"Loop body "
          "references non-existent step 'nope'\" [/steps/0/body]"}},
        {"string body naming itself",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "until", "condition": {"var": "done"}, "maxIterations": 5}, "body": "loop"})",
         {"t.json:2:133: error: the loop step 'loop' names itself as its body; name a standard "
          "step [/steps/0/body]"}},
        {"string body naming a loop",
         "",
         R"(  {"id": "inner", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1, "maxIterations": 5}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]},
  {"id": "outer", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1, "maxIterations": 5}, "body": "inner"})",
         {"t.json:3:114: error: loop body 'inner' is itself a loop; nested loops are not supported "
          "[/steps/1/body]"}},
        {"string body naming an inline step",
         "",
         R"(  {"id": "first", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1, "maxIterations": 5}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]},
  {"id": "second", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1, "maxIterations": 5}, "body": "x-1"})",
         {"t.json:3:115: error: loop body 'x-1' names no top-level step (a step with that id is "
          "inline in another loop's body); WorkRail: \"Loop body references non-existent step "
          "'x-1'\" [/steps/1/body]"}},
        {"body step with its own runCondition",
         "",
         R"(  {"id": "body", "title": "T", "prompt": "P", "runCondition": {"var": "x"}},
  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 2, "maxIterations": 5}, "body": "body"})",
         {"t.json:2:63: error: step 'body' is the body of loop step 'loop' and has a runCondition; "
          "WorkRail refuses this (\"is a loop body but has runCondition\"): move the condition to "
          "the loop [/steps/0/runCondition]"}},
        {"nested inline loop",
         "",
         R"(  {"id": "outer", "type": "loop", "title": "L", "loop": {"type": "for", "count": 2, "maxIterations": 5},
   "body": [{"id": "inner", "type": "loop", "title": "L", "loop": {"type": "for", "count": 2, "maxIterations": 5}, "body": "x"}]})",
         {"t.json:3:13: error: a loop inside the body of loop step 'outer'; nested loops are not "
          "supported [/steps/0/body/0]"}},
        {"maxIterations in range (negative)",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1000, "maxIterations": 1000}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]},
  {"id": "loop-2", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1, "maxIterations": 1}, "body": [{"id": "x-2", "title": "T", "prompt": "P"}]})",
         {}},
        {"maxIterations 0 and 1001",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1, "maxIterations": 0}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]},
  {"id": "loop-2", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1, "maxIterations": 1001}, "body": [{"id": "x-2", "title": "T", "prompt": "P"}]})",
         {"t.json:2:101: error: maxIterations 0 of loop step 'loop' is outside 1..1000; WorkRail "
          "refuses such loops [/steps/0/loop/maxIterations]",
          "t.json:3:103: error: maxIterations 1001 of loop step 'loop-2' is outside 1..1000; "
          "WorkRail refuses such loops [/steps/1/loop/maxIterations]"}},
        {"maxIterations not whole, count beyond it",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 9, "maxIterations": 2.5}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]})",
         {"t.json:2:81: warning: count 9 exceeds maxIterations 2.5: the loop stops after 2.5 "
          "passes [/steps/0/loop/count]",
          "t.json:2:101: warning: maxIterations 2.5 is not a whole number; use 2 "
          "[/steps/0/loop/maxIterations]"}},
        {"for count 0",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 0, "maxIterations": 5}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]})",
         {"t.json:2:81: error: the for loop step 'loop' has count 0; WorkRail requires a positive "
          "count (\"for loop count must be a positive number or context variable name\") "
          "[/steps/0/loop/count]"}},
        {"itemVar on a for loop",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 2, "maxIterations": 5, "itemVar": "it", "indexVar": "ix"}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]})",
         {"t.json:2:115: warning: itemVar is used only by forEach loops; this is a for loop "
          "[/steps/0/loop/itemVar]",
          "t.json:2:133: warning: indexVar is used only by forEach loops; this is a for loop "
          "[/steps/0/loop/indexVar]"}},

        // ---- loop variables
        {"count and items variables mentioned (negative)",
         R"("metaGuidance": ["Keep fileList short."], )",
         R"(  {"id": "plan", "title": "Plan", "prompt": "Set passes to the number of rounds."},
  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": "passes", "maxIterations": 5}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]},
  {"id": "each", "type": "loop", "title": "L", "loop": {"type": "forEach", "items": "fileList", "maxIterations": 5}, "body": [{"id": "x-2", "title": "T", "prompt": "P"}]},
  {"id": "gate", "title": "G", "prompt": "P", "runCondition": {"var": "things", "not_equals": null}},
  {"id": "each-2", "type": "loop", "title": "L", "loop": {"type": "forEach", "items": "things", "maxIterations": 5}, "body": [{"id": "x-3", "title": "T", "prompt": "P"}]})",
         {}},
        {"count and items variables nobody sets",
         "",
         R"(  {"id": "plan", "title": "Plan", "prompt": "Set passesMax and myfileList."},
  {"id": "loop", "type": "loop", "title": "passes", "loop": {"type": "for", "count": "passes", "maxIterations": 5}, "body": [{"id": "x-1", "title": "T", "prompt": "P"}]},
  {"id": "each", "type": "loop", "title": "L", "loop": {"type": "forEach", "items": "fileList", "maxIterations": 5}, "body": [{"id": "x-2", "title": "T", "prompt": "P"}]})",
         {"t.json:3:86: warning: nothing in the workflow sets or mentions 'passes', the count "
          "variable of loop step 'loop': ask for it in a step's prompt (e.g. \"set passes in the "
          "context\") or the loop will be skipped [/steps/1/loop/count]",
          "t.json:4:85: warning: nothing in the workflow sets or mentions 'fileList', the items "
          "variable of loop step 'each': ask for it in a step's prompt (e.g. \"set fileList in the "
          "context\") or the loop will be skipped [/steps/2/loop/items]"}},

        // ---- conditions
        {"every operator (negative)",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"or": [{"var": "a", "equals": 1}, {"var": "b", "not_equals": "x"}, {"var": "c", "gt": 1}, {"var": "c", "gte": 1}, {"var": "c", "lt": 1}, {"var": "c", "lte": 1}, {"not": {"var": "d"}}, {"and": [{"var": "e"}, {"var": "f", "equals": true}]}]}})",
         {}},
        {"condition without operator",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"equals": 1}},
  {"id": "s-2", "title": "T", "prompt": "P", "runCondition": {"and": [{}]}})",
         {"t.json:2:62: error: condition has no operator: it needs 'var', 'and', 'or' or 'not'; "
          "WorkRail then treats the whole condition as false [/steps/0/runCondition]",
          "t.json:2:73: warning: 'equals' is ignored without a 'var' next to it; add \"var\": "
          "\"<name>\" [/steps/0/runCondition/equals]",
          "t.json:3:71: error: an empty condition inside and/or/not has no operator; WorkRail then "
          "treats the whole condition as false [/steps/1/runCondition/and/0]"}},
        {"unknown condition key",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"var": "x", "eq": 1}})",
         {"t.json:2:81: error: unknown condition key 'eq'; a condition uses 'var' with one of "
          "equals, not_equals, gt, gte, lt, lte, or 'and', 'or', 'not' "
          "[/steps/0/runCondition/eq]"}},
        {"ignored second operator and wrong operand types",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"var": "x", "equals": 1, "gt": 0}},
  {"id": "s-2", "title": "T", "prompt": "P", "runCondition": {"var": "x", "gt": "3"}},
  {"id": "s-3", "title": "T", "prompt": "P", "runCondition": {"var": 3}})",
         {"t.json:2:94: warning: 'gt' is ignored: WorkRail evaluates only 'equals' in this "
          "condition object; split it with 'and' [/steps/0/runCondition/gt]",
          "t.json:3:62: error: 'gt' must be a number [/steps/1/runCondition]",
          "t.json:4:62: error: 'var' must be a string (the name of a context variable); WorkRail "
          "then treats the whole condition as false [/steps/2/runCondition]"}},
        {"conditions in loop, rule and confirmation are checked too",
         "",
         R"(  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "while", "condition": {"bogus": 1}, "maxIterations": 5}, "body": [
     {"id": "x-1", "title": "T", "prompt": "P", "requireConfirmation": {"or": "x"},
      "validationCriteria": [{"type": "contains", "value": "a", "message": "m", "condition": {"var": "k", "lt": 1, "gt": 2}}]}]})",
         {"t.json:2:87: error: condition has no operator: it needs 'var', 'and', 'or' or 'not'; "
          "WorkRail then treats the whole condition as false [/steps/0/loop/condition]",
          "t.json:2:97: error: unknown condition key 'bogus'; a condition uses 'var' with one of "
          "equals, not_equals, gt, gte, lt, lte, or 'and', 'or', 'not' "
          "[/steps/0/loop/condition/bogus]",
          "t.json:3:72: error: 'or' must be an array of conditions; WorkRail then treats the whole "
          "condition as false [/steps/0/body/0/requireConfirmation]",
          "t.json:4:113: warning: 'lt' is ignored: WorkRail evaluates only 'gt' in this condition "
          "object; split it with 'and' [/steps/0/body/0/validationCriteria/0/condition/lt]"}},
        {"equals with an object",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"var": "x", "equals": {"a": 1}}})",
         {"t.json:2:85: warning: 'equals' with an object or array is never true (JavaScript "
          "compares identity) [/steps/0/runCondition/equals]"}},

        // ---- contradictory run conditions
        {"satisfiable and (negative)",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"and": [{"var": "x", "gte": 1}, {"var": "x", "lte": 1}, {"var": "x", "equals": 1}, {"var": "y", "not_equals": 2}, {"var": "y", "equals": 3}]}})",
         {}},
        {"equals two values",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"and": [{"var": "mode", "equals": "fast"}, {"var": "mode", "equals": "slow"}]}})",
         {"t.json:2:62: warning: step 's-1' can never run: its runCondition is contradictory "
          "('mode' cannot equal both \"fast\" and \"slow\") [/steps/0/runCondition]"}},
        {"equals and not_equals the same value",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"and": [{"var": "n", "not_equals": 2}, {"and": [{"var": "n", "equals": 2}]}]}})",
         {"t.json:2:62: warning: step 's-1' can never run: its runCondition is contradictory ('n' "
          "cannot both equal and not equal 2) [/steps/0/runCondition]"}},
        {"empty numeric range",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"and": [{"var": "n", "gt": 5}, {"var": "n", "lte": 5}]}})",
         {"t.json:2:62: warning: step 's-1' can never run: its runCondition is contradictory (no "
          "number is both gt 5 and lte 5 ('n')) [/steps/0/runCondition]"}},
        {"string equals and numeric comparison; empty or",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "runCondition": {"and": [{"var": "n", "equals": "5"}, {"var": "n", "gt": 1}]}},
  {"id": "s-2", "title": "T", "prompt": "P", "runCondition": {"or": []}})",
         {"t.json:2:62: warning: step 's-1' can never run: its runCondition is contradictory ('n' "
          "cannot equal \"5\" and be compared as a number) [/steps/0/runCondition]",
          "t.json:3:62: warning: step 's-2' can never run: its runCondition is contradictory ('or: "
          "[]' is always false) [/steps/1/runCondition]"}},

        // ---- validation rules
        {"good rules (negative)",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "validationCriteria": {"and": [
     {"type": "regex", "pattern": "^(?<word>\\w+)\\s*$", "flags": "imsu", "message": "m"},
     {"or": [{"type": "length", "min": 1, "max": 10, "message": "m"}, {"not": {"type": "contains", "value": "x", "message": "m"}}]},
     {"type": "schema", "schema": {"type": "object", "required": ["a"]}, "message": "m"}]}})",
         {}},
        {"regex that does not compile",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "validationCriteria": [{"type": "regex", "pattern": "a(b", "message": "m"},
     {"type": "regex", "pattern": "(?i)abc", "message": "m"}]})",
         {"t.json:2:98: error: the pattern does not compile as an ECMAScript regular expression "
          "(missing closing parenthesis at offset 3); WorkRail's workflow_validate fails on this "
          "step with \"Invalid regex pattern in validationCriteria\" "
          "[/steps/0/validationCriteria/0/pattern]",
          "t.json:3:35: warning: the pattern does not compile as an ECMAScript regular expression "
          "(invalid group at offset 1); JavaScript has no inline flags: remove '(?i)' and add "
          "\"flags\": \"i\"; WorkRail's workflow_validate fails on this step with \"Invalid regex "
          "pattern in validationCriteria\" [/steps/0/validationCriteria/1/pattern]"}},
        // Inline flags are a warning only when removing them leaves a valid pattern; the fix
        // merges the letters into the given flags. Anything else that does not compile is an
        // error: "(?x)" has no JavaScript flag, "(?i)a(b" stays broken, "(?<" is not flags.
        {"inline flags: warning only when that is the only defect",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "validationCriteria": [{"type": "regex", "pattern": "(?im)^a$", "flags": "g", "message": "m"},
     {"type": "regex", "pattern": "(?x)a b", "message": "m"},
     {"type": "regex", "pattern": "(?i)a(b", "message": "m"},
     {"type": "regex", "pattern": "(?<x", "message": "m"}]})",
         {"t.json:2:98: warning: the pattern does not compile as an ECMAScript regular expression "
          "(invalid group at offset 1); JavaScript has no inline flags: remove '(?im)' and set "
          "\"flags\": \"gim\"; WorkRail's workflow_validate fails on this step with \"Invalid "
          "regex pattern in validationCriteria\" [/steps/0/validationCriteria/0/pattern]",
          "t.json:3:35: error: the pattern does not compile as an ECMAScript regular expression "
          "(invalid group at offset 1); WorkRail's workflow_validate fails on this step with "
          "\"Invalid regex pattern in validationCriteria\" [/steps/0/validationCriteria/1/pattern]",
          "t.json:4:35: error: the pattern does not compile as an ECMAScript regular expression "
          "(invalid group at offset 1); WorkRail's workflow_validate fails on this step with "
          "\"Invalid regex pattern in validationCriteria\" [/steps/0/validationCriteria/2/pattern]",
          "t.json:5:35: error: the pattern does not compile as an ECMAScript regular expression "
          "(invalid group name at offset 1); WorkRail's workflow_validate fails on this step "
          "with \"Invalid regex pattern in validationCriteria\" "
          "[/steps/0/validationCriteria/3/pattern]"}},
        {"bad regex flags",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "validationCriteria": [{"type": "regex", "pattern": "a", "flags": "gx", "message": "m"},
     {"type": "regex", "pattern": "a", "flags": "ii", "message": "m"}]})",
         {"t.json:2:112: error: invalid regex flags 'gx': invalid regex flag 'x' (allowed: d, g, "
          "i, m, s, u, y, once each) [/steps/0/validationCriteria/0/flags]",
          "t.json:3:49: error: invalid regex flags 'ii': repeated regex flag 'i' (allowed: d, g, "
          "i, m, s, u, y, once each) [/steps/0/validationCriteria/1/flags]"}},
        {"rules missing what they need",
         "",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "validationCriteria": [{"type": "contains", "message": "m"},
     {"type": "regex", "message": "m"}, {"type": "schema", "message": "m"},
     {"type": "length", "message": "m"}, {"type": "length", "min": 5, "max": 2, "message": "m"},
     {"type": "schema", "schema": {"type": 12}, "message": "m"}]})",
         {"t.json:2:69: error: a contains rule needs a 'value' (the text the output must contain) "
          "[/steps/0/validationCriteria/0]",
          "t.json:3:6: error: a regex rule needs a 'pattern' (an ECMAScript regular expression) "
          "[/steps/0/validationCriteria/1]",
          "t.json:3:41: error: a schema rule needs a 'schema' object (the JSON Schema the output "
          "must satisfy) [/steps/0/validationCriteria/2]",
          "t.json:4:6: warning: a length rule without 'min' or 'max' accepts every output "
          "[/steps/0/validationCriteria/3]",
          "t.json:4:42: error: this length rule can never pass: min 5 is greater than max 2 "
          "[/steps/0/validationCriteria/4]",
          "t.json:5:35: error: the rule's JSON Schema is unusable: invalid schema at #/type: "
          "unknown type 12 [/steps/0/validationCriteria/5/schema]"}},

        // ---- functions
        {"function calls that match (negative)",
         R"("functionDefinitions": [{"name": "report", "definition": "d", "parameters": [{"name": "level", "type": "string", "required": true, "enum": ["low", "high"]}, {"name": "n", "type": "number"}]}], "metaGuidance": ["helper() = informal helper"], )",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "functionCalls": [{"name": "report", "args": {"level": "low", "n": 2, "extra": true}}], "functionReferences": ["report(\u0029", "helper(\u0029"]},
  {"id": "loop", "type": "loop", "title": "L", "loop": {"type": "for", "count": 1, "maxIterations": 2}, "functionDefinitions": [{"name": "inLoop", "definition": "d"}],
   "body": [{"id": "x-1", "title": "T", "prompt": "P", "functionCalls": [{"name": "inLoop", "args": {}}]}]})",
         {}},
        {"function call problems",
         R"("functionDefinitions": [{"name": "report", "definition": "d", "parameters": [{"name": "level", "type": "string", "required": true, "enum": ["low", "high"]}, {"name": "n", "type": "number"}, {"name": "o", "type": "object"}]}], )",
         R"(  {"id": "s-1", "title": "T", "prompt": "P", "functionCalls": [{"name": "nope", "args": {}}, {"name": "report", "args": {"n": "2", "o": []}}, {"name": "report", "args": {"level": "mid"}}], "functionReferences": ["ghost(\u0029"]},
  {"id": "s-2", "title": "T", "prompt": "P", "functionCalls": [{"name": "inLoop", "args": {}}]})",
         {"t.json:2:73: error: Step 's-1': Unknown function 'nope' in functionCalls; define it in "
          "functionDefinitions (workflow, loop or step) [/steps/0/functionCalls/0/name]",
          "t.json:2:121: error: Step 's-1': Missing required parameter 'level' for function "
          "'report' [/steps/0/functionCalls/1/args]",
          "t.json:2:127: error: Step 's-1': Invalid type for 'report.n': expected number "
          "[/steps/0/functionCalls/1/args/n]",
          "t.json:2:137: error: Step 's-1': Invalid type for 'report.o': expected object "
          "[/steps/0/functionCalls/1/args/o]",
          "t.json:2:180: error: Step 's-1': Invalid value for 'report.level': must be one of low, "
          "high [/steps/0/functionCalls/2/args/level]",
          "t.json:2:213: warning: functionReference 'ghost()' names no function definition visible "
          "to this step and is not described in metaGuidance [/steps/0/functionReferences/0]",
          "t.json:3:73: error: Step 's-2': Unknown function 'inLoop' in functionCalls; define it "
          "in functionDefinitions (workflow, loop or step) [/steps/1/functionCalls/0/name]"}},
    };
}

std::string richWorkflowText()
{
    return R"({
  "id": "rich-wf",
  "name": "Rich",
  "description": "Uses everything",
  "version": "1.2.3",
  "preconditions": ["repo cloned"],
  "clarificationPrompts": ["Which branch?"],
  "metaGuidance": ["Be brief."],
  "functionDefinitions": [
    {"name": "note", "definition": "Write a note", "scope": "workflow",
     "parameters": [{"name": "text", "type": "string", "required": true, "description": "what",
                     "enum": ["a", "b"], "default": "a"}]}
  ],
  "steps": [
    {"id": "start", "title": "Start", "prompt": "Begin", "agentRole": "You are a careful engineer.",
     "guidance": ["one", "two"], "askForFiles": true, "hasValidation": true,
     "requireConfirmation": {"var": "mode", "equals": "strict"},
     "runCondition": {"and": [{"var": "a", "gt": 1}, {"not": {"var": "b"}}]},
     "validationCriteria": {"or": [{"type": "contains", "value": "ok", "message": "say ok"},
                                   {"type": "regex", "pattern": "^x", "flags": "i", "message": "m",
                                    "condition": {"var": "c"}}]},
     "functionCalls": [{"name": "note", "args": {"text": "a"}}],
     "functionReferences": ["note(\u0029"]},
    {"id": "body-step", "title": "Body", "prompt": "Do one", "requireConfirmation": true},
    {"id": "retry", "type": "loop", "title": "Retry", "body": "body-step",
     "loop": {"type": "for", "count": "attempts", "maxIterations": 3, "iterationVar": "attempt"}},
    {"id": "each", "type": "loop", "title": "Each", "runCondition": {"var": "files"},
     "functionDefinitions": [{"name": "inLoop", "definition": "d", "scope": "loop"}],
     "loop": {"type": "forEach", "items": "files", "maxIterations": 50, "itemVar": "file",
              "indexVar": "i"},
     "body": [{"id": "look", "title": "Look", "prompt": "Look at {{file}}",
               "validationCriteria": [{"type": "length", "min": 1, "max": 99, "message": "m"},
                                      {"type": "schema", "schema": {"type": "object"}, "message": "m"}]},
              {"id": "fix", "title": "Fix", "prompt": "Fix it"}]},
    {"id": "poll", "type": "loop", "title": "Poll", "body": [{"id": "check", "title": "C", "prompt": "P"}],
     "loop": {"type": "until", "condition": {"var": "done", "equals": true}, "maxIterations": 10}},
    {"id": "spin", "type": "loop", "title": "Spin", "body": [{"id": "wait", "title": "W", "prompt": "P"}],
     "loop": {"type": "while", "condition": {"or": [{"var": "x", "lt": 3}, {"var": "y", "lte": 2},
              {"var": "z", "gte": 1}, {"var": "w", "not_equals": "stop"}]}, "maxIterations": 4}},
    {"id": "fixed", "type": "loop", "title": "Fixed", "body": [{"id": "tick", "title": "T", "prompt": "P"}],
     "loop": {"type": "for", "count": 2, "maxIterations": 2}}
  ]
}
)";
}

} // namespace wfs::test
