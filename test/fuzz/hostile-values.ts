/**
 * Values a careless or hostile user (or script) can put on a command line, by kind. Each
 * generator returns argv words; `forProcess` leaves out what cannot cross execve (NUL, lone
 * surrogates: Node refuses or re-encodes them) and any endpoint that is not on loopback.
 */
import type { Rng } from './prng.js';

export interface ValueOptions {
  /** Words go through a real process (`node bin/aws-iam`). */
  readonly forProcess: boolean;
  /** A file that exists (for file:// and fileb:// values). */
  readonly existingFile: string;
}

const HUGE = 100_000;

const controlStrings = ['\x00', '\x1b[31mred\x1b[0m', 'a\r\nb', '\t', '\x7f', '\x08\x08', '\u0085', '\u2028', '\ufeff'];
const surrogateStrings = ['\ud800', 'a\udfffb', '\udc00\ud800', '\ud83d'];
const unicodeStrings = ['café', '名前', '🙂', 'e\u0301', 'ＡＢＣ', '\u202eevil'];
const badJson = [
  '{', '[', '{"a":', '{"UserName": 1}', 'null', '[]', '""', '1', 'true', '{"PathPrefix": {"x": [1, 2]}}',
  '{"MaxItems": "ten"}', '{"MaxItems": -1}', '{"MaxItems": 1e400}', '{"Marker": null}', '{"Unknown": 1}',
  '{"UserName": "a", "UserName": "b"}', '{"a": NaN}', "{'single': 'quotes'}", '{"x": "\\ud800"}', '{"PathPrefix": "/"} trailing',
  '[1, 2, 3]', '{"ServiceNamespaces": "s3"}', '{"OnlyAttached": "yes"}', '{"Scope": 7}',
];
const badTokens = [
  'x', '!!!', '====', 'eyJNYXJrZXIiOiBudWxsfQ==', // {"Marker": null}
  Buffer.from('{"Marker": "m1", "boto_truncate_amount": -5}').toString('base64'),
  Buffer.from('{"Marker": "m1", "boto_truncate_amount": 99999999999}').toString('base64'),
  Buffer.from('{"boto_truncate_amount": 1}').toString('base64'),
  Buffer.from('[1,2]').toString('base64'), Buffer.from('"str"').toString('base64'),
  Buffer.from('{"Marker": {"a": 1}}').toString('base64'), Buffer.from('\xff\xfe').toString('base64'),
  'm1', 'm1___1', 'm1___-3', '___', 'eyJ', 'eyJNYXJrZXIiOiAibTEifQ', // unpadded
];
const integers = [
  '-1', '0', '1', '2', '1000', '99999999999999999999999', '9007199254740993', '1e5', '0x10', ' 5 ', '1_000', '-0',
  'NaN', 'Infinity', '1.5', '+3', '٣', '', '--1', '5abc',
];
const queries = [
  'Users', 'Users[0]', 'Users[].UserName', 'length(@)', 'max_by(Users, &CreateDate)', 'sort_by(Users, &UserName)[0]',
  '`{}`', 'Users[', '[?', '@.@.@', 'foo.bar.baz', "Users[?UserName=='x']", 'to_number(`"x"`)', 'abs(`"x"`)',
  'not_a_function(@)', '&foo', '{a: Users, b: IsTruncated}', 'Users[*].Tags[*].Key | [0]', 'join(`,`, Users)',
  '*', '[]', '@', 'Users[-1:0:-1]', 'Users[::0]', "'literal'", '"quoted"', 'a || b && !c',
];
const endpointsForProcess = ['nope', '127.0.0.1:1', 'http://127.0.0.1:1', 'http://[::1]:1/', 'ftp://127.0.0.1:1', 'http://', 'http://127.0.0.1:1/some/path'];
const endpointsInProcess = [...endpointsForProcess, 'https://iam.amazonaws.com', 'http://[::1', '://x'];

export const HOSTILE_KINDS = [
  'empty', 'huge', 'control', 'surrogate', 'unicode', 'badJson', 'token', 'file', 'integer', 'plain', 'dashy',
] as const;

export function hostileString(rng: Rng, options: ValueOptions): string {
  switch (rng.pick(HOSTILE_KINDS)) {
    case 'empty':
      return '';
    case 'huge':
      return rng.chance(0.5) ? 'a'.repeat(HUGE) : Array.from({ length: HUGE / 10 }, (_, i) => `x${i % 10}é\u0001`).join('').slice(0, HUGE);
    case 'control':
      return options.forProcess ? rng.pick(controlStrings.filter((s) => !s.includes('\x00'))) : rng.pick(controlStrings);
    case 'surrogate':
      return options.forProcess ? rng.pick(unicodeStrings) : rng.pick(surrogateStrings);
    case 'unicode':
      return rng.pick(unicodeStrings);
    case 'badJson':
      return rng.pick(badJson);
    case 'token':
      return rng.pick(badTokens);
    case 'file':
      return fileValue(rng, options);
    case 'integer':
      return rng.pick(integers);
    case 'dashy':
      return rng.pick(['-', '--', '-x', '--bogus', '---', '-1', '--=x', '--user-name=alice', '=']);
    default:
      return rng.pick(['alice', 'bob', '/eng/', 'arn:aws:iam::123456789012:policy/p', 'arn:aws:iam::123456789012:mfa/dev1', 's3']);
  }
}

export function fileValue(rng: Rng, options: ValueOptions): string {
  return rng.pick([
    'file://nope', 'fileb://nope', 'file://', 'fileb://', `file://${options.existingFile}`, `fileb://${options.existingFile}`,
    'file:///', 'file:///etc/hostname', 'file://./nope/../nope', 'FILE://nope', 'file:nope', 'http://127.0.0.1:1/',
  ]);
}

export const integerValue = (rng: Rng): string => rng.pick(integers);
export const tokenValue = (rng: Rng): string => rng.pick(badTokens);
export const queryValue = (rng: Rng, options: ValueOptions): string =>
  rng.chance(0.85) ? rng.pick(queries) : rng.chance(0.5) ? '['.repeat(rng.chance(0.5) ? 50 : 5000) : hostileString(rng, options);
export const jsonValue = (rng: Rng, options: ValueOptions, maxDepth = 20000): string =>
  rng.chance(0.7) ? rng.pick(badJson) : rng.chance(0.5) ? fileValue(rng, options) : '['.repeat(Math.min(maxDepth, rng.chance(0.5) ? 100 : 20000));

/**
 * The `yaml` package (2.9.1) parsing deeply nested flow collections many times in one process
 * kills V8 ("RegExpCompiler Allocation failed"): harmless to aws-iam, which parses one document
 * per process, fatal to an in-process fuzzer. Deep YAML goes through the binary only.
 */
export const YAML_DEPTH_IN_PROCESS = 100;
export const endpointValue = (rng: Rng, options: ValueOptions): string =>
  rng.pick(options.forProcess ? endpointsForProcess : endpointsInProcess);
