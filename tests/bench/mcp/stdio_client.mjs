// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// End-to-end stdio figures for `wfstudio mcp` with a Node client writing raw JSON lines, as an
// agent's SDK transport does. One command per figure (README "Benchmarks"):
//   node tests/bench/mcp/stdio_client.mjs BIN --phase spawn     spawn -> initialize answer
//   node tests/bench/mcp/stdio_client.mjs BIN --phase latency   p50/p95 per tool, 1 in flight
//   node tests/bench/mcp/stdio_client.mjs BIN --phase inflight  req/s with 16 in flight
//   node tests/bench/mcp/stdio_client.mjs BIN --phase rss       RSS after the load above
//   node tests/bench/mcp/stdio_client.mjs BIN                   all four
// Options: --workflows DIR (repeatable; default ../shared/workrail/workflows and its
// examples/loops), --lanes N (16), --seconds S (3 per throughput run), --calls N (3000).
// The load average is printed before and after: other processes skew every figure.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const argv = process.argv.slice(2);
const bin = argv[0] && !argv[0].startsWith('--') ? argv.shift() : 'build/bin/wfstudio';
const opt = { phase: 'all', lanes: 16, seconds: 3, calls: 3000, workflows: [] };
for (let i = 0; i < argv.length; i++) {
  const a = argv[i];
  const v = argv[++i];
  if (v === undefined) throw new Error(`${a} needs a value`);
  if (a === '--workflows') opt.workflows.push(path.resolve(v));
  else if (a === '--phase') opt.phase = v;
  else if (a === '--lanes') opt.lanes = Number(v);
  else if (a === '--seconds') opt.seconds = Number(v);
  else if (a === '--calls') opt.calls = Number(v);
  else throw new Error(`unknown option ${a}`);
}
if (opt.workflows.length === 0) {
  const root = path.resolve('../shared/workrail/workflows');
  opt.workflows.push(root, `${root}/examples/loops`);
}
const serverArgs = ['mcp', ...opt.workflows.flatMap((d) => ['--workflows', d])];
// Only the --workflows directories (and the bundled samples): no WORKFLOW_STORAGE_PATH.
const env = { ...process.env };
delete env.WORKFLOW_STORAGE_PATH;

function start() {
  const child = spawn(bin, serverArgs, { env, stdio: ['pipe', 'pipe', 'inherit'] });
  const pending = new Map();
  let buf = '';
  child.stdout.setEncoding('utf8');
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
  const stop = () => new Promise((r) => { child.on('exit', r); child.stdin.end(); });
  return { child, call, stop };
}

// The four tools agents call most, on WorkRail's own workflows.
const tools = {
  list: ['workflow_list', {}],
  get: ['workflow_get', { id: 'coding-task-workflow-with-loops', mode: 'preview' }],
  next: ['workflow_next', { workflowId: 'simple-batch-example', completedSteps: ['load-data'], context: { items: ['a', 'b'] } }],
  validate: ['workflow_validate', { workflowId: 'adaptive-ticket-creation', stepId: 'phase-a1-simple-ticket-gen',
    output: '## Title: Login fails\n## Description: The login form rejects valid passwords.\n## Acceptance Criteria:\n- valid passwords work' }],
};
const initParams = { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'bench', version: '1' } };
const pct = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };
const load = () => os.loadavg().map((x) => x.toFixed(2)).join(' ');
const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;

console.log(`server: ${bin} ${serverArgs.join(' ')}`);
console.log(`load average before: ${load()} (${os.cpus().length} CPUs)`);
const phases = opt.phase === 'all' ? ['spawn', 'latency', 'inflight', 'rss'] : [opt.phase];

if (phases.includes('spawn')) {
  const times = [];
  for (let i = 0; i < 15; i++) {
    const t0 = process.hrtime.bigint();
    const s = start();
    await s.call('initialize', initParams);
    times.push(ms(t0));
    await s.stop();
  }
  console.log(`spawn->initialize: median ${pct(times, 0.5).toFixed(2)} ms, min ${Math.min(...times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms (15 spawns)`);
}

const needServer = phases.some((p) => p !== 'spawn');
const s = needServer ? start() : null;
if (s) {
  await s.call('initialize', initParams);
  s.child.stdin.write('{"jsonrpc":"2.0","method":"notifications/initialized"}\n');
  for (const [label, [name, args]] of Object.entries(tools)) {
    const r = await s.call('tools/call', { name, arguments: args });
    if (r.error || r.result.isError) throw new Error(`${label}: ${JSON.stringify(r).slice(0, 300)}`);
  }
}

if (phases.includes('latency') || phases.includes('rss')) {
  for (const [label, [name, args]] of Object.entries(tools)) {
    for (let i = 0; i < 300; i++) await s.call('tools/call', { name, arguments: args });
    const times = [];
    for (let i = 0; i < opt.calls; i++) {
      const t0 = process.hrtime.bigint();
      await s.call('tools/call', { name, arguments: args });
      times.push(ms(t0));
    }
    if (phases.includes('latency'))
      console.log(`${label.padEnd(8)} p50 ${pct(times, 0.5).toFixed(3)} ms  p95 ${pct(times, 0.95).toFixed(3)} ms  (${opt.calls} calls, 1 in flight)`);
  }
}

async function throughput(label, method, paramsFor) {
  let done = 0;
  let n = 0;
  const deadline = Date.now() + opt.seconds * 1000;
  const t0 = process.hrtime.bigint();
  const lane = async () => {
    while (Date.now() < deadline) {
      const r = await s.call(method, paramsFor(n++));
      if (r.error) throw new Error(JSON.stringify(r.error));
      done++;
    }
  };
  await Promise.all(Array.from({ length: opt.lanes }, lane));
  const rate = done / (ms(t0) / 1000);
  if (phases.includes('inflight'))
    console.log(`${opt.lanes} in flight, ${label}: ${rate.toFixed(0)} req/s`);
}

if (phases.includes('inflight') || phases.includes('rss')) {
  const mix = Object.values(tools);
  await throughput('workflow_next', 'tools/call', () => ({ name: tools.next[0], arguments: tools.next[1] }));
  await throughput('list/get/next/validate mix', 'tools/call', (i) => ({ name: mix[i % 4][0], arguments: mix[i % 4][1] }));
  await throughput('ping', 'ping', () => ({}));
}

if (phases.includes('rss')) {
  const status = readFileSync(`/proc/${s.child.pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)[1]);
  console.log(`server RSS ${(kb('VmRSS') / 1024).toFixed(1)} MB, peak ${(kb('VmHWM') / 1024).toFixed(1)} MB`);
}
if (s) await s.stop();
console.log(`load average after: ${load()}`);
