// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JSON text in and out. The parser is a hand-written iterative state machine that builds an
// ordered_json directly (no SAX layer, no recursion): a stack of open containers replaces the
// call stack, so nesting depth costs heap, and depth is bounded by kMaxJsonDepth anyway.
// Positions are not tracked while parsing (that would slow the common, valid case); an error
// computes line:column from its byte offset, and the pointer from the container stack.
#include "jsonio.h"

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

constexpr bool hasBom(std::string_view t)
{
    return t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xEF &&
           static_cast<unsigned char>(t[1]) == 0xBB && static_cast<unsigned char>(t[2]) == 0xBF;
}

constexpr bool isWs(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(std::string &out, std::uint32_t cp)
{
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

std::string hex4(std::uint32_t v)
{
    static const char digits[] = "0123456789ABCDEF";
    std::string s(4, '0');
    for (int i = 3; i >= 0; --i) {
        s[static_cast<std::size_t>(i)] = digits[v & 0xF];
        v >>= 4;
    }
    return s;
}

// Result of decoding one UTF-8 sequence: the code point and its length, or an error text.
struct Utf8Step
{
    std::uint32_t cp = 0;
    int length = 0; ///< 0 = invalid
    const char *error = nullptr;
};

// Decodes the sequence starting at t[i] (t[i] >= 0x80). Rejects overlongs, surrogates,
// code points above U+10FFFF and truncated sequences.
Utf8Step decodeUtf8(std::string_view t, std::size_t i)
{
    const auto b0 = static_cast<unsigned char>(t[i]);
    int len = 0;
    std::uint32_t cp = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2;
        cp = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3;
        cp = b0 & 0x0F;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4;
        cp = b0 & 0x07;
    } else if (b0 == 0xC0 || b0 == 0xC1) {
        return {0, 0, "invalid UTF-8: overlong encoding"};
    } else if (b0 >= 0x80 && b0 <= 0xBF) {
        return {0, 0, "invalid UTF-8: unexpected continuation byte"};
    } else {
        return {0, 0, "invalid UTF-8: byte not allowed in UTF-8"};
    }
    for (int k = 1; k < len; ++k) {
        if (i + static_cast<std::size_t>(k) >= t.size())
            return {0, 0, "invalid UTF-8: truncated sequence"};
        const auto b = static_cast<unsigned char>(t[i + static_cast<std::size_t>(k)]);
        if ((b & 0xC0) != 0x80)
            return {0, 0, "invalid UTF-8: truncated sequence"};
        cp = (cp << 6) | (b & 0x3F);
    }
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000))
        return {0, 0, "invalid UTF-8: overlong encoding"};
    if (cp >= 0xD800 && cp <= 0xDFFF)
        return {0, 0, "invalid UTF-8: encoded surrogate"};
    if (cp > 0x10FFFF)
        return {0, 0, "invalid UTF-8: code point above U+10FFFF"};
    return {cp, len, nullptr};
}

void appendPointerToken(std::string &out, std::string_view token)
{
    out += '/';
    for (char c : token) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
}

// ---------------------------------------------------------------------------------------------
// Tolerant scanner for locatePointer / attachPositions

struct PointerNode
{
    std::string token;
    std::vector<std::unique_ptr<PointerNode>> children;
    PointerNode *parent = nullptr;
    std::size_t offset = std::string_view::npos; ///< where the value starts, once seen
    const PointerNode *find(std::string_view t) const
    {
        for (const auto &c : children)
            if (c->token == t)
                return c.get();
        return nullptr;
    }
};

std::vector<std::string> splitPointer(std::string_view pointer)
{
    std::vector<std::string> tokens;
    if (pointer.empty())
        return tokens;
    std::size_t i = pointer.front() == '/' ? 1 : 0;
    std::string cur;
    for (; i <= pointer.size(); ++i) {
        if (i == pointer.size() || pointer[i] == '/') {
            tokens.push_back(std::move(cur));
            cur.clear();
            continue;
        }
        if (pointer[i] == '~' && i + 1 < pointer.size() &&
            (pointer[i + 1] == '0' || pointer[i + 1] == '1')) {
            cur += pointer[i + 1] == '0' ? '~' : '/';
            ++i;
            continue;
        }
        cur += pointer[i];
    }
    return tokens;
}

