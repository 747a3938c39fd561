// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// ECMAScript regex → PCRE translation, and a native matcher for the simple anchored patterns
// that make up most of real-world schemas.
//
// The translator walks the pattern once, code point by code point, and rewrites only the
// constructs whose meaning differs between ECMA-262 and PCRE2 (see ecmaregex.h). Everything
// else is copied. In unicode mode (`u` flag, which ajv uses for "pattern") it also rejects the
// escapes a JavaScript engine rejects, so that "format": "regex" and "pattern" agree with
// JavaScript on what is a valid regex.
#include "ecmaregex.h"

#include <charconv>
#include <limits>

namespace wfs::schema {
namespace {

constexpr const char *kLineTerminators = "\\n\\r\\x{2028}\\x{2029}";
// ECMA-262 WhiteSpace + LineTerminator (the \s class), written for use inside [...].
constexpr const char *kEcmaSpaces = "\\t\\n\\x{0b}\\f\\r \\x{a0}\\x{1680}\\x{2000}-\\x{200a}"
                                    "\\x{2028}\\x{2029}\\x{202f}\\x{205f}\\x{3000}\\x{feff}";

bool isHex(char c)
{
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool isSyntaxChar(char c)
{
    switch (c) {
    case '^':
    case '$':
    case '\\':
    case '.':
    case '*':
    case '+':
    case '?':
    case '(':
    case ')':
    case '[':
    case ']':
    case '{':
    case '}':
    case '|':
    case '/':
        return true;
    default:
        return false;
    }
}

// Length in bytes of the UTF-8 sequence starting with `lead` (1 for invalid bytes).
std::size_t utf8Length(unsigned char lead)
{
    if (lead < 0x80)
        return 1;
    if ((lead >> 5) == 0x6)
        return 2;
    if ((lead >> 4) == 0xE)
        return 3;
    if ((lead >> 3) == 0x1E)
        return 4;
    return 1;
}

void appendCodePointEscape(std::string &out, std::uint32_t cp)
{
    char buf[16];
    auto res = std::to_chars(buf, buf + sizeof buf, cp, 16);
    out += "\\x{";
    out.append(buf, res.ptr);
    out += '}';
}

class Translator
{
public:
    Translator(std::string_view p, const EcmaRegexFlags &f)
        : m_p(p)
        , m_flags(f)
    {}

    Result<QString> run()
    {
        while (m_i < m_p.size()) {
            if (!step())
                return Result<QString>::failure(m_error);
        }
        if (m_inClass)
            return Result<QString>::failure("unterminated character class");
        return QString::fromUtf8(m_out.data(), qsizetype(m_out.size()));
    }

private:
    void put(const char *a, const char *b, const char *c)
    {
        m_out += a;
        m_out += b;
        m_out += c;
    }

    bool fail(const std::string &what)
    {
        m_error = what + " at offset " + std::to_string(m_i);
        return false;
    }

    bool step()
    {
        const char c = m_p[m_i];
        if (m_inClass)
            return classChar(c);
        switch (c) {
        case '\\':
            return escape(false);
        case '.':
            ++m_i;
            if (m_flags.dotAll)
                m_out += "[\\s\\S]";
            else
                put("[^", kLineTerminators, "]");
            return true;
        case '$':
            ++m_i;
            if (m_flags.multiline)
                put("(?=[", kLineTerminators, "]|\\z)");
            else
                m_out += "\\z";
            return quantifierAfterAssertion();
        case '^':
            ++m_i;
            if (m_flags.multiline)
                put("(?<![^", kLineTerminators, "])");
            else
                m_out += "^";
            return quantifierAfterAssertion();
        case '[':
            return classStart();
        case ']':
            if (m_flags.unicode)
                return fail("lone ']'");
            ++m_i;
            m_out += "\\]";
            return true;
        case '{':
        case '}':
            return brace(c);
        case '(':
            return group();
        case ')':
            if (m_depth == 0)
                return fail("unmatched ')'");
            --m_depth;
            ++m_i;
            m_out += ')';
            m_canQuantify = true;
            return true;
        case '*':
        case '+':
        case '?':
            if (!m_canQuantify)
                return fail("nothing to repeat");
            ++m_i;
            m_out += c;
            if (m_i < m_p.size() && m_p[m_i] == '?') {
                ++m_i;
                m_out += '?';
            }
            m_canQuantify = false;
            return true;
        case '|':
            ++m_i;
            m_out += '|';
            m_canQuantify = false;
            return true;
        default:
            copyCodePoint();
            m_canQuantify = true;
            return true;
        }
    }

    // ECMA forbids quantifying ^ and $; PCRE accepts it, so reject here.
    bool quantifierAfterAssertion()
    {
        m_canQuantify = false;
        return true;
    }

    void copyCodePoint()
    {
        const std::size_t len =
            std::min(utf8Length(static_cast<unsigned char>(m_p[m_i])), m_p.size() - m_i);
        m_out.append(m_p.substr(m_i, len));
        m_i += len;
    }

    bool brace(char c)
    {
        if (c == '{') {
            // A well-formed quantifier {n}, {n,}, {n,m}?
            std::size_t j = m_i + 1;
            std::size_t digits = 0;
            while (j < m_p.size() && m_p[j] >= '0' && m_p[j] <= '9') {
                ++j;
                ++digits;
            }
            bool ok = digits > 0;
            if (ok && j < m_p.size() && m_p[j] == ',') {
                ++j;
                while (j < m_p.size() && m_p[j] >= '0' && m_p[j] <= '9')
                    ++j;
            }
            ok = ok && j < m_p.size() && m_p[j] == '}';
            if (ok) {
                if (!m_canQuantify)
                    return fail("nothing to repeat");
                m_out.append(m_p.substr(m_i, j + 1 - m_i));
                m_i = j + 1;
                if (m_i < m_p.size() && m_p[m_i] == '?') {
                    ++m_i;
                    m_out += '?';
                }
                m_canQuantify = false;
                return true;
            }
        }
        if (m_flags.unicode)
            return fail(std::string("lone '") + c + "'");
        ++m_i;
        m_out += '\\';
        m_out += c;
        m_canQuantify = true;
        return true;
    }

    bool group()
    {
        ++m_i;
        ++m_depth;
        m_canQuantify = false;
        if (m_i < m_p.size() && m_p[m_i] == '?') {
            const std::string_view rest = m_p.substr(m_i);
            if (rest.starts_with("?:") || rest.starts_with("?=") || rest.starts_with("?!")) {
                m_out += '(';
                m_out.append(rest.substr(0, 2));
                m_i += 2;
                return true;
            }
            if (rest.starts_with("?<=") || rest.starts_with("?<!")) {
                m_out += '(';
                m_out.append(rest.substr(0, 3));
                m_i += 3;
                return true;
            }
            if (rest.starts_with("?<")) {
                const std::size_t close = rest.find('>');
                if (close == std::string_view::npos || close == 2)
                    return fail("invalid group name");
                for (std::size_t k = 2; k < close; ++k) {
                    const char n = rest[k];
                    const bool ident = (n >= 'a' && n <= 'z') || (n >= 'A' && n <= 'Z') ||
                                       (n >= '0' && n <= '9' && k > 2) || n == '_' || n == '$';
                    if (!ident)
                        return fail("invalid group name");
                }
                m_out += "(?<";
                m_out.append(rest.substr(2, close - 2));
                m_out += '>';
                m_i += close + 1;
                return true;
            }
            return fail("invalid group");
        }
        m_out += '(';
        return true;
    }

    bool classStart()
    {
        const std::string_view rest = m_p.substr(m_i);
        if (rest.starts_with("[]")) {
            m_i += 2;
            m_out += "(?!)";
            m_canQuantify = true;
            return true;
        }
        if (rest.starts_with("[^]")) {
            m_i += 3;
            m_out += "[\\s\\S]";
            m_canQuantify = true;
            return true;
        }
        m_inClass = true;
        m_out += '[';
        ++m_i;
        if (m_i < m_p.size() && m_p[m_i] == '^') {
            m_out += '^';
            ++m_i;
        }
        return true;
    }

    bool classChar(char c)
    {
        switch (c) {
        case ']':
            ++m_i;
            m_out += ']';
            m_inClass = false;
            m_canQuantify = true;
            return true;
        case '\\':
            return escape(true);
        case '[':
            ++m_i;
            m_out += "\\[";
            return true;
        default:
            copyCodePoint();
            return true;
        }
    }

    // `\` at m_i. Emits the PCRE form; sets m_canQuantify for atoms.
    bool escape(bool inClass)
    {
        if (m_i + 1 >= m_p.size())
            return fail("\\ at end of pattern");
        const char c = m_p[m_i + 1];
        m_i += 2;
        m_canQuantify = true;
        switch (c) {
        case 'd':
        case 'D':
        case 'w':
        case 'W':
            m_out += '\\';
            m_out += c;
            return true;
        case 's':
            if (inClass)
                m_out += kEcmaSpaces;
            else
                put("[", kEcmaSpaces, "]");
            return true;
        case 'S':
            if (inClass)
                m_out += "\\S";
            else
                put("[^", kEcmaSpaces, "]");
            return true;
        case 'b':
            if (inClass) {
                m_out += "\\x{08}";
            } else {
                m_out += "\\b";
                m_canQuantify = false;
            }
            return true;
        case 'B':
            if (inClass) {
                if (m_flags.unicode)
                    return fail("invalid escape \\B in class");
                m_out += 'B';
            } else {
                m_out += "\\B";
                m_canQuantify = false;
            }
            return true;
        case 't':
            m_out += "\\t";
            return true;
        case 'n':
            m_out += "\\n";
            return true;
        case 'r':
            m_out += "\\r";
            return true;
        case 'f':
            m_out += "\\f";
            return true;
        case 'v':
            m_out += "\\x{0b}";
            return true;
        case '0':
            if (m_i < m_p.size() && m_p[m_i] >= '0' && m_p[m_i] <= '9') {
                if (m_flags.unicode)
                    return fail("invalid decimal escape");
                return legacyOctal();
            }
            m_out += "\\x{0}";
            return true;
        case 'c':
            if (m_i < m_p.size() &&
                ((m_p[m_i] >= 'a' && m_p[m_i] <= 'z') || (m_p[m_i] >= 'A' && m_p[m_i] <= 'Z'))) {
                appendCodePointEscape(m_out, std::uint32_t(m_p[m_i]) % 32);
                ++m_i;
                return true;
            }
            if (m_flags.unicode)
                return fail("invalid \\c escape");
            m_out += "\\\\c";
            return true;
        case 'x':
            if (m_i + 1 < m_p.size() && isHex(m_p[m_i]) && isHex(m_p[m_i + 1])) {
                m_out += "\\x{";
                m_out.append(m_p.substr(m_i, 2));
                m_out += '}';
                m_i += 2;
                return true;
            }
            if (m_flags.unicode)
                return fail("invalid \\x escape");
            m_out += 'x';
            return true;
        case 'u':
            return unicodeEscape();
        case 'k':
            if (m_i < m_p.size() && m_p[m_i] == '<') {
                const std::size_t close = m_p.find('>', m_i);
                if (close == std::string_view::npos)
                    return fail("invalid named reference");
                m_out += "\\k<";
                m_out.append(m_p.substr(m_i + 1, close - m_i - 1));
                m_out += '>';
                m_i = close + 1;
                return true;
            }
            if (m_flags.unicode)
                return fail("invalid named reference");
            m_out += 'k';
            return true;
        case 'p':
        case 'P':
            if (m_flags.unicode) {
                if (m_i >= m_p.size() || m_p[m_i] != '{')
                    return fail("invalid property escape");
                const std::size_t close = m_p.find('}', m_i);
                if (close == std::string_view::npos)
                    return fail("invalid property escape");
                std::string name(m_p.substr(m_i + 1, close - m_i - 1));
                // PCRE spells General_Category=L and Script=Greek without the prefix.
                for (const char *prefix : {"General_Category=", "gc=", "Script=", "sc="}) {
                    if (name.starts_with(prefix))
                        name = name.substr(std::string_view(prefix).size());
                }
                m_out += '\\';
                m_out += c;
                m_out += '{' + name + '}';
                m_i = close + 1;
                return true;
            }
            m_out += c;
            return true;
        default:
            break;
        }
        if (c >= '1' && c <= '9') {
            if (inClass) {
                if (m_flags.unicode)
                    return fail("invalid class escape");
                --m_i;
                return legacyOctal();
            }
            std::size_t j = m_i - 1;
            while (j < m_p.size() && m_p[j] >= '0' && m_p[j] <= '9')
                ++j;
            m_out += "\\g{";
            m_out.append(m_p.substr(m_i - 1, j - (m_i - 1)));
            m_out += '}';
            m_i = j;
            return true;
        }
        if (isSyntaxChar(c) || (c == '-' && (inClass || !m_flags.unicode))) {
            m_out += '\\';
            m_out += c;
            return true;
        }
        if (m_flags.unicode)
            return fail(std::string("invalid escape \\") + c);
        // Annex B identity escape: the character itself.
        --m_i;
        if (static_cast<unsigned char>(c) < 0x80 &&
            !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
            m_out += '\\';
            m_out += c;
            ++m_i;
        } else {
            copyCodePoint();
        }
        return true;
    }

    bool legacyOctal()
    {
        std::uint32_t v = 0;
        int n = 0;
        while (n < 3 && m_i < m_p.size() && m_p[m_i] >= '0' && m_p[m_i] <= '7' &&
               v * 8 + std::uint32_t(m_p[m_i] - '0') <= 0377) {
            v = v * 8 + std::uint32_t(m_p[m_i] - '0');
            ++m_i;
            ++n;
        }
        appendCodePointEscape(m_out, v);
        return true;
    }

    // After "\u": \uXXXX (surrogate pairs combined) or, in unicode mode, \u{X...}.
    bool unicodeEscape()
    {
        auto hex4 = [&](std::size_t at, std::uint32_t &v) {
            if (at + 4 > m_p.size())
                return false;
            v = 0;
            for (std::size_t k = at; k < at + 4; ++k) {
                if (!isHex(m_p[k]))
                    return false;
                std::uint32_t d = 0;
                std::from_chars(m_p.data() + k, m_p.data() + k + 1, d, 16);
                v = v * 16 + d;
            }
            return true;
        };
        if (m_flags.unicode && m_i < m_p.size() && m_p[m_i] == '{') {
            const std::size_t close = m_p.find('}', m_i);
            std::uint32_t v = 0;
            if (close == std::string_view::npos || close == m_i + 1)
                return fail("invalid \\u{} escape");
            auto res = std::from_chars(m_p.data() + m_i + 1, m_p.data() + close, v, 16);
            if (res.ptr != m_p.data() + close || v > 0x10FFFF)
                return fail("invalid \\u{} escape");
            appendCodePointEscape(m_out, v);
            m_i = close + 1;
            return true;
        }
        std::uint32_t v = 0;
        if (!hex4(m_i, v)) {
            if (m_flags.unicode)
                return fail("invalid \\u escape");
            m_out += 'u';
            return true;
        }
        m_i += 4;
        std::uint32_t low = 0;
        if (v >= 0xD800 && v <= 0xDBFF && m_p.substr(m_i).starts_with("\\u") &&
            hex4(m_i + 2, low) && low >= 0xDC00 && low <= 0xDFFF) {
            v = 0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00);
            m_i += 6;
        }
        if (v >= 0xD800 && v <= 0xDFFF)
            return fail("lone surrogate escape is not supported");
        appendCodePointEscape(m_out, v);
        return true;
    }

    std::string_view m_p;
    EcmaRegexFlags m_flags;
    std::size_t m_i = 0;
    std::string m_out;
    std::string m_error;
    bool m_inClass = false;
    bool m_canQuantify = false;
    int m_depth = 0;
};

void setBit(std::array<std::uint64_t, 2> &set, unsigned char c)
{
    set[c >> 6] |= std::uint64_t(1) << (c & 63);
}

bool hasBit(const std::array<std::uint64_t, 2> &set, unsigned char c)
{
    return c < 128 && (set[c >> 6] >> (c & 63)) & 1;
}

void setRange(std::array<std::uint64_t, 2> &set, unsigned char from, unsigned char to)
{
    for (unsigned c = from; c <= to; ++c)
        setBit(set, static_cast<unsigned char>(c));
}

} // namespace

Result<EcmaRegexFlags> parseEcmaRegexFlags(std::string_view flags)
{
    EcmaRegexFlags f;
    std::string seen;
    for (char c : flags) {
        if (seen.find(c) != std::string::npos)
            return Result<EcmaRegexFlags>::failure(std::string("repeated regex flag '") + c + "'");
        seen += c;
        switch (c) {
        case 'i':
            f.ignoreCase = true;
            break;
        case 'm':
            f.multiline = true;
            break;
        case 's':
            f.dotAll = true;
            break;
        case 'u':
            f.unicode = true;
            break;
        case 'y':
            f.sticky = true;
            break;
        case 'g':
        case 'd':
            break; // no effect on a single test()
        default:
            return Result<EcmaRegexFlags>::failure(std::string("invalid regex flag '") + c + "'");
        }
    }
    return f;
}

Result<QString> translateEcmaRegex(std::string_view pattern, const EcmaRegexFlags &flags)
{
    return Translator(pattern, flags).run();
}

Result<QRegularExpression> compileEcmaRegex(std::string_view pattern, const EcmaRegexFlags &flags)
{
    Result<QString> translated = translateEcmaRegex(pattern, flags);
    if (!translated)
        return Result<QRegularExpression>::failure(translated.error());
    QRegularExpression::PatternOptions options = QRegularExpression::NoPatternOption;
    if (flags.ignoreCase)
        options |= QRegularExpression::CaseInsensitiveOption;
    QRegularExpression re(*translated, options);
    if (!re.isValid())
        return Result<QRegularExpression>::failure(re.errorString().toStdString() + " at offset " +
                                                   std::to_string(re.patternErrorOffset()));
    re.optimize();
    return re;
}

Result<EcmaPattern> EcmaPattern::compile(std::string_view pattern, const EcmaRegexFlags &flags)
{
    EcmaPattern p;
    p.m_source = std::string(pattern);
    const bool defaultFlags =
        !flags.ignoreCase && !flags.multiline && !flags.dotAll && !flags.sticky;
    // Validate with the translator even when matching natively, so that both paths accept
    // exactly the same patterns.
    Result<QRegularExpression> re = compileEcmaRegex(pattern, flags);
    if (!re)
        return Result<EcmaPattern>::failure(re.error());
    if (defaultFlags && p.compileNative(pattern))
        return p;
    p.m_sticky = flags.sticky;
    p.m_regex = std::move(*re);
    return p;
}

bool EcmaPattern::compileNative(std::string_view pattern)
{
    // A plain substring: no metacharacter at all.
    if (pattern.find_first_of("\\^$.|?*+()[]{}") == std::string_view::npos) {
        m_native = true;
        m_literal = true;
        return true;
    }
    if (pattern.size() < 2 || pattern.front() != '^' || pattern.back() != '$')
        return false;
    std::string_view body = pattern.substr(1, pattern.size() - 2);
    std::size_t trailingBackslashes = 0;
    for (std::size_t k = body.size(); k > 0 && body[k - 1] == '\\'; --k)
        ++trailingBackslashes;
    if (trailingBackslashes % 2 == 1)
        return false; // the final $ is escaped
    auto isWord = [](unsigned char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
               c == '_';
    };
    auto escapeSet = [&](char e, std::array<std::uint64_t, 2> &set) {
        if (e == 'd') {
            setRange(set, '0', '9');
        } else if (e == 'w') {
            for (unsigned c = 0; c < 128; ++c) {
                if (isWord(static_cast<unsigned char>(c)))
                    setBit(set, static_cast<unsigned char>(c));
            }
        } else if (static_cast<unsigned char>(e) < 0x80 && !isWord(static_cast<unsigned char>(e)) &&
                   e != ' ') {
            setBit(set, static_cast<unsigned char>(e));
        } else {
            return false;
        }
        return true;
    };
    std::vector<Atom> atoms;
    std::size_t i = 0;
    while (i < body.size()) {
        Atom a;
        const unsigned char c = static_cast<unsigned char>(body[i]);
        if (c >= 0x80)
            return false;
        if (c == '[') {
            ++i;
            if (i < body.size() && body[i] == '^')
                return false;
            bool any = false;
            while (i < body.size() && body[i] != ']') {
                unsigned char lo = static_cast<unsigned char>(body[i]);
                if (lo >= 0x80)
                    return false;
                if (lo == '\\') {
                    if (i + 1 >= body.size())
                        return false;
                    const char e = body[i + 1];
                    if (e == 'd' || e == 'w') {
                        escapeSet(e, a.set);
                        i += 2;
                        any = true;
                        continue;
                    }
                    if (isWord(static_cast<unsigned char>(e)) ||
                        static_cast<unsigned char>(e) >= 0x80)
                        return false;
                    lo = static_cast<unsigned char>(e);
                    i += 2;
                } else {
                    ++i;
                }
                if (i + 1 < body.size() && body[i] == '-' && body[i + 1] != ']') {
                    unsigned char hi = static_cast<unsigned char>(body[i + 1]);
                    if (hi == '\\' || hi == '[' || hi >= 0x80 || hi < lo)
                        return false;
                    setRange(a.set, lo, hi);
                    i += 2;
                } else {
                    setBit(a.set, lo);
                }
                any = true;
            }
            if (i >= body.size() || !any)
                return false;
            ++i; // ]
        } else if (c == '\\') {
            if (i + 1 >= body.size() || !escapeSet(body[i + 1], a.set))
                return false;
            i += 2;
        } else if (std::string_view("^$.|?*+(){}]").find(static_cast<char>(c)) !=
                   std::string_view::npos) {
            return false;
        } else {
            setBit(a.set, c);
            ++i;
        }
        // Quantifier.
        if (i < body.size()) {
            const char q = body[i];
            if (q == '*' || q == '+' || q == '?') {
                a.min = q == '+' ? 1 : 0;
                a.max = q == '?' ? 1 : std::numeric_limits<std::uint32_t>::max();
                ++i;
            } else if (q == '{') {
                std::size_t j = i + 1;
                std::uint32_t lo = 0;
                auto r = std::from_chars(body.data() + j, body.data() + body.size(), lo);
                if (r.ec != std::errc() || r.ptr == body.data() + j)
                    return false;
                j = std::size_t(r.ptr - body.data());
                std::uint32_t hi = lo;
                if (j < body.size() && body[j] == ',') {
                    ++j;
                    if (j < body.size() && body[j] == '}') {
                        hi = std::numeric_limits<std::uint32_t>::max();
                    } else {
                        auto r2 = std::from_chars(body.data() + j, body.data() + body.size(), hi);
                        if (r2.ec != std::errc() || r2.ptr == body.data() + j)
                            return false;
                        j = std::size_t(r2.ptr - body.data());
                    }
                }
                if (j >= body.size() || body[j] != '}' || hi < lo)
                    return false;
                a.min = lo;
                a.max = hi;
                i = j + 1;
            }
            if (i < body.size() &&
                (body[i] == '?' || body[i] == '*' || body[i] == '+' || body[i] == '{'))
                return false; // lazy or stacked quantifiers
        }
        atoms.push_back(a);
    }
    // Greedy matching without backtracking is exact when no variable-length atom can give
    // back a character that a following atom would need.
    for (std::size_t k = 0; k < atoms.size(); ++k) {
        if (atoms[k].min == atoms[k].max)
            continue;
        for (std::size_t j = k + 1; j < atoms.size(); ++j) {
            if ((atoms[k].set[0] & atoms[j].set[0]) || (atoms[k].set[1] & atoms[j].set[1]))
                return false;
            if (atoms[j].min > 0)
                break;
        }
    }
    m_atoms = std::move(atoms);
    m_native = true;
    return true;
}

bool EcmaPattern::testNative(std::string_view s) const
{
    if (m_literal)
        return s.find(m_source) != std::string_view::npos;
    std::size_t pos = 0;
    for (const Atom &a : m_atoms) {
        std::uint32_t n = 0;
        while (n < a.max && pos < s.size() && hasBit(a.set, static_cast<unsigned char>(s[pos]))) {
            ++pos;
            ++n;
        }
        if (n < a.min)
            return false;
    }
    return pos == s.size();
}

bool EcmaPattern::test(std::string_view subject) const
{
    if (m_native)
        return testNative(subject);
    // QString::fromUtf8 drops a leading byte order mark; U+FEFF is data here (\s matches it).
    QString s;
    if (subject.starts_with("\xEF\xBB\xBF"))
        s = QChar(0xFEFF) + QString::fromUtf8(subject.data() + 3, qsizetype(subject.size() - 3));
    else
        s = QString::fromUtf8(subject.data(), qsizetype(subject.size()));
    return m_regex
        .match(s, 0, QRegularExpression::NormalMatch,
               m_sticky ? QRegularExpression::AnchorAtOffsetMatchOption
                        : QRegularExpression::NoMatchOption)
        .hasMatch();
}

} // namespace wfs::schema
