// SPEC §8 "identical rules everywhere": every fixture gives byte-identical
// reports through the native library (committed snapshots), the CLI and the
// wasm module in Node, whether the form arrives as JSON text or as an object.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { fixtureNames, nodeWasm, path, readFixture, webWasm } from './helpers.mjs';

const fixtures = fixtureNames();
const node = nodeWasm();
const web = await webWasm();
const pretty = (value) => JSON.stringify(value, null, 2) + '\n';
const SNAPSHOT_HOW = 'the native snapshot test (cargo test) that writes tests/expected/';

function snapshot(name) {
  const file = path('tests', 'expected', name);
  if (!existsSync(file)) assert.fail(`tests/expected/${name} is missing: generate it with ${SNAPSHOT_HOW}`);
  return readFileSync(file, 'utf8');
}

test('there are fixtures to compare', () => {
  assert.ok(fixtures.length > 0, 'tests/fixtures/ holds no .json form');
});

test('every fixture has a native snapshot', () => {
  const missing = fixtures.filter((f) => !existsSync(path('tests', 'expected', f)));
  assert.deepEqual(missing, [], `${missing.length} snapshot(s) missing in tests/expected/; generate them with ${SNAPSHOT_HOW}`);
});

for (const name of fixtures) {
  test(`wasm report equals native snapshot: ${name}`, () => {
    const text = readFixture(name);
    const expected = snapshot(name);
    assert.equal(pretty(node.validateForm(text)), expected, 'JSON text through the nodejs build');
    assert.equal(pretty(node.validateForm(JSON.parse(text))), expected, 'plain object through the nodejs build');
    assert.equal(pretty(web.validateForm(text)), expected, 'JSON text through the web build');
  });
}

test('normaliseTarget equals the native target table', () => {
  const file = path('tests', 'expected', 'targets.json');
  if (!existsSync(file)) assert.fail(`tests/expected/targets.json is missing: generate it with ${SNAPSHOT_HOW}`);
  const rows = JSON.parse(readFileSync(file, 'utf8'));
  assert.ok(Array.isArray(rows) && rows.length > 0, 'targets.json must be a non-empty array');
  const mismatches = [];
  let orderOnly = 0;
  for (const { input, context, result } of rows) {
    const want = JSON.stringify(result);
    for (const [build, mod] of [['nodejs', node], ['web', web]]) {
      const value = mod.normaliseTarget(input, context ?? null);
      const got = JSON.stringify(value);
      if (got === want) continue;
      if (isDeepStrictEqual(value, result)) orderOnly += 1;
      mismatches.push(`${build} ${JSON.stringify(input)} ${JSON.stringify(context)}\n  native: ${want}\n  wasm:   ${got}`);
    }
  }
  const why = orderOnly ? `${orderOnly} differ only in key order (the table's keys are sorted, the Target's are in field order)\n` : '';
  assert.equal(mismatches.length, 0, `${mismatches.length} mismatch(es); ${why}${mismatches.slice(0, 6).join('\n')}`);
});

test('CLI `perftarget check --json` prints the wasm report, one compact line per file', () => {
  const cli = path('target', 'release', 'perftarget');
  if (!existsSync(cli)) {
    const build = spawnSync('cargo', ['build', '--release', '--bin', 'perftarget'], { cwd: path(), stdio: 'inherit' });
    assert.equal(build.status, 0, 'cargo build --release failed');
  }
  const files = fixtures.map((f) => path('tests', 'fixtures', f));
  const run = spawnSync(cli, ['check', '--json', ...files], { encoding: 'utf8', maxBuffer: 256 << 20 });
  assert.ok(run.status === 0 || run.status === 1, `exit status ${run.status}: ${run.stderr}`);
  const lines = run.stdout.split('\n').filter(Boolean);
  assert.equal(lines.length, fixtures.length, 'one JSON line per file');
  const reports = fixtures.map((f) => node.validateForm(readFixture(f)));
  fixtures.forEach((f, i) => assert.equal(lines[i], JSON.stringify(reports[i]), `CLI line for ${f}`));
  const unusable = reports.some((r) => r.normalised == null);
  const anyErrors = reports.some((r) => r.errors.length > 0);
  assert.equal(run.status, unusable ? 2 : anyErrors ? 1 : 0, 'exit status: 0 no errors, 1 errors found, 2 unusable input (SPEC §1)');
});

// The row check through wasm says of each row what the wasm report says of
// it (rules of one row only: repeats and coverage need the whole table).
test('checkIndicator agrees with validateForm on every fixture row', () => {
  const formScope = new Set(node.rules().filter((r) => r.scope === 'form').map((r) => r.code));
  let compared = 0;
  for (const name of fixtures) {
    const form = JSON.parse(readFixture(name));
    const report = node.validateForm(form);
    const all = [...report.errors, ...report.warnings, ...report.infos];
    (form.indicators ?? []).forEach((row, index) => {
      const prefix = `/indicators/${index}`;
      const expected = all.filter((i) => (i.path === prefix || i.path.startsWith(`${prefix}/`)) && !formScope.has(i.code));
      for (const mod of [node, web]) {
        const checked = mod.checkIndicator(row, { ...form, index });
        assert.deepEqual(checked.issues, expected, `${name} row ${index}`);
        assert.equal(checked.target?.input ?? null, row.target ?? null, `${name} row ${index}`);
      }
      compared += expected.length;
    });
  }
  assert.ok(compared > 100, `${compared} findings compared`);
});
