"""Interleaved first frames of the largest (or any) article: each loi binary given and less,
ROUNDS rounds of RUNS tuiperf runs each, so that the machine's drift hits all alike.

    python3 bench/first-frames.py ROUNDS RUNS FILE_NAME MIRROR LOI_BINARY...
    python3 bench/first-frames.py 6 9 annexe-i-a-larticle-r4312-1.md /tmp/corpus target/release/loi

Prints the median of all runs, its ratio to less's, and the median VmHWM."""
import json, os, shutil, statistics, subprocess, sys, tempfile
rounds, runs, name, mirror = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3], sys.argv[4]
bins = sys.argv[5:]
art = subprocess.run(["find", mirror, "-name", name], capture_output=True, text=True).stdout.split()[0]
cache = tempfile.mkdtemp()
subprocess.run([bins[0], "--mirror", mirror, "links", "L6123-1"], env=dict(os.environ, XDG_CACHE_HOME=cache), stdout=subprocess.DEVNULL)
res = {b: [] for b in bins + ["less"]}
mem = {b: [] for b in bins + ["less"]}
T = os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../shared/bench/tuiperf")
for r in range(rounds):
    for b in bins + ["less"]:
        out = cache + "/r.json"
        if b == "less":
            cmd = [T, "--runs", str(runs), "--warmup", "1", "--json", out, "--until", "# Article ", "--", "less", art]
        else:
            cmd = [T, "--runs", str(runs), "--warmup", "1", "--json", out, "--env", f"XDG_CACHE_HOME={cache}", "--until", "Article ", "--", b, "--mirror", mirror, art]
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)
        d = json.load(open(out))
        res[b] += [x["first_frame_ms"] for x in d["runs"]]
        mem[b] += [x["hwm_kb"] for x in d["runs"]]
lm = statistics.median(res["less"])
for b in res:
    v = res[b]
    print(f"{b:36} first frame median {statistics.median(v):5.2f} ms (x{statistics.median(v)/lm:.2f} less)  q1 {(statistics.quantiles(v)[0] if len(v) > 1 else v[0]):5.2f}  min {min(v):5.2f}  n={len(v)}  VmHWM {statistics.median(mem[b])} kB")
shutil.rmtree(cache)
