# Helpers the benchmark scripts share; sourced, not run.

# This machine's runtime identifier (linux-x64, say), for publishing ReadyToRun.
runtime_id() { dotnet --info | awk '/RID:/ {print $2; exit}'; }

# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The median of the whole numbers on standard input, separated by spaces or line breaks (the lower middle's and the
# upper middle's mean, rounded down, for an even count).
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# Waits until URL (http://HOST:PORT/PATH, HOST an IPv4 address or a name) answers 200, while process PID lives;
# returns 1 if PID exits first, 2 if the URL is not of that form or no FIFO can be made.
# It starts no process while the port is closed: a curl and a sleep every 10 ms took a third of a core, on a
# 2-core machine, from the very start being timed. Until the port accepts a connection it tries with bash's own
# /dev/tcp and waits on a FIFO nothing writes to; then it asks with curl (Kestrel listens once the content is loaded,
# so that is one or two requests; a site that answers something else is asked again every 50 ms, not faster, so a
# wrong URL does not eat the processor).
wait_for_200() {
  local url=$1 pid=$2 host port dir wait_fd
  [[ $url =~ ^http://([^/:]+):([0-9]+)(/.*)?$ ]] || { echo "wait_for_200: '$url' is not http://HOST:PORT/PATH" >&2; return 2; }
  host=${BASH_REMATCH[1]} port=${BASH_REMATCH[2]}
  dir=$(mktemp -d) && mkfifo "$dir/wait" && exec {wait_fd}<> "$dir/wait" || { echo "wait_for_200: no FIFO" >&2; rm -rf "$dir"; return 2; }
  rm -rf "$dir"
  while ! { : <> "/dev/tcp/$host/$port"; } 2> /dev/null; do
    kill -0 "$pid" 2> /dev/null || { exec {wait_fd}>&-; return 1; }
    read -r -t 0.005 -u "$wait_fd" || true
  done
  until [ "$(curl -s -o /dev/null --max-time 10 -w '%{http_code}' "$url")" = 200 ]; do
    kill -0 "$pid" 2> /dev/null || { exec {wait_fd}>&-; return 1; }
    read -r -t 0.05 -u "$wait_fd" || true
  done
  exec {wait_fd}>&-
}
