/**
 * `aws-iam __complete -- SHELL LINE [BASH_WORD]` (hidden): what the completion scripts call on
 * every Tab. Prints one candidate per line and never fails: any error means no candidates, and
 * nothing is written to stderr.
 */
import type { ExtensionCommand } from '../extensions/registry.js';
import type { Io } from '../cli/io.js';
import { EXIT } from '../errors/cli-error.js';
import { extensionNames } from '../extensions/registry.js';
import { bashReplies } from './bash-reply.js';
import { completeLine, deadlineFrom, type CompletionSources } from './complete-words.js';
import { cacheDirectory, DEFAULT_TTL_MS, fileNameCache } from './name-cache.js';
import { profileNames } from './profiles.js';
import { tokenizeLine } from './tokenize.js';
import { quoteForShell } from './shell-quote.js';
import { liveNameFetcher } from './live-names.js';
import { sharedFilesStamp } from './files-stamp.js';

/** The arguments after `__complete` (the global parser keeps a leading `--` out of them). */
export async function runComplete(args: readonly string[], io: Io, sources: CompletionSources): Promise<number> {
  const [shell, line = '', bashWord] = args;
  let candidates: string[];
  try {
    candidates = await completeLine(line, sources);
  } catch {
    candidates = [];
  }
  if (shell === 'bash' && bashWord !== undefined) candidates = bashReplies(candidates, tokenizeLine(line).currentRaw, bashWord);
  candidates = candidates.map((c) => quoteForShell(c, shell));
  if (candidates.length > 0) io.stdout.write(candidates.join('\n') + '\n');
  return EXIT.ok;
}

/** The sources of a real process: files under $HOME, IAM through the SDK, real timers. */
export function processSources(io: Io): CompletionSources {
  const ttl = Number(io.env.AWS_IAM_COMPLETION_CACHE_TTL);
  return {
    env: io.env,
    commands: { extensions: extensionNames() },
    profiles: () => profileNames(io.env),
    fetchNames: liveNameFetcher(io),
    sharedFilesStamp: () => sharedFilesStamp(io.env),
    cache: fileNameCache(
      cacheDirectory(io.env),
      io.now,
      io.env.AWS_IAM_COMPLETION_CACHE_TTL && Number.isFinite(ttl) ? ttl * 1000 : DEFAULT_TTL_MS,
    ),
    deadlineMs: deadlineFrom(io.env),
    startTimer: (callback, ms) => {
      const timer = setTimeout(callback, ms);
      return () => clearTimeout(timer);
    },
  };
}

export const completeCommand: ExtensionCommand = async (args, _globals, io) => {
  const code = await runComplete(args, io, processSources(io));
  // A request abandoned at the deadline (or an idle keep-alive socket) must not keep the
  // shell waiting: once the answer is out, the process ends. The empty write's callback runs
  // after everything written before it is flushed (pipes are asynchronous on macOS).
  setTimeout(() => process.stdout.write('', () => process.exit(code)), 0).unref();
  return code;
};
