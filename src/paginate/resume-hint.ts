/**
 * aws-iam's addition to a listing that stops on an error after at least one page: a line on
 * stderr, after the CLI's own error, with a `--starting-token` (botocore's NextToken format)
 * that completes the listing without gaps or duplicates:
 *
 * - text, yaml-stream, jsonl and csv print each page as it arrives, so every page received was printed:
 *   the token asks for the page whose request failed.
 * - json, yaml and table print one merged document at the end, so nothing was printed: the
 *   token is where this run started (its own --starting-token, or the start of the listing).
 *
 * `--max-items` counts afresh in the resumed run, as it does for any --starting-token.
 * A listing stopped by the paginator itself (the same marker twice) gets no hint: resuming
 * there would ask the server for the same page again.
 */
import type { Value } from '../value/value.js';
import type { ListingProgress } from './paginator.js';
import { encodeToken } from './token.js';

/** Formats that write each page as it arrives (the rest merge all pages into one document). */
const STREAMING_FORMATS = new Set(['text', 'yaml-stream', 'jsonl', 'csv']);

/** The token of a listing's very start: botocore's form of "no marker yet". */
export const START_TOKEN = encodeToken(new Map<string, Value>([['Marker', null]]));

export function resumeHint(progress: ListingProgress, formatName: string, startingToken: string | undefined): string | undefined {
  if (progress.failedAt === undefined || progress.pages === 0) return undefined;
  const start = startingToken ?? START_TOKEN;
  // The first page itself failed (say, a value in it could not be read): resuming would only
  // repeat the same command.
  if (progress.failedAt === start) return undefined;
  const token = STREAMING_FORMATS.has(formatName) ? progress.failedAt : start;
  return `To resume this listing where it stopped, add: --starting-token ${token}\n`;
}
