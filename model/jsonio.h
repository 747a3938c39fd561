// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Reading and writing JSON text without losing anything, and finding where a value stands in
// its source text (line:column for a JSON pointer), for diagnostics.
//
// The parser is our own (iterative, never recursive): it validates UTF-8, reports every error
// with line:column and the JSON pointer of the enclosing value, refuses nesting deeper than
// kMaxJsonDepth and reports duplicate keys. Duplicate keys behave like JavaScript's JSON.parse
// (the last value wins, at the position of the first key) and are reported as an error
// diagnostic while `ok` stays true.
#pragma once

#include "diagnostic.h"
#include "json.h"
#include "result.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace wfs {

// Files larger than this are refused before parsing (documented in the README).
inline constexpr std::size_t kMaxJsonFileBytes = 16u * 1024u * 1024u;
// Arrays/objects nested deeper than this are refused (no recursion can blow the stack).
inline constexpr int kMaxJsonDepth = 512;

struct TextPos
{
    int line = 0;   ///< 1-based; 0 = unknown
    int column = 0; ///< 1-based, in Unicode code points; 0 = unknown

    bool operator==(const TextPos &) const = default;
};

struct ParsedJson
{
    bool ok = false;         ///< value holds the document (diagnostics may still hold errors)
    Json value;              ///< the document (null when !ok)
    Diagnostics diagnostics; ///< parse errors (then !ok) and errors that keep a usable value
                             ///< (duplicate keys: ok stays true; check hasErrors())
};

// Parses `text` (UTF-8; a leading BOM is accepted) into an ordered Json. Errors carry `file`,
// line:column and the pointer of the enclosing value. Never throws.
ParsedJson parseJson(std::string_view text, const std::string &file = {});

// Reads a whole file, refusing files over `maxBytes` (without reading them), directories and
// anything that is not a regular file. The error text names the file.
Result<std::string> readTextFile(const std::string &path, std::size_t maxBytes = kMaxJsonFileBytes);

// readTextFile + parseJson; read failures become an error diagnostic (source "io").
ParsedJson loadJsonFile(const std::string &path, std::string *sourceOut = nullptr);

// Line and column of the byte `offset` in `text` (a leading BOM takes no column).
TextPos positionOfOffset(std::string_view text, std::size_t offset);

// Where the value at `pointer` starts in `text` (for object members: the value, not the key).
// The closest existing ancestor's position when the pointer does not resolve; {0,0} when
// `text` is not JSON. A tolerant scanner, not a full parse.
TextPos locatePointer(std::string_view text, std::string_view pointer);

// Fills line/column of every diagnostic whose line is 0 from its pointer, scanning `text`
// once for all of them (same rules as locatePointer).
void attachPositions(Diagnostics &diagnostics, std::string_view text);

// JSON.stringify(value, null, indent) as JavaScript writes it (number forms, escapes, integer-
// like keys first), so that results match WorkRail's text byte for byte. indent 0 = compact.
std::string toJsJson(const Json &value, int indent = 2);

// Our file formatter: 2-space indentation, a trailing newline, keys in stored order, numbers
// as they were read (integers stay integers, doubles keep a fraction or exponent).
std::string formatJsonForSave(const Json &value);

// How a JSON text is laid out, for writing values into an existing file in its own style.
struct JsonTextStyle
{
    std::string indent = "  ";  ///< one level of indentation; empty = the value on one line
    std::string newline = "\n"; ///< "\n" or "\r\n"
    std::string colon = ": ";   ///< between a key and its value
    std::string comma = ", ";   ///< between items of a one-line container
    std::string objectPad;      ///< inside the braces of a one-line object ("{ \"a\": 1 }")
    std::string arrayPad;       ///< inside the brackets of a one-line array
};

// `value` as formatJsonForSave writes it (numbers as read, keys in stored order), laid out in
// `style`; lines after the first start with `baseIndent` (the indentation of the line the value
// starts on). No trailing newline.
std::string formatJsonText(const Json &value, const JsonTextStyle &style,
                           std::string_view baseIndent = {});

// RFC 6901 helpers: `base` + "/" + escaped token.
std::string pointerAppend(std::string_view base, std::string_view token);
std::string pointerAppend(std::string_view base, std::size_t index);

} // namespace wfs
