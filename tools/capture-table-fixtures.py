#!/usr/bin/env python3
"""Captures the `--output table` fixture corpus from the real AWS CLI v2.36.7.

Usage: python3 tools/capture-table-fixtures.py [--aws /opt/awscli-v2.36.7/aws] [--url URL]

Writes `test/fixtures/table/cases.json`:
[{name, title, width, color, tty, input, expected, error?, stderr?}].
`input` is JSON text (parse it with parseJson so ints and floats stay apart), `expected` the exact
stdout bytes of `aws ... --output table`, `error` the Python message when the CLI failed (exit
255; `aws: [ERROR]: ` and colour resets stripped; `stderr` keeps the raw bytes). `tty` says
stdout was a terminal: then, with colour on, colorama's exit handler writes one more `ESC[0m`
after everything (even after an empty table or an error). Nothing here re-implements the formatter: every expected output
is what the `aws` program printed.

- Width 80 runs with stdout on a pipe (not a TTY: the CLI's default width). Other widths run
  with stdout on a pseudo-terminal of that many columns, with output post-processing (OPOST)
  switched off so the pty adds no `\r`. `--no-cli-pager` keeps less out of the way, so colour
  output carries colorama's per-write resets.
- Inputs: every List operation of the seeded emulator (the same command with `--output json`
  gives the document the formatter sees: pages merged, NextToken last), queries over real data,
  and JSON literals fed through `--query '`...`'` for every shape.
"""
import argparse
import fcntl
import importlib.util
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OUT = os.path.join(ROOT, "test/fixtures/table/cases.json")

# The operation list of the text/yaml capture (one source of truth for what moto answers).
_spec = importlib.util.spec_from_file_location("capture_output", os.path.join(HERE, "capture-output-fixtures.py"))
_capture_output = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_capture_output)
OPERATIONS = _capture_output.OPERATIONS
QUERIES = _capture_output.QUERIES + [
    ["list-users", "Users[0].{Name: UserName}"],
    ["list-groups", "Groups[0].{Name: GroupName}"],
    ["list-users", "Users[].[UserName, UserId, Arn, CreateDate, Path]"],
    ["list-roles", "Roles[].[RoleName, Arn, Description]"],
    ["list-roles", "Roles[0]"],
    ["list-virtual-mfa-devices", "VirtualMFADevices[0]"],
]
# NextToken-bearing results (the merged document ends with NextToken).
PAGED = [
    ["list-users", "--max-items", "1"],
    ["list-users", "--max-items", "2"],
    ["list-user-policies", "--user-name", "alice", "--max-items", "1"],
    ["list-virtual-mfa-devices", "--max-items", "2"],
    ["list-roles", "--max-items", "1"],
    ["list-groups", "--max-items", "1"],
]
WIDTHS = [40, 80, 120, 200]
RESET = "\x1b[0m"


