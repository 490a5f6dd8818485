// The demo page (SPEC §7) in a real headless Chromium: live normalisation
// while typing, seed forms and the report, safe rendering of hostile text,
// start-up timings and a screenshot for a human to look at.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fixtureNames, launchChromium, need, nodeWasm, path, readFixture, startServer } from './helpers.mjs';

need('pkg/perftarget_bg.wasm', 'bash scripts/build-wasm.sh web');

const server = await startServer();
const browser = await launchChromium();
test.after(async () => {
  await browser.close();
  server.close();
});

const target0 = '[data-path="/indicators/0/target"]';
const field0 = '.target-field[data-row="0"]';

async function openDemo() {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  await page.goto(server.url);
  await page.waitForFunction(() => window.__perf?.firstReport != null, null, { timeout: 20000 });
  return { page, problems };
}

// Codes per group as the page lists them.
const pageCodes = (page) => page.evaluate(() => Object.fromEntries(['errors', 'warnings', 'infos'].map((g) =>
  [g, [...document.querySelectorAll(`#report .group-${g} li[data-code]`)].map((li) => li.dataset.code)])));

test('typing a target shows the canonical form live and underlines the wrong character', async () => {
  const { page, problems } = await openDemo();
  await page.click(target0);
  await page.keyboard.type('≥9', { delay: 60 });
  assert.equal(await page.getAttribute(field0, 'data-status'), 'incomplete', '"≥9" is a prefix of a valid target');
  await page.keyboard.type('0%', { delay: 60 });
  assert.equal(await page.textContent(`${field0} .target-canonical`), '≥90.00(%)');
  assert.equal(await page.getAttribute(field0, 'data-status'), 'valid');
  assert.equal(await page.locator(`${field0} .target-mirror mark`).count(), 0, 'nothing to underline');

  await page.fill(target0, '');
  await page.keyboard.type('≥≥', { delay: 60 });
  assert.equal(await page.getAttribute(field0, 'data-status'), 'invalid');
  const marked = await page.$$eval(`${field0} .target-mirror mark`, (marks) => marks.map((m) => {
    let offset = 0; // UTF-16 offset of the mark inside the mirrored text
    for (let n = m.previousSibling; n; n = n.previousSibling) offset += n.textContent.length;
    const box = m.getBoundingClientRect();
    return { text: m.textContent, offset, width: box.width };
  }));
  assert.deepEqual(marked.map(({ text, offset }) => ({ text, offset })), [{ text: '≥', offset: 1 }], 'the second ≥ is marked');
  assert.ok(marked[0].width > 0, 'the mark is visible');
  assert.deepEqual(problems, []);
  await page.close();
});

test('clicking a finding scrolls to and highlights the field its pointer names', async () => {
  const { page } = await openDemo();
  // The blank form always misses its project name.
  const item = page.locator('#report li.issue button[data-target="/projectName"]').first();
  await item.click();
  await page.waitForFunction(() => document.activeElement?.dataset.path === '/projectName');
  assert.ok(await page.locator('[data-path="/projectName"].flash, .flash [data-path="/projectName"]').count() > 0);
  await page.close();
});

