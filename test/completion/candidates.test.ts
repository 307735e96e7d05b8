/**
 * The candidate logic as a table: a command line up to the cursor → the candidates, with the
 * sources that touch files and the network replaced by recording fakes.
 */
import { describe, expect, it } from 'vitest';
import { completeLine, type CompletionSources } from '../../src/completion/complete-words.js';
import type { LineSettings } from '../../src/completion/candidates.js';
import type { NameSource } from '../../src/completion/resource-options.js';
import { operations } from '../../src/model/operations.js';
import { GLOBAL_ARGS } from '../../src/cli/global-options.js';

const LIVE: Record<string, string[]> = {
  ListUsers: ['alice', 'bob', 'carol', 'Zoë', 'svc-ci'],
  ListRoles: ['deploy', 'auditor'],
  ListGroups: ['admins', 'developers'],
  ListPolicies: ['arn:aws:iam::123456789012:policy/ReadOnlyAudit', 'arn:aws:iam::aws:policy/AdministratorAccess'],
  ListVirtualMFADevices: ['arn:aws:iam::123456789012:mfa/dev1'],
  ListInstanceProfiles: ['web'],
};

interface Recorder {
  fetches: { sources: readonly NameSource[]; settings: LineSettings }[];
}

function fakeSources(overrides: Partial<CompletionSources> = {}, recorder: Recorder = { fetches: [] }): CompletionSources {
  return {
    env: {},
    commands: { extensions: ['audit', 'completion', '__complete'] },
    profiles: () => ['default', 'work', 'ci'],
    fetchNames: async (sources, settings) => {
      recorder.fetches.push({ sources, settings });
      return sources.flatMap((s) => LIVE[s.operation] ?? []);
    },
    cache: { get: () => undefined, set: () => undefined },
    deadlineMs: 1500,
    startTimer: () => () => undefined,
    ...overrides,
  };
}

const globalFlags = GLOBAL_ARGS.map((a) => a.flag);

