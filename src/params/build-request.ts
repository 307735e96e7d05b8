/**
 * Request members from the parsed options, typed as the AWS CLI types them: integers as
 * ints, booleans from `--X`/`--no-X`, lists from several words or from one JSON array word
 * (no comma splitting), `file://` values read, and `--cli-input-json`/`--cli-input-yaml`
 * filling in members the command line did not set.
 */
import type { OperationSpec } from '../model/operations.js';
import { CLI_DEST } from '../cli/operation-options.js';
import { CliError } from '../errors/cli-error.js';
import { dumpJson, JsonSyntaxError, parseJson } from '../value/json.js';
import type { Value, ValueMap } from '../value/value.js';
import { loadCliInput, mergeCliInput } from './cli-input.js';
import { paramValue } from './param-file.js';

export async function buildRequest(op: OperationSpec, values: Map<string, unknown>): Promise<ValueMap> {
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
        request.set(member.name, listValue(member.option, (raw as string[]).map((w) => paramValue(member.option!, w))));
        break;
      default:
        request.set(member.name, paramValue(member.option, raw as string));
    }
  }
  const json = values.get(CLI_DEST.cliInputJson) as string | undefined;
  const yaml = values.get(CLI_DEST.cliInputYaml) as string | undefined;
  if (json !== undefined && yaml !== undefined) {
    throw new CliError('param-validation', 'Only one --cli-input- parameter may be specified.');
  }
  if (json !== undefined) mergeCliInput(request, await loadCliInput('json', json));
  if (yaml !== undefined) mergeCliInput(request, await loadCliInput('yaml', yaml));
  return request;
}

/** One word starting with `[` is a JSON list; otherwise each word is one element. */
function listValue(option: string, words: Value[]): Value[] {
  if (words.length === 1 && typeof words[0] === 'string' && words[0].trimStart().startsWith('[')) {
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

export const describeForDebug = (request: ValueMap): string => dumpJson(request);
