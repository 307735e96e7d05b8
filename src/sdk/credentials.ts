/**
 * The credential chain of the AWS CLI, built from the SDK's own providers. The SDK's default
 * chain differs from the CLI's in one way that matters: with AWS_PROFILE set, the SDK skips
 * environment keys (and warns on the console), while the CLI still uses them; only an explicit
 * `--profile` makes the CLI skip them.
 */
import { fromEnv } from '@aws-sdk/credential-provider-env';
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

const quietLogger = { debug() {}, info() {}, warn() {}, error() {} };

export function credentialChain(profile: string, profileFromCommandLine: boolean): AwsCredentialIdentityProvider {
  const rest = defaultProvider({ profile, logger: quietLogger });
  if (profileFromCommandLine) return rest;
  const env = fromEnv();
  return async (props) => {
    try {
      return await env(props);
    } catch {
      return rest(props);
    }
  };
}