PointerNode *insertPointer(PointerNode &root, std::string_view pointer)
{
    PointerNode *node = &root;
    for (std::string &t : splitPointer(pointer)) {
        PointerNode *next = nullptr;
        for (auto &c : node->children)
            if (c->token == t)
                next = c.get();
        if (!next) {
            node->children.push_back(std::make_unique<PointerNode>());
            next = node->children.back().get();
            next->token = std::move(t);
            next->parent = node;
        }
        node = next;
    }
    return node;
}

class Scanner
{
public:
    explicit Scanner(std::string_view t)
        : m_t(t)
    {}

    // Walks the document, recording in each trie node the offset where its value starts.
    void scan(PointerNode &root);
    // Offset of the first key equal to `key` among the members of the object whose '{' is at
    // `objectStart`, looking no further than `limit`; npos when absent.
    std::size_t findKey(std::size_t objectStart, std::string_view key, std::size_t limit);

private:
    void skipWs()
    {
        while (m_i < m_t.size() && isWs(m_t[m_i]))
            ++m_i;
    }
    void readString(std::string *out);
    void skipValue();

    std::string_view m_t;
    std::size_t m_i = 0;
};

void Scanner::readString(std::string *out)
{
    // m_t[m_i] == '"'
    ++m_i;
    const std::size_t n = m_t.size();
    while (m_i < n && m_t[m_i] != '"') {
        if (m_t[m_i] == '\\' && m_i + 1 < n) {
            if (!out) {
                m_i += 2;
                continue;
            }
            const char e = m_t[m_i + 1];
            if (e == 'u') {
                std::uint32_t cp = 0;
                std::size_t k = m_i + 2;
                for (; k < m_i + 6 && k < n && hexValue(m_t[k]) >= 0; ++k)
                    cp = (cp << 4) | static_cast<std::uint32_t>(hexValue(m_t[k]));
                m_i = k;
                if (cp >= 0xD800 && cp <= 0xDBFF && m_i + 5 < n && m_t[m_i] == '\\' &&
                    m_t[m_i + 1] == 'u') {
                    std::uint32_t lo = 0;
                    for (k = m_i + 2; k < m_i + 6 && hexValue(m_t[k]) >= 0; ++k)
                        lo = (lo << 4) | static_cast<std::uint32_t>(hexValue(m_t[k]));
                    if (lo >= 0xDC00 && lo <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                        m_i = k;
                    }
                }
                appendUtf8(*out, cp);
                continue;
            }
            switch (e) {
            case 'b':
                *out += '\b';
                break;
            case 'f':
                *out += '\f';
                break;
            case 'n':
                *out += '\n';
                break;
            case 'r':
                *out += '\r';
                break;
            case 't':
                *out += '\t';
                break;
            default:
                *out += e;
            }
            m_i += 2;
            continue;
        }
        if (out)
            *out += m_t[m_i];
        ++m_i;
    }
    if (m_i < n)
        ++m_i;
}

// Skips one value without recursion (strings aware); stops at EOF on broken text.
void Scanner::skipValue()
{
    const std::size_t n = m_t.size();
    int depth = 0;
    while (m_i < n) {
        const char c = m_t[m_i];
        if (c == '"') {
            readString(nullptr);
            if (depth == 0)
                return;
            continue;
        }
        if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (depth == 0)
                return; // belongs to the enclosing container
            --depth;
            if (depth == 0) {
                ++m_i;
                return;
            }
        } else if (depth == 0 && (c == ',' || c == ':' || isWs(c))) {
            return;
        }
        ++m_i;
    }
}

std::size_t Scanner::findKey(std::size_t objectStart, std::string_view key, std::size_t limit)
{
    m_i = objectStart + 1;
    const std::size_t n = std::min(limit, m_t.size());
    while (m_i < n) {
        skipWs();
        if (m_i >= n || m_t[m_i] != '"')
            return std::string_view::npos;
        const std::size_t keyStart = m_i;
        std::string k;
        readString(&k);
        if (k == key)
            return keyStart;
        skipWs();
        if (m_i >= n || m_t[m_i] != ':')
            return std::string_view::npos;
        ++m_i;
        skipWs();
        skipValue();
        skipWs();
        if (m_i >= n || m_t[m_i] != ',')
            return std::string_view::npos;
        ++m_i;
    }
    return std::string_view::npos;
}

