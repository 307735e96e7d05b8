/**
 * How help is reached and where it goes: `help` and `--help` at every position, plain text
 * unless stdout is a terminal, `less -R` only for a terminal when the settings allow it, exit 0.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../src/cli/parse-command-line.js';
import { run, type Io } from '../../src/cli/run.js';
import { CliError } from '../../src/errors/cli-error.js';
import { findOperation } from '../../src/model/operations.js';
import { showHelp } from '../../src/help/show-help.js';
import { helpPager } from '../../src/help/pager.js';

interface FakeIo extends Io {
  out: string;
  err: string;
  pagers: { argv: readonly string[]; text: string }[];
}

function fakeIo(options: { tty?: boolean; env?: Record<string, string>; columns?: number; pagerFails?: boolean } = {}): FakeIo {
  const io: FakeIo = {
    out: '',
    err: '',
    pagers: [],
    stdout: { write: (t: string) => void (io.out += t) },
    stderr: { write: (t: string) => void (io.err += t) },
    env: options.env ?? {},
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: options.tty ?? false,
    columns: options.columns,
    now: () => 0,
    // The CLI reads the shared files before parsing (a broken file fails help too).
    loadSharedFiles: async () => ({ configFile: {}, credentialsFile: {} }),
    createSender: () => {
      throw new Error('help must not create a client');
    },
    startPager: (argv) => {
      const record = { argv, text: '' };
      io.pagers.push(record);
      return {
        write: (t: string) => void (record.text += t),
        end: async () => {
          if (options.pagerFails) throw new Error('cannot start');
        },
      };
    },
  };
  return io;
}

describe('parsing: help and --help', () => {
  const cases: [string, string[], string | undefined][] = [
    ['help', ['help'], undefined],
    ['--help alone', ['--help'], undefined],
    ['--help with a global option', ['--output', 'json', '--help'], undefined],
    ['help --help', ['help', '--help'], undefined],
    ['command help', ['list-users', 'help'], 'list-users'],
    ['command --help', ['list-users', '--help'], 'list-users'],
    ['--help before the command', ['--help', 'list-users'], 'list-users'],
    ['--help after options', ['list-users', '--path-prefix', '/', '--help'], 'list-users'],
    ['--help after an option missing its value', ['list-users', '--path-prefix', '--help'], 'list-users'],
    ['--help next to unknown options', ['list-users', '--bogus', 'x', '--help'], 'list-users'],
    ['--help without the required options', ['list-user-tags', '--help'], 'list-user-tags'],
  ];
  it.each(cases)('%s', (_name, argv, operation) => {
    const line = parseCommandLine(argv);
    expect(line.kind).toBe('help');
    if (line.kind === 'help') expect(line.operation?.cli).toBe(operation);
  });

  it('--help of an unknown command is the invalid-choice error', () => {
    expect(() => parseCommandLine(['bogus', '--help'])).toThrow(CliError);
    expect(() => parseCommandLine(['bogus', '--help'])).toThrow("argument operation: Found invalid choice 'bogus'");
  });

  it('--help after `--` is a word, not a request for help', () => {
    expect(() => parseCommandLine(['list-users', '--', '--help'])).toThrow(CliError);
  });
});

describe('where the page goes', () => {
  const listUsers = findOperation('list-users')!;

  it('plain text on stdout when stdout is not a terminal, exit 0', async () => {
    const io = fakeIo();
    expect(await showHelp(listUsers, io)).toBe(0);
    expect(io.out.startsWith('NAME\n       aws-iam list-users - ')).toBe(true);
    expect(io.out).not.toMatch(/[\x1b\b]/);
    expect(io.pagers).toEqual([]);
    expect(io.err).toBe('');
  });

  it('through less -R, styled, on a terminal', async () => {
    const io = fakeIo({ tty: true, columns: 120 });
    expect(await showHelp(listUsers, io)).toBe(0);
    expect(io.pagers.map((p) => p.argv)).toEqual([['less', '-R']]);
    expect(io.pagers[0].text).toContain('\x1b[1mNAME\x1b[0m');
    expect(io.out).toBe('');
  });

  it('straight to the terminal with --no-cli-pager', async () => {
    const io = fakeIo({ tty: true });
    expect(await showHelp(listUsers, io, { noCliPager: true })).toBe(0);
    expect(io.pagers).toEqual([]);
    expect(io.out).toContain('\x1b[1mOPTIONS\x1b[0m');
  });

  it('on stdout if less cannot run', async () => {
    const io = fakeIo({ tty: true, pagerFails: true });
    expect(await showHelp(undefined, io)).toBe(0);
    expect(io.out).toContain('AVAILABLE COMMANDS');
  });

  it('narrower on a narrow terminal', async () => {
    const io = fakeIo({ tty: true, columns: 50 });
    await showHelp(listUsers, io, { noCliPager: true });
    const visible = io.out.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
    const prose = visible.filter((l) => !l.startsWith('          '));
    for (const line of prose) if (line.trim().includes(' ')) expect(line.length, line).toBeLessThanOrEqual(48);
  });

  const pagerCases: [string, Record<string, string>, boolean, boolean, readonly string[] | undefined][] = [
    ['nothing set', {}, true, false, ['less', '-R']],
    ['not a terminal', {}, false, false, undefined],
    ['--no-cli-pager', {}, true, true, undefined],
    ['PAGER=less', { PAGER: 'less' }, true, false, ['less', '-R']],
    ['PAGER=/usr/bin/less -S', { PAGER: '/usr/bin/less -S' }, true, false, ['less', '-R']],
    ['PAGER=cat', { PAGER: 'cat' }, true, false, undefined],
    ['PAGER=more', { PAGER: 'more' }, true, false, undefined],
    ['PAGER empty', { PAGER: '' }, true, false, undefined],
    ['AWS_PAGER empty wins over PAGER', { AWS_PAGER: '', PAGER: 'less' }, true, false, undefined],
    ['AWS_PAGER=less wins over PAGER=cat', { AWS_PAGER: 'less', PAGER: 'cat' }, true, false, ['less', '-R']],
    ['unbalanced quotes', { PAGER: "less '" }, true, false, undefined],
  ];
  it.each(pagerCases)('pager: %s', (_name, env, tty, noCliPager, expected) => {
    expect(helpPager(env, tty, noCliPager)).toEqual(expected);
  });
});

describe('through run()', () => {
  const cases: [string[], string][] = [
    [['help'], 'NAME\n       aws-iam - '],
    [['--help'], 'NAME\n       aws-iam - '],
    [['list-users', 'help'], 'NAME\n       aws-iam list-users - '],
    [['list-mfa-devices', '--help'], 'NAME\n       aws-iam list-mfa-devices - '],
  ];
  it.each(cases)('%j', async (argv, start) => {
    const io = fakeIo();
    expect(await run(argv, io)).toBe(0);
    expect(io.out.startsWith(start)).toBe(true);
    expect(io.err).toBe('');
  });

  it('--no-cli-pager reaches help', async () => {
    const io = fakeIo({ tty: true });
    expect(await run(['list-users', 'help', '--no-cli-pager'], io)).toBe(0);
    expect(io.pagers).toEqual([]);
    expect(io.out).toContain('list-users');
  });

  it('help of an unknown command fails as the CLI does', async () => {
    const io = fakeIo();
    expect(await run(['list-userz', '--help'], io)).toBe(252);
    expect(io.err).toContain("argument operation: Found invalid choice 'list-userz'");
    expect(io.err).toContain('list-users');
  });
});

describe('the built command', () => {
  const root = join(__dirname, '..', '..');
  if (!existsSync(join(root, 'dist', 'aws-iam.js'))) execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'ignore' });

  it('`node bin/aws-iam list-users help | cat` prints plain text and exits 0', () => {
    const out = execFileSync('bash', ['-o', 'pipefail', '-c', 'node bin/aws-iam list-users help | cat'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, PAGER: 'less' },
    });
    expect(out.startsWith('NAME\n       aws-iam list-users - ')).toBe(true);
    expect(out).toContain('\nOUTPUT\n       Users -> (list)\n');
    expect(out).not.toMatch(/[\x1b\b]/);
  });

  it('loads the help chunk and not the SDK', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aws-iam-help-'));
    const log = join(dir, 'loaded.txt');
    writeFileSync(join(dir, 'hooks.mjs'), `import { appendFileSync } from 'node:fs';\nexport async function load(url, context, next) { appendFileSync(${JSON.stringify(log)}, url + '\\n'); return next(url, context); }\n`);
    writeFileSync(join(dir, 'register.mjs'), `import { register } from 'node:module';\nregister(${JSON.stringify('file://' + join(dir, 'hooks.mjs'))});\n`);
    execFileSync('node', ['--import', join(dir, 'register.mjs'), 'bin/aws-iam', '--help'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
    const loaded = readFileSync(log, 'utf8').split('\n').filter(Boolean);
    expect(loaded.some((url) => /\/dist\/show-help-[\w-]+\.js$/.test(url))).toBe(true);
    expect(loaded.filter((url) => /iam-client|@aws-sdk|@smithy|node_modules/.test(url))).toEqual([]);
  });
});
