// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// ajv 8 (+ ajv-formats, allErrors like WorkRail) on the same files and the same measure as
// bench_schema: every top-level *.json of <shared>/workrail/workflows, already parsed,
// validated against a workflow schema; prints µs per document and MB/s of source JSON.
//
//   mkdir -p build/ajv && npm install --prefix build/ajv ajv@8 ajv-formats@2
//   NODE_PATH=build/ajv/node_modules node tests/bench/schema/ajv-bench.mjs \
//       [--schema resources/schema/workflow.schema.json] [--shared ../shared] [--seconds 2]
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(resolve(process.env.NODE_PATH ?? 'node_modules'), 'x.js'));
const Ajv = require('ajv').default ?? require('ajv');
const addFormats = require('ajv-formats').default ?? require('ajv-formats');

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : fallback;
};
const shared = resolve(opt('--shared', join(here, '../../../../shared')));
const schemaPath = resolve(opt('--schema', join(shared, 'workrail/spec/workflow.schema.json')));
const seconds = Number(opt('--seconds', '2'));

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));

const dir = join(shared, 'workrail/workflows');
const docs = [];
let bytes = 0;
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json')).sort()) {
    const text = readFileSync(join(dir, name), 'utf8');
    try {
        docs.push(JSON.parse(text));
        bytes += Buffer.byteLength(text);
    } catch {
        // skipped, as bench_schema does
    }
}

let valid = 0;
for (let warm = 0; warm < 200; ++warm)
    for (const d of docs) valid += validate(d) ? 1 : 0;

let rounds = 0;
const cpuStart = process.cpuUsage();
const start = process.hrtime.bigint();
const deadline = start + BigInt(Math.round(seconds * 1e9));
let now = start;
while (now < deadline) {
    for (const d of docs) valid += validate(d) ? 1 : 0;
    ++rounds;
    if ((rounds & 15) === 0) now = process.hrtime.bigint();
}
now = process.hrtime.bigint();
const cpu = process.cpuUsage(cpuStart);
const cpuUs = (cpu.user + cpu.system) / (rounds * docs.length);
const ns = Number(now - start);
const perDoc = ns / 1000 / (rounds * docs.length);
const mbPerS = (bytes * rounds) / (ns / 1e9) / 1e6;
console.log(`ajv ${require('ajv/package.json').version}, node ${process.version}`);
console.log(`schema: ${schemaPath}`);
console.log(`${docs.length} documents, ${bytes} bytes of source JSON`);
console.log(`${perDoc.toFixed(2)} us per document, ${mbPerS.toFixed(1)} MB/s (wall clock; ` +
            `valid: ${valid > 0 ? 'yes' : 'none'})`);
console.log(`${cpuUs.toFixed(2)} us CPU per document, ` +
            `${((bytes / docs.length) / cpuUs).toFixed(1)} MB/s of CPU time`);
