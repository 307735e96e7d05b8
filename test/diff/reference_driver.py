"""A long-lived reference AWS CLI: runs awscli's own entry point case after case in one process.

Spawning the CLI costs ~0.5 s a case, nearly all of it Python importing awscli and botocore;
this process imports them once. Started by reference-driver.ts with the reference's own Python
and PYTHONPATH (read from its launcher script). Protocol: one JSON request per line on the
original stdin, one JSON response per line on the original stdout:

  request   {"args": [...], "env": {...}, "cwd": "...", "tty": null | {"columns": N, "streams": "both|stdout|stderr"}}
  response  {"stdout": "...", "stderr": "...", "code": N}

Per case the process is put back as a fresh one would be: environment, cwd, fds 0-2 (files,
or a pseudo-terminal of the given width), logging, warnings' once-registries, the history
recorder, TZ. What it keeps across cases is the parse of the CLI's own data files (each case
gets a new copy: remember_parsed_files). Whatever a case would need beyond that (another locale or interpreter settings,
--debug, a pager) the TypeScript side runs as a spawned process instead; the group
`reference driver = spawned reference` in test/diff/differential.test.ts proves the two agree
on a sample of every corpus file.
"""

import fcntl
import json
import logging
import os
import struct
import sys
import tempfile
import termios
import threading
import time
import warnings

PROTOCOL_IN = os.fdopen(os.dup(0), 'r', encoding='utf-8')
PROTOCOL_OUT = os.fdopen(os.dup(1), 'w', encoding='utf-8')
ENV_BEFORE_IMPORT = dict(os.environ)

from awscli.clidriver import AWSCLIEntryPoint  # noqa: E402 (after the protocol fds are saved)
from botocore.context import start_as_current_context  # noqa: E402
from botocore.history import get_global_history_recorder  # noqa: E402
import botocore.loaders  # noqa: E402

# What `python3 -m awscli` would have as argv[0] (argparse takes the program name from it).
import awscli.__main__ as _main_module  # noqa: E402
import colorama.initialise  # noqa: E402 (the table's colours; it wraps sys.stdout and resets at exit)

ARGV0 = _main_module.__file__
# What every spawned run has on top of its case's environment: the launcher's PYTHONPATH, and
# what importing awscli sets (AWS_DATA_PATH, where the CLI's own data lives).
LAUNCHER_ENV = {
    k: v for k, v in os.environ.items() if k == 'PYTHONPATH' or ENV_BEFORE_IMPORT.get(k) != v
}
HISTORY = get_global_history_recorder()
STDOUT, STDERR = sys.stdout, sys.stderr


def remember_parsed_files():
    """Every case loads the same data files (a new session each time): endpoints.json alone
    takes 20 ms to parse. The first parse of each file is kept pickled, and each later load
    unpickles a new copy of it (half the time), so no case sees what another did to its
    dicts. Keyed by path, size and mtime: a file that changes is parsed again."""
    parsed = {}
    json_load = botocore.loaders.JSONFileLoader.load_file
    pickle = __import__('pickle')

    def load_file(self, file_path):
        try:
            stat = os.stat(file_path + '.json')
        except OSError:
            return json_load(self, file_path)
        key = (file_path, stat.st_size, stat.st_mtime_ns)
        if key not in parsed:
            data = json_load(self, file_path)
            parsed[key] = pickle.dumps(data, protocol=pickle.HIGHEST_PROTOCOL)
            return data
        botocore.loaders.logger.debug("Loading JSON file: %s", file_path + '.json')
        return pickle.loads(parsed[key])

    botocore.loaders.JSONFileLoader.load_file = load_file


remember_parsed_files()


def snapshot_logging():
    loggers = [logging.getLogger()] + [
        l for l in logging.Logger.manager.loggerDict.values() if isinstance(l, logging.Logger)
    ]
    return {id(l): (l, l.level, list(l.handlers), l.propagate, l.disabled) for l in loggers}


