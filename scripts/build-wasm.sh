#!/usr/bin/env bash
# Builds the wasm package: pkg/ (web, default), pkg-bundler/ or pkg-node/.
# Idempotent: installs only what is missing, so a clean checkout works.
#   usage: bash scripts/build-wasm.sh [web|bundler|nodejs]
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export PATH="$HOME/.cargo/bin:$PATH"

TARGET="${1:-web}"
case "$TARGET" in
  web) OUT=pkg ;;
  bundler) OUT=pkg-bundler ;;
  nodejs) OUT=pkg-node ;;
  *) echo "unknown target '$TARGET' (web|bundler|nodejs)" >&2; exit 2 ;;
esac

if command -v rustup >/dev/null && ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  rustup target add wasm32-unknown-unknown
fi
rustup component list --installed | grep -q '^rust-src' || rustup component add rust-src
command -v wasm-pack >/dev/null || cargo install wasm-pack --locked
# wasm-pack would install the matching wasm-bindgen-cli itself, but through
# cargo with this build's flags (build-std, immediate-abort), which cannot
# build a host tool; installed here with plain flags, wasm-pack finds it.
BINDGEN=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -qx "wasm-bindgen $BINDGEN"; then
  cargo install wasm-bindgen-cli --version "$BINDGEN"
fi
# binaryen comes from npm: wasm-pack cannot download it here, and Debian's
# wasm-opt 108 produces modules Chromium refuses to instantiate.
[ -x node_modules/.bin/wasm-opt ] || npm ci --no-audit --no-fund

# The standard library is rebuilt with panic=immediate-abort: a panic (the
# lints forbid them) would trap just as it aborts now, but no panic message
# formatting is linked (−9 KB gzipped). Those are unstable cargo and rustc
# flags, enabled for this build only on the stable toolchain.
# The crate itself is optimised for size alone ("z"; native builds use "s"):
# with "s" the module is 244 KB / 105 KB gzipped, over the 100 KB budget;
# "z" gives 221 KB / 96 KB and checks the largest seed form about 30 %
# slower (README, Benchmarks).
CARGO_PROFILE_RELEASE_OPT_LEVEL=z \
RUSTC_BOOTSTRAP=1 CARGO_UNSTABLE_BUILD_STD=std,panic_abort \
  RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort" \
  wasm-pack build --release --target "$TARGET" --out-dir "$OUT"

WASM="$OUT/perftarget_bg.wasm"
# The module's memory is its own (zero-filled) and Rust never uses the low
# 1 KiB (the stack and data start at 1 MiB): saying so to wasm-opt lets it
# fold more constant addresses (−0.5 KB gzipped).
node_modules/.bin/wasm-opt -Oz --converge --enable-bulk-memory --enable-reference-types \
  --enable-nontrapping-float-to-int --enable-sign-ext \
  --low-memory-unused --zero-filled-memory "$WASM" -o "$WASM.opt"
mv "$WASM.opt" "$WASM"

node scripts/pkg-meta.mjs "$OUT"
node scripts/fixtures-index.mjs

raw=$(wc -c <"$WASM")
gz=$(gzip -9c "$WASM" | wc -c)
glue=$(cat "$OUT"/*.js | wc -c)
echo "$WASM: $raw bytes raw, $gz bytes gzipped; JS glue: $glue bytes"
