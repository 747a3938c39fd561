// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Internal to model/json*.cpp (not for other folders): the byte-level helpers shared by the
// parser (jsonio.cpp), the tolerant position scanner (jsonlocate.cpp) and the writers
// (jsonformat.cpp).
#pragma once

#include "json.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::jsontext {

static constexpr bool hasBom(std::string_view t)
{
    return t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xEF &&
           static_cast<unsigned char>(t[1]) == 0xBB && static_cast<unsigned char>(t[2]) == 0xBF;
}

static constexpr bool isWs(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

static constexpr bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

static inline int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

static inline void appendUtf8(std::string &out, std::uint32_t cp)
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

static inline std::string hex4(std::uint32_t v)
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
static inline Utf8Step decodeUtf8(std::string_view t, std::size_t i)
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

static inline void appendPointerToken(std::string &out, std::string_view token)
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
// Tolerant scanner for locatePointer / attachPositions (and the parser's duplicate-key positions)

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

std::vector<std::string> splitPointer(std::string_view pointer);
PointerNode *insertPointer(PointerNode &root, std::string_view pointer);

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

} // namespace wfs::jsontext
