/**
 * botocore's credential chain (credentials.py, create_credential_resolver), source by source,
 * with its errors: environment (unless `--profile`), assume-role, assume-role-with-web-identity,
 * sso, shared-credentials-file, login, custom-process, config-file, ec2-credentials-file,
 * boto-config, container-role, iam-role (instance metadata). The first source that applies
 * wins; a source that applies but is broken is an error (exit 255), never a fall-through.
 * A function of (profile name, environment, shared files) and injected I/O: no globals.
 *
 * Network and terminal work (STS, SSO, metadata, the MFA prompt, caches) is in ChainDeps, so
 * the rules here are tested as tables; credentials.ts supplies the real ones.
 */
import type { Env, Profile, SharedFiles } from '../config/settings.js';
import { readIniFile, type FileReader } from '../config/config-file.js';
import { CliError } from '../errors/cli-error.js';
import { pyStringRepr } from '../value/python-repr.js';
import { processCredentials, parseExpiry, type RunProgram } from './credential-process.js';
import { osErrorMessage, usable, type Credentials } from './credential-types.js';
import { assumeRoleCacheKey, readCachedCredentials, writeCachedCredentials } from './credential-cache.js';
import { loginCredentials, ssoCredentials, type SsoRoleRequest, type TokenCaches } from './sso-login.js';
import type { CreateTokenAnswer, CreateTokenRequest } from './sso-token.js';
import type { SigninTokenAnswer, SigninTokenRequest } from './login-refresh.js';

export const NO_CREDENTIALS = 'Unable to locate credentials. You can configure credentials by running "aws login".';

/** AssumeRole's arguments as botocore sends them. */
export interface AssumeRoleParams {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly ExternalId?: string;
  readonly SerialNumber?: string;
  readonly TokenCode?: string;
  readonly DurationSeconds?: number;
}

export interface WebIdentityParams {
  readonly RoleArn: string;
  readonly RoleSessionName: string;
  readonly WebIdentityToken: string;
}

export type { SsoRoleRequest } from './sso-login.js';

export interface ChainDeps {
  readonly env: Env;
  readonly files: SharedFiles;
  readonly now: () => number;
  readonly debug?: (line: string) => void;
  /** For the boto config files (read as ini files). */
  readonly fileReader: FileReader;
  readonly readText: (path: string) => string;
  readonly runProgram: RunProgram;
  readonly promptMfa: (serial: string) => Promise<string>;
  /** ~/.aws/cli/cache (assumed roles); undefined: no caching. */
  readonly cacheDir?: string;
  readonly tokenCaches: TokenCaches;
  readonly assumeRole: (source: Credentials, params: AssumeRoleParams, profile: Profile) => Promise<Credentials>;
  readonly assumeRoleWithWebIdentity: (params: WebIdentityParams, profile: Profile) => Promise<Credentials>;
  /** SSO GetRoleCredentials at the portal the profile's settings name. */
  readonly ssoRoleCredentials: (request: SsoRoleRequest, profile: Profile) => Promise<Credentials>;
  /** SSO OIDC CreateToken (refresh); throws RefreshRefused when the service says no. */
  readonly ssoCreateToken: (request: CreateTokenRequest, profile: Profile) => Promise<CreateTokenAnswer>;
  /** Sign-In CreateOAuth2Token (an `aws login` refresh), with the DPoP proof of the request's URL. */
  readonly signinCreateToken: (request: SigninTokenRequest, profile: Profile) => Promise<SigninTokenAnswer>;
  /** Container credentials (ECS/EKS), when their variables are set; errors in the CLI's words. */
  readonly containerCredentials: () => Promise<Credentials>;
  /** Instance metadata credentials, undefined when there are none (botocore falls through). */
  readonly instanceCredentials: () => Promise<Credentials | undefined>;
}

/** Python's recursion limit stops an assume-role chain this many profiles deep (measured on 2.36.7). */
const MAX_ROLE_DEPTH = 133;
/** Deeper chains fail in a comparison (Python's message names where the limit struck). */
const DEEP_RECURSION = 330;

type Provider = { readonly method: string; readonly load: () => Promise<Credentials | undefined> };

