#!/usr/bin/env bash
# HTTP benchmark: the site's cached guide page against nginx serving the same bytes from disk, in one run.
# Both servers on core 0, wrk on core 1, over loopback; uncompressed, gzip and (when nginx's brotli_static module is
# installed) Brotli. The two are measured alternately, round by round (site then nginx, then nginx then site, ...),
# so that a burst of other work on this shared machine lands on both rather than on whichever ran in that minute.
# Prints each round's requests/s, p99 latency and CPU per request, then the medians and their ratios.
# Needs nginx and wrk (apt-get install -y nginx wrk; for Brotli also libnginx-mod-http-brotli-static).
#
#   [ROUNDS=3] benchmarks/http-bench.sh [seconds per run, default 10] [connections, default 32]
#
# WARMUP (seconds, default 2) is the unmeasured run before each measured one; the site's first warm-up also
# covers the runtime's tiered compilation, so a longer one measures a server that has been up a while.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
connections=${2:-32}
warmup=${WARMUP:-2}
rounds=${ROUNDS:-3}
[[ $rounds =~ ^[1-9][0-9]*$ ]] || { echo "ROUNDS must be a whole number, at least 1"; exit 2; }
brotli_module=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
page=/guides/data-scientist-to-backend-developer
work=artifacts/bench/http
site_port=5301
nginx_port=5302
rm -rf "$work"
mkdir -p "$work/site" "$work/nginx/root/guides" "$work/nginx/logs"

for tool in nginx wrk taskset curl; do
  command -v "$tool" > /dev/null || { echo "missing $tool (apt-get install -y nginx wrk)"; exit 2; }
done

benchmarks/publish-site.sh "$work/site" "$work/publish.log"

wait_for() { for _ in $(seq 1 200); do curl -sf -o /dev/null "$1" && return 0; sleep 0.05; done; echo "no answer from $1"; return 1; }

# The CPU time (user + system, in clock ticks) a process has used so far.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

# wrk's summary: requests/s, the 99th percentile latency in ms, non-2xx answers, and the server's CPU time per
# request in microseconds (its own CPU time over the measured run, so other processes' load does not count).
run_wrk() {
  local pid=$1 url=$2; shift 2
  taskset -c 1 wrk -t1 -c"$connections" -d"${warmup}s" "$@" "$url" > /dev/null  # warm-up
  local before after
  before=$(cpu_ticks "$pid")
  taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency "$@" "$url" > "$work/wrk.txt"
  after=$(cpu_ticks "$pid")
  local rps p99 non2xx cpu
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/ requests in / && $1 > 0 {printf "%.1f", t / hz * 1e6 / $1}' "$work/wrk.txt")
  echo "$rps $p99 ${non2xx:-0} $cpu"
}

echo "== site: $page"
(cd "$work/site" && ASPNETCORE_ENVIRONMENT=Production Content__Path="$PWD/../../../../content" Content__Watch=false \
  Serilog__MinimumLevel__Default=Warning Security__RateLimit__Enabled=false \
  exec env "Serilog__MinimumLevel__Override__CareerGuides.Web.Content.DeferredStartUpWork=Information" \
  taskset -c 0 ./CareerGuides.Web --urls "http://127.0.0.1:$site_port") > "$work/site.log" 2>&1 &
site_pid=$!
trap 'kill $site_pid 2> /dev/null || true; [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2> /dev/null || true' EXIT
wait_for "http://127.0.0.1:$site_port$page"
curl -s -o "$work/nginx/root/guides/$(basename $page)" "http://127.0.0.1:$site_port$page"
curl -s -H "Accept-Encoding: gzip" -o "$work/nginx/root/guides/$(basename $page).gz" "http://127.0.0.1:$site_port$page"
curl -s -H "Accept-Encoding: br" -o "$work/nginx/root/guides/$(basename $page).br" "http://127.0.0.1:$site_port$page"
# The steady state is what is measured: start-up's deferred work (search index, cache writes, one blocking
# collection) runs after the first answers and a quiet moment, and would otherwise land inside a measured run.
for _ in $(seq 1 300); do grep -q 'Memory after start-up' "$work/site.log" && break; sleep 0.1; done
grep -q 'Memory after start-up' "$work/site.log" || { echo "start-up's deferred work did not finish"; tail -n 20 "$work/site.log"; exit 1; }

