#!/usr/bin/env bash
# After a test run: fails (exit 1, naming each culprit) if a process the run started is still alive,
# i.e. any redis-server, postgres or node process whose working directory is inside the clone, or any
# process listening on a port the run allocated (one number a line in the ports file, written by
# test/support/child-processes.ts through LATCHKEY_TEST_PORTS_FILE). This script's own ancestors (the
# .ci/run shell and whatever started it) are not culprits. Killed processes get a few seconds to go.
#
# Usage: test/harness/check-no-leftovers.sh <clone directory> [ports file]
set -uo pipefail

if [[ $# -lt 1 || ! -d "$1" ]]; then
  echo "usage: check-no-leftovers.sh <clone directory> [ports file]" >&2
  exit 2
fi
clone=$(realpath "$1")
ports_file=${2:-}
grace_seconds=${LEFTOVER_GRACE_SECONDS:-10}

declare -A ancestors=()
pid=$$
while [[ -n "$pid" && "$pid" -gt 0 ]]; do
  ancestors[$pid]=1
  pid=$(awk '/^PPid:/ { print $2 }' "/proc/$pid/status" 2>/dev/null)
done

declare -A allocated=()
if [[ -n "$ports_file" && -f "$ports_file" ]]; then
  while read -r port; do [[ "$port" =~ ^[0-9]+$ ]] && allocated[$port]=1; done <"$ports_file"
fi

# Prints one line per culprit.
culprits() {
  local dir pid name exe cwd state
  for dir in /proc/[0-9]*; do
    pid=${dir#/proc/}
    [[ -n "${ancestors[$pid]:-}" ]] && continue
    state=$(awk '/^State:/ { print $2 }' "$dir/status" 2>/dev/null) || continue
    [[ -z "$state" || "$state" == Z ]] && continue # gone, or dead and waiting to be reaped
    name=$(cat "$dir/comm" 2>/dev/null) || continue
    exe=$(basename "$(readlink "$dir/exe" 2>/dev/null)" 2>/dev/null)
    case "$name $exe" in
      redis-server* | postgres* | node* | *" redis-server" | *" postgres" | *" node") ;;
      *) continue ;;
    esac
    cwd=$(readlink "$dir/cwd" 2>/dev/null) || continue
    cwd=${cwd% (deleted)}
    if [[ "$cwd" == "$clone" || "$cwd" == "$clone"/* ]]; then
      echo "pid $pid ($name) runs in $cwd: $(tr '\0' ' ' <"$dir/cmdline" 2>/dev/null)"
    fi
  done
  if ((${#allocated[@]} > 0)); then
    local line local_address port
    # -H: no header; -p: the owning process where we may see it.
    while read -r line; do
      local_address=$(awk '{ print $4 }' <<<"$line")
      port=${local_address##*:}
      [[ -n "${allocated[$port]:-}" ]] && echo "port $port (allocated by the run) is still listened on: $line"
    done < <(ss -ltnpH 2>/dev/null)
  fi
}

deadline=$((SECONDS + grace_seconds))
while :; do
  found=$(culprits)
  [[ -z "$found" ]] && {
    echo "check-no-leftovers: no process of the run is left (clone $clone, ${#allocated[@]} allocated ports checked)"
    exit 0
  }
  ((SECONDS >= deadline)) && break
  sleep 1
done
echo "check-no-leftovers: processes started by the test run are still alive:" >&2
echo "$found" >&2
exit 1
