#!/usr/bin/env bash
# SPDX-FileCopyrightText: 2026 Workflow Studio authors
# SPDX-License-Identifier: MIT
# Runs ../shared/tools/check-traces --vars against `wfstudio mcp` (stdio) with the MCP SDK from
# the build tree. Exits 77 (CTest skip) when ../shared or the SDK is absent.
set -u
: "${WFS_SHARED_DIR:?}" "${WFSTUDIO:?}" "${WFS_MCP_NODE_DIR:?}"
if [[ ! -x $WFS_SHARED_DIR/tools/check-traces ]]; then
  echo "SKIP: $WFS_SHARED_DIR/tools/check-traces is absent"
  exit 77
fi
if [[ ! -f $WFS_MCP_NODE_DIR/node_modules/@modelcontextprotocol/sdk/package.json ]]; then
  echo "SKIP: the MCP SDK is not installed in $WFS_MCP_NODE_DIR (npm unreachable?)"
  exit 77
fi
export MCP_SDK_DIR=$WFS_MCP_NODE_DIR/node_modules
exec "$WFS_SHARED_DIR/tools/check-traces" --vars --jobs 2 -- "$WFSTUDIO" mcp
