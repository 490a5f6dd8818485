// The two pages the browser tests drive: the demo (served by scripts/serve.mjs)
// and the legacy portal page of the drop-in kit (tests/js/kit/portal.html,
// with pkg/ beside it as a portal would host them).
import test from 'node:test';
import { readFileSync, statSync } from 'node:fs';
import { fixtureNames, launchChromium, need, path, startServer } from './helpers.mjs';

/** The demo server and a Chromium for one test file, closed after it. */
export async function demoSession() {
  need('pkg/dom.js', 'bash scripts/build-wasm.sh web');
  const server = await startServer();
  const browser = await launchChromium();
  test.after(async () => {
    await browser.close();
    server.close();
  });
  return { server, browser };
}

/** The largest seed form by size, the one speed figures are given for. */
export const largest = () => fixtureNames()
  .sort((a, b) => statSync(path('tests', 'fixtures', b)).size - statSync(path('tests', 'fixtures', a)).size)[0];

function watch(page) {
  const problems = [];
  page.on('pageerror', (err) => problems.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => msg.type() === 'error' && problems.push(`console: ${msg.text()}`));
  page.on('dialog', (dialog) => {
    problems.push(`dialog: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return problems;
}

/** The demo in a fresh tab; the saved draft is dropped unless `keepDraft`. */
export async function openDemo(context, server, { keepDraft = false, viewport } = {}) {
  // A page left open by a failed test would still save its draft into the
  // shared storage; close it first so every test starts from its own state.
  const page = await context.newPage();
  if (!keepDraft) await Promise.all(context.pages().filter((p) => p !== page).map((p) => p.close()));
  if (viewport) await page.setViewportSize(viewport);
  if (!keepDraft) {
    await page.goto(`${server.origin}/www/fixtures.json`);
    await page.evaluate(() => localStorage.clear());
  }
  const problems = watch(page);
  await page.goto(server.url);
  await page.waitForFunction(() => window.__perf?.firstReport != null, null, { timeout: 20000 });
  return { page, problems };
}

export async function loadSeed(page, name) {
  await page.click(`button[data-fixture="${name}"]`);
  await page.waitForSelector(`button.fixture.active[data-fixture="${name}"]`);
}

export const PORTAL = path('tests', 'js', 'kit', 'portal.html');
const TYPES = { html: 'text/html', js: 'text/javascript', css: 'text/css', wasm: 'application/wasm' };

/** The portal page at http://portal.test/ with pkg/ beside it. */
export async function openPortal(context) {
  const page = await context.newPage();
  const problems = watch(page);
  await page.route('http://portal.test/**', (route) => {
    const { pathname } = new URL(route.request().url());
    if (pathname !== '/index.html' && !pathname.startsWith('/pkg/')) return route.fulfill({ status: 404 });
    const file = pathname === '/index.html' ? PORTAL : path(...pathname.split('/').filter(Boolean));
    return route.fulfill({ body: readFileSync(file), contentType: TYPES[file.split('.').pop()] });
  });
  // The portal would post the form; here a passing submit just stays.
  await page.addInitScript(() => addEventListener('submit', (e) => e.preventDefault()));
  await page.goto('http://portal.test/index.html');
  await page.waitForFunction(() => window.kit);
  return { page, problems };
}

/** The message the kit shows for a field (through aria-describedby). */
export const messageOf = (page, sel) => page.$eval(sel, (el) => {
  const ids = (el.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
  const msg = ids.map((id) => document.getElementById(id)).find((n) => n?.classList.contains('pt-msg'));
  return msg ? { cls: msg.className, text: msg.textContent, invalid: el.getAttribute('aria-invalid') } : null;
});
