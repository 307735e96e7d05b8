/**
 * Candidates reach the user's shell as it must read them: escaped for bash (which inserts
 * COMPREPLY as typed text), as they are for zsh and fish (which quote what they insert).
 * Each bash-escaped name is read back by a real bash as the same single word.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { quoteForShell } from '../../src/completion/shell-quote.js';
import { runComplete } from '../../src/completion/complete-command.js';
import type { CompletionSources } from '../../src/completion/complete-words.js';
import type { Io } from '../../src/cli/io.js';

const NAMES: [string, string][] = [
  ['alice', 'alice'],
  ['svc-ci+bot=1,a.b@c', 'svc-ci+bot=1,a.b@c'],
  ['arn:aws:iam::aws:policy/AdministratorAccess', 'arn:aws:iam::aws:policy/AdministratorAccess'],
  ['Zoë', 'Zoë'],
  ['$(id>/tmp/x)', '\\$\\(id\\>/tmp/x\\)'],
  ['`id`', '\\`id\\`'],
  ['a;b&c|d', 'a\\;b\\&c\\|d'],
  ["it's \"q\"", "it\\'s\\ \\\"q\\\""],
  ['*?[x]~!#{}', '\\*\\?\\[x\\]\\~\\!\\#\\{\\}'],
  ['back\\slash', 'back\\\\slash'],
];

describe('quoteForShell', () => {
  it.each(NAMES)('bash: %j → %j', (name, quoted) => expect(quoteForShell(name, 'bash')).toBe(quoted));
  it.each(NAMES)('zsh and fish: %j as it is', (name) => {
    expect(quoteForShell(name, 'zsh')).toBe(name);
    expect(quoteForShell(name, 'fish')).toBe(name);
  });
  it('bash reads every escaped name back as the name, one word, running nothing', () => {
    const script = NAMES.map(([name]) => `printf '%s\\0' ${quoteForShell(name, 'bash')}`).join('\n');
    const words = execFileSync('bash', ['--norc', '-c', script], { encoding: 'utf8' }).split('\0').slice(0, -1);
    expect(words).toEqual(NAMES.map(([name]) => name));
  });
});

describe('__complete prints the candidates quoted for the shell that asked', () => {
  const sources = (names: string[]): CompletionSources => ({
    env: {},
    commands: { extensions: [] },
    profiles: () => [],
    fetchNames: async () => names,
    cache: { get: () => undefined, set: () => undefined },
    deadlineMs: 1500,
    startTimer: () => () => undefined,
  });
  it.each([
    ['bash', ['aws-iam list-user-tags --user-name ', ''], '\\$\\(id\\>/tmp/x\\)\nalice\n'],
    ['zsh', ['aws-iam list-user-tags --user-name '], '$(id>/tmp/x)\nalice\n'],
    ['fish', ['aws-iam list-user-tags --user-name '], '$(id>/tmp/x)\nalice\n'],
  ])('%s', async (shell, rest, printed) => {
    const out: string[] = [];
    const io = { stdout: { write: (t: string) => void out.push(t) } } as unknown as Io;
    await runComplete([shell, ...rest], io, sources(['$(id>/tmp/x)', 'alice', 'evil\nline']));
    expect(out.join('')).toBe(printed);
  });
});
