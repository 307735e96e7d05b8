/**
 * `--generate-cli-skeleton`: the YAML comments' documentation overview, the yaml-input text,
 * the output sample and the stubber's validation of it, and the stubbed call's parameters.
 * Expected texts were captured from aws-cli 2.36.7 (the differential corpus covers all 36).
 */
import { describe, expect, it } from 'vitest';
import { findOperation } from '../../src/model/operations.js';
import { docOverview, xmlText } from '../../src/skeleton/doc-overview.js';
import { sampleOutput, skeletonText, stubCallParameters } from '../../src/skeleton/generate-skeleton.js';
import { CliError } from '../../src/errors/cli-error.js';
import { dumpJson } from '../../src/value/json.js';

const op = (cli: string) => findOperation(cli)!;
const failure = (f: () => unknown): string => {
  try {
    f();
    return 'no error';
  } catch (e) {
    return `${(e as CliError).errorClass}: ${(e as Error).message}`;
  }
};

describe('docOverview (awscli get_shape_doc_overview)', () => {
  it.each([
    ['<p>The name of the user.</p>', 'The name of the user.'],
    ['<p> The path prefix. More text.</p>', ' The path prefix.'],
    ['<p>Use <code>Marker</code>: next.</p>', 'Use Marker.'],
    ['<p>Many dots... here</p>', 'Many dots.'],
    ['<p>Line one\nline two. Rest</p>', 'Line one line two.'],
    ['<p>Sep\u2028arated.</p>', 'Sep arated.'],
    ['<p>a &amp; b &lt;c&gt; &#65;.</p>', 'a & b <c> A.'],
    ['<p>Unclosed <br> tag.</p>', '<p>Unclosed <br> tag.'],
    ['<p>HTML entity &nbsp; here.</p>', '<p>HTML entity &nbsp; here.'],
    ['<a href="http://x.org/y">link</a> text.', 'link text.'],
    ['', ''],
    ['No sentence end', 'No sentence end.'],
  ])('%j → %j', (html, overview) => expect(docOverview(html)).toBe(overview));

  it.each([
    ['<p>x</p></p>', undefined],
    ['<p>x', undefined],
    ['a < b', undefined],
    ['<b/>text', 'text'],
  ])('xmlText(%j) = %j', (html, text) => expect(xmlText(html)).toBe(text));
});

