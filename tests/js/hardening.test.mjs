// Hostile input from JavaScript: what only the JS boundary can send (lone
// surrogates, NaN, BigInt, cycles, undefined) is answered, never thrown.
import test from 'node:test';
import assert from 'node:assert/strict';
import { nodeWasm, readFixture, fixtureNames } from './helpers.mjs';

const wasm = nodeWasm();
const base = () => JSON.parse(readFixture(fixtureNames().find((f) => f.startsWith('002-02'))));
const codes = (r) => [...r.errors, ...r.warnings].map((i) => `${i.code} ${i.path}`);

test('lone surrogates in targets and forms', () => {
  for (const text of ['\uD800≥90%', '≥9\uDC000%', '≥90%\uD83D', '\uDFFF\uDFFF']) {
    const t = wasm.normaliseTarget(text, { year: 2024 });
    for (const d of t.diagnostics) assert.ok(d.start <= d.end && d.end <= text.length, text);
    assert.equal(typeof t.hint, 'string');
  }
  const form = base();
  form.projectName = 'a\uD800b';
  form.indicators[3].target = '≥2\uDC00次';
  const r = wasm.validateForm(form);
  assert.equal(r.normalised.projectName, 'a\uFFFDb');
  assert.deepEqual(r, wasm.validateForm(JSON.stringify(form)));
});

test('NaN, Infinity and BigInt amounts are reported, not nulled', () => {
  for (const value of [NaN, Infinity, -Infinity, 10n ** 30n]) {
    const form = base();
    form.funds.annual = value;
    const r = wasm.validateForm(form);
    assert.ok(codes(r).includes('AMOUNT_FORMAT /funds/annual'), `${value}: ${codes(r)}`);
  }
  const form = base();
  form.funds.annual = 1e300;
  assert.ok(codes(wasm.validateForm(form)).includes('AMOUNT_FORMAT /funds/annual'));
});

test('values that are not forms', () => {
  const cyclic = base();
  cyclic.self = cyclic;
  for (const v of [undefined, null, 42, true, cyclic, () => 1, Symbol('x')]) {
    const r = wasm.validateForm(v);
    assert.equal(r.valid, false);
    assert.equal(r.normalised, null);
    assert.ok(['SCHEMA_TYPE', 'JSON_SYNTAX'].includes(r.errors[0].code), String(r.errors[0].code));
  }
  let deep = [];
  for (let i = 0; i < 10_000; i++) deep = [deep];
  const r = wasm.validateForm({ projectName: deep });
  assert.equal(r.errors[0].code, 'INPUT_TOO_LARGE');
});

test('a megabyte of text and ten thousand rows', () => {
  const form = base();
  form.overview = '长'.repeat(1 << 20);
  assert.deepEqual(codes(wasm.validateForm(form)), ['INPUT_TOO_LARGE ']);
  const rows = base();
  rows.indicators = Array.from({ length: 10_000 }, () => ({ ...rows.indicators[3] }));
  assert.ok(codes(wasm.validateForm(rows)).some((c) => c.startsWith('INPUT_TOO_LARGE')));
  const t = wasm.normaliseTarget('9'.repeat(100_000));
  assert.equal(t.diagnostics[0].code, 'INPUT_TOO_LARGE');
});

test('odd contexts are ignored, not thrown', () => {
  for (const ctx of [{ year: '2024' }, { year: 2024.5 }, { year: NaN }, { year: 1e20 }, { name: 5 }, 'x', 7, [], { year: 10n }]) {
    const t = wasm.normaliseTarget('11月底前完成', ctx);
    assert.ok(['incomplete', 'valid'].includes(t.status), JSON.stringify(String(ctx)));
  }
  assert.equal(wasm.normaliseTarget('11月底前完成', { year: 2024 }).date, '2024-11-30');
});
