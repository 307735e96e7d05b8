#!/usr/bin/env python3
"""Random (seeded) values through the CLI's own text and YAML formatters: a regression corpus
for the combinations hand-written cases miss (folding next to quotes, escapes and indents).

Usage: python3 tools/capture-random-output-cases.py [--cli-site /opt/awscli-v2.36.7/site] [N]

Runs under the CLI's interpreter (/usr/bin/python3) with the CLI's site directory on the path
and calls the very objects `aws` formats with (awscli.formatter.YAMLDumper, awscli.text), so
the outputs are the CLI's; tools/capture-output-fixtures.py covers the `aws` program end to end.
Writes test/fixtures/text/random-cases.json and test/fixtures/yaml/random-cases.json in the
same shape as the cases.json files next to them.
"""
import argparse
import io
import json
import os
import random
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)

ALPHABET = list("ab xyz:#-?'\"\t\n,[]{}&*!|>%@`.=~<0123456789eE+_") + [
    "é", "ß", "日", "😀", "\x85", "\u2028", "\xa0", "\ufeff", "\x00", "\r", "  ", "Zoë"]
WORDS = ["true", "null", "yes", "1", "2012-10-17", "1e3", "-", "a", "word", "longer-word", "0x1F",
         ".inf", "~", "#", ": "]
KEYS = ["Arn", "Key", "Value", "Tags", "a", "b"]


def random_string(rng):
    r = rng.random()
    if r < 0.2:
        return rng.choice(WORDS)
    if r < 0.35:  # long, with spaces: exercises folding at width 80
        pieces = (["abc", "de", "f", " ", " ", "  ", "x" * rng.randint(1, 30), "é", "😀", "\t", "'", "\n"]
                  if rng.random() < 0.3 else ["abcd", " ", "efg", "hi "])
        return "".join(rng.choice(pieces) for _ in range(rng.randint(60, 260) // 3))
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 12)))


def random_scalar(rng):
    r = rng.random()
    if r < 0.6:
        return random_string(rng)
    if r < 0.7:
        return rng.randint(-10**6, 10**6)
    if r < 0.8:
        return rng.choice([1.5, 2.0, 1e-05, 1e17, -0.0, 0.1, 3.14e100])
    if r < 0.9:
        return rng.choice([True, False])
    return None


def random_value(rng, depth=0):
    r = rng.random()
    if depth > 3 or r < 0.4:
        return random_scalar(rng)
    if r < 0.7:
        return {(random_string(rng) if rng.random() < 0.5 else rng.choice(KEYS)): random_value(rng, depth + 1)
                for _ in range(rng.randint(0, 5))}
    if rng.random() < 0.5:
        return [random_value(rng, depth + 1) for _ in range(rng.randint(0, 4))]
    keys = ["a", "b", "c", "Tags"]  # lists of objects with differing keys
    return [{k: random_value(rng, depth + 2) for k in rng.sample(keys, rng.randint(0, 3))}
            for _ in range(rng.randint(1, 3))]


def generate(count):
    from awscli import text
    from awscli.formatter import YAMLDumper

    rng = random.Random(20261122)
    dumper = YAMLDumper()
    text_cases, yaml_cases = [], []
    for i in range(count):
        value = random_value(rng)
        input_text = json.dumps(value, ensure_ascii=False)
        name = f"random/{i:04d}"
        if not (isinstance(value, dict) and not value):  # the formatter, not the dumper, drops {}
            out = io.StringIO()
            dumper.dump(value, out)
            yaml_cases.append({"name": name, "format": "yaml", "input": input_text, "expected": out.getvalue()})
        out = io.StringIO()
        dumper.dump([value], out)
        yaml_cases.append({"name": name, "format": "yaml-stream", "input": input_text, "expected": out.getvalue()})
        out = io.StringIO()
        case = {"name": name, "input": input_text}
        try:
            text.format_text(value, out)
        except AttributeError as e:
            case["error"] = str(e)
        case["expected"] = out.getvalue()
        text_cases.append(case)
    return text_cases, yaml_cases


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--cli-site", default="/opt/awscli-v2.36.7/site")
    ap.add_argument("count", type=int, nargs="?", default=300)
    ap.add_argument("--inner", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if not args.inner:  # re-run under the CLI's interpreter and path
        env = dict(os.environ, PYTHONPATH=args.cli_site)
        sys.exit(subprocess.call(["/usr/bin/python3", __file__, "--inner", str(args.count)], env=env))
    text_cases, yaml_cases = generate(args.count)
    for path, cases in (("test/fixtures/text/random-cases.json", text_cases),
                        ("test/fixtures/yaml/random-cases.json", yaml_cases)):
        with open(os.path.join(ROOT, path), "w", encoding="utf-8") as f:
            json.dump(cases, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{path}: {len(cases)} cases")


if __name__ == "__main__":
    main()