void Scanner::scan(PointerNode &root)
{
    // Frames of containers whose members we descend into (only along the trie).
    struct Frame
    {
        const PointerNode *node;
        bool isArray;
        std::size_t index;
    };
    std::vector<Frame> stack;
    const std::size_t n = m_t.size();
    if (hasBom(m_t))
        m_i = 3;
    skipWs();
    if (m_i >= n)
        return;
    PointerNode *current = &root;
    while (true) {
        // At the start of a value for `current` (non-null) or a value to skip (null).
        skipWs();
        if (m_i >= n)
            return;
        if (current) {
            current->offset = m_i;
            const char c = m_t[m_i];
            if (!current->children.empty() && (c == '{' || c == '[')) {
                stack.push_back({current, c == '[', 0});
                ++m_i;
                skipWs();
                if (m_i < n && (m_t[m_i] == '}' || m_t[m_i] == ']')) {
                    ++m_i;
                    stack.pop_back();
                } else if (c == '[') {
                    char buf[24];
                    const auto r = std::to_chars(buf, buf + sizeof buf, std::size_t(0));
                    current = const_cast<PointerNode *>(current->find(
                        std::string_view(buf, static_cast<std::size_t>(r.ptr - buf))));
                    continue;
                } else {
                    // Read the first key.
                    if (m_i >= n || m_t[m_i] != '"')
                        return;
                    std::string key;
                    readString(&key);
                    skipWs();
                    if (m_i >= n || m_t[m_i] != ':')
                        return;
                    ++m_i;
                    current = const_cast<PointerNode *>(stack.back().node->find(key));
                    continue;
                }
            } else {
                skipValue();
            }
        } else {
            skipValue();
        }
        // After a value: ',' → next member/element, '}' / ']' → close.
        while (true) {
            if (stack.empty())
                return;
            skipWs();
            if (m_i >= n)
                return;
            Frame &top = stack.back();
            const char d = m_t[m_i];
            if (d == ',') {
                ++m_i;
                skipWs();
                if (top.isArray) {
                    ++top.index;
                    char buf[24];
                    const auto r = std::to_chars(buf, buf + sizeof buf, top.index);
                    current = const_cast<PointerNode *>(top.node->find(
                        std::string_view(buf, static_cast<std::size_t>(r.ptr - buf))));
                } else {
                    if (m_i >= n || m_t[m_i] != '"')
                        return;
                    std::string key;
                    readString(&key);
                    skipWs();
                    if (m_i >= n || m_t[m_i] != ':')
                        return;
                    ++m_i;
                    current = const_cast<PointerNode *>(top.node->find(key));
                }
                break;
            }
            if (d == '}' || d == ']') {
                ++m_i;
                stack.pop_back();
                continue;
            }
            return; // broken text: stop with what we have
        }
    }
}

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
    void skipWs()
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

// ---------------------------------------------------------------------------------------------
// Writers

// Appends the shortest round-trip digits of |v| (v finite, non-zero) as JavaScript's
// Number.prototype.toString lays them out.
void appendJsNumber(std::string &out, double v)
{
    if (!std::isfinite(v)) {
        out += "null";
        return;
    }
    if (v == 0) {
        out += '0';
        return;
    }
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
    std::string_view s(buf, static_cast<std::size_t>(r.ptr - buf));
    if (s.front() == '-') {
        out += '-';
        s.remove_prefix(1);
    }
    const std::size_t ePos = s.find('e');
    std::string digits;
    for (char c : s.substr(0, ePos))
        if (c != '.')
            digits += c;
    int exp10 = 0;
    std::from_chars(s.data() + ePos + (s[ePos + 1] == '+' ? 2 : 1), s.data() + s.size(), exp10);
    const int k = static_cast<int>(digits.size());
    const int nExp = exp10 + 1; // value = 0.digits × 10^nExp
    if (k <= nExp && nExp <= 21) {
        out += digits;
        out.append(static_cast<std::size_t>(nExp - k), '0');
    } else if (0 < nExp && nExp <= 21) {
        out.append(digits, 0, static_cast<std::size_t>(nExp));
        out += '.';
        out.append(digits, static_cast<std::size_t>(nExp));
    } else if (-6 < nExp && nExp <= 0) {
        out += "0.";
        out.append(static_cast<std::size_t>(-nExp), '0');
        out += digits;
    } else {
        out += digits[0];
        if (k > 1) {
            out += '.';
            out.append(digits, 1);
        }
        out += 'e';
        out += nExp - 1 >= 0 ? '+' : '-';
        out += std::to_string(std::abs(nExp - 1));
    }
}

// JSON.stringify's string form: the same escapes as the wire writer (control characters,
// '"' and '\\'; other characters as they are). Invalid UTF-8, which a JavaScript string cannot
// hold, comes out as U+FFFD as it would after Node decoded the bytes.
void appendJsString(std::string &out, const std::string &s)
{
    appendJsonStringText(out, s);
}

