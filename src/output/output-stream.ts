/**
 * Where a command's result goes: stdout, or — when stdout is a terminal and a pager is
 * configured (`AWS_PAGER`, `cli_pager`, `PAGER`, else `less`; none with `--no-cli-pager`) —
 * the pager's stdin, as the AWS CLI does. The pager starts at the first write (no output, no
 * pager) and the command ends when the pager does. Errors still go to stderr directly.
 */
import type { Io } from '../cli/io.js';

export interface OutputStream {
  /** Whether writes go to a pager (which is not a colorama-wrapped stream: no per-write resets). */
  readonly viaPager: boolean;
  write(text: string): void;
  /** Ends the output: closes the pager's input and waits for it to exit. */
  finish(): Promise<void>;
}

/** A started pager: its stdin, and its end (rejects with the CLI's error if it cannot start). */
export interface PagerProcess {
  write(text: string): void;
  end(): Promise<void>;
}

export function openOutputStream(io: Io, pager: string | undefined): OutputStream {
  const argv = pager ? shlexSplit(pager) : [];
  if (!io.stdoutIsTTY || argv.length === 0 || !io.startPager) {
    return { viaPager: false, write: (text) => io.stdout.write(text), finish: async () => {} };
  }
  const startPager = io.startPager;
  let process: PagerProcess | undefined;
  return {
    viaPager: true,
    write(text) {
      // `less` reads FRX from LESS unless the user set LESS: quit if one screen, raw colours, no init.
      process ??= startPager(argv, { ...io.env, LESS: io.env.LESS ?? 'FRX' });
      process.write(text);
    },
    finish: async () => process?.end(),
  };
}

/** Python's shlex.split (POSIX mode, no comments): how the CLI splits the pager command. */
export function shlexSplit(text: string): string[] {
  const words: string[] = [];
  let current: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) throw new Error('No closing quotation');
      current = (current ?? '') + text.slice(i + 1, end);
      i = end;
    } else if (c === '"') {
      current ??= '';
      for (i++; i < text.length && text[i] !== '"'; i++) {
        if (text[i] === '\\' && i + 1 < text.length && '\\"$`\n'.includes(text[i + 1])) i++;
        current += text[i];
      }
      if (i >= text.length) throw new Error('No closing quotation');
    } else if (c === '\\') {
      if (i + 1 >= text.length) throw new Error('No escaped character');
      current = (current ?? '') + text[++i];
    } else if (/\s/.test(c)) {
      if (current !== undefined) words.push(current);
      current = undefined;
    } else {
      current = (current ?? '') + c;
    }
  }
  if (current !== undefined) words.push(current);
  return words;
}
