// Shared by the JS tests: repository paths, the two wasm builds loaded in
// Node, the demo server and a headless Chromium. Missing build outputs fail
// with the command that makes them rather than skipping.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const path = (...parts) => join(ROOT, ...parts);

export function need(file, how) {
  if (!existsSync(path(file))) throw new Error(`${file} is missing: run ${how}`);
  return path(file);
}

export const fixtureNames = () =>
  readdirSync(path('tests', 'fixtures')).filter((f) => f.endsWith('.json')).sort();
export const readFixture = (name) => readFileSync(path('tests', 'fixtures', name), 'utf8');

/** The nodejs build (CommonJS, pkg-node/). */
export function nodeWasm() {
  const entry = need('pkg-node/perftarget.js', 'bash scripts/build-wasm.sh nodejs');
  return createRequire(import.meta.url)(entry);
}

/** The web build (pkg/), instantiated from bytes as a browser would. */
export async function webWasm() {
  const entry = need('pkg/perftarget.js', 'bash scripts/build-wasm.sh web');
  const mod = await import(pathToFileURL(entry).href);
  mod.initSync({ module: readFileSync(path('pkg', 'perftarget_bg.wasm')) });
  return mod;
}

/** The demo server on a free port; resolves once it prints its URL. */
export function startServer() {
  const child = spawn(process.execPath, [path('scripts', 'serve.mjs'), '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
    child.stdout.once('data', (chunk) => {
      const url = String(chunk).trim().split('\n')[0];
      resolve({ url, origin: new URL(url).origin, close: () => child.kill() });
    });
  });
}

function chromiumPath() {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim();
    if (found) return found;
  }
  throw new Error('no Chromium found: apt-get install -y chromium (or set CHROMIUM_PATH)');
}

export const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run',
];

/** Debian's Chromium through playwright-core, with a throw-away profile. */
export async function launchChromium() {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'perftarget-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1400, height: 900 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}
