#!/usr/bin/env bash
# Bytes written per key (what crosses an SSH link) by loi beside less and w3m on the
# same articles, in one batch, with ../shared/bench/tuiperf at 80x24:
# one-line scroll (`j`; loi's `Ctrl-E` too), page scroll (`Space`), next reference (`Tab`) and opening it
# (`Enter`); loi's hints (`f`, `Esc`, a label typed).
#
#   bench/keys.sh [MIRROR_DIR] [LOI_BINARY]     (defaults: /tmp/corpus, target/release/loi)
#
# Needs: python3 with pyte, less, w3m, an extracted mirror, a release build. A private
# cache folder keeps the index out of your own. TERM is xterm-256color (tuiperf's).
set -euo pipefail
cd "$(dirname "$0")/.."
mirror=${1:-/tmp/corpus}
loi=${2:-target/release/loi}
tuiperf=../shared/bench/tuiperf
cache=$(mktemp -d)
trap 'rm -rf "$cache"' EXIT
runs=(--runs 3 --env "XDG_CACHE_HOME=$cache")
typ=$(find "$mirror" -name l6123-1.md | head -1)
big=$(find "$mirror" -name annexe-i-a-larticle-r4312-1.md | head -1)
tab=$(find "$mirror" -name annexe-a-larticle-r1422-4.md | head -1)
# Prime the index so that no run pays for it.
"$loi" --mirror "$mirror" print L6123-1 >/dev/null

for file in "$big" "$tab"; do
    name=$(basename "$file" .md)
    echo "== $name: loi (+ unfolds everything first)"
    $tuiperf "${runs[@]}" --until 'Article' --keys '+,j,j,j,j,j,j,j,j,Space,Space,q' -- "$loi" --mirror "$mirror" "$file"
    echo "== $name: less"
    $tuiperf "${runs[@]}" --until '# Article' --keys 'j,j,j,j,j,j,j,j,Space,Space,q' -- less "$file"
    echo "== $name: w3m (as HTML)"
    $tuiperf "${runs[@]}" --until 'Article' --keys 'J,J,J,J,J,J,J,J,Space,Space,q,y' -- w3m -T text/html "$file"
done
echo "== largest, folded as it opens: loi, Ctrl-E scrolls one line (less's j is above)"
$tuiperf "${runs[@]}" --until 'Article' --keys 'C-e,C-e,C-e,C-e,C-e,C-e,C-e,C-e,q' -- "$loi" --mirror "$mirror" "$big"
echo "== L6123-1, references: loi"
$tuiperf "${runs[@]}" --until 'Article L6123-1' --keys 'Tab,Enter::Article L5311-9,Backspace::Article L6123-1,q' -- "$loi" --mirror "$mirror" "$typ"
echo "== L6123-1, hints: loi (f, Esc, f, the first label: L. 5311-9)"
$tuiperf "${runs[@]}" --until 'Article L6123-1' --keys '+::▾ III,f::labels · type,Esc::Tab references,f::labels · type,a::Article L5311-9,q' -- "$loi" --mirror "$mirror" "$typ"
echo "== L6123-1, references: w3m (Enter follows the link's file, missing here)"
$tuiperf "${runs[@]}" --until 'Article L6123-1' --keys 'Tab,Enter,q,y' -- w3m -T text/html "$typ"
