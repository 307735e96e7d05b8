/** The process entry point: real streams, environment, config files and the SDK client. */
import { run, type Io } from './run.js';
import { createSender } from '../sdk/iam-client.js';
import { loadSharedConfigFiles } from '@smithy/core/config';

// The SDK warns on stderr on Node < 22; the AWS CLI's stderr has no such line.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const io: Io = {
  stdout: { write: (text) => void process.stdout.write(text) },
  stderr: { write: (text) => void process.stderr.write(text) },
  env: process.env,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  columns: process.stdout.columns,
  loadSharedFiles: () => loadSharedConfigFiles({ ignoreCache: true }) as never,
  createSender: (settings, globals) =>
    createSender(settings, {
      verifySsl: globals.verifySsl,
      signRequest: globals.signRequest,
      readTimeout: globals.readTimeout,
      connectTimeout: globals.connectTimeout,
    }),
};

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

run(process.argv.slice(2), io).then((code) => {
  process.exitCode = code;
});
