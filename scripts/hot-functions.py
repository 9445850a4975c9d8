#!/usr/bin/env python3
"""Writes assets/hot-functions.txt: the functions loi runs to show an article, which
scripts/link-hot-first lays out first in the binary (why: in that script).

    cargo build --release && python3 scripts/hot-functions.py /tmp/corpus

Runs target/release/loi under valgrind's callgrind in a pseudo-terminal at 80x24 on
the extracted mirror: opening L6123-1 and quitting, opening the largest article and
quitting, then a short reading session (scroll, fold, references, search, contents).
Functions come in that order (sorted within each run): what opening needs first. Names lose the hash rustc
appends (the linker script matches them without it). Run it again when the start-up
path changes much; a stale list costs memory, never correctness.
"""

import os
import pty
import re
import select
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "assets", "hot-functions.txt")

# Keys of the reading session, each sent once the screen is still.
SESSION = ["j", "j", "j", "\t", "\r", "\x7f", " ", "b", "zR", "zM", "l", "h",
           "/emploi\r", "n", "\x1b", "]", "[", "t", "\x1b", "gL6123-2\r", "?", "q", "q"]


def find(mirror, name):
    for folder, _, files in os.walk(mirror):
        if name in files:
            return os.path.join(folder, name)
    sys.exit(f"{name} is not in {mirror}")


def drive(cmd, keys, env):
    """Runs cmd in an 80x24 pseudo-terminal, sending each key once output pauses."""
    pid, fd = pty.fork()
    if pid == 0:
        os.execvpe(cmd[0], cmd, env)
    import fcntl, struct, termios
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))

    def settle(quiet=1.5, limit=60):
        start = last = time.time()
        while time.time() - last < quiet and time.time() - start < limit:
            ready, _, _ = select.select([fd], [], [], 0.2)
            if ready:
                try:
                    if os.read(fd, 65536):
                        last = time.time()
                except OSError:
                    return

    settle(quiet=3)
    for key in keys:
        os.write(fd, key.encode())
        settle()
    os.waitpid(pid, 0)


def functions(profile):
    names = []
    for line in open(profile, encoding="utf-8", errors="replace"):
        m = re.match(r"^c?fn=\(\d+\) (.+)$", line.rstrip("\n"))
        # Only symbols: callgrind names code it has no symbol for by its address
        # (`0x…`, which means nothing in another build) or `(below main)`.
        if m and not re.match(r"^(0x[0-9a-f]+|\(.*\))$", m.group(1)):
            names.append(key(m.group(1)))
    return names


def key(symbol):
    """The name without callgrind's recursion mark, LLVM's suffix or rustc's hash."""
    symbol = re.sub(r"'\d+$", "", symbol)
    symbol = re.sub(r"\.\d+$", "", symbol)
    return re.sub(r"17h[0-9a-f]{16}E$", "E", symbol)


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    mirror = sys.argv[1]
    loi = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "target/release/loi")
    typical = find(mirror, "l6123-1.md")
    largest = find(mirror, "annexe-i-a-larticle-r4312-1.md")
    with tempfile.TemporaryDirectory() as home:
        env = dict(os.environ, TERM="xterm-256color", XDG_CACHE_HOME=home + "/cache",
                   XDG_DATA_HOME=home + "/data", XDG_CONFIG_HOME=home + "/config")
        # The index is built once beforehand: a reader finds it in the cache.
        subprocess.run([loi, "--mirror", mirror, "links", "L6123-1"], env=env,
                       stdout=subprocess.DEVNULL, check=True)
        order, seen = [], set()
        for n, (article, keys) in enumerate([(typical, ["q"]), (largest, ["q"]),
                                             (typical, SESSION)]):
            profile = f"{home}/callgrind.{n}"
            drive(["valgrind", "--tool=callgrind", "--demangle=no",
                   f"--callgrind-out-file={profile}", loi, "--mirror", mirror, article],
                  keys, env)
            # Sorted within each run: the order inside the group does not matter to
            # the memory, and a stable one keeps the list's diffs readable.
            new = sorted(set(functions(profile)) - seen)
            seen.update(new)
            order.extend(new)
    with open(OUT, "w", encoding="utf-8") as out:
        out.write("# Written by scripts/hot-functions.py: the functions loi runs to show an\n"
                  "# article, laid out first by scripts/link-hot-first. Names without rustc's hash.\n")
        out.write("\n".join(order) + "\n")
    print(f"{len(order)} functions written to {OUT}")


if __name__ == "__main__":
    main()
