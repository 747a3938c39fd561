// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JavaScript value semantics over wfs::Json, as WorkRail (Node) applies them to workflow data:
// String(v), truthiness, strict equality, typeof, UTF-16 lengths, Number#toString, and the
// context size estimate of workrail-compat.md §3.6. Pure functions, thread-safe.
#pragma once

#include "model/json.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace wfs::js {

// Number#toString / JSON.stringify for a finite double: 8.0 -> "8", 1e21 -> "1e+21".
std::string numberToString(double value);

// String(v) for a JSON value; `undefined` is passed as nullptr.
std::string toString(const Json *value);
inline std::string toString(const Json &value)
{
    return toString(&value);
}

// Boolean(v): false for undefined (nullptr), null, false, 0, "".
bool truthy(const Json *value);

// a === b: same JSON type and value; objects and arrays never compare equal (identity);
// undefined (nullptr) equals only undefined.
bool strictEquals(const Json *a, const Json *b);

// typeof v: "undefined", "object" (null, arrays, objects), "boolean", "number", "string".
const char *typeOf(const Json *value);

// Number(v) for operands of ordering comparisons (null -> 0, true -> 1, "3" -> 3, NaN when
// not convertible).
double toNumber(const Json &value);

// String.prototype.length of a UTF-8 string: UTF-16 code units.
std::size_t utf16Length(std::string_view utf8);

// String.prototype.trim().length > 0 with JavaScript's whitespace set.
bool hasNonWhitespace(std::string_view utf8);

// Splits a UTF-8 string into code points (JavaScript's [...str]).
std::vector<std::string> splitCodePoints(std::string_view utf8);

// WorkRail's context size estimate (§3.6): null/bool 4, number 8, string 2 x UTF-16 length,
// array 4 + sum, object 4 + sum(2 x key length + size(value)).
double contextSize(const Json &value);

} // namespace wfs::js
