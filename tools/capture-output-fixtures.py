#!/usr/bin/env python3
"""Captures the text / yaml / yaml-stream fixture corpora from the real AWS CLI v2.36.7.

Usage: python3 tools/capture-output-fixtures.py [--aws /opt/awscli-v2.36.7/aws] [--url URL]

Every expected output comes from the real CLI (no Python re-implementation): command lines run
through the CLI's own entry point in a few long-lived processes (tools/aws-inprocess-driver.py,
~20x faster than one `aws` process per line), and a sample (--verify) is re-run through the
`aws` program itself and must match byte for byte. The corpora are the specification the
TypeScript formatters are tested against:
- `test/fixtures/text/cases.json`  [{name, input, expected, error?}]
- `test/fixtures/yaml/cases.json`  [{name, format: "yaml"|"yaml-stream", input, expected}]
`input` is JSON text (parse it with parseJson so ints and floats stay apart); `expected` is the
exact stdout; `error` is the stderr message when the CLI failed (exit 255).

Two sources of inputs:
1. The seeded IAM emulator (started here unless --url is given): every List operation moto
   answers, with and without --query. moto's IDs and dates are random, so the input is
   captured from the same command with `--output json` (text/yaml: the merged document, which
   is the single page the text formatter sees when everything fits in one page;
   yaml-stream: `--no-paginate`, the raw page with IsTruncated/Marker).
2. JSON literals fed through `--query '`...`'`, covering every shape and quoting rule.
"""
import argparse
import json
import os
import queue
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ACCOUNT = "123456789012"
POLICY = f"arn:aws:iam::{ACCOUNT}:policy/ReadOnlyAudit"

# Operations with the parameters the seeded data needs. Six List operations are missing because
# moto answers them with HTTP 500 (list-delegation-requests, list-organizations-features,
# list-policies-granting-service-access, list-service-specific-credentials,
# list-mfa-device-tags, list-server-certificate-tags); their shapes are covered by literals.
OPERATIONS = [
    ["list-access-keys", "--user-name", "carol"],
    ["list-access-keys", "--user-name", "alice"],
    ["list-account-aliases"],
    ["list-attached-group-policies", "--group-name", "admins"],
    ["list-attached-role-policies", "--role-name", "app-server"],
    ["list-attached-user-policies", "--user-name", "alice"],
    ["list-entities-for-policy", "--policy-arn", POLICY],
    ["list-group-policies", "--group-name", "developers"],
    ["list-groups"],
    ["list-groups-for-user", "--user-name", "alice"],
    ["list-groups-for-user", "--user-name", "Zoë"],
    ["list-instance-profile-tags", "--instance-profile-name", "web"],
    ["list-instance-profiles"],
    ["list-instance-profiles-for-role", "--role-name", "app-server"],
    ["list-mfa-devices", "--user-name", "alice"],
    ["list-mfa-devices"],
    ["list-open-id-connect-provider-tags", "--open-id-connect-provider-arn",
     f"arn:aws:iam::{ACCOUNT}:oidc-provider/token.actions.githubusercontent.com"],
    ["list-open-id-connect-providers"],
    ["list-policies", "--scope", "Local"],
    ["list-policy-tags", "--policy-arn", POLICY],
    ["list-policy-versions", "--policy-arn", POLICY],
    ["list-role-policies", "--role-name", "app-server"],
    ["list-role-tags", "--role-name", "app-server"],
    ["list-roles"],
    ["list-saml-provider-tags", "--saml-provider-arn", f"arn:aws:iam::{ACCOUNT}:saml-provider/corp-idp"],
    ["list-saml-providers"],
    ["list-ssh-public-keys", "--user-name", "alice"],
    ["list-server-certificates"],
    ["list-signing-certificates"],
    ["list-user-policies", "--user-name", "alice"],
    ["list-user-tags", "--user-name", "Zoë"],
    ["list-user-tags", "--user-name", "alice"],
    ["list-users"],
    ["list-users", "--path-prefix", "/nomatch/"],
    ["list-virtual-mfa-devices"],
    ["list-virtual-mfa-devices", "--assignment-status", "Unassigned"],
]

