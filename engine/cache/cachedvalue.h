// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// What the result cache holds: one tool answer, decoded (for the in-memory level) and encoded
// (for the SQLite level). Immutable once built and shared between threads.
#pragma once

#include "engine/engine.h"
#include "model/json.h"

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace wfs::cache {

struct CachedValue
{
    bool isError = false;
    Json payload;          ///< the answer object, null for plain-text answers
    std::string text;      ///< the plain-text answer when payload is null
    std::string encoded;   ///< {"e":isError,"p":payload,"t":text} as compact JSON
    std::size_t bytes = 0; ///< estimated memory held by this value
    bool bypass = false;   ///< marker: answers for this key are not cacheable (memory level only)
    /// The answer written out for the MCP transports (null on the bypass marker).
    std::shared_ptr<const SerializedAnswer> serialized;

    // Builds a value and its encoded form.
    static std::shared_ptr<const CachedValue> make(bool isError, Json payload, std::string text);
    // The marker ResultCache::markBypass() stores: tells the next lookup of the key to skip the
    // cache (counted as a bypass, not a miss) without recomputing to find out.
    static std::shared_ptr<const CachedValue> bypassMarker();
    // Decodes what `encoded` produced; null when the bytes are not such an object.
    static std::shared_ptr<const CachedValue> decode(std::string_view encoded);
};

using CachedValuePtr = std::shared_ptr<const CachedValue>;

} // namespace wfs::cache
