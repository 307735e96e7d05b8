/**
 * The shipped scripts in the real shells, against the real binary and a seeded moto: each
 * line is completed by bash (the completion function with COMP_WORDS/COMP_CWORD/COMP_LINE/
 * COMP_POINT as readline sets them), zsh (the completion function with words/CURRENT/PREFIX,
 * compadd recording what it is given) and fish (`complete -C`, fish's own completion query).
 */
import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPLETION_SCRIPTS, SHIPPED_FILES } from '../../src/completion/scripts.js';
import { bashCompWords, findShell, makeSandbox, ROOT, SEEDED_USERS, startMoto, type Moto, type Sandbox } from './shell-harness.js';

let moto: Moto;
let sandbox: Sandbox;

beforeAll(async () => {
  moto = await startMoto();
  sandbox = makeSandbox();
});
afterAll(() => {
  moto?.stop();
  sandbox?.remove();
});

function run(file: string, args: string[], env: Record<string, string> = sandbox.env): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(file, args, { env, encoding: 'utf8', timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ stdout, stderr, code: error ? (typeof error.code === 'number' ? error.code : 1) : 0 });
    });
  });
}

const script = (name: keyof typeof SHIPPED_FILES) => join(ROOT, SHIPPED_FILES[name]);
const lines = (text: string) => text.split('\n').filter((l) => l !== '');

/** $1 the line, $2 the cursor (in characters, as bash 5 counts), $3 the index of the cursor's word, then COMP_WORDS. */
const BASH_DRIVER = `
source "$0"
complete -p aws-iam >/dev/null || { echo "not registered" >&2; exit 1; }
COMP_LINE=$1; COMP_POINT=$2; COMP_CWORD=$3; shift 3
COMP_WORDS=("$@")
_aws_iam_complete
printf '%s\\n' "\${COMPREPLY[@]}"
`;

const ZSH_DRIVER = `
autoload -Uz compinit && compinit -u -D
source "$0"
[[ \${_comps[aws-iam]} == _aws-iam ]] || { echo "not registered" >&2; exit 1; }
compadd() { while (( $# )) && [[ $1 != -- ]]; do shift; done; shift; print -rl -- "$@"; }
words=("\${@}"); CURRENT=\${#words}; PREFIX=\${words[-1]}
_aws-iam
`;

const FISH_DRIVER = `source $argv[1]; complete -C $argv[2]`;

const SHELLS = {
  bash: findShell('bash'),
  zsh: findShell('zsh'),
  fish: findShell('fish'),
};

async function complete(shell: keyof typeof SHELLS, line: string): Promise<string[]> {
  const path = SHELLS[shell]!;
  let result;
  if (shell === 'bash') {
    const words = bashCompWords(line);
    result = await run(path, ['--norc', '--noprofile', '-c', BASH_DRIVER, script('bash'), line, String(line.length), String(words.length - 1), ...words]);
  } else if (shell === 'zsh') {
    const words = line.split(/[ \t]+/);
    result = await run(path, ['-f', '-c', ZSH_DRIVER, script('zsh'), ...words]);
  } else {
    result = await run(path, ['-N', '-c', FISH_DRIVER, script('fish'), line]);
  }
  expect(result.stderr).toBe('');
  expect(result.code).toBe(0);
  // fish prints "candidate<TAB>description"; the scripts give no descriptions.
  return lines(result.stdout).map((l) => l.split('\t')[0]);
}

/** line → candidates; `bash` when bash's reply differs (it replaces only the piece after `:` or `=`). */
interface Case {
  readonly line: string;
  readonly expected: readonly string[];
  readonly bash?: readonly string[];
}

const endpoint = () => `--endpoint-url ${moto.url}`;

