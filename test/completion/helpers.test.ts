/** The pieces around the candidate logic: the line splitter, bash's word pieces, profiles, the cache. */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tokenizeLine } from '../../src/completion/tokenize.js';
import { bashReplies } from '../../src/completion/bash-reply.js';
import { profileNames, sectionNames, sharedFilePaths } from '../../src/completion/profiles.js';
import { cacheDirectory, fileNameCache } from '../../src/completion/name-cache.js';
import { deadlineFrom } from '../../src/completion/complete-words.js';

describe('tokenizeLine', () => {
  const CASES: [line: string, words: string[], current: string, currentRaw: string][] = [
    ['aws-iam list-us', ['aws-iam'], 'list-us', 'list-us'],
    ['aws-iam list-users ', ['aws-iam', 'list-users'], '', ''],
    ['aws-iam  list-users\t--output  ', ['aws-iam', 'list-users', '--output'], '', ''],
    ["aws-iam --user-name 'Zo", ['aws-iam', '--user-name'], 'Zo', "'Zo"],
    ['aws-iam --query "Users[].x y" --o', ['aws-iam', '--query', 'Users[].x y'], '--o', '--o'],
    ['aws-iam a\\ b c', ['aws-iam', 'a b'], 'c', 'c'],
    ['aws-iam "a\\"b" x', ['aws-iam', 'a"b'], 'x', 'x'],
    ["aws-iam '' ", ['aws-iam', ''], '', ''],
    ['aws-iam --policy-arn arn:aws:iam::1', ['aws-iam', '--policy-arn'], 'arn:aws:iam::1', 'arn:aws:iam::1'],
  ];
  it.each(CASES)('%j', (line, words, current, currentRaw) => {
    expect(tokenizeLine(line)).toEqual({ words, current, currentRaw });
  });
});

describe('bashReplies', () => {
  const CASES: [candidates: string[], currentRaw: string, bashWord: string, expected: string[]][] = [
    [['list-users'], 'list-us', 'list-us', ['list-users']],
    // `arn:aws:iam::1` is the piece `1` to bash: only the rest of each candidate is replied.
    [['arn:aws:iam::123:policy/A', 'arn:aws:iam::123:policy/B'], 'arn:aws:iam::1', '1', ['123:policy/A', '123:policy/B']],
    [['arn:aws:iam::aws:policy/A'], 'arn:aws:iam::aws:', ':', [':policy/A']],
    [['--user-name=alice'], '--user-name=al', 'al', ['alice']],
    [['--user-name=alice', '--user-name=bob'], '--user-name=', '=', ['=alice', '=bob']],
    // A quoted word is one word to bash.
    [['Zoë'], "'Zo", "'Zo", ['Zoë']],
  ];
  it.each(CASES)('%j %j %j', (candidates, currentRaw, bashWord, expected) => {
    expect(bashReplies(candidates, currentRaw, bashWord)).toEqual(expected);
  });
});

describe('profiles', () => {
  const files: Record<string, string> = {
    '/h/.aws/config': '[default]\nregion = us-east-1\n[profile work]\n[ profile spaced ]\n[profile "two words"]\n[profile a b]\n[sso-session corp]\n[services local]\n[preview]\n# [profile commented]\n[profile ci]\n',
    '/h/.aws/credentials': '[ci]\naws_access_key_id = x\n[personal]\n[default]\n',
    '/elsewhere/config': '[profile other]\n',
    '/elsewhere/creds': '[from-env-creds]\n',
  };
  const read = (path: string) => files[path];

  // The expected list is what botocore's Session().available_profiles printed for these files
  // (`[ profile spaced ]` does not start with "profile"; `profile a b` has three words).
  it('lists config profiles in order, then credentials-only ones, as botocore does', () => {
    expect(profileNames({ HOME: '/h' }, read)).toEqual(['default', 'work', 'two words', 'ci', 'personal']);
  });
  it('honours AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', () => {
    expect(profileNames({ HOME: '/h', AWS_CONFIG_FILE: '/elsewhere/config', AWS_SHARED_CREDENTIALS_FILE: '/elsewhere/creds' }, read)).toEqual([
      'other',
      'from-env-creds',
    ]);
    expect(sharedFilePaths({ AWS_CONFIG_FILE: '~/cfg' }, '/home/u').config).toBe('/home/u/cfg');
  });
  it('has no profiles when the files are missing', () => {
    expect(profileNames({ HOME: '/nowhere' }, read)).toEqual([]);
  });
  it('reads section headers as configparser does', () => {
    expect(sectionNames('[a]\n  [b]\nx = [c]\n;[d]\n[e] ; note\n')).toEqual(['a', 'b', 'e']);
  });
});

describe('name cache', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  it('lives under $XDG_CACHE_HOME or ~/.cache', () => {
    expect(cacheDirectory({ XDG_CACHE_HOME: '/x/cache' }, '/h')).toBe('/x/cache/aws-iam/completion');
    expect(cacheDirectory({}, '/h')).toBe('/h/.cache/aws-iam/completion');
    expect(cacheDirectory({ XDG_CACHE_HOME: 'relative' }, '/h')).toBe('/h/.cache/aws-iam/completion');
  });

  it('keeps names for the TTL in a file only the user can read', () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-iam-cache-'));
    const directory = join(dir, 'aws-iam', 'completion');
    let now = 1_000_000;
    const cache = fileNameCache(directory, () => now, 60_000);
    expect(cache.get('k')).toBeUndefined();
    cache.set('k', ['alice', 'Zoë']);
    const [file] = readdirSync(directory);
    expect(statSync(join(directory, file)).mode & 0o777).toBe(0o600);
    expect(statSync(directory).mode & 0o777).toBe(0o700);
    expect(readFileSync(join(directory, file), 'utf8')).toContain('Zoë');
    now += 59_999;
    expect(cache.get('k')).toEqual(['alice', 'Zoë']);
    expect(cache.get('other')).toBeUndefined();
    now += 1;
    expect(cache.get('k')).toBeUndefined();
  });

  it('treats a damaged file as a miss, and a TTL of 0 as no cache', () => {
    dir = mkdtempSync(join(tmpdir(), 'aws-iam-cache-'));
    const cache = fileNameCache(dir, () => 0);
    cache.set('k', ['a']);
    const [file] = readdirSync(dir);
    writeFileSync(join(dir, file), '{"key": "k", "at": 0, "nam');
    expect(cache.get('k')).toBeUndefined();
    const off = fileNameCache(join(dir, 'off'), () => 0, 0);
    off.set('k', ['a']);
    expect(off.get('k')).toBeUndefined();
  });
});

describe('deadline', () => {
  it.each([
    [{}, 1500],
    [{ AWS_IAM_COMPLETION_TIMEOUT: '0.25' }, 250],
    [{ AWS_IAM_COMPLETION_TIMEOUT: '3' }, 3000],
    [{ AWS_IAM_COMPLETION_TIMEOUT: 'soon' }, 1500],
    [{ AWS_IAM_COMPLETION_TIMEOUT: '-1' }, 1500],
  ])('%j → %d ms', (env, ms) => {
    expect(deadlineFrom(env)).toBe(ms);
  });
});
