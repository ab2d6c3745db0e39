#!/usr/bin/env bash
# npm run bench: builds the service and the benchmark, then runs bench/run.ts — and with it every API,
# worker and floor it starts — on the Node.js line BENCH_NODE names: 24 by default (the LTS line the
# README advises for production, fetched once by scripts/node-line.sh), or `system` for the Node.js on
# PATH. Every figure is a ratio of two processes on the same Node.js, so either reads Latchkey's own cost.
set -euo pipefail
cd "$(dirname "$0")/.."

npm run build >/dev/null
npx tsc -p tsconfig.bench.json
line="${BENCH_NODE:-24}"
if [ "$line" = system ]; then
  node_bin=$(dirname "$(command -v node)")
else
  node_bin=$(scripts/node-line.sh "$line")
fi
echo "bench: Node.js $("$node_bin/node" --version) ($node_bin)"
exec "$node_bin/node" dist/bench/run.js
