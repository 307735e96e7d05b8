/**
 * Request members from the parsed options, typed as the AWS CLI types them: integers as
 * ints, booleans from `--X`/`--no-X`, lists from several words or from one JSON array word
 * (no comma splitting), `file://` values read, and `--cli-input-json` filling in members the
 * command line did not set.
 */
import type { OperationSpec } from '../model/operations.js';
import { CLI_DEST } from '../cli/operation-options.js';
import { CliError } from '../errors/cli-error.js';
import { dumpJson, JsonSyntaxError, parseJson } from '../value/json.js';
import { isMap, type Value, type ValueMap } from '../value/value.js';
import { resolveParamFile } from './param-file.js';

export function buildRequest(op: OperationSpec, values: Map<string, unknown>): ValueMap {
  const request: ValueMap = new Map();
  for (const member of op.input) {
    if (!member.option || !values.has(member.name)) continue;
    const raw = values.get(member.name);
    switch (member.type) {
      case 'boolean':
        request.set(member.name, raw as boolean);
        break;
      case 'integer':
        request.set(member.name, Number(raw as bigint));
        break;
      case 'list':
        request.set(member.name, listValue(member.option, (raw as string[]).map((w) => resolveParamFile(member.option!, w))));
        break;
      default:
        request.set(member.name, resolveParamFile(member.option, raw as string));
    }
  }
  const cliInput = values.get(CLI_DEST.cliInputJson) as string | undefined;
  if (values.has(CLI_DEST.cliInputYaml) && cliInput !== undefined) {
    throw new CliError('param-validation', 'Only one --cli-input- parameter may be specified.');
  }
  if (cliInput !== undefined) mergeCliInput(request, cliInput);
  if (values.has(CLI_DEST.cliInputYaml)) {
    throw new CliError('general', '--cli-input-yaml is not available yet in aws-iam; use --cli-input-json');
  }
  return request;
}

/** One word starting with `[` is a JSON list; otherwise each word is one element. */
function listValue(option: string, words: string[]): Value[] {
  if (words.length === 1 && words[0].trimStart().startsWith('[')) {
    try {
      const parsed = parseJson(words[0]);
      if (Array.isArray(parsed)) return parsed;
    } catch (error) {
      const detail = error instanceof JsonSyntaxError ? error.message : String(error);
      throw new CliError(
        'param-validation',
        `Error parsing parameter '--${option}': Invalid JSON: ${detail}\nJSON received: ${words[0]}`,
      );
    }
  }
  return words;
}

function mergeCliInput(request: ValueMap, text: string): void {
  const source = resolveParamFile('cli-input-json', text);
  let input: Value;
  try {
    input = parseJson(source);
  } catch {
    throw new CliError('param-validation', "Error parsing parameter 'cli-input-json': Invalid JSON received.");
  }
  if (!isMap(input)) {
    const pyType = Array.isArray(input) ? 'list' : input === null ? 'NoneType' : typeof input === 'string' ? 'str' : typeof input === 'boolean' ? 'bool' : 'int';
    throw new CliError('param-validation', `Error parsing parameter '--cli-input-json': Invalid type: expecting map, received <class '${pyType}'>`);
  }
  for (const [key, value] of input) if (!request.has(key)) request.set(key, value);
}

export const describeForDebug = (request: ValueMap): string => dumpJson(request);
