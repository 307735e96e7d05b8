/**
 * The AWS CLI v2 global options, in the CLI's own order (help, completion, prefix matching).
 * One typed table: the parser, help and completion read it; `GlobalOptions` is derived from it.
 */
import type { ArgSpec } from './argparse.js';

/** The AWS CLI's formats, then aws-iam's own (docs/output-formats.md). */
export const OUTPUT_FORMATS = ['json', 'text', 'table', 'yaml', 'yaml-stream', 'off', 'jsonl', 'csv'] as const;
/** Formats `aws` does not know: its `output` setting and AWS_DEFAULT_OUTPUT must not name them. */
export const AWS_IAM_ONLY_FORMATS: ReadonlySet<string> = new Set(['jsonl', 'csv']);
export const COLOR_MODES = ['on', 'off', 'auto'] as const;
export const ERROR_FORMATS = ['legacy', 'json', 'yaml', 'text', 'table', 'enhanced'] as const;

export const GLOBAL_ARGS: readonly ArgSpec[] = [
  { flag: '--debug', dest: 'debug', nargs: 'zero', constant: true },
  { flag: '--endpoint-url', dest: 'endpointUrl', nargs: 'one' },
  { flag: '--no-verify-ssl', dest: 'verifySsl', nargs: 'zero', constant: false },
  { flag: '--no-paginate', dest: 'paginate', nargs: 'zero', constant: false },
  { flag: '--output', dest: 'output', nargs: 'one', choices: OUTPUT_FORMATS },
  { flag: '--query', dest: 'query', nargs: 'one' },
  { flag: '--profile', dest: 'profile', nargs: 'one' },
  { flag: '--region', dest: 'region', nargs: 'one' },
  { flag: '--version', dest: 'version', nargs: 'zero', constant: true },
  { flag: '--color', dest: 'color', nargs: 'one', choices: COLOR_MODES },
  { flag: '--no-sign-request', dest: 'signRequest', nargs: 'zero', constant: false },
  { flag: '--ca-bundle', dest: 'caBundle', nargs: 'one' },
  { flag: '--cli-read-timeout', dest: 'readTimeout', nargs: 'one' },
  { flag: '--cli-connect-timeout', dest: 'connectTimeout', nargs: 'one' },
  { flag: '--cli-binary-format', dest: 'binaryFormat', nargs: 'one', choices: ['base64', 'raw-in-base64-out'] },
  { flag: '--no-cli-pager', dest: 'noCliPager', nargs: 'zero', constant: true },
  { flag: '--cli-auto-prompt', dest: 'autoPrompt', nargs: 'zero', constant: true },
  { flag: '--no-cli-auto-prompt', dest: 'noAutoPrompt', nargs: 'zero', constant: true },
  { flag: '--cli-error-format', dest: 'errorFormat', nargs: 'one', choices: ERROR_FORMATS },
];

export interface GlobalOptions {
  debug: boolean;
  endpointUrl?: string;
  verifySsl: boolean;
  paginate: boolean;
  output?: (typeof OUTPUT_FORMATS)[number];
  query?: string;
  profile?: string;
  region?: string;
  version: boolean;
  color: (typeof COLOR_MODES)[number];
  signRequest: boolean;
  caBundle?: string;
  /** Seconds, as given: the CLI converts them with int() only when it builds the client. */
  readTimeout?: string;
  connectTimeout?: string;
  binaryFormat?: string;
  noCliPager: boolean;
  errorFormat?: (typeof ERROR_FORMATS)[number];
}

export function toGlobalOptions(values: Map<string, unknown>): GlobalOptions {
  const get = <T>(k: string, d?: T) => (values.has(k) ? (values.get(k) as T) : d);
  return {
    debug: get('debug', false)!,
    endpointUrl: get('endpointUrl'),
    verifySsl: get('verifySsl', true)!,
    paginate: get('paginate', true)!,
    output: get('output'),
    query: get('query'),
    profile: get('profile'),
    region: get('region'),
    version: get('version', false)!,
    color: get('color', 'auto')!,
    signRequest: get('signRequest', true)!,
    caBundle: get('caBundle'),
    readTimeout: get('readTimeout'),
    connectTimeout: get('connectTimeout'),
    binaryFormat: get('binaryFormat'),
    noCliPager: get('noCliPager', false)!,
    errorFormat: get('errorFormat'),
  };
}
