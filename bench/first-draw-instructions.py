"""Instructions loi runs up to its first draw (callgrind, noise-free), in an 80x24
pseudo-terminal with a warm index: the figure to compare between two builds.

    python3 bench/first-draw-instructions.py LOI MIRROR ARTICLE_FILE [TOP_N]

With TOP_N, also prints callgrind_annotate's first TOP_N lines (inclusive costs).
Needs valgrind."""
import glob, importlib.util, os, subprocess, sys, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
spec = importlib.util.spec_from_file_location("hf", os.path.join(HERE, "../scripts/hot-functions.py"))
hf = importlib.util.module_from_spec(spec)
spec.loader.exec_module(hf)
if len(sys.argv) < 4:
    sys.exit(__doc__)
loi, mirror, article = sys.argv[1:4]
home = tempfile.mkdtemp()
env = dict(os.environ, TERM="xterm-256color", XDG_CACHE_HOME=home + "/cache",
           XDG_DATA_HOME=home + "/data", XDG_CONFIG_HOME=home + "/config")
subprocess.run([loi, "--mirror", mirror, "links", "L6123-1"], env=env,
               stdout=subprocess.DEVNULL, check=True)
out = home + "/cg.out"
hf.drive(["valgrind", "--tool=callgrind", "--dump-after=loi::screen::draw",
          f"--callgrind-out-file={out}", loi, "--mirror", mirror, article], ["q"], env)
first = sorted(glob.glob(out + ".1")) or sorted(glob.glob(out + "*"))
for line in open(first[0]):
    if line.startswith("summary:"):
        print(f"{int(line.split()[1]):,} instructions to the first draw")
if len(sys.argv) > 4:
    os.system(f"callgrind_annotate --inclusive=yes {first[0]} | head -{int(sys.argv[4])}")
