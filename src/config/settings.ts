/**
 * Settings resolved the way AWS CLI v2 resolves them: command line, then environment, then the
 * profile in the shared config/credentials files. The files are read once, and only by
 * commands that need them (a usage error or a skeleton never touches them).
 */
import type { GlobalOptions } from '../cli/global-options.js';
import { CliError } from '../errors/cli-error.js';
import { nestedValue } from './config-file.js';
import type { ErrorFormat } from '../errors/write-error.js';
import type { TimestampFormat } from '../response/timestamps.js';

export type Env = Readonly<Record<string, string | undefined>>;
export type Profile = Readonly<Record<string, string | undefined>>;

export interface SharedFiles {
  readonly configFile: Readonly<Record<string, Profile>>;
  readonly credentialsFile: Readonly<Record<string, Profile>>;
  /** `[sso-session x]` sections of the config file, by name (config/shared-files.ts). */
  readonly ssoSessions?: Readonly<Record<string, Profile>>;
  /** The two files' paths as read (expanded), for messages and --debug. */
  readonly paths?: { readonly config: string; readonly credentials: string };
}

export interface Settings {
  /** The profile name, and whether the user named it (`--profile` disables env credentials). */
  readonly profileName: string;
  readonly profileFromCommandLine: boolean;
  readonly region?: string;
  readonly endpointUrl?: string;
  readonly output: string;
  /** Which setting chose `output` (aws-iam's own settings may name formats `aws` refuses). */
  readonly outputSource: OutputSource;
  readonly timestampFormat: TimestampFormat;
  readonly caBundle?: string;
  /** AWS CLI v2 knows only these two (its botocore rejects `legacy`). */
  readonly retryMode: 'standard' | 'adaptive';
  /** Total attempts per request (first try included); undefined: the mode's default, 3. */
  readonly maxAttempts?: number;
  /** FIPS and dual-stack endpoints (`AWS_USE_FIPS_ENDPOINT` > profile `use_fips_endpoint`, same for dual-stack). */
  readonly useFipsEndpoint: boolean;
  readonly useDualstackEndpoint: boolean;
  /** The output pager's command line; undefined or '' for none. */
  readonly pager?: string;
  readonly profile: Profile;
}

/**
 * Where the output format came from, first found wins: `--output`, then aws-iam's own
 * AWS_IAM_OUTPUT, the CLI's AWS_DEFAULT_OUTPUT, aws-iam's own `aws_iam_output` in the profile,
 * the CLI's `output` in the profile, then json. The AWS CLI ignores aws-iam's two, so they can
 * make jsonl or csv the default without breaking `aws`.
 */
export type OutputSource = '--output' | 'AWS_IAM_OUTPUT' | 'AWS_DEFAULT_OUTPUT' | 'aws_iam_output' | 'output' | 'default';

function outputOf(globals: GlobalOptions, env: Env, profile: Profile): { output: string; outputSource: OutputSource } {
  const candidates: [string | undefined, OutputSource][] = [
    [globals.output, '--output'],
    [env.AWS_IAM_OUTPUT || undefined, 'AWS_IAM_OUTPUT'],
    [env.AWS_DEFAULT_OUTPUT, 'AWS_DEFAULT_OUTPUT'],
    [profile.aws_iam_output, 'aws_iam_output'],
    [profile.output, 'output'],
  ];
  const [output, outputSource] = candidates.find(([value]) => value !== undefined) ?? ['json', 'default'];
  return { output: output!, outputSource };
}

/** The profile named by `--profile`, `AWS_PROFILE` (wins in v2) or `AWS_DEFAULT_PROFILE`. */
export function profileNameOf(globals: GlobalOptions, env: Env): { name: string; explicit: boolean } {
  if (globals.profile !== undefined) return { name: globals.profile, explicit: true };
  const fromEnv = env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE;
  return { name: fromEnv || 'default', explicit: false };
}

/** `--cli-error-format` > AWS_CLI_ERROR_FORMAT > profile `cli_error_format` > enhanced. */
export function errorFormatOf(globals: GlobalOptions, env: Env, profile?: Profile): ErrorFormat {
  const value = (globals.errorFormat ?? env.AWS_CLI_ERROR_FORMAT ?? profile?.cli_error_format ?? 'enhanced').toLowerCase();
  const known: ErrorFormat[] = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'];
  return known.includes(value as ErrorFormat) ? (value as ErrorFormat) : 'enhanced';
}

