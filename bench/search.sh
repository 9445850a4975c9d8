#!/usr/bin/env bash
# Whole-mirror search (issue 4) beside `grep -rlF` in one run, on the real mirror
# (12,019 articles) and the synthetic one (300,475; python3 bench/make-synthetic.py):
# `loi search` with no word index (it reads every file and builds the index in the
# same pass), then warm (the index mapped from the cache), the time to the first
# answer on stdout, and peak RSS (/usr/bin/time %M).
#
#   bench/search.sh [MIRROR ...]        (default: /tmp/corpus /tmp/synth)
#
# Uses its own cache folder (XDG_CACHE_HOME) so that the user's stays as it is.
set -euo pipefail
cd "$(dirname "$0")/.."
loi=$PWD/target/release/loi
export XDG_CACHE_HOME=${XDG_CACHE_HOME:-$(mktemp -d)}
phrase='contrat de travail à durée déterminée'
t() { /usr/bin/time -f "%e s, peak %M KB" "$@" 2>&1 >/dev/null | tail -1; }
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
for m in "${@:-/tmp/corpus /tmp/synth}"; do
  for mirror in $m; do
    echo "== $mirror ($(find "$mirror" -name '*.md' | wc -l) articles), phrase: $phrase"
    echo "hits: loi $("$loi" --mirror "$mirror" search "\"$phrase\"" | wc -l), grep -rlF $(grep -rlF "$phrase" "$mirror" | wc -l)"
    for i in 1 2 3; do
      rm -rf "$XDG_CACHE_HOME/loi"
      "$loi" --mirror "$mirror" links L6123-1 >/dev/null  # the mirror's index only
      echo "grep -rlF:            $(t grep -rlF "$phrase" "$mirror")"
      echo "loi, no word index:   $(t "$loi" --mirror "$mirror" search "\"$phrase\"")"
      echo "loi, warm:            $(t "$loi" --mirror "$mirror" search "\"$phrase\"")"
      echo "loi, warm, 3 words:   $(t "$loi" --mirror "$mirror" search salarie enceinte licenciement)"
      echo "first answer, warm:   $(first "$loi" --mirror "$mirror" search "\"$phrase\"")"
    done
    echo "word index file: $(du -h "$XDG_CACHE_HOME"/loi/words-*.bin | cut -f1)"
    rm -rf "$XDG_CACHE_HOME/loi"; "$loi" --mirror "$mirror" links L6123-1 >/dev/null
    echo "first answer, no word index: $(first "$loi" --mirror "$mirror" search "\"$phrase\"")"
  done
done
