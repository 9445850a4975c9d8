#!/usr/bin/env bash
# Issue 4's reading goals in one batch: first frame and peak memory (tuiperf's VmHWM)
# of `loi --mirror DIR ARTICLE` at 80x24 with a warm cache, on a typical article
# (L6123-1) and the largest (Annexe I à l'article R4312-1, 122 KB), for each mirror
# given and each loi binary given, beside `less` on the same file.
#
#   bench/reading.sh "MIRROR..." LOI_BINARY...
#   bench/reading.sh "/tmp/corpus /tmp/synth" target/release/loi \
#       target/x86_64-unknown-linux-gnu/release/loi        # `cargo static`'s build
#
# Needs: python3 with pyte, less, the extracted mirror (and the synthetic one:
# python3 bench/make-synthetic.py /tmp/corpus /tmp/synth). Uses its own cache folder.
set -euo pipefail
cd "$(dirname "$0")/.."
mirrors=${1:-/tmp/corpus}
shift || true
bins=("$@")
[ ${#bins[@]} -gt 0 ] || bins=(target/release/loi)
tuiperf=../shared/bench/tuiperf
cache=$(mktemp -d)
export XDG_CACHE_HOME=$cache
runs=(--runs "${RUNS:-9}" --warmup 1 --env "XDG_CACHE_HOME=$cache")
show() { grep -E '^first frame  |VmHWM' | awk -v what="$1" '{printf "%-48s %-10s median %7s  min %7s  max %7s %s\n", what, ($1=="first" ? "first" : "VmHWM"), $(NF-2), $(NF-1), $NF, ($1=="first" ? "ms" : "kB")}'; }
for mirror in $mirrors; do
  n=$(find "$mirror" -name '*.md' | wc -l)
  typ=$(find "$mirror" -name l6123-1.md | head -1)
  big=$(find "$mirror" -name annexe-i-a-larticle-r4312-1.md | head -1)
  echo "== $mirror ($n articles)"
  "${bins[0]}" --mirror "$mirror" links L6123-1 >/dev/null  # the index, cached
  for bin in "${bins[@]}"; do
    $tuiperf "${runs[@]}" --until 'Article L6123-1' -- "$bin" --mirror "$mirror" "$typ" | show "typical  loi $bin"
  done
  $tuiperf "${runs[@]}" --until '# Article L6123-1' -- less "$typ" | show "typical  less"
  for bin in "${bins[@]}"; do
    $tuiperf "${runs[@]}" --until 'Article Annexe I' -- "$bin" --mirror "$mirror" "$big" | show "largest  loi $bin"
  done
  $tuiperf "${runs[@]}" --until '# Article Annexe I' -- less "$big" | show "largest  less"
done
rm -rf "$cache"