const CASES: (() => Case)[] = [
  () => ({ line: 'aws-iam list-us', expected: ['list-user-policies', 'list-user-tags', 'list-users'] }),
  () => ({ line: 'aws-iam compl', expected: ['completion'] }),
  () => ({ line: 'aws-iam list-virtual-mfa-devices --as', expected: ['--assignment-status'] }),
  () => ({ line: 'aws-iam list-policies --no-o', expected: ['--no-only-attached'] }),
  () => ({ line: 'aws-iam list-virtual-mfa-devices --assignment-status ', expected: ['Any', 'Assigned', 'Unassigned'] }),
  () => ({ line: 'aws-iam list-policies --scope ', expected: ['AWS', 'All', 'Local'] }),
  () => ({ line: 'aws-iam list-users --output ', expected: ['csv', 'json', 'jsonl', 'off', 'table', 'text', 'yaml', 'yaml-stream'] }),
  () => ({ line: 'aws-iam list-users --color ', expected: ['auto', 'off', 'on'] }),
  () => ({ line: 'aws-iam list-users --generate-cli-skeleton ', expected: ['input', 'output', 'yaml-input'] }),
  () => ({ line: 'aws-iam --profile ', expected: ['ci', 'default', 'work'] }),
  () => ({ line: 'aws-iam list-users --profile w', expected: ['work'] }),
  () => ({ line: `aws-iam list-groups-for-user ${endpoint()} --user-name `, expected: [...SEEDED_USERS].sort() }),
  () => ({ line: `aws-iam list-groups-for-user ${endpoint()} --user-name c`, expected: ['carol'] }),
  () => ({ line: `aws-iam list-user-tags ${endpoint()} --user-name Z`, expected: ['Zoë'] }),
  () => ({
    line: `aws-iam list-policy-tags ${endpoint()} --policy-arn arn:aws:iam::123456789012:policy/R`,
    expected: ['arn:aws:iam::123456789012:policy/ReadOnlyAudit'],
    bash: ['policy/ReadOnlyAudit'],
  }),
  () => ({ line: `aws-iam list-user-tags ${endpoint()} --user-name=a`, expected: ['--user-name=alice'], bash: ['alice'] }),
  () => ({ line: 'aws-iam completion ', expected: ['bash', 'fish', 'zsh'] }),
];

const sorted = (list: readonly string[]) => [...list].sort();

for (const shell of Object.keys(SHELLS) as (keyof typeof SHELLS)[]) {
  describe.skipIf(!SHELLS[shell])(`${shell} completion`, () => {
    it.each(CASES.map((c, i) => [i, c] as const))('case %i', async (_, makeCase) => {
      const c = makeCase();
      const expected = shell === 'bash' && c.bash ? c.bash : c.expected;
      expect({ line: c.line, candidates: sorted(await complete(shell, c.line)) }).toEqual({ line: c.line, candidates: sorted(expected) });
    });
  });
}

describe.skipIf(!SHELLS.bash)('bash in the middle of a line', () => {
  it('completes the word at the cursor, with non-ASCII text before it and words after it', async () => {
    const before = 'aws-iam --query Zoë list-us';
    const line = `${before} --output json`;
    const words = bashCompWords(line);
    const result = await run(SHELLS.bash!, ['--norc', '--noprofile', '-c', BASH_DRIVER, script('bash'), line, String(before.length), '3', ...words]);
    expect(result).toEqual({ stdout: 'list-user-policies\nlist-user-tags\nlist-users\n', stderr: '', code: 0 });
  });
});

describe.skipIf(!SHELLS.zsh)('zsh from $fpath', () => {
  it('autoloads _aws-iam by its #compdef line and completes on the first call', async () => {
    const fpathDir = join(sandbox.dir, 'zfunc');
    mkdirSync(fpathDir, { recursive: true });
    copyFileSync(script('zsh'), join(fpathDir, '_aws-iam'));
    const driver = `fpath=("$0" $fpath)
autoload -Uz compinit && compinit -u -D
[[ \${_comps[aws-iam]} == _aws-iam ]] || { echo "not registered" >&2; exit 1; }
compadd() { while (( $# )) && [[ $1 != -- ]]; do shift; done; shift; print -rl -- "$@"; }
words=(aws-iam list-users --output y); CURRENT=4; PREFIX=y
_aws-iam`;
    const result = await run(SHELLS.zsh!, ['-f', '-c', driver, fpathDir]);
    expect(result).toEqual({ stdout: 'yaml\nyaml-stream\n', stderr: '', code: 0 });
  });
});

