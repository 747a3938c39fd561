// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Donor translation unit of the precompiled header every test reuses (tests/CMakeLists.txt).
