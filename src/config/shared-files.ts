/**
 * Both shared files, read once per command as botocore's `session.full_config` reads them:
 * the config file through `build_profile_map` (`[profile x]`, `[default]`, `[sso-session x]`,
 * `[services x]`), the credentials file as raw sections (so its `[profile x]` is the profile
 * named `profile x`). Paths: AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE when set (even
 * empty, which names no file), else ~/.aws/config and ~/.aws/credentials.
 */
import type { Env, Profile, SharedFiles } from './settings.js';
import { buildProfileMap, expandPath, readIniFile, realFileReader, type FileReader } from './config-file.js';

export function sharedFilePaths(env: Env): { config: string; credentials: string } {
  return {
    config: expandPath(env.AWS_CONFIG_FILE ?? '~/.aws/config', env),
    credentials: expandPath(env.AWS_SHARED_CREDENTIALS_FILE ?? '~/.aws/credentials', env),
  };
}

/**
 * The files in the shape the rest of aws-iam reads (the SDK's shape): config profiles by
 * name, with `sso-session.<name>` and `services.<name>` entries beside them.
 */
export function loadSharedFiles(env: Env, reader: FileReader = realFileReader): SharedFiles {
  const paths = sharedFilePaths(env);
  const config = readIniFile(paths.config, reader);
  const credentials = readIniFile(paths.credentials, reader);
  const configFile: Record<string, Profile> = {};
  const map = config ? buildProfileMap(config) : undefined;
  if (map) {
    for (const [name, values] of Object.entries(map.ssoSessions)) configFile[`sso-session.${name}`] = values;
    for (const [name, values] of Object.entries(map.services)) configFile[`services.${name}`] = values;
    for (const [name, values] of Object.entries(map.profiles)) configFile[name] = values;
  }
  return {
    configFile,
    credentialsFile: credentials ?? {},
    ssoSessions: map?.ssoSessions ?? {},
    paths,
  };
}
