// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Runs the official MCP conformance suite (@modelcontextprotocol/conformance 0.1.12, installed in
// the build tree) against `wfstudio mcp --http`. Every listed scenario must finish with no check
// in status FAILURE (WARNING/INFO are allowed, as the suite itself rules).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { NODE_DIR, requirePackages, startHttpServer, stop } from './common.mjs';

requirePackages('@modelcontextprotocol/conformance');
const scenarios = [
  'server-initialize', 'ping', 'tools-list', 'logging-set-level', 'resources-list',
  'prompts-list', 'dns-rebinding-protection', 'server-sse-polling', 'server-sse-multiple-streams',
];
const cli = path.join(NODE_DIR, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
const { url, child } = await startHttpServer(['--rate-limit', '0']);
let failed = 0;
try {
  for (const scenario of scenarios) {
    const out = mkdtempSync(path.join(os.tmpdir(), 'wfs-conf-'));
    const r = spawnSync(process.execPath, [cli, 'server', '--url', url, '--scenario', scenario, '-o', out],
                        { cwd: NODE_DIR, encoding: 'utf8', timeout: 120000 });
    const checks = [];
    for (const dir of existsSync(out) ? readdirSync(out) : []) {
      const f = path.join(out, dir, 'checks.json');
      if (existsSync(f)) checks.push(...JSON.parse(readFileSync(f, 'utf8')));
    }
    const failures = checks.filter((c) => c.status === 'FAILURE');
    const warnings = checks.filter((c) => c.status === 'WARNING');
    const ok = r.status === 0 && failures.length === 0 && checks.length > 0;
    console.log(`${ok ? 'PASS' : 'FAIL'} ${scenario}: ${checks.length} checks, ${failures.length} failures, ${warnings.length} warnings`);
    for (const c of [...failures, ...warnings]) console.log(`    ${c.status} ${c.id}: ${c.errorMessage ?? ''}`);
    if (!ok) {
      failed++;
      console.log(r.stdout.slice(-3000), r.stderr.slice(-3000));
    }
  }
} finally {
  await stop(child);
}
console.log(`${scenarios.length - failed} of ${scenarios.length} scenarios passed`);
process.exit(failed ? 1 : 0);
