// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON text in: parsing and file reading (positions: jsonlocate.cpp; laid-out writing:
// jsonformat.cpp). The parser is a hand-written iterative state machine that builds an
// ordered_json directly (no SAX layer, no recursion): a stack of open containers replaces the
// call stack, so nesting depth costs heap, and depth is bounded by kMaxJsonDepth anyway.
// Positions are not tracked while parsing (that would slow the common, valid case); an error
// computes line:column from its byte offset, and the pointer from the container stack.
#include "jsonio.h"

#include "jsontext.h"
#include "jsonwrite.h"

#include <QFile>
#include <QFileInfo>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstring>
#include <limits>
#include <unordered_map>

namespace wfs {

namespace {

using namespace jsontext;

// ---------------------------------------------------------------------------------------------
// Parser

class Parser
{
public:
    Parser(std::string_view text, const std::string &file, ParsedJson &out)
        : m_t(text)
        , m_file(file)
        , m_out(out)
    {}

    void run();

private:
    struct Frame
    {
        Json *container;   ///< the open array or object
        std::size_t start; ///< byte offset of its '[' or '{'
        // For large objects: key -> index of the member, to find duplicates in O(1).
        std::unordered_map<std::string, std::size_t> *index = nullptr;
    };

    bool parseValue(Json &slot);
    bool parseString(std::string &out);
    bool parseNumber(Json &slot);
    bool openMember(Frame &frame, Json *&slot);
    bool fail(std::size_t offset, std::string message, bool inSlot = true);
    std::string describeAt(std::size_t offset) const;
    std::string currentPointer(bool inSlot) const;
    TextPos keyPosition(const Frame &frame, std::string_view key) const;
    // Out of line, as GCC chose while the parser shared its file with the writers: inlined into
    // parseValue's many call sites it makes the hot loop larger and parsing slower (BM_Parse).
    [[gnu::noinline]] void skipWs()
    {
        while (m_i < m_t.size() && isWs(m_t[m_i]))
            ++m_i;
    }

