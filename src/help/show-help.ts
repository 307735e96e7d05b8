/** `aws-iam help`, `aws-iam <command> help`. */
import type { OperationSpec } from '../model/operations.js';
import type { Io } from '../cli/io.js';
import { CliError } from '../errors/cli-error.js';

export async function showHelp(operation: OperationSpec | undefined, io: Io): Promise<number> {
  void operation;
  void io;
  throw new CliError('general', 'help is not available yet in aws-iam; see README.md for the commands and options');
}
