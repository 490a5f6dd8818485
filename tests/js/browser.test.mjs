// The demo page (SPEC §7) on the drop-in kit, in a real headless Chromium:
// a blank form that does not shout, target cells that agree with the
// report, seed forms, the clerk's and the reviewer's tools, safe rendering
// of hostile text, the phone layout, timings and screenshots.
import test from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { fixtureNames, nodeWasm, path, readFixture } from './helpers.mjs';
import { demoSession, largest, loadSeed, messageOf, openDemo as openDemoIn } from './pages.mjs';

const { server, browser } = await demoSession();

const seed = fixtureNames().find((f) => f.startsWith('001-02')) ?? fixtureNames()[0];
const field = (p) => `#editor [data-perftarget="${p}"]`;
const openDemo = (context = browser.context, options) => openDemoIn(context, server, options);

const listed = (page) => page.$$eval('#summary .pt-item', (lis) => lis.map((li) => ({
  sev: li.className.match(/pt-(error|warning|info)/)[1], code: li.dataset.key.split('|')[0], text: li.querySelector('a').textContent,
})));

test('a blank form does not shout', async () => {
  const { page, problems } = await openDemo();
  assert.equal(await page.locator('#editor .pt-msg').count(), 0, 'no message under any field');
  assert.equal(await page.locator('[aria-invalid]').count(), 0);
  assert.equal(await page.isHidden('#summary'), true);
  assert.equal(await page.isVisible('#report-empty'), true);
  assert.equal(await page.textContent('#live'), '');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a target cell shows the finding validateForm reports for its row, a half-typed one only its hint', async () => {
  const { page, problems } = await openDemo();
  await page.selectOption(`${field('/indicators/0')} .cell-level1 select`, '产出指标');
  await page.selectOption(`${field('/indicators/0')} .cell-level2 select`, '质量指标');
  await page.fill(field('/indicators/0/name'), '检验合格率');
  const target = field('/indicators/0/target');
  await page.click(target);
  await page.keyboard.type('≥', { delay: 20 });
  assert.match((await messageOf(page, target)).cls, /pt-hint/, 'a prefix of a valid target is not red');
  await page.keyboard.type('120%', { delay: 20 });
  const report = nodeWasm().validateForm(await page.evaluate(() => window.__kit.form()));
  const want = report.errors.find((i) => i.path === '/indicators/0/target');
  assert.equal(want.code, 'RATE_OVER_100');
  const got = await messageOf(page, target);
  assert.match(got.cls, /pt-error/);
  assert.ok(got.text.endsWith(want.message), got.text);
  assert.equal(await page.getAttribute(target, 'aria-invalid'), 'true');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a seed form lists the native findings, in Chinese and in English', async (t) => {
  const { page, problems } = await openDemo();
  await loadSeed(page, seed);
  const snapshot = path('tests', 'expected', seed);
  let report;
  if (existsSync(snapshot)) report = JSON.parse(readFileSync(snapshot, 'utf8'));
  else {
    t.diagnostic(`tests/expected/${seed} missing: comparing with wasm in Node`);
    report = nodeWasm().validateForm(readFixture(seed));
  }
  const sorted = (list) => list.map((i) => `${i.severity ?? i.sev} ${i.code} ${i.message ?? i.text}`).sort();
  const all = [...report.errors, ...report.warnings, ...report.infos];
  assert.deepEqual(sorted(await listed(page)), sorted(all));
  assert.equal(await page.inputValue(field('/projectName')), JSON.parse(readFixture(seed)).projectName);

  // Every finding's link leads to an element of the editor.
  const orphans = await page.$$eval('#summary a', (as) => as.filter((a) => !document.querySelector(`#editor ${a.getAttribute('href')}`)).map((a) => a.dataset.path));
  assert.deepEqual(orphans, []);

  await page.click('#lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.deepEqual(sorted(await listed(page)), sorted(all.map((i) => ({ ...i, message: i.messageEn }))));
  await page.check('#codes');
  const codes = await page.locator('#summary .codes').first().textContent();
  assert.ok(!/[\u4e00-\u9fff]/.test(codes.split(' · ')[2]), `review category in English: ${codes}`);
  assert.ok(await page.isVisible('#summary .codes'));
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard only: from the summary to the first finding in at most three key presses', async () => {
  const { page } = await openDemo();
  await page.focus('#check');
  await page.keyboard.press('Enter'); // checks the blank form: the summary takes focus
  await page.waitForFunction(() => document.activeElement?.classList.contains('pt-summary-title'));
  const first = await page.$eval('#summary a', (a) => a.getAttribute('href').slice(1));
  let presses = 0;
  for (const key of ['Tab', 'Enter']) {
    await page.keyboard.press(key);
    presses++;
  }
  assert.ok(presses <= 3);
  assert.equal(await page.evaluate(() => document.activeElement.id), first, 'the first finding\'s field has focus');
  // The live region says how many, not what.
  const live = await page.textContent('#live');
  assert.match(live, /^\d+ 个错误，\d+ 个警告$/);
  assert.ok(live.length < 20);
  // Next and previous walk the findings.
  await page.click('#next');
  const second = await page.evaluate(() => document.activeElement.id);
  assert.notEqual(second, first);
  await page.click('#prev');
  assert.equal(await page.evaluate(() => document.activeElement.id), first);
  await page.close();
});

test('the draft survives a reload; removing a row can be undone; the JSON panel follows and explains', async () => {
  const { page, problems } = await openDemo();
  await loadSeed(page, seed);
  const rows = await page.locator('.ind-row').count();
  await page.fill(field('/projectName'), '草稿项目');
  await page.waitForFunction(() => JSON.parse(localStorage.getItem('perftarget-draft'))?.form?.projectName === '草稿项目');
  await page.reload();
  await page.waitForFunction(() => window.__perf?.firstReport != null);
  assert.equal(await page.inputValue(field('/projectName')), '草稿项目', 'the draft came back');

  await page.click(`${field('/indicators/1')} button.remove`);
  assert.equal(await page.locator('.ind-row').count(), rows - 1);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'undo-button', 'undo is one key press away');
  await page.keyboard.press('Enter');
  assert.equal(await page.locator('.ind-row').count(), rows);

  await page.click('#json-panel summary');
  await page.fill(field('/projectName'), '跟随');
  await page.waitForFunction(() => JSON.parse(document.querySelector('#json-text').value).projectName === '跟随');
  await page.fill('#json-text', '{"projectName": "x",,}');
  await page.click('#json-load');
  const error = await page.textContent('#json-error');
  const want = nodeWasm().validateForm('{"projectName": "x",,}').errors[0].message;
  assert.ok(error.includes(want), `the module's JSON_SYNTAX message: ${error}`);
  assert.equal(await page.inputValue(field('/projectName')), '跟随', 'the form is kept');
  assert.deepEqual(problems, []);
  await page.close();
});