/** The chain for `profileName`; `explicit` is `--profile` (which drops environment keys). */
export async function resolveCredentials(profileName: string, explicit: boolean, deps: ChainDeps): Promise<Credentials> {
  const chain = new Chain(deps);
  const providers: Provider[] = [
    ...(explicit ? [] : [{ method: 'env', load: () => chain.fromEnv() }]),
    { method: 'assume-role', load: () => chain.assumeRoleIfConfigured(profileName) },
    ...chain.profileProviders(profileName, explicit),
    { method: 'ec2-credentials-file', load: async () => chain.fromEc2CredentialFile() },
    { method: 'boto-config', load: async () => chain.fromBotoConfig() },
    { method: 'container-role', load: () => chain.fromContainer() },
    { method: 'iam-role', load: () => chain.fromInstanceMetadata() },
  ];
  if (explicit) deps.debug?.('Skipping environment variable credential check because profile name was explicitly set.');
  const found = await chain.first(providers);
  if (!found) throw new CliError('no-credentials', NO_CREDENTIALS);
  return found;
}

class Chain {
  private readonly visited: string[] = [];

  constructor(private readonly deps: ChainDeps) {}

  async first(providers: readonly Provider[]): Promise<Credentials | undefined> {
    for (const provider of providers) {
      this.deps.debug?.(`Looking for credentials via: ${provider.method}`);
      const found = await provider.load();
      if (found) return found;
    }
    return undefined;
  }

  private skip(method: string, why: string): undefined {
    this.deps.debug?.(`Skipping ${method}: ${why}`);
    return undefined;
  }

  /** session.full_config's profiles: config-file profiles updated by credentials-file sections. */
  private profiles(name: string): Profile | undefined {
    const { configFile, credentialsFile } = this.deps.files;
    const fromConfig = isProfileKey(name) ? configFile[name] : undefined;
    const fromCredentials = credentialsFile[name];
    if (!fromConfig && !fromCredentials) return undefined;
    return { ...fromConfig, ...fromCredentials };
  }

  private profile(name: string): Profile {
    return this.profiles(name) ?? {};
  }

  // ---- environment -------------------------------------------------------------------------

  async fromEnv(): Promise<Credentials | undefined> {
    const read = (): Credentials | undefined => {
      const env = this.deps.env;
      if (!env.AWS_ACCESS_KEY_ID) return undefined;
      if (!env.AWS_SECRET_ACCESS_KEY) {
        throw new CliError('general', 'Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY');
      }
      return {
        accessKeyId: env.AWS_ACCESS_KEY_ID,
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY,
        sessionToken: env.AWS_SECURITY_TOKEN || env.AWS_SESSION_TOKEN || undefined,
        expiration: env.AWS_CREDENTIAL_EXPIRATION ? parseExpiry(env.AWS_CREDENTIAL_EXPIRATION) : undefined,
        accountId: env.AWS_ACCOUNT_ID || undefined,
      };
    };
    const found = read();
    if (!found) return this.skip('env', 'AWS_ACCESS_KEY_ID is not set');
    this.deps.debug?.('Found credentials in environment variables.');
    return usable(found, async () => read() ?? found, this.deps.now);
  }

  // ---- profile providers (also the source_profile chain) ------------------------------------

  profileProviders(name: string, disableEnv: boolean): Provider[] {
    return [
      { method: 'assume-role-with-web-identity', load: () => this.fromWebIdentity(name, disableEnv) },
      { method: 'sso', load: () => this.fromSso(name) },
      { method: 'shared-credentials-file', load: async () => this.fromCredentialsFile(name) },
      { method: 'login', load: () => this.fromLogin(name) },
      { method: 'custom-process', load: () => this.fromProcess(name) },
      { method: 'config-file', load: async () => this.fromConfigFile(name) },
    ];
  }

  private staticKeys(section: Profile, method: string): Credentials {
    for (const key of ['aws_access_key_id', 'aws_secret_access_key']) {
      if (section[key] === undefined) throw new CliError('general', `Partial credentials found in ${method}, missing: ${key}`);
    }
    return {
      accessKeyId: section.aws_access_key_id!,
      secretAccessKey: section.aws_secret_access_key!,
      sessionToken: section.aws_security_token ?? section.aws_session_token,
      accountId: section.aws_account_id,
    };
  }

