/**
 * The differential corpus: one case per line of test/diff/corpus/*.txt.
 *
 *   list-users --path-prefix /eng/            arguments after `aws iam` / `aws-iam`
 *   @env AWS_PROFILE=work AWS_ACCESS_KEY_ID=- :: list-users      environment changes (- unsets)
 *                                             ($MOTO_URL in a value: the server's URL)
 *   @noendpoint :: list-users                 no --endpoint-url added
 *   @stdout-only :: list-users --debug         stderr not compared (Python's own debug log)
 *   @resume list-roles --max-items 1 :: list-roles --max-items 2
 *       each CLI's NextToken from the first command resumed by the *other* CLI, and by itself
 *   @tty 120 :: list-users --output table    run on a terminal 120 columns wide (a pseudo-terminal)
 *   @tty 40 stdout :: …                      only stdout on the terminal (stderr to a file);
 *   @tty 40 stderr :: …                      only stderr on the terminal (stdout to a file)
 *   @pager :: @env AWS_PAGER=cat :: …         the reference runs without --no-cli-pager
 * Directives can be chained: `@tty 80 :: @env AWS_PROFILE=work :: list-users`.
 *
 * Words are split like a POSIX shell splits them (single and double quotes, backslashes).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { shlexSplit } from '../../src/cli/shlex.js';

export interface Case {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly args: string[];
  readonly env: Record<string, string | null>;
  readonly endpoint: boolean;
  readonly compareStderr: boolean;
  /** For @resume: the command whose NextToken the case resumes from. */
  readonly resumeFrom?: string[];
  /** For @tty: the terminal's width and which streams are on it. */
  readonly tty?: TtySetup;
  /** For @pager: the reference's pager settings apply (no --no-cli-pager). */
  readonly pager: boolean;
}

export interface TtySetup {
  readonly columns: number;
  readonly streams: 'both' | 'stdout' | 'stderr';
}

const CORPUS_DIR = fileURLToPath(new URL('./corpus/', import.meta.url));

export function loadCorpus(): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(CORPUS_DIR).filter((f) => f.endsWith('.txt')).sort()) {
    readFileSync(CORPUS_DIR + file, 'utf8')
      .split('\n')
      .forEach((raw, i) => {
        const text = raw.trim();
        if (!text || text.startsWith('#')) return;
        cases.push(parseCase(file, i + 1, text));
      });
  }
  return cases;
}

function parseCase(file: string, line: number, text: string): Case {
  const env: Record<string, string | null> = {};
  let endpoint = true;
  let compareStderr = true;
  let resumeFrom: string[] | undefined;
  let tty: TtySetup | undefined;
  let pager = false;
  let rest = text;
  while (rest.startsWith('@')) {
    const sep = rest.indexOf(' :: ');
    if (sep < 0) throw new Error(`${file}:${line}: directive without ' :: '`);
    const directive = rest.slice(0, sep);
    rest = rest.slice(sep + 4);
    const [name, ...words] = shlexSplit(directive);
    if (name === '@env') {
      for (const w of words) {
        const eq = w.indexOf('=');
        env[w.slice(0, eq)] = w.slice(eq + 1) === '-' ? null : w.slice(eq + 1);
      }
    } else if (name === '@noendpoint') {
      endpoint = false;
    } else if (name === '@stdout-only') {
      compareStderr = false;
    } else if (name === '@resume') {
      resumeFrom = words;
    } else if (name === '@pager') {
      pager = true;
    } else if (name === '@tty') {
      const columns = Number(words[0]);
      const streams = (words[1] ?? 'both') as TtySetup['streams'];
      if (!Number.isInteger(columns) || !['both', 'stdout', 'stderr'].includes(streams)) {
        throw new Error(`${file}:${line}: @tty COLUMNS [both|stdout|stderr]`);
      }
      tty = { columns, streams };
    } else {
      throw new Error(`${file}:${line}: unknown directive ${name}`);
    }
  }
  return { file, line, text, args: shlexSplit(rest), env, endpoint, compareStderr, resumeFrom, tty, pager };
}