def restore_logging(saved):
    for name, logger in list(logging.Logger.manager.loggerDict.items()):
        if isinstance(logger, logging.Logger) and id(logger) not in saved:
            logger.setLevel(logging.NOTSET)
            logger.handlers[:] = []
    for logger, level, handlers, propagate, disabled in saved.values():
        logger.setLevel(level)
        logger.handlers[:] = handlers
        logger.propagate = propagate
        logger.disabled = disabled
    logging.disable(logging.NOTSET)


def exit_code(error):
    """What the interpreter exits with for SystemExit(error.code)."""
    code = error.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code & 0xFF
    sys.stderr.write(f'{code}\n')
    return 1


def read_all(fd, chunks):
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # EIO: every slave fd is closed
            return
        if not data:
            return
        chunks.append(data)


def run_case(request, saved_logging, saved_filters, saved_cwd):
    os.environ.clear()
    os.environ.update(request['env'])
    os.environ.update(LAUNCHER_ENV)
    time.tzset()
    os.chdir(request.get('cwd') or saved_cwd)
    tty = request.get('tty')
    out_file = tempfile.TemporaryFile()
    err_file = tempfile.TemporaryFile()
    null_in = os.open(os.devnull, os.O_RDONLY)
    master = slave = None
    reader = None
    chunks = []
    if tty:
        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack('HHHH', 50, tty['columns'], 0, 0))
        os.dup2(slave, 0)
        os.dup2(slave if tty['streams'] in ('both', 'stdout') else out_file.fileno(), 1)
        os.dup2(slave if tty['streams'] in ('both', 'stderr') else err_file.fileno(), 2)
        os.close(slave)
        reader = threading.Thread(target=read_all, args=(master, chunks), daemon=True)
        reader.start()
    else:
        os.dup2(null_in, 0)
        os.dup2(out_file.fileno(), 1)
        os.dup2(err_file.fileno(), 2)
    os.close(null_in)
    # The interpreter makes stdout line buffered on a terminal only.
    sys.stdout.reconfigure(line_buffering=os.isatty(1))
    sys.argv = [ARGV0, *request['args']]
    warnings.filters[:] = saved_filters
    warnings._filters_mutated()
    sys.stdout, sys.stderr = STDOUT, STDERR
    colorama.initialise._wipe_internal_state_for_tests()
    try:
        with start_as_current_context():
            code = AWSCLIEntryPoint().main(sys.argv[1:])
        code = 0 if code is None else code & 0xFF
    except SystemExit as error:
        code = exit_code(error)
    # What the interpreter's exit would run: colorama's atexit reset (ESC[0m on a terminal).
    if colorama.initialise.atexit_done:
        colorama.initialise.reset_all()
    colorama.initialise._wipe_internal_state_for_tests()
    sys.stdout, sys.stderr = STDOUT, STDERR
    try:
        sys.stdout.flush()
    except Exception:  # the interpreter's own exit path: "Exception ignored …" and 120
        code = 120
    sys.stderr.flush()
    # Back to neutral fds; the pseudo-terminal's reader then sees EIO once drained.
    devnull = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(devnull, fd)
    os.close(devnull)
    if reader:
        reader.join()
        os.close(master)
    out_file.seek(0)
    err_file.seek(0)
    redirected_out = out_file.read()
    redirected_err = err_file.read()
    out_file.close()
    err_file.close()
    restore_logging(saved_logging)
    HISTORY.disable()
    HISTORY._handlers[:] = []
    if tty:
        # As `script` reports it: what the terminal showed, and what went to a file.
        shown = b''.join(chunks)
        redirected = redirected_out if tty['streams'] == 'stderr' else redirected_err
        return shown, redirected, code
    return redirected_out, redirected_err, code


def main():
    saved_logging = snapshot_logging()
    saved_filters = list(warnings.filters)
    saved_cwd = os.getcwd()
    for line in PROTOCOL_IN:
        request = json.loads(line)
        stdout, stderr, code = run_case(request, saved_logging, saved_filters, saved_cwd)
        response = {
            'stdout': stdout.decode('utf-8', 'replace'),
            'stderr': stderr.decode('utf-8', 'replace'),
            'code': code,
        }
        PROTOCOL_OUT.write(json.dumps(response) + '\n')
        PROTOCOL_OUT.flush()


main()
