/**
 * A private tmux server for terminal tests: a socket of its own (named after the test, the
 * process and a count, so files running at the same time never share one, and a new server
 * never meets one still shutting down: tmux would say "server exited unexpectedly"), commands
 * whose stderr goes into the error they throw instead of into the test output, and a stop that
 * does not mind a server that is already gone ("no server running", "error connecting").
 */
import { execFileSync } from 'node:child_process';

export interface Tmux {
  /** Runs `tmux -L <socket> ARGS`; a failure throws with tmux's own message. */
  (...args: string[]): string;
  /** Ends the server and everything in it, if it runs. */
  stop(): void;
}

let made = 0;

export function privateTmux(name: string): Tmux {
  const socket = `aws-iam-${name}-${process.pid}-${++made}`;
  const run = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return Object.assign(run, {
    stop: () => {
      try {
        run('kill-server');
      } catch {
        // no server on this socket (never started, or its last session ended)
      }
    },
  });
}
