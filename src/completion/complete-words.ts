/**
 * The `__complete` computation: the line up to the cursor in, candidates out. Static
 * candidates come from the tables (candidates.ts); profile names from the shared files; live
 * names from the cache or from IAM within a hard deadline, so that a Tab never hangs on a slow
 * network or missing credentials: a fetch that fails or runs late gives no candidates.
 */
import type { Env } from '../config/settings.js';
import { analyzeWords, type Analysis, type CommandTable, type LineSettings } from './candidates.js';
import type { FetchNames } from './live-names.js';
import type { NameCache } from './name-cache.js';
import type { NameSource } from './resource-options.js';
import { tokenizeLine } from './tokenize.js';
import { ACROSS_ARGS, commandIndex, optionWordCount } from '../extensions/across/options.js';

export const DEFAULT_DEADLINE_MS = 1500;

/**
 * Live names are text from a server, typed into the user's shell: a name with a control or
 * format character (a newline that would split a candidate, ESC, a bidi override that shows
 * the name reversed) or any kind of space is dropped; IAM allows none of them in a name or
 * ARN. Shell quoting is added per shell when the candidates are printed (shell-quote.ts).
 */
const OFFERABLE_NAME = /^[^\p{C}\p{Z}]+$/u;

export interface CompletionSources {
  readonly env: Env;
  readonly commands: CommandTable;
  readonly profiles: () => readonly string[];
  readonly fetchNames: FetchNames;
  readonly cache: NameCache;
  readonly deadlineMs: number;
  /**
   * A stamp of the shared config and credentials files (path, size, modification time): their
   * contents decide the profile's account, region and endpoint_url, so a change to them is a
   * new cache key. Stat only: a cached answer must not load the SDK's config reader.
   */
  readonly sharedFilesStamp?: () => string;
  /** Starts a timer; returns its cancel function (injected so tests control time). */
  readonly startTimer: (callback: () => void, ms: number) => () => void;
}

/** Candidates for the last word of `line` (the command line up to the cursor, as typed). */
export async function completeLine(line: string, sources: CompletionSources): Promise<string[]> {
  const { words, current } = tokenizeLine(line);
  const args = words.slice(1);
  const analysis = args[0] === 'across' ? acrossAnalysis(args.slice(1), current, sources.commands) : analyzeWords(args, current, sources.commands);
  const values = await candidateValues(analysis, sources);
  const matching = values.filter((v) => v.startsWith(analysis.fragment)).map((v) => analysis.prefix + v);
  return [...new Set(matching)];
}

/**
 * `across [its options] <command> …`: its own options before the command, profile names for
 * `--profiles` (after the last comma of the list typed so far), then the command's line as a
 * line of its own.
 */
function acrossAnalysis(words: readonly string[], current: string, commands: CommandTable): Analysis {
  const at = commandIndex(words);
  if (at < words.length) return analyzeWords(words.slice(at), current, commands);
  const last = words.at(-1);
  const pending = last !== undefined && !last.includes('=') && optionWordCount(ACROSS_ARGS, last, 'value') === 2 ? last : undefined;
  const inline = !pending && current.startsWith('--') && current.includes('=') ? current.slice(0, current.indexOf('=')) : undefined;
  const option = pending ?? inline;
  if (option !== undefined) {
    const spec = ACROSS_ARGS.filter((s) => s.flag.startsWith(option));
    const prefix = (inline ? current.slice(0, inline.length + 1) : '') + listHead(inline ? current.slice(inline.length + 1) : current);
    const profiles = spec.length === 1 && spec[0].dest === 'profiles';
    return { source: profiles ? { kind: 'profiles' } : { kind: 'values', values: [] }, fragment: current.slice(prefix.length), prefix, settings: {} };
  }
  if (current.startsWith('-')) return { source: { kind: 'values', values: ACROSS_ARGS.map((s) => s.flag) }, fragment: current, prefix: '', settings: {} };
  return analyzeWords([], current, commands);
}

/** What of a comma-separated list is already complete: up to and with its last comma. */
const listHead = (text: string): string => text.slice(0, text.lastIndexOf(',') + 1);

async function candidateValues(analysis: Analysis, sources: CompletionSources): Promise<readonly string[]> {
  const { source } = analysis;
  switch (source.kind) {
    case 'values':
      return source.values;
    case 'profiles':
      return sources.profiles();
    case 'live': {
      const key = cacheKey(source.option, source.sources, analysis.settings, sources.env, sources.sharedFilesStamp?.());
      const cached = sources.cache.get(key);
      if (cached) return cached.filter((name) => OFFERABLE_NAME.test(name));
      const names = await withDeadline(sources.fetchNames(source.sources, analysis.settings), sources);
      if (names) sources.cache.set(key, names);
      return (names ?? []).filter((name) => OFFERABLE_NAME.test(name));
    }
  }
}

/**
 * Everything that decides which account and endpoint the names come from: the line's and the
 * environment's settings, and the shared files (their paths, and a stamp of their contents).
 */
export function cacheKey(option: string, from: readonly NameSource[], line: LineSettings, env: Env, filesStamp = ''): string {
  return JSON.stringify({
    profile: line.profile ?? (env.AWS_PROFILE || env.AWS_DEFAULT_PROFILE || 'default'),
    endpoint: line.endpointUrl ?? (env.AWS_ENDPOINT_URL_IAM || env.AWS_ENDPOINT_URL || ''),
    region: line.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || ''),
    // Environment credentials can point the same profile name at another account.
    accessKey: env.AWS_ACCESS_KEY_ID ?? '',
    home: env.HOME ?? '',
    configFile: env.AWS_CONFIG_FILE ?? '',
    credentialsFile: env.AWS_SHARED_CREDENTIALS_FILE ?? '',
    sharedFiles: filesStamp,
    option,
    sources: from.map((s) => `${s.operation}:${s.list}.${s.name}`),
  });
}

/** The fetch's names, or undefined when it fails or is not done by the deadline. */
function withDeadline(fetch: Promise<string[]>, sources: CompletionSources): Promise<string[] | undefined> {
  return new Promise((resolve) => {
    const cancel = sources.startTimer(() => resolve(undefined), sources.deadlineMs);
    fetch.then(
      (names) => {
        cancel();
        resolve(names);
      },
      () => {
        cancel();
        resolve(undefined);
      },
    );
  });
}

/** AWS_IAM_COMPLETION_TIMEOUT (seconds, decimals allowed) overrides the 1.5 s deadline. */
export function deadlineFrom(env: Env): number {
  const seconds = Number(env.AWS_IAM_COMPLETION_TIMEOUT);
  return env.AWS_IAM_COMPLETION_TIMEOUT && Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : DEFAULT_DEADLINE_MS;
}
