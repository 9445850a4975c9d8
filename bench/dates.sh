#!/usr/bin/env bash
# The law at a date, measured in one run beside its peers: what the metadata of a
# mirror made by `loi import` costs when an article opens (its state and Nota, looked
# up in `.loi/codes/CODE.jsonl`), re-opening at another date (`@`, `--date`),
# `loi changes` and `loi print --json`.
#
#   bench/dates.sh [IMPORTED] [PLAIN] [LOI]
#     IMPORTED  a mirror made by `loi import` of legi-data's four codes (default /dev/shm/imp)
#     PLAIN     the same four codes without metadata (default /dev/shm/four)
#     LOI       the release binary (default ${CARGO_TARGET_DIR:-target}/release/loi)
#   RUNS=15 ROUNDS=2 (tuiperf's runs per batch, rounds of first frames), TIMES=31
#   (wall-time runs of each command in 3 and 4; 4 takes a third of them)
#   LEGI=DIR (optional) a mirror imported from the synthetic LEGI archive, which keeps
#   the text of each version: there a date re-reads and parses another text (legi-data
#   keeps only today's, so on IMPORTED a date only relabels the text already read)
#
#   loi import --into /dev/shm/imp socialgouv-legi-data-2.513.0.tgz
#   mkdir -p /dev/shm/four && tar xzf ../shared/corpus/mirror-four-codes.tar.gz -C /dev/shm/four
#   python3 bench/make-legi-archive.py /dev/shm/four /dev/shm/legi-one.tar.gz --files 50525
#   loi import --into /dev/shm/legi /dev/shm/legi-one.tar.gz     # then LEGI=/dev/shm/legi
#
# 1. first frame (80x24, ../shared/bench/tuiperf) of L6123-1 (1.7 KB, a Nota) and of the
#    largest article (Annexe I à l'article R4312-1, 122 KB, a Nota): loi on IMPORTED
#    (until its state line is drawn: the metadata was read), loi on PLAIN (until
#    `Dates inconnues`), less on the same file; each round in the other order.
#    With valgrind, also the instructions to the first draw on IMPORTED and PLAIN.
# 2. per-key latency of the Enter that ends `@2016-01-01` (until the screen says the
#    article was re-opened at that date), on the largest, on L6123-1 (whose text of
#    that day legi-data does not keep), on a stack of three, and on PLAIN; on LEGI, the
#    largest at 2016-01-01 (its 2008 version's file read and parsed) and back to today
#    (`@` then Enter); less's `R` (re-reads the file, repaints) on the largest; the
#    first frame with --date.
# 3. wall time of `loi print --date 2016-01-01 FILE` vs `loi print FILE` vs `cat FILE`
#    (and `--width 80`: without a terminal, print's width costs two `tput`), then
#    `loi changes --since 2025-01-01` vs `grep -c` and `cat` of the metadata.
# 4. `loi print --json` of the first 300 numbers of code-du-travail.jsonl vs
#    `loi print` of the same (IMPORTED and PLAIN) vs `cat` of their files.
# Wall times: each command run TIMES times, the commands taking turns, a warm-up first;
# medians. These machines are noisy: read the ratios of one run, not absolute times.
# Needs python3 with pyte, less. Private cache, data and config folders.
set -euo pipefail
cd "$(dirname "$0")/.."
imp=${1:-/dev/shm/imp}
plain=${2:-/dev/shm/four}
loi=${3:-${CARGO_TARGET_DIR:-target}/release/loi}
loi=$(realpath "$loi")
legi=${LEGI:-}
[ -z "$legi" ] || [ -d "$legi/.loi/versions" ] || { echo "LEGI=$legi: no .loi/versions (not imported from LEGI)" >&2; exit 2; }
tuiperf=$PWD/../shared/bench/tuiperf
[ -f "$imp/.loi/mirror.json" ] || { echo "$imp: not a mirror made by loi import" >&2; exit 2; }
[ ! -e "$plain/.loi" ] || { echo "$plain: has metadata; give a mirror without" >&2; exit 2; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CACHE_HOME=$tmp/cache XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
env=(--env "XDG_CACHE_HOME=$XDG_CACHE_HOME" --env "XDG_DATA_HOME=$XDG_DATA_HOME" --env "XDG_CONFIG_HOME=$XDG_CONFIG_HOME")
RUNS=${RUNS:-15}
ROUNDS=${ROUNDS:-2}
TIMES=${TIMES:-31}

big_rel=$(cd "$imp" && find . -name '*.md' -printf '%s %P\n' | sort -n | tail -1 | cut -d' ' -f2-)
typ_rel=$(cd "$imp" && find . -name l6123-1.md -printf '%P\n' | head -1)
for rel in "$big_rel" "$typ_rel"; do
    cmp -s "$imp/$rel" "$plain/$rel" || { echo "$rel differs between $imp and $plain" >&2; exit 2; }
done
echo "machine: $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), Linux $(uname -r)"
echo "loi: $loi ($(git rev-parse --short HEAD 2>/dev/null || echo '?')), $(less --version | head -1)"
echo "IMPORTED $imp ($(find "$imp" -name '*.md' | wc -l) articles), PLAIN $plain"
echo "largest: $big_rel ($(stat -c %s "$imp/$big_rel") B)"
echo "typical: $typ_rel ($(stat -c %s "$imp/$typ_rel") B)"
echo "LEGI: ${legi:-none}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# Each mirror's index built and cached once, so that no run pays for it.
"$loi" --mirror "$imp" print L6123-1 >/dev/null
"$loi" --mirror "$plain" print L6123-1 >/dev/null
[ -z "$legi" ] || "$loi" --mirror "$legi" print L6123-1 >/dev/null

# fig JSON FIGURE [median|min|max]: one figure of tuiperf's summary.
fig() {
    python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
for s in d["summary"]:
    if s["figure"] == sys.argv[2]:
        print("%.1f" % s[sys.argv[3]]); break
else:
    print("-")' "$1" "$2" "${3:-median}"
}
ratio() { python3 -c 'import sys; a, b = map(float, sys.argv[1:]); print("%.2f" % (a / b))' "$1" "$2"; }
# tp NAME UNTIL KEYS -- COMMAND...: one tuiperf batch, its JSON kept as $tmp/NAME.json.
tp() {
    local name=$1 until=$2 keys=$3
    shift 4
    local k=()
    [ -z "$keys" ] || k=(--keys "$keys")
    "$tuiperf" --runs "$RUNS" --warmup 1 "${env[@]}" --until "$until" "${k[@]}" --json "$tmp/$name.json" -- "$@" >/dev/null
}

echo
echo "== 1. first frame, 80x24, median of $RUNS (min–max), VmHWM"
for round in $(seq 1 "$ROUNDS"); do
    for art in typ big; do
        if [ "$art" = typ ]; then rel=$typ_rel; head='Article L6123-1'; else rel=$big_rel; head='Article Annexe I'; fi
        order=(imported plain less)
        [ $((round % 2)) = 1 ] || order=(less plain imported)
        for who in "${order[@]}"; do
            case $who in
                imported) tp "ff-$round-$art-$who" 'En vigueur' '' -- "$loi" --mirror "$imp" "$imp/$rel" ;;
                plain) tp "ff-$round-$art-$who" 'Dates inconnues' '' -- "$loi" --mirror "$plain" "$plain/$rel" ;;
                less) tp "ff-$round-$art-$who" "# $head" '' -- less "$imp/$rel" ;;
            esac
        done
        for who in imported plain less; do
            j=$tmp/ff-$round-$art-$who.json
            printf 'round %s  %-8s %-9s %6s ms (%s–%s)  %s kB\n' "$round" "$art" "$who" \
                "$(fig "$j" 'first frame')" "$(fig "$j" 'first frame' min)" "$(fig "$j" 'first frame' max)" \
                "$(fig "$j" 'VmHWM sum (kernel peak)')"
        done
        i=$(fig "$tmp/ff-$round-$art-imported.json" 'first frame')
        p=$(fig "$tmp/ff-$round-$art-plain.json" 'first frame')
        l=$(fig "$tmp/ff-$round-$art-less.json" 'first frame')
        echo "round $round  $art      imported/less $(ratio "$i" "$l")×  plain/less $(ratio "$p" "$l")×  imported/plain $(ratio "$i" "$p")×   (budget: imported ≤ 1.25× less)"
    done
