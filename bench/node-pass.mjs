// One pass of the Node measurements on the nodejs wasm build (pkg-node/).
// bench/run starts it several times as separate processes, so each pass has
// its own JIT and heap and the spread between passes shows machine noise.
// Prints raw per-call samples (ns) as JSON on stdout.
//   usage: node bench/node-pass.mjs [rounds] [warm-up rounds]
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import Ajv from 'ajv';
import { largestFixture, path } from './common.mjs';

const ROUNDS = Number(process.argv[2] ?? 200);
const WARMUP = Number(process.argv[3] ?? 20);

const wasm = createRequire(import.meta.url)(path('pkg-node', 'perftarget.js'));
const targets = JSON.parse(readFileSync(path('tests', 'expected', 'targets.json'), 'utf8'));
const form = largestFixture();
const formObject = JSON.parse(form.text);
const ajv = new Ajv({ allowUnionTypes: true }); // the schema types amounts as string|number|null
const schemaValidate = ajv.compile(JSON.parse(readFileSync(path('schema', 'form.schema.json'), 'utf8')));

// Results go into a sink so no call can be optimised away.
let sink = 0;
const time = (fn, out) => {
  const t0 = process.hrtime.bigint();
  const r = fn();
  const t1 = process.hrtime.bigint();
  sink ^= r ? 1 : 0;
  if (out) out.push(Number(t1 - t0));
};

// Each round calls every variant in turn, so slow drift (thermal, other
// processes) hits them all alike instead of whichever ran last.
const validateVariants = {
  'validateForm(string)': () => wasm.validateForm(form.text),
  'validateForm(object)': () => wasm.validateForm(formObject),
  // The report's normalised form is built when first read: this is the whole cost.
  'validateForm(string).normalised': () => wasm.validateForm(form.text).normalised,
  'JSON.parse': () => JSON.parse(form.text),
  'ajv validate': () => schemaValidate(formObject),
};

const samples = { normaliseTarget: [] };
for (const name of Object.keys(validateVariants)) samples[name] = [];

for (let round = 0; round < WARMUP + ROUNDS; round++) {
  const keep = round >= WARMUP;
  for (const { input, context } of targets) time(() => wasm.normaliseTarget(input, context), keep && samples.normaliseTarget);
  for (const [name, fn] of Object.entries(validateVariants)) time(fn, keep && samples[name]);
}

// What an empty timed region costs: included in every sample above.
const overhead = [];
for (let i = 0; i < 10000; i++) time(() => 0, overhead);

process.stdout.write(
  JSON.stringify({
    rounds: ROUNDS,
    warmup: WARMUP,
    targets: targets.length,
    fixture: { name: form.name, bytes: form.bytes },
    ajvValid: schemaValidate(formObject),
    samples,
    overhead,
    sink,
  }),
);