  fromCredentialsFile(name: string): Credentials | undefined {
    const section = this.deps.files.credentialsFile[name];
    if (section?.aws_access_key_id === undefined) {
      return this.skip('shared-credentials-file', `no aws_access_key_id in [${name}] of the credentials file`);
    }
    this.deps.debug?.(`Found credentials in shared credentials file: ${this.deps.files.paths?.credentials ?? '~/.aws/credentials'}`);
    return this.staticKeys(section, 'shared-credentials-file');
  }

  fromConfigFile(name: string): Credentials | undefined {
    const section = isProfileKey(name) ? this.deps.files.configFile[name] : undefined;
    if (section?.aws_access_key_id === undefined) {
      return this.skip('config-file', `no aws_access_key_id in profile ${name} of the config file`);
    }
    this.deps.debug?.(`Credentials found in config file: ${this.deps.files.paths?.config ?? '~/.aws/config'}`);
    return this.staticKeys(section, 'config-file');
  }

  async fromProcess(name: string): Promise<Credentials | undefined> {
    const profile = this.profile(name);
    const commandLine = profile.credential_process;
    if (commandLine === undefined) return this.skip('custom-process', 'no credential_process in the profile');
    const run = () => processCredentials(commandLine, profile, this.deps.runProgram);
    return usable(await run(), run, this.deps.now);
  }

  async fromWebIdentity(name: string, disableEnv: boolean): Promise<Credentials | undefined> {
    const profile = this.profile(name);
    const setting = (key: string, envName: string) =>
      (!disableEnv && this.deps.env[envName] !== undefined ? this.deps.env[envName] : undefined) ?? profile[key];
    const tokenFile = setting('web_identity_token_file', 'AWS_WEB_IDENTITY_TOKEN_FILE');
    if (!tokenFile) return this.skip('assume-role-with-web-identity', 'no web_identity_token_file');
    const roleArn = setting('role_arn', 'AWS_ROLE_ARN');
    if (!roleArn) {
      throw new CliError(
        'general',
        'The provided profile or the current environment is configured to assume role with web identity but has no ' +
          'role ARN configured. Ensure that the profile has the role_arnconfiguration set or the AWS_ROLE_ARN env var is set.',
      );
    }
    let token: string;
    try {
      token = this.deps.readText(tokenFile);
    } catch (error) {
      throw new CliError('general', osErrorMessage(error, tokenFile, pyStringRepr));
    }
    const sessionName = setting('role_session_name', 'AWS_ROLE_SESSION_NAME') ?? this.sessionName();
    return this.cachedRole({ role_arn: roleArn, role_session_name: sessionName }, () =>
      this.deps.assumeRoleWithWebIdentity({ RoleArn: roleArn, RoleSessionName: sessionName, WebIdentityToken: token }, profile),
    );
  }

  async fromSso(name: string): Promise<Credentials | undefined> {
    const found = await ssoCredentials(name, this.profile(name), this.deps);
    return found ?? this.skip('sso', 'no sso_role_name or sso_account_id in the profile');
  }

  async fromLogin(name: string): Promise<Credentials | undefined> {
    const found = await loginCredentials(name, this.profile(name), this.deps);
    return found ?? this.skip('login', 'no login_session in the profile');
  }

  fromEc2CredentialFile(): Credentials | undefined {
    const path = this.deps.env.AWS_CREDENTIAL_FILE;
    if (path === undefined) return this.skip('ec2-credentials-file', 'AWS_CREDENTIAL_FILE is not set');
    const expanded = path.startsWith('~') && this.deps.env.HOME ? this.deps.env.HOME + path.slice(1) : path;
    let text: string;
    try {
      text = this.deps.readText(expanded);
    } catch (error) {
      throw new CliError('general', osErrorMessage(error, expanded, pyStringRepr));
    }
    // botocore's parse_key_val_file: `key=value` lines, both sides stripped.
    const values: Record<string, string> = {};
    for (const line of text.split('\n')) {
      const eq = line.indexOf('=');
      if (eq >= 0) values[line.slice(0, eq).trim()] = line.slice(eq + 1).trim();
    }
    if (values.AWSAccessKeyId === undefined) return undefined;
    if (values.AWSSecretKey === undefined) throw new CliError('general', "'AWSSecretKey'");
    this.deps.debug?.('Found credentials in AWS_CREDENTIAL_FILE.');
    return { accessKeyId: values.AWSAccessKeyId, secretAccessKey: values.AWSSecretKey };
  }

