#!/usr/bin/env bash
# The home's first frame: `loi --mirror DIR` with no article named and no session (a
# fresh data folder), until the list of codes is on screen, beside `less` on L6123-1,
# with ../shared/bench/tuiperf at 80x24; with the index cached (every start after the
# first), then with no cache (the first start: the index is built by one walk of the
# folders, no article read). An OLD binary given (one from before the home, which
# opened the mirror's first article instead) is measured on its own first screen.
#
#   bench/home.sh [MIRROR] [LOI_BINARY] [OLD_LOI_BINARY]
#   bench/home.sh /tmp/four target/release/loi /tmp/loi-main
#
# Needs: python3 with pyte, less, a release build. Read the ratios to less of one run.
set -euo pipefail
cd "$(dirname "$0")/.."
mirror=${1:-/tmp/four}
loi=${2:-target/release/loi}
old=${3:-}
tuiperf=../shared/bench/tuiperf
runs=(--runs "${RUNS:-9}" --warmup 1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
typ=$(find "$mirror" -name l6123-1.md | head -1)
show() { grep -E '^first frame  |VmHWM' | awk -v what="$1" '{printf "%-40s %-6s median %7s  min %7s  max %7s %s\n", what, ($1=="first" ? "first" : "VmHWM"), $(NF-2), $(NF-1), $NF, ($1=="first" ? "ms" : "kB")}'; }
env_for() { echo --env "XDG_CACHE_HOME=$work/cache-$1" --env "XDG_DATA_HOME=$work/data-$1" --env "XDG_CONFIG_HOME=$work/config"; }
echo "== $mirror ($(find "$mirror" -name '*.md' | wc -l) articles), cache warm"
XDG_CACHE_HOME=$work/cache-new "$loi" --mirror "$mirror" links L6123-1 >/dev/null
# shellcheck disable=SC2046
$tuiperf "${runs[@]}" $(env_for new) --until ' codes · ' -- "$loi" --mirror "$mirror" | show "loi, the home"
if [ -n "$old" ]; then
  XDG_CACHE_HOME=$work/cache-old "$old" --mirror "$mirror" links L6123-1 >/dev/null
  # shellcheck disable=SC2046
  $tuiperf "${runs[@]}" $(env_for old) --until 'Article ' -- "$old" --mirror "$mirror" | show "old loi, the first article"
fi
$tuiperf "${runs[@]}" --until '# Article L6123-1' -- less "$typ" | show "less L6123-1"
echo "== no cache: the first start builds the index"
for i in 1 2 3 4 5; do
  rm -rf "$work/cache-cold" "$work/data-cold"
  # shellcheck disable=SC2046
  $tuiperf --runs 1 $(env_for cold) --until ' codes · ' -- "$loi" --mirror "$mirror" | show "loi, the home, cold $i"
done
