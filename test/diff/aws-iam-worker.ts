/**
 * A long-lived aws-iam: runs the CLI's own `run(argv, io)` case after case in one Node process,
 * with the Io main.ts builds (src/cli/process-io.ts), so a case costs what the command does, not
 * the ~0.25 s of CPU a new Node process spends starting and compiling the bundle. Bundled from
 * src by aws-iam-driver.ts into a temporary directory when the suite starts; never part of the
 * package.
 *
 * Protocol: one JSON request per line on fd 3, one JSON answer per line on fd 4 (fds 0-2 are the
 * case's, as a spawned aws-iam has them: an open pipe nobody writes, and two pipes whose bytes
 * the suite shows if the worker dies).
 *
 *   request  {"args": [...], "env": {...}, "cwd": "...", "tty"?: {"columns": N, "streams": "both"|"stdout"|"stderr"}}
 *   answer   {"stdout": "...", "stderr": "...", "code": N, "recycle": true|false}
 *
 * Per case the process is put as a fresh one would be: process.env replaced whole, cwd,
 * process.stdout/stderr writes captured, process.exit intercepted (recorded, the worker lives),
 * and afterwards exitCode, the listeners the case added to process and its streams, the
 * timers and sockets it left, and the SDK's file intercepts and file-read cache. Whatever cannot
 * be put back (a command still running after it called exit, a pager, a warning Node prints
 * once per process) makes the answer say
 * `recycle`: the pool then replaces this process. Cases that need a fresh process for other
 * reasons (a pager, signals) are spawned by the suite (aws-iam-driver.ts needsFreshProcess).
 */
