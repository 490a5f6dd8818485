#!/usr/bin/env bash
# Load benchmark of `perftarget serve` on loopback: 1, 16 and 64 clients
# posting the largest seed form to /v1/validate on the release server, then a
# 60-second soak watching the server's memory (benches/serve_load.rs). A
# benchmark, not a test: about 100 s, bounded; prints a Markdown table.
#   usage: bash bench/serve-load.sh [SECONDS_PER_LEVEL] [SOAK_SECONDS]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export PATH="$HOME/.cargo/bin:$PATH"

cargo build --release --features serve
FORM=$(ls -S tests/fixtures/*.json | head -1)
cargo bench --features serve --bench serve_load -- target/release/perftarget "$FORM" "${1:-10}" "${2:-60}"