export function resolveSettings(globals: GlobalOptions, env: Env, files: SharedFiles): Settings {
  const { name, explicit } = profileNameOf(globals, env);
  const profile = findProfile(name, files);
  // A profile the user named (even `default`, by flag or environment) must exist.
  const named = globals.profile !== undefined || Boolean(env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE);
  if (!profile && (named || name !== 'default')) {
    throw new CliError('general', `The config profile (${name}) could not be found`);
  }
  const p: Profile = profile ?? {};
  // botocore reads max_attempts before the mode, so a bad max_attempts is reported first.
  const maxAttempts = maxAttemptsOf(env.AWS_MAX_ATTEMPTS ?? p.max_attempts);
  const retryMode = retryModeOf(env.AWS_RETRY_MODE ?? p.retry_mode);
  return {
    profileName: name,
    profileFromCommandLine: explicit,
    region: globals.region ?? (env.AWS_REGION || undefined) ?? (env.AWS_DEFAULT_REGION || undefined) ?? p.region,
    endpointUrl: endpointOf(globals, env, p, files),
    ...outputOf(globals, env, p),
    timestampFormat: timestampFormatOf(p.cli_timestamp_format),
    caBundle: globals.caBundle ?? env.AWS_CA_BUNDLE ?? p.ca_bundle,
    useFipsEndpoint: isTrue(env.AWS_USE_FIPS_ENDPOINT ?? p.use_fips_endpoint),
    useDualstackEndpoint: isTrue(env.AWS_USE_DUALSTACK_ENDPOINT ?? p.use_dualstack_endpoint),
    retryMode,
    maxAttempts,
    pager: globals.noCliPager ? undefined : (env.AWS_PAGER ?? p.cli_pager ?? env.PAGER ?? 'less'),
    profile: p,
  };
}

/** The profile's settings from both files (credentials-file keys do not hide config keys). */
function findProfile(name: string, files: SharedFiles): Profile | undefined {
  const fromConfig = files.configFile[name];
  const fromCredentials = files.credentialsFile[name];
  if (!fromConfig && !fromCredentials) return undefined;
  return { ...fromConfig, ...fromCredentials };
}

/** --endpoint-url > AWS_ENDPOINT_URL_IAM > AWS_ENDPOINT_URL > `[services]` iam > profile. */
function endpointOf(globals: GlobalOptions, env: Env, profile: Profile, files: SharedFiles): string | undefined {
  return globals.endpointUrl ?? configuredEndpoint('iam', env, profile, files);
}

/**
 * botocore's configured endpoint for a service (ConfiguredEndpointProvider):
 * AWS_ENDPOINT_URL_<SERVICE> > AWS_ENDPOINT_URL > the profile's `[services]` section > the
 * profile's `endpoint_url`; none when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS (or the profile) says so.
 */
export function configuredEndpoint(service: 'iam' | 'sts' | 'organizations' | 'sso' | 'sso_oidc' | 'signin', env: Env, profile: Profile, files: SharedFiles): string | undefined {
  const ignore = (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS ?? profile.ignore_configured_endpoint_urls ?? '').toLowerCase();
  if (ignore === 'true') return undefined;
  const services = profile.services ? files.configFile[`services.${profile.services}`] : undefined;
  // A `[services]` entry is a nested value (`iam =` then indented `endpoint_url = …`).
  const nested = services?.[service] !== undefined ? nestedValue(services[service]!) : undefined;
  return env[`AWS_ENDPOINT_URL_${service.toUpperCase()}`] || env.AWS_ENDPOINT_URL || nested?.endpoint_url || profile.endpoint_url || undefined;
}

/** botocore's `ensure_boolean`: only the text `true`, in any case, is true. */
const isTrue = (value: string | undefined): boolean => value?.toLowerCase() === 'true';

function timestampFormatOf(value: string | undefined): TimestampFormat {
  if (value === undefined || value === 'iso8601') return 'iso8601';
  if (value === 'wire') return 'wire';
  throw new CliError('configuration', `Unknown cli_timestamp_format value: ${value}, valid values are "wire" or "iso8601"`);
}

/** `retry_mode`: exactly `standard` or `adaptive` (case matters), as botocore's Config checks it. */
function retryModeOf(value: string | undefined): Settings['retryMode'] {
  if (value === undefined || value === 'standard' || value === 'adaptive') return value ?? 'standard';
  throw new CliError('general', `Invalid value provided to "mode": "${value}" must be one of: "standard" or "adaptive"`);
}

/** `max_attempts`: Python `int()` of the text, then at least one. */
function maxAttemptsOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(value)) {
    throw new CliError('general', `invalid literal for int() with base 10: '${value}'`);
  }
  const attempts = Number(value.trim().replace(/_/g, ''));
  if (attempts < 1) {
    throw new CliError(
      'general',
      `Value provided to "max_attempts": ${attempts} must be an integer greater than or equal to one.`,
    );
  }
  return attempts;
}
