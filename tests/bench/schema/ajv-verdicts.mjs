// SPDX-FileCopyrightText: 2026 Workflow Studio authors
// SPDX-License-Identifier: MIT
// Checks ajv 8's verdicts (WorkRail's schema, allErrors, strict off) against the verdicts our
// validator wrote: run tst_workflowschema with WFS_DUMP_MUTATIONS=<dir> first, then
//
//   NODE_PATH=build/ajv/node_modules node tests/bench/schema/ajv-verdicts.mjs <dir> [--shared ../shared]
//
// Prints every disagreement; exit code 1 when there is one. --js-length counts string
// lengths in UTF-16 units (ajv option unicode: false), as the compat spec says WorkRail does.
import { createRequire } from 'node:module';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(join(resolve(process.env.NODE_PATH ?? 'node_modules'), 'x.js'));
const Ajv = require('ajv').default ?? require('ajv');
const addFormats = require('ajv-formats').default ?? require('ajv-formats');

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const dir = resolve(args[0] ?? '.');
const si = args.indexOf('--shared');
const shared = resolve(si >= 0 ? args[si + 1] : join(here, '../../../../shared'));
const jsLength = args.includes('--js-length');

const ajv = new Ajv({ allErrors: true, strict: false, ...(jsLength ? { unicode: false } : {}) });
addFormats(ajv);
const validate = ajv.compile(
    JSON.parse(readFileSync(join(shared, 'workrail/spec/workflow.schema.json'), 'utf8')));

let checked = 0;
let disagreements = 0;
const check = (label, doc, ours) => {
    ++checked;
    const theirs = validate(doc);
    if (theirs !== ours) {
        ++disagreements;
        console.log(`DIFFERENT ${label}: ajv ${theirs}, ours ${ours}`);
    }
};

const corpus = JSON.parse(readFileSync(join(dir, 'corpus-verdicts.json'), 'utf8'));
for (const [path, ours] of Object.entries(corpus)) {
    let doc;
    try {
        doc = JSON.parse(readFileSync(path, 'utf8'));
    } catch {
        continue;
    }
    check(path, doc, ours);
}
const verdicts = JSON.parse(readFileSync(join(dir, 'verdicts.json'), 'utf8'));
for (const name of readdirSync(dir).filter((n) => n.startsWith('mutation-'))) {
    const v = verdicts[name];
    check(`${name} (${v.label})`, JSON.parse(readFileSync(join(dir, name), 'utf8')), v.valid);
}
console.log(`${checked} documents checked, ${disagreements} disagreements` +
            (jsLength ? ' (lengths in UTF-16 units)' : ' (lengths in code points)'));
process.exitCode = disagreements ? 1 : 0;