    std::string_view m_t;
    const std::string &m_file;
    ParsedJson &m_out;
    std::size_t m_i = 0;
    std::vector<Frame> m_stack;
    std::vector<std::unique_ptr<std::unordered_map<std::string, std::size_t>>> m_indexes;
    bool m_failed = false;
    int m_duplicates = 0;
    static constexpr int kMaxDuplicateReports = 100;
};

std::string Parser::currentPointer(bool inSlot) const
{
    std::string p;
    for (std::size_t f = 0; f < m_stack.size(); ++f) {
        const bool last = f + 1 == m_stack.size();
        if (last && !inSlot)
            break;
        const Json &c = *m_stack[f].container;
        if (c.is_array()) {
            const auto &a = c.get_ref<const Json::array_t &>();
            if (a.empty())
                break;
            p += '/';
            p += std::to_string(a.size() - 1);
        } else {
            const auto &o = c.get_ref<const Json::object_t &>();
            if (o.empty())
                break;
            appendPointerToken(p, o.back().first);
        }
    }
    return p;
}

bool Parser::fail(std::size_t offset, std::string message, bool inSlot)
{
    if (m_failed)
        return false;
    m_failed = true;
    Diagnostic d;
    d.file = m_file;
    const TextPos pos = positionOfOffset(m_t, offset);
    d.line = pos.line;
    d.column = pos.column;
    d.pointer = currentPointer(inSlot);
    d.severity = Severity::Error;
    d.message = std::move(message);
    d.source = "json";
    m_out.diagnostics.push_back(std::move(d));
    return false;
}

// "'x'" for printable ASCII, "U+00E9" for other characters, for messages.
std::string Parser::describeAt(std::size_t offset) const
{
    const auto c = static_cast<unsigned char>(m_t[offset]);
    if (c >= 0x20 && c < 0x7F)
        return std::string("'") + static_cast<char>(c) + "'";
    if (c < 0x80)
        return "U+" + hex4(c);
    const Utf8Step s = decodeUtf8(m_t, offset);
    return s.length ? "U+" + hex4(s.cp) : "an invalid UTF-8 byte";
}

bool Parser::parseString(std::string &out)
{
    // m_t[m_i] == '"'
    const std::size_t n = m_t.size();
    std::size_t i = m_i + 1;
    std::size_t runStart = i;
    while (true) {
        // Fast scan over plain ASCII.
        while (i < n) {
            const auto c = static_cast<unsigned char>(m_t[i]);
            if (c == '"' || c == '\\' || c < 0x20 || c >= 0x80)
                break;
            ++i;
        }
        if (i >= n) {
            m_i = n;
            return fail(n, "unexpected end of input");
        }
        const auto c = static_cast<unsigned char>(m_t[i]);
        if (c == '"') {
            out.append(m_t.data() + runStart, i - runStart);
            m_i = i + 1;
            return true;
        }
        if (c >= 0x80) {
            const Utf8Step s = decodeUtf8(m_t, i);
            if (!s.length) {
                return fail(i, s.error);
            }
            i += static_cast<std::size_t>(s.length);
            continue;
        }
        if (c < 0x20)
            return fail(i, "unescaped control character U+" + hex4(c) +
                               " in string; write it as an escape sequence");
        // Backslash.
        out.append(m_t.data() + runStart, i - runStart);
        if (i + 1 >= n) {
            m_i = n;
            return fail(n, "unexpected end of input");
        }
        const char e = m_t[i + 1];
        switch (e) {
        case '"':
            out += '"';
            break;
        case '\\':
            out += '\\';
            break;
        case '/':
            out += '/';
            break;
        case 'b':
            out += '\b';
            break;
        case 'f':
            out += '\f';
            break;
        case 'n':
            out += '\n';
            break;
        case 'r':
            out += '\r';
            break;
        case 't':
            out += '\t';
            break;
        case 'u': {
            auto readHex = [&](std::size_t at, std::uint32_t &v) -> int {
                // Returns 1 ok, 0 invalid, -1 truncated.
                v = 0;
                for (std::size_t k = 0; k < 4; ++k) {
                    if (at + k >= n)
                        return -1;
                    const int h = hexValue(m_t[at + k]);
                    if (h < 0)
                        return 0;
                    v = (v << 4) | static_cast<std::uint32_t>(h);
                }
                return 1;
            };
            std::uint32_t cp = 0;
            const int r = readHex(i + 2, cp);
            if (r < 0) {
                m_i = n;
                return fail(n, "unexpected end of input");
            }
            if (r == 0)
                return fail(i, "invalid \\u escape: expected 4 hexadecimal digits");
            std::size_t next = i + 6;
            if (cp >= 0xDC00 && cp <= 0xDFFF)
                return fail(i, "invalid \\u escape: lone low surrogate \\u" + hex4(cp));
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                std::uint32_t lo = 0;
                if (next + 1 < n && m_t[next] == '\\' && m_t[next + 1] == 'u') {
                    const int r2 = readHex(next + 2, lo);
                    if (r2 < 0) {
                        m_i = n;
                        return fail(n, "unexpected end of input");
                    }
                    if (r2 == 0)
                        return fail(next, "invalid \\u escape: expected 4 hexadecimal digits");
                } else if (next + 1 >= n && (next >= n || m_t[next] == '\\')) {
                    m_i = n;
                    return fail(n, "unexpected end of input");
                }
                if (lo < 0xDC00 || lo > 0xDFFF)
                    return fail(i, "invalid \\u escape: high surrogate \\u" + hex4(cp) +
                                       " is not followed by a low surrogate");
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                next += 6;
            }
            appendUtf8(out, cp);
            i = next;
            runStart = i;
            continue;
        }
        default:
            if (static_cast<unsigned char>(e) < 0x20 || static_cast<unsigned char>(e) >= 0x7F)
                return fail(i, "invalid escape sequence");
            return fail(i, std::string("invalid escape sequence '\\") + e + "'");
        }
        i += 2;
        runStart = i;
    }
}

bool Parser::parseNumber(Json &slot)
{
    const std::size_t n = m_t.size();
    const std::size_t start = m_i;
    std::size_t i = m_i;
    bool negative = false;
    if (m_t[i] == '-') {
        negative = true;
        ++i;
    }
    if (i >= n) {
        m_i = n;
        return fail(n, "unexpected end of input");
    }
    if (!isDigit(m_t[i]))
        return fail(start, "invalid number: expected a digit after '-'");
    const std::size_t intStart = i;
    if (m_t[i] == '0') {
        ++i;
        if (i < n && isDigit(m_t[i]))
            return fail(start, "invalid number: leading zeros are not allowed");
    } else {
        while (i < n && isDigit(m_t[i]))
            ++i;
    }
    const std::size_t intEnd = i;
    bool isFloat = false;
    if (i < n && m_t[i] == '.') {
        isFloat = true;
        ++i;
        if (i >= n) {
            m_i = n;
            return fail(n, "unexpected end of input");
        }
        if (!isDigit(m_t[i]))
            return fail(i, "invalid number: expected a digit after '.'");
        while (i < n && isDigit(m_t[i]))
            ++i;
    }
    long long exponent = 0;
    if (i < n && (m_t[i] == 'e' || m_t[i] == 'E')) {
        isFloat = true;
        ++i;
        bool expNegative = false;
        if (i < n && (m_t[i] == '+' || m_t[i] == '-')) {
            expNegative = m_t[i] == '-';
            ++i;
        }
        if (i >= n) {
            m_i = n;
            return fail(n, "unexpected end of input");
        }
        if (!isDigit(m_t[i]))
            return fail(i, "invalid number: expected a digit in the exponent");
        while (i < n && isDigit(m_t[i])) {
            if (exponent < 100000000)
                exponent = exponent * 10 + (m_t[i] - '0');
            ++i;
        }
        if (expNegative)
            exponent = -exponent;
    }
    m_i = i;
    const char *first = m_t.data() + start;
    const char *last = m_t.data() + i;
    if (!isFloat) {
        const std::size_t digits = intEnd - intStart;
        if (digits <= 18) {
            std::int64_t v = 0;
            for (std::size_t k = intStart; k < intEnd; ++k)
                v = v * 10 + (m_t[k] - '0');
            if (negative && v == 0)
                slot = -0.0; // "-0" keeps its sign (JSON value -0)
            else if (negative)
                slot = -v;
            else
                slot = static_cast<std::uint64_t>(v);
            return true;
        }
        if (negative) {
            std::int64_t v = 0;
            const auto r = std::from_chars(first, last, v);
            if (r.ec == std::errc() && r.ptr == last) {
                slot = v;
                return true;
            }
        } else {
            std::uint64_t v = 0;
            const auto r = std::from_chars(first, last, v);
            if (r.ec == std::errc() && r.ptr == last) {
                slot = v;
                return true;
            }
        }
    }
    double d = 0;
    const auto r = std::from_chars(first, last, d);
    if (r.ec == std::errc::result_out_of_range) {
        // Overflow or underflow: find the decimal magnitude of the first significant digit.
        long long magnitude = 0;
        bool found = false;
        long long intDigits = static_cast<long long>(intEnd - intStart);
        for (std::size_t k = intStart; k < i && !found; ++k) {
            if (m_t[k] == '.' || m_t[k] == 'e' || m_t[k] == 'E')
                break;
            if (m_t[k] != '0') {
                magnitude = intDigits - static_cast<long long>(k - intStart);
                found = true;
            }
        }
        if (!found && intEnd < i && m_t[intEnd] == '.') {
            for (std::size_t k = intEnd + 1; k < i && isDigit(m_t[k]); ++k) {
                if (m_t[k] != '0') {
                    magnitude = -static_cast<long long>(k - intEnd - 1);
                    found = true;
                    break;
                }
            }
        }
        if (found && magnitude + exponent > 0)
            return fail(start, "number out of range: " + std::string(first, last) +
                                   " does not fit a double");
        slot = negative ? -0.0 : 0.0; // underflow: JavaScript reads it as 0
        return true;
    }
    if (r.ec != std::errc() || r.ptr != last)
        return fail(start, "invalid number");
    slot = d;
    return true;
}

// Position of the first occurrence of `key` in the object that starts at frame.start.
TextPos Parser::keyPosition(const Frame &frame, std::string_view key) const
{
    Scanner scanner(m_t);
    const std::size_t at = scanner.findKey(frame.start, key, m_i);
    return at == std::string_view::npos ? TextPos{} : positionOfOffset(m_t, at);
}

// Adds a member for the key at m_i to the object `frame`; `slot` receives its value slot.
bool Parser::openMember(Frame &frame, Json *&slot)
{
    if (m_i >= m_t.size()) {
        return fail(m_t.size(), "unexpected end of input", false);
    }
    if (m_t[m_i] != '"') {
        if (m_t[m_i] == '}')
            return fail(m_i, "expected a string key, found '}' (trailing comma?)", false);
        return fail(m_i, "expected a string key in double quotes, found " + describeAt(m_i), false);
    }
    const std::size_t keyStart = m_i;
    std::string key;
    if (!parseString(key))
        return false;
    skipWs();
    if (m_i >= m_t.size())
        return fail(m_t.size(), "unexpected end of input", false);
    if (m_t[m_i] != ':')
        return fail(m_i, "expected ':' after the key, found " + describeAt(m_i), false);
    ++m_i;
    auto &obj = frame.container->get_ref<Json::object_t &>();
    auto &vec = static_cast<std::vector<Json::object_t::value_type> &>(obj);
    // Duplicate detection: linear for small objects, a hash index beyond 16 members.
    std::size_t existing = vec.size();
    if (frame.index) {
        auto it = frame.index->find(key);
        if (it != frame.index->end())
            existing = it->second;
    } else {
        for (std::size_t k = 0; k < vec.size(); ++k) {
            if (vec[k].first == key) {
                existing = k;
                break;
            }
        }
        if (vec.size() >= 16 && existing == vec.size()) {
            m_indexes.push_back(std::make_unique<std::unordered_map<std::string, std::size_t>>());
            frame.index = m_indexes.back().get();
            for (std::size_t k = 0; k < vec.size(); ++k)
                frame.index->emplace(vec[k].first, k);
        }
    }
    if (existing != vec.size()) {
        // Like JSON.parse: the last value wins, the member keeps its first position. The
        // value slot is re-used, so move that member to the back for the pointer bookkeeping
        // only in the diagnostic; the order of members stays the first-seen order.
        // Reporting is capped so that a hostile file full of duplicates stays linear.
        if (++m_duplicates > kMaxDuplicateReports) {
            vec[existing].second = Json();
            slot = &vec[existing].second;
            return true;
        }
        const TextPos first = keyPosition(frame, key);
        Diagnostic d;
        d.file = m_file;
        const TextPos here = positionOfOffset(m_t, keyStart);
        d.line = here.line;
        d.column = here.column;
        d.pointer = currentPointer(false);
        appendPointerToken(d.pointer, key);
        d.severity = Severity::Error;
        d.message = "duplicate key '" + key + "' (first at " + std::to_string(first.line) + ":" +
                    std::to_string(first.column) + ")";
        if (m_duplicates == kMaxDuplicateReports)
            d.message += "; further duplicate keys are not reported";
        d.source = "json";
        m_out.diagnostics.push_back(std::move(d));
        vec[existing].second = Json();
        slot = &vec[existing].second;
        return true;
    }
    if (frame.index)
        frame.index->emplace(key, vec.size());
    vec.emplace_back(std::move(key), Json());
    slot = &vec.back().second;
    return true;
}

bool Parser::parseValue(Json &root)
{
    const std::size_t n = m_t.size();
    Json *slot = &root;
    while (true) {
        // Expect a value into *slot.
        skipWs();
        if (m_i >= n)
            return fail(n, "unexpected end of input");
        const char c = m_t[m_i];
        bool opened = false;
        switch (c) {
        case '{':
        case '[': {
            if (static_cast<int>(m_stack.size()) >= kMaxJsonDepth)
                return fail(m_i, "nesting too deep: more than " + std::to_string(kMaxJsonDepth) +
                                     " nested arrays/objects");
            *slot = c == '{' ? Json::object() : Json::array();
            m_stack.push_back({slot, m_i, nullptr});
            ++m_i;
            skipWs();
            if (m_i >= n)
                return fail(n, "unexpected end of input", false);
            if (m_t[m_i] == (c == '{' ? '}' : ']')) {
                ++m_i;
                m_stack.pop_back();
                break;
            }
            if (c == '[') {
                auto &a = slot->get_ref<Json::array_t &>();
                a.emplace_back();
                slot = &a.back();
            } else {
                Json *next = nullptr;
                if (!openMember(m_stack.back(), next))
                    return false;
                slot = next;
            }
            opened = true;
            break;
        }
        case '"': {
            std::string s;
            if (!parseString(s))
                return false;
            *slot = std::move(s);
            break;
        }
        case 't':
        case 'f':
        case 'n': {
            const std::string_view word = c == 't' ? "true" : c == 'f' ? "false" : "null";
            const std::string_view have = m_t.substr(m_i, word.size());
            if (have != word) {
                if (word.substr(0, have.size()) == have)
                    return fail(n, "unexpected end of input");
                return fail(m_i, "invalid literal; expected " + std::string(word));
            }
            m_i += word.size();
            if (c == 't')
                *slot = true;
            else if (c == 'f')
                *slot = false;
            else
                *slot = nullptr;
            break;
        }
        default:
            if (c == '-' || isDigit(c)) {
                if (!parseNumber(*slot))
                    return false;
                break;
            }
            if (c == ']' && !m_stack.empty() && m_stack.back().container->is_array()) {
                m_stack.back().container->get_ref<Json::array_t &>().pop_back();
                return fail(m_i, "expected a value, found ']' (trailing comma?)", false);
            }
            if (c == '/')
                return fail(m_i, "unexpected character '/' (comments are not allowed in JSON)");
            if (c == '\'')
                return fail(m_i, "unexpected single quote (strings need double quotes)");
            if (static_cast<unsigned char>(c) >= 0x80 && !decodeUtf8(m_t, m_i).length)
                return fail(m_i, decodeUtf8(m_t, m_i).error);
            return fail(m_i, "expected a value, found " + describeAt(m_i));
        }
        if (opened)
            continue;
        // A value is complete: close containers / move to the next member or element.
        while (true) {
            if (m_stack.empty()) {
                skipWs();
                if (m_i < n) {
                    if (static_cast<unsigned char>(m_t[m_i]) >= 0x80 &&
                        !decodeUtf8(m_t, m_i).length)
                        return fail(m_i, decodeUtf8(m_t, m_i).error, false);
                    return fail(m_i,
                                "unexpected " + describeAt(m_i) + " after the end of the document",
                                false);
                }
                return true;
            }
            Frame &top = m_stack.back();
            skipWs();
            const bool isArray = top.container->is_array();
            if (m_i >= n)
                return fail(n, "unexpected end of input", false);
            const char d = m_t[m_i];
            if (d == ',') {
                ++m_i;
                if (isArray) {
                    auto &a = top.container->get_ref<Json::array_t &>();
                    a.emplace_back();
                    slot = &a.back();
                } else {
                    skipWs();
                    Json *next = nullptr;
                    if (!openMember(top, next))
                        return false;
                    slot = next;
                }
                break;
            }
            if (d == (isArray ? ']' : '}')) {
                ++m_i;
                m_stack.pop_back();
                continue;
            }
            if (static_cast<unsigned char>(d) >= 0x80 && !decodeUtf8(m_t, m_i).length)
                return fail(m_i, decodeUtf8(m_t, m_i).error, false);
            return fail(m_i,
                        std::string("expected ',' or '") + (isArray ? ']' : '}') + "', found " +
                            describeAt(m_i),
                        false);
        }
    }
}

void Parser::run()
{
    if (hasBom(m_t))
        m_i = 3;
    Json root;
    const bool ok = parseValue(root);
    if (ok) {
        m_out.ok = true;
        m_out.value = std::move(root);
    }
}

} // namespace