// Canonical array index ("0", "17"; below 2^32 - 1): JavaScript lists these keys first.
bool isArrayIndexKey(const std::string &k, std::uint64_t &value)
{
    if (k.empty() || k.size() > 10 || (k.size() > 1 && k[0] == '0'))
        return false;
    std::uint64_t v = 0;
    for (char c : k) {
        if (!isDigit(c))
            return false;
        v = v * 10 + static_cast<std::uint64_t>(c - '0');
    }
    if (v >= 4294967295ull)
        return false;
    value = v;
    return true;
}

enum class NumberStyle {
    JavaScript, ///< JSON.stringify: every number is a double
    AsRead      ///< integers as integers, doubles keep a '.' or an exponent
};

void appendNumber(std::string &out, const Json &v, NumberStyle style)
{
    if (v.is_number_integer()) {
        if (style == NumberStyle::JavaScript) {
            const double d = v.is_number_unsigned() ? static_cast<double>(v.get<std::uint64_t>())
                                                    : static_cast<double>(v.get<std::int64_t>());
            if (std::abs(d) < 9007199254740992.0) {
                out += v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>())
                                              : std::to_string(v.get<std::int64_t>());
                return;
            }
            appendJsNumber(out, d);
            return;
        }
        out += v.is_number_unsigned() ? std::to_string(v.get<std::uint64_t>())
                                      : std::to_string(v.get<std::int64_t>());
        return;
    }
    const double d = v.get<double>();
    if (style == NumberStyle::JavaScript) {
        appendJsNumber(out, d);
        return;
    }
    if (!std::isfinite(d)) {
        out += "null";
        return;
    }
    if (d == 0) {
        out += std::signbit(d) ? "-0.0" : "0.0";
        return;
    }
    const std::size_t from = out.size();
    appendJsNumber(out, d);
    if (out.find_first_of(".e", from) == std::string::npos)
        out += ".0";
}

// How a writer lays out containers (see JsonTextStyle): `indent` empty = one line.
struct Layout
{
    std::string_view indent;
    std::string_view newline = "\n";
    std::string_view base; ///< indentation of the line the value starts on
    std::string_view colon = ": ";
    std::string_view comma = ",";
    std::string_view objectPad;
    std::string_view arrayPad;
};

