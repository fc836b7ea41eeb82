#!/usr/bin/env bash
# Static export vs Hugo, in one run on the same 10,000 synthetic guides (120 roles): wall time and peak memory
# (GNU time's "Maximum resident set size") of
#   - `CareerGuides.Web export` (Release, published), with and without the .br/.gz files it writes by default;
#   - Debian's Hugo with the minimal layouts in benchmarks/hugo/ (the same fields from the same files); Hugo writes no
#     compressed copies, so also Hugo followed by what the export's default does on top: a .br (brotli -q 5) and a .gz
#     (gzip -6) beside each HTML, XML and CSS file, two files at a time (the machine's two cores);
#   - incremental re-exports into the same folder: after one guide's summary changed, then after one role's entry
#     salary changed (what each rendered, skipped and wrote; the export's own line also gives the time after start-up).
# Each build starts from an empty output folder (Hugo's from no resources cache); the builds alternate, twice, and
# the figures are the better of the two runs of each. Ratios matter, not seconds: the machine is shared.
#
#   benchmarks/export-vs-hugo.sh [guides, default 10000] [roles, default 120]
# Needs: hugo, brotli and GNU time (apt-get install -y hugo brotli time).
set -euo pipefail
cd "$(dirname "$0")/.."

guides=${1:-10000}
roles=${2:-120}
work=$PWD/artifacts/bench/export-vs-hugo
rm -rf "$work"
mkdir -p "$work"
command -v hugo > /dev/null || { echo "hugo is missing: apt-get install -y hugo"; exit 1; }
command -v brotli > /dev/null || { echo "brotli is missing: apt-get install -y brotli"; exit 1; }
[ -x /usr/bin/time ] || { echo "GNU time is missing: apt-get install -y time"; exit 1; }

echo "== $(date -u '+%Y-%m-%d %H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== generating $roles roles and $guides guides"
dotnet run -c Release --project benchmarks/CareerGuides.Benchmarks -- generate --roles "$roles" --guides "$guides" --out "$work/content" | tail -n 1

benchmarks/publish-site.sh "$work/site" "$work/publish.log"
hugo version

# measure NAME COMMAND...: runs it under GNU time; appends "NAME seconds peak-MiB" to $work/results.
measure() {
  local name=$1
  shift
  # Through bash, so the shell functions below can be measured; GNU time reports the largest process's peak memory.
  /usr/bin/time -v -o "$work/$name.time" bash -c '"$@"' measure "$@" > "$work/$name.log" 2>&1 || { echo "$name failed"; tail -n 20 "$work/$name.log"; exit 1; }
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; print s}' "$work/$name.time")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2 / 1024}' "$work/$name.time")
  echo "$name $wall $rss" >> "$work/results"
  printf '%-22s %8.2f s %7d MiB   %s\n' "$name" "$wall" "$rss" "$(grep -h '^Exported' "$work/$name.log" || true)"
}

# The parse cache is off (empty Content:CachePath): every export parses all the Markdown, as every Hugo build does.
export_site() { # export_site OUTPUT [configuration...]
  local out=$1
  shift
  (cd "$work/site" && ASPNETCORE_ENVIRONMENT=Production exec ./CareerGuides.Web export "$out" --Content:Path="$work/content" \
    --Content:CachePath= --Serilog:MinimumLevel:Default=Warning --Security:RateLimit:Enabled=false "$@")
}
hugo_site() { # hugo_site OUTPUT
  hugo --source benchmarks/hugo --contentDir "$work/content" --destination "$1" --cacheDir "$work/hugo-cache" --quiet
}
hugo_compressed() { # hugo_compressed OUTPUT: Hugo, then .br and .gz beside each file as the export writes them
  hugo_site "$1"
  find "$1" -type f \( -name '*.html' -o -name '*.xml' -o -name '*.css' -o -name '*.txt' \) -print0 |
    xargs -0 -n 200 -P 2 sh -c 'brotli -q 5 -w 22 -k -f "$@" && gzip -6 -k -f "$@"' compress
}
export -f export_site hugo_site hugo_compressed
export work

echo "== builds (two rounds, alternating)"
for round in 1 2; do
  rm -rf "$work/out-export" "$work/out-plain" "$work/out-hugo" "$work/out-hugo-compressed" "$work/hugo-cache"
  measure "export-$round" export_site "$work/out-export"
  measure "export-plain-$round" export_site "$work/out-plain" --Export:Precompress=false
  measure "hugo-$round" hugo_site "$work/out-hugo"
  rm -rf "$work/hugo-cache"
  measure "hugo-compressed-$round" hugo_compressed "$work/out-hugo-compressed"
done

echo "== incremental: re-export into the same folder after one guide's summary changed, then after one role's salary"
guide_files=("$work"/content/guides/*.md)
sed -i -E '0,/^summary: "/s//summary: "Changed: /' "${guide_files[0]}"
measure "export-incremental-guide" export_site "$work/out-export"
role_files=("$work"/content/roles/*.md)
sed -i -E '0,/(entry: \{ min: [0-9]+)0,/s//\11,/' "${role_files[0]}"
measure "export-incremental-role" export_site "$work/out-export"

best() { grep -E "^$1-[0-9] " "$work/results" | sort -k2 -n | head -n 1; }
read -r _ ew em < <(best export)
read -r _ pw pm < <(best export-plain)
read -r _ hw hm < <(best hugo)
read -r _ cw cm < <(best hugo-compressed)
read -r _ gw gm < <(grep '^export-incremental-guide ' "$work/results")
read -r _ rw rm_ < <(grep '^export-incremental-role ' "$work/results")
pages_export=$(find "$work/out-export/public" -name '*.html' | wc -l)
pages_hugo=$(find "$work/out-hugo" -name '*.html' | wc -l)
echo
echo "guides: $guides, roles: $roles; HTML files: export $pages_export, Hugo $pages_hugo"
printf 'export (with .br + .gz):  %6.2f s  %5d MiB   time %.2fx Hugo, memory %.2fx Hugo\n' "$ew" "$em" "$(echo "$ew / $hw" | bc -l)" "$(echo "$em / $hm" | bc -l)"
printf 'export (no precompress):  %6.2f s  %5d MiB   time %.2fx Hugo, memory %.2fx Hugo\n' "$pw" "$pm" "$(echo "$pw / $hw" | bc -l)" "$(echo "$pm / $hm" | bc -l)"
printf 'hugo:                     %6.2f s  %5d MiB\n' "$hw" "$hm"
printf 'hugo, then .br + .gz:     %6.2f s  %5d MiB   export with .br + .gz: time %.2fx this, memory %.2fx\n' "$cw" "$cm" "$(echo "$ew / $cw" | bc -l)" "$(echo "$em / $cm" | bc -l)"
printf 'incremental, one guide:   %6.2f s  %5d MiB   time %.2fx Hugo   %s\n' "$gw" "$gm" "$(echo "$gw / $hw" | bc -l)" "$(grep -h '^Exported' "$work/export-incremental-guide.log" | sed 's/^[^:]*: //')"
printf 'incremental, one role:    %6.2f s  %5d MiB   time %.2fx Hugo   %s\n' "$rw" "$rm_" "$(echo "$rw / $hw" | bc -l)" "$(grep -h '^Exported' "$work/export-incremental-role.log" | sed 's/^[^:]*: //')"
for name in export export-plain; do
  best_run=$(best "$name" | cut -d' ' -f1)
  printf '%-25s %s\n' "$name ($best_run) after start-up:" "$(grep -h '^Exported' "$work/$best_run.log" | sed 's/.*; //')"
done
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
