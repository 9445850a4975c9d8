#!/usr/bin/env bash
# The index of issue 4, beside find and less in one run, on the real mirror (12,019
# articles) and on the synthetic one (300,475; python3 bench/make-synthetic.py):
# index build from cold (no cache) against `find DIR -name '*.md' | wc -l`, a warm
# look-up (`loi links NUMBER`: find the article, resolve its references), and the first
# frame of `loi --mirror DIR L6123-1` at 80x24 beside `less` on the same file.
#
#   bench/index.sh [MIRROR ...]        (default: /tmp/corpus /tmp/synth)
#
# Uses the user's cache folder; set XDG_CACHE_HOME to keep it apart.
set -euo pipefail
cd "$(dirname "$0")/.."
loi=target/release/loi
tuiperf=../shared/bench/tuiperf
cache=${XDG_CACHE_HOME:-$HOME/.cache}/loi
t() { /usr/bin/time -f "%e s, peak %M KB" "$@" 2>&1 >/dev/null | tail -1; }
for mirror in "${@:-/tmp/corpus /tmp/synth}"; do
  for m in $mirror; do
    n=$(find "$m" -name '*.md' | wc -l)
    echo "== $m ($n articles)"
    for i in 1 2 3; do
      echo "find | wc -l:        $(t sh -c "find '$m' -name '*.md' | wc -l")"
      rm -rf "$cache"
      echo "loi, cold (build):   $(t "$loi" --mirror "$m" links L6123-1)"
      echo "loi, warm:           $(t "$loi" --mirror "$m" links L6123-1)"
    done
    echo "index file: $(du -h "$cache"/index-*.bin | cut -f1)"
    file=$(find "$m" -path '*code-du-travail/*' -name l6123-1.md | head -1)
    $tuiperf --runs 9 --warmup 2 --until 'Article L6123-1' -- "$loi" --mirror "$m" L6123-1 | grep -E "first frame  |peak RSS"
    $tuiperf --runs 9 --warmup 2 --until '# Article L6123-1' -- less "$file" | grep -E "first frame  |peak RSS"
  done
done
