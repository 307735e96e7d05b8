/**
 * What a command needs once its command line is parsed, shared by the IAM operations (run.ts)
 * and aws-iam's own commands (extensions/): resolved settings, a request sender, the
 * `--debug` logger, and the output plan (format, query, width, colour).
 */
import { AWS_IAM_ONLY_FORMATS, type GlobalOptions } from './global-options.js';
import type { Io } from './io.js';
import { resolveSettings, type Settings, type SharedFiles } from '../config/settings.js';
import { CliError } from '../errors/cli-error.js';
import { OUTPUT_FORMATS } from '../output/formats.js';
import type { Format, FormatContext } from '../output/format.js';
import type { SendRequest } from '../sdk/iam-client.js';
import { compileQuery, type Query } from '../query/compile-query.js';
import { CLI_VERSION } from '../model/operations.js';

export const VERSION = '0.1.0';

export interface Session {
  readonly settings: Settings;
  readonly send: SendRequest;
  readonly debug?: (message: string) => void;
}

export async function openSession(globals: GlobalOptions, io: Io, files: SharedFiles): Promise<Session> {
  const settings = resolveSettings(globals, io.env, files);
  const send = await io.createSender(settings, globals);
  const debug = globals.debug ? debugLogger(io) : undefined;
  debug?.(`CLI version: aws-iam/${VERSION} (mirrors aws-cli/${CLI_VERSION}) Node/${process.versions.node}`);
  debug?.(`Profile: ${settings.profileName}; region: ${settings.region ?? '(none)'}; endpoint: ${settings.endpointUrl ?? '(default)'}`);
  return { settings, send, debug };
}

/** `--debug`: timestamped lines on stderr, in the CLI's layout. Never credentials. */
export function debugLogger(io: Io): (message: string) => void {
  return (message) => {
    const stamp = new Date(io.now()).toISOString().replace('T', ' ').replace(/\.(\d{3})Z$/, ',$1');
    io.stderr.write(`${stamp} - MainThread - aws-iam - DEBUG - ${message}\n`);
  };
}

export interface OutputPlan {
  readonly formatName: string;
  /** The format; throws the CLI's "Unknown output type" when it is not one (noticed late, as the CLI does). */
  readonly format: () => Format;
  readonly query?: Query;
  readonly context: FormatContext;
}

/** `--query` is compiled while arguments are handled, before anything is sent. */
export function compileQueryOption(globals: GlobalOptions): Query | undefined {
  return globals.query !== undefined ? compileQuery(globals.query) : undefined;
}

/**
 * The CLI's "Unknown output type". When the CLI's own setting (`output`, AWS_DEFAULT_OUTPUT)
 * names a format only aws-iam has, aws-iam refuses it as `aws` would (so the setting is not
 * left in place to break `aws` later) and `hint` says which settings of its own to use.
 */
export class UnknownOutputTypeError extends CliError {
  constructor(
    formatName: string,
    readonly hint?: string,
  ) {
    super('general', `Unknown output type: ${formatName}`);
  }
}

function awsOnlyHint(formatName: string, source: Settings['outputSource']): string {
  return (
    `${formatName} is a format of aws-iam's own, which aws refuses in ${source === 'output' ? "the profile's output" : source}: to make it the default, ` +
    `set aws_iam_output = ${formatName} in the profile or AWS_IAM_OUTPUT=${formatName} (aws ignores both)\n`
  );
}

export function outputPlan(globals: GlobalOptions, settings: Settings, io: Io, operationName: string, query?: Query): OutputPlan {
  const formatName = settings.output;
  const chosen = OUTPUT_FORMATS[formatName];
  return {
    formatName,
    format: () => {
      if (!chosen) throw new UnknownOutputTypeError(formatName);
      const source = settings.outputSource;
      if (AWS_IAM_ONLY_FORMATS.has(formatName) && (source === 'output' || source === 'AWS_DEFAULT_OUTPUT')) {
        throw new UnknownOutputTypeError(formatName, awsOnlyHint(formatName, source));
      }
      return chosen;
    },
    query,
    context: {
      operationName,
      width: io.stdoutIsTTY ? (io.columns ?? 80) : 80,
      color: tableColor(globals, io),
    },
  };
}

/** `--color`: `auto` colours only when stdout is a terminal. */
export function tableColor(globals: GlobalOptions, io: Io): boolean {
  return globals.color === 'on' || (globals.color === 'auto' && io.stdoutIsTTY);
}
