// Size budget of the web build (pkg/), what a portal page downloads: the
// wasm module at most 250 KiB raw and 100 KiB gzipped (level 9, as a server
// would precompress it). The JS glue is printed for the record, not budgeted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { need } from './helpers.mjs';

const RAW_BUDGET = 250 * 1024;
const GZIP_BUDGET = 100 * 1024;

const HOW = 'bash scripts/build-wasm.sh web';
const wasm = readFileSync(need('pkg/perftarget_bg.wasm', HOW));
const glue = readFileSync(need('pkg/perftarget.js', HOW));
const raw = wasm.length;
const gzipped = gzipSync(wasm, { level: 9 }).length;
const kib = (n) => `${(n / 1024).toFixed(1)} KiB (${n} bytes)`;

test('wasm size', async (t) => {
  t.diagnostic(`pkg/perftarget_bg.wasm: ${kib(raw)} raw, ${kib(gzipped)} gzipped`);
  t.diagnostic(`pkg/perftarget.js (JS glue): ${kib(glue.length)} raw, ${kib(gzipSync(glue, { level: 9 }).length)} gzipped`);

  await t.test(`raw at most ${kib(RAW_BUDGET)}`, () => {
    assert.ok(raw <= RAW_BUDGET, `pkg/perftarget_bg.wasm is ${kib(raw)}, ${raw - RAW_BUDGET} bytes over the ${kib(RAW_BUDGET)} budget`);
  });
  await t.test(`gzipped at most ${kib(GZIP_BUDGET)}`, () => {
    assert.ok(gzipped <= GZIP_BUDGET, `pkg/perftarget_bg.wasm gzips to ${kib(gzipped)}, ${gzipped - GZIP_BUDGET} bytes over the ${kib(GZIP_BUDGET)} budget`);
  });
});
