/** The process entry point: real streams, terminals, environment, config files and the SDK. */
import { run } from './run.js';
import { pagerRunning } from './start-pager.js';
import { processIo } from './process-io.js';
import { closedDescriptor } from '../output/stream-sink.js';
import { takeLaunchState } from './launch-state.js';

const launch = takeLaunchState(process.env);
const io = processIo(process.env, {
  stdout: launch.stdoutClosed ? closedDescriptor() : process.stdout,
  stderr: process.stderr,
  stdoutIsTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  columns: process.stdout.columns,
});
if (!io) process.exit(255);

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

// Everything the command wrote has been flushed when run() settles (a pager has exited, a
// credential cache is written): exiting here skips tearing down the heap and the event loop,
// which a natural end spends 10–18 ms on. Node writes its compile cache on this path too.
run(process.argv.slice(2), io).then((code) => process.exit(code));
