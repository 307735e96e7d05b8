/** Lookups over the generated operation table. */
import { operations } from './iam.generated.js';
import type { OperationSpec } from './types.js';

export { allCommandNames, CLI_VERSION, modeledErrors, operations, shapes } from './iam.generated.js';
export type { MemberSpec, OperationSpec, ShapeSpec } from './types.js';

const byCliName = new Map(operations.map((op) => [op.cli, op]));

export const findOperation = (cliName: string): OperationSpec | undefined => byCliName.get(cliName);

/** Operation names in the CLI's own order (API order), for "invalid choice" suggestions. */
export const operationNames = (): string[] => operations.map((op) => op.cli);
