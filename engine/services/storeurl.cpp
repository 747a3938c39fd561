// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
#include "storeurl.h"

#include <cstdlib>

namespace wfs::services {

namespace {

bool startsWith(std::string_view s, std::string_view prefix)
{
    return s.substr(0, prefix.size()) == prefix;
}

} // namespace

Result<StoreLocation> parseStoreUrl(std::string_view url)
{
    using R = Result<StoreLocation>;
    StoreLocation location;
    if (url.empty())
        return location;
    if (startsWith(url, "sqlite:")) {
        location.target = std::string(url.substr(7));
        if (startsWith(location.target, "//")) // sqlite:///abs/path
            location.target.erase(0, 2);
        return location;
    }
    if (startsWith(url, "postgresql://") || startsWith(url, "postgres://")) {
        location.kind = StoreLocation::Kind::PostgreSql;
        location.target = std::string(url);
        return location;
    }
    return R::failure("unknown store '" + redactUrl(url) +
                      "': expected sqlite:PATH or postgresql://[USER[:PASSWORD]@]HOST[:PORT]/DB");
}

Result<std::string> parseCacheUrl(std::string_view url)
{
    if (url.empty() || startsWith(url, "redis://"))
        return std::string(url);
    return Result<std::string>::failure("unknown cache '" + redactUrl(url) +
                                        "': expected redis://HOST:PORT[/DB]");
}

std::string redactUrl(std::string_view url)
{
    const std::size_t scheme = url.find("://");
    if (scheme == std::string_view::npos)
        return std::string(url);
    const std::size_t start = scheme + 3;
    const std::size_t end = url.find_first_of("/?#", start);
    const std::string_view authority =
        url.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start);
    const std::size_t at = authority.rfind('@');
    if (at == std::string_view::npos)
        return std::string(url);
    const std::size_t colon = authority.substr(0, at).find(':');
    if (colon == std::string_view::npos)
        return std::string(url);
    std::string out(url.substr(0, start));
    out += authority.substr(0, colon + 1);
    out += "***";
    out += url.substr(start + at);
    return out;
}

std::string urlFromFlagOrEnvironment(const std::string &flag, const char *name)
{
    if (!flag.empty())
        return flag;
    const char *value = std::getenv(name);
    return value ? std::string(value) : std::string();
}

} // namespace wfs::services
