// The demo's list of seed forms, taken from tests/fixtures/ so it never goes
// stale. serve.mjs answers it live; running this file writes www/fixtures.json
// for any other static server.
import { readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export function fixtureIndex(root = ROOT) {
  return readdirSync(join(root, 'tests', 'fixtures'))
    .filter((f) => f.endsWith('.json'))
    .sort();
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(join(ROOT, 'www', 'fixtures.json'), JSON.stringify(fixtureIndex(), null, 1) + '\n');
}
