// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// End-to-end stdio figures for `wfstudio mcp` with a Node client (raw JSON lines, like an
// agent's SDK transport): spawn→initialize time, per-call p50/p95 of workflow_list / get /
// next / validate, requests per second with 16 in flight, and the server's RSS.
//   node tests/bench/mcp/stdio_client.mjs build/bin/wfstudio [SHARED_DIR]
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

const bin = process.argv[2] ?? 'build/bin/wfstudio';
const shared = path.resolve(process.argv[3] ?? '../shared');
const env = { ...process.env, WORKFLOW_STORAGE_PATH: [`${shared}/workrail/workflows`,
  `${shared}/workrail/workflows/examples/loops`, `${shared}/workrail-traces/workflows`].join(':') };

function start() {
  const child = spawn(bin, ['mcp'], { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const pending = new Map();
  let buf = '';
  child.stdout.on('data', (d) => {
    buf += d;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      const msg = JSON.parse(line);
      const cb = pending.get(msg.id);
      if (cb) { pending.delete(msg.id); cb(msg); }
    }
  });
  let nextId = 1;
  const call = (method, params) => new Promise((resolve) => {
    const id = nextId++;
    pending.set(id, resolve);
    child.stdin.write(JSON.stringify({ jsonrpc: '2.0', id, method, params }) + '\n');
  });
  return { child, call };
}

const tools = {
  list: ['workflow_list', {}],
  get: ['workflow_get', { id: 'simple-batch-example', mode: 'preview' }],
  next: ['workflow_next', { workflowId: 'simple-batch-example', completedSteps: ['load-data'], context: { items: ['a', 'b'] } }],
  validate: ['workflow_validate', { workflowId: 'probe-validate', stepId: 'v-multi', output: 'A' }],
};
const initParams = { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } };
const pct = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

// 1. spawn → initialize answer (median of 15 spawns)
const spawnTimes = [];
for (let i = 0; i < 15; i++) {
  const t0 = process.hrtime.bigint();
  const s = start();
  await s.call('initialize', initParams);
  spawnTimes.push(Number(process.hrtime.bigint() - t0) / 1e6);
  s.child.stdin.end();
  await new Promise((r) => s.child.on('exit', r));
}
console.log(`spawn->initialize: median ${pct(spawnTimes, 0.5).toFixed(2)} ms, max ${Math.max(...spawnTimes).toFixed(2)} ms`);

const s = start();
await s.call('initialize', initParams);
s.child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');

// 2. sequential latency per tool
for (const [label, [name, args]] of Object.entries(tools)) {
  const r = await s.call('tools/call', { name, arguments: args });
  if (r.error || r.result.isError) throw new Error(`${label}: ${JSON.stringify(r).slice(0, 300)}`);
  for (let i = 0; i < 300; i++) await s.call('tools/call', { name, arguments: args });
  const times = [];
  for (let i = 0; i < 3000; i++) {
    const t0 = process.hrtime.bigint();
    await s.call('tools/call', { name, arguments: args });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  console.log(`${label.padEnd(8)} p50 ${pct(times, 0.5).toFixed(3)} ms  p95 ${pct(times, 0.95).toFixed(3)} ms`);
}

// 3. throughput with 16 requests in flight (workflow_next), 3 s
{
  const [name, args] = tools.next;
  let done = 0;
  const deadline = Date.now() + 3000;
  const t0 = process.hrtime.bigint();
  const lane = async () => { while (Date.now() < deadline) { await s.call('tools/call', { name, arguments: args }); done++; } };
  await Promise.all(Array.from({ length: 16 }, lane));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`16 in flight (workflow_next): ${(done / secs).toFixed(0)} req/s`);
}
{
  let done = 0;
  const deadline = Date.now() + 3000;
  const t0 = process.hrtime.bigint();
  const lane = async () => { while (Date.now() < deadline) { await s.call('ping', {}); done++; } };
  await Promise.all(Array.from({ length: 16 }, lane));
  const secs = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(`16 in flight (ping): ${(done / secs).toFixed(0)} req/s`);
}

// 4. memory
const status = readFileSync(`/proc/${s.child.pid}/status`, 'utf8');
const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)[1]);
console.log(`RSS ${(kb('VmRSS') / 1024).toFixed(1)} MB, peak ${(kb('VmHWM') / 1024).toFixed(1)} MB`);
s.child.stdin.end();
