# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
# CTest fixture: installs the official MCP conformance suite and TypeScript SDK into the build
# tree (NODE_DIR). A failing npm (offline machine) is not an error: the tests that need the
# packages skip with a clear message when node_modules is incomplete.
file(MAKE_DIRECTORY ${NODE_DIR})
if(EXISTS ${NODE_DIR}/node_modules/@modelcontextprotocol/conformance/package.json
   AND EXISTS ${NODE_DIR}/node_modules/@modelcontextprotocol/sdk/package.json)
  message(STATUS "MCP npm packages already installed in ${NODE_DIR}")
  return()
endif()
file(WRITE ${NODE_DIR}/package.json "{\"name\":\"wfs-mcp-tests\",\"private\":true}\n")
execute_process(
  COMMAND ${NPM} install --no-audit --no-fund --loglevel=error
          @modelcontextprotocol/conformance@0.1.12 @modelcontextprotocol/sdk@1.32.2
  WORKING_DIRECTORY ${NODE_DIR}
  RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err TIMEOUT 540)
if(NOT rc EQUAL 0)
  message(WARNING "npm install failed (${rc}); the MCP Node tests will be skipped:\n${err}")
else()
  message(STATUS "installed MCP npm packages into ${NODE_DIR}")
endif()
