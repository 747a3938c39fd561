// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// The original text is read once into a tree of byte spans (value start/end, member key spans,
// the separators between items are the text between them); the new value is then written by
// walking both: what is equal is copied from the original, what changed is written with
// formatJsonText in the detected style. Only text that parseJson accepts is patched.
#include "jsontextpatch.h"

#include "jsonwrite.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <optional>
#include <unordered_map>
#include <vector>

namespace wfs {

namespace {

constexpr bool isWs(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t';
}

constexpr bool hasBom(std::string_view t)
{
    return t.size() >= 3 && static_cast<unsigned char>(t[0]) == 0xEF &&
           static_cast<unsigned char>(t[1]) == 0xBB && static_cast<unsigned char>(t[2]) == 0xBF;
}

std::size_t skipWs(std::string_view t, std::size_t i)
{
    while (i < t.size() && isWs(t[i]))
        ++i;
    return i;
}

// t[i] == '"': the offset after the closing quote.
std::size_t stringEnd(std::string_view t, std::size_t i)
{
    ++i;
    while (i < t.size() && t[i] != '"')
        i += t[i] == '\\' ? 2 : 1;
    return std::min(i + 1, t.size());
}

// A number or literal starting at t[i]: the offset after it.
std::size_t scalarEnd(std::string_view t, std::size_t i)
{
    while (i < t.size() && !isWs(t[i]) && t[i] != ',' && t[i] != ']' && t[i] != '}')
        ++i;
    return i;
}

// The whitespace after the last line break of `ws`; nullopt when it has none.
std::optional<std::string_view> afterLastNewline(std::string_view ws)
{
    const std::size_t nl = ws.rfind('\n');
    if (nl == std::string_view::npos)
        return std::nullopt;
    return ws.substr(nl + 1);
}

// The leading spaces and tabs of the line holding offset `pos`.
std::string_view lineIndentAt(std::string_view t, std::size_t pos)
{
    std::size_t begin = pos == 0 ? std::string_view::npos : t.rfind('\n', pos - 1);
    begin = begin == std::string_view::npos ? (hasBom(t) ? 3 : 0) : begin + 1;
    std::size_t end = begin;
    while (end < t.size() && (t[end] == ' ' || t[end] == '\t'))
        ++end;
    return t.substr(begin, end - begin);
}

// Scalars are equal when a reader could not tell them apart: same type class (integers are one
// class, floats another, so `1.0` does not stand for the integer 1) and same value.
bool sameScalar(const Json &a, const Json &b)
{
    if (a.is_number() || b.is_number()) {
        if (!a.is_number() || !b.is_number() || a.is_number_float() != b.is_number_float())
            return false;
        if (a.is_number_float()) {
            const double x = a.get<double>();
            const double y = b.get<double>();
            return x == y && std::signbit(x) == std::signbit(y);
        }
        return a == b;
    }
    return a.type() == b.type() && a == b;
}

struct Item
{
    std::string key;        ///< members only
    std::size_t start = 0;  ///< the key's opening quote (members) or the value (elements)
    std::size_t keyEnd = 0; ///< after the key's closing quote (members)
    int node = -1;
};

struct Node
{
    enum class Kind : std::uint8_t { Scalar, Object, Array };
    Kind kind = Kind::Scalar;
    bool multiLine = false;
    std::size_t start = 0; ///< first byte of the value
    std::size_t end = 0;   ///< one past its last byte
    std::vector<Item> items;
    Json scalar;
};

// The byte spans of a JSON text. build() expects text that parseJson accepted and reports
// false (never crashes) on anything else.
class Tree
{
public:
    bool build(std::string_view t);

