/**
 * `--generate-cli-skeleton [input|yaml-input|output]`. No credentials or request are needed:
 * `input` and `yaml-input` are text; `output` is a sample response that the CLI runs through a
 * stubbed client: the sample is validated, then the call parameters (stub-parameters.ts), and
 * the sample is printed as a real response would be.
 */
import type { OperationSpec } from '../model/operations.js';
import { CliError } from '../errors/cli-error.js';
import { dumpJson } from '../value/json.js';
import { inputSkeleton } from './input-skeleton.js';
import { checkSample, sampleResponse, type SampleResponse } from './output-skeleton.js';

export type { SampleResponse } from './output-skeleton.js';
export { stubCallParameters } from './stub-parameters.js';

/**
 * `input` (the default) and `yaml-input`: the text to print. The YAML skeleton's comments come
 * from the documentation table (100 KB), which only it loads.
 */
export async function skeletonText(operation: OperationSpec, kind: string): Promise<string> {
  if (kind === 'input') return dumpJson(inputSkeleton(operation), { indent: 4, ensureAscii: false }) + '\n';
  if (kind === 'yaml-input') return (await import('./yaml-input-skeleton.js')).yamlInputSkeleton(operation);
  // argparse's choices keep other values out: this is a programming error, not a user's.
  throw new CliError('general', `unknown skeleton kind: ${kind}`);
}

/** `output`: the sample response for the chosen format, or the stubber's ParamValidation error. */
export function sampleOutput(operation: OperationSpec, formatName: string): SampleResponse {
  checkSample(operation.output);
  return sampleResponse(operation.output, formatName);
}
