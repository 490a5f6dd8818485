// Completes the package.json wasm-pack wrote, filling only missing fields from
// Cargo.toml (via cargo metadata) so the generated package can be published,
// and puts the drop-in kit (js/dom.js, js/dom.css) beside the ES module
// builds as `perftarget/dom`.
//   usage: node scripts/pkg-meta.mjs OUT_DIR
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.argv[2] ?? 'pkg';
const file = join(dir, 'package.json');
const pkg = JSON.parse(readFileSync(file, 'utf8'));
const kit = ['dom.js', 'dom.css'];
// The catalogue's descriptions, which the module leaves out to stay small.
copyFileSync(join('schema', 'rules.json'), join(dir, 'rules.json'));
pkg.files = [...new Set([...(pkg.files ?? []), 'rules.json'])];
if (pkg.type === 'module') {
  for (const f of kit) copyFileSync(join('js', f), join(dir, f));
  pkg.files = [...new Set([...(pkg.files ?? []), ...kit])];
  const main = `./${pkg.module ?? pkg.main}`;
  pkg.exports ??= {
    '.': { types: './perftarget.d.ts', default: main },
    './dom': './dom.js',
    './dom.css': './dom.css',
    './rules.json': './rules.json',
    './*': './*',
  };
}
const meta = JSON.parse(execFileSync('cargo', ['metadata', '--no-deps', '--format-version', '1'], { encoding: 'utf8' }));
const crate = meta.packages.find((p) => p.name === 'perftarget');

const defaults = {
  name: crate.name,
  version: crate.version,
  description: crate.description,
  license: crate.license,
  repository: crate.repository && { type: 'git', url: crate.repository },
  types: 'perftarget.d.ts',
  // Everything wasm-pack emitted except its own bookkeeping files.
  files: readdirSync(dir).filter((f) => !['package.json', '.gitignore', 'README.md'].includes(f)),
};
const added = [];
for (const [key, value] of Object.entries(defaults)) {
  if (pkg[key] === undefined && value !== undefined && value !== null) {
    pkg[key] = value;
    added.push(key);
  }
}
writeFileSync(file, JSON.stringify(pkg, null, 2) + '\n');
console.log(`${file}: ${added.length ? 'added ' + added.join(', ') : 'complete'}`);
