"""Runs many AWS CLI command lines in one Python process (used by capture-output-fixtures.py).

Run with the CLI's own interpreter and PYTHONPATH (`/usr/bin/python3`, `<cli>/site`). Reads one
JSON array of arguments per line on stdin (or an object {"argv": [...], "env": {...}} whose env
is set for that run and removed after) and answers one JSON line {rc, out, err} on stdout.
It calls the CLI's own entry point, so the output is byte for byte what `aws` prints; it only
saves the ~0.7 s interpreter and import start-up of each `aws` run.
"""
import io
import json
import os
import sys

from awscli.clidriver import main as _unused  # noqa: F401  (fail early if the path is wrong)
from awscli.clidriver import AWSCLIEntryPoint
from botocore.context import start_as_current_context

real_stdout = sys.stdout
for line in sys.stdin:
    request = json.loads(line)
    argv, env = (request["argv"], request.get("env", {})) if isinstance(request, dict) else (request, {})
    saved = {name: os.environ.get(name) for name in env}
    os.environ.update(env)
    out_b, err_b = io.BytesIO(), io.BytesIO()
    out = io.TextIOWrapper(out_b, encoding="utf-8", write_through=True)
    err = io.TextIOWrapper(err_b, encoding="utf-8", write_through=True)
    sys.stdout, sys.stderr = out, err
    try:
        with start_as_current_context():
            rc = AWSCLIEntryPoint().main(argv)
    except SystemExit as e:
        rc = e.code
    finally:
        out.flush()
        err.flush()
        sys.stdout, sys.stderr = real_stdout, sys.__stderr__
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
    real_stdout.write(json.dumps({"rc": rc, "out": out_b.getvalue().decode("utf-8"),
                                  "err": err_b.getvalue().decode("utf-8")}) + "\n")
    real_stdout.flush()