def literal_cases():
    """(name, value): every shape the table builder distinguishes, as JSON values."""
    cases = []

    def add(name, value):
        cases.append((name, value))

    # Top-level scalars: a title-only table, or nothing when falsy.
    for name, v in [("str", "alice"), ("str-empty", ""), ("int", 3), ("int-zero", 0), ("int-neg", -7),
                    ("float", 1.5), ("float-zero", 0.0), ("true", True), ("false", False), ("null", None)]:
        add(f"scalar/{name}", v)
    add("empty/list", [])
    add("empty/map", {})
    add("empty/in-map", {"a": [], "b": {}, "c": "", "d": "x"})
    # Lists of scalars and of lists.
    add("list/scalars", ["a", "b", "c"])
    add("list/scalars-mixed", [1, "a", None, True, False, 2.5, 0, "", 1e-05, 1e17, 2.0])
    add("list/lists", [["a", "b"], ["c", "d"]])
    add("list/lists-numbers", [[1, 2.0, None], [True, "x", 3]])
    add("list/nested-lists-flatten", [[1, [2, 3]], [4]])
    add("list/deep-lists", [[[[1]]]])
    add("list/single-list", [["only", "row"]])
    add("list/maps-after-scalar", ["a", {"k": 1}])
    add("list/maps-after-scalar-2", [[1, 2], {"k": 1, "l": 2}])
    add("list/lists-of-maps", [[{"a": 1}, {"a": 2}], [{"a": 3}]])
    add("list/lists-of-maps-children", [[{"a": 1, "c": [1]}, {"a": 2, "c": [2]}]])
    add("list/list-map-children-none-title", [[{"a": 1, "c": {"x": 1}}, {"a": 2}]])
    # Objects.
    add("map/single-key", {"Name": "g1"})
    add("map/single-key-int", {"n": 5})
    add("map/falsy-values", {"c": 0, "d": False, "e": None, "f": "", "a": [], "b": {}})
    add("map/two-keys", {"b": "x", "a": "y"})
    add("map/only-children", {"b": {"x": 1}, "a": [1, 2]})
    add("map/children-sorted", {"z": {"q": 1}, "a": {"q": 2}, "m": [{"q": 3}], "k": "v"})
    add("map/nested", {"a": {"b": {"c": {"d": 1, "e": 2}}}})
    add("map/nested-single", {"a": {"b": {"c": {"d": 1}}}})
    add("map/child-scalar-list", {"k": "v", "L": ["x", "y"]})
    add("map/child-empty-key", {"": [1, 2], "k": "v"})
    add("map/key-unicode-order", {"é": 1, "z": 2, "Z": 3, "ë": 4, "日": 5, "😀": 6, "\uffff": 7, "a": 8})
    add("map/key-int-like", {"2": "b", "1": "a", "10": "c", "b": 1, "B": 2, "_": 3})
    add("map/floats", {"a": 2.0, "b": 1e-05, "c": 1e17, "d": 0.1, "e": -1.5e-10, "f": 123456789.123})
    add("map/bools", {"t": True, "f": False, "n": None, "z": 0})
    # Lists of objects.
    add("objs/same-keys", [{"a": 1, "b": "x"}, {"a": 2, "b": "y"}])
    add("objs/differing-keys", [{"a": 1, "b": "x"}, {"a": 2, "c": True}, {"d": None}])
    add("objs/single-key", [{"a": 1}, {"a": 2}])
    add("objs/one", [{"a": 1, "b": 2}])
    add("objs/one-single-key", [{"a": 1}])
    add("objs/no-scalars", [{"a": [1]}, {"a": [2]}])
    add("objs/no-scalars-one", [{"a": {"x": 1}}])
    add("objs/empty-maps", [{"a": {}}, {"a": []}])
    add("objs/children", [{"n": 1, "T": [{"K": "a", "V": "b"}]}, {"n": 2, "T": []}, {"n": 3}])
    add("objs/children-map", [{"n": 1, "m": {"x": 1, "y": 2}}, {"n": 2, "m": {"x": 3}}])
    add("objs/scalar-and-object-same-key", [{"a": 1, "b": [1, "x"]}, {"a": 2, "b": "s"}])
    add("objs/object-then-scalar", [{"a": {"b": 2}}, {"a": 1}])
    add("objs/repr-in-cell", [{"a": "s"}, {"a": {"k": "it's", "l": [1, None, True, 2.0]}, "b": [1]}])
    add("objs/deep", {"L": [{"a": 1, "M": [{"b": 2, "N": [{"c": 3, "d": 4}]}]}]})
    add("objs/entities-for-policy", {
        "PolicyGroups": [{"GroupName": "admins", "GroupId": "AGPAEXAMPLE1"}],
        "PolicyUsers": [{"UserName": "alice", "UserId": "AIDAEXAMPLE1"}, {"UserName": "Zoë", "UserId": "AIDAEXAMPLE2"}],
        "PolicyRoles": [{"RoleName": "app-server", "RoleId": "AROAEXAMPLE1"}],
        "IsTruncated": False})
    add("objs/next-token", {"Users": [{"UserName": "alice", "Path": "/"}],
                            "NextToken": "eyJNYXJrZXIiOiBudWxsLCAiYm90b190cnVuY2F0ZV9hbW91bnQiOiAxfQ=="})
    # Widths: wide, ambiguous, combining characters, emoji.
    add("width/cafe", [["café", "x"], ["cafe", "y"]])
    add("width/cjk", {"k": "日本語", "l": "ab"})
    add("width/cjk-header", [{"名前": "x", "b": "日本語テキスト"}, {"名前": "yy", "b": "z"}])
    add("width/ambiguous", [["é", "ü", "à", "ß", "°", "±", "–", "—", "…"], ["ë", "ö", "ä", "ñ", "ç", "a", "b", "c", "d"]])
    add("width/combining", [["a\u0301", "e\u0308x"], ["ab", "cd"]])
    add("width/emoji", [["x😀y", "👍"], ["abcd", "ef"]])
    add("width/emoji-zwj", [["👨\u200d👩\u200d👧", "🇯🇵"], ["a", "b"]])
    add("width/fullwidth", [["ＡＢＣ", "ｱｲｳ"], ["abc", "def"]])
    add("width/title-wide", {"日本語日本語日本語日本語日本語日本語日本語日本語日本語": {"a": 1}})
    add("width/zoe", {"Users": [{"UserName": "Zoë", "Arn": "arn:aws:iam::123456789012:user/Zoë"}]})
    add("width/control", [["a\tb", "c"], ["a\nb", "d"]])
    # Long values (wider than the terminal) and tables that cannot flip.
    add("long/value", {"v": "x" * 150})
    add("long/values-2", {"v": "x" * 150, "w": "y"})
    add("long/row", {"a": "a" * 30, "b": "b" * 30, "c": "c" * 30})
    add("long/multi-row", [{"a": "a" * 40, "b": "b" * 40}, {"a": "c", "b": "d"}])
    add("long/multi-row-scalars", ["z" * 100, "y"])
    add("long/list-of-lists", [["a" * 50, "b" * 50], ["c", "d"]])
    add("long/key", {"k" * 90: "v", "other": "w"})
    add("long/title", {"T" * 100: [1, 2]})
    add("long/mixed-flip", {"a": "x" * 45, "b": "y" * 45, "L": [{"p": "q" * 20, "r": "s"}, {"p": "t", "r": "u"}],
                            "M": {"c": "d" * 50, "e": "f"}})
    add("long/nested-flip", {"A": {"B": {"C": {"x": "1" * 40, "y": "2" * 40}}}})
    add("scale/rounding", [{"a": "xxxxx", "b": "yyyyyyy"}, {"a": "1", "b": "2"}])
    add("scale/many-columns", [{k: k * n for n, k in enumerate("abcdefghij", 1)}, {"a": "z"}])
    add("scale/title-wider", {"Tagsxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx": [{"a": 1, "b": 2}, {"a": 3, "b": 4}]})
    # Rounding takes a column back below text + 4: the first cell loses its two spaces.
    add("scale/no-padding", [["x", "yy", "yy", "yy"]])
    add("scale/no-padding-nested", {"k": "v", "L": [["x", "yy", "yy", "yy"], ["x", "yy", "yy", "yy"]]})
    add("map/child-empty-key-object", {"": {"a": 1, "b": 2}, "k": "v"})
    # Errors (exit 255).
    add("error/list-int-keys", [{"a": [1]}, [0]])
    add("error/row-length", [1, [1, 2]])
    add("error/row-length-lists", [["a", "b"], ["c"]])
    add("error/map-after-list", [[1, 2], {"k": 1}])
    add("error/empty-map-after-scalar", ["a", {}])
    add("error/int-after-map", [{"a": 1}, 2])
    add("error/str-after-map", [{"a": 1}, "s"])
    add("error/empty-str-after-map", [{"a": 1}, ""])
    add("error/null-after-map", [{"a": 1}, None])
    add("error/bool-after-map", [{"a": 1}, True])
    add("error/float-after-map", [{"a": 1}, 1.5])
    add("error/list-after-map", [{"a": 1}, ["x"]])
    add("error/empty-list-after-map", [{"a": 1}, []])
    add("error/index-out-of-range", [[{"a": 1}], [{"a": 1, "b": 2}]])
    add("error/headers-then-row", [[1], [{"a": 1}]])
    add("error/nested", {"a": {"b": [1, [2, 3]]}})
    return cases


