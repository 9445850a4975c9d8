#!/usr/bin/env python3
"""Times loi opening hostile files: 10 MB articles of several shapes, one byte over the
limit, and tags nested 100,000 deep. Each in a pseudo-terminal of 80x24: the time from
start to the first screen showing the article's title, and from `q` to the exit.
Figures in docs/RELIABILITY.md.

usage: bench/hostile-open.py [RUNS] [LOI]  (loi from target/release by default)
"""
import fcntl, os, pty, select, statistics, struct, sys, tempfile, termios, time

runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
loi = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else "target/release/loi")
LIMIT = 10 * 1024 * 1024
DEPTH = 100_000


def cases():
    """(number, what it is, bytes) of each file."""
    def filled(num, unit, pad=b" ", size=LIMIT):
        head = f"# Article {num}\n\n".encode()
        count = (size - len(head)) // len(unit.encode())
        body = head + unit.encode() * count
        return count, body + pad * (size - len(body))
    n, data = filled("L1-1", "<p>1° Le texte de l'article, avec une "
                     "<a href='/code-du-travail/s/l1-9.md'>référence L. 1-9</a> et du texte.</p>")
    yield "L1-1", f"10 MB: {n:,} items, each with a link", data
    n, data = filled("L1-2", "<p>Le texte de l'article, sans aucune référence, et du texte encore.</p>")
    yield "L1-2", f"10 MB: {n:,} paragraphs, no link", data
    _, data = filled("L1-3", "Le texte de l'article, sans aucune balise, et du texte encore. ")
    yield "L1-3", "10 MB: one paragraph, no tag", data
    head = b"# Article L1-4\n\n<p>Le texte.</p>"
    yield "L1-4", "10 MB: one line, then white space", head + b" " * (LIMIT - len(head))
    head = b"# Article L1-5\n\n<p>Le texte.</p>"
    yield "L1-5", "10 MB + 1 byte", head + b" " * (LIMIT + 1 - len(head))
    yield "L1-6", "`<ul><li>` nested 100,000 deep (1.8 MB)", (
        "# Article L1-6\n\n" + "<ul><li>" * DEPTH + "fond" + "</li></ul>" * DEPTH
    ).encode()
    yield "L1-7", "`<b>` opened 100,000 times, never closed", (
        "# Article L1-7\n\n" + "<b>" * DEPTH + "fond").encode()
    yield "L1-8", "`<div>` nested 100,000 deep", (
        "# Article L1-8\n\n" + "<div>" * DEPTH + "fond" + "</div>" * DEPTH).encode()


def run(args, needle):
    """Seconds to the first output holding `needle` (None if it never comes), and from
    `q` to the exit."""
    start = time.time()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(loi, [loi] + args)
    out, shown, asked = b"", None, None
    deadline = start + 60
    while time.time() < deadline:
        if not select.select([fd], [], [], 1)[0]:
            continue
        try:
            data = os.read(fd, 65536)
        except OSError:
            break
        if not data:
            break
        out += data
        if shown is None and needle in out:
            shown = time.time() - start
            os.write(fd, b"q")
            asked = time.time()
    else:
        os.kill(pid, 9)
    os.waitpid(pid, 0)
    return shown, (time.time() - asked) if asked else None, out


with tempfile.TemporaryDirectory() as root:
    folder = os.path.join(root, "code-du-travail", "s")
    os.makedirs(folder)
    with open(os.path.join(folder, "l1-9.md"), "w") as f:
        f.write("# Article L1-9\n\n<p>Cible.</p>")
    print(f"| file | first screen (median of {runs}) | exit after q |")
    print("|---|---|---|")
    for num, what, data in cases():
        with open(os.path.join(folder, num.lower() + ".md"), "wb") as f:
            f.write(data)
        firsts, exits, refusal = [], [], None
        for _ in range(runs):
            shown, exit_time, out = run(["--mirror", root, num], f"Article {num}".encode())
            if shown is None:
                start = time.time()
                _, _, out = run(["--mirror", root, num], b"\0never")
                refusal = (time.time() - start, out.decode(errors="replace").strip())
                break
            firsts.append(shown)
            exits.append(exit_time)
        if refusal:
            print(f"| {what} | refused in {refusal[0]:.3f} s | |")
        else:
            print(f"| {what} | {statistics.median(firsts):.3f} s "
                  f"({min(firsts):.3f}–{max(firsts):.3f}) | {statistics.median(exits):.3f} s |")