done

if command -v valgrind >/dev/null; then
    echo "== 1b. instructions to the first draw (callgrind: deterministic, unlike the times above)"
    for art in typ big; do
        if [ "$art" = typ ]; then rel=$typ_rel; else rel=$big_rel; fi
        i=$(TMPDIR=$tmp python3 bench/first-draw-instructions.py "$loi" "$imp" "$imp/$rel" | grep -o '^[0-9,]*' | tr -d ,)
        p=$(TMPDIR=$tmp python3 bench/first-draw-instructions.py "$loi" "$plain" "$plain/$rel" | grep -o '^[0-9,]*' | tr -d ,)
        printf '%-8s imported %10d  plain %10d  imported/plain %s×\n' "$art" "$i" "$p" "$(ratio "$i" "$p")"
    done
fi

echo
echo "== 2. re-opening at a date: latency of the key (median of $RUNS, min–max), bytes it wrote"
date_keys='@,2,0,1,6,-,0,1,-,0,1'
enter_line() { # NAME KEY_NUMBER LABEL
    python3 -c 'import json,sys
d = json.load(open(sys.argv[1]))
f = {s["figure"]: s for s in d["summary"]}
k = f[[n for n in f if n.startswith("key %s \x27" % sys.argv[2])][0]]
b = f["key %s bytes" % sys.argv[2]]
print("%-58s %6.1f ms (%.1f–%.1f)  %5d B" % (sys.argv[3], k["median"], k["min"], k["max"], b["median"]))' "$tmp/$1.json" "$2" "$3"
}
tp at-big 'Article Annexe I' "$date_keys,Enter::lu au 1er janvier 2016,q" -- "$loi" --mirror "$imp" "$imp/$big_rel"
enter_line at-big 12 "largest, imported: Enter of @2016-01-01 (its text that day)"
tp at-typ 'Article L6123-1' "$date_keys,Enter::CELUI DU 1ER JANVIER 2016 MANQUE,q" -- "$loi" --mirror "$imp" "$imp/$typ_rel"
enter_line at-typ 12 "L6123-1, imported: Enter of @2016-01-01 (text missing)"
tp at-stack 'Article Annexe I' "Tab,Enter::Article R4312-1 · Code,Tab,Enter::Article R4311-1 · Code,$date_keys,Enter,q" -- "$loi" --mirror "$imp" "$imp/$big_rel"
enter_line at-stack 16 "stack largest › R4312-1 › R4311-1: Enter of @2016-01-01"
tp at-plain 'Article Annexe I' "$date_keys,Enter,q" -- "$loi" --mirror "$plain" "$plain/$big_rel"
enter_line at-plain 12 "largest, plain: Enter of @2016-01-01 (no metadata)"
if [ -n "$legi" ]; then
    tp at-legi 'Article Annexe I' "$date_keys,Enter::Version en vigueur du 1er mai 2008,@,Enter::En vigueur depuis,q" -- "$loi" --mirror "$legi" "$legi/$big_rel"
    enter_line at-legi 12 "largest, LEGI: Enter of @2016-01-01 (2008 text parsed)"
    enter_line at-legi 14 "largest, LEGI: then @ Enter, back to today (file parsed)"
