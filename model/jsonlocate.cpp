// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Positions in JSON text: a tolerant scanner (it reads broken text as far as it can) that
// finds where JSON pointers start, line:column of byte offsets, and pointer building.
#include "jsonio.h"
#include "jsontext.h"

#include <algorithm>
#include <charconv>

namespace wfs {

namespace jsontext {

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

} // namespace jsontext

using namespace jsontext;

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
