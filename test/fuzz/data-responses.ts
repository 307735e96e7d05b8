/**
 * Random IAM answers for the data differential fuzzer: for any List operation, pages of
 * schema-valid Query XML laid out from the operation table (which tools/generate-model.py reads
 * out of the botocore model the reference CLI ships). Values are what a hostile or merely odd
 * IAM could send and XML allows: unicode of every kind, long strings, optional members missing,
 * numbers as Python's int() reads them, timestamps in every shape dateutil sees, URL-encoded
 * policy documents, and odd but legal encodings (character references, CDATA, CRLF line ends,
 * namespace prefixes).
 */
import { shapes, type OperationSpec } from '../../src/model/operations.js';
import type { Rng } from './prng.js';

const NS = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** Pieces strings are built from; each is legal XML text once escaped. */
const PIECES = [
  'alice', 'bob', 'Admin', 'path', '/', '/eng/', ' ', '  ', '-', '_', '.', '@', '+', '=', ',', '*', '?', '[', ']', '{', '}',
  '<', '>', '&', '"', "'", '\\', '|', '`', '$(id)', '%20', '%', 'None', 'null', 'true', '1e5', '0x10', '007',
  '\t', '\n', '\r\n', '\r', '\u00a0', '\u0085', '\u009b', '\u007f',
  'é', 'e\u0301', 'ß', 'ŉ', 'ﬁ', 'ı', 'İ', 'ς', 'Σ', 'ǅ', 'ﬃ', 'ẞ', 'µ', 'ÿ', 'Ω',
  '名前', 'ｱｲｳ', 'Ａ', '한국어', '\u3000', '𠀋', '😀', '👩\u200d💻', '🫠', '🇺🇳', '\u{1F3FB}',
  'עברית', 'العربية', '\u202e', '\u200b', '\u200e', '\ufeff', '\u2028', '\u2029', '\u00ad', '\u180e',
  '\u0378', '\ue000', '\u{10fffd}', '\ufdd0', '\ufffd', '\u0660\u0661', '\u00b2', '\u2167', '\u0f33',
];

const pick = <T>(rng: Rng, items: readonly T[]): T => rng.pick(items);

export function randomText(rng: Rng): string {
  const roll = rng.next();
  if (roll < 0.05) return '';
  if (roll < 0.08) return pick(rng, PIECES).repeat(200 + rng.int(1800));
  const n = 1 + rng.int(roll < 0.6 ? 3 : 8);
  return Array.from({ length: n }, () => pick(rng, PIECES)).join('');
}

/** XML text for `value`, in one of the spellings XML allows for the same characters. */
export function encodeText(rng: Rng, value: string): string {
  if (value !== '' && !value.includes(']]>') && !value.includes('\r') && rng.chance(0.1)) return `<![CDATA[${value}]]>`;
  const style = rng.int(10);
  let out = '';
  for (const ch of value) {
    const cp = ch.codePointAt(0)!;
    if (ch === '\r') out += rng.chance(0.5) ? '&#13;' : '\r';
    else if (style === 0 || (style === 1 && cp > 0x7e)) out += rng.chance(0.5) ? `&#${cp};` : `&#x${cp.toString(16)};`;
    else if (ch === '&') out += '&amp;';
    else if (ch === '<') out += '&lt;';
    else if (ch === '>') out += rng.chance(0.5) ? '&gt;' : '>';
    else if (ch === '"' && rng.chance(0.3)) out += '&quot;';
    else if (ch === "'" && rng.chance(0.3)) out += '&apos;';
    else out += ch;
  }
  return out;
}

const TIMESTAMPS = [
  '2024-01-02T03:04:05Z', '2019-10-28T20:37:09Z', '2024-01-02T03:04:05.123Z', '2024-01-02T03:04:05.123456Z',
  '2024-01-02T03:04:05.123456789Z', '2024-01-02T03:04:05+00:00', '2024-01-02T03:04:05-00:00', '2024-01-02T03:04:05-0000',
  '2024-01-02T03:04:05+05:30', '2024-01-02T03:04:05-08:00', '2024-01-02T03:04:05z', '2024-01-02 03:04:05', '2024-01-02',
  '2024-01-02T03:04Z', '1970-01-01T00:00:00Z', '9999-12-31T23:59:59Z', '2024-02-29T12:00:00Z', '20240102T030405Z',
  '2024-01-02T03:04:05.5+01:00', ' 2024-01-02T03:04:05Z ',
];
const BAD_TIMESTAMPS = ['not-a-date', '2024-13-01T00:00:00Z', '2023-02-29T00:00:00Z', '2024-01-02T25:00:00Z'];

const INTEGERS = ['0', '1', '42', '-1', '2147483647', '9007199254740993', '18446744073709551617', '100000000000000000000', '007', '+5', ' 5 ', '1_000', '\u0661\u0662'];
const BAD_INTEGERS = ['1.5', 'x', ''];

