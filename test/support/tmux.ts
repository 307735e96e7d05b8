/**
 * A private tmux server for terminal tests: its own socket (named after the test and the
 * process, so files running at the same time never share one), commands whose stderr is kept
 * for the error they throw instead of landing in the test output, and a stop that does not
 * mind a server that is already gone (tmux says "no server running" or "error connecting").
 */
import { execFileSync } from 'node:child_process';

export interface Tmux {
  /** Runs `tmux -L <socket> ARGS`; a failure throws with tmux's own message. */
  (...args: string[]): string;
  /** Ends the server and everything in it, if it runs. */
  stop(): void;
}

export function privateTmux(name: string): Tmux {
  const socket = `aws-iam-${name}-${process.pid}`;
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
