/**
 * Profile names for `--profile`, as botocore lists them (`session.available_profiles`): the
 * config file's `[default]` and `[profile NAME]` sections in file order, then the credentials
 * file's sections that the config file did not name. Read with a small section scanner rather
 * than the SDK's loader, so that completing a profile never loads the SDK.
 */
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import type { Env } from '../config/settings.js';
import { shellSplit } from './tokenize.js';

export type ReadText = (path: string) => string | undefined;

const readIfPresent: ReadText = (path) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
};

/** `~` at the start of AWS_CONFIG_FILE / AWS_SHARED_CREDENTIALS_FILE is the home directory, as in botocore. */
function expandHome(path: string, home: string): string {
  return path === '~' || path.startsWith('~/') ? join(home, path.slice(1)) : path;
}

export function sharedFilePaths(env: Env, home = env.HOME ?? homedir()): { config: string; credentials: string } {
  return {
    config: expandHome(env.AWS_CONFIG_FILE || '~/.aws/config', home),
    credentials: expandHome(env.AWS_SHARED_CREDENTIALS_FILE || '~/.aws/credentials', home),
  };
}

/** Section names of an INI file, in order (configparser: `[name]` at the start of a line). */
export function sectionNames(text: string): string[] {
  const names: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\[(.+)\]/.exec(line.trim());
    if (match) names.push(match[1]);
  }
  return names;
}

/** botocore's build_profile_map: `default`, and `profile NAME` split like shlex (two words only). */
function configProfileName(section: string): string | undefined {
  if (section === 'default') return 'default';
  if (!section.startsWith('profile')) return undefined;
  const parts = shellSplit(section);
  return parts.length === 2 ? parts[1] : undefined;
}

export function profileNames(env: Env, read: ReadText = readIfPresent): string[] {
  const paths = sharedFilePaths(env);
  const names: string[] = [];
  const add = (name: string | undefined) => {
    if (name !== undefined && !names.includes(name)) names.push(name);
  };
  for (const section of sectionNames(read(paths.config) ?? '')) add(configProfileName(section));
  for (const section of sectionNames(read(paths.credentials) ?? '')) add(section);
  return names;
}