test('reviewer: a warning accepted with a reason is kept in the draft; findings export as CSV', async () => {
  const { page } = await openDemo();
  const name = fixtureNames().find((f) => nodeWasm().validateForm(readFixture(f)).warnings.some((w) => w.path !== '/indicators'));
  await loadSeed(page, name);
  const warning = page.locator('#summary .pt-item.pt-warning').first();
  const key = await warning.getAttribute('data-key');
  await warning.locator('button.accept').click();
  await page.keyboard.type('已与主管部门确认');
  await warning.locator('button[data-accept]').click();
  assert.equal(await page.locator(`#summary .pt-item[data-key="${key}"]`).count(), 0, 'no longer listed as a problem');
  assert.match(await page.textContent('#accepted'), /已与主管部门确认/);
  await page.waitForFunction(() => Object.values(JSON.parse(localStorage.getItem('perftarget-draft'))?.accepted ?? {}).includes('已与主管部门确认'));

  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  const csv = readFileSync(await download.path(), 'utf8');
  assert.ok(csv.startsWith('\ufeff'), 'a BOM for Excel');
  const report = nodeWasm().validateForm(readFixture(name));
  assert.equal(csv.trim().split('\r\n').length, 1 + report.errors.length + report.warnings.length + report.infos.length);
  assert.ok(csv.includes('已与主管部门确认'));
  await page.close();
});

test('clerk\'s inputs: another region\'s level name as free text, date pickers, unit suggestions; print shows the report', async () => {
  const { page, problems } = await openDemo();
  const row = field('/indicators/0');
  await page.selectOption(`${row} .cell-level1 select`, '\u0000other');
  const other = `${row} .cell-level1 input.level-other`;
  assert.equal(await page.evaluate((sel) => document.activeElement === document.querySelector(sel), other), true, 'the text field takes focus');
  await page.keyboard.type('过程管理指标', { delay: 10 });
  await page.keyboard.press('Tab');
  const form = await page.evaluate(() => window.__kit.form());
  assert.equal(form.indicators[0].level1, '过程管理指标', 'the typed name is the model\'s level 1');
  const want = nodeWasm().validateForm(form).errors.find((i) => i.path === '/indicators/0/level1');
  assert.ok((await messageOf(page, other)).text.endsWith(want.message), 'its finding shows under the text field');

  assert.equal(await page.getAttribute(field('/startDate'), 'type'), 'date');
  await page.fill(field('/startDate'), '2026-01-01');
  assert.equal((await page.evaluate(() => window.__kit.form())).startDate, '2026-01-01');
  await page.locator(`${row} details.more summary`).click();
  assert.equal(await page.getAttribute(field('/indicators/0/unit'), 'list'), 'units');
  assert.ok(await page.locator('#units option[value="%"]').count());

  await page.click('#check');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#editor'), false, 'print leaves the form out');
  assert.equal(await page.isVisible('#summary'), true, 'and prints the findings');
  assert.deepEqual(problems, []);
  await page.close();
});

