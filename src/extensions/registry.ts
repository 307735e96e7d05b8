/**
 * Commands of aws-iam's own, beyond `aws iam`. Their names are not IAM command names (the
 * operation table test checks that), so none shadows an AWS CLI command, and since the CLI
 * matches operation names exactly, none makes an abbreviation ambiguous. Each is loaded only
 * when it runs.
 */
import type { GlobalOptions } from '../cli/global-options.js';
import type { Io } from '../cli/io.js';

/** Runs the command; returns the exit code. Failures are thrown as CliError, as for operations. */
export type ExtensionCommand = (args: readonly string[], globals: GlobalOptions, io: Io, argv: readonly string[]) => Promise<number>;

const EXTENSIONS: Readonly<Record<string, () => Promise<ExtensionCommand>>> = {
  across: async () => (await import('./across/command.js')).acrossCommand,
  audit: async () => (await import('./audit/command.js')).auditCommand,
  completion: async () => (await import('../completion/command.js')).completionCommand,
  __complete: async () => (await import('../completion/complete-command.js')).completeCommand,
};

export function isExtensionCommand(name: string): boolean {
  return Object.hasOwn(EXTENSIONS, name);
}

export function extensionNames(): readonly string[] {
  return Object.keys(EXTENSIONS);
}

export async function loadExtension(name: string): Promise<ExtensionCommand> {
  return EXTENSIONS[name]();
}
