// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// An agent driven by tst_ui_agentsession: the official TypeScript SDK's Client over Streamable
// HTTP (bearer token) walks one workflow with workflow_next, one call per "go" line on stdin, so
// the test controls the pacing. Every event is one JSON line on stdout:
//   {"event":"connected","sessionId":"...","tools":[...]}
//   {"call":n,"stepId":"..."|null,"isComplete":bool,"completedSteps":[...],"ms":<Date.now()>}
//   {"event":"closed"}   or   {"error":"..."} (then exit 1)
// Usage: node agentsession.mjs URL TOKEN WORKFLOW_ID [CLIENT_CONTEXT_JSON]
// MCP_SDK_DIR names the node_modules folder holding @modelcontextprotocol/sdk (exit 77 when absent).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import readline from 'node:readline';

const emit = (obj) => process.stdout.write(`${JSON.stringify(obj)}\n`);
const fail = (why) => {
  emit({ error: String(why) });
  process.exit(1);
};

const sdkDir = process.env.MCP_SDK_DIR ?? '';
if (!existsSync(path.join(sdkDir, '@modelcontextprotocol', 'sdk', 'package.json'))) {
  emit({ skip: `@modelcontextprotocol/sdk is not installed in "${sdkDir}"` });
  process.exit(77);
}
const [url, token, workflowId, clientContext = '{}'] = process.argv.slice(2);
if (!url || !token || !workflowId) fail('usage: agentsession.mjs URL TOKEN WORKFLOW_ID [CONTEXT_JSON]');

const require = createRequire(path.join(sdkDir, 'package.json'));
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');

const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function waitForGo() {
  const { value, done } = await lines.next();
  if (done) fail('stdin closed before "go"');
  if (value.trim() !== 'go') fail(`expected "go", got ${JSON.stringify(value)}`);
}

function payload(result) {
  if (result.isError) throw new Error(`tool error: ${JSON.stringify(result)}`);
  return result.structuredContent ?? JSON.parse(result.content[0].text);
}

const client = new Client({ name: 'wfs-agentsession-test', version: '1.0.0' });
const transport = new StreamableHTTPClientTransport(new URL(url), {
  requestInit: { headers: { Authorization: `Bearer ${token}` } },
});
try {
  await client.connect(transport);
  const tools = await client.listTools();
  emit({ event: 'connected', sessionId: transport.sessionId, tools: tools.tools.map((t) => t.name) });

  const own = JSON.parse(clientContext);
  const completed = [];
  let context = { ...own };
  for (let call = 1; call <= 100; call++) {
    await waitForGo();
    const next = payload(await client.callTool({ name: 'workflow_next',
      arguments: { workflowId, completedSteps: completed, context } }));
    const ms = Date.now();
    const stepId = next.step?.id ?? null;
    emit({ call, stepId, isComplete: !!next.isComplete, completedSteps: completed, ms });
    if (next.isComplete || !stepId) break;
    completed.push(stepId);
    // echo: the returned context plus the client's own variables (spec/loops.md).
    context = { ...next.context, ...own };
  }
  await client.close();
  emit({ event: 'closed' });
  process.exit(0);
} catch (e) {
  fail(e.stack ?? e);
}
