#!/usr/bin/env bash
# Issue 18's speed and memory goals for the legi-data source: `loi import` of the npm
# package (its .tgz, and its extracted folder) against its peer, reading the JSON and
# copying the resulting mirror (`cat data/*.json >/dev/null; cp -r MIRROR copy`), and
# `tar xzf` of the package; then the same import run again over its own result (an
# update where nothing changed). Wall time and peak memory (GNU time), RUNS rounds,
# the commands taking turns within each round. Each output is a fresh folder, removed
# only after the round, so that no run inherits another's freed inodes first.
#
#   [RUNS=3] [WORK=/dev/shm] bench/import.sh PACKAGE.tgz [LOI_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
pkg=$(realpath "$1")
loi=$(realpath "${2:-target/release/loi}")
runs=${RUNS:-3}
work=$(mktemp -d -p "${WORK:-${TMPDIR:-/tmp}}")   # WORK=/dev/shm: no disk, steadier
trap 'rm -rf "$work"' EXIT
tar xzf "$pkg" -C "$work"            # the package's folder, for the folder import and cat
"$loi" import --into "$work/reference" "$pkg" >/dev/null
t() { /usr/bin/time -f "%e s %M kB" "$@" 2>&1 >/dev/null | tail -1; }
printf '%-44s %s\n' "command" "wall, peak memory"
for round in $(seq "$runs"); do
  d="$work/r$round"
  mkdir -p "$d"
  printf '%-44s %s\n' "loi import PACKAGE.tgz" "$(t "$loi" import --into "$d/a" "$pkg")"
  printf '%-44s %s\n' "cat data/*.json; cp -r MIRROR copy" \
    "$(t sh -c "cat '$work'/package/data/*.json >/dev/null; cp -r '$work/reference' '$d/b'")"
  printf '%-44s %s\n' "loi import package/ (the folder)" "$(t "$loi" import --into "$d/c" "$work/package")"
  printf '%-44s %s\n' "tar xzf PACKAGE.tgz" "$(t tar xzf "$pkg" -C "$d" --one-top-level=e)"
  printf '%-44s %s\n' "loi import PACKAGE.tgz again (unchanged)" "$(t "$loi" import --into "$d/a" "$pkg")"
  rm -rf "$d"
done