function policyJson(rng: Rng, depth = 0): string {
  const roll = rng.int(depth > 2 ? 6 : 9);
  switch (roll) {
    case 0: return JSON.stringify(randomText(rng).replace(/[\ud800-\udfff]/g, ''));
    case 1: return pick(rng, ['1', '-0', '2.0', '1e400', '9007199254740993', '1.5e-7', '123456789012345678901234567890', '0.1']);
    case 2: return pick(rng, ['true', 'false', 'null', 'NaN', 'Infinity']);
    case 3: return '"\\ud83d\\ude00\\u00e9\\u0000\\t"';
    case 4: return '"2012-10-17"';
    case 5: return `"${pick(rng, ['*', 'iam:*', 'arn:aws:iam::123456789012:user/*', 's3:GetObject'])}"`;
    case 6: case 7: {
      const n = rng.int(4);
      const keys = ['Version', 'Statement', 'Effect', 'Action', 'Resource', 'Sid', 'Condition', 'Version', 'é', ''];
      return `{${Array.from({ length: n }, () => `${JSON.stringify(pick(rng, keys))}: ${policyJson(rng, depth + 1)}`).join(', ')}}`;
    }
    default:
      return `[${Array.from({ length: rng.int(4) }, () => policyJson(rng, depth + 1)).join(',')}]`;
  }
}

/** A URL-encoded policy document as IAM sends it, or something odd in its place. */
function policyDocument(rng: Rng): string {
  const json = rng.chance(0.1) ? randomText(rng) : policyJson(rng, 0);
  const withBom = rng.chance(0.1) ? (rng.chance(0.5) ? `\ufeff${json}` : json.replace(':', ':\ufeff')) : json;
  const encoded = rng.chance(0.8) ? encodeURIComponent(withBom) : withBom;
  return rng.chance(0.05) ? `${encoded}%ZZ%E9` : encoded;
}

export interface Oddities {
  /** Chance of a value Python cannot read (bad timestamps and integers). */
  readonly broken: number;
}

function valueXml(rng: Rng, shapeName: string, depth: number, odd: Oddities, wrap: (name: string, body: string) => string): string {
  const spec = shapes[shapeName];
  switch (spec.type) {
    case 'structure':
      return spec.members
        .filter(([name]) => spec.required?.includes(name) || rng.chance(0.7))
        .map(([name, member]) => wrap(name, valueXml(rng, member, depth + 1, odd, wrap)))
        .join('');
    case 'list': {
      const n = depth > 3 ? rng.int(2) : rng.int(4);
      return Array.from({ length: n }, () => wrap('member', valueXml(rng, spec.member, depth + 1, odd, wrap))).join('');
    }
    case 'map':
      return Array.from({ length: rng.int(3) }, () =>
        wrap('entry', wrap('key', encodeText(rng, randomText(rng))) + wrap('value', valueXml(rng, spec.value, depth + 1, odd, wrap))),
      ).join('');
    case 'boolean':
      return pick(rng, ['true', 'false', 'true', 'false', 'True', '']);
    case 'integer':
    case 'long':
      return rng.chance(odd.broken) ? pick(rng, BAD_INTEGERS) : pick(rng, INTEGERS);
    case 'timestamp':
      return rng.chance(odd.broken) ? pick(rng, BAD_TIMESTAMPS) : pick(rng, TIMESTAMPS);
    case 'blob':
      return pick(rng, ['QUJD', '', 'AA==', 'QUJD\n', '8J+YgA==']);
    default:
      if (shapeName === 'policyDocumentType') return encodeText(rng, policyDocument(rng));
      return encodeText(rng, spec.enum && rng.chance(0.7) ? pick(rng, spec.enum) : randomText(rng));
  }
}

/** The listing a case answers with: `pages[i]` is the body for the request whose Marker is `p<i>`. */
export function randomPages(rng: Rng, operation: OperationSpec, odd: Oddities): string[] {
  const output = shapes[operation.output];
  if (output.type !== 'structure') throw new Error(`${operation.output} is not a structure`);
  const count = operation.paginated ? 1 + rng.int(3) : 1;
  // Prefixed element names (declared on the root) are legal and read the same by botocore.
  const prefixed = rng.chance(0.1);
  const wrap = (name: string, body: string) =>
    prefixed && rng.chance(0.3) ? `<iam:${name}>${body}</iam:${name}>` : `<${name}>${body}</${name}>`;
  const crlf = rng.chance(0.1);
  return Array.from({ length: count }, (_, page) => {
    const truncated = page < count - 1;
    const body = output.members
      .map(([name, member]) => {
        if (name === 'IsTruncated') return `<IsTruncated>${truncated}</IsTruncated>`;
        if (name === 'Marker') return truncated ? `<Marker>p${page + 1}</Marker>` : '';
        if (!output.required?.includes(name) && !rng.chance(0.8)) return '';
        return wrap(name, valueXml(rng, member, 0, odd, wrap));
      })
      .join(crlf ? '\r\n' : '');
    const declaration = rng.chance(0.5) ? '<?xml version="1.0" encoding="UTF-8"?>\n' : '';
    return (
      `${declaration}<${operation.name}Response xmlns="${NS}"${prefixed ? ` xmlns:iam="${NS}"` : ''}>` +
      `<${operation.name}Result>${body}</${operation.name}Result>` +
      `<ResponseMetadata><RequestId>7a62c49f-347e-4fc4-9331-6e8eEXAMPLE</RequestId></ResponseMetadata></${operation.name}Response>`
    );
  });
}
