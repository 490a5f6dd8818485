// Reads the Node passes (target/bench/node-pass-*.json) and criterion's
// estimates, prints the table, the ratios and the budgets, and writes
// target/bench-results.json. Budgets print PASS/FAIL but never fail the run:
// a benchmark on a shared machine is evidence, not a test.
//   usage: node bench/report.mjs <epoch ms when cargo bench started>
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fixtures, largestFixture, path, quantile, summary } from './common.mjs';

const nativeStarted = Number(process.argv[2] ?? 0);

// ---- Node: pool the samples of every pass; keep each pass's median for noise.
const passFiles = readdirSync(path('target', 'bench')).filter((f) => /^node-pass-\d+\.json$/.test(f)).sort();
const passes = passFiles.map((f) => JSON.parse(readFileSync(path('target', 'bench', f), 'utf8')));
if (passes.length === 0) throw new Error('no Node pass results in target/bench/: run bench/run');
const node = {};
for (const name of Object.keys(passes[0].samples)) {
  const medians = passes.map((p) => summary(p.samples[name]).median).sort((a, b) => a - b);
  node[name] = {
    ...summary(passes.flatMap((p) => p.samples[name])),
    passMedians: { min: medians[0], median: quantile(medians, 0.5), max: medians[medians.length - 1] },
  };
}
const overhead = summary(passes.flatMap((p) => p.overhead)).median;

// ---- Native: criterion writes new/benchmark.json (the id) beside
// new/estimates.json (the figures) for every benchmark it ran.
function criterion() {
  const found = {};
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.name === 'benchmark.json' && basename(dirname(p)) === 'new') {
        const estimates = join(dirname(p), 'estimates.json');
        // Stale results of a benchmark that no longer runs must not be reported.
        if (statSync(estimates).mtimeMs < nativeStarted) continue;
        const { full_id, throughput } = JSON.parse(readFileSync(p, 'utf8'));
        const e = JSON.parse(readFileSync(estimates, 'utf8'));
        found[full_id] = { mean: e.mean.point_estimate, median: e.median.point_estimate, throughput };
      }
    }
  };
  walk(path('target', 'criterion'));
  return found;
}
const bench = criterion();
const need = (id) => bench[id] ?? (() => { throw new Error(`criterion gave no fresh result for '${id}'`); })();

const forms = fixtures();
const targetCount = forms.reduce((n, f) => n + (JSON.parse(f.text).indicators ?? []).length, 0);
const largest = largestFixture();
// benches/native.rs names each fixture by the first 6 characters of its stem.
const largestId = `validate_json/${[...largest.name.replace(/\.json$/, '')].slice(0, 6).join('')}`;
const seedTable = need('normalise/seed table');
const allForms = need('validate_json/all seed forms');
for (const [id, b, n] of [['normalise/seed table', seedTable, targetCount], ['validate_json/all seed forms', allForms, forms.length]]) {
  if (b.throughput?.Elements !== undefined && b.throughput.Elements !== n) {
    console.warn(`warning: ${id} iterates ${b.throughput.Elements} elements, the fixtures give ${n}`);
  }
}
const native = {
  normalisePerCall: { mean: seedTable.mean / targetCount, median: seedTable.median / targetCount, targets: targetCount },
  validateLargest: { id: largestId, ...need(largestId) },
  allSeedForms: { forms: forms.length, mean: allForms.mean, median: allForms.median },
};
native.formsPerSecond = forms.length / (allForms.median / 1e9);

