/**
 * A scripted IAM for the in-process fuzzer: for each operation it answers with valid Query XML
 * built from the operation's output shape (random but well-formed values, pages that end), or
 * fails the way the real sender fails (CliErrors of the service, connection and credential kinds).
 */
import { shapes, type OperationSpec } from '../../src/model/operations.js';
import { CliError } from '../../src/errors/cli-error.js';
import type { SendRequest } from '../../src/sdk/iam-client.js';
import type { Rng } from './prng.js';

const escapeXml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

const strings = ['alice', 'bob', '/', '/eng/', 'café', '名前', 'a&b<c>', "quote'\"", 'x'.repeat(300), '', ' lead', 'tab\tin'];
const policyDocs = [
  '%7B%22Version%22%3A%222012-10-17%22%7D', 'not%20json', '%7B%22a%22%3A%5B1%2C2.0%2Cnull%5D%7D', '%ZZ', '%7B',
];
const dates = ['2026-01-02T03:04:05Z', '2026-01-02T03:04:05.123456Z', '1970-01-01T00:00:00Z', 'not-a-date', '2026-13-45T99:99:99Z'];

function valueXml(rng: Rng, shapeName: string, depth: number): string {
  const spec = shapes[shapeName];
  switch (spec.type) {
    case 'structure':
      return spec.members
        .filter(([name]) => spec.required?.includes(name) || rng.chance(0.6))
        .map(([name, member]) => `<${name}>${valueXml(rng, member, depth + 1)}</${name}>`)
        .join('');
    case 'list': {
      const n = depth > 3 ? 0 : rng.int(4);
      return Array.from({ length: n }, () => `<member>${valueXml(rng, spec.member, depth + 1)}</member>`).join('');
    }
    case 'map': {
      const n = rng.int(3);
      return Array.from({ length: n }, (_, i) => `<entry><key>k${i}</key><value>${valueXml(rng, spec.value, depth + 1)}</value></entry>`).join('');
    }
    case 'boolean':
      return rng.pick(['true', 'false']);
    case 'integer':
    case 'long':
      return String(rng.pick([0, 1, 42, 3600, 2 ** 31 - 1]));
    case 'timestamp':
      return rng.pick(dates);
    case 'blob':
      return rng.pick(['QUJD', '', '!!', 'AA==']);
    default:
      if (shapeName === 'policyDocumentType') return rng.pick(policyDocs);
      return escapeXml(spec.enum ? rng.pick(spec.enum) : rng.pick(strings));
  }
}

/** The page after `marker` (m1, m2, …): at most a few pages, so listings end. */
function pageXml(rng: Rng, operation: OperationSpec, marker: unknown): string {
  const output = shapes[operation.output];
  if (output.type !== 'structure') throw new Error(`${operation.output} is not a structure`);
  const page = typeof marker === 'string' && /^m\d+$/.test(marker) ? Number(marker.slice(1)) : 0;
  const truncated = page < 2 && rng.chance(0.5);
  const body = output.members
    .map(([name, member]) => {
      if (name === 'IsTruncated') return `<IsTruncated>${truncated}</IsTruncated>`;
      if (name === 'Marker') return truncated ? `<Marker>m${page + 1}</Marker>` : '';
      if (!output.required?.includes(name) && !rng.chance(0.7)) return '';
      return `<${name}>${valueXml(rng, member, 0)}</${name}>`;
    })
    .join('');
  return (
    `<${operation.name}Response xmlns="https://iam.amazonaws.com/doc/2010-05-08/">` +
    `<${operation.name}Result>${body}</${operation.name}Result>` +
    `<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata></${operation.name}Response>`
  );
}

const FAILURES = [
  (op: string) => new CliError('client', `An error occurred (NoSuchEntity) when calling the ${op} operation: The user with name x cannot be found.`, { code: 'NoSuchEntity', message: 'The user with name x cannot be found.', fields: [['Code', 'NoSuchEntity'], ['Message', 'The user with name x cannot be found.']] }),
  (op: string) => new CliError('client', `An error occurred (Throttling) when calling the ${op} operation (reached max retries: 2): Rate exceeded`, { code: 'Throttling', message: 'Rate exceeded' }),
  () => new CliError('general', 'Could not connect to the endpoint URL: "http://127.0.0.1:1/"'),
  () => new CliError('no-credentials', 'Unable to locate credentials. You can configure credentials by running "aws login".'),
];

export function fakeSender(rng: Rng, byName: ReadonlyMap<string, OperationSpec>, failureRate = 0.1): SendRequest {
  return async (operationName, params) => {
    if (rng.chance(failureRate)) throw rng.pick(FAILURES)(operationName);
    const operation = byName.get(operationName);
    if (!operation) throw new Error(`the fake has no operation ${operationName}`);
    return pageXml(rng, operation, params.get('Marker'));
  };
}