# Queries over real data: projections, single objects, bare lists, top-level scalars.
QUERIES = [
    ["list-users", "Users[].UserName"],
    ["list-users", "Users[0]"],
    ["list-users", "Users[].[UserName, Path]"],
    ["list-users", "Users[].{N: UserName, P: Path, T: Tags}"],
    ["list-users", "length(Users)"],
    ["list-users", "Users[0].UserName"],
    ["list-users", "Users[?UserName=='nobody']"],
    ["list-users", "Users[0].Tags"],
    ["list-roles", "Roles[].RoleName"],
    ["list-roles", "Roles[].{D: Description, N: RoleName}"],
    ["list-roles", "Roles[].AssumeRolePolicyDocument"],
    ["list-roles", "Roles[0].AssumeRolePolicyDocument.Statement"],
    ["list-roles", "Roles[].[RoleName, MaxSessionDuration]"],
    ["list-roles", "Roles[?RoleName=='longdesc'].Description | [0]"],
    ["list-virtual-mfa-devices", "VirtualMFADevices[].User"],
    ["list-virtual-mfa-devices", "VirtualMFADevices[].SerialNumber"],
    ["list-virtual-mfa-devices", "VirtualMFADevices[].EnableDate"],
    ["list-policies", "Policies[].{A: Arn, D: IsAttachable, C: AttachmentCount}"],
    ["list-saml-providers", "SAMLProviderList[0]"],
    ["list-groups", "Groups[].[GroupName, [Path, GroupId]]"],
]


