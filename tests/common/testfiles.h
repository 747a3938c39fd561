// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Files and workflows for the tests that link model (testutil.h is for every test): one
// writeFile, one readJson and the smallest valid workflow, instead of a copy per test file.
#pragma once

#include "model/json.h"

#include <QByteArray>
#include <QFile>
#include <QString>
#include <QTest>

#include <string>

namespace wfs::test {

// Writes `bytes` to `path` (created or truncated); fails the current test when it cannot.
inline void writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    QVERIFY2(f.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(f.write(bytes), bytes.size());
}

// The JSON document in `path`, or a discarded value when it cannot be read or parsed.
inline Json readJson(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Json(Json::value_t::discarded);
    const QByteArray bytes = f.readAll();
    return Json::parse(bytes.constData(), bytes.constData() + bytes.size(), nullptr, false);
}

// The smallest workflow that passes every check: one step, s-1.
inline Json minimalWorkflow(const std::string &id = "abc", const std::string &name = "n")
{
    return Json{{"id", id},
                {"name", name},
                {"description", "d"},
                {"version", "1.0.0"},
                {"steps", Json::array({Json{{"id", "s-1"}, {"title", "t"}, {"prompt", "p"}}})}};
}

} // namespace wfs::test
