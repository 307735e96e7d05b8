/**
 * The option table of one operation, derived from the operation table exactly as the AWS CLI
 * builds its argument table: input members in model order (`--no-X` twins for booleans, the
 * hidden `--marker`), the client-side `--max-items` in the slot of the model's MaxItems on
 * paginated operations, then `--cli-input-json | --cli-input-yaml`, the paginator's
 * `--starting-token` and `--page-size`, and `--generate-cli-skeleton`.
 */
import type { OperationSpec } from '../model/operations.js';
import type { ArgSpec } from './argparse.js';

/** Dests of the options that are not request members. */
export const CLI_DEST = {
  maxItems: 'cli:max-items',
  startingToken: 'cli:starting-token',
  pageSize: 'cli:page-size',
  cliInputJson: 'cli:cli-input-json',
  cliInputYaml: 'cli:cli-input-yaml',
  skeleton: 'cli:generate-cli-skeleton',
} as const;

export const SKELETON_CHOICES = ['input', 'output', 'yaml-input'] as const;

export function operationArgs(op: OperationSpec): ArgSpec[] {
  const args: ArgSpec[] = [];
  for (const m of op.input) {
    if (!m.option) {
      args.push({ flag: '--max-items', dest: CLI_DEST.maxItems, nargs: 'one', type: 'int' });
      continue;
    }
    const flag = `--${m.option}`;
    if (m.type === 'boolean') {
      args.push({ flag, dest: m.name, nargs: 'zero', constant: true, required: m.required });
      args.push({ flag: `--no-${m.option}`, dest: m.name, nargs: 'zero', constant: false });
    } else {
      args.push({
        flag,
        dest: m.name,
        nargs: m.type === 'list' ? 'any' : 'one',
        type: m.type === 'integer' ? 'int' : undefined,
        required: m.required,
      });
    }
  }
  args.push({ flag: '--cli-input-json', dest: CLI_DEST.cliInputJson, nargs: 'one' });
  args.push({ flag: '--cli-input-yaml', dest: CLI_DEST.cliInputYaml, nargs: 'one' });
  if (op.paginated) {
    args.push({ flag: '--starting-token', dest: CLI_DEST.startingToken, nargs: 'one' });
    args.push({ flag: '--page-size', dest: CLI_DEST.pageSize, nargs: 'one', type: 'int' });
  }
  args.push({
    flag: '--generate-cli-skeleton',
    dest: CLI_DEST.skeleton,
    nargs: 'optional',
    constant: 'input',
    choices: SKELETON_CHOICES,
  });
  return args;
}
