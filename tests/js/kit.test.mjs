// The drop-in kit (js/dom.js, shipped as pkg/dom.js) on a page that mimics a
// legacy portal with its own field names (tests/js/kit/portal.html), in
// Chromium: what shows when, that it agrees with validateForm, the GOV.UK
// summary, one-click canonical forms, IME, and the README snippet.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { launchChromium, need, nodeWasm, path } from './helpers.mjs';
import { PORTAL, messageOf, openPortal as openPortalIn } from './pages.mjs';

need('pkg/dom.js', 'bash scripts/build-wasm.sh web');
const browser = await launchChromium();
test.after(() => browser.close());

const openPortal = () => openPortalIn(browser.context);

const rate = '[name=zb_zbz_2]'; // 检验合格率
const satisfaction = '[name=zb_zbz_4]'; // 医疗机构满意度
const worst = (issues) => issues.find((i) => i.severity === 'error') ?? issues.find((i) => i.severity === 'warning') ?? issues[0];

test('a page as served shows nothing; a required field speaks when left and is rewarded while fixed', async () => {
  const { page, problems } = await openPortal();
  assert.equal(await page.locator('.pt-msg').count(), 0, 'no message before anything is touched');
  assert.equal(await page.locator('[aria-invalid]').count(), 0);
  assert.equal(await page.isHidden('#msgArea'), true, 'no summary before submit');
  assert.equal(await page.textContent('[role=status]'), '', 'nothing announced');

  await page.focus('#txtXMMC');
  await page.keyboard.press('Tab'); // leaves 项目名称 empty
  const left = await messageOf(page, '#txtXMMC');
  assert.match(left.cls, /pt-error/);
  assert.equal(left.invalid, 'true');
  const report = nodeWasm().validateForm(await page.evaluate(() => kit.form()));
  assert.equal(left.text, `错误：${report.errors.find((i) => i.path === '/projectName').message}`);

  await page.focus('#txtXMMC');
  await page.keyboard.type('质', { delay: 20 });
  assert.equal(await messageOf(page, '#txtXMMC'), null, 'the error goes at the first keystroke that fixes it');
  assert.equal(await page.getAttribute('#txtXMMC', 'aria-invalid'), null);
  assert.deepEqual(problems, []);
  await page.close();
});

test('a target cell shows the worst finding validateForm reports for its row; half-typed values only a hint', async () => {
  const { page } = await openPortal();
  const wasm = nodeWasm();
  await page.click(rate);
  await page.keyboard.type('≥', { delay: 20 });
  const half = await messageOf(page, rate);
  assert.match(half.cls, /pt-hint/, 'a prefix of a valid target is not an error');
  assert.equal(half.invalid, null);

  for (const [sel, text] of [[rate, '≥120%'], [satisfaction, '<50%'], [rate, '≥95%'], [rate, 'abc'], [satisfaction, '≥95人次']]) {
    await page.fill(sel, '');
    await page.click(sel);
    await page.keyboard.type(text, { delay: 10 });
    await page.keyboard.press('Tab');
    const form = await page.evaluate(() => kit.form());
    const p = `/indicators/${sel === rate ? 1 : 3}/target`;
    const r = wasm.validateForm(form);
    const want = worst([...r.errors, ...r.warnings, ...r.infos].filter((i) => i.path === p));
    const got = await messageOf(page, sel);
    assert.ok(want, `${text}: validateForm has a finding`);
    assert.match(got.cls, new RegExp(`pt-${want.severity}`), text);
    assert.ok(got.text.includes(want.message), `${text}: "${got.text}" shows "${want.message}"`);
    assert.equal(got.invalid, want.severity === 'error' ? 'true' : null);
  }
  await page.close();
});

test('submit: the summary takes focus and the first finding is two key presses away', async () => {
  const { page } = await openPortal();
  await page.focus('#txtXMMC');
  await page.keyboard.press('Enter'); // implicit submission, as a clerk would
  await page.waitForFunction(() => document.activeElement?.classList.contains('pt-summary-title'));
  assert.equal(await page.isVisible('#msgArea'), true);
  const first = await page.$eval('#msgArea a', (a) => a.dataset.path);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  const focused = await page.evaluate(() => document.activeElement.id || document.activeElement.name);
  assert.equal(first, '/projectName');
  assert.equal(focused, 'txtXMMC', 'Tab, Enter: the field of the first finding has focus');

  // A finding about the whole table leads to the table, not to one of its cells.
  await page.click('#msgArea a[data-path="/indicators"]');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'tblZB');

  const status = await page.textContent('[role=status]');
  assert.match(status, /^\d+ 个错误，\d+ 个警告$/, 'the live region says a count, not the report');
  await page.close();
});

