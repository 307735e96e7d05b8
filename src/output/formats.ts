/**
 * `--output` names → formats. `off` prints nothing and keeps the exit code (AWS CLI 2.34+).
 * `jsonl` and `csv` are aws-iam's own (AWS_IAM_ONLY_FORMATS): the AWS CLI refuses them.
 */
import type { Format, OutputFormat } from './format.js';
import { csvFormat } from './csv.js';
import { jsonlFormat } from './jsonl.js';
import { jsonFormat } from './json.js';
import { tableFormat } from './table.js';
import { textFormat } from './text.js';
import { yamlFormat } from './yaml.js';
import { yamlStreamFormat } from './yaml-stream.js';

const offFormat: OutputFormat = { pages: 'merged', ignoresResult: true, format: () => '' };

export const OUTPUT_FORMATS: Readonly<Record<string, Format>> = {
  json: jsonFormat,
  text: textFormat,
  table: tableFormat,
  yaml: yamlFormat,
  'yaml-stream': yamlStreamFormat,
  off: offFormat,
  jsonl: jsonlFormat,
  csv: csvFormat,
};
