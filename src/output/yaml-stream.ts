/**
 * `--output yaml-stream`: each page (raw, queried) as it arrives, dumped as a one-element list,
 * so the pages concatenate into one YAML sequence. Scalars and empty pages are list items too
 * (`- null`, `- {}`); nothing is special-cased.
 */
import type { Value } from '../value/value.js';
import type { OutputFormat } from './format.js';
import { dumpYaml } from './yaml/emitter.js';

export const yamlStreamFormat: OutputFormat = {
  pages: 'per-page',
  format: (page: Value): string => dumpYaml([page]),
};