describe('shipped scripts', () => {
  it.each(Object.keys(SHIPPED_FILES) as (keyof typeof SHIPPED_FILES)[])('completions/ holds what `aws-iam completion %s` prints', async (shell) => {
    const printed = await run(join(ROOT, 'bin/aws-iam'), ['completion', shell]);
    expect(printed).toEqual({ stdout: COMPLETION_SCRIPTS[shell], stderr: '', code: 0 });
    expect(readFileSync(script(shell), 'utf8')).toBe(COMPLETION_SCRIPTS[shell]);
  });

  it('refuses an unknown shell as a usage error', async () => {
    const result = await run(join(ROOT, 'bin/aws-iam'), ['completion', 'tcsh']);
    expect(result.code).toBe(252);
    expect(result.stderr).toContain("argument shell: Found invalid choice 'tcsh' (choose from bash, zsh, fish)");
    expect(result.stdout).toBe('');
  });
});

describe('failures stay silent', () => {
  it.each([
    ['no credentials anywhere', { AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_EC2_METADATA_DISABLED: 'true', AWS_IAM_COMPLETION_TIMEOUT: '1' }],
    ['an unknown profile', { AWS_PROFILE: 'nosuch' }],
    ['nothing listening', {}],
  ])('%s: no candidates, nothing on stderr, exit 0', async (_, extra) => {
    const env = { ...sandbox.env, ...extra } as Record<string, string>;
    for (const k of Object.keys(env)) if (env[k] === '') delete env[k];
    const line = `aws-iam list-user-tags --endpoint-url http://127.0.0.1:6449 --user-name `;
    const started = Date.now();
    const result = await run(join(ROOT, 'bin/aws-iam'), ['__complete', '--', 'bash', line, ''], env);
    expect(result).toEqual({ stdout: '', stderr: '', code: 0 });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe('start-up: the SDK is loaded only to fetch live names', () => {
  const SDK_CHUNK = /^(iam-client|config)-/;
  const loads = async (line: string) => {
    const result = await run(process.execPath, ['--import', join(ROOT, 'test/completion/trace-dist-loads.mjs'), join(ROOT, 'bin/aws-iam'), '__complete', '--', 'bash', line]);
    return { stdout: result.stdout, chunks: [...new Set(lines(result.stderr).map((l) => l.replace(/^LOAD /, '')))] };
  };

  it.each([['aws-iam list-us'], ['aws-iam list-users --'], ['aws-iam list-users --output '], ['aws-iam --profile ']])('%j loads no SDK chunk', async (line) => {
    const { stdout, chunks } = await loads(line);
    expect(stdout).not.toBe('');
    expect(chunks.some((c) => c.startsWith('complete-command-'))).toBe(true);
    expect(chunks.filter((c) => SDK_CHUNK.test(c))).toEqual([]);
  });

  it('a cold live lookup loads the SDK, the same lookup from the cache does not', async () => {
    const line = `aws-iam list-user-tags --endpoint-url ${moto.url} --region eu-north-1 --user-name `;
    const cold = await loads(line);
    expect(lines(cold.stdout).sort()).toEqual([...SEEDED_USERS].sort());
    expect(cold.chunks.filter((c) => SDK_CHUNK.test(c)).length).toBeGreaterThan(0);
    const warm = await loads(line);
    expect(warm.stdout).toBe(cold.stdout);
    expect(warm.chunks.filter((c) => SDK_CHUNK.test(c))).toEqual([]);
  });
});
