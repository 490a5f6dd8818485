#!/usr/bin/env bash
# The test command: sets up what a fresh machine lacks, then runs every test.
#   lints (no-panic clippy gates) → native tests (rules, grammar, seed forms,
#   CLI, HTTP service, hardening, docs) → wasm builds, size budget, TypeScript check, wasm
#   parity with the native snapshots, demo page in headless Chromium.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

rustup component list --installed 2>/dev/null | grep -q '^clippy' || rustup component add clippy

rustup target list --installed | grep -qx wasm32-unknown-unknown || rustup target add wasm32-unknown-unknown

echo "== clippy (no-panic lints are denied in src/lib.rs), native and wasm"
cargo clippy --lib --bins -- -D warnings
cargo clippy --lib --bins --features serve -- -D warnings
cargo clippy --lib --target wasm32-unknown-unknown -- -D warnings

echo "== native tests (with the HTTP service: feature serve)"
cargo test --features serve

echo "== wasm, JS and browser tests"
bash scripts/test-js.sh
