// Vite, webpack 5 (experiments.asyncWebAssembly) or another bundler that
// understands WebAssembly ES module integration: the bundler build
// (bash scripts/build-wasm.sh bundler → pkg-bundler/) initialises itself on import.
import { normaliseTarget, validateForm } from 'perftarget';

export function check(form) {
  return validateForm(form);
}

export function canonical(text) {
  return normaliseTarget(text, null).canonical;
}
