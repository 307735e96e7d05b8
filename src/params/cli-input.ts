/**
 * `--cli-input-json` / `--cli-input-yaml`: a whole request as one document (inline or
 * `file://`), whose members fill in what the command line did not set (flags win). Errors are
 * the CLI's: only one of the two, a document that does not parse, or one that is not a map.
 * The YAML loader (and the `yaml` package under it) is imported only when YAML is given.
 */
import { CliError } from '../errors/cli-error.js';
import { JsonSyntaxError, parseJson } from '../value/json.js';
import { isMap, type Value, type ValueMap } from '../value/value.js';
import { resolveParamFile } from './param-file.js';
import { PyObject, pyTypeName } from './py-object.js';
import { YamlInputError } from './yaml-input-error.js';

/** The YAML loader and the library under it, imported on first use. */
let yamlLoader: typeof import('./yaml-input.js') | undefined;
async function loadYaml(text: string): Promise<Value> {
  yamlLoader ??= await import('./yaml-input.js');
  return yamlLoader.loadYaml(text);
}
export type CliInputFormat = 'json' | 'yaml';

/** The document's members, or the CLI's error for a document it cannot use. */
export async function loadCliInput(format: CliInputFormat, argument: string): Promise<ValueMap> {
  const option = `cli-input-${format}`;
  const text = resolveParamFile(option, argument);
  let document: Value;
  try {
    document = format === 'json' ? parseJson(text) : await loadYaml(text);
  } catch (error) {
    if (!(error instanceof JsonSyntaxError || error instanceof YamlInputError)) throw error;
    throw new CliError('param-validation', `Error parsing parameter '${option}': Invalid ${format.toUpperCase()} received.`);
  }
  if (!isMap(document) || document instanceof PyObject) {
    throw new CliError('param-validation', `Error parsing parameter '--${option}': Invalid type: expecting map, received <class '${pyTypeName(document)}'>`);
  }
  return document;
}

/** Adds the document's members that the command line did not set, in the document's order. */
export function mergeCliInput(request: ValueMap, input: ValueMap): void {
  for (const [key, value] of input) if (!request.has(key)) request.set(key, value);
}
