#!/usr/bin/env bash
# Builds the web package and serves the demo: bash scripts/run.sh [PORT]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bash "$ROOT/scripts/build-wasm.sh" web
exec node "$ROOT/scripts/serve.mjs" "$@"
