#!/usr/bin/env bash
# The JS side of the test suite: builds the three wasm packages and the CLI,
# type-checks the TypeScript usage example, then runs node's test runner on
# tests/js/ (parity with the native snapshots, types, demo page, embedding).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

# Installed again whenever the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# Debian's Chromium drives the browser tests (playwright cannot download its
# own here); a CJK font keeps the screenshot readable.
if [ -z "${CHROMIUM_PATH:-}" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    echo "Chromium is missing: apt-get install -y chromium (or set CHROMIUM_PATH)" >&2
    exit 1
  fi
fi

for target in web nodejs bundler; do
  bash scripts/build-wasm.sh "$target"
done
cargo build --release --bin perftarget

# A type error should not hide the other results: run both, fail if either did.
status=0
node node_modules/typescript/bin/tsc --noEmit -p tests/js/types || status=1
node --test tests/js/*.test.mjs || status=1
exit "$status"