import diagnostics from 'node:diagnostics_channel';
import { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { externalDataInterceptor } from '@smithy/core/config';
import { run } from '../../src/cli/run.js';
import { processIo } from '../../src/cli/process-io.js';
import { pagerRunning } from '../../src/cli/start-pager.js';
import { SDK_FILE_READS } from './sdk-file-reads.js';
import type { TtySetup } from './corpus.js';

interface Request {
  args: string[];
  env: Record<string, string>;
  cwd: string;
  /** `@tty`: the streams on a terminal of this width (see onTerminal). */
  tty?: TtySetup;
}

interface Answer {
  stdout: string;
  stderr: string;
  code: number;
  recycle: boolean;
}

/** Bytes written to a stream, kept in order: a case's stdout or stderr. */
function capture(): { stream: Writable; text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  // Decoded as a spawned process's output is (execFile's utf8): the whole, at the end.
  return { stream, text: () => Buffer.concat(chunks).toString('utf8') };
}

/**
 * A terminal as `script` shows one (run-cli.ts runOnTerminal): the streams on it write, in order,
 * to one screen whose text has the line discipline's ONLCR applied (`\n` shown as `\r\n`); a
 * stream not on it goes to its own capture, as `script`'s redirection to a file. aws-iam learns
 * of the terminal only from its Io (isTTY, the width: process-io.ts), so this is what a spawned
 * aws-iam under `script` is told too; the `aws-iam driver = spawned aws-iam` check compares them.
 */
function onTerminal(tty: TtySetup | undefined) {
  const screen = capture();
  const stdout = tty && tty.streams !== 'stderr' ? screen : capture();
  const stderr = tty && tty.streams !== 'stdout' ? screen : capture();
  const redirected = tty?.streams === 'stdout' ? stderr : tty?.streams === 'stderr' ? stdout : undefined;
  return {
    stdout,
    stderr,
    stdoutIsTTY: stdout === screen && tty !== undefined,
    stderrIsTTY: stderr === screen && tty !== undefined,
    columns: tty && stdout === screen ? tty.columns : undefined,
    /** The answer's stdout and stderr, in the shape spawnCase gives them. */
    result: () =>
      tty ? { stdout: screen.text().replace(/\n/g, '\r\n'), stderr: redirected?.text() ?? '' } : { stdout: stdout.text(), stderr: stderr.text() },
  };
}

// --- What a case may leave behind, tracked so that it can be put back ---------------------

const real = {
  exit: process.exit,
  stdoutWrite: process.stdout.write,
  stderrWrite: process.stderr.write,
  setTimeout: globalThis.setTimeout,
  setInterval: globalThis.setInterval,
  setImmediate: globalThis.setImmediate,
};

/** Timers the running case started: cleared when it ends (a fresh process would not have them). */
const caseTimers: Array<() => void> = [];
globalThis.setTimeout = ((...args: Parameters<typeof setTimeout>) => {
  const timer = real.setTimeout(...args);
  caseTimers.push(() => clearTimeout(timer));
  return timer;
}) as typeof setTimeout;
globalThis.setInterval = ((...args: Parameters<typeof setInterval>) => {
  const timer = real.setInterval(...args);
  caseTimers.push(() => clearInterval(timer));
  return timer;
}) as typeof setInterval;
globalThis.setImmediate = ((...args: Parameters<typeof setImmediate>) => {
  const immediate = real.setImmediate(...args);
  caseTimers.push(() => clearImmediate(immediate));
  return immediate;
}) as typeof setImmediate;

/** Sockets the running case opened (the SDK's keep-alive connections): destroyed when it ends. */
const caseSockets: Socket[] = [];
diagnostics.subscribe('net.client.socket', (message) => caseSockets.push((message as { socket: Socket }).socket));

/**
 * Node prints many of its warnings once per process (deprecations, experimental features): a
 * case that saw one leaves a process that would not print it again, so the process is replaced.
 */
let warned = false;
process.on('warning', () => (warned = true));

type Emitter = NodeJS.EventEmitter;
const emitters: Emitter[] = [process, process.stdout, process.stderr];
const listenersOf = (emitter: Emitter) => new Map(emitter.eventNames().map((name) => [name, emitter.rawListeners(name)]));
const baseListeners = emitters.map(listenersOf);

function removeAddedListeners(): void {
  emitters.forEach((emitter, i) => {
    for (const name of emitter.eventNames()) {
      const kept = baseListeners[i]!.get(name) ?? [];
      for (const listener of emitter.rawListeners(name)) {
        if (!kept.includes(listener)) emitter.removeListener(name, listener as (...args: unknown[]) => void);
      }
    }
  });
}

/** The SDK's shared-file state (@smithy/core/config): a fresh process starts with none. */
function resetSdkFiles(): void {
  for (const record of [externalDataInterceptor.getFileRecord(), externalDataInterceptor.getTokenRecord(), SDK_FILE_READS()]) {
    for (const path of Object.keys(record)) delete record[path];
  }
}

function replaceEnvironment(env: Record<string, string>): void {
  for (const name of Object.keys(process.env)) delete process.env[name];
  Object.assign(process.env, env);
}

/** One turn of the event loop: what a finished command left for it (a 0 ms timer, a write's callback) runs. */
const turn = () => new Promise<void>((resolve) => real.setTimeout(() => real.setImmediate(resolve), 0));

// --- One case ----------------------------------------------------------------------------

async function runCase(request: Request): Promise<Answer> {
  replaceEnvironment(request.env);
  process.chdir(request.cwd);
  warned = false;
  const terminal = onTerminal(request.tty);
  const { stdout, stderr } = terminal;
  // Code that writes to process.stdout or process.stderr itself reaches the case's bytes too.
  process.stdout.write = stdout.stream.write.bind(stdout.stream) as typeof process.stdout.write;
  process.stderr.write = stderr.stream.write.bind(stderr.stream) as typeof process.stderr.write;
  let exitedWith: number | undefined;
  let exited!: () => void;
  const exitCalled = new Promise<void>((resolve) => (exited = resolve));
  process.exit = ((code?: number | string | null) => {
    exitedWith ??= Number(code ?? process.exitCode ?? 0);
    exited();
  }) as typeof process.exit;

  let finished = false;
  let crashed = false;
  const io = processIo(process.env, {
    stdout: stdout.stream,
    stderr: stderr.stream,
    stdoutIsTTY: terminal.stdoutIsTTY,
    stderrIsTTY: terminal.stderrIsTTY,
    columns: terminal.columns,
  });
  if (!io) process.exit(255);
  else {
    // As main.ts ends a command: the exit code is set, the process ends when nothing is left to run.
    const ran = run(request.args, io).then(
      (code) => {
        process.exitCode = code;
      },
      (error: unknown) => {
        // Node's report of an unhandled rejection, and its exit code.
        crashed = true;
        stderr.stream.write(`${(error as Error)?.stack ?? String(error)}\n`);
        exitedWith ??= 1;
      },
    );
    await Promise.race([ran.then(() => (finished = true)), exitCalled]);
    if (exitedWith === undefined) await turn();
  }
  const code = (exitedWith ?? Number(process.exitCode ?? 0)) & 0xff;
  await turn();

  process.exit = real.exit;
  process.stdout.write = real.stdoutWrite;
  process.stderr.write = real.stderrWrite;
  process.exitCode = undefined;
  removeAddedListeners();
  for (const clear of caseTimers.splice(0)) clear();
  for (const socket of caseSockets.splice(0)) socket.destroy();
  resetSdkFiles();
  // Still running after exit, crashed, a pager that may still run, a warning Node shows once:
  // this process is not as a fresh one any more.
  const recycle = (io !== undefined && !finished) || crashed || pagerRunning() || warned;
  return { ...terminal.result(), code, recycle };
}

const requests = new Socket({ fd: 3, readable: true, writable: false });
const answers = new Socket({ fd: 4, readable: false, writable: true });
let previous = Promise.resolve();
createInterface({ input: requests }).on('line', (line) => {
  previous = previous.then(async () => {
    const answer = await runCase(JSON.parse(line) as Request);
    answers.write(JSON.stringify(answer) + '\n');
  });
});
requests.on('end', () => answers.end());