test('a canonical form is applied in one click', async () => {
  const { page } = await openPortal();
  await page.click(satisfaction);
  await page.fill(satisfaction, '');
  await page.keyboard.type('≥95%', { delay: 10 });
  const button = page.locator('.pt-apply');
  assert.equal(await button.textContent(), '改为 ≥95.00(%)');
  await button.click();
  assert.equal(await page.inputValue(satisfaction), '≥95.00(%)');
  assert.equal(await messageOf(page, satisfaction), null);
  await page.close();
});

test('only the findings that changed are re-rendered', async () => {
  const { page } = await openPortal();
  await page.click('[name=btnSave]');
  // Tag every message and summary item; a keystroke in one cell must leave the others in place.
  await page.evaluate(() => document.querySelectorAll('.pt-msg, .pt-item').forEach((n) => { n.__kept = true; }));
  const before = await page.locator('.pt-msg, .pt-item').count();
  await page.click(rate);
  await page.keyboard.type('≥120%', { delay: 10 });
  await page.waitForTimeout(400); // the summary follows after a pause in typing
  const nodes = await page.$$eval('.pt-msg, .pt-item', (ns) => ns.map((n) => ({ kept: !!n.__kept, text: n.textContent })));
  const fresh = nodes.filter((n) => !n.kept).map((n) => n.text);
  assert.ok(fresh.length >= 1 && fresh.length <= 2, `only the cell's message and its summary item are new: ${fresh}`);
  assert.ok(fresh.every((t) => t.includes('检验合格率')), fresh.join(' | '));
  assert.ok(nodes.filter((n) => n.kept).length >= before - 2);
  await page.close();
});

test('a keystroke in a row checks that row alone; the whole form follows after a pause', async () => {
  const { page } = await openPortal();
  await page.click(rate);
  const stats = () => page.evaluate(() => ({ ...kit.stats }));
  const before = await stats();
  await page.keyboard.type('≥95%', { delay: 10 });
  const typed = await stats();
  assert.equal(typed.rowChecks - before.rowChecks, 4, 'checkIndicator once per keystroke');
  assert.ok(typed.checks - before.checks <= 1, 'validateForm not per keystroke');
  await page.waitForFunction((n) => kit.stats.checks > n, typed.checks);
  await page.close();
});

test('nothing is checked during an IME composition; the committed text is', async () => {
  const { page } = await openPortal();
  const cdp = await page.context().newCDPSession(page);
  await page.click(rate);
  const checks = () => page.evaluate(() => kit.stats.checks + kit.stats.rowChecks);
  const before = await checks();
  for (const text of ['b', 'bu', 'bud', 'budi', 'budiy', 'budiyu']) {
    await cdp.send('Input.imeSetComposition', { text, selectionStart: text.length, selectionEnd: text.length });
  }
  assert.equal(await page.inputValue(rate), 'budiyu', 'the composition is in the field');
  assert.equal(await checks(), before, 'pinyin being composed is not validated');
  assert.equal(await messageOf(page, rate), null);
  await cdp.send('Input.insertText', { text: '不低于' });
  await page.keyboard.type('95%', { delay: 10 });
  assert.ok(await checks() > before);
  assert.equal(await page.inputValue(rate), '不低于95%');
  const shown = await messageOf(page, rate);
  assert.ok(shown.text.includes('≥95.00(%)'), shown.text);
  await page.close();
});

test('the README shows the portal page\'s script as it runs here', () => {
  const script = readFileSync(PORTAL, 'utf8').match(/<script type="module">[\s\S]*?<\/script>/)[0];
  assert.ok(readFileSync(path('README.md'), 'utf8').includes(script), 'README "Drop-in kit" snippet differs from tests/js/kit/portal.html');
});
