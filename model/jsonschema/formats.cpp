// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Format checkers, written as small hand parsers after the grammars of RFC 3339 (dates and
// times), RFC 5321/6531 (e-mail), RFC 1123/5890 (host names), RFC 3986/3987 (URI, IRI),
// RFC 6570 (URI templates) and RFC 6901 (JSON pointers). Where a grammar is looser than what
// ajv-formats accepts (e-mail) we follow ajv-formats' "full" mode, since WorkRail uses ajv.
#include "formats.h"

#include "ecmaregex.h"

#include <QString>
#include <QUrl>

#include <array>
#include <cstdint>

namespace wfs::schema {
namespace {

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

bool isAlpha(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

bool isHexDigit(char c)
{
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// Reads exactly `n` digits at s[pos]; advances pos.
bool readDigits(std::string_view s, std::size_t &pos, int n, int &value)
{
    value = 0;
    for (int k = 0; k < n; ++k, ++pos) {
        if (pos >= s.size() || !isDigit(s[pos]))
            return false;
        value = value * 10 + (s[pos] - '0');
    }
    return true;
}

bool isLeapYear(int y)
{
    return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

bool parseDate(std::string_view s, std::size_t &pos)
{
    int y = 0, m = 0, d = 0;
    if (!readDigits(s, pos, 4, y) || pos >= s.size() || s[pos++] != '-' ||
        !readDigits(s, pos, 2, m) || pos >= s.size() || s[pos++] != '-' ||
        !readDigits(s, pos, 2, d))
        return false;
    static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (m < 1 || m > 12 || d < 1)
        return false;
    const int maxDay = (m == 2 && isLeapYear(y)) ? 29 : days[std::size_t(m - 1)];
    return d <= maxDay;
}

// RFC 3339 full-time: HH:MM:SS[.frac](Z|+HH:MM|-HH:MM). A leap second (:60) is accepted only
// when it falls on 23:59 UTC.
bool parseFullTime(std::string_view s, std::size_t &pos)
{
    int h = 0, m = 0, sec = 0;
    if (!readDigits(s, pos, 2, h) || pos >= s.size() || s[pos++] != ':' ||
        !readDigits(s, pos, 2, m) || pos >= s.size() || s[pos++] != ':' ||
        !readDigits(s, pos, 2, sec))
        return false;
    if (h > 23 || m > 59 || sec > 60)
        return false;
    if (pos < s.size() && s[pos] == '.') {
        ++pos;
        const std::size_t start = pos;
        while (pos < s.size() && isDigit(s[pos]))
            ++pos;
        if (pos == start)
            return false;
    }
    if (pos >= s.size())
        return false;
    int offH = 0, offM = 0, sign = 0;
    if (s[pos] == 'Z' || s[pos] == 'z') {
        ++pos;
    } else if (s[pos] == '+' || s[pos] == '-') {
        sign = s[pos] == '+' ? 1 : -1;
        ++pos;
        if (!readDigits(s, pos, 2, offH) || pos >= s.size() || s[pos++] != ':' ||
            !readDigits(s, pos, 2, offM))
            return false;
        if (offH > 23 || offM > 59)
            return false;
    } else {
        return false;
    }
    if (sec == 60) {
        int utc = h * 60 + m - sign * (offH * 60 + offM);
        utc = ((utc % 1440) + 1440) % 1440;
        if (utc != 23 * 60 + 59)
            return false;
    }
    return true;
}

bool checkDate(std::string_view s)
{
    std::size_t pos = 0;
    return parseDate(s, pos) && pos == s.size();
}

bool checkTime(std::string_view s)
{
    std::size_t pos = 0;
    return parseFullTime(s, pos) && pos == s.size();
}

bool checkDateTime(std::string_view s)
{
    std::size_t pos = 0;
    if (!parseDate(s, pos) || pos >= s.size())
        return false;
    const char t = s[pos++];
    if (t != 'T' && t != 't' && t != ' ')
        return false;
    return parseFullTime(s, pos) && pos == s.size();
}

bool isAtext(char c)
{
    return isAlpha(c) || isDigit(c) ||
           std::string_view("!#$%&'*+/=?^_`{|}~-").find(c) != std::string_view::npos;
}

// ASCII host name (RFC 1123): labels of letters, digits and inner hyphens, 1–63 octets each,
// 253 in all (a trailing dot allowed).
bool checkHostname(std::string_view s)
{
    if (!s.empty() && s.back() == '.')
        s.remove_suffix(1);
    if (s.empty() || s.size() > 253)
        return false;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t end = s.find('.', start);
        if (end == std::string_view::npos)
            end = s.size();
        const std::string_view label = s.substr(start, end - start);
        if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-')
            return false;
        for (char c : label) {
            if (!isAlpha(c) && !isDigit(c) && c != '-')
                return false;
        }
        start = end + 1;
    }
    return true;
}

// ajv-formats' full e-mail rule: dot-atom local part, host name domain with at least one dot.
bool checkEmail(std::string_view s)
{
    const std::size_t at = s.rfind('@');
    if (at == std::string_view::npos || at == 0)
        return false;
    const std::string_view local = s.substr(0, at);
    const std::string_view domain = s.substr(at + 1);
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return false;
    for (char c : local) {
        if (c != '.' && !isAtext(c))
            return false;
    }
    return domain.find('.') != std::string_view::npos && domain.back() != '.' &&
           checkHostname(domain);
}

bool checkIdnHostname(std::string_view s)
{
    const QString host = QString::fromUtf8(s.data(), qsizetype(s.size()));
    if (host.isEmpty())
        return false;
    const QStringList labels = host.split(QLatin1Char('.'));
    for (int i = 0; i < labels.size(); ++i) {
        const QString &label = labels[i];
        if (label.isEmpty())
            return i == labels.size() - 1 && i > 0; // a trailing dot
        if (label.front() == QLatin1Char('-') || label.back() == QLatin1Char('-'))
            return false;
        // IDNA2008: a label cannot start with a combining mark; the Hangul tone marks and
        // a few other code points are DISALLOWED outright.
        if (label.front().isMark())
            return false;
        for (QChar c : label) {
            const char16_t u = c.unicode();
            if (u < 0x80 && !isAlpha(char(u)) && !isDigit(char(u)) && u != '-')
                return false;
            if (u == 0x302E || u == 0x302F || u == 0x3031 || u == 0x303B || u == 0x0640 ||
                u == 0x07FA)
                return false;
            if (c.category() == QChar::Other_Control || c.category() == QChar::Separator_Space)
                return false;
        }
        const QByteArray ace = QUrl::toAce(label);
        if (ace.isEmpty() || ace.size() > 63)
            return false;
    }
    return true;
}

bool checkIdnEmail(std::string_view s)
{
    const std::size_t at = s.rfind('@');
    if (at == std::string_view::npos || at == 0 || at + 1 >= s.size())
        return false;
    const std::string_view local = s.substr(0, at);
    if (local.front() == '.' || local.back() == '.' || local.find("..") != std::string_view::npos)
        return false;
    for (char c : local) {
        if (static_cast<unsigned char>(c) < 0x80 && c != '.' && !isAtext(c))
            return false;
    }
    return checkIdnHostname(s.substr(at + 1));
}

bool parseIpv4(std::string_view s)
{
    int parts = 0;
    std::size_t pos = 0;
    while (true) {
        const std::size_t start = pos;
        int value = 0;
        while (pos < s.size() && isDigit(s[pos]) && pos - start < 3) {
            value = value * 10 + (s[pos] - '0');
            ++pos;
        }
        const std::size_t len = pos - start;
        if (len == 0 || value > 255 || (len > 1 && s[start] == '0'))
            return false;
        ++parts;
        if (pos == s.size())
            break;
        if (s[pos] != '.' || parts == 4)
            return false;
        ++pos;
    }
    return parts == 4;
}

bool checkIpv6(std::string_view s)
{
    int groups = 0;
    bool compressed = false;
    std::size_t pos = 0;
    if (s.starts_with("::")) {
        compressed = true;
        pos = 2;
        if (pos == s.size())
            return true;
    } else if (s.starts_with(":")) {
        return false;
    }
    while (pos < s.size()) {
        // An embedded IPv4 address ends the address and counts as two groups.
        const std::size_t nextColon = s.find(':', pos);
        const std::string_view rest = s.substr(
            pos, nextColon == std::string_view::npos ? std::string_view::npos : nextColon - pos);
        if (nextColon == std::string_view::npos && rest.find('.') != std::string_view::npos) {
            if (!parseIpv4(rest))
                return false;
            groups += 2;
            pos = s.size();
            break;
        }
        if (rest.empty() || rest.size() > 4)
            return false;
        for (char c : rest) {
            if (!isHexDigit(c))
                return false;
        }
        ++groups;
        pos += rest.size();
        if (pos == s.size())
            break;
        ++pos; // ':'
        if (pos < s.size() && s[pos] == ':') {
            if (compressed)
                return false;
            compressed = true;
            ++pos;
            if (pos == s.size())
                break;
        } else if (pos == s.size()) {
            return false; // trailing single ':'
        }
    }
    return compressed ? groups <= 7 : groups == 8;
}

bool checkIpv4(std::string_view s)
{
    return parseIpv4(s);
}

// --- RFC 3986 / 3987 -------------------------------------------------------------------

bool isUnreserved(char c)
{
    return isAlpha(c) || isDigit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

bool isSubDelim(char c)
{
    return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

class UriParser
{
public:
    UriParser(std::string_view s, bool iri)
        : m_s(s)
        , m_iri(iri)
    {}

    bool parseReference(bool requireScheme)
    {
        std::size_t colon = m_s.find(':');
        const std::size_t delim = m_s.find_first_of("/?#");
        bool hasScheme = colon != std::string_view::npos &&
                         (delim == std::string_view::npos || colon < delim) && colon > 0 &&
                         isAlpha(m_s[0]);
        if (hasScheme) {
            for (std::size_t k = 1; k < colon; ++k) {
                const char c = m_s[k];
                if (!isAlpha(c) && !isDigit(c) && c != '+' && c != '-' && c != '.')
                    hasScheme = false;
            }
        }
        if (requireScheme && !hasScheme)
            return false;
        if (hasScheme)
            m_pos = colon + 1;
        else if (colon != std::string_view::npos &&
                 (delim == std::string_view::npos || colon < delim))
            return false; // path-noscheme: no ':' in the first segment
        // hier-part / relative-part
        if (m_s.substr(m_pos).starts_with("//")) {
            m_pos += 2;
            if (!authority())
                return false;
        }
        if (!chars("/:@"))
            return false; // path
        if (m_pos < m_s.size() && m_s[m_pos] == '?') {
            ++m_pos;
            if (!chars("/:@?"))
                return false;
        }
        if (m_pos < m_s.size() && m_s[m_pos] == '#') {
            ++m_pos;
            if (!chars("/:@?"))
                return false;
        }
        return m_pos == m_s.size();
    }

private:
    // Consumes pchar-like characters plus `extra`; stops at anything else.
    bool chars(std::string_view extra)
    {
        while (m_pos < m_s.size()) {
            const char c = m_s[m_pos];
            if (c == '%') {
                if (m_pos + 2 >= m_s.size() || !isHexDigit(m_s[m_pos + 1]) ||
                    !isHexDigit(m_s[m_pos + 2]))
                    return false;
                m_pos += 3;
            } else if (isUnreserved(c) || isSubDelim(c) ||
                       extra.find(c) != std::string_view::npos) {
                ++m_pos;
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                if (!m_iri)
                    return false;
                ++m_pos;
            } else {
                return true; // delimiter or invalid: caller decides
            }
        }
        return true;
    }

    bool authority()
    {
        const std::size_t end = std::min(m_s.find_first_of("/?#", m_pos), m_s.size());
        std::string_view auth = m_s.substr(m_pos, end - m_pos);
        const std::size_t at = auth.rfind('@');
        if (at != std::string_view::npos) {
            if (!validRun(auth.substr(0, at), ":"))
                return false;
            auth = auth.substr(at + 1);
        }
        std::string_view host = auth;
        std::string_view port;
        if (auth.starts_with("[")) {
            const std::size_t close = auth.find(']');
            if (close == std::string_view::npos)
                return false;
            const std::string_view literal = auth.substr(1, close - 1);
            if (!checkIpv6(literal) && !(literal.starts_with("v") || literal.starts_with("V")))
                return false;
            host = {};
            const std::string_view after = auth.substr(close + 1);
            if (!after.empty()) {
                if (after[0] != ':')
                    return false;
                port = after.substr(1);
            }
        } else {
            const std::size_t colon = auth.rfind(':');
            if (colon != std::string_view::npos) {
                host = auth.substr(0, colon);
                port = auth.substr(colon + 1);
            }
            if (!validRun(host, ""))
                return false;
        }
        for (char c : port) {
            if (!isDigit(c))
                return false;
        }
        m_pos = end;
        return true;
    }

    bool validRun(std::string_view run, std::string_view extra) const
    {
        for (std::size_t k = 0; k < run.size(); ++k) {
            const char c = run[k];
            if (c == '%') {
                if (k + 2 >= run.size() || !isHexDigit(run[k + 1]) || !isHexDigit(run[k + 2]))
                    return false;
                k += 2;
            } else if (static_cast<unsigned char>(c) >= 0x80) {
                if (!m_iri)
                    return false;
            } else if (!isUnreserved(c) && !isSubDelim(c) &&
                       extra.find(c) == std::string_view::npos) {
                return false;
            }
        }
        return true;
    }

    std::string_view m_s;
    bool m_iri;
    std::size_t m_pos = 0;
};

bool checkUri(std::string_view s)
{
    return UriParser(s, false).parseReference(true);
}

bool checkUriReference(std::string_view s)
{
    return UriParser(s, false).parseReference(false);
}

bool checkIri(std::string_view s)
{
    return UriParser(s, true).parseReference(true);
}

bool checkIriReference(std::string_view s)
{
    return UriParser(s, true).parseReference(false);
}

// RFC 6570 level 4.
bool checkUriTemplate(std::string_view s)
{
    std::size_t pos = 0;
    while (pos < s.size()) {
        const char c = s[pos];
        if (c == '{') {
            const std::size_t close = s.find('}', pos);
            if (close == std::string_view::npos)
                return false;
            std::string_view expr = s.substr(pos + 1, close - pos - 1);
            if (!expr.empty() &&
                std::string_view("+#./;?&=,!@|").find(expr[0]) != std::string_view::npos)
                expr.remove_prefix(1);
            if (expr.empty())
                return false;
            std::size_t start = 0;
            while (start <= expr.size()) {
                std::size_t end = expr.find(',', start);
                if (end == std::string_view::npos)
                    end = expr.size();
                std::string_view spec = expr.substr(start, end - start);
                if (spec.ends_with("*")) {
                    spec.remove_suffix(1);
                } else if (const std::size_t colon = spec.find(':');
                           colon != std::string_view::npos) {
                    const std::string_view len = spec.substr(colon + 1);
                    if (len.empty() || len.size() > 4 || len[0] == '0')
                        return false;
                    for (char d : len) {
                        if (!isDigit(d))
                            return false;
                    }
                    spec = spec.substr(0, colon);
                }
                if (spec.empty() || spec.front() == '.' || spec.back() == '.' ||
                    spec.find("..") != std::string_view::npos)
                    return false;
                for (std::size_t k = 0; k < spec.size(); ++k) {
                    const char v = spec[k];
                    if (v == '%') {
                        if (k + 2 >= spec.size() || !isHexDigit(spec[k + 1]) ||
                            !isHexDigit(spec[k + 2]))
                            return false;
                        k += 2;
                    } else if (!isAlpha(v) && !isDigit(v) && v != '_' && v != '.') {
                        return false;
                    }
                }
                start = end + 1;
            }
            pos = close + 1;
        } else if (c == '%') {
            if (pos + 2 >= s.size() || !isHexDigit(s[pos + 1]) || !isHexDigit(s[pos + 2]))
                return false;
            pos += 3;
        } else {
            const unsigned char u = static_cast<unsigned char>(c);
            if (u <= 0x20 || std::string_view("\"'<>\\^`|}").find(c) != std::string_view::npos)
                return false;
            ++pos;
        }
    }
    return true;
}

bool checkJsonPointer(std::string_view s)
{
    if (!s.empty() && s[0] != '/')
        return false;
    for (std::size_t k = 0; k < s.size(); ++k) {
        if (s[k] == '~' && (k + 1 >= s.size() || (s[k + 1] != '0' && s[k + 1] != '1')))
            return false;
    }
    return true;
}

bool checkRelativeJsonPointer(std::string_view s)
{
    std::size_t pos = 0;
    while (pos < s.size() && isDigit(s[pos]))
        ++pos;
    if (pos == 0 || (pos > 1 && s[0] == '0'))
        return false;
    const std::string_view rest = s.substr(pos);
    return rest == "#" || checkJsonPointer(rest);
}

bool checkRegex(std::string_view s)
{
    EcmaRegexFlags flags;
    flags.unicode = true;
    return compileEcmaRegex(s, flags).ok();
}

struct NamedChecker
{
    std::string_view name;
    FormatChecker check;
};

constexpr std::array<NamedChecker, 17> kCheckers = {{
    {"date-time", checkDateTime},
    {"date", checkDate},
    {"time", checkTime},
    {"email", checkEmail},
    {"idn-email", checkIdnEmail},
    {"hostname", checkHostname},
    {"idn-hostname", checkIdnHostname},
    {"ipv4", checkIpv4},
    {"ipv6", checkIpv6},
    {"uri", checkUri},
    {"uri-reference", checkUriReference},
    {"iri", checkIri},
    {"iri-reference", checkIriReference},
    {"uri-template", checkUriTemplate},
    {"json-pointer", checkJsonPointer},
    {"relative-json-pointer", checkRelativeJsonPointer},
    {"regex", checkRegex},
}};

} // namespace

FormatChecker formatChecker(std::string_view name)
{
    for (const NamedChecker &c : kCheckers) {
        if (c.name == name)
            return c.check;
    }
    return nullptr;
}

bool isBase64(std::string_view s)
{
    if (s.size() % 4 != 0)
        return false;
    for (std::size_t k = 0; k < s.size(); ++k) {
        const char c = s[k];
        if (isAlpha(c) || isDigit(c) || c == '+' || c == '/')
            continue;
        if (c == '=' && k >= s.size() - 2 && (k == s.size() - 1 || s[k + 1] == '='))
            continue;
        return false;
    }
    return true;
}

} // namespace wfs::schema
