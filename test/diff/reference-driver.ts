/**
 * A small pool of long-lived reference CLIs (reference_driver.py): each is one Python process
 * running awscli's own entry point case after case, so a case costs what the CLI does, not the
 * ~0.45 s Python spends importing awscli and botocore. Cases that need a fresh process are
 * spawned as before (`needsFreshProcess`); the group `reference driver = spawned reference` of
 * differential.test.ts proves on a sample of every corpus file that both ways print the same
 * bytes and exit codes.
 *
 * The driver runs with the reference's own Python and PYTHONPATH, read from its launcher script
 * (the shape ../shared/reference-cli/install writes); any other kind of `aws` is always spawned.
 */
import { spawn } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DriverPool, type DriverProcess } from './driver-pool.js';

const DRIVER_SCRIPT = fileURLToPath(new URL('./reference_driver.py', import.meta.url));

/** How the launcher starts the CLI: `PYTHONPATH="$here/site" exec /usr/bin/python3 -m awscli "$@"`. */
export interface Launcher {
  python: string;
  pythonPath: string;
}

export function readLauncher(cliPath: string): Launcher | undefined {
  let real: string;
  let text: string;
  try {
    real = realpathSync(cliPath);
    text = readFileSync(real, 'utf8');
  } catch {
    return undefined;
  }
  const m = /^PYTHONPATH="\$here\/([^"$]+)" exec (\/\S+) -m awscli "\$@"$/m.exec(text);
  if (!m || !/here=\$\(dirname "\$\(readlink -f "\$0"\)"\)/.test(text)) return undefined;
  return { python: m[2], pythonPath: resolve(dirname(real), m[1]) };
}

/** The prefixes of --debug argparse accepts: the CLI then logs from C as well (awscrt), once per process. */
const isDebugFlag = (arg: string) => arg.length >= 4 && '--debug'.startsWith(arg);
/**
 * What the interpreter reads once at start-up: a case that changes it needs a new interpreter.
 * HOME too: botocore computes its cache folders (~/.aws/sso/cache, ~/.aws/cli/cache) from it
 * when its modules are imported; and AWS_CLI_OUTPUT_ENCODING, which re-encodes the process's
 * stdout for good (a later case would print through it).
 */
const STARTUP_ENV = /^(LANG|LANGUAGE|LC_\w+|PYTHON\w*|HOME|AWS_CLI_OUTPUT_ENCODING)$/;

export function needsFreshProcess(c: { args: string[]; env: Record<string, string | null>; pager: boolean }): boolean {
  return c.pager || c.args.some(isDebugFlag) || Object.keys(c.env).some((k) => STARTUP_ENV.test(k));
}

/** The pool of reference drivers: one Python process each, with the reference's interpreter and PYTHONPATH. */
export function referencePool(launcher: Launcher, size: number): DriverPool {
  const start = (): DriverProcess => {
    const child = spawn(launcher.python, [DRIVER_SCRIPT], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONPATH: launcher.pythonPath },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    return { child, requests: child.stdin!, outcomes: child.stdout! };
  };
  return new DriverPool('reference driver', start, size);
}
