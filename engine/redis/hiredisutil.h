// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Private to wfs_redis (included by its .cpp files only): the hiredis 0.14 helpers the client
// and the subscriber share. No public header includes this file.
#pragma once

#include "redisclient.h"

#include <hiredis/hiredis.h>

#include <sys/time.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace wfs::redis::detail {

struct ContextFree
{
    void operator()(redisContext *c) const noexcept { redisFree(c); }
};
using ContextPtr = std::unique_ptr<redisContext, ContextFree>;

struct ReplyFree
{
    void operator()(void *r) const noexcept { freeReplyObject(r); }
};
using ReplyPtr = std::unique_ptr<void, ReplyFree>;

inline timeval toTimeval(int ms)
{
    ms = ms < 1 ? 1 : ms;
    timeval tv{};
    tv.tv_sec = ms / 1000;
    tv.tv_usec = (ms % 1000) * 1000;
    return tv;
}

// Copies a hiredis reply (recursively) into our type.
inline RedisReply copyReply(const redisReply *r)
{
    RedisReply out;
    if (!r)
        return out;
    switch (r->type) {
    case REDIS_REPLY_STRING:
        out.type = RedisReply::Type::String;
        out.str.assign(r->str, r->len);
        break;
    case REDIS_REPLY_STATUS:
        out.type = RedisReply::Type::Status;
        out.str.assign(r->str, r->len);
        break;
    case REDIS_REPLY_ERROR:
        out.type = RedisReply::Type::Error;
        out.str.assign(r->str, r->len);
        break;
    case REDIS_REPLY_INTEGER:
        out.type = RedisReply::Type::Integer;
        out.integer = r->integer;
        break;
    case REDIS_REPLY_ARRAY:
        out.type = RedisReply::Type::Array;
        out.elements.reserve(r->elements);
        for (size_t i = 0; i < r->elements; ++i)
            out.elements.push_back(copyReply(r->element[i]));
        break;
    default:
        out.type = RedisReply::Type::Nil;
        break;
    }
    return out;
}

// Appends one command (binary-safe) to the context's output buffer.
inline bool appendArgv(redisContext *c, const std::vector<std::string_view> &argv)
{
    std::vector<const char *> ptrs;
    std::vector<size_t> lens;
    ptrs.reserve(argv.size());
    lens.reserve(argv.size());
    for (std::string_view a : argv) {
        ptrs.push_back(a.data());
        lens.push_back(a.size());
    }
    return redisAppendCommandArgv(c, int(argv.size()), ptrs.data(), lens.data()) == REDIS_OK;
}

} // namespace wfs::redis::detail
