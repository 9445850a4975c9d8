#!/usr/bin/env bash
# Measures loi beside less in one batch with ../shared/bench/tuiperf (80x24): first
# frame on a typical article (L6123-1, 1.7 KB) and on the largest (Annexe I à
# l'article R4312-1, 122 KB), latency and bytes per key while scrolling the largest,
# following a reference (L6123-1 → L5311-9 → back), and bytes per one-line scroll
# inside a tall block (the table of Annexe à l'article R1422-4).
#
#   bench/first-frame.sh [MIRROR_DIR] [LOI_BINARY]     (defaults: /tmp/corpus, target/release/loi)
#
# Needs: python3 with pyte (pip install pyte), less, an extracted mirror
# (tar xzf ../shared/corpus/mirror-travail-crpa.tar.gz -C /tmp/corpus), a release build.
# These machines are noisy: read the loi/less ratios of one run, not absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."
mirror=${1:-/tmp/corpus}
loi=${2:-target/release/loi}
tuiperf=../shared/bench/tuiperf
runs=(--runs 7 --warmup 1)
typ=$(find "$mirror" -name l6123-1.md | head -1)
big=$(find "$mirror" -name annexe-i-a-larticle-r4312-1.md | head -1)

echo "== first frame, typical: loi"
$tuiperf "${runs[@]}" --until 'Article L6123-1' -- "$loi" --mirror "$mirror" "$typ"
echo "== first frame, typical: less"
$tuiperf "${runs[@]}" --until '# Article L6123-1' -- less "$typ"
echo "== first frame, largest: loi"
$tuiperf "${runs[@]}" --until 'Article Annexe I' -- "$loi" --mirror "$mirror" "$big"
echo "== first frame, largest: less"
$tuiperf "${runs[@]}" --until '# Article Annexe I' -- less "$big"
echo "== keys on the largest: loi (zR unfolds everything first)"
$tuiperf "${runs[@]}" --until 'Article Annexe I' --keys 'z,R,j,j,j,Space,Space,q' -- "$loi" --mirror "$mirror" "$big"
echo "== keys on the largest: less"
$tuiperf "${runs[@]}" --until '# Article Annexe I' --keys 'j,j,j,Space,Space,q' -- less "$big"
echo "== follow a reference: loi"
$tuiperf "${runs[@]}" --until 'Article L6123-1' --keys 'Tab,Enter::Article L5311-9,Backspace::Article L6123-1,q' -- "$loi" --mirror "$mirror" "$typ"
tab=$(find "$mirror" -name annexe-a-larticle-r1422-4.md | head -1)
echo "== one-line scrolling through a tall block (a table): loi (+ unfolds all first)"
$tuiperf "${runs[@]}" --until 'Article Annexe' --keys '+,j,j,j,j,k,k,q' -- "$loi" --mirror "$mirror" "$tab"
echo "== one-line scrolling: less on the same file"
$tuiperf "${runs[@]}" --until '# Article Annexe' --keys 'j,j,j,j,k,k,q' -- less "$tab"
