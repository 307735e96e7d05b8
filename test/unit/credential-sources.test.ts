/**
 * botocore's credential chain (src/sdk/credential-chain.ts) as tables, with every outside
 * part injected: which source answers, the AssumeRole calls made (and their arguments), the
 * CLI's message for each broken configuration, and the --debug lines (never a secret).
 */
import { describe, expect, it } from 'vitest';
import type { Profile } from '../../src/config/settings.js';
import { resolveCredentials, type AssumeRoleParams, type ChainDeps } from '../../src/sdk/credential-chain.js';
import { processCredentials } from '../../src/sdk/credential-process.js';
import type { Credentials } from '../../src/sdk/credential-types.js';
import { CliError } from '../../src/errors/cli-error.js';

const NOW = Date.UTC(2026, 11, 1, 21, 0, 0);

interface World {
  config?: Record<string, Profile>;
  credentials?: Record<string, Profile>;
  env?: Record<string, string>;
  programs?: Record<string, { status?: number; stdout?: string; stderr?: string }>;
  texts?: Record<string, string>;
}

function deps(world: World) {
  const calls: string[] = [];
  const debug: string[] = [];
  const d: ChainDeps = {
    env: world.env ?? {},
    files: { configFile: world.config ?? {}, credentialsFile: world.credentials ?? {} },
    now: () => NOW,
    debug: (line) => debug.push(line),
    fileReader: { kind: () => undefined, read: () => undefined },
    readText: (path) => {
      const text = world.texts?.[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    runProgram: async (argv) => {
      const p = world.programs?.[argv[0]!];
      if (!p) throw Object.assign(new Error('spawn ENOENT'), { code: 'ENOENT' });
      return { status: p.status ?? 0, stdout: Buffer.from(p.stdout ?? ''), stderr: Buffer.from(p.stderr ?? '') };
    },
    promptMfa: async (serial) => {
      calls.push(`prompt ${serial}`);
      return '123456';
    },
    tokenCaches: { ssoDir: '/sso', loginDir: '/login' },
    assumeRole: async (source: Credentials, params: AssumeRoleParams) => {
      calls.push(`AssumeRole ${params.RoleArn} as ${source.accessKeyId} ${JSON.stringify({ ...params, RoleArn: undefined })}`);
      return { accessKeyId: `ASIA-${params.RoleArn.split('/')[1]}`, secretAccessKey: 's', sessionToken: 't', expiration: new Date(NOW + 3600e3) };
    },
    assumeRoleWithWebIdentity: async (params) => {
      calls.push(`AssumeRoleWithWebIdentity ${params.RoleArn} ${params.WebIdentityToken}`);
      return { accessKeyId: 'ASIA-WEB', secretAccessKey: 's', sessionToken: 't' };
    },
    ssoRoleCredentials: async () => ({ accessKeyId: 'ASIA-SSO', secretAccessKey: 's' }),
    ssoCreateToken: async () => ({ accessToken: 'refreshed', expiresIn: 3600 }),
    signinCreateToken: async () => ({ accessKeyId: 'ASIA-REFRESHED', secretAccessKey: 's', sessionToken: 't', expiresIn: 900, refreshToken: 'r' }),
    containerCredentials: async () => ({ accessKeyId: 'ASIA-ECS', secretAccessKey: 's' }),
    instanceCredentials: async () => undefined,
  };
  return { d, calls, debug };
}

const STATIC = { aws_access_key_id: 'AKIDBASE', aws_secret_access_key: 'secret' };
const role = (name: string, rest: Profile): Profile => ({ role_arn: `arn:aws:iam::123456789012:role/${name}`, ...rest });

describe('which source answers, in botocore order', () => {
  const cases: [string, World, string, boolean?][] = [
    ['environment first', { env: { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 's' }, credentials: { default: STATIC } }, 'AKIDENV'],
    ['--profile skips the environment', { env: { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 's' }, credentials: { default: STATIC } }, 'AKIDBASE', true],
    ['credentials file before config file', { credentials: { default: STATIC }, config: { default: { aws_access_key_id: 'AKIDCFG', aws_secret_access_key: 's' } } }, 'AKIDBASE'],
    ['credentials file before credential_process', { credentials: { default: STATIC }, config: { default: { credential_process: 'helper' } } }, 'AKIDBASE'],
    ['process before config-file keys', { config: { default: { credential_process: 'helper', aws_access_key_id: 'AKIDCFG', aws_secret_access_key: 's' } }, programs: { helper: { stdout: '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "s"}' } } }, 'AKIDPROC'],
    ['assume role before static keys of the same profile', { config: { default: role('r', { source_profile: 'base', aws_access_key_id: 'AKIDCFG', aws_secret_access_key: 's' }), base: STATIC } }, 'ASIA-r'],
    ['web identity from the profile', { config: { default: { web_identity_token_file: '/tok', role_arn: 'arn:aws:iam::1:role/w' } }, texts: { '/tok': 'jwt' } }, 'ASIA-WEB'],
    ['container credentials last but one', { env: { AWS_CONTAINER_CREDENTIALS_RELATIVE_URI: '/creds' } }, 'ASIA-ECS'],
  ];
  it.each(cases)('%s', async (_name, world, accessKeyId, explicit = false) => {
    const { d } = deps(world);
    expect((await resolveCredentials('default', explicit, d)).accessKeyId).toBe(accessKeyId);
  });

  it('nothing anywhere: the CLI\'s "Unable to locate credentials" (exit 253)', async () => {
    const error = await resolveCredentials('default', false, deps({}).d).catch((e: CliError) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(253);
  });
});

describe('assume-role chains', () => {
  it('assumes each role from the bottom up, with botocore\'s arguments', async () => {
    const { d, calls } = deps({
      config: {
        top: role('top', { source_profile: 'mid', mfa_serial: 'arn:aws:iam::1:mfa/me', duration_seconds: '900', external_id: 'x' }),
        mid: role('mid', { source_profile: 'base', role_session_name: 'named', duration_seconds: 'soon' }),
        base: STATIC,
      },
    });
    expect((await resolveCredentials('top', true, d)).accessKeyId).toBe('ASIA-top');
    // botocore asks for the top role's MFA code before the role below it is assumed.
    expect(calls).toEqual([
      'prompt arn:aws:iam::1:mfa/me',
      'AssumeRole arn:aws:iam::123456789012:role/mid as AKIDBASE {"RoleSessionName":"named"}',
      `AssumeRole arn:aws:iam::123456789012:role/top as ASIA-mid {"RoleSessionName":"botocore-session-${NOW / 1000}","ExternalId":"x","SerialNumber":"arn:aws:iam::1:mfa/me","TokenCode":"123456","DurationSeconds":900}`,
    ]);
  });

  it('credential_source Environment uses the environment keys even with --profile', async () => {
    const { d, calls } = deps({ env: { AWS_ACCESS_KEY_ID: 'AKIDENV', AWS_SECRET_ACCESS_KEY: 's' }, config: { r: role('r', { credential_source: 'Environment' }) } });
    await resolveCredentials('r', true, d);
    expect(calls[0]).toMatch(/^AssumeRole \S+ as AKIDENV /);
  });

  it('a source profile with a credential_process', async () => {
    const { d, calls } = deps({
      config: { r: role('r', { source_profile: 'p' }), p: { credential_process: 'helper' } },
      programs: { helper: { stdout: '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "s"}' } },
    });
    await resolveCredentials('r', true, d);
    expect(calls[0]).toMatch(/ as AKIDPROC /);
  });

  it('a 10,000-profile chain ends with Python\'s recursion message, not a JavaScript error', async () => {
    const config: Record<string, Profile> = { p0: STATIC };
    for (let i = 1; i <= 10_000; i++) config[`p${i}`] = role('r', { source_profile: `p${i - 1}` });
    await expect(resolveCredentials('p10000', true, deps({ config }).d)).rejects.toThrow(/^maximum recursion depth exceeded in comparison$/);
  });

  it('133 profiles deep still works (the reference CLI\'s limit)', async () => {
    const config: Record<string, Profile> = { p0: STATIC };
    for (let i = 1; i <= 133; i++) config[`p${i}`] = role(`r${i}`, { source_profile: `p${i - 1}` });
    expect((await resolveCredentials('p133', true, deps({ config }).d)).accessKeyId).toBe('ASIA-r133');
  });
});

describe('broken configurations: the CLI\'s message', () => {
  const cases: [string, World, string][] = [
    ['cycle', { config: { default: role('a', { source_profile: 'b' }), b: role('b', { source_profile: 'default' }) } },
      "Infinite loop in credential configuration detected. Attempting to load from profile default which has already been visited. Visited profiles: ['default', 'b']"],
    ['self-reference without keys', { config: { default: role('a', { source_profile: 'default' }) } },
      "Infinite loop in credential configuration detected. Attempting to load from profile default which has already been visited. Visited profiles: ['default']"],
    ['missing source profile', { config: { default: role('a', { source_profile: 'nowhere' }) } },
      'The source_profile "nowhere" referenced in the profile "default" does not exist.'],
    ['no source', { config: { default: role('a', {}) } }, 'Partial credentials found in assume-role, missing: source_profile or credential_source'],
    ['both sources', { config: { default: role('a', { source_profile: 'x', credential_source: 'Environment' }), x: STATIC } },
      'The profile "default" contains both source_profile and credential_source.'],
    ['unknown credential_source', { config: { default: role('a', { credential_source: 'environment' }) } },
      'The credential source "environment" referenced in profile "default" is not valid.'],
    ['credential_source with nothing there', { config: { default: role('a', { credential_source: 'Environment' }) } },
      'Error when retrieving credentials from Environment: No credentials found in credential_source referenced in profile default'],
    ['source profile without credentials', { config: { default: role('a', { source_profile: 'e' }), e: { output: 'json' } } },
      'The source profile "e" must have credentials.'],
    ['partial keys in the config file', { config: { default: { aws_access_key_id: 'A' } } }, 'Partial credentials found in config-file, missing: aws_secret_access_key'],
    ['partial keys in the credentials file', { credentials: { default: { aws_access_key_id: 'A' } } }, 'Partial credentials found in shared-credentials-file, missing: aws_secret_access_key'],
    ['partial environment keys', { env: { AWS_ACCESS_KEY_ID: 'A' } }, 'Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY'],
    ['expired environment keys', { env: { AWS_ACCESS_KEY_ID: 'A', AWS_SECRET_ACCESS_KEY: 's', AWS_CREDENTIAL_EXPIRATION: '2020-01-01T00:00:00Z' } },
      'Credentials were refreshed, but the refreshed credentials are still expired.'],
    ['web identity token file missing', { config: { default: { web_identity_token_file: '/nope', role_arn: 'arn:aws:iam::1:role/w' } } },
      "[Errno 2] No such file or directory: '/nope'"],
    ['SSO settings missing', { config: { default: { sso_account_id: '1', sso_start_url: 'https://x' } } },
      'The profile "default" is configured to use SSO but is missing required configuration: sso_role_name, sso_region'],
    ['sso-session missing', { config: { default: { sso_session: 'gone', sso_role_name: 'r', sso_account_id: '1' } } },
      'The specified sso-session does not exist: "gone"'],
    ['SSO token missing', { config: { default: { sso_session: 'corp', sso_role_name: 'r', sso_account_id: '1' }, 'sso-session.corp': { sso_start_url: 'https://x', sso_region: 'us-east-1' } } },
      'Error loading SSO Token: Token for corp does not exist'],
    ['login token missing', { config: { default: { login_session: 'arn:aws:iam::1:user/a' } } },
      "Error loading login session token: Unable to load a existing login session for session arn:aws:iam::1:user/a, Please reauthenticate with 'aws login'."],
  ];
  it.each(cases)('%s', async (_name, world, message) => {
    const error = await resolveCredentials('default', false, deps(world).d).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).message).toBe(message);
    expect((error as CliError).exitCode).toBe(255);
  });
});

describe('credential_process: its JSON contract', () => {
  const run = (stdout: string, status = 0, stderr = '') =>
    processCredentials('helper --arg', {}, async () => ({ status, stdout: Buffer.from(stdout), stderr: Buffer.from(stderr) }));
  const cases: [string, string, number, string, string][] = [
    ['not JSON', 'not-json', 0, '', 'Expecting value: line 1 column 1 (char 0)'],
    ['an array', '[1]', 0, '', "'list' object has no attribute 'get'"],
    ['a string', '"x"', 0, '', "'str' object has no attribute 'get'"],
    ['no version', '{"AccessKeyId": "A", "SecretAccessKey": "s"}', 0, '', "Error when retrieving credentials from custom-process: Unsupported version '<Version key not provided>' for credential process provider, supported versions: 1"],
    ['version 2', '{"Version": 2}', 0, '', "Error when retrieving credentials from custom-process: Unsupported version '2' for credential process provider, supported versions: 1"],
    ['version "1"', '{"Version": "1"}', 0, '', "Error when retrieving credentials from custom-process: Unsupported version '1' for credential process provider, supported versions: 1"],
    ['no key id', '{"Version": 1, "SecretAccessKey": "s"}', 0, '', "Error when retrieving credentials from custom-process: Missing required key in response: 'AccessKeyId'"],
    ['no secret', '{"Version": 1, "AccessKeyId": "A"}', 0, '', "Error when retrieving credentials from custom-process: Missing required key in response: 'SecretAccessKey'"],
    ['failing program', '', 3, 'denied\n', 'Error when retrieving credentials from custom-process: denied\n'],
  ];
  it.each(cases)('%s', async (_name, stdout, status, stderr, message) => {
    await expect(run(stdout, status, stderr)).rejects.toThrow(message);
  });
  it.each([['1.0'], ['true']])('accepts Version %s (Python compares 1 == %s)', async (v) => {
    expect((await run(`{"Version": ${v}, "AccessKeyId": "A", "SecretAccessKey": "s"}`)).accessKeyId).toBe('A');
  });
  it('splits the command line with shlex and reports a bad one as Python does', async () => {
    const seen: string[][] = [];
    await processCredentials(`"/opt/my helper" 'a b' c`, {}, async (argv) => {
      seen.push([...argv]);
      return { status: 0, stdout: Buffer.from('{"Version": 1, "AccessKeyId": "A", "SecretAccessKey": "s"}'), stderr: Buffer.alloc(0) };
    });
    expect(seen).toEqual([['/opt/my helper', 'a b', 'c']]);
    await expect(processCredentials('"open', {}, async () => ({ status: 0, stdout: Buffer.alloc(0), stderr: Buffer.alloc(0) }))).rejects.toThrow(/^No closing quotation$/);
  });
});

describe('--debug: each source tried, why it was skipped, never a secret', () => {
  it('lists the chain up to the source that answered', async () => {
    const { d, debug } = deps({ config: { default: { credential_process: 'helper' } }, programs: { helper: { stdout: '{"Version": 1, "AccessKeyId": "AKIDPROC", "SecretAccessKey": "TOPSECRET"}' } } });
    await resolveCredentials('default', false, d);
    expect(debug).toEqual([
      'Looking for credentials via: env',
      'Skipping env: AWS_ACCESS_KEY_ID is not set',
      'Looking for credentials via: assume-role',
      'Skipping assume-role: no role_arn in the profile',
      'Looking for credentials via: assume-role-with-web-identity',
      'Skipping assume-role-with-web-identity: no web_identity_token_file',
      'Looking for credentials via: sso',
      'Skipping sso: no sso_role_name or sso_account_id in the profile',
      'Looking for credentials via: shared-credentials-file',
      'Skipping shared-credentials-file: no aws_access_key_id in [default] of the credentials file',
      'Looking for credentials via: login',
      'Skipping login: no login_session in the profile',
      'Looking for credentials via: custom-process',
    ]);
    expect(debug.join('\n')).not.toContain('TOPSECRET');
  });
});