fi
tp less-r '# Article Annexe I' 'R,q' -- less "$imp/$big_rel"
enter_line less-r 1 "largest, less: R (re-reads the file, repaints)"
tp date-ff 'lu au 1er janvier 2016' '' -- "$loi" --mirror "$imp" --date 2016-01-01 "$imp/$big_rel"
j=$tmp/date-ff.json
printf '%-58s %6s ms (%s–%s)\n' "largest, imported: first frame with --date 2016-01-01" \
    "$(fig "$j" 'first frame')" "$(fig "$j" 'first frame' min)" "$(fig "$j" 'first frame' max)"
if [ -n "$legi" ]; then
    tp date-ff-legi 'Version en vigueur du 1er mai 2008' '' -- "$loi" --mirror "$legi" --date 2016-01-01 "$legi/$big_rel"
    j=$tmp/date-ff-legi.json
    printf '%-58s %6s ms (%s–%s)\n' "largest, LEGI: first frame with --date 2016-01-01" \
        "$(fig "$j" 'first frame')" "$(fig "$j" 'first frame' min)" "$(fig "$j" 'first frame' max)"
fi
echo "(budget: the Enter that re-opens the largest ≤ 50 ms)"

# Wall times, 3 and 4: the commands take turns, TIMES runs each after a warm-up.
# walls TITLE TIMES < lines of NAME<TAB>ARG<TAB>ARG...: medians, and the first's time over each.
cat >"$tmp/walls.py" <<'PY'
import subprocess, sys, time, statistics
title, times = sys.argv[1], int(sys.argv[2])
cmds = [line.rstrip("\n").split("\t") for line in sys.stdin if line.strip()]
print(f"{title} (median of {times}, min–max; first/this: the first's median over this one's)")
for name, *argv in cmds:  # warm-up, and the output checked once
    r = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    if r.returncode not in (0, 1):
        sys.exit(f"{name}: exit {r.returncode}: {r.stderr.decode()[:300]}")
    lines = r.stdout.count(b"\n")
    print(f"  {name}: exit {r.returncode}, {len(r.stdout)} B, {lines} lines")
t = {name: [] for name, *_ in cmds}
for i in range(times):
    order = cmds if i % 2 == 0 else cmds[::-1]
    for name, *argv in order:
        s = time.perf_counter()
        subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        t[name].append((time.perf_counter() - s) * 1000)
