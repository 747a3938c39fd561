// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// JCOMPARE: QCOMPARE for JSON values in tests that link the model.
#pragma once

#include "model/json.h"

#include <QTest>

// QCOMPARE for wfs::Json and anything convertible to it (QCOMPARE's mixed-type overloads do not
// accept nlohmann values); prints both sides on failure. Each side is evaluated once: a side
// that reads a reply must not read a second one to build the message.
#define JCOMPARE(actual, expected)                                                                 \
    do {                                                                                           \
        const wfs::Json jcompareActual_ = wfs::Json(actual);                                       \
        const wfs::Json jcompareExpected_ = wfs::Json(expected);                                   \
        QVERIFY2(jcompareActual_ == jcompareExpected_,                                             \
                 (jcompareActual_.dump() + " != " + jcompareExpected_.dump()).c_str());            \
    } while (false)
