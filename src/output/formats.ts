/** `--output` names → formats. `off` prints nothing and keeps the exit code (AWS CLI 2.34+). */
import type { OutputFormat } from './format.js';
import { jsonFormat } from './json.js';
import { tableFormat } from './table.js';
import { textFormat } from './text.js';
import { yamlFormat } from './yaml.js';
import { yamlStreamFormat } from './yaml-stream.js';

const offFormat: OutputFormat = { pages: 'merged', ignoresResult: true, format: () => '' };

export const OUTPUT_FORMATS: Readonly<Record<string, OutputFormat>> = {
  json: jsonFormat,
  text: textFormat,
  table: tableFormat,
  yaml: yamlFormat,
  'yaml-stream': yamlStreamFormat,
  off: offFormat,
};