def literal_cases():
    """(name, value) pairs: every shape and YAML quoting rule, as JSON values."""
    cases = []

    def add(name, value):
        cases.append((name, value))

    # Scalars of every type, at the top level and inside containers.
    scalars = [
        ("str", "alice"), ("str-empty", ""), ("int", 3), ("int-zero", 0), ("int-neg", -7),
        ("int-big", 9007199254740991), ("float", 1.5), ("float-int", 2.0), ("float-small", 1e-05),
        ("float-big", 1e17), ("float-neg", -0.25), ("float-zero", 0.0), ("float-neg-zero", -0.0),
        ("float-long", 0.30000000000000004), ("float-1e16", 1e16), ("float-123e-7", 1.23e-7),
        ("float-huge", 1.5e300), ("true", True), ("false", False), ("null", None),
        ("str-unicode", "Zoë"), ("str-quote", "it's"), ("str-tab", "x\ty"), ("str-newline", "a\nb"),
        ("str-date", "2012-10-17"), ("str-yes", "yes"), ("str-true", "true"), ("str-num", "123"),
        ("str-emoji", "x😀y"), ("str-cjk", "日本語"),
    ]
    for name, v in scalars:
        add(f"scalar/{name}", v)
        add(f"in-map/{name}", {"v": v})
        add(f"in-list/{name}", [v])

    # Strings that need (or look like they need) quoting in YAML; each inside a map.
    strings = [
        # YAML 1.2 core types
        "true", "True", "TRUE", "false", "False", "FALSE", "tRue",
        "null", "Null", "NULL", "~", "nULL",
        "yes", "no", "Yes", "NO", "on", "off", "On", "y", "n", "Y", "N",
        "1", "012", "0x1F", "0x1f", "0o17", "0b101", "1_000", "-1", "+1", "_", "-_", "0_",
        "0xG", "0o8", "08", "09", "1__", "+_",
        "1.0", "1.", ".5", "-.5", "+.5", "1e3", "1E3", "1e+3", "1.5e-3", ".inf", "-.inf", "+.inf",
        ".Inf", ".INF", ".nan", ".NaN", ".NAN", "-.nan", "inf", "nan", "1e", "e3", ".", "..",
        ".5e3", ".5e+3", "1_000.5", "1.2.3", "12:30", "12:30:45", "1:2", "190:20:30",
        # dates and timestamps
        "2012-10-17", "2026-11-22T20:02:44+00:00", "2026-11-22T20:02:44.647169+00:00",
        "2001-12-14t21:59:43.10-05:00", "2001-12-14 21:59:43.10 -5", "2001-12-14 21:59:43.10",
        "2002-12-14", "2002-1-14", "2002-12-14T", "20021214", "2002-12-14x", "2001-12-14T21:59:43Z",
        "2001-12-14T21:59:43", "2001-12-14\t21:59:43", "2001-12-14  21:59:43.10 Z",
        # indicators at the start
        "-", "- a", "-a", "--", "---", "--- a", "...", "... a", "?", "? a", "?a", ":", ": a", ":a",
        "#", "#a", "&a", "*a", "!a", "|a", ">a", "'a", '"a', "%a", "@a", "`a", "[a", "]a", "{a",
        "}a", ",a", "=", "==", "<<", "<", "<<a",
        # indicators inside
        "a: b", "a:b", "a:", "a :", "a #b", "a#b", "a #", "a, b", "a,b", "a[b]", "a{b}", "a?b",
        "a ?", "x]", "x,y", "a - b", "a -", "a'b", 'a"b', "a\\b", "a|b", "a>b", "a!b", "a&b",
        "a*b", "a%b", "a@b", "a`b",
        "arn:aws:iam::123456789012:user/alice", "/", "/eng/", "sts:AssumeRole", "iam:List*",
        "*", "https://token.actions.githubusercontent.com", "s3:*", "a: ", " :a",
        # whitespace
        " a", "a ", " ", "  ", "a  b", "a   b", "\ta", "a\t", "x\ty",
        # line breaks
        "a\nb", "a\n\nb", "\na", "a\n", "a\n\n", "\n", "a \nb", "a\n b", "a\r\nb", "a\rb",
        "line1\nline2\nline3", "it's\nhere", "a\u2028b", "a\u2029b", "a\x85b",
        # special characters
        "a\x00b", "a\x07b", "a\x08b", "a\x0bb", "a\x0cb", "a\x1bb", "a\x01b", "a\x7fb", "a\x80b",
        "a\x9fb", "a\xa0b", "\xa0", "a\u200bb", "a\ufeffb", "\ufeff", "a\ufffdb", "a\ufffeb",
        "a\ue000b", "x😀y", "😀", "a\U0010ffffb", "Zoë Ångström", "é", "ß", "日本語テキスト",
        "Ελληνικά", "עברית", "a\u0301",
        # long strings: folding at width 80
        "This is a deliberately long role description that exceeds eighty characters so that folding kicks in",
        "word " * 30 + "end",
        "x" * 120,
        "x" * 79 + " " + "y" * 10,
        "x" * 80 + " " + "y" * 10,
        "x" * 81 + " " + "y" * 10,
        "a " * 60,
        "a  " * 40 + "b",
        "short words " * 12,
        "ab" * 30 + " " + "cd" * 30 + " " + "ef" * 30,
        "a" * 75 + "  " + "b" * 10 + " c",
        "'" + "quoted text " * 10 + "'",
        "true " + "filler " * 15,
        "- " + "item " * 20,
        "long with tab\t" + "word " * 20,
        "long with emoji 😀 " + "word " * 20,
        "long with newline\n" + "word " * 20 + "\nand more " + "words " * 15,
        "ünïcödé " * 15,
        "日本語 " * 30,
        "x" * 70 + " " + "y\ty " * 5 + "z" * 30,
        "k" * 78 + " " * 3 + "z" * 10,
        "q" * 77 + " a b c d e f g",
    ]
    for i, s in enumerate(strings):
        add(f"string/{i:03d}/{json.dumps(s)[:40]}", {"v": s})
    # The same strings as list items (a different indent) and a handful as keys.
    for i, s in enumerate(strings[::3]):
        add(f"list-string/{i:03d}/{json.dumps(s)[:40]}", [s, "z"])
    keys = ["true", "1", "2012-10-17", "a: b", "- a", "", " x", "x\ty", "a\nb", "Zoë", "ß",
            "yes", "~", "#x", "x" * 130, "y" * 127, "é" * 70, "[a]", "?", "k " * 50]
    for i, k in enumerate(keys):
        add(f"key/{i:03d}/{json.dumps(k)[:40]}", {k: "v", "m": 1})
    add("key/long-nested", {"x" * 130: {"a": 1}, "y" * 130: [1, 2], "z" * 130: "v w " * 30})
    add("key/multiline-nested", {"a\nb": {"a": 1}, "c\nd": [1], "e\nf": []})

    # Containers and nesting.
    add("empty/list", [])
    add("empty/map", {})
    add("empty/in-map", {"a": [], "b": {}, "c": ""})
    add("empty/in-list", [[], {}, ""])
    add("empty/list-of-empties", [[], []])
    add("nested/list-of-lists", [[1, 2], [3, [4, 5]], []])
    add("nested/list-in-list-in-map", {"a": [[1, 2], ["x", {"b": 1}]]})
    add("nested/map-in-map", {"a": {"b": {"c": {"d": 1}}}})
    add("nested/map-in-list-in-map", {"a": [{"b": [{"c": 1, "d": [1, 2]}]}]})
    add("nested/list-of-maps-different-keys", [{"a": 1, "b": "x"}, {"a": 2, "c": True}, {"d": None}])
    add("nested/list-of-maps-nested-values", [{"a": 1, "n": {"x": 1}}, {"a": 2, "n": [1, 2]}])
    add("nested/key-scalar-then-object", [{"a": 1}, {"a": {"b": 2}}, {"a": [1, "x"]}])
    add("nested/key-object-then-scalar", [{"a": {"b": 2}}, {"a": 1}])
    add("nested/map-with-lists", {"b": [1, 2], "a": ["x", "y"], "c": 3})
    add("nested/scalar-list-mixed", [1, "a", None, True, 2.5])
    add("nested/list-mixed-lists-scalars", [1, [2, 3], "a", [4, [5]]])
    add("nested/deep-lists", [[[[1]]]])
    add("nested/list-of-empty-maps", [{}, {}])
    add("nested/list-of-maps-some-empty", [{}, {"a": 1}, {}])
    add("nested/list-of-lists-of-maps", [[{"a": 1}, {"b": 2}], [{"c": 3}]])
    add("nested/map-of-empty-map", {"a": {}})
    add("nested/map-only-children", {"b": {"x": 1}, "a": [1, 2]})
    add("nested/children-sorted", {"z": {"q": 1}, "a": {"q": 2}, "m": [{"q": 3}], "k": "v"})
    add("nested/bools-none", {"t": True, "f": False, "n": None})
    add("nested/floats", {"a": 2.0, "b": 1e-05, "c": 1e17, "d": 0.1, "e": -1.5e-10, "f": 123456789.123})
    add("nested/numbers-in-list", [1, 2.0, 1e-05, 1e17, -3])
    add("keys/int-like-order", {"2": "b", "1": "a", "10": "c", "b": 1, "B": 2, "_": 3, "a": 4})
    add("keys/unicode-order", {"é": 1, "z": 2, "Z": 3, "ë": 4, "日": 5, "😀": 6, "\uffff": 7, "a": 8})
    add("keys/ident-upper", {"zoë": [1], "straße": [2], "ǆ": [3], "ﬁx": [4], "iİı": [5]})
    add("keys/ident-upper-maps", {"zoë": {"a": 1}, "ß": [{"a": 1}]})
    add("text/tabs-in-values", {"a": "x\ty", "b": ["p\tq", "r"]})
    add("text/newlines-in-values", {"a": "x\ny", "b": "z"})
    add("text/scalar-lists-with-ident", {"Names": ["a", "b", "c"], "Nums": [1, 2]})
    add("text/ident-list-of-lists", {"L": [["a", "b"], ["c"]]})
    add("text/ident-list-mixed", {"L": ["a", ["b", "c"], "d"]})
    add("text/nested-ident-objects", {"Outer": {"Inner": {"x": 1}, "y": 2}})
    add("text/list-of-maps-with-children", {"Items": [{"n": 1, "Tags": [{"Key": "a", "Value": "b"}]},
                                                      {"n": 2, "Tags": []}]})
    add("text/map-with-map-and-scalars", {"a": 1, "b": {"c": 2}, "d": "x"})
    add("text/str-of-list-in-column", [{"a": 1}, {"a": [1, "x", None, True, 2.0]}])
    add("text/str-of-map-in-column", [{"a": "s"}, {"a": {"k": "it's", "l": [1]}}])
    add("text/float-in-column", [{"a": 1.0}, {"a": 1e-05}])
    add("text/none-in-column", [{"a": None, "b": "x"}])
    # Errors of the text formatter: a list mixing objects and non-objects.
    for name, other in [("int", 2), ("str", "s"), ("null", None), ("list", [1]), ("bool", True),
                        ("float", 1.5)]:
        add(f"text-error/mixed-{name}", [{"x": 1}, other])
    add("text-error/mixed-first", [3, {"x": 1}])
    add("text-error/partial-output", {"a": 1, "b": [{"x": 1}, 2], "c": 3})
    add("text-error/nested", {"a": {"b": [{"x": 1}, 2]}, "z": "after"})

    # Shapes of the operations moto cannot answer (documented response shapes).
    add("shape/list-service-specific-credentials", {"ServiceSpecificCredentials": [
        {"UserName": "alice", "Status": "Active", "ServiceUserName": "alice-at-123456789012",
         "CreateDate": "2026-11-22T20:02:44+00:00", "ServiceSpecificCredentialId": "ACCA1234567890EXAMPLE",
         "ServiceName": "codecommit.amazonaws.com"}]})
    add("shape/list-policies-granting-service-access", {"PoliciesGrantingServiceAccess": [
        {"ServiceNamespace": "iam", "Policies": [
            {"PolicyName": "ReadOnlyAudit", "PolicyType": "MANAGED",
             "PolicyArn": "arn:aws:iam::123456789012:policy/ReadOnlyAudit"},
            {"PolicyName": "inline-billing", "PolicyType": "INLINE", "EntityType": "USER",
             "EntityName": "alice"}]}], "IsTruncated": False})
    add("shape/list-organizations-features", {"OrganizationId": "o-abc123",
                                              "EnabledFeatures": ["RootCredentialsManagement", "RootSessions"]})
    add("shape/list-delegation-requests", {"DelegationRequests": [
        {"DelegationRequestId": "dr-1", "OwnerAccountId": "123456789012", "Description": "Grant",
         "PermissionPolicy": "{}", "RolePermissionRestrictionArns": [], "State": "PENDING",
         "ExpirationTime": "2026-12-01T00:00:00+00:00", "RequestorId": "x",
         "CreateDate": "2026-11-22T20:02:44+00:00", "SessionDuration": 3600}], "isTruncated": False})
    add("shape/list-mfa-device-tags", {"Tags": [{"Key": "purpose", "Value": "dev"}]})
    add("shape/list-server-certificate-tags", {"Tags": []})
    return cases


