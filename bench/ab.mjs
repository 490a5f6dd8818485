// A/B of two nodejs builds of the wasm module (two transports, two build
// settings, before and after a change): both are loaded in one Node process
// and called round by round, the order alternating, so drift on a shared
// machine hits both alike; several processes (each its own JIT and heap)
// show the noise. Before timing, both must return the same JSON for every
// call measured. Prints per-call medians, B/A ratios and module sizes.
//   usage: node bench/ab.mjs <pkg A> <pkg B> [processes=5] [rounds=400] [warm-up=40]
// A package is pkg-node/ as `bash scripts/build-wasm.sh nodejs` leaves it,
// copied elsewhere before the other variant is built.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { fixtures, largestFixture, path, quantile } from './common.mjs';

const [dirA, dirB, processes = '5', rounds = '400', warmup = '40', pass] = process.argv.slice(2);
if (!dirB) {
  console.error('usage: node bench/ab.mjs <pkg A> <pkg B> [processes] [rounds] [warm-up]');
  process.exit(2);
}
const dirs = { A: resolve(dirA), B: resolve(dirB) };

const forms = fixtures();
const large = largestFixture();
const small = forms.reduce((a, b) => (b.bytes < a.bytes ? b : a));
const targets = JSON.parse(readFileSync(path('tests', 'expected', 'targets.json'), 'utf8'));
const largeForm = JSON.parse(large.text);
// checkIndicator as a row is typed: the row, and the form's other fields
// with the row's place in the table as context.
const { indicators, ...formFields } = largeForm;
const rows = indicators.map((row, index) => [row, { ...formFields, index }]);

// Per call (ns); normaliseTarget and checkIndicator are timed over the whole
// table or form and divided, so the timer's own cost does not count.
const operations = {
  [`validateForm ${large.bytes} B`]: [1, (m) => m.validateForm(large.text)],
  [`validateForm ${small.bytes} B`]: [1, (m) => m.validateForm(small.text)],
  [`validateForm ${large.bytes} B .normalised`]: [1, (m) => m.validateForm(large.text).normalised],
  normaliseTarget: [targets.length, (m) => targets.map(({ input, context }) => m.normaliseTarget(input, context ?? null))],
  'checkIndicator per row': [rows.length, (m) => rows.map(([row, context]) => m.checkIndicator(row, context))],
};

if (pass === '--pass') runPass();
else drive();

function runPass() {
  const load = (dir) => createRequire(import.meta.url)(join(dir, 'perftarget.js'));
  const mods = { A: load(dirs.A), B: load(dirs.B) };
  for (const [name, [, fn]] of Object.entries(operations)) {
    if (JSON.stringify(fn(mods.A)) !== JSON.stringify(fn(mods.B))) throw new Error(`A and B differ on ${name}`);
  }
  const samples = Object.fromEntries(Object.keys(operations).map((k) => [k, { A: [], B: [] }]));
  let sink = 0;
  for (let round = 0; round < Number(warmup) + Number(rounds); round++) {
    const order = round % 2 ? ['B', 'A'] : ['A', 'B'];
    for (const [name, [n, fn]] of Object.entries(operations)) {
      for (const v of order) {
        const t0 = process.hrtime.bigint();
        const r = fn(mods[v]);
        const t1 = process.hrtime.bigint();
        sink ^= r ? 1 : 0;
        if (round >= Number(warmup)) samples[name][v].push(Number(t1 - t0) / n);
      }
    }
  }
  process.stdout.write(JSON.stringify({ samples, sink }));
}

function drive() {
  const median = (xs) => quantile(Float64Array.from(xs).sort(), 0.5);
  const passes = [];
  for (let i = 0; i < Number(processes); i++) {
    const run = spawnSync(process.execPath, [fileURLToPath(import.meta.url), dirs.A, dirs.B, '1', rounds, warmup, '--pass'], {
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    });
    if (run.status !== 0) throw new Error(run.stderr);
    passes.push(JSON.parse(run.stdout).samples);
  }
  const us = (ns) => (ns / 1000).toFixed(ns < 10_000 ? 2 : 1);
  const pct = (x) => `${x >= 0 ? '+' : ''}${(100 * x).toFixed(1)} %`;
  console.log(`${passes.length} processes × ${rounds} rounds (after ${warmup}); small form ${small.name}, large ${large.name}`);
  console.log('per call, µs: median of the process medians [min–max of them]; B vs A: median of the per-process ratios [min–max]');
  for (const name of Object.keys(operations)) {
    const m = { A: passes.map((p) => median(p[name].A)), B: passes.map((p) => median(p[name].B)) };
    const ratios = m.A.map((a, i) => m.B[i] / a - 1).sort((x, y) => x - y);
    const cell = (v) => `${us(median(m[v]))} [${us(Math.min(...m[v]))}–${us(Math.max(...m[v]))}]`;
    console.log(`  ${name.padEnd(34)} A ${cell('A').padEnd(24)} B ${cell('B').padEnd(24)} B/A ${pct(median(ratios))} [${pct(ratios[0])} … ${pct(ratios.at(-1))}]`);
  }
  for (const v of ['A', 'B']) {
    const wasm = readFileSync(join(dirs[v], 'perftarget_bg.wasm'));
    const glue = jsFiles(dirs[v]).map((f) => readFileSync(f));
    const glueRaw = glue.reduce((n, b) => n + b.length, 0);
    const glueGz = glue.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    console.log(`  ${v}: wasm ${wasm.length} B raw, ${gzipSync(wasm, { level: 9 }).length} B gzipped; JS glue ${glueRaw} B raw, ${glueGz} B gzipped (${dirs[v]})`);
  }
}

/** The package's JS: the glue and its module snippets. */
function jsFiles(dir) {
  return readdirSync(dir, { recursive: true }).filter((f) => f.endsWith('.js')).map((f) => join(dir, f));
}
