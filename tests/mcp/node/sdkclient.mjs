// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Drives `wfstudio mcp` with the official TypeScript SDK client over BOTH transports (stdio and
// Streamable HTTP): lists tools, runs a workflow to completion with workflow_next, validates a
// step's output, reads a prompt and a resource, and waits for list_changed after a workflow
// file appears in the --workflows directory.
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import assert from 'node:assert/strict';
import { requirePackages, startHttpServer, stop, WFSTUDIO } from './common.mjs';

const require = requirePackages('@modelcontextprotocol/sdk');
const { Client } = require('@modelcontextprotocol/sdk/client/index.js');
const { StdioClientTransport } = require('@modelcontextprotocol/sdk/client/stdio.js');
const { StreamableHTTPClientTransport } = require('@modelcontextprotocol/sdk/client/streamableHttp.js');
const { PromptListChangedNotificationSchema } = require('@modelcontextprotocol/sdk/types.js');

const probe = {
  id: 'sdk-probe', name: 'SDK probe', description: 'A two-step workflow for the SDK test',
  version: '1.0.0',
  steps: [
    { id: 'first', title: 'First step', prompt: 'Do the first thing',
      validationCriteria: [{ type: 'contains', value: 'done', message: 'Say done' }] },
    { id: 'second', title: 'Second step', prompt: 'Do the second thing' },
  ],
};

function payload(result) {
  assert.equal(result.isError, undefined, JSON.stringify(result));
  const fromText = JSON.parse(result.content[0].text);
  if (result.structuredContent) assert.deepEqual(result.structuredContent, fromText);
  return fromText;
}

async function exercise(label, client, dir) {
  const tools = await client.listTools();
  assert.deepEqual(tools.tools.map((t) => t.name), ['workflow_list', 'workflow_get', 'workflow_next',
    'workflow_validate', 'workflow_validate_json', 'workflow_get_schema']);

  const list = payload(await client.callTool({ name: 'workflow_list', arguments: {} }));
  assert.ok(list.workflows.some((w) => w.id === 'sdk-probe'), 'sdk-probe is listed');

  const completed = [];
  let context = {};
  let handedOut = [];
  for (let i = 0; i < 10; i++) {
    const next = payload(await client.callTool({ name: 'workflow_next',
      arguments: { workflowId: 'sdk-probe', completedSteps: completed, context } }));
    context = next.context;
    if (next.isComplete) break;
    assert.ok(next.step, `step handed out: ${JSON.stringify(next)}`);
    handedOut.push(next.step.id);
    completed.push(next.step.id);
  }
  assert.deepEqual(handedOut, ['first', 'second'], 'the workflow runs to completion');

  const good = payload(await client.callTool({ name: 'workflow_validate',
    arguments: { workflowId: 'sdk-probe', stepId: 'first', output: 'all done' } }));
  assert.equal(good.valid, true);
  assert.deepEqual(good.issues, []);
  const bad = payload(await client.callTool({ name: 'workflow_validate',
    arguments: { workflowId: 'sdk-probe', stepId: 'first', output: 'nothing yet' } }));
  // WorkRail reports a failed contains rule as an issue (valid stays as its rules decide).
  assert.ok(bad.issues.includes('Say done'), JSON.stringify(bad));

  const prompt = await client.getPrompt({ name: 'sdk-probe', arguments: { task: 'test it' } });
  assert.match(prompt.messages[0].content.text, /First step/);
  const resource = await client.readResource({ uri: 'workflow://sdk-probe' });
  assert.equal(JSON.parse(resource.contents[0].text).id, 'sdk-probe');

  const changed = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no prompts/list_changed within 15 s')), 15000);
    client.setNotificationHandler(PromptListChangedNotificationSchema, () => {
      clearTimeout(timer);
      resolve();
    });
  });
  writeFileSync(path.join(dir, `added-${label}.json`), JSON.stringify({ ...probe, id: `added-${label}`,
    name: `Added over ${label}` }));
  await changed;
  const prompts = await client.listPrompts();
  assert.ok(prompts.prompts.some((p) => p.name === `added-${label}`), 'the new workflow is a prompt');
  console.log(`PASS ${label}`);
}

const env = { ...process.env };
delete env.WORKFLOW_STORAGE_PATH;
let failed = 0;

{ // stdio
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wfs-sdk-stdio-'));
  writeFileSync(path.join(dir, 'sdk-probe.json'), JSON.stringify(probe));
  const client = new Client({ name: 'wfs-sdk-test', version: '1.0.0' });
  const transport = new StdioClientTransport({ command: WFSTUDIO, args: ['mcp', '--workflows', dir], env, stderr: 'inherit' });
  try {
    await client.connect(transport);
    await exercise('stdio', client, dir);
  } catch (e) {
    failed++;
    console.log(`FAIL stdio: ${e.stack ?? e}`);
  } finally {
    await client.close();
  }
}

{ // Streamable HTTP
  const dir = mkdtempSync(path.join(os.tmpdir(), 'wfs-sdk-http-'));
  writeFileSync(path.join(dir, 'sdk-probe.json'), JSON.stringify(probe));
  const { url, child } = await startHttpServer(['--workflows', dir], { WORKFLOW_STORAGE_PATH: '' });
  const client = new Client({ name: 'wfs-sdk-test', version: '1.0.0' });
  try {
    await client.connect(new StreamableHTTPClientTransport(new URL(url)));
    await exercise('http', client, dir);
  } catch (e) {
    failed++;
    console.log(`FAIL http: ${e.stack ?? e}`);
  } finally {
    await client.close();
    await stop(child);
  }
}
process.exit(failed ? 1 : 0);