DRIVERS = max(1, min(4, os.cpu_count() or 1))


class Driver:
    """One long-lived CLI process (tools/aws-inprocess-driver.py) running command lines in turn."""

    def __init__(self, aws_script, env):
        site = os.path.join(os.path.dirname(os.path.realpath(aws_script)), "site")
        self.proc = subprocess.Popen(
            ["/usr/bin/python3", os.path.join(HERE, "aws-inprocess-driver.py")],
            env=dict(env, PYTHONPATH=site), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            encoding="utf-8")

    def run(self, argv):
        self.proc.stdin.write(json.dumps(argv) + "\n")
        self.proc.stdin.flush()
        r = json.loads(self.proc.stdout.readline())
        return r["rc"], r["out"], r["err"]

    def close(self):
        self.proc.stdin.close()
        self.proc.wait()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--aws", default="/opt/awscli-v2.36.7/aws")
    ap.add_argument("--url")
    ap.add_argument("--verify", type=int, default=40, help="jobs re-run through the aws program")
    args = ap.parse_args()
    env = dict(os.environ, AWS_ACCESS_KEY_ID="testing", AWS_SECRET_ACCESS_KEY="testing",
               AWS_DEFAULT_REGION="us-east-1", LC_ALL="C.UTF-8", AWS_PAGER="")
    for k in ("AWS_PROFILE", "AWS_DEFAULT_OUTPUT", "AWS_CONFIG_FILE"):
        env.pop(k, None)
    env["AWS_CONFIG_FILE"] = "/dev/null"
    server = None
    url = args.url
    if not url:
        port = free_port()
        server = subprocess.Popen([sys.executable, os.path.join(ROOT, "test/server/moto_iam.py"), str(port)],
                                  stdout=subprocess.PIPE, text=True)
        line = server.stdout.readline()
        if not line.startswith("ready"):
            sys.exit("emulator did not start")
        url = line.split()[1]
    drivers = [Driver(args.aws, env) for _ in range(DRIVERS)]
    free = queue.Queue()
    for d in drivers:
        free.put(d)
    try:
        def aws(argv):
            d = free.get()
            try:
                return d.run(["--endpoint-url", url, "--no-cli-pager", "iam", *argv])
            finally:
                free.put(d)

        def aws_subprocess(argv):
            p = subprocess.run([args.aws, "--endpoint-url", url, "--no-cli-pager", "iam", *argv],
                               env=env, capture_output=True)
            return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")

        jobs = []  # (kind, name, fmt, argv_for_input, argv_for_expected, literal_input)
        for op in OPERATIONS:
            name = "op/" + " ".join(op)
            jobs.append(("op", name, "text", op + ["--output", "json"], op + ["--output", "text"], None))
            jobs.append(("op", name, "yaml", op + ["--output", "json"], op + ["--output", "yaml"], None))
            jobs.append(("op", name, "yaml-stream", op + ["--no-paginate", "--output", "json"],
                         op + ["--output", "yaml-stream"], None))
        for op, q in QUERIES:
            name = f"query/{op} {q}"
            base = [op, "--query", q]
            for fmt in ("text", "yaml", "yaml-stream"):
                jobs.append(("op", name, fmt, base + ["--output", "json"], base + ["--output", fmt], None))
        for name, value in literal_cases():
            q = "`" + json.dumps(value, ensure_ascii=True).replace("`", "\\`") + "`"
            base = ["list-account-aliases", "--query", q]
            for fmt in ("text", "yaml", "yaml-stream"):
                if name.startswith("text") and fmt != "text":
                    continue
                jobs.append(("lit", name, fmt, None, base + ["--output", fmt], value))

        def run(job):
            kind, name, fmt, in_argv, out_argv, value = job
            if kind == "op":
                rc, out, err = aws(in_argv)
                if rc != 0:
                    return None
                doc = json.loads(out) if out.strip() else {}
                if fmt == "text" and isinstance(doc, dict) and "NextToken" in doc:
                    return None  # several text documents; not a single-document case
                input_text = out if out.strip() else "{}"
            else:
                input_text = json.dumps(value, ensure_ascii=False)
            rc, out, err = aws(out_argv)
            case = {"name": name, "input": input_text, "expected": out}
            if fmt != "text":
                case["format"] = fmt
            if rc != 0:
                if fmt != "text":
                    raise RuntimeError(f"{name} {fmt}: rc {rc}: {err}")
                case["error"] = err.strip().removeprefix("aws: [ERROR]: ")
            # Sanity check: the literal really went through unchanged.
            if kind == "lit":
                rc2, jout, _ = aws(out_argv[:-1] + ["json"])
                if rc2 == 0 and jout.strip() and json.loads(jout) != value:
                    raise RuntimeError(f"{name}: literal changed on the way: {jout!r}")
            return fmt, case

        with ThreadPoolExecutor(max_workers=DRIVERS) as pool:
            results = [r for r in pool.map(run, jobs) if r]
        # The in-process driver must agree with the `aws` program itself: re-run a sample.
        for job in jobs[:: max(1, len(jobs) // args.verify)] if args.verify else []:
            argv = job[4]
            if aws(argv) != aws_subprocess(argv):
                raise RuntimeError(f"in-process run differs from `aws` for {argv}")
        print(f"{len(jobs)} command lines; {args.verify} re-checked against the aws program")
    finally:
        for d in drivers:
            d.close()
        if server:
            server.terminate()
            server.wait()

    text_cases = [c for fmt, c in results if fmt == "text"]
    yaml_cases = [c for fmt, c in results if fmt != "text"]
    for path, cases in (("test/fixtures/text/cases.json", text_cases),
                        ("test/fixtures/yaml/cases.json", yaml_cases)):
        with open(os.path.join(ROOT, path), "w", encoding="utf-8") as f:
            json.dump(cases, f, ensure_ascii=False, indent=1)
            f.write("\n")
        print(f"{path}: {len(cases)} cases")


if __name__ == "__main__":
    main()
