#!/usr/bin/env bash
# Scale benchmark: 10,000 synthetic guides (120 roles). Measures the time from process start to the first 200
# answer, resident memory after start-up, and the time from saving one guide to its new version being served
# (plus the reload's own duration after the save was noticed, from the site's log). Resident memory is read at the
# first 200 and once start-up's work is done (the content indexed for search and the garbage collected: the site logs
# "Memory after start-up"). The site runs three times: first with an empty parse cache (a new build's first start:
# every file parsed), then restarted over the cache the first run left (a restart of the same build: only changed
# files parsed; here the one saved guide), then once more after the cache was emptied and primed by the site's
# `prime-cache` command (a new build whose image build primed the cache, as docs/deployment.md recommends). Last, the
# first start is repeated with the cache emptied each time (COLD_RUNS in all, default 3): on a shared 2-core machine a
# single start moves by a tenth or more, so the script reports every run and their median.
#
#   [COLD_RUNS=3] benchmarks/scale-bench.sh [guides, default 10000] [roles, default 120]
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh

guides=${1:-10000}
roles=${2:-120}
port=5311
work=artifacts/bench/scale
rm -rf "$work"
mkdir -p "$work"

echo "== generating $roles roles and $guides guides"
dotnet run -c Release --project benchmarks/CareerGuides.Benchmarks -- generate --roles "$roles" --guides "$guides" --out "$work/content" | tail -n 1
du -sh "$work/content" | awk '{print "content on disk: " $1}'

benchmarks/publish-site.sh "$work/site" "$work/publish.log"

guide_files=("$work"/content/guides/*.md)
role_files=("$work"/content/roles/*.md)
guide=$(basename "${guide_files[0]}")
role=$(basename "${role_files[0]}" .md)
url="http://127.0.0.1:$port/guides/${guide%.md}"

# Starts the site and waits for the guide's 200; sets pid, first_200, cpu_ms, rss_first (at the 200) and rss_start
# (once start-up's work is done).
start_site() {
  local log=$1 start
  start=$(now_ms)
  (cd "$work/site" && ASPNETCORE_ENVIRONMENT=Production Content__Path="$PWD/../content" Content__CachePath="$PWD/../cache" \
    Serilog__MinimumLevel__Default=Information Security__RateLimit__Enabled=false exec ./CareerGuides.Web --urls "http://127.0.0.1:$port") > "$log" 2>&1 &
  pid=$!
  wait_for_200 "$url" "$pid" || { echo "the site exited"; tail -n 20 "$log"; exit 1; }
  first_200=$(( $(now_ms) - start ))
  cpu_ms=$(awk -v hz="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / hz)}' /proc/$pid/stat)
  rss_first=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
  for _ in $(seq 1 300); do grep -q 'Memory after start-up' "$log" && break; sleep 0.1; done
  rss_start=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)
}

start_site "$work/site.log"
trap 'kill $pid 2> /dev/null || true' EXIT
rss_start_cold=$rss_start; rss_first_cold=$rss_first
for path in / /roles "/roles/$role" /sitemap.xml; do curl -s -o /dev/null "http://127.0.0.1:$port$path"; done
rss_after=$(awk '/VmRSS/ {print int($2 / 1024)}' /proc/$pid/status)

echo "== saving one guide"
sleep 1
saves=""
for n in 1 2 3 4 5; do
  months=$((20 + n))
  sed -i -E "s/timeline_months: \{ min: [0-9]+, max: [0-9]+ \}/timeline_months: { min: $months, max: 60 }/" "$work/content/guides/$guide"
  saved=$(now_ms)
  for _ in $(seq 1 2000); do curl -s "$url" | grep -q "<strong>$months–60 months" && break; sleep 0.005; done
  saves="$saves $(( $(now_ms) - saved ))"
  sleep 0.5
done
# The first run stores its parses in the background; wait for all of them, then restart over the cache.
files=$(( ${#guide_files[@]} + ${#role_files[@]} ))
for _ in $(seq 1 600); do [ "$(find "$work/cache" -type f ! -name '*.tmp' | wc -l)" -ge "$files" ] && break; sleep 0.1; done
kill $pid; wait $pid 2> /dev/null || true
cold_200=$first_200; cold_cpu=$cpu_ms
sleep 1
start_site "$work/site-restart.log"
warm_200=$first_200; warm_cpu=$cpu_ms; warm_rss=$rss_start
warm_loaded=$(grep -o 'Content loaded: .*' "$work/site-restart.log" | head -n 1 || true)
kill $pid; wait $pid 2> /dev/null || true

echo "== emptying the cache and priming it (prime-cache), then starting the site"
rm -rf "$work/cache"
prime_start=$(now_ms)
(cd "$work/site" && ASPNETCORE_ENVIRONMENT=Production Content__Path="$PWD/../content" Content__CachePath="$PWD/../cache" \
  ./CareerGuides.Web prime-cache) > "$work/prime.log" 2>&1 || { cat "$work/prime.log"; exit 1; }
prime_ms=$(( $(now_ms) - prime_start ))
sleep 1
start_site "$work/site-primed.log"
primed_200=$first_200; primed_cpu=$cpu_ms; primed_rss=$rss_start
kill $pid; wait $pid 2> /dev/null || true

colds="$cold_200"; cold_rss="$rss_start_cold"
for _ in $(seq 2 "${COLD_RUNS:-3}"); do
  rm -rf "$work/cache"
  sleep 1
  start_site "$work/site-cold.log"
  colds="$colds $first_200"; cold_rss="$cold_rss $rss_start"
  kill $pid; wait $pid 2> /dev/null || true
done

reloads=$(grep -o 'Content reloaded: .*; [0-9.]* ms' "$work/site.log" | grep -o '[0-9.]* ms' | tr '\n' ' ' || true)
noticed=$(grep -o 'Content change served [0-9.]* ms after it was noticed' "$work/site.log" | grep -o '[0-9.]* ms' | tr '\n' ' ' || true)
loaded=$(grep -o 'Content loaded: .*' "$work/site.log" | head -n 1 || true)

echo
echo "guides: $guides, roles: $roles"
echo "process start to first 200:        ${cold_200} ms with an empty parse cache (CPU time used by then: ${cold_cpu} ms over 2 cores)"
echo "                                    ${warm_200} ms restarted over the cache (CPU time: ${warm_cpu} ms)"
echo "                                    ${primed_200} ms over a cache primed by prime-cache (CPU time: ${primed_cpu} ms; priming took ${prime_ms} ms)"
echo "first starts, empty cache (ms):    ${colds}   (median $(echo "$colds" | median) ms; resident memory after start-up:${cold_rss:+ }${cold_rss} MB)"
echo "resident memory after start-up:    ${rss_start_cold} MB (at the first 200: ${rss_first_cold} MB; after a few more pages: ${rss_after} MB; restarted: ${warm_rss} MB; primed: ${primed_rss} MB)"
echo "save to new version served (ms):  $saves   (client side: save, quiet window, reload, first render)"
echo "noticed to new snapshot in place:  $noticed  (site log: quiet window + reload)"
echo "reload itself:                     $reloads"
echo "start-up load: $loaded"
echo "restart load:  $warm_loaded"
echo "priming:       $(tail -n 1 "$work/prime.log")"
