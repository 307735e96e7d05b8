/**
 * What bin/aws-iam's shell header saw before Node started: Node resets every signal's
 * disposition and reopens closed fds 0-2 on /dev/null at start-up, so `cmd &` in a script (SIGINT
 * ignored, as the CLI then leaves it) and `cmd >&-` (the CLI fails its first write to stdout) would
 * otherwise look like an ordinary run. The header passes them in one variable, taken out of the
 * environment here so that no child process (pager, credential_process) inherits it.
 */
export const LAUNCH_STATE_VARIABLE = 'AWS_IAM_LAUNCH_STATE';

export interface LaunchState {
  /** SIGINT was ignored when aws-iam started: Ctrl-C must not end it. */
  readonly sigintIgnored: boolean;
  /** File descriptor 1 was closed: every write to stdout fails with EBADF. */
  readonly stdoutClosed: boolean;
}

export function takeLaunchState(env: Record<string, string | undefined>): LaunchState {
  const words = (env[LAUNCH_STATE_VARIABLE] ?? '').split(' ');
  delete env[LAUNCH_STATE_VARIABLE];
  return { sigintIgnored: words.includes('sigint-ignored'), stdoutClosed: words.includes('stdout-closed') };
}