  fromBotoConfig(): Credentials | undefined {
    const env = this.deps.env;
    const candidates = env.BOTO_CONFIG !== undefined ? [env.BOTO_CONFIG] : ['/etc/boto.cfg', `${env.HOME ?? ''}/.boto`];
    for (const file of candidates) {
      const sections = readIniFile(file, this.deps.fileReader);
      const section = sections?.Credentials;
      if (section?.aws_access_key_id === undefined) continue;
      this.deps.debug?.(`Found credentials in boto config file: ${file}`);
      return this.staticKeys(section, 'boto-config');
    }
    return this.skip('boto-config', 'no [Credentials] in a boto config file');
  }

  async fromContainer(): Promise<Credentials | undefined> {
    const env = this.deps.env;
    if (env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI === undefined && env.AWS_CONTAINER_CREDENTIALS_FULL_URI === undefined) {
      return this.skip('container-role', 'AWS_CONTAINER_CREDENTIALS_RELATIVE_URI and _FULL_URI are not set');
    }
    return this.deps.containerCredentials();
  }

  async fromInstanceMetadata(): Promise<Credentials | undefined> {
    if ((this.deps.env.AWS_EC2_METADATA_DISABLED ?? '').toLowerCase() === 'true') {
      return this.skip('iam-role', 'AWS_EC2_METADATA_DISABLED is true');
    }
    return this.deps.instanceCredentials();
  }

  // ---- assume role -------------------------------------------------------------------------

  async assumeRoleIfConfigured(name: string): Promise<Credentials | undefined> {
    const profile = this.profile(name);
    if (!hasRoleConfig(profile)) return this.skip('assume-role', 'no role_arn in the profile');
    this.visited.push(name);
    return this.viaAssumeRole(name);
  }

  /**
   * AssumeRoleProvider._load_creds_via_assume_role, as a loop over the source_profile chain
   * (no recursion, so a 10,000-profile chain cannot overflow the stack): validate each role
   * profile on the way down, find the first source with credentials, then assume each role on
   * the way back up.
   */
  private async viaAssumeRole(top: string): Promise<Credentials> {
    const roles: { name: string; profile: Profile }[] = [];
    let name = top;
    let source: Credentials | undefined;
    for (;;) {
      if (roles.length >= MAX_ROLE_DEPTH) {
        // Python's message names where the limit struck, which depends on the whole chain's length.
        const length = roles.length + this.chainLength(name);
        throw new CliError('general', length >= DEEP_RECURSION ? 'maximum recursion depth exceeded in comparison' : 'maximum recursion depth exceeded');
      }
      const profile = this.profile(name);
      this.validateRoleConfig(name, profile);
      roles.push({ name, profile });
      const credentialSource = profile.credential_source;
      if (credentialSource !== undefined) {
        source = await this.fromCredentialSource(credentialSource, name);
        break;
      }
      const sourceName = profile.source_profile!;
      this.visited.push(sourceName);
      const sourceProfile = this.profile(sourceName);
      if (hasStaticKeys(sourceProfile) || !hasRoleConfig(sourceProfile)) {
        source = await this.first(this.profileProviders(sourceName, true));
        if (!source) throw new CliError('general', `The source profile "${sourceName}" must have credentials.`);
        break;
      }
      name = sourceName;
    }
    // Each role's credentials come from the cache when they can (botocore's fetchers are
    // deferred): a cached top role calls STS for none of the roles below it.
    const base = source!;
    const assumeAt = (i: number): Promise<Credentials> =>
      this.assumeOne(roles[i]!.profile, () => (i + 1 < roles.length ? assumeAt(i + 1) : Promise.resolve(base)));
    return assumeAt(0);
  }

  /** How many role profiles follow `name` through source_profile (stopping at a repeat). */
  private chainLength(name: string): number {
    const seen = new Set<string>();
    let current: string | undefined = name;
    while (current !== undefined && !seen.has(current) && hasRoleConfig(this.profile(current))) {
      seen.add(current);
      current = this.profile(current).source_profile;
    }
    return seen.size;
  }