first = statistics.median(t[cmds[0][0]])
for name, *_ in cmds:
    m = statistics.median(t[name])
    print(f"  {name:<52} {m:8.1f} ms ({min(t[name]):.1f}–{max(t[name]):.1f})  first/this {first / m:.2f}×")
PY
walls() { python3 "$tmp/walls.py" "$@"; }

echo
echo "== 3. wall time"
if (: </dev/tty) 2>/dev/null; then tty="/dev/tty opens"; else tty="no terminal: /dev/tty does not open"; fi
printf '%s\t%s\n' \
    "loi print --date 2016-01-01 LARGEST" "$loi"$'\t'--mirror$'\t'"$imp"$'\t'print$'\t'--date$'\t'2016-01-01$'\t'"$imp/$big_rel" \
    "loi print LARGEST" "$loi"$'\t'--mirror$'\t'"$imp"$'\t'print$'\t'"$imp/$big_rel" \
    "loi print LARGEST (plain mirror)" "$loi"$'\t'--mirror$'\t'"$plain"$'\t'print$'\t'"$plain/$big_rel" \
    "cat LARGEST" cat$'\t'"$imp/$big_rel" |
    walls "print the largest" "$TIMES"
if [ -n "$legi" ]; then
    printf '%s\t%s\n' \
        "LEGI: loi print --date 2016-01-01 LARGEST" "$loi"$'\t'--mirror$'\t'"$legi"$'\t'print$'\t'--date$'\t'2016-01-01$'\t'"$legi/$big_rel" \
        "LEGI: loi print LARGEST" "$loi"$'\t'--mirror$'\t'"$legi"$'\t'print$'\t'"$legi/$big_rel" |
        walls "print the largest, LEGI (the 2008 version's file)" "$TIMES"
fi
printf '%s\t%s\n' \
    "loi print --date 2016-01-01 L6123-1" "$loi"$'\t'--mirror$'\t'"$imp"$'\t'print$'\t'--date$'\t'2016-01-01$'\t'"$imp/$typ_rel" \
    "loi print L6123-1" "$loi"$'\t'--mirror$'\t'"$imp"$'\t'print$'\t'"$imp/$typ_rel" \
    "loi print --width 80 L6123-1" "$loi"$'\t'--mirror$'\t'"$imp"$'\t'print$'\t'--width$'\t'80$'\t'"$imp/$typ_rel" \
    "tput cols" tput$'\t'cols |
    walls "print L6123-1 ($tty)" "$TIMES"
jsonl=("$imp"/.loi/codes/*.jsonl)
printf '%s\t%s\n' \
    "loi changes --since 2025-01-01" "$loi"$'\t'--mirror$'\t'"$imp"$'\t'changes$'\t'--since$'\t'2025-01-01 \
    "grep -c '\"since\":\"202[5-9]' codes/*.jsonl" grep$'\t'-c$'\t''"since":"202[5-9]'"$(printf '\t%s' "${jsonl[@]}")" \
    "cat codes/*.jsonl" cat"$(printf '\t%s' "${jsonl[@]}")" |
    walls "changes, $(find "$imp" -name '*.md' | wc -l) articles, $(du -shc "${jsonl[@]}" | tail -1 | cut -f1) of metadata" "$TIMES"

echo
echo "== 4. print 300 articles: the first 300 numbers of code-du-travail.jsonl"
mapfile -t nums < <(head -300 "$imp/.loi/codes/code-du-travail.jsonl" | python3 -c 'import json,sys
for l in sys.stdin: print(json.loads(l)["num"])')
mapfile -t paths < <(head -300 "$imp/.loi/codes/code-du-travail.jsonl" | python3 -c 'import json,sys
for l in sys.stdin: print(json.loads(l)["path"])')
args=$(printf '\t%s' code-du-travail "${nums[@]}")
files=$(printf "\t$imp/%s" "${paths[@]}")
printf '%s\t%s\n' \
    "loi print --json (300, imported)" "$loi"$'\t'--mirror$'\t'"$imp"$'\t'print$'\t'--json"$args" \
    "loi print (300, imported)" "$loi"$'\t'--mirror$'\t'"$imp"$'\t'print"$args" \
    "loi print (300, plain)" "$loi"$'\t'--mirror$'\t'"$plain"$'\t'print"$args" \
    "loi print --json (300, plain)" "$loi"$'\t'--mirror$'\t'"$plain"$'\t'print$'\t'--json"$args" \
    "cat of their 300 files" "cat$files" |
    walls "print 300" $(( (TIMES + 2) / 3 ))
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
