// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Helpers shared by the tests: where ../shared is, and skipping cleanly when it is absent.
#pragma once

#include <QDir>
#include <QString>
#include <QTest>

namespace wfs::test {

// ../shared beside the repository (WorkRail corpus, traces, specs); WFS_SHARED_DIR overrides.
inline QString sharedDir()
{
    const QByteArray env = qgetenv("WFS_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(WFS_SHARED_DIR_DEFAULT)
                                         : QString::fromLocal8Bit(env));
}

inline bool hasShared()
{
    return QDir(sharedDir() + QStringLiteral("/workrail/workflows")).exists();
}

inline QString sourceDir()
{
    return QStringLiteral(WFS_SOURCE_DIR);
}

inline QString binaryDir()
{
    return QStringLiteral(WFS_BINARY_DIR);
}

} // namespace wfs::test

// Skips the current test function, saying why, when ../shared is not beside the repository.
#define WFS_REQUIRE_SHARED()                                                                       \
    do {                                                                                           \
        if (!wfs::test::hasShared())                                                               \
            QSKIP(qPrintable(QStringLiteral("../shared is absent (looked in %1); this test needs " \
                                            "the WorkRail corpus")                                 \
                                 .arg(wfs::test::sharedDir())));                                   \
    } while (false)

// Skips with `message` where the machine cannot run a check (a file system without the needed
// feature, ...), but fails under the README's test command (installer/setup.sh test, hence CI),
// which sets WFS_REQUIRE_ALL_TESTS=1: there the check must run, not pass by skipping.
#define WFS_SKIP_UNLESS_REQUIRED(message)                                                          \
    do {                                                                                           \
        if (qEnvironmentVariableIntValue("WFS_REQUIRE_ALL_TESTS") == 1)                            \
            QFAIL(qPrintable(QStringLiteral("%1 (WFS_REQUIRE_ALL_TESTS=1: this check must run)")   \
                                 .arg(QStringLiteral(message))));                                  \
        QSKIP(message);                                                                            \
    } while (false)

// QVERIFY for a wfs::Result: prints the error text on failure.
#define WFS_VERIFY_RESULT(expr)                                                                    \
    do {                                                                                           \
        const auto &wfsResult_ = (expr);                                                           \
        QVERIFY2(wfsResult_.ok(), wfsResult_.ok() ? "" : wfsResult_.error().c_str());              \
    } while (false)
