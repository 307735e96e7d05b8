/**
 * A small pool of long-lived reference CLIs (reference_driver.py): each is one Python process
 * running awscli's own entry point case after case, so a case costs what the CLI does, not the
 * ~0.45 s Python spends importing awscli and botocore. Cases that need a fresh process are
 * spawned as before (`needsFreshProcess`); reference-driver.test.ts proves on a sample of every
 * corpus file that both ways print the same bytes and exit codes.
 *
 * The driver runs with the reference's own Python and PYTHONPATH, read from its launcher script
 * (the shape ../shared/reference-cli/install writes); any other kind of `aws` is always spawned.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, realpathSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const DRIVER_SCRIPT = fileURLToPath(new URL('./reference_driver.py', import.meta.url));

export interface Outcome {
  stdout: string;
  stderr: string;
  code: number;
}

export interface DriverRequest {
  args: string[];
  env: Record<string, string>;
  cwd?: string;
  tty?: { columns: number; streams: 'both' | 'stdout' | 'stderr' };
}

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

class Driver {
  private child?: ChildProcess;
  private waiting?: { resolve: (o: Outcome) => void; reject: (e: Error) => void };
  private stderr = '';

  constructor(private readonly launcher: Launcher) {}

  private start(): ChildProcess {
    const child = spawn(this.launcher.python, [DRIVER_SCRIPT], {
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C.UTF-8', PYTHONPATH: this.launcher.pythonPath },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    child.stderr!.on('data', (d) => (this.stderr = (this.stderr + d).slice(-4000)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.resolve(JSON.parse(line) as Outcome);
    });
    child.once('exit', (code, signal) => {
      this.child = undefined;
      const waiting = this.waiting;
      this.waiting = undefined;
      waiting?.reject(new Error(`reference driver exited (${signal ?? code}):\n${this.stderr}`));
    });
    return child;
  }

  run(request: DriverRequest): Promise<Outcome> {
    const child = (this.child ??= this.start());
    return new Promise((resolve, reject) => {
      this.waiting = { resolve, reject };
      child.stdin!.write(JSON.stringify(request) + '\n');
    });
  }

  stop(): void {
    this.child?.stdin?.end();
    this.child?.kill('SIGTERM');
    this.child = undefined;
  }
}

/** Up to `size` drivers, each running one case at a time; requests queue for the next free one. */
export class DriverPool {
  private readonly all: Driver[] = [];
  private readonly idle: Driver[] = [];
  private readonly queue: Array<() => void> = [];

  constructor(
    private readonly launcher: Launcher,
    private readonly size: number,
  ) {}

  async run(request: DriverRequest): Promise<Outcome> {
    const driver = await this.acquire();
    try {
      return await driver.run(request);
    } finally {
      this.release(driver);
    }
  }

  private acquire(): Promise<Driver> {
    const driver = this.idle.pop();
    if (driver) return Promise.resolve(driver);
    if (this.all.length < this.size) {
      const created = new Driver(this.launcher);
      this.all.push(created);
      return Promise.resolve(created);
    }
    return new Promise((resolve) => this.queue.push(() => resolve(this.idle.pop()!)));
  }

  private release(driver: Driver): void {
    this.idle.push(driver);
    this.queue.shift()?.();
  }

  /** Ends every driver, busy ones too (a case that timed out must not keep the run alive). */
  stop(): void {
    for (const driver of this.all) driver.stop();
  }
}
