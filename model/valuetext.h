// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON values as people type them: the one parse rule and the one display rule behind every
// value field of the studio (condition operands, validation rule fields, the stepper's context
// table), so that `Large` means the same thing everywhere.
//
// Parse rule (ValueType::Auto), on the text with surrounding blanks removed:
//   - empty                      -> "" (the empty string)
//   - valid JSON                 -> that value: 3, -1.5e3, true, false, null, "quoted text",
//                                   [1, 2], {"a": 1}
//   - starts with {, [ or "      -> an error with line:column (meant as JSON, but broken)
//   - anything else (a bare word) -> that text as a string: Large -> "Large", 1.2.3 -> "1.2.3"
// A type the user picked overrides the detection: String takes the text verbatim ("true" the
// string, "123" the string); Number, Boolean, Null and Structured accept only their kind.
//
// Display rule: displayValue() gives the text to put into the field and the type to show next
// to it; parseValueText(text, type) reads it back as the same value. A string is shown bare
// (no quotes) with type String; when its bare text would read back as something else (true,
// 42, {x, or text with surrounding blanks) the String type is `pinned` (the user picked it, in
// effect), so that it stays a string. valueLabel() is the read-only form: JSON notation, so a
// string is quoted ("Low") and never looks like a boolean (true).
#pragma once

#include "json.h"
#include "result.h"

#include <string>
#include <string_view>

namespace wfs {

enum class ValueType {
    Auto,       ///< detected from the text (parse rule above)
    String,     ///< text
    Number,     ///< JSON number
    Boolean,    ///< true / false
    Null,       ///< null
    Structured, ///< a JSON object or array
};

// The type of a value (never Auto).
ValueType valueTypeOf(const Json &value);
// "text", "number", "boolean", "null", "JSON" ("auto" for Auto); untranslated, for messages.
const char *valueTypeName(ValueType type);

// The value a person meant by `text` typed as `type` (Auto = detect), or an error that says
// what is wrong ("1:7: ..." for broken JSON, "'ten' is not a number", ...).
Result<Json> parseValueText(std::string_view text, ValueType type = ValueType::Auto);

struct ValueDisplay
{
    std::string text; ///< what the field shows (strings without quotes)
    ValueType type;   ///< the value's type (never Auto)
    bool pinned;      ///< the type must be kept: Auto detection of `text` would differ

    bool operator==(const ValueDisplay &) const = default;
};
ValueDisplay displayValue(const Json &value);

// One-line JSON notation: strings quoted, everything else as compact JSON.
std::string valueLabel(const Json &value);

} // namespace wfs
