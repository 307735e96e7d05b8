/** The MFA prompt's text and checks, and where STS is reached, as the AWS CLI does them. */
import { describe, expect, it } from 'vitest';
import { mfaPrompter, mfaPromptText, type PromptTerminal } from '../../src/sdk/mfa-prompt.js';
import { configuredEndpoint } from '../../src/config/settings.js';
import { CliError } from '../../src/errors/cli-error.js';

const SERIAL = 'arn:aws:iam::123456789012:mfa/alice';

function scriptedTerminal(answer: string | undefined) {
  const prompts: string[] = [];
  const terminal: PromptTerminal = {
    readSecretLine: async (prompt) => {
      prompts.push(prompt);
      return answer;
    },
  };
  return { prompts, open: () => terminal };
}

describe('mfaPrompter', () => {
  it('asks with botocore\'s text and returns the code', async () => {
    const t = scriptedTerminal('123456');
    expect(await mfaPrompter(t.open)(SERIAL)).toBe('123456');
    expect(t.prompts).toEqual(['Enter MFA code for arn:aws:iam::123456789012:mfa/alice: ']);
    expect(mfaPromptText(SERIAL)).toBe(t.prompts[0]);
  });

  it.each([
    ['', 0],
    ['12345', 5],
    ['🙂🙂🙂', 3],
  ])('refuses %j as botocore\'s validation does (exit 252)', async (code, length) => {
    const error = await mfaPrompter(scriptedTerminal(code).open)(SERIAL).catch((e) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(252);
    expect(error.message).toBe(`Parameter validation failed:\nInvalid length for parameter TokenCode, value: ${length}, valid min length: 6`);
  });

  it('accepts longer codes (botocore checks no maximum)', async () => {
    expect(await mfaPrompter(scriptedTerminal('1234567').open)(SERIAL)).toBe('1234567');
  });

  it('stops with a clear error and the CLI\'s exit code when there is nothing to read', async () => {
    const error = await mfaPrompter(scriptedTerminal(undefined).open)(SERIAL).catch((e) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error.exitCode).toBe(255);
    expect(error.message).toContain(`Unable to read an MFA code for ${SERIAL}: there is no terminal`);
  });
});

describe('configuredEndpoint for STS (botocore ConfiguredEndpointProvider order)', () => {
  const files = {
    // As the config file reader leaves a `[services]` section: nested values, unparsed.
    configFile: { 'services.local': { sts: '\nendpoint_url = http://services:1', iam: '\nendpoint_url = http://iam:1' } },
    credentialsFile: {},
  };
  it.each([
    ['nothing configured', {}, {}, undefined],
    ['the profile\'s endpoint_url', {}, { endpoint_url: 'http://profile:1' }, 'http://profile:1'],
    ['the services section over the profile', {}, { endpoint_url: 'http://profile:1', services: 'local' }, 'http://services:1'],
    ['AWS_ENDPOINT_URL over the config', { AWS_ENDPOINT_URL: 'http://global:1' }, { services: 'local' }, 'http://global:1'],
    ['AWS_ENDPOINT_URL_STS over everything', { AWS_ENDPOINT_URL_STS: 'http://sts:1', AWS_ENDPOINT_URL: 'http://global:1' }, {}, 'http://sts:1'],
    ['AWS_IGNORE_CONFIGURED_ENDPOINT_URLS', { AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true', AWS_ENDPOINT_URL_STS: 'http://sts:1' }, {}, undefined],
    ['the profile\'s ignore_configured_endpoint_urls', {}, { ignore_configured_endpoint_urls: 'True', endpoint_url: 'http://p:1' }, undefined],
    ['AWS_ENDPOINT_URL_IAM is IAM\'s only', { AWS_ENDPOINT_URL_IAM: 'http://iam:1' }, {}, undefined],
  ])('%s', (_name, env, profile, expected) => {
    expect(configuredEndpoint('sts', env, profile, files)).toBe(expected);
  });
});