class Runner:
    def __init__(self, aws, url):
        self.aws = aws
        self.url = url
        self.env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
                        AWS_DEFAULT_REGION="us-east-1", LC_ALL="C.UTF-8", AWS_PAGER="",
                        AWS_CONFIG_FILE="/dev/null")
        for k in ("AWS_PROFILE", "AWS_DEFAULT_OUTPUT", "COLUMNS"):
            self.env.pop(k, None)

    def argv(self, args):
        return [self.aws, "--endpoint-url", self.url, "--no-cli-pager", "iam", *args]

    def pipe(self, args):
        p = subprocess.run(self.argv(args), env=self.env, capture_output=True, stdin=subprocess.DEVNULL)
        return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")

    def tty(self, args, cols):
        """Runs with stdout on a pty of `cols` columns (no output post-processing: no \\r)."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, cols, 0, 0))
        attrs = termios.tcgetattr(slave)
        attrs[1] &= ~termios.OPOST
        termios.tcsetattr(slave, termios.TCSANOW, attrs)
        p = subprocess.Popen(self.argv(args), env=self.env, stdout=slave, stderr=subprocess.PIPE,
                             stdin=subprocess.DEVNULL)
        os.close(slave)
        chunks = []
        while True:
            try:
                b = os.read(master, 65536)
            except OSError:
                break
            if not b:
                break
            chunks.append(b)
        err = p.stderr.read()
        p.wait()
        os.close(master)
        return p.returncode, b"".join(chunks).decode("utf-8"), err.decode("utf-8")

    def table(self, args, width, color):
        args = args + ["--output", "table", "--color", "on" if color else "off"]
        return self.pipe(args) if width == 80 else self.tty(args, width)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aws", default="/opt/awscli-v2.36.7/aws")
    ap.add_argument("--url")
    ap.add_argument("--jobs", type=int, default=max(2, (os.cpu_count() or 1) * 2))
    args = ap.parse_args()
    server = None
    url = args.url
    if not url:
        port = str(_capture_output.free_port())
        server = subprocess.Popen([sys.executable, os.path.join(ROOT, "test/server/moto_iam.py"), port],
                                  stdout=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        if not line.startswith("ready"):
            sys.exit("emulator did not start")
        url = line.split()[1]
    run = Runner(args.aws, url)
    try:
        # (name, title, argv without --output, literal value or None, [(width, color)])
        jobs = []
        every = [(w, c) for w in WIDTHS for c in (False, True)]
        for op in OPERATIONS + PAGED:
            jobs.append(("op/" + " ".join(op), op, None, every))
        for op, q in QUERIES:
            jobs.append((f"query/{op} {q}", [op, "--query", q], None, [(80, False), (80, True), (40, False), (120, False)]))
        for name, value in literal_cases():
            q = "`" + json.dumps(value, ensure_ascii=True).replace("`", "\\`") + "`"
            variants = [(80, False), (80, True), (40, False), (40, True), (120, False)]
            if name.startswith(("long/", "scale/", "width/")):
                variants += [(200, False), (120, True)]
            jobs.append(("lit/" + name, ["list-account-aliases", "--query", q], value, variants))

        def title_of(argv):
            return "".join(w.capitalize() for w in argv[0].split("-")).replace("Mfa", "MFA") \
                .replace("OpenIdConnect", "OpenIDConnect").replace("Saml", "SAML").replace("Ssh", "SSH")

        def capture(job):
            name, argv, value, variants = job
            if value is None:
                rc, out, err = run.pipe(argv + ["--output", "json"])
                if rc != 0:
                    print(f"skip {name}: rc {rc} {err.strip()[:100]}", file=sys.stderr)
                    return []
                input_text = out if out.strip() else "null"
            else:
                input_text = json.dumps(value, ensure_ascii=False)
                rc, out, _ = run.pipe(argv + ["--output", "json"])
                if rc == 0 and out.strip() and json.loads(out) != value:
                    raise RuntimeError(f"{name}: literal changed on the way: {out!r}")
            cases = []
            for width, color in variants:
                rc, out, err = run.table(argv, width, color)
                case = {"name": f"{name} [w{width}{' color' if color else ''}]", "title": title_of(argv),
                        "width": width, "color": color, "tty": width != 80, "input": input_text,
                        "expected": out}
                if rc != 0:
                    if rc != 255:
                        raise RuntimeError(f"{name}: rc {rc}: {err}")
                    # With colour on, colorama wraps stderr too: resets after each write.
                    case["error"] = err.replace(RESET, "").strip().removeprefix("aws: [ERROR]: ")
                    case["stderr"] = err
                # The first section's title is the operation name: check the name derived above.
                if "\n" in out and out.split("\n")[1].strip("| \x1b[0m") != case["title"]:
                    raise RuntimeError(f"{name}: title {case['title']!r} not in {out.splitlines()[1]!r}")
                cases.append(case)
            return cases

        with ThreadPoolExecutor(max_workers=args.jobs) as pool:
            results = [c for cs in pool.map(capture, jobs) for c in cs]
        os.makedirs(os.path.dirname(OUT), exist_ok=True)
        with open(OUT, "w", encoding="utf-8") as f:
            json.dump(results, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{len(results)} cases from {len(jobs)} inputs -> {os.path.relpath(OUT, ROOT)}")
    finally:
        if server:
            server.terminate()
            server.wait()


if __name__ == "__main__":
    main()
