#!/usr/bin/env bash
# Start-up comparison: the first start of two builds of the site over the same 10,000 synthetic guides (120 roles),
# nothing cached, interleaved round by round (A then B, then B then A, and so on). On a shared 2-core machine one start
# moves by a tenth of a second or more from one minute to the next, so a change to start-up is judged here, in one run,
# by the medians and by how many rounds it won, never against a figure from another hour.
#
# Each start reports its first 200 (from process start, as scale-bench), resident memory at the 200 and after start-up's
# deferred work, and where the time went, from the site's log at millisecond resolution: the host until the content
# load began, the load (reading and parsing, linking, building the snapshot), from the load to Kestrel listening (the
# SEO data, the request pipeline, Kestrel's start) and the first request.
#
# A build is a git commit, published from a temporary worktree, "." for the working tree as it is, or a folder holding
# a site already published (to compare publish settings: publish it yourself, as publish-site.sh does). ENV_A and ENV_B
# add environment settings to one side ("DOTNET_gcServer=1", say), so a runtime setting can be compared on one build:
# benchmarks/compare-starts.sh . . with ENV_B set. PUBLISH_MODE is honoured as by publish-site.sh.
#
#   [ROUNDS=6] [ENV_A="NAME=value ..."] [ENV_B="..."] benchmarks/compare-starts.sh A B [guides, default 10000] [roles, default 120]
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 2; }
# A published folder given relative to where the script was run from.
resolve() { if [ "$1" != "." ] && [ -x "$1/CareerGuides.Web" ]; then realpath "$1"; else echo "$1"; fi; }
ref_a=$(resolve "$1") ref_b=$(resolve "$2")
cd "$(dirname "$0")/.."
# shellcheck source=benchmarks/common.sh
source benchmarks/common.sh
guides=${3:-10000}
roles=${4:-120}
rounds=${ROUNDS:-6}
port=5312
repo=$PWD
work=$repo/artifacts/bench/compare
rm -rf "$work"
mkdir -p "$work"
# Worktrees this script left behind when it was stopped (their folders went with $work above).
git worktree prune

pid=""
cleanup() {
  if [ -n "$pid" ]; then kill "$pid" 2> /dev/null || true; fi
  for side in a b; do
    if [ -d "$work/src-$side" ]; then git worktree remove --force "$work/src-$side" || true; fi
  done
}
trap cleanup EXIT
fail() { echo "$1"; [ -f "${2:-}" ] && tail -n 30 "$2"; exit 1; }
if curl -s -o /dev/null "http://127.0.0.1:$port/"; then fail "port $port already answers: another site is running there"; fi

echo "== generating $roles roles and $guides guides"
dotnet run -c Release --project benchmarks/CareerGuides.Benchmarks -- generate --roles "$roles" --guides "$guides" --out "$work/content" | tail -n 1

publish() {
  local ref=$1 side=$2
  if [ -x "$ref/CareerGuides.Web" ]; then
    cp -r "$ref" "$work/site-$side"
  elif [ "$ref" = "." ]; then
    benchmarks/publish-site.sh "$work/site-$side" "$work/publish-$side.log" || fail "publishing . failed:" "$work/publish-$side.log"
  else
    git worktree add --detach "$work/src-$side" "$ref" > /dev/null
    (cd "$work/src-$side" && "$repo/benchmarks/publish-site.sh" "$work/site-$side" "$work/publish-$side.log") \
      || fail "publishing $ref failed:" "$work/publish-$side.log"
    git worktree remove --force "$work/src-$side"
  fi
}
echo "== A: $ref_a${ENV_A:+ with $ENV_A}"
publish "$ref_a" a
echo "== B: $ref_b${ENV_B:+ with $ENV_B}"
publish "$ref_b" b

guide_files=("$work"/content/guides/*.md)
guide=$(basename "${guide_files[0]}" .md)
url="http://127.0.0.1:$port/guides/$guide"
log_ms() { date -d "$(date +%F) $1" +%s%3N; }

# One first start of side $1 with its extra settings; prints one line and records its first 200 in last_200. The
# site's pid is the script's (global) pid, so that the exit trap stops a site left running by an interrupted run.
start_once() {
  local side=$1 extra=$2 log="$work/site-$1.log" start first rss_first rss_start line loaded elapsed parts listening
  rm -rf "$work/cache"
  sync; sleep 0.5
  start=$(now_ms)
  # shellcheck disable=SC2086 # the extra settings are a list of NAME=value words
  (cd "$work/site-$side" && exec env ASPNETCORE_ENVIRONMENT=Production Content__Path="$work/content" Content__CachePath="$work/cache" \
    Security__RateLimit__Enabled=false Serilog__MinimumLevel__Default=Information \
    'Serilog__WriteTo__0__Args__outputTemplate={Timestamp:HH:mm:ss.fff} {SourceContext}: {Message:lj}{NewLine}{Exception}' \
    $extra ./CareerGuides.Web --urls "http://127.0.0.1:$port") > "$log" 2>&1 &
  pid=$!
  wait_for_200 "$url" "$pid" || fail "the site exited:" "$log"
  first=$(( $(now_ms) - start ))
  rss_first=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  for _ in $(seq 1 300); do grep -q 'Memory after start-up' "$log" && break; sleep 0.1; done
  rss_start=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$pid/status")
  kill "$pid"; wait "$pid" 2> /dev/null || true
  pid=""

  line=$(grep -m 1 'Content loaded' "$log") || fail "no 'Content loaded' line in the site's log:" "$log"
  listening=$(grep -m 1 'Now listening' "$log") || fail "no 'Now listening' line in the site's log:" "$log"
  loaded=$(log_ms "${line:0:12}")
  listening=$(log_ms "${listening:0:12}")
  elapsed=$(echo "$line" | sed -E 's/.* version; ([0-9]+)[.0-9]* ms.*/\1/')
  # Builds before 556768e log the load's duration without its parts.
  parts=$(echo "$line" | sed -nE 's/.*\(reading and parsing ([0-9]+)[.0-9]* ms, linking ([0-9]+)[.0-9]* ms, building the snapshot ([0-9]+)[.0-9]* ms\).*/ (read \1, link \2, snapshot \3)/p')
  printf '%s %5d ms  host %4d  load %5d%s  load to listening %4d  first request %4d  RSS %d MB at the 200, %d MB after start-up\n' \
    "${side^^}" "$first" $(( loaded - elapsed - start )) "$elapsed" "$parts" $(( listening - loaded )) $(( start + first - listening )) "$rss_first" "$rss_start"
  last_200=$first
}

echo "== $rounds rounds, nothing cached"
all_a="" all_b="" b_wins=0
for round in $(seq 1 "$rounds"); do
  if [ $((round % 2)) -eq 1 ]; then
    start_once a "${ENV_A:-}"; a=$last_200; start_once b "${ENV_B:-}"; b=$last_200
  else
    start_once b "${ENV_B:-}"; b=$last_200; start_once a "${ENV_A:-}"; a=$last_200
  fi
  all_a="$all_a $a"; all_b="$all_b $b"
  [ "$b" -lt "$a" ] && b_wins=$((b_wins + 1))
done

echo
echo "guides: $guides, roles: $roles, rounds: $rounds"
echo "A ($ref_a${ENV_A:+, $ENV_A}) first 200 (ms):$all_a   (median $(echo "$all_a" | median) ms)"
echo "B ($ref_b${ENV_B:+, $ENV_B}) first 200 (ms):$all_b   (median $(echo "$all_b" | median) ms)"
echo "B was faster in $b_wins of $rounds rounds"
