// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Shared helpers of the Node-driven MCP tests: where the build-tree packages are, skipping
// (exit 77) when npm could not install them, and starting `wfstudio mcp --http` on a free port.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

export const NODE_DIR = process.env.WFS_MCP_NODE_DIR ?? '';
export const WFSTUDIO = process.env.WFSTUDIO ?? '';

export function skip(why) {
  console.log(`SKIP: ${why}`);
  process.exit(77);
}

// Requires the named packages under NODE_DIR/node_modules, or skips.
export function requirePackages(...names) {
  if (!WFSTUDIO || !existsSync(WFSTUDIO)) skip(`wfstudio binary not found (${WFSTUDIO})`);
  for (const n of names) {
    if (!existsSync(path.join(NODE_DIR, 'node_modules', n, 'package.json')))
      skip(`${n} is not installed in ${NODE_DIR} (npm unreachable?)`);
  }
  return createRequire(path.join(NODE_DIR, 'package.json'));
}

// Starts `wfstudio mcp --http 127.0.0.1:0 ...extra`; resolves {url, child} once it listens.
export function startHttpServer(extra = [], env = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(WFSTUDIO, ['mcp', '--http', '127.0.0.1:0', ...extra], {
      env: { ...process.env, ...env }, stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 15000);
    child.stderr.on('data', (d) => {
      err += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        resolve({ url: m[1], child });
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code}): ${err}`)));
  });
}

export function stop(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}
