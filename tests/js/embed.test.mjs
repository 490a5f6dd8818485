// The README's embedding snippets (tests/js/snippets/) run as written: a Node
// back end on the nodejs build, a plain <script type=module> page on the web
// build in Chromium, and the bundler build as WebAssembly ES module
// integration (what Vite and webpack consume), run by Node.
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fixtureNames, launchChromium, need, nodeWasm, path, readFixture } from './helpers.mjs';

const snippet = (name) => path('tests', 'js', 'snippets', name);
const fixture = fixtureNames().find((f) => f.startsWith('001-02')) ?? fixtureNames()[0];

/** A throw-away project whose node_modules/perftarget is one of our builds. */
function project(t, build) {
  const dir = mkdtempSync(join(tmpdir(), 'perftarget-embed-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  mkdirSync(join(dir, 'node_modules'));
  symlinkSync(path(build), join(dir, 'node_modules', 'perftarget'), 'dir');
  return dir;
}

test('Node back end snippet (nodejs build)', (t) => {
  need('pkg-node/perftarget.js', 'bash scripts/build-wasm.sh nodejs');
  const dir = project(t, 'pkg-node');
  copyFileSync(snippet('node-backend.mjs'), join(dir, 'check.mjs'));
  writeFileSync(join(dir, 'form.json'), readFixture(fixture));
  const run = spawnSync(process.execPath, ['check.mjs', 'form.json'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.stderr, '');

  const report = nodeWasm().validateForm(readFixture(fixture));
  const want = [...report.errors, ...report.warnings].map((i) => `${i.severity}\t${i.code}\t${i.path}\t${i.message}`);
  assert.deepEqual(run.stdout.split('\n').filter(Boolean), want);
  assert.equal(run.status, report.valid ? 0 : 1);
});

test('plain <script type=module> snippet (web build) in Chromium', async (t) => {
  need('pkg/perftarget_bg.wasm', 'bash scripts/build-wasm.sh web');
  const browser = await launchChromium();
  t.after(() => browser.close());
  const page = await browser.context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The page and pkg/ as a portal would host them, without a server.
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
  await page.route('http://portal.test/**', (route) => {
    const { pathname } = new URL(route.request().url());
    const file = pathname === '/index.html' ? snippet('browser.html') : path(...pathname.split('/').filter(Boolean));
    if (!pathname.startsWith('/pkg/') && pathname !== '/index.html') return route.fulfill({ status: 404 });
    return route.fulfill({ body: readFileSync(file), contentType: types[extname(file)] ?? 'application/octet-stream' });
  });
  await page.goto('http://portal.test/index.html');
  await page.waitForFunction(() => typeof window.checkForm === 'function');
  await page.fill('#target', '≥90%');
  assert.equal(await page.textContent('#canonical'), '≥90.00(%)');

  const form = JSON.parse(readFixture(fixture));
  const got = await page.evaluate((f) => JSON.stringify(window.checkForm(f)), form);
  assert.equal(got, JSON.stringify(nodeWasm().validateForm(form)));
  assert.deepEqual(errors, []);
});

test('bundler build: package layout and ES module integration', (t) => {
  need('pkg-bundler/perftarget.js', 'bash scripts/build-wasm.sh bundler');
  const pkg = JSON.parse(readFileSync(path('pkg-bundler', 'package.json'), 'utf8'));
  const entry = pkg.module ?? pkg.main;
  assert.equal(entry, 'perftarget.js');
  assert.equal(pkg.types, 'perftarget.d.ts');
  for (const file of ['perftarget.js', 'perftarget_bg.js', 'perftarget_bg.wasm', 'perftarget.d.ts']) {
    assert.ok(existsSync(path('pkg-bundler', file)), `pkg-bundler/${file}`);
    assert.ok(pkg.files.includes(file), `package.json files lists ${file}`);
  }
  assert.match(readFileSync(path('pkg-bundler', entry), 'utf8'), /from "\.\/perftarget_bg\.wasm"/,
    'the entry imports the .wasm as an ES module, which bundlers resolve');

  const dir = project(t, 'pkg-bundler');
  copyFileSync(snippet('bundler.mjs'), join(dir, 'bundler.mjs'));
  writeFileSync(join(dir, 'run.mjs'), [
    "import { readFileSync } from 'node:fs';",
    "import { canonical, check } from './bundler.mjs';",
    "console.log(JSON.stringify({ canonical: canonical('≥90%'), report: check(readFileSync('form.json', 'utf8')) }));",
  ].join('\n'));
  writeFileSync(join(dir, 'form.json'), readFixture(fixture));
  const run = spawnSync(process.execPath, ['--experimental-wasm-modules', '--no-warnings', 'run.mjs'], { cwd: dir, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout);
  assert.equal(out.canonical, '≥90.00(%)');
  assert.deepEqual(out.report, nodeWasm().validateForm(readFixture(fixture)));
});
