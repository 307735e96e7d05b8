/**
 * `--output yaml`: the merged document dumped as YAML. A document that is a bare scalar is
 * written as JSON instead (the CLI does this to avoid YAML's `...` document end marker), and an
 * empty object prints nothing, like every other format.
 */
import { dumpJson } from '../value/json.js';
import { isList, isMap, type Value } from '../value/value.js';
import type { OutputFormat } from './format.js';
import { dumpYaml } from './yaml/emitter.js';

export const yamlFormat: OutputFormat = {
  pages: 'merged',
  format(value: Value): string {
    if (isMap(value)) return value.size === 0 ? '' : dumpYaml(value);
    if (isList(value)) return dumpYaml(value);
    return dumpJson(value, { ensureAscii: false }) + '\n';
  },
};