// ---------------------------------------------------------------------------------------------

ParsedJson parseJson(std::string_view text, const std::string &file)
{
    ParsedJson out;
    Parser parser(text, file, out);
    parser.run();
    return out;
}

Result<std::string> readTextFile(const std::string &path, std::size_t maxBytes)
{
    const QString qpath = QString::fromStdString(path);
    const QFileInfo info(qpath);
    if (!info.exists()) {
        if (info.isSymLink())
            return Result<std::string>::failure("cannot read '" + path +
                                                "': it is a dangling symbolic link");
        return Result<std::string>::failure("cannot read '" + path + "': no such file");
    }
    if (info.isDir())
        return Result<std::string>::failure("cannot read '" + path +
                                            "': it is a directory, not a file");
    if (!info.isFile())
        return Result<std::string>::failure("cannot read '" + path +
                                            "': not a regular file (device, FIFO or socket)");
    const auto limitText = [&] {
        std::string s = std::to_string(maxBytes) + " bytes";
        if (maxBytes % (1024u * 1024u) == 0 && maxBytes > 0)
            s += " (" + std::to_string(maxBytes / (1024u * 1024u)) + " MiB)";
        return s;
    };
    QFile f(qpath);
    if (!f.open(QIODevice::ReadOnly))
        return Result<std::string>::failure("cannot read '" + path +
                                            "': " + f.errorString().toStdString());
    if (static_cast<std::size_t>(f.size()) > maxBytes)
        return Result<std::string>::failure("'" + path + "' is " + std::to_string(f.size()) +
                                            " bytes, more than the limit of " + limitText());
    // Read at most one byte beyond the limit, in case the file grew since size().
    std::string out;
    out.resize(static_cast<std::size_t>(f.size()));
    qint64 got = 0;
    while (got < static_cast<qint64>(out.size())) {
        const qint64 r = f.read(out.data() + got, static_cast<qint64>(out.size()) - got);
        if (r < 0)
            return Result<std::string>::failure("cannot read '" + path +
                                                "': " + f.errorString().toStdString());
        if (r == 0)
            break;
        got += r;
    }
    out.resize(static_cast<std::size_t>(got));
    char extra[4096];
    while (true) {
        const qint64 r = f.read(extra, sizeof extra);
        if (r <= 0)
            break;
        out.append(extra, static_cast<std::size_t>(r));
        if (out.size() > maxBytes)
            return Result<std::string>::failure("'" + path + "' is more than the limit of " +
                                                limitText());
    }
    return out;
}

ParsedJson loadJsonFile(const std::string &path, std::string *sourceOut)
{
    auto text = readTextFile(path);
    if (!text) {
        ParsedJson out;
        Diagnostic d;
        d.file = path;
        d.message = text.error();
        d.source = "io";
        out.diagnostics.push_back(std::move(d));
        return out;
    }
    ParsedJson out = parseJson(*text, path);
    if (sourceOut)
        *sourceOut = std::move(*text);
    return out;
}

} // namespace wfs