test('a seed form loads from its button and the report lists the native codes', async (t) => {
  const name = fixtureNames().find((f) => f.startsWith('001-02')) ?? fixtureNames()[0];
  const { page, problems } = await openDemo();
  await page.click(`button[data-fixture="${name}"]`);
  await page.waitForSelector(`button.fixture.active[data-fixture="${name}"]`);
  const got = await pageCodes(page);

  const snapshot = path('tests', 'expected', name);
  let report;
  if (existsSync(snapshot)) {
    report = JSON.parse(readFileSync(snapshot, 'utf8'));
  } else {
    // parity.test.mjs fails for the missing snapshot; here the wasm build in
    // Node stands in so the page itself is still checked.
    t.diagnostic(`tests/expected/${name} missing: comparing with wasm in Node`);
    report = nodeWasm().validateForm(readFixture(name));
  }
  const want = Object.fromEntries(['errors', 'warnings', 'infos'].map((g) => [g, report[g].map((i) => i.code)]));
  assert.deepEqual(got, want);
  assert.equal(await page.inputValue('[data-path="/projectName"]'), JSON.parse(readFixture(name)).projectName);

  // Every finding leads to its field or, failing that, to the row or block holding it.
  const unmatched = await page.$$eval('#report button[data-target]', (buttons) => buttons
    .map((b) => b.dataset.target)
    .filter((p) => !p.split('/').map((_, n, parts) => parts.slice(0, n + 1).join('/'))
      .some((prefix) => prefix && document.querySelector(`#editor [data-path="${CSS.escape(prefix)}"]`))));
  assert.deepEqual(unmatched, [], 'pointers without a field to highlight');

  // English: the same findings, messages from messageEn.
  await page.click('#lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const messages = await page.$$eval('#report .group-errors .msg', (els) => els.map((e) => e.textContent));
  assert.deepEqual(messages, report.errors.map((i) => i.messageEn));
  assert.deepEqual(problems, []);
  await page.close();
});

test('hostile text is shown literally and never executes', async () => {
  const { page, problems } = await openDemo();
  await page.evaluate(() => { window.__pwned = false; });
  const img = '<img src=x onerror="window.__pwned=true;alert(1)">';
  const script = '<script>window.__pwned=true;alert(2)</script>';
  await page.fill('[data-path="/projectName"]', img);
  await page.fill(target0, script);
  await page.fill('[data-path="/indicators/0/name"]', `${img}满意度`);
  // An unknown field whose name is markup: shown in the editor and the report.
  await page.click('#json-panel summary');
  await page.waitForFunction(() => document.querySelector('#json-text').value !== '');
  const form = JSON.parse(await page.inputValue('#json-text'));
  form[img] = script;
  await page.fill('#json-text', JSON.stringify(form));
  await page.click('#json-load');
  await page.waitForTimeout(300);

  assert.equal(await page.evaluate(() => window.__pwned), false);
  assert.equal(await page.locator('img, #editor script, #report script, #editor b').count(), 0, 'no element was created from form text');
  assert.equal(await page.inputValue('[data-path="/projectName"]'), img);
  assert.equal(await page.textContent(`${field0} .target-mirror`), `${script} `);
  const extra = await page.locator('#editor .extra code').allTextContents();
  assert.ok(extra.includes(img), 'the unknown key is listed as text');
  assert.ok((await page.textContent('#normalised')).includes('onerror'), 'the normalised form is shown as text');
  assert.deepEqual(problems.filter((p) => p.startsWith('dialog')), [], 'no dialog opened');
  await page.close();
});

test('start-up and validation timings (printed, not asserted)', async (t) => {
  const { page } = await openDemo();
  const perf = await page.evaluate(() => window.__perf);
  const largest = fixtureNames().sort((a, b) => statSync(path('tests', 'fixtures', b)).size - statSync(path('tests', 'fixtures', a)).size)[0];
  // Cold start in a fresh page: fetch + compile + instantiate + first report.
  const cold = await browser.context.newPage();
  await cold.goto(`${server.origin}/www/fixtures.json`);
  const times = await cold.evaluate(async ({ fixture }) => {
    const text = await (await fetch(`/tests/fixtures/${encodeURIComponent(fixture)}`)).text();
    const t0 = performance.now();
    const mod = await import('/pkg/perftarget.js');
    await mod.default();
    const t1 = performance.now();
    mod.validateForm(JSON.parse(text));
    const t2 = performance.now();
    const form = JSON.parse(text);
    const n = 50;
    for (let i = 0; i < n; i++) mod.validateForm(form);
    const t3 = performance.now();
    for (let i = 0; i < n; i++) mod.normaliseTarget(`≥${i}0.5%`, { year: 2025 });
    const t4 = performance.now();
    return { instantiate: t1 - t0, firstValidate: t2 - t1, validateAvg: (t3 - t2) / n, normaliseAvg: (t4 - t3) / n };
  }, { fixture: largest });
  const ms = (v) => `${v.toFixed(2)} ms`;
  const lines = [
    `navigation → module ready:  ${ms(perf.moduleReady)}`,
    `navigation → first report:  ${ms(perf.firstReport)}`,
    `cold fetch+instantiate:     ${ms(times.instantiate)}`,
    `cold first validateForm:    ${ms(times.firstValidate)} (${largest})`,
    `cold start total:           ${ms(times.instantiate + times.firstValidate)}`,
    `validateForm, warm average: ${ms(times.validateAvg)}`,
    `normaliseTarget, warm avg:  ${ms(times.normaliseAvg)}`,
  ];
  for (const line of lines) t.diagnostic(line);
  assert.ok(perf.moduleReady > 0 && perf.firstReport >= perf.moduleReady);
  await cold.close();
  await page.close();
});

test('screenshot of the demo with a seed form loaded', async () => {
  const { page } = await openDemo();
  const name = fixtureNames().find((f) => f.startsWith('001-02')) ?? fixtureNames()[0];
  await page.click(`button[data-fixture="${name}"]`);
  await page.waitForSelector('button.fixture.active');
  await page.fill('[data-path="/indicators/1/target"]', '');
  await page.click('[data-path="/indicators/1/target"]');
  await page.keyboard.type('≥≥95%', { delay: 20 });
  mkdirSync(path('test-results'), { recursive: true });
  await page.screenshot({ path: path('test-results', 'demo.png'), fullPage: true });
  assert.ok(statSync(path('test-results', 'demo.png')).size > 10000);
  await page.close();
});
