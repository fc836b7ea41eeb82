# Helpers the benchmark scripts share; sourced, not run.

# This machine's runtime identifier (linux-x64, say), for publishing ReadyToRun.
runtime_id() { dotnet --info | awk '/RID:/ {print $2; exit}'; }

# Milliseconds since the epoch.
now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# The median of the whole numbers on standard input, separated by spaces or line breaks (the lower middle's and the
# upper middle's mean, rounded down, for an even count).
median() { tr ' ' '\n' | grep -v '^$' | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
