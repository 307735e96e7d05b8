import { IAM_COMMANDS } from '../../src/sdk/commands.js';
/**
 * The operation table (generated from AWS CLI 2.36.7) checked against the installed SDK:
 * every List command and paginator the SDK has is in the table and the reverse, and every
 * input member has the SDK's name, kind and requiredness (the SDK orders members differently,
 * required first, so order is the CLI's and only the sets are compared).
 */
import * as iam from '@aws-sdk/client-iam';
import { describe, expect, it } from 'vitest';
import { CLI_VERSION, operations } from '../../src/model/operations.js';

const sdk = iam as unknown as Record<string, unknown>;
const sdkListOperations = Object.keys(sdk)
  .filter((k) => /^List\w+Command$/.test(k))
  .map((k) => k.replace(/Command$/, ''))
  .sort();
const sdkPaginated = Object.keys(sdk)
  .filter((k) => /^paginateList\w+$/.test(k))
  .map((k) => k.replace(/^paginate/, ''))
  .sort();

/** SDK schema kind codes: 0 string, 1 number, 2 boolean, 64 (| element) list. */
const SDK_KIND: Record<number, string> = { 0: 'string', 1: 'integer', 2: 'boolean', 64: 'list' };

function sdkInputMembers(name: string): { members: Map<string, string>; required: Set<string> } {
  const Command = sdk[`${name}Command`] as new (input: object) => { schema: unknown[] };
  const input = (new Command({}).schema[4] as () => unknown[])();
  const names = input[4] as string[];
  const kinds = input[5] as unknown[];
  const requiredCount = (input[6] as number | undefined) ?? 0;
  return {
    members: new Map(names.map((n, i) => [n, SDK_KIND[typeof kinds[i] === 'number' ? (kinds[i] as number) & ~0 : -1] ?? 'structure'])),
    required: new Set(names.slice(0, requiredCount)),
  };
}

describe(`operation table (AWS CLI ${CLI_VERSION})`, () => {
  it('has every SDK List operation, and only those', () => {
    expect(operations.map((op) => op.name).sort()).toEqual(sdkListOperations);
  });
  it('paginates exactly the operations the SDK has paginators for', () => {
    expect(operations.filter((op) => op.paginated).map((op) => op.name).sort()).toEqual(sdkPaginated);
    expect(sdkPaginated).toHaveLength(30);
    expect(operations).toHaveLength(36);
  });
  it.each(operations.map((op) => [op.cli, op] as const))('%s: input members match the SDK schema', (_cli, op) => {
    const { members, required } = sdkInputMembers(op.name);
    const ours = new Map(op.input.map((m) => [m.name, m.type]));
    expect(ours).toEqual(members);
    expect(new Set(op.input.filter((m) => m.required).map((m) => m.name))).toEqual(required);
  });
  it.each(operations.map((op) => [op.cli, op.name] as const))('%s: its SDK command is one aws-iam can send', (_cli, name) => {
    expect(IAM_COMMANDS[name]?.name).toBe(`${name}Command`);
  });
});
