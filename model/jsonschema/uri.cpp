// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "uri.h"

#include <optional>

namespace wfs::schema {
namespace {

struct UriParts
{
    std::string_view scheme;
    std::optional<std::string_view> authority;
    std::string_view path;
    std::optional<std::string_view> query;
    std::optional<std::string_view> fragment;
};

bool isSchemeChar(char c, bool first)
{
    const bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (first)
        return alpha;
    return alpha || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

UriParts split(std::string_view s)
{
    UriParts p;
    if (const std::size_t hash = s.find('#'); hash != std::string_view::npos) {
        p.fragment = s.substr(hash + 1);
        s = s.substr(0, hash);
    }
    if (const std::size_t q = s.find('?'); q != std::string_view::npos) {
        p.query = s.substr(q + 1);
        s = s.substr(0, q);
    }
    const std::size_t colon = s.find(':');
    if (colon != std::string_view::npos && colon > 0) {
        bool ok = true;
        for (std::size_t k = 0; k < colon && ok; ++k)
            ok = isSchemeChar(s[k], k == 0);
        const std::size_t slash = s.find('/');
        if (ok && (slash == std::string_view::npos || colon < slash)) {
            p.scheme = s.substr(0, colon);
            s = s.substr(colon + 1);
        }
    }
    if (s.starts_with("//")) {
        s = s.substr(2);
        const std::size_t slash = s.find('/');
        p.authority = s.substr(0, slash);
        s = slash == std::string_view::npos ? std::string_view() : s.substr(slash);
    }
    p.path = s;
    return p;
}

std::string removeDotSegments(std::string_view in)
{
    std::string input(in);
    std::string out;
    while (!input.empty()) {
        if (input.starts_with("../")) {
            input.erase(0, 3);
        } else if (input.starts_with("./")) {
            input.erase(0, 2);
        } else if (input.starts_with("/./")) {
            input.erase(0, 2);
        } else if (input == "/.") {
            input = "/";
        } else if (input.starts_with("/../") || input == "/..") {
            input = input == "/.." ? "/" : input.substr(3);
            const std::size_t last = out.rfind('/');
            out.erase(last == std::string::npos ? 0 : last);
        } else if (input == "." || input == "..") {
            input.clear();
        } else {
            const std::size_t next = input.find('/', input[0] == '/' ? 1 : 0);
            out += input.substr(0, next);
            input.erase(0, next == std::string::npos ? input.size() : next);
        }
    }
    return out;
}

std::string compose(std::string_view scheme, const std::optional<std::string> &authority,
                    const std::string &path, std::optional<std::string_view> query,
                    std::optional<std::string_view> fragment)
{
    std::string r;
    if (!scheme.empty()) {
        r += scheme;
        r += ':';
    }
    if (authority) {
        r += "//";
        r += *authority;
    }
    r += path;
    if (query) {
        r += '?';
        r += *query;
    }
    if (fragment) {
        r += '#';
        r += *fragment;
    }
    return r;
}

} // namespace

std::string resolveUri(std::string_view base, std::string_view ref)
{
    const UriParts r = split(ref);
    if (!r.scheme.empty()) {
        std::optional<std::string> auth;
        if (r.authority)
            auth = std::string(*r.authority);
        return compose(r.scheme, auth, removeDotSegments(r.path), r.query, r.fragment);
    }
    const UriParts b = split(base);
    std::optional<std::string> auth;
    std::string path;
    std::optional<std::string_view> query;
    if (r.authority) {
        auth = std::string(*r.authority);
        path = removeDotSegments(r.path);
        query = r.query;
    } else {
        if (b.authority)
            auth = std::string(*b.authority);
        if (r.path.empty()) {
            path = std::string(b.path);
            query = r.query ? r.query : b.query;
        } else {
            if (r.path.front() == '/') {
                path = removeDotSegments(r.path);
            } else {
                std::string merged;
                if (b.authority && b.path.empty()) {
                    merged = "/" + std::string(r.path);
                } else {
                    const std::size_t slash = b.path.rfind('/');
                    merged = slash == std::string_view::npos
                                 ? std::string(r.path)
                                 : std::string(b.path.substr(0, slash + 1)) + std::string(r.path);
                }
                // Dot segments of a relative base path ("../a") cannot be removed meaningfully.
                path = (b.scheme.empty() && !b.authority && !merged.starts_with("/"))
                           ? merged
                           : removeDotSegments(merged);
            }
            query = r.query;
        }
    }
    return compose(b.scheme, auth, path, query, r.fragment);
}

std::string_view uriWithoutFragment(std::string_view uri)
{
    return uri.substr(0, uri.find('#'));
}

std::string_view uriFragment(std::string_view uri)
{
    const std::size_t hash = uri.find('#');
    return hash == std::string_view::npos ? std::string_view() : uri.substr(hash + 1);
}

std::string percentDecode(std::string_view s)
{
    auto hex = [](char c) -> int {
        if (c >= '0' && c <= '9')
            return c - '0';
        if (c >= 'a' && c <= 'f')
            return c - 'a' + 10;
        if (c >= 'A' && c <= 'F')
            return c - 'A' + 10;
        return -1;
    };
    std::string out;
    out.reserve(s.size());
    for (std::size_t k = 0; k < s.size(); ++k) {
        if (s[k] == '%' && k + 2 < s.size() && hex(s[k + 1]) >= 0 && hex(s[k + 2]) >= 0) {
            out += static_cast<char>(hex(s[k + 1]) * 16 + hex(s[k + 2]));
            k += 2;
        } else {
            out += s[k];
        }
    }
    return out;
}

} // namespace wfs::schema
