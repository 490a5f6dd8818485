// axe-core (npm) audits of the demo and of the kit's portal page, in the
// states a clerk sees them: blank, a seed form with its findings, English,
// a phone; no serious or critical violation is allowed.
import test from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { need } from './helpers.mjs';
import { demoSession, largest, loadSeed, openDemo, openPortal } from './pages.mjs';

const AXE = readFileSync(need('node_modules/axe-core/axe.min.js', 'npm ci'), 'utf8');
const { server, browser } = await demoSession();

/** Serious and critical violations, one line each. */
async function audit(page) {
  // Evaluated through the DevTools protocol, so the page's CSP does not block it.
  await page.evaluate(AXE);
  const { violations } = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
}

test('axe: the demo, blank, with a seed form checked, in English and on a phone', async (t) => {
  const { page } = await openDemo(browser.context, server);
  const found = { blank: await audit(page) };
  await loadSeed(page, largest());
  await page.click('#check');
  await page.locator('#summary .pt-item.pt-warning button.accept').first().click().catch(() => {});
  await page.click('#json-panel summary');
  found.checked = await audit(page);
  await page.click('#lang');
  await page.check('#codes');
  found.english = await audit(page);
  await page.setViewportSize({ width: 390, height: 844 });
  found.phone = await audit(page);
  for (const [state, list] of Object.entries(found)) t.diagnostic(`demo ${state}: ${list.length} serious/critical`);
  assert.deepEqual(found, { blank: [], checked: [], english: [], phone: [] });
  await page.close();
});

test('axe: the kit on a legacy portal page, as served and after a submit with findings', async (t) => {
  const { page } = await openPortal(browser.context);
  const served = await audit(page);
  await page.fill('[name=zb_zbz_2]', '≥120%');
  await page.click('[name=btnSave]');
  const submitted = await audit(page);
  t.diagnostic(`portal: ${served.length} + ${submitted.length} serious/critical`);
  assert.deepEqual({ served, submitted }, { served: [], submitted: [] });
  await page.close();
});
