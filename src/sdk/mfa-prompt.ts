/**
 * Asks for an MFA code the way the AWS CLI does (botocore's AssumeRoleCredentialFetcher with
 * Python's getpass): the prompt `Enter MFA code for <serial>: ` on the terminal (/dev/tty),
 * typing not echoed, a newline after Enter. Without a terminal, getpass falls back to standard
 * input with the prompt on stderr; when that has no line either, the CLI stops (exit 255), and
 * so does aws-iam, with a message that says why. The code is checked as botocore checks
 * AssumeRole's TokenCode (at least 6 characters) before anything is sent.
 */
import { openSync, readSync, writeSync } from 'node:fs';
import { CliError } from '../errors/cli-error.js';

/** Where the prompt is shown and the answer read. */
export interface PromptTerminal {
  /** Shows `prompt` and reads one line, unechoed; undefined when the input has ended. */
  readSecretLine(prompt: string): Promise<string | undefined>;
}

export type MfaPrompter = (serial: string) => Promise<string>;

/** botocore's client-side check of AssumeRole's TokenCode (min length 6). */
const TOKEN_CODE_MIN = 6;

export const mfaPromptText = (serial: string): string => `Enter MFA code for ${serial}: `;

export function mfaPrompter(openTerminal: () => PromptTerminal = openPromptTerminal): MfaPrompter {
  return async (serial) => {
    const code = await openTerminal().readSecretLine(mfaPromptText(serial));
    if (code === undefined) {
      throw new CliError(
        'general',
        `Unable to read an MFA code for ${serial}: there is no terminal to prompt on and standard input has no line to read. ` +
          'Run the command in a terminal, or pipe the code on standard input.',
      );
    }
    const length = [...code].length;
    if (length < TOKEN_CODE_MIN) {
      throw new CliError(
        'param-validation',
        `Parameter validation failed:\nInvalid length for parameter TokenCode, value: ${length}, valid min length: ${TOKEN_CODE_MIN}`,
      );
    }
    return code;
  };
}

/** The controlling terminal if there is one (as getpass prefers), else stdin with the prompt on stderr. */
export function openPromptTerminal(): PromptTerminal {
  let fd: number;
  try {
    fd = openSync('/dev/tty', 'r+');
  } catch {
    return stdinTerminal();
  }
  return ttyTerminal(fd);
}

/** Raw mode stands in for getpass's "canonical, no echo": line editing is done here. */
function ttyTerminal(fd: number): PromptTerminal {
  return {
    readSecretLine: (prompt) =>
      new Promise((resolve, reject) => {
        // node:tty (with net's sockets) is loaded only for a prompt: most calls never make one.
        const input = new (process.getBuiltinModule('node:tty').ReadStream)(fd);
        let line = '';
        const finish = (result: string | undefined, interrupted = false) => {
          input.off('data', onData);
          input.setRawMode(false);
          // Enter (or Ctrl-C) is not echoed: getpass writes the newline itself.
          if (result !== undefined || interrupted) writeSync(fd, '\n');
          input.destroy();
          if (interrupted) {
            // Ctrl-C: the CLI exits 130 on KeyboardInterrupt. Nothing else runs: the command is
            // left pending, so the process ends with that code (or by the signal, if not ignored).
            process.exitCode = 130;
            process.kill(process.pid, 'SIGINT');
            return;
          }
          resolve(result);
        };
        const onData = (chunk: Buffer) => {
          const text = chunk.toString('utf8');
          if (text.startsWith('\x1b')) return; // arrow keys and the like
          for (const ch of text) {
            if (ch === '\r' || ch === '\n') return finish(line);
            if (ch === '\x03') return finish(undefined, true);
            if (ch === '\x04') {
              if (line === '') return finish(undefined);
              continue;
            }
            if (ch === '\x7f' || ch === '\b') line = [...line].slice(0, -1).join('');
            else if (ch === '\x15') line = '';
            else if (ch >= ' ') line += ch;
          }
        };
        try {
          input.setRawMode(true);
          writeSync(fd, prompt);
        } catch (error) {
          input.destroy();
          return reject(error);
        }
        input.on('data', onData);
      }),
  };
}

/** getpass's fallback: the prompt on stderr, one line from standard input (read as is). */
function stdinTerminal(): PromptTerminal {
  return {
    readSecretLine: async (prompt) => {
      process.stderr.write(prompt);
      const line = readLineFromFd(0);
      // getpass ends the prompt's line once a line was read (not at end of input).
      if (line !== undefined) process.stderr.write('\n');
      return line;
    },
  };
}

/** One line from `fd`, read byte by byte so nothing after it is consumed; undefined at EOF with nothing read. */
export function readLineFromFd(fd: number): string | undefined {
  const bytes: number[] = [];
  const one = Buffer.alloc(1);
  for (;;) {
    let n: number;
    try {
      n = readSync(fd, one, 0, 1, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
        continue;
      }
      if (code === 'EOF' || code === 'EBADF' || code === 'ENXIO') n = 0;
      else throw error;
    }
    if (n === 0) return bytes.length ? Buffer.from(bytes).toString('utf8') : undefined;
    if (one[0] === 0x0a) return Buffer.from(bytes).toString('utf8');
    bytes.push(one[0]);
  }
}