test('a regional template shows the fields its registry entry requires, and money fields a form brings', async () => {
  const { page, problems } = await openDemo();
  assert.equal(await page.locator(field('/projectSource')).count(), 0, 'T2021 has no 项目来源');
  await page.selectOption('#template', 'AH2025');
  await page.waitForSelector(field('/projectSource'));
  assert.ok(await page.isVisible(field('/projectTerm')), 'AH2025 requires 项目期');
  const form = { ...(await page.evaluate(() => window.__kit.form())), template: 'SC2021' };
  form.funds = { annualFiscal: '4', generalBudget: '4' };
  form.projectAttribute = '新增';
  await page.click('#json-panel summary');
  await page.fill('#json-text', JSON.stringify(form));
  await page.click('#json-load');
  await page.waitForSelector(field('/funds/generalBudget'));
  assert.ok(await page.isVisible(field('/projectAttribute')), 'a model field, not an unrecognised one');
  assert.equal(await page.locator('#editor .extra').count(), 0);
  assert.deepEqual(problems, []);
  await page.close();
});

test('hostile text is shown literally and never executes', async () => {
  const { page, problems } = await openDemo();
  await page.evaluate(() => { window.__pwned = false; });
  const img = '<img src=x onerror="window.__pwned=true;alert(1)">';
  const script = '<script>window.__pwned=true;alert(2)</script>';
  await page.fill(field('/projectName'), img);
  await page.fill(field('/indicators/0/target'), script);
  await page.fill(field('/indicators/0/name'), `${img}满意度`);
  await page.click('#json-panel summary');
  await page.waitForFunction(() => document.querySelector('#json-text').value.includes('onerror'));
  const form = JSON.parse(await page.inputValue('#json-text'));
  form[img] = script;
  await page.fill('#json-text', JSON.stringify(form));
  await page.click('#json-load');
  await page.waitForSelector('#editor .extra');

  assert.equal(await page.evaluate(() => window.__pwned), false);
  assert.equal(await page.locator('img, #editor script, #report-panel script, #editor b').count(), 0, 'no element was created from form text');
  assert.equal(await page.inputValue(field('/projectName')), img);
  assert.ok((await page.locator('#editor .extra code').allTextContents()).includes(img), 'the unknown key is listed as text');
  assert.ok((await page.textContent('#normalised')).includes('onerror'), 'the normalised form is shown as text');
  assert.ok((await page.textContent('#summary')).includes(img), 'findings quote it as text');
  assert.deepEqual(problems.filter((p) => p.startsWith('dialog')), [], 'no dialog opened');
  await page.close();
});

test('screenshots at 1366×768 and 390×844; nothing scrolls sideways on a phone', async () => {
  mkdirSync(path('test-results'), { recursive: true });
  for (const [width, height] of [[1366, 768], [390, 844]]) {
    const { page } = await openDemo(browser.context, { viewport: { width, height } });
    await loadSeed(page, seed);
    await page.fill(field('/indicators/1/target'), '');
    await page.click(field('/indicators/1/target'));
    await page.keyboard.type('≥≥95%', { delay: 10 });
    await page.keyboard.press('Tab');
    const file = path('test-results', `demo-${width}.png`);
    await page.screenshot({ path: file });
    assert.ok(statSync(file).size > 10000);
    if (width === 390) {
      await page.screenshot({ path: path('test-results', 'demo-390-full.png'), fullPage: true });
      const { scroll, client, wide } = await page.evaluate(() => ({
        scroll: document.documentElement.scrollWidth,
        client: document.documentElement.clientWidth,
        wide: [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
          .map((e) => `${e.tagName}.${e.className}`).slice(0, 5),
      }));
      assert.ok(scroll <= client, `page ${scroll} px wide in a ${client} px screen: ${wide}`);
      assert.deepEqual(wide, []);
    }
    await page.close();
  }
});

test('start-up and validation timings (printed, not asserted)', async (t) => {
  const { page } = await openDemo();
  const perf = await page.evaluate(() => ({ moduleReady: window.__perf.moduleReady, firstReport: window.__perf.firstReport }));
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
  }, { fixture: largest() });
  const ms = (v) => `${v.toFixed(2)} ms`;
  for (const line of [
    `navigation → module ready:  ${ms(perf.moduleReady)}`,
    `navigation → first report:  ${ms(perf.firstReport)}`,
    `cold fetch+instantiate:     ${ms(times.instantiate)}`,
    `cold first validateForm:    ${ms(times.firstValidate)} (${largest()})`,
    `validateForm, warm average: ${ms(times.validateAvg)}`,
    `normaliseTarget, warm avg:  ${ms(times.normaliseAvg)}`,
  ]) t.diagnostic(line);
  assert.ok(perf.moduleReady > 0 && perf.firstReport >= perf.moduleReady);
  await cold.close();
  await page.close();
});
