/**
 * `--generate-cli-skeleton [input|yaml-input|output]`. No credentials or request are needed:
 * `input` and `yaml-input` are text; `output` is a sample response that the caller formats
 * like a real one.
 */
import type { OperationSpec } from '../model/operations.js';
import { CliError } from '../errors/cli-error.js';
import { dumpJson } from '../value/json.js';
import type { ValueMap } from '../value/value.js';
import { inputSkeleton } from './input-skeleton.js';

export type SkeletonResult = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'response'; readonly response: ValueMap };

export function generateSkeleton(operation: OperationSpec, kind: string): SkeletonResult {
  if (kind === 'input') return { kind: 'text', text: dumpJson(inputSkeleton(operation), { indent: 4, ensureAscii: false }) + '\n' };
  throw new CliError('general', `--generate-cli-skeleton ${kind} is not available yet in aws-iam`);
}
