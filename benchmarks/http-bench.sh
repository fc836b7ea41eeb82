#!/usr/bin/env bash
# HTTP benchmark: the site's cached guide page against nginx serving the same bytes from disk, in one run.
# Server on core 0, wrk on core 1, one after the other, over loopback. Prints requests/s and p99 latency for both,
# uncompressed, gzip and (when nginx's brotli_static module is installed) Brotli, and the ratios.
# Needs nginx and wrk (apt-get install -y nginx wrk; for Brotli also libnginx-mod-http-brotli-static).
#
#   benchmarks/http-bench.sh [seconds per run, default 10] [connections, default 32]
#
# WARMUP (seconds, default 2) is the unmeasured run before each measured one; the site's first warm-up also
# covers the runtime's tiered compilation, so a longer one measures a server that has been up a while.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
connections=${2:-32}
warmup=${WARMUP:-2}
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
  cpu=$(awk -v t=$((after - before)) -v hz="$(getconf CLK_TCK)" '/ requests in / {printf "%.1f", t / hz * 1e6 / $1}' "$work/wrk.txt")
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
read -r site_rps site_p99 site_bad site_cpu < <(run_wrk "$site_pid" "http://127.0.0.1:$site_port$page")
read -r site_gz_rps site_gz_p99 site_gz_bad site_gz_cpu < <(run_wrk "$site_pid" "http://127.0.0.1:$site_port$page" -H "Accept-Encoding: gzip")
if [ -f "$brotli_module" ]; then
  read -r site_br_rps site_br_p99 site_br_bad site_br_cpu < <(run_wrk "$site_pid" "http://127.0.0.1:$site_port$page" -H "Accept-Encoding: br")
fi
site_rss=$(ps -o rss= -p "$(pgrep -f "CareerGuides.Web --urls http://127.0.0.1:$site_port" | head -n 1)" | tr -d ' ')
kill $site_pid; wait $site_pid 2> /dev/null || true

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
read -r nginx_rps nginx_p99 nginx_bad nginx_cpu < <(run_wrk "$nginx_worker" "http://127.0.0.1:$nginx_port$page")
read -r nginx_gz_rps nginx_gz_p99 nginx_gz_bad nginx_gz_cpu < <(run_wrk "$nginx_worker" "http://127.0.0.1:$nginx_port$page" -H "Accept-Encoding: gzip")
if [ -f "$brotli_module" ]; then
  cmp <(curl -s -H "Accept-Encoding: br" "http://127.0.0.1:$nginx_port$page") "$work/nginx/root/guides/$(basename $page).br" && echo "same bytes (br)"
  read -r nginx_br_rps nginx_br_p99 nginx_br_bad nginx_br_cpu < <(run_wrk "$nginx_worker" "http://127.0.0.1:$nginx_port$page" -H "Accept-Encoding: br")
fi
kill "$(cat "$work/nginx/nginx.pid")"

identity_bytes=$(stat -c %s "$work/nginx/root/guides/$(basename $page)")
gzip_bytes=$(stat -c %s "$work/nginx/root/guides/$(basename $page).gz")
br_bytes=$(stat -c %s "$work/nginx/root/guides/$(basename $page).br")
echo
echo "wrk -t1 -c$connections -d${seconds}s after ${warmup}s of warm-up, server on core 0, wrk on core 1; page $page; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-26s %12s %10s %8s %12s\n' "" "requests/s" "p99 ms" "non-2xx" "CPU us/req"
printf '%-26s %12s %10s %8s %12s\n' "site, identity ($identity_bytes B)" "$site_rps" "$site_p99" "$site_bad" "$site_cpu"
printf '%-26s %12s %10s %8s %12s\n' "nginx, identity" "$nginx_rps" "$nginx_p99" "$nginx_bad" "$nginx_cpu"
printf '%-26s %12s %10s %8s %12s\n' "site, gzip ($gzip_bytes B)" "$site_gz_rps" "$site_gz_p99" "$site_gz_bad" "$site_gz_cpu"
printf '%-26s %12s %10s %8s %12s\n' "nginx, gzip" "$nginx_gz_rps" "$nginx_gz_p99" "$nginx_gz_bad" "$nginx_gz_cpu"
awk -v a="$site_rps" -v b="$nginx_rps" -v c="$site_p99" -v d="$nginx_p99" -v e="$site_cpu" -v f="$nginx_cpu" 'BEGIN {printf "ratio site/nginx, identity: throughput %.2fx, p99 %.2fx, CPU per request %.2fx\n", a/b, c/d, e/f}'
awk -v a="$site_gz_rps" -v b="$nginx_gz_rps" -v c="$site_gz_p99" -v d="$nginx_gz_p99" -v e="$site_gz_cpu" -v f="$nginx_gz_cpu" 'BEGIN {printf "ratio site/nginx, gzip:     throughput %.2fx, p99 %.2fx, CPU per request %.2fx\n", a/b, c/d, e/f}'
if [ -f "$brotli_module" ]; then
  printf '%-26s %12s %10s %8s %12s\n' "site, br ($br_bytes B)" "$site_br_rps" "$site_br_p99" "$site_br_bad" "$site_br_cpu"
  printf '%-26s %12s %10s %8s %12s\n' "nginx, br" "$nginx_br_rps" "$nginx_br_p99" "$nginx_br_bad" "$nginx_br_cpu"
  awk -v a="$site_br_rps" -v b="$nginx_br_rps" -v c="$site_br_p99" -v d="$nginx_br_p99" -v e="$site_br_cpu" -v f="$nginx_br_cpu" 'BEGIN {printf "ratio site/nginx, br:       throughput %.2fx, p99 %.2fx, CPU per request %.2fx\n", a/b, c/d, e/f}'
fi
echo "site resident memory after the runs: $((site_rss / 1024)) MB"
