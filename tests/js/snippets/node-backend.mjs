// Node back end: check a submitted form with the same rules as the browser.
//   npm install ./pkg-node   (the nodejs build: bash scripts/build-wasm.sh nodejs)
//   node node-backend.mjs form.json
import { readFileSync } from 'node:fs';
import { validateForm } from 'perftarget';

const report = validateForm(readFileSync(process.argv[2], 'utf8'));
for (const issue of [...report.errors, ...report.warnings]) {
  console.log(`${issue.severity}\t${issue.code}\t${issue.path}\t${issue.message}`);
}
process.exitCode = report.valid ? 0 : 1;
