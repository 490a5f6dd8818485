// Size budget of the web build (pkg/), what a portal page downloads: the
// wasm module at most 250 KB raw and 100 KB gzipped (level 9, as a server
// would precompress it), in decimal kilobytes, the stricter reading, and the
// drop-in kit (dom.js) at most 8 KB gzipped. The JS glue and the kit's
// stylesheet are printed for the record, not budgeted.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { need } from './helpers.mjs';

const RAW_BUDGET = 250_000;
const GZIP_BUDGET = 100_000;
const KIT_GZIP_BUDGET = 8_000;

const HOW = 'bash scripts/build-wasm.sh web';
const wasm = readFileSync(need('pkg/perftarget_bg.wasm', HOW));
const glue = readFileSync(need('pkg/perftarget.js', HOW));
const raw = wasm.length;
const gzipped = gzipSync(wasm, { level: 9 }).length;
const kb = (n) => `${(n / 1000).toFixed(1)} KB (${n} bytes)`;

test('wasm size', async (t) => {
  t.diagnostic(`pkg/perftarget_bg.wasm: ${kb(raw)} raw, ${kb(gzipped)} gzipped`);
  t.diagnostic(`pkg/perftarget.js (JS glue): ${kb(glue.length)} raw, ${kb(gzipSync(glue, { level: 9 }).length)} gzipped`);

  await t.test(`raw at most ${kb(RAW_BUDGET)}`, () => {
    assert.ok(raw <= RAW_BUDGET, `pkg/perftarget_bg.wasm is ${kb(raw)}, ${raw - RAW_BUDGET} bytes over the ${kb(RAW_BUDGET)} budget`);
  });
  await t.test(`gzipped at most ${kb(GZIP_BUDGET)}`, () => {
    assert.ok(gzipped <= GZIP_BUDGET, `pkg/perftarget_bg.wasm gzips to ${kb(gzipped)}, ${gzipped - GZIP_BUDGET} bytes over the ${kb(GZIP_BUDGET)} budget`);
  });
});

test('drop-in kit size', async (t) => {
  const gz = (file) => gzipSync(readFileSync(need(file, HOW)), { level: 9 }).length;
  const kit = gz('pkg/dom.js');
  t.diagnostic(`pkg/dom.js (drop-in kit): ${kb(kit)} gzipped; pkg/dom.css: ${kb(gz('pkg/dom.css'))} gzipped`);
  assert.ok(kit <= KIT_GZIP_BUDGET, `pkg/dom.js gzips to ${kb(kit)}, over ${kb(KIT_GZIP_BUDGET)}`);
});
