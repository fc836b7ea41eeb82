#!/usr/bin/env bash
# The deployment recipe's publish, run as a deployment runs it (docs/deployment.md): published for this machine's
# runtime, primed with prime-cache, started; a guide page must answer 200 and the start must take every file from the
# primed cache. Both ways the project publishes are checked, self-contained (composite ReadyToRun) first and then
# framework-dependent, in the same tree: a framework-dependent publish after a composite one once aborted at start,
# because the SDK reused the composite's images left in obj/.
set -euo pipefail
cd "$(dirname "$0")/.."

rid=$(dotnet --info | awk '/RID:/ {print $2; exit}')
work=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2> /dev/null; rm -rf "$work"' EXIT
port=5331
page=/guides/data-scientist-to-backend-developer
content="$PWD/content"

check() {
  local mode=$1 self_contained=$2 out="$work/$1" cache="$work/$1-cache" run
  echo "$mode: dotnet publish -c Release -r $rid --self-contained $self_contained"
  if ! dotnet publish src/CareerGuides.Web -c Release -r "$rid" --self-contained "$self_contained" -o "$out" > "$work/$mode-publish.log" 2>&1; then
    tail -n 20 "$work/$mode-publish.log"
    return 1
  fi

  # As the recipe starts it: the apphost when self-contained, the dotnet host otherwise.
  if [ "$self_contained" = true ]; then run=(./CareerGuides.Web); else run=(dotnet CareerGuides.Web.dll); fi
  if ! (cd "$out" && ASPNETCORE_ENVIRONMENT=Production Content__Path="$content" Content__CachePath="$cache" \
    "${run[@]}" prime-cache) > "$work/$mode-prime.log" 2>&1; then
    echo "$mode: prime-cache failed"
    tail -n 20 "$work/$mode-prime.log"
    return 1
  fi

  (cd "$out" && ASPNETCORE_ENVIRONMENT=Production Content__Path="$content" Content__CachePath="$cache" \
    Security__RateLimit__Enabled=false exec "${run[@]}" --urls "http://127.0.0.1:$port") > "$work/$mode-site.log" 2>&1 &
  pid=$!
  local status=000
  for _ in $(seq 1 300); do
    kill -0 "$pid" 2> /dev/null || break
    status=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port$page" || true)
    [ "$status" = 200 ] && break
    sleep 0.1
  done
  kill "$pid" 2> /dev/null || true
  wait "$pid" 2> /dev/null || true
  pid=""
  if [ "$status" != 200 ]; then
    echo "$mode: $page answered $status (the site's log follows)"
    tail -n 20 "$work/$mode-site.log"
    return 1
  fi

  # "Content loaded: … 24 files read (24 of them parsed before, from the parse cache), …"
  local loaded read cached
  loaded=$(grep -o 'Content loaded: [^;]*; [0-9]* files read ([0-9]* of them' "$work/$mode-site.log" | head -n 1)
  read=$(sed -E 's/.*; ([0-9]+) files read.*/\1/' <<< "$loaded")
  cached=$(sed -E 's/.*\(([0-9]+) of them/\1/' <<< "$loaded")
  if [ -z "$loaded" ] || [ "$read" != "$cached" ] || [ "$read" -eq 0 ]; then
    echo "$mode: the start did not take every file from the primed cache: '$loaded'"
    return 1
  fi
  echo "$mode: $page answered 200; all $read files came from the primed cache"
}

check self-contained true
check framework-dependent false