// ---- Ratios and budgets (medians throughout: robust to the odd GC pause).
const v = node['validateForm(string)'];
const ratios = {
  'validateForm(string) / JSON.parse': v.median / node['JSON.parse'].median,
  'validateForm(string) / ajv': v.median / node['ajv validate'].median,
};
const us = (ns) => ns / 1000;
const budgets = [
  { name: 'normaliseTarget median (Node)', value: us(node.normaliseTarget.median), limit: 5, unit: 'µs', atMost: true },
  { name: 'normaliseTarget p99 (Node)', value: us(node.normaliseTarget.p99), limit: 20, unit: 'µs', atMost: true },
  { name: 'validateForm(string) median, largest form', value: us(v.median), limit: 200, unit: 'µs', atMost: true },
  { name: 'validateForm(string) / JSON.parse', value: ratios['validateForm(string) / JSON.parse'], limit: 5, unit: '×', atMost: true },
  { name: 'native forms/s, one core, seed set', value: native.formsPerSecond, limit: 20000, unit: 'forms/s', atMost: false },
].map((b) => ({ ...b, pass: b.atMost ? b.value <= b.limit : b.value >= b.limit }));

// ---- The table.
const f = (x, d = 2) => x.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
const row = (cells, widths) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
const first = passes[0];
const kb = f(first.fixture.bytes / 1024, 1);
console.log(`\nperftarget benchmarks — Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}`);
console.log(`Node (pkg-node wasm): ${passes.length} passes × ${first.rounds} rounds after ${first.warmup} warm-up, each call timed alone; µs per call`);
console.log(`largest seed form: ${first.fixture.name} (${kb} KiB); normaliseTarget over ${first.targets} seed targets per round\n`);
const W = [34, 9, 9, 9, 9, 24];
console.log(row(['', 'median', 'p99', 'min', 'max', 'pass medians min/med/max'], W));
const labels = {
  normaliseTarget: 'normaliseTarget',
  'validateForm(string)': 'validateForm(JSON text)',
  'validateForm(object)': 'validateForm(parsed object)',
  'validateForm(string).normalised': '… and read report.normalised',
  'JSON.parse': 'JSON.parse (same text)',
  'ajv validate': 'ajv validate (form.schema.json)',
};
for (const [name, s] of Object.entries(node)) {
  const pm = s.passMedians;
  console.log(row([labels[name] ?? name, f(us(s.median)), f(us(s.p99)), f(us(s.min)), f(us(s.max)), `${f(us(pm.min))} / ${f(us(pm.median))} / ${f(us(pm.max))}`], W));
}
console.log(`(an empty timed region costs ${f(overhead, 0)} ns, included above${first.ajvValid ? '' : '; NOTE: ajv rejected the form'})\n`);

console.log('Native (criterion, median estimate)');
const N = [34, 16];
console.log(row([`normalise per call (/${targetCount})`, `${f(us(native.normalisePerCall.median), 3)} µs`], N));
console.log(row([largestId, `${f(us(native.validateLargest.median))} µs`], N));
console.log(row([`all ${forms.length} seed forms`, `${f(us(allForms.median))} µs`], N));
console.log(row(['forms per second, one core', f(native.formsPerSecond, 0)], N));

console.log('\nRatios (medians)');
for (const [name, r] of Object.entries(ratios)) console.log(row([name, `${f(r)} ×`], N));

console.log('\nBudgets');
for (const b of budgets) {
  const d = b.unit === 'forms/s' ? 0 : 2;
  console.log(`  ${b.pass ? 'PASS' : 'FAIL'}  ${b.name}: ${f(b.value, d)} ${b.unit} (${b.atMost ? '≤' : '≥'} ${f(b.limit, 0)})`);
}

// ---- Machine-readable copy (times in ns).
const git = (...args) => { try { return execFileSync('git', args, { cwd: path(), encoding: 'utf8' }).trim(); } catch { return null; } };
const out = path('target', 'bench-results.json');
writeFileSync(out, JSON.stringify({
  date: new Date().toISOString(),
  commit: git('rev-parse', 'HEAD'),
  dirty: git('status', '--porcelain', '--', 'src', 'Cargo.toml', 'Cargo.lock') !== '',
  machine: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpus().length, cpu: cpus()[0]?.model.trim() },
  unit: 'ns',
  node: { passes: passes.length, rounds: first.rounds, warmup: first.warmup, targets: first.targets, fixture: first.fixture, timerOverhead: overhead, results: node },
  native,
  ratios,
  budgets,
}, null, 2) + '\n');
console.log(`\nwritten: ${out.slice(path().length)}`);
