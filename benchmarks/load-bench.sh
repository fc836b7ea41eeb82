#!/usr/bin/env bash
# Load benchmark: the content library's first load of 10,000 synthetic guides (120 roles), the parse cache off, each
# run in a new process, published with ReadyToRun and run with the site's runtime settings (workstation GC, no dynamic
# PGO), as a deployed site's first start loads them. It isolates the part that dominates a cold start, without the
# host, Kestrel or the first request, and prints for each run where the load's time went (reading and parsing,
# linking, building the snapshot) and what the runtime did meanwhile (CPU, collections and their pauses, allocation, JIT, peak
# resident memory). docs/performance.md calls it the load-only harness.
#
# COMPARE_ENV tries a runtime setting against the site's: each round runs the load as the site would, then with
# COMPARE_ENV added (COMPARE_ENV="DOTNET_gcServer=1", say), and the summary gives both medians and how many rounds the
# setting won. Other engineers' work moves single runs on a shared 2-core machine; compare in one run, never across.
#
#   [RUNS=5] [COMPARE_ENV="NAME=value ..."] benchmarks/load-bench.sh [guides, default 10000] [roles, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh

guides=${1:-10000}
roles=${2:-120}
runs=${RUNS:-5}
work=artifacts/bench/load
rm -rf "$work"
mkdir -p "$work"

echo "== generating $roles roles and $guides guides"
dotnet run -c Release --project benchmarks/CareerGuides.Benchmarks -- generate --roles "$roles" --guides "$guides" --out "$work/content" | tail -n 1

rid=$(runtime_id)
echo "== publishing the load command (Release, $rid, framework-dependent, ReadyToRun)"
dotnet publish benchmarks/CareerGuides.Benchmarks -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true \
  -o "$work/bin" > "$work/publish.log" 2>&1 || { tail -n 30 "$work/publish.log"; exit 1; }

# The site's runtime settings (src/CareerGuides.Web/CareerGuides.Web.csproj), which the benchmark project does not share.
site_env=(DOTNET_gcServer=0 DOTNET_TieredPGO=0)
load_once() {
  env "${site_env[@]}" "$@" dotnet "$work/bin/CareerGuides.Benchmarks.dll" load --content "$work/content"
}
ms_of() { sed -nE 's/^load ([0-9]+) ms.*/\1/p' | grep . || { echo "not a load line" >&2; exit 1; }; }

echo "== $runs rounds${COMPARE_ENV:+, each as the site runs it and then with $COMPARE_ENV}"
site_ms="" compare_ms="" wins=0
for round in $(seq 1 "$runs"); do
  sync; sleep 0.5
  line=$(load_once) || { echo "the load failed: $line"; exit 1; }
  echo "round $round, as the site: $line"
  site_ms="$site_ms $(echo "$line" | ms_of)"
  if [ -n "${COMPARE_ENV:-}" ]; then
    sync; sleep 0.5
    # shellcheck disable=SC2086 # COMPARE_ENV is a list of NAME=value words
    other=$(load_once $COMPARE_ENV) || { echo "the load failed with $COMPARE_ENV: $other"; exit 1; }
    echo "round $round, $COMPARE_ENV: $other"
    other_ms=$(echo "$other" | ms_of)
    compare_ms="$compare_ms $other_ms"
    [ "$other_ms" -lt "$(echo "$line" | ms_of)" ] && wins=$((wins + 1))
  fi
done

echo
echo "guides: $guides, roles: $roles, rounds: $runs"
echo "load as the site runs it (ms):$site_ms   (median $(echo "$site_ms" | median) ms)"
if [ -n "${COMPARE_ENV:-}" ]; then
  echo "load with $COMPARE_ENV (ms):$compare_ms   (median $(echo "$compare_ms" | median) ms; faster in $wins of $runs rounds)"
fi