  private validateRoleConfig(name: string, profile: Profile): void {
    const { source_profile: sourceProfile, credential_source: credentialSource } = profile;
    if (credentialSource !== undefined && sourceProfile !== undefined) {
      throw new CliError('general', `The profile "${name}" contains both source_profile and credential_source.`);
    }
    if (credentialSource === undefined && sourceProfile === undefined) {
      throw new CliError('general', 'Partial credentials found in assume-role, missing: source_profile or credential_source');
    }
    if (credentialSource !== undefined) {
      if (!['Environment', 'Ec2InstanceMetadata', 'EcsContainer'].includes(credentialSource)) {
        throw new CliError('general', `The credential source "${credentialSource}" referenced in profile "${name}" is not valid.`);
      }
      return;
    }
    const source = this.profiles(sourceProfile!);
    if (!source) {
      throw new CliError('general', `The source_profile "${sourceProfile}" referenced in the profile "${name}" does not exist.`);
    }
    if (!this.visited.includes(sourceProfile!)) return;
    if (sourceProfile !== name || !hasStaticKeys(source)) {
      throw new CliError(
        'general',
        `Infinite loop in credential configuration detected. Attempting to load from profile ${sourceProfile} ` +
          `which has already been visited. Visited profiles: [${this.visited.map(pyStringRepr).join(', ')}]`,
      );
    }
  }

  private async fromCredentialSource(source: string, profileName: string): Promise<Credentials> {
    const found =
      source === 'Environment'
        ? await this.fromEnv()
        : source === 'EcsContainer'
          ? await this.fromContainer()
          : await this.fromInstanceMetadata();
    if (!found) {
      throw new CliError(
        'general',
        `Error when retrieving credentials from ${source}: No credentials found in credential_source referenced in profile ${profileName}`,
      );
    }
    return found;
  }

  /** One AssumeRole call (or its cached answer), with botocore's arguments. */
  private async assumeOne(profile: Profile, source: () => Promise<Credentials>): Promise<Credentials> {
    const duration = pyInt(profile.duration_seconds);
    const serial = profile.mfa_serial;
    return this.cachedRole(profile, async () => {
      const params: AssumeRoleParams = {
        RoleArn: profile.role_arn!,
        RoleSessionName: profile.role_session_name ?? this.sessionName(),
        ...(profile.external_id !== undefined ? { ExternalId: profile.external_id } : {}),
        ...(serial !== undefined ? { SerialNumber: serial, TokenCode: await this.deps.promptMfa(serial) } : {}),
        ...(duration !== undefined ? { DurationSeconds: duration } : {}),
      };
      return this.deps.assumeRole(await source(), params, profile);
    });
  }

  /** The CLI's ~/.aws/cli/cache, shared with `aws` both ways (credential-cache.ts). */
  private async cachedRole(config: Profile, fetch: () => Promise<Credentials>): Promise<Credentials> {
    const dir = this.deps.cacheDir;
    const key = assumeRoleCacheKey(config);
    const cached = dir ? readCachedCredentials(dir, key, this.deps.now(), this.deps.debug) : undefined;
    if (cached) {
      this.deps.debug?.('Credentials for role retrieved from cache.');
      return cached;
    }
    const fresh = await fetch();
    if (dir && fresh.sessionToken && fresh.expiration) {
      writeCachedCredentials(dir, key, { ...fresh, sessionToken: fresh.sessionToken, expiration: fresh.expiration }, this.deps.debug);
    }
    return fresh;
  }

  /** botocore's default RoleSessionName: `botocore-session-<unix seconds>`. */
  private sessionName(): string {
    return `botocore-session-${Math.floor(this.deps.now() / 1000)}`;
  }
}

/** Config-file keys that are not profiles (the SDK-shaped `sso-session.x`, `services.x`). */
const isProfileKey = (name: string) => !/^(sso-session|services)\./.test(name);

const hasStaticKeys = (p: Profile) => p.aws_secret_access_key !== undefined || p.aws_access_key_id !== undefined;
const hasRoleConfig = (p: Profile) => p.role_arn !== undefined && p.web_identity_token_file === undefined;

/** Python `int()` of duration_seconds; botocore leaves out a value int() refuses. */
function pyInt(text: string | undefined): number | undefined {
  if (text === undefined || !/^\s*[+-]?\d+(_\d+)*\s*$/.test(text)) return undefined;
  return Number(text.trim().replace(/_/g, ''));
}
