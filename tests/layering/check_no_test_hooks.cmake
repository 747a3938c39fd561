# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
# cmake -DNOHOOKS=<the installed studio> -DSTUDIO=<build/bin/workflow-studio> -DHOOKS=ON|OFF -P ...
# `strings` over the binaries: the one without hooks must contain no "WFS_TEST_" string (the
# environment variables of ui/testhooks.cpp); the shipped studio must contain them exactly when
# this build has WFS_TEST_HOOKS on (so the check itself is known to see them).
find_program(STRINGS_PROGRAM strings REQUIRED)
function(hook_strings binary out)
  execute_process(COMMAND ${STRINGS_PROGRAM} -a ${binary} OUTPUT_VARIABLE text
                  RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "strings ${binary} failed (${rc})")
  endif()
  string(REGEX MATCHALL "WFS_TEST_[A-Z_]+" found "${text}")
  list(REMOVE_DUPLICATES found)
  set(${out} "${found}" PARENT_SCOPE)
endfunction()

hook_strings(${NOHOOKS} without)
if(without)
  message(FATAL_ERROR "${NOHOOKS} (no test hooks) contains: ${without}")
endif()
message(STATUS "${NOHOOKS}: no WFS_TEST_ string")

hook_strings(${STUDIO} shipped)
if(HOOKS)
  if(NOT shipped MATCHES "WFS_TEST_EDIT")
    message(FATAL_ERROR "${STUDIO} was built with WFS_TEST_HOOKS but has no hook strings: "
                        "the check would not see them")
  endif()
  message(STATUS "${STUDIO} (WFS_TEST_HOOKS=ON): ${shipped}")
elseif(shipped)
  message(FATAL_ERROR "${STUDIO} (WFS_TEST_HOOKS=OFF) contains: ${shipped}")
else()
  message(STATUS "${STUDIO} (WFS_TEST_HOOKS=OFF): no WFS_TEST_ string")
endif()
