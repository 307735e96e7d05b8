/**
 * The Io of a real process: streams, terminal facts, environment, config files and the SDK.
 * main.ts builds it from the process's own streams; the differential suite's in-process driver
 * (test/diff/aws-iam-worker.ts) builds it from streams that capture a case's bytes, so both
 * run exactly this code.
 */
import type { Io } from './io.js';
import { startPager } from './start-pager.js';
import { debugLogger } from './session.js';
import { streamSink } from '../output/stream-sink.js';
import { loadSharedFiles } from '../config/shared-files.js';
import { outputEncoder } from './output-encoding.js';

export interface ProcessStreams {
  /** Where stdout's bytes go (the process's stdout): written through a sink with backpressure. */
  readonly stdout: Parameters<typeof streamSink>[0];
  readonly stderr: { write(text: string): unknown };
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  /** The terminal's width, when stdout is one. */
  readonly columns?: number;
}

/**
 * The Io over `env` (the process's environment, which it may add to) and `streams`; undefined
 * when the environment refuses to run anything: the CLI's error is then on stderr, exit 255.
 */
export function processIo(env: NodeJS.ProcessEnv, streams: ProcessStreams): Io | undefined {
  // The SDK warns on stderr on Node < 22; the AWS CLI's stderr has no such line.
  env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const encoder = outputEncoder(env.AWS_CLI_OUTPUT_ENCODING);
  if (encoder instanceof Error) {
    streams.stderr.write(`\naws-iam: [ERROR]: ${encoder.message}\n`);
    return undefined;
  }

  const stdout = streamSink(streams.stdout);
  const warn = (text: string) => void streams.stderr.write(text);
  const io: Io = {
    // AWS_CLI_OUTPUT_ENCODING: text re-encoded before it is written (an unencodable character throws).
    stdout: encoder ? { ...stdout, write: (text) => stdout.write(encoder(text)) } : stdout,
    stderr: { write: warn },
    env,
    stdoutIsTTY: streams.stdoutIsTTY,
    stderrIsTTY: streams.stderrIsTTY,
    columns: streams.columns,
    now: () => Date.now(),
    startPager,
    loadSharedFiles: async () => loadSharedFiles(env),
    // The SDK is loaded only by commands that call IAM: help, skeletons and parse errors never pay for it.
    createSender: async (settings, globals, credentials) => {
      const { createSender } = await import('../sdk/iam-client.js');
      return createSender(settings, {
        credentials,
        verifySsl: globals.verifySsl,
        warn,
        signRequest: globals.signRequest,
        readTimeout: globals.readTimeout,
        connectTimeout: globals.connectTimeout,
        debug: globals.debug ? debugLogger(io) : undefined,
      });
    },
  };
  return io;
}
