// Shared by the bench scripts: repository paths, the seed fixtures and the
// quantiles every figure is reported with.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const path = (...parts) => join(ROOT, ...parts);

/** The seed forms, sorted by name, with their text and size in bytes. */
export function fixtures() {
  const dir = path('tests', 'fixtures');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8'), bytes: statSync(join(dir, name)).size }));
}

/** The largest seed form by bytes: the worst case a clerk submits. */
export const largestFixture = () => fixtures().reduce((a, b) => (b.bytes > a.bytes ? b : a));

/** Nearest-rank quantile of an ascending array (q in [0, 1]). */
export function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
}

/** median, p99, min, max of raw samples (ns). */
export function summary(samples) {
  const s = Float64Array.from(samples).sort();
  return { n: s.length, median: quantile(s, 0.5), p99: quantile(s, 0.99), min: s[0], max: s[s.length - 1] };
}
