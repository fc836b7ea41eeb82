#!/usr/bin/env bash
# Publishes the site for the benchmarks: benchmarks/publish-site.sh OUT-DIR LOG-FILE (run from the repository root).
# For this machine's runtime, framework-dependent, as docs/deployment.md publishes it: that turns on ReadyToRun (the
# project file). PUBLISH_MODE=self-contained publishes the composite build instead (faster start, 7 to 9 MB more
# memory; docs/performance.md).
set -euo pipefail
# shellcheck source=benchmarks/common.sh
source "$(dirname "$0")/common.sh"
out=$1 log=$2
rid=$(runtime_id)
mode=${PUBLISH_MODE:-framework-dependent}
case $mode in
  framework-dependent) self_contained=false ;;
  self-contained) self_contained=true ;;
  *) echo "PUBLISH_MODE must be framework-dependent or self-contained" >&2; exit 2 ;;
esac
echo "== publishing the site (Release, $rid, $mode, ReadyToRun)"
rm -rf "$out"
dotnet publish src/CareerGuides.Web -c Release -r "$rid" --self-contained "$self_contained" -o "$out" > "$log" 2>&1