const CASES: [line: string, expected: string[]][] = [
  // Commands: the List operations, then aws-iam's own (the hidden __complete is not offered).
  ['aws-iam list-us', ['list-user-policies', 'list-user-tags', 'list-users']],
  ['aws-iam list-mfa', ['list-mfa-device-tags', 'list-mfa-devices']],
  ['aws-iam co', ['completion']],
  ['aws-iam __', []],
  ['aws-iam get-', []],
  ['aws-iam --output json list-ro', ['list-role-policies', 'list-role-tags', 'list-roles']],
  // Options: the operation's in argument-table order (hidden --marker too), then the globals.
  ['aws-iam list-users --', ['--path-prefix', '--marker', '--max-items', '--cli-input-json', '--cli-input-yaml', '--starting-token', '--page-size', '--generate-cli-skeleton', ...globalFlags]],
  ['aws-iam list-virtual-mfa-devices --as', ['--assignment-status']],
  ['aws-iam list-policies --no-', ['--no-only-attached', '--no-verify-ssl', '--no-paginate', '--no-sign-request', '--no-cli-pager', '--no-cli-auto-prompt']],
  // Options already on the line are not offered again (boolean twins share one slot).
  ['aws-iam list-policies --only-attached --no-o', []],
  ['aws-iam list-users --max-items 3 --ma', ['--marker']],
  ['aws-iam list-users --output json --ou', []],
  // Before the command: only global options.
  ['aws-iam --pro', ['--profile']],
  ['aws-iam --user', []],
  // Enum values from the model.
  ['aws-iam list-virtual-mfa-devices --assignment-status ', ['Assigned', 'Unassigned', 'Any']],
  ['aws-iam list-virtual-mfa-devices --assignment-status U', ['Unassigned']],
  ['aws-iam list-virtual-mfa-devices --assign A', ['Assigned', 'Any']],
  ['aws-iam list-policies --scope ', ['All', 'AWS', 'Local']],
  ['aws-iam list-policies --policy-usage-filter ', ['PermissionsPolicy', 'PermissionsBoundary']],
  ['aws-iam list-entities-for-policy --entity-filter ', ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy']],
  ['aws-iam list-virtual-mfa-devices --assignment-status=', ['--assignment-status=Assigned', '--assignment-status=Unassigned', '--assignment-status=Any']],
  ['aws-iam list-virtual-mfa-devices --assignment-status=An', ['--assignment-status=Any']],
  // Global option values.
  ['aws-iam list-users --output ', ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off', 'jsonl', 'csv']],
  ['aws-iam list-users --output j', ['json', 'jsonl']],
  ['aws-iam list-users --output y', ['yaml', 'yaml-stream']],
  ['aws-iam list-users --color ', ['on', 'off', 'auto']],
  ['aws-iam list-users --col o', ['on', 'off']],
  ['aws-iam list-users --cli-error-format ', ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced']],
  ['aws-iam list-users --generate-cli-skeleton ', ['input', 'output', 'yaml-input']],
  // --generate-cli-skeleton's value is optional: an option may follow instead.
  ['aws-iam list-users --generate-cli-skeleton --pa', ['--path-prefix', '--page-size']],
  ['aws-iam list-users --output ', ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off', 'jsonl', 'csv']],
  // Profiles, before or after the command, and by prefix (--prof, --p win as global prefixes).
  ['aws-iam --profile ', ['default', 'work', 'ci']],
  ['aws-iam list-users --profile w', ['work']],
  ['aws-iam list-users --p ', ['default', 'work', 'ci']],
  ['aws-iam --profile=c', ['--profile=ci']],
  // Live resource names.
  ['aws-iam list-groups-for-user --user-name ', ['alice', 'bob', 'carol', 'Zoë', 'svc-ci']],
  ['aws-iam list-groups-for-user --user-name Z', ['Zoë']],
  ['aws-iam list-attached-role-policies --role-name ', ['deploy', 'auditor']],
  ['aws-iam list-group-policies --group-name a', ['admins']],
  ['aws-iam list-entities-for-policy --policy-arn arn:aws:iam::aws:', ['arn:aws:iam::aws:policy/AdministratorAccess']],
  ['aws-iam list-mfa-device-tags --serial-number ', ['arn:aws:iam::123456789012:mfa/dev1']],
  ['aws-iam list-instance-profile-tags --instance-profile-name ', ['web']],
  ['aws-iam list-policies-granting-service-access --arn ', ['alice', 'bob', 'carol', 'Zoë', 'svc-ci', 'admins', 'developers', 'deploy', 'auditor']],
  ['aws-iam list-user-tags --user-name=b', ['--user-name=bob']],
  ['aws-iam list-user-tags --user b', ['bob']],
  ['aws-iam list-user-tags --user=b', ['--user=bob']],
  ['aws-iam list-users --out=j', ['--out=json', '--out=jsonl']],
  // Options without values to offer, words after the value, and extra positionals.
  ['aws-iam list-users --path-prefix ', []],
  ['aws-iam list-users --max-items ', []],
  ['aws-iam list-users --debug ', []],
  ['aws-iam list-users extra ', []],
  ['aws-iam list-groups-for-user --user-name alice ', []],
  // aws-iam's own commands.
  ['aws-iam completion ', ['bash', 'zsh', 'fish']],
  ['aws-iam completion z', ['zsh']],
  ['aws-iam completion bash ', []],
  ['aws-iam completion --', globalFlags],
  // across: its own options, profile names for --profiles (after the last comma), then the command's line.
  ['aws-iam across --', ['--profiles', '--organization', '--role-name', '--accounts', '--max-concurrency']],
  ['aws-iam across --prof', ['--profiles']],
  ['aws-iam across --profiles ', ['default', 'work', 'ci']],
  ['aws-iam across --profiles w', ['work']],
  ['aws-iam across --profiles default,c', ['default,ci']],
  ['aws-iam across --profiles=default,w', ['--profiles=default,work']],
  ['aws-iam across --role-name ', []],
  ['aws-iam across --profiles work,audit list-mfa-d', ['list-mfa-device-tags', 'list-mfa-devices']],
  ['aws-iam across --organization list-user-tags --user-name b', ['bob']],
  ['aws-iam across --organization aud', ['audit']],
  // Quoting as the shell reads it.
  ["aws-iam list-groups-for-user --user-name 'Zo", ['Zoë']],
  ['aws-iam "list-us', ['list-user-policies', 'list-user-tags', 'list-users']],
  // After `--` nothing is an option.
  ['aws-iam list-users -- --', []],
];

describe('completeLine', () => {
  it.each(CASES)('%j', async (line, expected) => {
    expect(await completeLine(line, fakeSources())).toEqual(expected);
  });

  it('offers every List operation of the table and no other IAM command', async () => {
    const all = await completeLine('aws-iam ', fakeSources());
    expect(all).toEqual([...operations.map((op) => op.cli), 'audit', 'completion']);
  });

  it('fetches live names with the profile, region and endpoint typed on the line', async () => {
    const recorder: Recorder = { fetches: [] };
    await completeLine(
      'aws-iam --prof work list-groups-for-user --region eu-west-1 --endpoint-url=http://127.0.0.1:1 --user-name ',
      fakeSources({}, recorder),
    );
    expect(recorder.fetches).toEqual([
      {
        sources: [{ operation: 'ListUsers', list: 'Users', name: 'UserName' }],
        settings: { profile: 'work', region: 'eu-west-1', endpointUrl: 'http://127.0.0.1:1' },
      },
    ]);
  });

  it('passes on the TLS and signing options of the line, not output or debug options', async () => {
    const recorder: Recorder = { fetches: [] };
    await completeLine(
      'aws-iam --debug --no-verify-ssl list-user-tags --output text --no-sign-request --ca-bundle /ca.pem --cli-read-timeout 5 --cli-connect-timeout=2 --user-name ',
      fakeSources({}, recorder),
    );
    expect(recorder.fetches[0].settings).toEqual({ verifySsl: false, signRequest: false, caBundle: '/ca.pem', readTimeout: '5', connectTimeout: '2' });
  });

  it('does not fetch for static candidates', async () => {
    const recorder: Recorder = { fetches: [] };
    await completeLine('aws-iam list-users --output ', fakeSources({}, recorder));
    await completeLine('aws-iam list-us', fakeSources({}, recorder));
    expect(recorder.fetches).toEqual([]);
  });
});

describe('live names: cache and deadline', () => {
  it('answers from the cache without fetching, and stores what a fetch returns under the line settings', async () => {
    const stored = new Map<string, string[]>();
    const recorder: Recorder = { fetches: [] };
    const cache = { get: (k: string) => stored.get(k), set: (k: string, v: readonly string[]) => void stored.set(k, [...v]) };
    const env = { AWS_PROFILE: 'work', AWS_DEFAULT_REGION: 'us-east-1' };
    const line = 'aws-iam list-user-tags --endpoint-url http://h:1 --user-name ';
    expect(await completeLine(line, fakeSources({ cache, env }, recorder))).toEqual(LIVE.ListUsers);
    expect(recorder.fetches).toHaveLength(1);
    const [key] = stored.keys();
    expect(JSON.parse(key)).toEqual({
      profile: 'work',
      endpoint: 'http://h:1',
      region: 'us-east-1',
      accessKey: '',
      home: '',
      configFile: '',
      credentialsFile: '',
      sharedFiles: '',
      option: '--user-name',
      sources: ['ListUsers:Users.UserName'],
    });
    stored.set(key, ['cached-only']);
    expect(await completeLine(line, fakeSources({ cache, env }, recorder))).toEqual(['cached-only']);
    expect(recorder.fetches).toHaveLength(1);
    // Another profile on the line is another key: fetched again.
    expect(await completeLine(line.replace('--user-name', '--profile ci --user-name'), fakeSources({ cache, env }, recorder))).toEqual(LIVE.ListUsers);
    expect(recorder.fetches).toHaveLength(2);
  });

  it('gives no candidates, and caches nothing, when the fetch fails', async () => {
    const stored = new Map<string, string[]>();
    const cache = { get: (k: string) => stored.get(k), set: (k: string, v: readonly string[]) => void stored.set(k, [...v]) };
    const fetchNames = async () => {
      throw new Error('Unable to locate credentials');
    };
    expect(await completeLine('aws-iam list-user-tags --user-name ', fakeSources({ cache, fetchNames }))).toEqual([]);
    expect(stored.size).toBe(0);
  });

  it('gives up at the deadline: no candidates even if the names arrive later', async () => {
    let fire: (() => void) | undefined;
    let deadlineMs: number | undefined;
    let release: ((names: string[]) => void) | undefined;
    const stored = new Map<string, string[]>();
    const cache = { get: (k: string) => stored.get(k), set: (k: string, v: readonly string[]) => void stored.set(k, [...v]) };
    const sources = fakeSources({
      cache,
      deadlineMs: 1234,
      startTimer: (callback, ms) => {
        fire = callback;
        deadlineMs = ms;
        return () => (fire = undefined);
      },
      fetchNames: () => new Promise<string[]>((resolve) => (release = resolve)),
    });
    const result = completeLine('aws-iam list-user-tags --user-name ', sources);
    await Promise.resolve();
    expect(deadlineMs).toBe(1234);
    fire!();
    expect(await result).toEqual([]);
    release!(['late']);
    await Promise.resolve();
    expect(stored.size).toBe(0);
  });
});

describe('live names from a hostile server', () => {
  const hostile = ['alice', 'two\nlines', 'esc\x1b[31m', 'tab\tdesc', 'rtl\u202egpj', 'with space', 'nbsp\u00a0x', '$(id>/tmp/x)', 'Zoë'];
  it('drops names with control, format or space characters: a newline never splits a candidate', async () => {
    const sources = fakeSources({ fetchNames: async () => hostile });
    expect(await completeLine('aws-iam list-user-tags --user-name ', sources)).toEqual(['alice', '$(id>/tmp/x)', 'Zoë']);
  });

  it('drops them from the cache too (a file written by an older version, or by hand)', async () => {
    const sources = fakeSources({ cache: { get: () => hostile, set: () => undefined } });
    expect(await completeLine('aws-iam list-user-tags --user-name ', sources)).toEqual(['alice', '$(id>/tmp/x)', 'Zoë']);
  });
});

describe('the cache key covers everything that decides the answer', () => {
  const line = 'aws-iam list-user-tags --user-name ';
  async function keyFor(overrides: Partial<CompletionSources>): Promise<string> {
    const keys: string[] = [];
    await completeLine(line, fakeSources({ cache: { get: () => undefined, set: (k) => void keys.push(k) }, ...overrides }));
    return keys[0];
  }
  it.each([
    ['the config file path', { env: { AWS_CONFIG_FILE: '/a/config' } }],
    ['the credentials file path', { env: { AWS_SHARED_CREDENTIALS_FILE: '/a/credentials' } }],
    ['HOME (the default files)', { env: { HOME: '/home/other' } }],
    ['environment keys', { env: { AWS_ACCESS_KEY_ID: 'AKIAOTHER' } }],
    ['AWS_ENDPOINT_URL_IAM', { env: { AWS_ENDPOINT_URL_IAM: 'http://other:1' } }],
    ['the files\' contents (endpoint_url, region, role_arn in them)', { sharedFilesStamp: () => '/h/.aws/config:120:1700000000001:7|-' }],
  ])('%s', async (_name, overrides: Partial<CompletionSources>) => {
    const base = await keyFor({ sharedFilesStamp: () => '/h/.aws/config:120:1700000000000:7|-' });
    expect(await keyFor({ sharedFilesStamp: () => '/h/.aws/config:120:1700000000000:7|-', ...overrides })).not.toBe(base);
  });
});