    std::vector<Node> nodes;
    int root = -1;

private:
    bool openItem(std::string_view t, std::size_t &i, int container);
};

bool Tree::openItem(std::string_view t, std::size_t &i, int container)
{
    Item item;
    item.start = i;
    if (nodes[static_cast<std::size_t>(container)].kind == Node::Kind::Object) {
        if (i >= t.size() || t[i] != '"')
            return false;
        item.keyEnd = stringEnd(t, i);
        const ParsedJson key = parseJson(t.substr(i, item.keyEnd - i));
        if (!key.ok || !key.value.is_string())
            return false;
        item.key = key.value.get<std::string>();
        i = skipWs(t, item.keyEnd);
        if (i >= t.size() || t[i] != ':')
            return false;
        ++i;
    }
    nodes[static_cast<std::size_t>(container)].items.push_back(std::move(item));
    return true;
}

bool Tree::build(std::string_view t)
{
    const std::size_t n = t.size();
    std::size_t i = hasBom(t) ? 3 : 0;
    std::vector<int> stack;
    const auto closeContainer = [&](std::size_t closeAt) {
        Node &c = nodes[static_cast<std::size_t>(stack.back())];
        c.end = closeAt + 1;
        c.multiLine = std::memchr(t.data() + c.start, '\n', c.end - c.start) != nullptr;
        stack.pop_back();
    };
    while (true) {
        // At the start of a value.
        i = skipWs(t, i);
        if (i >= n)
            return false;
        const int index = static_cast<int>(nodes.size());
        nodes.emplace_back();
        if (stack.empty())
            root = index;
        else
            nodes[static_cast<std::size_t>(stack.back())].items.back().node = index;
        Node &node = nodes.back();
        node.start = i;
        const char c = t[i];
        if (c == '{' || c == '[') {
            node.kind = c == '{' ? Node::Kind::Object : Node::Kind::Array;
            stack.push_back(index);
            i = skipWs(t, i + 1);
            if (i >= n)
                return false;
            if (t[i] == (c == '{' ? '}' : ']')) {
                closeContainer(i);
                ++i;
            } else {
                if (!openItem(t, i, index))
                    return false;
                continue;
            }
        } else {
            const std::size_t e = c == '"' ? stringEnd(t, i) : scalarEnd(t, i);
            ParsedJson scalar = parseJson(t.substr(i, e - i));
            if (!scalar.ok || e == i)
                return false;
            node.scalar = std::move(scalar.value);
            node.end = e;
            i = e;
        }
        // After a value: the next item, or closing brackets.
        bool another = false;
        while (!stack.empty()) {
            i = skipWs(t, i);
            if (i >= n)
                return false;
            const Node &top = nodes[static_cast<std::size_t>(stack.back())];
            if (t[i] == ',') {
                i = skipWs(t, i + 1);
                if (!openItem(t, i, stack.back()))
                    return false;
                another = true;
                break;
            }
            if (t[i] != (top.kind == Node::Kind::Object ? '}' : ']'))
                return false;
            closeContainer(i);
            ++i;
        }
        if (!another)
            return skipWs(t, i) == n;
    }
}

JsonTextStyle styleOf(std::string_view t, const Tree &tree)
{
    JsonTextStyle s;
    const std::size_t nl = t.find('\n');
    if (nl != std::string_view::npos && nl > 0 && t[nl - 1] == '\r')
        s.newline = "\r\n";
    bool haveIndent = false, haveColon = false, haveComma = false;
    bool haveObjectPad = false, haveArrayPad = false;
    for (const Node &node : tree.nodes) {
        if (node.kind == Node::Kind::Scalar || node.items.empty())
            continue;
        const bool isObject = node.kind == Node::Kind::Object;
        const std::size_t firstStart = node.items.front().start;
        const std::size_t lastEnd = tree.nodes[static_cast<std::size_t>(node.items.back().node)].end;
        const std::string_view lead = t.substr(node.start + 1, firstStart - node.start - 1);
        const std::string_view trail = t.substr(lastEnd, node.end - 1 - lastEnd);
        if (node.multiLine && !haveIndent) {
            const auto itemIndent = afterLastNewline(lead);
            const auto closeIndent = afterLastNewline(trail);
            if (itemIndent && closeIndent && itemIndent->size() > closeIndent->size() &&
                itemIndent->substr(0, closeIndent->size()) == *closeIndent) {
                s.indent = std::string(itemIndent->substr(closeIndent->size()));
                haveIndent = true;
            }
        }
        if (isObject && !haveColon) {
            const Item &first = node.items.front();
            const std::string_view colon =
                t.substr(first.keyEnd,
                         tree.nodes[static_cast<std::size_t>(first.node)].start - first.keyEnd);
            if (colon.find('\n') == std::string_view::npos) {
                s.colon = std::string(colon);
                haveColon = true;
            }
        }
        if (!node.multiLine) {
            if (node.items.size() >= 2 && !haveComma) {
                const std::size_t end0 =
                    tree.nodes[static_cast<std::size_t>(node.items[0].node)].end;
                s.comma = std::string(t.substr(end0, node.items[1].start - end0));
                haveComma = true;
            }
            bool &havePad = isObject ? haveObjectPad : haveArrayPad;
            if (!havePad) {
                (isObject ? s.objectPad : s.arrayPad) = std::string(lead);
                havePad = true;
            }
        }
    }
    return s;
}

class Patcher
{
public:
    Patcher(std::string_view t, const Tree &tree, JsonTextStyle style)
        : m_t(t)
        , m_tree(tree)
        , m_style(std::move(style))
        , m_compact(m_style)
    {
        m_compact.indent.clear();
    }

