// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Shared by the engine's unit tests (tst_engine, tst_conditions, tst_jsvalues,
// tst_stepvalidation, tst_sessions): JSON from literal text and an engine over ../shared's
// WorkRail corpus and probe workflows.
#pragma once

#include "testutil.h"

#include "engine/engine.h"
#include "engine/jsvalue.h"
#include "model/jsonio.h"

#include <QByteArray>
#include <QString>

#include <memory>
#include <string>

namespace wfs::test {

inline Json parse(const QByteArray &text)
{
    const ParsedJson p =
        parseJson(std::string_view(text.constData(), static_cast<std::size_t>(text.size())));
    return p.ok ? p.value : Json();
}

// An engine serving ../shared's WorkRail workflows, the loop examples and the trace probes
// (nothing bundled, no standard locations, no file watching).
inline std::unique_ptr<Engine> sharedEngine()
{
    const QString s = sharedDir();
    Engine::Options o;
    o.includeBundled = false;
    o.useStandardLocations = false;
    o.useEnvironment = false;
    o.watchFiles = false;
    o.extraDirs = {(s + "/workrail/workflows").toStdString(),
                   (s + "/workrail/workflows/examples/loops").toStdString(),
                   (s + "/workrail-traces/workflows").toStdString()};
    return std::make_unique<Engine>(o);
}

// Removes `key` at every depth (timestamps that differ between runs).
inline void dropKey(Json &v, const char *key)
{
    if (v.is_object()) {
        v.erase(key);
        for (auto it = v.begin(); it != v.end(); ++it)
            dropKey(it.value(), key);
    } else if (v.is_array()) {
        for (Json &e : v)
            dropKey(e, key);
    }
}

} // namespace wfs::test
