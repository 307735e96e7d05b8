/**
 * Everything outside the process that a command touches: streams, terminals, environment,
 * config files, the clock and the network. Injected, so tests run commands without a network
 * and assert exact bytes.
 */
import type { Env, Settings, SharedFiles } from '../config/settings.js';
import type { GlobalOptions } from './global-options.js';
import type { CredentialSource, SendRequest } from '../sdk/iam-client.js';
import type { PagerProcess } from '../output/output-stream.js';

export interface Io {
  /** `ready`/`flush` (output/stream-sink.ts): backpressure and write failures, where known. */
  readonly stdout: { write(text: string): void; ready?(): Promise<void>; flush?(): Promise<void> };
  readonly stderr: { write(text: string): void };
  readonly env: Env;
  readonly stdoutIsTTY: boolean;
  /** Progress and prompts go to stderr only when it is a terminal. */
  readonly stderrIsTTY: boolean;
  /** The terminal's width, when stdout is one. */
  readonly columns?: number;
  /** Milliseconds since the epoch; injected so progress and caches can be tested. */
  readonly now: () => number;
  /** Reads the shared config and credentials files. */
  readonly loadSharedFiles: () => Promise<SharedFiles>;
  /** Starts the output pager (a command and its arguments, run without a shell). */
  readonly startPager?: (argv: readonly string[], env: Env) => PagerProcess;
  /**
   * Creates the request sender (the SDK client); injected so tests can script responses.
   * `credentials`, when given, replace the profile's chain (`across`: an assumed role).
   */
  readonly createSender: (settings: Settings, globals: GlobalOptions, credentials?: CredentialSource) => SendRequest | Promise<SendRequest>;
}
