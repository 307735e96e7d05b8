/**
 * How an error reaches stderr, per `--cli-error-format` (AWS CLI 2.34+): `enhanced` (default)
 * writes `\n<prog>: [ERROR]: An error occurred (<Code>): <message>\n`; `legacy` drops the
 * `An error occurred (<Code>): ` part of classified errors; json/yaml/text/table print
 * `{Code, Message}` through that output format. Usage errors append the usage block.
 */
import { type Value } from '../value/value.js';
import type { CliError } from './cli-error.js';

export const PROGRAM = 'aws-iam';

export const USAGE =
  `usage: ${PROGRAM} [options] <command> <subcommand> [<subcommand> ...] [parameters]\n` +
  'To see help text, you can run:\n\n' +
  `  ${PROGRAM} help\n` +
  `  ${PROGRAM} <command> help\n` +
  `  ${PROGRAM} <command> <subcommand> help\n`;

/** The CLI's first pass reads only --profile and --debug, with its own usage line. */
export const FIRST_PASS_USAGE = `usage: ${PROGRAM} [--profile PROFILE] [--debug]\n`;

export type ErrorFormat = 'legacy' | 'json' | 'yaml' | 'text' | 'table' | 'enhanced';

/** Formats `{Code, Message}` for the structured error formats; supplied by the output layer. */
export type StructuredErrorWriter = (format: Exclude<ErrorFormat, 'legacy' | 'enhanced'>, info: Value) => string;

/**
 * `\n<prog>: [ERROR]: <message, stripped>\n`, as the CLI's write_error does, in its three
 * writes: when table colour is on, each write to stderr is followed by a reset (see run.ts).
 */
export const errorLine = (message: string): string[] => ['\n', `${PROGRAM}: [ERROR]:${message.trim() ? ` ${message.trim()}` : ''}`, '\n'];

/** The writes that report `error` on stderr, in the CLI's order and chunks. */
export function renderError(error: CliError, format: ErrorFormat, structured?: StructuredErrorWriter): string[] {
  if (error.errorClass === 'unknown-options') return [`\n${USAGE}\n`, ...errorLine(error.message)];
  const fullMessage = error.errorClass === 'usage' ? `${error.message}\n\n${error.usage ?? USAGE}` : error.message;
  const code = error.code;
  if (error.errorClass === 'general' || code === undefined) return errorLine(fullMessage);
  if (format === 'legacy') {
    return errorLine(error.errorClass === 'client' ? error.message : fullMessage);
  }
  const summary = error.errorClass === 'client' ? error.message : `An error occurred (${code}): ${fullMessage}`;
  if (format === 'enhanced' || !structured) return errorLine(summary);
  const info = new Map<string, Value>(
    error.details?.fields ?? [
      ['Code', code],
      ['Message', error.errorClass === 'client' ? error.details!.message : fullMessage],
    ],
  );
  return [structured(format, info)];
}