describe('skeletonText', () => {
  it.each([
    [
      'list-users',
      'yaml-input',
      "PathPrefix: ''  #  The path prefix for filtering the results.\n" +
        "Marker: '' # Use this parameter only when paginating results and only after you receive a response indicating that the results are truncated.\n" +
        'MaxItems: 0 # Use this only when paginating results to indicate the maximum number of items you want in the response.\n',
    ],
    ['list-organizations-features', 'yaml-input', '{}\n'],
    ['list-organizations-features', 'input', '{}\n'],
    ['list-account-aliases', 'input', '{\n    "Marker": "",\n    "MaxItems": 0\n}\n'],
  ])('%s %s', async (cli, kind, text) => expect(await skeletonText(op(cli), kind)).toBe(text));

  it('yaml-input: required flag, enum values, and a list value under its key', async () => {
    const policies = (await skeletonText(op('list-policies'), 'yaml-input')).split('\n');
    expect(policies[0]).toBe('Scope: All  # The scope to use for filtering the results. Valid values are: All, AWS, Local.');
    expect(policies[3]).toMatch(/^PolicyUsageFilter: PermissionsPolicy # .* Valid values are: PermissionsPolicy, PermissionsBoundary\.$/);
    const access = (await skeletonText(op('list-policies-granting-service-access'), 'yaml-input')).split('\n');
    expect(access.slice(1, 4)).toEqual([
      "Arn: '' # [REQUIRED] The ARN of the IAM identity (user, group, or role) whose policies you want to list.",
      'ServiceNamespaces: # [REQUIRED] The service namespace for the Amazon Web Services services whose policies you want to list.',
      "- ''",
    ]);
  });
});

describe('sampleOutput', () => {
  it.each([
    ['list-account-aliases', 'json', '{"AccountAliases": ["accountAliasType"], "IsTruncated": true, "Marker": "Marker"}'],
    ['list-organizations-features', 'json', '{"OrganizationId": "OrganizationId", "EnabledFeatures": ["FeatureType"]}'],
    ['list-mfa-devices', 'json', '{"MFADevices": [{"UserName": "UserName", "SerialNumber": "SerialNumber", "EnableDate": "1970-01-01T00:00:00"}], "IsTruncated": true, "Marker": "Marker"}'],
    ['list-mfa-devices', 'text', '{"MFADevices": [{"UserName": "UserName", "SerialNumber": "SerialNumber", "EnableDate": "1970-01-01 00:00:00"}], "IsTruncated": true, "Marker": "Marker"}'],
    ['list-mfa-devices', 'table', '{"MFADevices": [{"UserName": "UserName", "SerialNumber": "SerialNumber", "EnableDate": "1970-01-01 00:00:00"}], "IsTruncated": true, "Marker": "Marker"}'],
  ])('%s as %s', (cli, format, json) => expect(dumpJson(sampleOutput(op(cli), format).response)).toBe(json));

  it.each([
    ['yaml', "- EnableDate: '1970-01-01T00:00:00'\n", '- EnableDate: 1970-01-01 00:00:00\n'],
    ['yaml-stream', "  - '1970-01-01T00:00:00'\n", '  - 1970-01-01 00:00:00\n'],
    ['yaml', '"1970-01-01T00:00:00"\n', '"1970-01-01T00:00:00"\n'],
    ['json', "'1970-01-01T00:00:00'", "'1970-01-01T00:00:00'"],
  ])('%s writes the epoch %j as %j', (format, text, written) => expect(sampleOutput(op('list-mfa-devices'), format).rewrite(text)).toBe(written));

  it.each([
    ['list-users', 'param-validation: Parameter validation failed:\nInvalid length for parameter Users[0].UserId, value: 6, valid min length: 16\nInvalid length for parameter Users[0].Arn, value: 3, valid min length: 20'],
    ['list-access-keys', 'param-validation: Parameter validation failed:\nInvalid length for parameter AccessKeyMetadata[0].AccessKeyId, value: 11, valid min length: 16'],
    [
      'list-virtual-mfa-devices',
      "param-validation: Parameter validation failed:\nInvalid type for parameter VirtualMFADevices[0].Base32StringSeed, value: None, type: <class 'NoneType'>, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object\n" +
        "Invalid type for parameter VirtualMFADevices[0].QRCodePNG, value: None, type: <class 'NoneType'>, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object\n" +
        'Invalid length for parameter VirtualMFADevices[0].User.UserId, value: 6, valid min length: 16\nInvalid length for parameter VirtualMFADevices[0].User.Arn, value: 3, valid min length: 20',
    ],
    ['list-service-specific-credentials', 'no error'],
  ])('%s: the stubber validates its sample', (cli, error) => expect(failure(() => sampleOutput(op(cli), 'json'))).toBe(error));
});

describe('stubCallParameters (the stubbed call keeps the paginator flags)', () => {
  const values = (entries: Record<string, unknown>) => new Map(Object.entries(entries));
  const call = (flags: Record<string, unknown>, request: Record<string, unknown>, paginate = true) => {
    try {
      const stub = stubCallParameters(op('list-mfa-devices'), new Map(Object.entries(request)) as never, values(flags), paginate);
      return { params: dumpJson(stub.params), warning: stub.warning };
    } catch (e) {
      return (e as Error).message;
    }
  };
  it.each([
    [{}, {}, true, { params: '{}', warning: undefined }],
    [{ UserName: 'a', 'cli:max-items': 2n }, { UserName: 'a', Bogus: 1 }, true, { params: '{"UserName": "a", "PaginationConfig": {}, "Bogus": 1}', warning: undefined }],
    [{ 'cli:max-items': 0n }, {}, true, { params: '{"PaginationConfig": {}}', warning: 'warning: Non-positive values for --max-items may result in undefined behavior.\n' }],
    [{ 'cli:page-size': 5n }, {}, true, { params: '{"PaginationConfig": {}}', warning: undefined }],
    [{ 'cli:max-items': 3n }, {}, false, { params: '{"MaxItems": 3}', warning: undefined }],
    [{ Marker: 'm', 'cli:max-items': 3n }, { Marker: 'm' }, true, { params: '{"Marker": "m", "MaxItems": 3}', warning: undefined }],
    [{ Marker: 'm', 'cli:starting-token': 't' }, { Marker: 'm' }, true, 'Cannot specify --no-paginate along with pagination arguments: --starting-token'],
    [{ 'cli:starting-token': 't', 'cli:page-size': 2n }, {}, false, 'Cannot specify --no-paginate along with pagination arguments: --starting-token, --page-size'],
  ])('case %#', (flags, request, paginate, expected) => expect(call(flags, request, paginate)).toEqual(expected));
});
