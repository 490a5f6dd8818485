// What the wasm boundary itself does: results cross as plain objects built by
// serde-wasm-bindgen (src/wasm/mod.rs) and must still print exactly as the
// CLI prints them; a report's `normalised` form is built when first read.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixtureNames, need, nodeWasm, path, readFixture } from './helpers.mjs';

const wasm = nodeWasm();
const base = () => JSON.parse(readFixture(fixtureNames().find((f) => f.startsWith('002-02'))));

// Values the seed forms never carry: negative and large numbers, astral
// characters (surrogate pairs), control characters, empty strings.
function oddForms() {
  const forms = [];
  for (const year of [-1, 0, 4294967295, 4294967296, 9007199254740991]) forms.push({ ...base(), year });
  const astral = base();
  astral.projectName = '𠮷野家🍜 \u0000\u0001\t"\\/';
  astral.indicators[0].name = '𝟘满意度😀';
  astral.indicators[0].target = '≥𝟡𝟘%';
  forms.push(astral);
  const empty = base();
  empty.projectName = '';
  empty.indicators = [];
  forms.push(empty);
  return forms;
}

test('odd values print exactly as the CLI prints them', () => {
  const cli = need('target/release/perftarget', 'cargo build --release --bin perftarget');
  const dir = mkdtempSync(join(tmpdir(), 'perftarget-'));
  const forms = oddForms();
  const files = forms.map((form, i) => {
    const file = join(dir, `${i}.json`);
    writeFileSync(file, JSON.stringify(form));
    return file;
  });
  const run = spawnSync(cli, ['check', '--json', ...files], { encoding: 'utf8' });
  const lines = run.stdout.split('\n').filter(Boolean);
  assert.equal(lines.length, forms.length, run.stderr);
  forms.forEach((form, i) => {
    assert.equal(JSON.stringify(wasm.validateForm(JSON.stringify(form))), lines[i], `form ${i} as text`);
    assert.equal(JSON.stringify(wasm.validateForm(form)), lines[i], `form ${i} as object`);
  });
});

test('a year beyond what a JS number holds exactly reads as JSON.parse reads the CLI report', () => {
  const cli = need('target/release/perftarget', 'cargo build --release --bin perftarget');
  for (const year of ['9007199254740993', '-9223372036854775808']) {
    const text = JSON.stringify(base()).replace(/"year":\s*\d+/, `"year":${year}`);
    const run = spawnSync(cli, ['check', '--json', '-'], { input: text, encoding: 'utf8' });
    const native = JSON.parse(run.stdout);
    assert.ok(native.normalised, run.stderr);
    assert.equal(JSON.stringify(wasm.validateForm(text)), JSON.stringify(native), `year ${year}`);
  }
});

test('the rule catalogue is the CLI\'s: descriptions in the package\'s rules.json, the rest from rules()', () => {
  const cli = need('target/release/perftarget', 'cargo build --release --bin perftarget');
  const run = spawnSync(cli, ['rules', '--json'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const full = JSON.parse(run.stdout);
  assert.deepEqual(JSON.parse(readFileSync(path('pkg-node', 'rules.json'), 'utf8')), full);
  const bare = full.map(({ description, descriptionEn, ...rest }) => rest);
  assert.equal(JSON.stringify(wasm.rules()), JSON.stringify(bare));
  assert.ok(full.every((r) => r.description && r.descriptionEn));
});

test('results are plain data: fresh objects, own enumerable properties, no shared state', () => {
  const a = wasm.normaliseTarget('≥90%', { year: 2024 });
  const b = wasm.normaliseTarget('≥90%', { year: 2024 });
  assert.notEqual(a, b);
  assert.deepEqual(a, b);
  assert.equal(Object.getPrototypeOf(a), Object.prototype);
  assert.ok(Array.isArray(a.diagnostics));
  a.system.value = 'changed';
  assert.equal(b.system.value, '90.00');
});

test('report.normalised is built on first read, from the text that was validated', () => {
  const form = base();
  const report = wasm.validateForm(form);
  const d = Object.getOwnPropertyDescriptor(report, 'normalised');
  assert.equal(typeof d.get, 'function', 'an accessor until read');
  assert.ok(d.enumerable);
  assert.deepEqual(Object.keys(report), ['valid', 'template', 'errors', 'warnings', 'infos', 'normalised']);
  form.projectName = 'edited after validation';
  const n = report.normalised;
  assert.equal(n.projectName, base().projectName.trim());
  assert.equal(report.normalised, n, 'read once, then the same object');
  assert.deepEqual(structuredClone(report).normalised, n);
  report.normalised = null;
  assert.equal(report.normalised, null, 'assignable like a data property');
});

test('an unusable input has normalised null, not a getter', () => {
  const report = wasm.validateForm('{');
  assert.equal(Object.getOwnPropertyDescriptor(report, 'normalised').value, null);
});
