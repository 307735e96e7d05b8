/** The process entry point: real streams, terminals, environment, config files and the SDK. */
import { run } from './run.js';
import type { Io } from './io.js';
import { startPager } from './start-pager.js';

// The SDK warns on stderr on Node < 22; the AWS CLI's stderr has no such line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const io: Io = {
  stdout: { write: (text) => void process.stdout.write(text) },
  stderr: { write: (text) => void process.stderr.write(text) },
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns,
  now: () => Date.now(),
  startPager,
  // The SDK is loaded only by commands that call IAM: help, skeletons and parse errors never pay for it.
  loadSharedFiles: async () => {
    const { loadSharedConfigFiles } = await import('@smithy/core/config');
    return loadSharedConfigFiles({ ignoreCache: true }) as never;
  },
  createSender: async (settings, globals) => {
    const { createSender } = await import('../sdk/iam-client.js');
    return createSender(settings, {
      verifySsl: globals.verifySsl,
      signRequest: globals.signRequest,
      readTimeout: globals.readTimeout,
      connectTimeout: globals.connectTimeout,
    });
  },
};

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