void writeJson(std::string &out, const Json &v, const Layout &layout, int level, NumberStyle style)
{
    switch (v.type()) {
    case Json::value_t::null:
    case Json::value_t::discarded:
        out += "null";
        return;
    case Json::value_t::boolean:
        out += v.get<bool>() ? "true" : "false";
        return;
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
        appendNumber(out, v, style);
        return;
    case Json::value_t::string:
        appendJsString(out, v.get_ref<const std::string &>());
        return;
    case Json::value_t::binary:
        out += "null";
        return;
    case Json::value_t::array:
    case Json::value_t::object:
        break;
    }
    const bool isArray = v.is_array();
    if (v.empty()) {
        out += isArray ? "[]" : "{}";
        return;
    }
    const bool multiLine = !layout.indent.empty();
    const std::string_view pad = isArray ? layout.arrayPad : layout.objectPad;
    auto newline = [&](int lvl) {
        if (!multiLine)
            return;
        out += layout.newline;
        out += layout.base;
        for (int k = 0; k < lvl; ++k)
            out += layout.indent;
    };
    out += isArray ? '[' : '{';
    if (!multiLine)
        out += pad;
    bool first = true;
    auto separate = [&] {
        if (!first)
            out += multiLine ? std::string_view(",") : layout.comma;
        first = false;
        newline(level + 1);
    };
    if (isArray) {
        for (const Json &e : v.get_ref<const Json::array_t &>()) {
            separate();
            writeJson(out, e, layout, level + 1, style);
        }
    } else {
        const auto &obj = static_cast<const std::vector<Json::object_t::value_type> &>(
            v.get_ref<const Json::object_t &>());
        auto writeMember = [&](const std::string &key, const Json &value) {
            separate();
            appendJsString(out, key);
            out += layout.colon;
            writeJson(out, value, layout, level + 1, style);
        };
        if (style == NumberStyle::JavaScript) {
            std::vector<std::pair<std::uint64_t, std::size_t>> indexKeys;
            for (std::size_t k = 0; k < obj.size(); ++k) {
                std::uint64_t idx = 0;
                if (isArrayIndexKey(obj[k].first, idx))
                    indexKeys.emplace_back(idx, k);
            }
            std::sort(indexKeys.begin(), indexKeys.end());
            for (const auto &[idx, k] : indexKeys)
                writeMember(obj[k].first, obj[k].second);
            for (std::size_t k = 0; k < obj.size(); ++k) {
                std::uint64_t idx = 0;
                if (!isArrayIndexKey(obj[k].first, idx))
                    writeMember(obj[k].first, obj[k].second);
            }
        } else {
            for (const auto &[key, value] : obj)
                writeMember(key, value);
        }
    }
    if (!multiLine)
        out += pad;
    newline(level);
    out += isArray ? ']' : '}';
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

TextPos positionOfOffset(std::string_view text, std::size_t offset)
{
    TextPos p{1, 1};
    offset = std::min(offset, text.size());
    std::size_t i = 0;
    if (hasBom(text) && offset >= 3)
        i = 3;
    const char *data = text.data();
    while (i < offset) {
        const void *nl = std::memchr(data + i, '\n', offset - i);
        const std::size_t lineEnd =
            nl ? static_cast<std::size_t>(static_cast<const char *>(nl) - data) : offset;
        for (std::size_t k = i; k < lineEnd; ++k)
            if ((static_cast<unsigned char>(data[k]) & 0xC0) != 0x80)
                ++p.column;
        if (!nl)
            break;
        ++p.line;
        p.column = 1;
        i = lineEnd + 1;
    }
    return p;
}

TextPos locatePointer(std::string_view text, std::string_view pointer)
{
    Diagnostics one(1);
    one[0].pointer = std::string(pointer);
    attachPositions(one, text);
    return {one[0].line, one[0].column};
}

void attachPositions(Diagnostics &diagnostics, std::string_view text)
{
    PointerNode root;
    std::vector<std::pair<std::size_t, PointerNode *>> targets;
    for (std::size_t k = 0; k < diagnostics.size(); ++k) {
        if (diagnostics[k].line != 0)
            continue;
        targets.emplace_back(k, insertPointer(root, diagnostics[k].pointer));
    }
    if (targets.empty())
        return;
    Scanner scanner(text);
    scanner.scan(root);
    // Resolve each target to its own offset or its closest located ancestor's.
    std::vector<std::pair<std::size_t, std::size_t>> offsets; // (offset, diagnostic index)
    for (const auto &[k, node] : targets) {
        const PointerNode *p = node;
        while (p && p->offset == std::string_view::npos)
            p = p->parent;
        if (p)
            offsets.emplace_back(p->offset, k);
    }
    std::sort(offsets.begin(), offsets.end());
    // One forward pass for line:column.
    TextPos pos{1, 1};
    std::size_t at = hasBom(text) ? 3 : 0;
    for (const auto &[offset, k] : offsets) {
        for (; at < offset; ++at) {
            const auto c = static_cast<unsigned char>(text[at]);
            if (c == '\n') {
                ++pos.line;
                pos.column = 1;
            } else if ((c & 0xC0) != 0x80) {
                ++pos.column;
            }
        }
        diagnostics[k].line = pos.line;
        diagnostics[k].column = pos.column;
    }
}

std::string toJsJson(const Json &value, int indent)
{
    std::string out;
    const std::string spaces(static_cast<std::size_t>(std::clamp(indent, 0, 10)), ' ');
    Layout layout;
    layout.indent = spaces;
    layout.colon = spaces.empty() ? ":" : ": ";
    writeJson(out, value, layout, 0, NumberStyle::JavaScript);
    return out;
}

std::string formatJsonForSave(const Json &value)
{
    std::string out;
    out.reserve(4096);
    Layout layout;
    layout.indent = "  ";
    writeJson(out, value, layout, 0, NumberStyle::AsRead);
    out += '\n';
    return out;
}

std::string formatJsonText(const Json &value, const JsonTextStyle &style,
                           std::string_view baseIndent)
{
    std::string out;
    Layout layout;
    layout.indent = style.indent;
    layout.newline = style.newline;
    layout.base = baseIndent;
    layout.colon = style.colon;
    layout.comma = style.comma;
    layout.objectPad = style.objectPad;
    layout.arrayPad = style.arrayPad;
    writeJson(out, value, layout, 0, NumberStyle::AsRead);
    return out;
}

std::string pointerAppend(std::string_view base, std::string_view token)
{
    std::string out(base);
    appendPointerToken(out, token);
    return out;
}

std::string pointerAppend(std::string_view base, std::size_t index)
{
    std::string out(base);
    out += '/';
    out += std::to_string(index);
    return out;
}

} // namespace wfs