    // Appends the text of `v` where node `n` stood; `indent` is the indentation of its line,
    // `oneLine` says it sits inside a one-line container.
    void value(int n, const Json &v, std::string_view indent, bool oneLine, std::string &out);

private:
    struct Entry
    {
        int old = -1;                  ///< index of the original item it replaces; -1 = new
        const std::string *key = nullptr; ///< members
        const Json *value = nullptr;
    };

    const Node &node(int n) const { return m_tree.nodes[static_cast<std::size_t>(n)]; }
    std::size_t itemEnd(const Node &c, std::size_t k) const { return node(c.items[k].node).end; }
    void fresh(const Json &v, std::string_view indent, bool oneLine, std::string &out) const
    {
        out += formatJsonText(v, oneLine ? m_compact : m_style, indent);
    }
    bool equals(int n, const Json &v) const;
    void container(int n, const Json &v, std::string_view indent, bool oneLine, std::string &out);
    std::vector<Entry> matchMembers(const Node &c, const Json &v) const;
    std::vector<Entry> matchElements(const Node &c, const Json &v) const;

    std::string_view m_t;
    const Tree &m_tree;
    JsonTextStyle m_style;
    JsonTextStyle m_compact;
};

bool Patcher::equals(int n, const Json &v) const
{
    const Node &c = node(n);
    switch (c.kind) {
    case Node::Kind::Scalar:
        return sameScalar(c.scalar, v);
    case Node::Kind::Object: {
        if (!v.is_object() || v.size() != c.items.size())
            return false;
        std::size_t k = 0;
        for (auto it = v.begin(); it != v.end(); ++it, ++k) {
            if (it.key() != c.items[k].key || !equals(c.items[k].node, it.value()))
                return false;
        }
        return true;
    }
    case Node::Kind::Array: {
        if (!v.is_array() || v.size() != c.items.size())
            return false;
        for (std::size_t k = 0; k < c.items.size(); ++k)
            if (!equals(c.items[k].node, v[k]))
                return false;
        return true;
    }
    }
    return false;
}

std::vector<Patcher::Entry> Patcher::matchMembers(const Node &c, const Json &v) const
{
    // A key repeated in the original: its last occurrence is the value JSON.parse kept.
    std::unordered_map<std::string_view, int> byKey;
    for (std::size_t k = 0; k < c.items.size(); ++k)
        byKey[c.items[k].key] = static_cast<int>(k);
    std::vector<bool> used(c.items.size(), false);
    std::vector<Entry> entries;
    entries.reserve(v.size());
    for (auto it = v.begin(); it != v.end(); ++it) {
        Entry e;
        e.key = &it.key();
        e.value = &it.value();
        const auto found = byKey.find(it.key());
        if (found != byKey.end() && !used[static_cast<std::size_t>(found->second)]) {
            e.old = found->second;
            used[static_cast<std::size_t>(found->second)] = true;
        }
        entries.push_back(e);
    }
    return entries;
}

std::vector<Patcher::Entry> Patcher::matchElements(const Node &c, const Json &v) const
{
    const auto &arr = v.get_ref<const Json::array_t &>();
    const std::size_t n = c.items.size();
    const std::size_t m = arr.size();
    std::vector<int> newToOld(m, -1);
    std::vector<bool> oldUsed(n, false);
    const auto pair = [&](std::size_t o, std::size_t w) {
        newToOld[w] = static_cast<int>(o);
        oldUsed[o] = true;
    };
    // Equal prefix and suffix, then the longest common subsequence of the middle.
    std::size_t prefix = 0;
    while (prefix < n && prefix < m && equals(c.items[prefix].node, arr[prefix])) {
        pair(prefix, prefix);
        ++prefix;
    }
    std::size_t suffix = 0;
    while (suffix < n - prefix && suffix < m - prefix &&
           equals(c.items[n - 1 - suffix].node, arr[m - 1 - suffix])) {
        pair(n - 1 - suffix, m - 1 - suffix);
        ++suffix;
    }
    const std::size_t a = n - prefix - suffix;
    const std::size_t b = m - prefix - suffix;
    if (a > 0 && b > 0 && a * b <= 250000) {
        // lcs[i][j]: LCS length of old[prefix+i..] and new[prefix+j..].
        std::vector<std::uint32_t> lcs((a + 1) * (b + 1), 0);
        std::vector<char> eq(a * b, 0);
        for (std::size_t i = a; i-- > 0;) {
            for (std::size_t j = b; j-- > 0;) {
                eq[i * b + j] = equals(c.items[prefix + i].node, arr[prefix + j]);
                lcs[i * (b + 1) + j] =
                    eq[i * b + j] ? lcs[(i + 1) * (b + 1) + j + 1] + 1
                                  : std::max(lcs[(i + 1) * (b + 1) + j], lcs[i * (b + 1) + j + 1]);
            }
        }
        std::size_t i = 0, j = 0;
        while (i < a && j < b) {
            if (eq[i * b + j]) {
                pair(prefix + i, prefix + j);
                ++i, ++j;
            } else if (lcs[(i + 1) * (b + 1) + j] >= lcs[i * (b + 1) + j + 1]) {
                ++i;
            } else {
                ++j;
            }
        }
    }
    // Unmatched elements between two matches: changed ones. Pair objects with the same "id"
    // first (an edited step that also moved), then the rest in order.
    std::size_t prevOld = 0, prevNew = 0; // gap starts
    const auto fillGap = [&](std::size_t oldEnd, std::size_t newEnd) {
        const auto idOfNew = [&](std::size_t w) -> const Json * {
            const Json &e = arr[w];
            if (!e.is_object())
                return nullptr;
            const auto f = e.find("id");
            return f != e.end() && f->is_string() ? &*f : nullptr;
        };
        const auto idOfOld = [&](std::size_t o) -> const Json * {
            const Node &e = node(c.items[o].node);
            if (e.kind != Node::Kind::Object)
                return nullptr;
            for (const Item &it : e.items)
                if (it.key == "id" && node(it.node).kind == Node::Kind::Scalar &&
                    node(it.node).scalar.is_string())
                    return &node(it.node).scalar;
            return nullptr;
        };
        for (std::size_t w = prevNew; w < newEnd; ++w) {
            const Json *id = idOfNew(w);
            if (!id)
                continue;
            for (std::size_t o = prevOld; o < oldEnd; ++o) {
                const Json *oid = oldUsed[o] ? nullptr : idOfOld(o);
                if (oid && *oid == *id) {
                    pair(o, w);
                    break;
                }
            }
        }
        std::size_t o = prevOld;
        for (std::size_t w = prevNew; w < newEnd; ++w) {
            if (newToOld[w] >= 0)
                continue;
            while (o < oldEnd && oldUsed[o])
                ++o;
            if (o >= oldEnd)
                break;
            pair(o, w);
        }
    };
    for (std::size_t w = 0; w <= m; ++w) {
        if (w < m && newToOld[w] < 0)
            continue;
        const std::size_t oldEnd = w < m ? static_cast<std::size_t>(newToOld[w]) : n;
        // Matches are in increasing order on both sides, so [prevOld, oldEnd) is this gap.
        if (w > prevNew || oldEnd > prevOld)
            fillGap(std::max(oldEnd, prevOld), w);
        if (w < m) {
            prevOld = oldEnd + 1;
            prevNew = w + 1;
        }
    }
    std::vector<Entry> entries(m);
    for (std::size_t w = 0; w < m; ++w) {
        entries[w].old = newToOld[w];
        entries[w].value = &arr[w];
    }
    return entries;
}

void Patcher::container(int n, const Json &v, std::string_view indent, bool oneLine,
                        std::string &out)
{
    const Node &c = node(n);
    const bool isObject = c.kind == Node::Kind::Object;
    if (c.items.empty() || v.empty()) {
        if (c.items.empty() && v.empty())
            out.append(m_t.substr(c.start, c.end - c.start));
        else if (v.empty())
            out += isObject ? "{}" : "[]";
        else
            fresh(v, indent, oneLine, out);
        return;
    }
    const std::vector<Entry> entries = isObject ? matchMembers(c, v) : matchElements(c, v);
    const std::size_t from = out.size();
    const std::string_view lead =
        m_t.substr(c.start + 1, c.items.front().start - c.start - 1);
    const std::size_t lastEnd = itemEnd(c, c.items.size() - 1);
    const std::string_view trail = m_t.substr(lastEnd, c.end - 1 - lastEnd);
    std::string itemIndent(indent);
    std::string separator; // before an item that did not follow its predecessor in the original
    if (c.multiLine) {
        if (const auto li = afterLastNewline(lead))
            itemIndent = std::string(*li);
        else
            itemIndent += m_style.indent;
        separator = "," + m_style.newline + itemIndent;
    } else if (c.items.size() >= 2) {
        separator = std::string(m_t.substr(itemEnd(c, 0), c.items[1].start - itemEnd(c, 0)));
    } else {
        separator = m_style.comma;
    }
    const bool childOneLine = oneLine || !c.multiLine;

    out += m_t[c.start];
    out += lead;
    for (std::size_t k = 0; k < entries.size(); ++k) {
        const Entry &e = entries[k];
        if (k > 0) {
            // An original item keeps the separator it had before it (a blank line stays; a
            // removed item goes with the comma and line before it).
            if (e.old > 0) {
                const std::size_t prevEnd = itemEnd(c, static_cast<std::size_t>(e.old) - 1);
                out += m_t.substr(prevEnd, c.items[static_cast<std::size_t>(e.old)].start - prevEnd);
            } else {
                out += separator;
            }
        }
        if (e.old >= 0) {
            const Item &item = c.items[static_cast<std::size_t>(e.old)];
            if (isObject)
                out += m_t.substr(item.start, node(item.node).start - item.start);
            value(item.node, *e.value, itemIndent, childOneLine, out);
        } else {
            if (isObject) {
                appendJsonStringText(out, *e.key);
                out += m_style.colon;
            }
            fresh(*e.value, itemIndent, childOneLine, out);
        }
    }
    out += trail;
    out += m_t[c.end - 1];
    // A short one-line container that grew long is laid out on lines (one that was long
    // already, such as a minified file, keeps its form).
    if (!c.multiLine && !oneLine && c.end - c.start <= kOneLineLimit &&
        out.size() - from > kOneLineLimit) {
        out.resize(from);
        fresh(v, indent, false, out);
    }
}

void Patcher::value(int n, const Json &v, std::string_view indent, bool oneLine,
                    std::string &out)
{
    const Node &c = node(n);
    if (c.kind == Node::Kind::Scalar) {
        if (sameScalar(c.scalar, v))
            out.append(m_t.substr(c.start, c.end - c.start));
        else
            fresh(v, indent, oneLine, out);
        return;
    }
    if ((c.kind == Node::Kind::Object && v.is_object()) ||
        (c.kind == Node::Kind::Array && v.is_array())) {
        container(n, v, indent, oneLine, out);
        return;
    }
    fresh(v, indent, oneLine, out);
}

} // namespace

JsonTextStyle detectJsonTextStyle(std::string_view text)
{
    Tree tree;
    if (!parseJson(text).ok || !tree.build(text))
        return JsonTextStyle{};
    return styleOf(text, tree);
}

std::string patchJsonText(std::string_view original, const Json &value)
{
    if (original.empty() || !parseJson(original).ok)
        return formatJsonForSave(value);
    Tree tree;
    if (!tree.build(original))
        return formatJsonForSave(value);
    Patcher patcher(original, tree, styleOf(original, tree));
    const Node &root = tree.nodes[static_cast<std::size_t>(tree.root)];
    std::string out;
    out.reserve(original.size() + 256);
    out.append(original.substr(0, root.start));
    patcher.value(tree.root, value, lineIndentAt(original, root.start), false, out);
    out.append(original.substr(root.end));
    return out;
}

} // namespace wfs
