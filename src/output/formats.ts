/** `--output` names → formats. `off` prints nothing and keeps the exit code (AWS CLI 2.34+). */
import type { OutputFormat } from './format.js';
import { jsonFormat } from './json.js';

const offFormat: OutputFormat = { pages: 'merged', format: () => '' };

export const OUTPUT_FORMATS: Readonly<Record<string, OutputFormat>> = {
  json: jsonFormat,
  off: offFormat,
};
