#!/usr/bin/env bash
# HTTP benchmark: the site's cached guide page against nginx serving the same bytes from disk, in one run.
# Server on core 0, wrk on core 1, one after the other, over loopback. Prints requests/s and p99 latency for both,
# with and without gzip, and the ratios. Needs nginx and wrk (apt-get install -y nginx wrk).
#
#   benchmarks/http-bench.sh [seconds per run, default 10] [connections, default 32]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-10}
connections=${2:-32}
page=/guides/data-scientist-to-backend-developer
work=artifacts/bench/http
site_port=5301
nginx_port=5302
rm -rf "$work"
mkdir -p "$work/site" "$work/nginx/root/guides" "$work/nginx/logs"

for tool in nginx wrk taskset curl; do
  command -v "$tool" > /dev/null || { echo "missing $tool (apt-get install -y nginx wrk)"; exit 2; }
done

echo "== publishing the site (Release)"
dotnet publish src/CareerGuides.Web -c Release -o "$work/site" > "$work/publish.log" 2>&1

wait_for() { for _ in $(seq 1 200); do curl -sf -o /dev/null "$1" && return 0; sleep 0.05; done; echo "no answer from $1"; return 1; }

# wrk's summary: requests/s and the 99th percentile latency in ms.
run_wrk() {
  local url=$1; shift
  taskset -c 1 wrk -t1 -c"$connections" -d2s "$@" "$url" > /dev/null  # warm-up
  taskset -c 1 wrk -t1 -c"$connections" -d"${seconds}s" --latency "$@" "$url" > "$work/wrk.txt"
  local rps p99 non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' "$work/wrk.txt")
  p99=$(awk '$1 == "99%" {v=$2; if (v ~ /us$/) {sub(/us$/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} else if (v ~ /s$/) {sub(/s$/,"",v); v=v*1000}; print v}' "$work/wrk.txt")
  non2xx=$(awk '/Non-2xx/ {print $NF}' "$work/wrk.txt")
  echo "$rps $p99 ${non2xx:-0}"
}

echo "== site: $page"
(cd "$work/site" && ASPNETCORE_ENVIRONMENT=Production Content__Path="$PWD/../../../../content" Content__Watch=false \
  Serilog__MinimumLevel__Default=Warning Security__RateLimit__Enabled=false \
  exec taskset -c 0 ./CareerGuides.Web --urls "http://127.0.0.1:$site_port") > "$work/site.log" 2>&1 &
site_pid=$!
trap 'kill $site_pid 2> /dev/null || true; [ -f "$work/nginx/nginx.pid" ] && kill "$(cat "$work/nginx/nginx.pid")" 2> /dev/null || true' EXIT
wait_for "http://127.0.0.1:$site_port$page"
curl -s -o "$work/nginx/root/guides/$(basename $page)" "http://127.0.0.1:$site_port$page"
curl -s -H "Accept-Encoding: gzip" -o "$work/nginx/root/guides/$(basename $page).gz" "http://127.0.0.1:$site_port$page"
read -r site_rps site_p99 site_bad < <(run_wrk "http://127.0.0.1:$site_port$page")
read -r site_gz_rps site_gz_p99 site_gz_bad < <(run_wrk "http://127.0.0.1:$site_port$page" -H "Accept-Encoding: gzip")
site_rss=$(ps -o rss= -p "$(pgrep -f "CareerGuides.Web --urls http://127.0.0.1:$site_port" | head -n 1)" | tr -d ' ')
kill $site_pid; wait $site_pid 2> /dev/null || true

echo "== nginx: the same bytes from disk"
cat > "$work/nginx/nginx.conf" <<CONF
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
    location / { try_files \$uri =404; }
  }
}
CONF
taskset -c 0 nginx -c "$PWD/$work/nginx/nginx.conf" -p "$PWD/$work/nginx"
wait_for "http://127.0.0.1:$nginx_port$page"
cmp <(curl -s "http://127.0.0.1:$nginx_port$page") "$work/nginx/root/guides/$(basename $page)" && echo "same bytes (identity)"
cmp <(curl -s -H "Accept-Encoding: gzip" "http://127.0.0.1:$nginx_port$page") "$work/nginx/root/guides/$(basename $page).gz" && echo "same bytes (gzip)"
read -r nginx_rps nginx_p99 nginx_bad < <(run_wrk "http://127.0.0.1:$nginx_port$page")
read -r nginx_gz_rps nginx_gz_p99 nginx_gz_bad < <(run_wrk "http://127.0.0.1:$nginx_port$page" -H "Accept-Encoding: gzip")
kill "$(cat "$work/nginx/nginx.pid")"

identity_bytes=$(stat -c %s "$work/nginx/root/guides/$(basename $page)")
gzip_bytes=$(stat -c %s "$work/nginx/root/guides/$(basename $page).gz")
echo
echo "wrk -t1 -c$connections -d${seconds}s, server on core 0, wrk on core 1; page $page"
printf '%-26s %12s %10s %8s\n' "" "requests/s" "p99 ms" "non-2xx"
printf '%-26s %12s %10s %8s\n' "site, identity ($identity_bytes B)" "$site_rps" "$site_p99" "$site_bad"
printf '%-26s %12s %10s %8s\n' "nginx, identity" "$nginx_rps" "$nginx_p99" "$nginx_bad"
printf '%-26s %12s %10s %8s\n' "site, gzip ($gzip_bytes B)" "$site_gz_rps" "$site_gz_p99" "$site_gz_bad"
printf '%-26s %12s %10s %8s\n' "nginx, gzip" "$nginx_gz_rps" "$nginx_gz_p99" "$nginx_gz_bad"
awk -v a="$site_rps" -v b="$nginx_rps" -v c="$site_p99" -v d="$nginx_p99" 'BEGIN {printf "ratio site/nginx, identity: throughput %.2fx, p99 %.2fx\n", a/b, c/d}'
awk -v a="$site_gz_rps" -v b="$nginx_gz_rps" -v c="$site_gz_p99" -v d="$nginx_gz_p99" 'BEGIN {printf "ratio site/nginx, gzip:     throughput %.2fx, p99 %.2fx\n", a/b, c/d}'
echo "site resident memory after the runs: $((site_rss / 1024)) MB"