echo "== nginx: the same bytes from disk"
brotli_load=""; brotli_on=""
if [ -f "$brotli_module" ]; then brotli_load="load_module $brotli_module;"; brotli_on="brotli_static on;"; fi
cat > "$work/nginx/nginx.conf" <<CONF
$brotli_load
worker_processes 1;
daemon on;
pid $PWD/$work/nginx/nginx.pid;
error_log $PWD/$work/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  server {
    listen 127.0.0.1:$nginx_port;
    root $PWD/$work/nginx/root;
    default_type "text/html; charset=utf-8";
    gzip_static on;
    $brotli_on
    location / { try_files \$uri =404; }
  }
}
CONF
taskset -c 0 nginx -c "$PWD/$work/nginx/nginx.conf" -p "$PWD/$work/nginx"
wait_for "http://127.0.0.1:$nginx_port$page"
nginx_worker=$(pgrep -P "$(cat "$work/nginx/nginx.pid")" | head -n 1)
cmp <(curl -s "http://127.0.0.1:$nginx_port$page") "$work/nginx/root/guides/$(basename $page)" && echo "same bytes (identity)"
cmp <(curl -s -H "Accept-Encoding: gzip" "http://127.0.0.1:$nginx_port$page") "$work/nginx/root/guides/$(basename $page).gz" && echo "same bytes (gzip)"
if [ -f "$brotli_module" ]; then
  cmp <(curl -s -H "Accept-Encoding: br" "http://127.0.0.1:$nginx_port$page") "$work/nginx/root/guides/$(basename $page).br" && echo "same bytes (br)"
fi

# One measured run per server and encoding in each round; the order of the two servers alternates.
declare -A rps p99 bad cpu
encodings=(identity gzip)
[ -f "$brotli_module" ] && encodings+=(br)
measure() {
  local server=$1 encoding=$2 pid url header=()
  if [ "$server" = site ]; then pid=$site_pid url="http://127.0.0.1:$site_port$page"; else pid=$nginx_worker url="http://127.0.0.1:$nginx_port$page"; fi
  [ "$encoding" = identity ] || header=(-H "Accept-Encoding: $encoding")
  local r p b c
  read -r r p b c < <(run_wrk "$pid" "$url" "${header[@]}")
  for value in "$r" "$p" "$b" "$c"; do
    [[ $value =~ ^[0-9]+(\.[0-9]+)?$ ]] || { echo "wrk's output could not be read ($server, $encoding):"; cat "$work/wrk.txt"; exit 1; }
  done
  rps[$server,$encoding]+=" $r"; p99[$server,$encoding]+=" $p"; bad[$server,$encoding]+=" $b"; cpu[$server,$encoding]+=" $c"
  printf 'round %d  %-5s %-8s %12s req/s  p99 %6s ms  non-2xx %s  CPU %5s us/req\n' "$round" "$server" "$encoding" "$r" "$p" "$b" "$c"
}
echo "== $rounds rounds"
for round in $(seq 1 "$rounds"); do
  for encoding in "${encodings[@]}"; do
    if (( round % 2 )); then measure site "$encoding"; measure nginx "$encoding"; else measure nginx "$encoding"; measure site "$encoding"; fi
  done
done
site_rss=$(awk '/VmRSS/ {print int($2 / 1024)}' "/proc/$site_pid/status")
kill "$(cat "$work/nginx/nginx.pid")"

identity_bytes=$(stat -c %s "$work/nginx/root/guides/$(basename $page)")
gzip_bytes=$(stat -c %s "$work/nginx/root/guides/$(basename $page).gz")
br_bytes=$(stat -c %s "$work/nginx/root/guides/$(basename $page).br")
declare -A bytes=([identity]=$identity_bytes [gzip]=$gzip_bytes [br]=$br_bytes)
# The median of the decimal numbers on standard input.
fmedian() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { printf "%.2f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
sum() { tr ' ' '\n' | awk '{ s += $1 } END { print s + 0 }'; }
echo
echo "wrk -t1 -c$connections -d${seconds}s after ${warmup}s of warm-up, both servers on core 0, wrk on core 1, $rounds alternating rounds; page $page; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "medians of the rounds (non-2xx: all rounds together):"
printf '%-26s %12s %10s %8s %12s\n' "" "requests/s" "p99 ms" "non-2xx" "CPU us/req"
for encoding in "${encodings[@]}"; do
  for server in site nginx; do
    label="$server, $encoding"; [ "$server" = site ] && label="$label (${bytes[$encoding]} B)"
    printf '%-26s %12s %10s %8s %12s\n' "$label" "$(fmedian <<< "${rps[$server,$encoding]}")" "$(fmedian <<< "${p99[$server,$encoding]}")" \
      "$(sum <<< "${bad[$server,$encoding]}")" "$(fmedian <<< "${cpu[$server,$encoding]}")"
  done
done
for encoding in "${encodings[@]}"; do
  awk -v e="$encoding" -v a="$(fmedian <<< "${rps[site,$encoding]}")" -v b="$(fmedian <<< "${rps[nginx,$encoding]}")" \
    -v c="$(fmedian <<< "${p99[site,$encoding]}")" -v d="$(fmedian <<< "${p99[nginx,$encoding]}")" \
    -v f="$(fmedian <<< "${cpu[site,$encoding]}")" -v g="$(fmedian <<< "${cpu[nginx,$encoding]}")" \
    'BEGIN {printf "ratio site/nginx, %-9s throughput %.2fx, p99 %.2fx, CPU per request %.2fx\n", e ":", a/b, c/d, f/g}'
done
echo "site resident memory after the runs: $site_rss MB"
