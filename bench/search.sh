#!/usr/bin/env bash
# Whole-mirror search (issue 4) beside `grep -rlF` in one run, on the real mirror
# (12,019 articles) and the synthetic one (300,475; python3 bench/make-synthetic.py):
# `loi search` with no word index (a scan: it reads every file and prints answers as
# it goes), the word index build a first search starts in the background (`loi
# index-words`, timed here on its own), then warm (the index mapped from the cache),
# the time to the first answer on stdout, and peak RSS (/usr/bin/time %M).
#
#   bench/search.sh [MIRROR ...]        (default: /tmp/corpus /tmp/synth)
#   RUNS=1 bench/search.sh /tmp/synth   (runs per mirror, default 3)
#
# Uses its own cache folder (XDG_CACHE_HOME) so that the user's stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
loi=$PWD/target/release/loi
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$(mktemp -d)}
phrase='contrat de travail à durée déterminée'
t() { /usr/bin/time -f "%e s (user %U, sys %S), peak %M KB" "$@" 2>&1 >/dev/null | tail -1; }
# Seconds until the first line of a command's output.
first() { python3 - "$@" <<'PY'
import subprocess, sys, time
t = time.perf_counter()
p = subprocess.Popen(sys.argv[1:], stdout=subprocess.PIPE)
p.stdout.readline()
print(f"{(time.perf_counter() - t) * 1000:.1f} ms")
p.kill()
PY
}
# Waits for a build started in the background to let go of its lock.
settle() { while ls "$XDG_CACHE_HOME"/loi/words-*.lock >/dev/null 2>&1; do sleep 0.2; done; }
for m in "${@:-/tmp/corpus /tmp/synth}"; do
  for mirror in $m; do
    echo "== $mirror ($(find "$mirror" -name '*.md' | wc -l) articles), phrase: $phrase"
    rm -rf "$XDG_CACHE_HOME/loi"
    "$loi" --mirror "$mirror" links L6123-1 >/dev/null  # the mirror's index only
    echo "hits: loi $("$loi" --mirror "$mirror" search "\"$phrase\"" | wc -l), grep -rlF $(grep -rlF "$phrase" "$mirror" | wc -l)"
    settle
    # The lock the background build takes: held here, so that the first search's
    # own build does not run beside the timings; the build is timed on its own.
    lock=$(ls "$XDG_CACHE_HOME"/loi/words-*.bin | sed 's/\.bin$/.lock/')
    for i in $(seq "${RUNS:-3}"); do
      rm -f "$XDG_CACHE_HOME"/loi/words-*.bin; touch "$lock"
      echo "grep -rlF:              $(t grep -rlF "$phrase" "$mirror")"
      echo "loi, no word index:     $(t "$loi" --mirror "$mirror" search "\"$phrase\"")"
      echo "grep -rlF again:        $(t grep -rlF "$phrase" "$mirror")"
      rm -f "$lock"
      echo "loi index-words (bg):   $(t "$loi" --mirror "$mirror" index-words)"
      echo "loi, warm:              $(t "$loi" --mirror "$mirror" search "\"$phrase\"")"
      echo "loi, warm, 3 words:     $(t "$loi" --mirror "$mirror" search salarie enceinte licenciement)"
      echo "first answer, warm:     $(first "$loi" --mirror "$mirror" search "\"$phrase\"")"
    done
    echo "word index file: $(du -h "$XDG_CACHE_HOME"/loi/words-*.bin | cut -f1)"
    rm -f "$XDG_CACHE_HOME"/loi/words-*.bin; touch "$lock"
    echo "first answer, no word index: $(first "$loi" --mirror "$mirror" search "\"$phrase\"")"
    # As a user meets it: the first search returns, its child builds the index.
    rm -f "$lock"
    start=$(date +%s.%N)
    "$loi" --mirror "$mirror" search "\"$phrase\"" >/dev/null
    returned=$(date +%s.%N)
    until ls "$XDG_CACHE_HOME"/loi/words-*.bin >/dev/null 2>&1; do sleep 0.1; done
    echo "first search returned after $(echo "$returned - $start" | bc) s; index ready after $(echo "$(date +%s.%N) - $start" | bc) s"
  done
done
