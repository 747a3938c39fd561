// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// ECMAScript (ECMA-262) regular expressions on top of QRegularExpression (PCRE2).
//
// JSON Schema patterns and WorkRail's regex validation rules are ECMAScript regexes. PCRE
// differs in a few places that matter: `$` also matches before a final newline, `.` matches
// \r and U+2028/9, `\s` is ASCII-only, `\v` is a class, `\uXXXX` does not exist, `[^]` and `[]`
// mean something else, and unknown escapes such as `\Z` are accepted. translateEcmaRegex()
// rewrites an ECMAScript pattern into an equivalent PCRE pattern and rejects what a JavaScript
// engine (with the `u` flag) rejects.
#pragma once

#include "../result.h"

#include <QRegularExpression>
#include <QString>

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::schema {

struct EcmaRegexFlags
{
    bool ignoreCase = false; ///< i
    bool multiline = false;  ///< m: ^ and $ also at line terminators
    bool dotAll = false;     ///< s: . matches line terminators too
    bool unicode = false;    ///< u: strict escapes, \u{...}, \p{...}
    bool sticky = false;     ///< y: the match must start at offset 0
};

// Parses a JavaScript flags string ("gimsuyd"); unknown or repeated letters are an error.
Result<EcmaRegexFlags> parseEcmaRegexFlags(std::string_view flags);

// The PCRE equivalent of an ECMAScript pattern (UTF-8 in), or an error text naming the
// offending offset.
Result<QString> translateEcmaRegex(std::string_view pattern, const EcmaRegexFlags &flags);

// translateEcmaRegex + QRegularExpression compilation (and JIT optimisation).
Result<QRegularExpression> compileEcmaRegex(std::string_view pattern,
                                            const EcmaRegexFlags &flags = {});

// A compiled ECMAScript pattern for repeated `test()` calls on UTF-8 strings (the JSON Schema
// "pattern" keyword). Simple anchored patterns made of ASCII classes and quantifiers (such as
// `^[a-z0-9-]+$`) are matched natively without converting the subject to UTF-16; everything
// else goes through QRegularExpression. Immutable and thread-safe once compiled.
class EcmaPattern
{
public:
    EcmaPattern() = default;
    static Result<EcmaPattern> compile(std::string_view pattern, const EcmaRegexFlags &flags = {});

    // True when the pattern matches somewhere in `subject` (RegExp.prototype.test).
    bool test(std::string_view subject) const;

    const std::string &source() const { return m_source; }
    bool isNative() const { return m_native; }

private:
    struct Atom
    {
        std::array<std::uint64_t, 2> set{}; ///< ASCII bytes this atom accepts
        std::uint32_t min = 1;
        std::uint32_t max = 1; ///< UINT32_MAX = unbounded
    };
    bool compileNative(std::string_view pattern);
    bool testNative(std::string_view subject) const;

    std::string m_source;
    bool m_native = false;
    bool m_literal = false; ///< the pattern is a plain substring (m_source, no metacharacters)
    bool m_sticky = false;
    std::vector<Atom> m_atoms;
    QRegularExpression m_regex;
};

} // namespace wfs::schema
