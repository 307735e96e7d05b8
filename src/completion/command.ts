/** `aws-iam completion bash|zsh|fish`: prints the completion script for that shell. */
import type { ExtensionCommand } from '../extensions/registry.js';
import { CliError, EXIT } from '../errors/cli-error.js';
import { COMPLETION_SCRIPTS, type Shell } from './scripts.js';

export const completionCommand: ExtensionCommand = async (args, _globals, io) => {
  const shells = Object.keys(COMPLETION_SCRIPTS);
  if (args.length === 0) throw new CliError('usage', 'the following arguments are required: shell');
  const [shell, ...extra] = args;
  if (!Object.hasOwn(COMPLETION_SCRIPTS, shell)) {
    throw new CliError('usage', `argument shell: Found invalid choice '${shell}' (choose from ${shells.join(', ')})`);
  }
  if (extra.length > 0) throw new CliError('unknown-options', `Unknown options: ${extra.join(', ')}`);
  io.stdout.write(COMPLETION_SCRIPTS[shell as Shell]);
  return EXIT.ok;
};
