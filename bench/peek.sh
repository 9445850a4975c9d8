#!/usr/bin/env bash
# `K` (issue 21, item 1) beside less, in one batch with ../shared/bench/tuiperf (80x24):
# loi's first frame on L1233-67, then the key `K` on its reference to « 10° de
# l'article L. 1233-68 » (the peek drawn: reading the target included), and less's
# first frame on the same file. What `K` costs beyond reading the target is
# `cargo bench --bench peek`.
#
#   bench/peek.sh [MIRROR_DIR] [LOI_BINARY]     (defaults: /dev/shm/four, target/release/loi)
#
# These machines are noisy: read the loi/less ratios of one run, not absolute times.
set -euo pipefail
cd "$(dirname "$0")/.."
mirror=${1:-/dev/shm/four}
loi=${2:-target/release/loi}
tuiperf=../shared/bench/tuiperf
runs=(--runs 9 --warmup 1)
file=$(find "$mirror" -name l1233-67.md | head -1)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export XDG_DATA_HOME=$data XDG_CONFIG_HOME=$data XDG_CACHE_HOME=$data/cache LANGUAGE=en

echo "== first frame, then K on a point: loi"
$tuiperf "${runs[@]}" --until 'Article L1233-67' \
    --keys 'Tab,Tab::L1233-68,K::10° of article L1233-68,q' -- "$loi" --mirror "$mirror" "$file"
echo "== first frame: less"
$tuiperf "${runs[@]}" --until '# Article L1233-67' -- less "$file"
