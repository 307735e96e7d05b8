/**
 * The chain's own decisions, with everything outside injected: an MFA role profile whose
 * credentials are cached is answered from the cache without prompting or calling STS.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { credentialChain, type CredentialDeps } from '../../src/sdk/credentials.js';
import { assumeRoleCacheKey, writeCachedCredentials } from '../../src/sdk/credential-cache.js';

const NOW = Date.UTC(2026, 10, 23, 4, 0, 0);
const MFA_PROFILE = {
  role_arn: 'arn:aws:iam::123456789012:role/admin',
  source_profile: 'base',
  mfa_serial: 'arn:aws:iam::123456789012:mfa/alice',
  // Unreachable on purpose: a cache hit must not call STS.
  endpoint_url: 'http://127.0.0.1:1',
};

let dir: string;
const savedEnv = { ...process.env };
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
  process.env = { ...savedEnv };
});

function deps(prompts: string[]): CredentialDeps {
  dir = mkdtempSync(join(tmpdir(), 'aws-iam-chain-'));
  return {
    env: {},
    loadFiles: async () => ({ configFile: { mfa: MFA_PROFILE, base: {} }, credentialsFile: { base: { aws_access_key_id: 'A', aws_secret_access_key: 'S' } } }),
    now: () => NOW,
    promptMfa: async (serial) => {
      prompts.push(serial);
      throw new Error('must not prompt');
    },
    cacheDir: join(dir, 'cache'),
  };
}

describe('credentialChain with an MFA role profile', () => {
  it('answers from the CLI cache without prompting', async () => {
    const prompts: string[] = [];
    const d = deps(prompts);
    const cached = { accessKeyId: 'ASIACACHED', secretAccessKey: 'sk', sessionToken: 'st', expiration: new Date(NOW + 3_600_000), accountId: '123456789012' };
    writeCachedCredentials(d.cacheDir, assumeRoleCacheKey(MFA_PROFILE), cached);
    const identity = await credentialChain('mfa', true, d)({});
    expect(identity).toEqual(cached);
    expect(prompts).toEqual([]);
  });

  it('prompts (through the SDK\'s mfaCodeProvider) when the cached credentials are about to expire', async () => {
    const prompts: string[] = [];
    const d = deps(prompts);
    // The SDK's ini provider reads the files itself: the same profiles, on disk.
    writeFileSync(join(dir, 'config'), `[profile mfa]\n${Object.entries(MFA_PROFILE).map(([k, v]) => `${k} = ${v}`).join('\n')}\n`);
    writeFileSync(join(dir, 'credentials'), '[base]\naws_access_key_id = A\naws_secret_access_key = S\n');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    writeCachedCredentials(d.cacheDir, assumeRoleCacheKey(MFA_PROFILE), {
      accessKeyId: 'ASIAOLD', secretAccessKey: 'sk', sessionToken: 'st', expiration: new Date(NOW + 60_000),
    });
    await expect(credentialChain('mfa', true, d)({})).rejects.toThrow('must not prompt');
    expect(prompts).toEqual([MFA_PROFILE.mfa_serial]);
  });
});
