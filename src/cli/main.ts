/** The process entry point: real streams, terminals, environment, config files and the SDK. */
import { run } from './run.js';
import type { Io } from './io.js';
import { pagerRunning, startPager } from './start-pager.js';
import { debugLogger } from './session.js';
import { closedDescriptor, streamSink } from '../output/stream-sink.js';
import { loadSharedFiles } from '../config/shared-files.js';
import { outputEncoder } from './output-encoding.js';
import { takeLaunchState } from './launch-state.js';

// The SDK warns on stderr on Node < 22; the AWS CLI's stderr has no such line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const launch = takeLaunchState(process.env);

const encoder = outputEncoder(process.env.AWS_CLI_OUTPUT_ENCODING);
if (encoder instanceof Error) {
  process.stderr.write(`\naws-iam: [ERROR]: ${encoder.message}\n`);
  process.exit(255);
}

const stdout = streamSink(launch.stdoutClosed ? closedDescriptor() : process.stdout);
const io: Io = {
  // AWS_CLI_OUTPUT_ENCODING: text re-encoded before it is written (an unencodable character throws).
  stdout: encoder ? { ...stdout, write: (text) => stdout.write(encoder(text)) } : stdout,
  stderr: { write: (text) => void process.stderr.write(text) },
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns,
  now: () => Date.now(),
  startPager,
  loadSharedFiles: async () => loadSharedFiles(process.env),
  // The SDK is loaded only by commands that call IAM: help, skeletons and parse errors never pay for it.
  createSender: async (settings, globals, credentials) => {
    const { createSender } = await import('../sdk/iam-client.js');
    return createSender(settings, {
      credentials,
      verifySsl: globals.verifySsl,
      warn: (text) => void process.stderr.write(text),
      signRequest: globals.signRequest,
      readTimeout: globals.readTimeout,
      connectTimeout: globals.connectTimeout,
      debug: globals.debug ? debugLogger(io) : undefined,
    });
  },
};

// A reader that went away (`aws-iam list-users | head -1`) ends the command quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

// Ctrl-C: as the CLI's interrupt handler, a newline on stdout (so the shell prompt starts on a
// line of its own), nothing on stderr, exit 128 + SIGINT. Writes to pipes and files are
// synchronous here, so no line is left half-written before it.
// While a pager has the terminal, Ctrl-C is the pager's (less uses it to stop a search): the
// CLI ignores it and waits for the pager, which leaves no orphan on the terminal.
// Started with SIGINT ignored (`cmd &` in a script), the CLI keeps ignoring it; so does aws-iam.
process.on('SIGINT', () => {
  if (launch.sigintIgnored || pagerRunning()) return;
  process.stdout.write('\n', () => process.exit(130));
});

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
