// jsonl: one compact JSON value a line; the items a page or response gives (item-lists.ts, page-items.ts).
import { describe, expect, test } from 'vitest';
import { jsonlFormat } from '../../src/output/jsonl.js';
import { findOperation } from '../../src/model/operations.js';
import { itemListsOf } from '../../src/output/items/item-lists.js';
import { documentItems, pageItems, withMembers } from '../../src/output/items/page-items.js';
import { compileQuery } from '../../src/query/compile-query.js';
import { parseJson } from '../../src/value/json.js';
import type { Value, ValueMap } from '../../src/value/value.js';

const lines = (json: string) => jsonlFormat.open({ warn: () => {} }).write(parseJson(json) as never);
const page = (json: string) => parseJson(json) as ValueMap;
const line = (item: Value) => jsonlFormat.open({ warn: () => {} }).write([item]).trimEnd();

describe('one value a line', () => {
  test.each([
    ['objects keep key order, no spaces', '[{"b": 1, "a": [1, 2.0, null, true]}]', '{"b":1,"a":[1,2.0,null,true]}\n'],
    ['characters as the json format writes them', '[{"UserName": "Zoë \\"q\\" \\t x"}]', '{"UserName":"Zoë \\"q\\" \\t x"}\n'],
    ['a line break in a value is escaped, so a line stays one item', '[{"d": "a\\nb"}]', '{"d":"a\\nb"}\n'],
    ['scalars', '["alice", 3, false]', '"alice"\n3\nfalse\n'],
    ['no items, no output', '[]', ''],
  ])('%s', (_name, items, expected) => expect(lines(items)).toBe(expected));
});

describe('items of a page', () => {
  const users = itemListsOf(findOperation('list-users')!);
  const entities = itemListsOf(findOperation('list-entities-for-policy')!);
  const q = (expression: string) => compileQuery(expression);
  test.each([
    ['the result list, nothing else', users, '{"Users": [{"UserName": "a"}, {"UserName": "b"}], "IsTruncated": true, "Marker": "m"}', undefined, ['a', 'b'].map((n) => `{"UserName":"${n}"}`)],
    ['three lists, in model order', entities, '{"PolicyRoles": [{"RoleName": "r"}], "PolicyGroups": [{"GroupName": "g"}], "PolicyUsers": [{"UserName": "u"}]}', undefined, ['{"GroupName":"g"}', '{"UserName":"u"}', '{"RoleName":"r"}']],
    ['a query list: one line per element', users, '{"Users": [{"UserName": "a"}, {"UserName": "b"}]}', q('Users[].UserName'), ['"a"', '"b"']],
    ['any other query result: one line', users, '{"Users": [{"UserName": "a"}]}', q('length(Users)'), ['1']],
    ['the query sees only the result keys, as with text', users, '{"Users": [], "IsTruncated": true}', q('IsTruncated'), []],
    ['null writes nothing', users, '{"Users": []}', q('Users[0]'), []],
  ])('%s', (_name, lists, json, query, expected) => {
    expect(pageItems(page(json), lists, query).map(line)).toEqual(expected);
  });

  test('a single response: the query runs on the whole response', () => {
    const response = page('{"Users": [{"UserName": "a"}], "IsTruncated": true, "Marker": "m"}');
    expect(documentItems(response, users, q('Marker'))).toEqual(['m']);
    expect(documentItems(response, users, undefined)).toEqual([new Map([['UserName', 'a']])]);
  });
});

describe('where the items are', () => {
  test.each([
    ['list-users', ['Users'], ['Path', 'UserName', 'UserId', 'Arn', 'CreateDate', 'PasswordLastUsed', 'PermissionsBoundary', 'Tags']],
    ['list-entities-for-policy', ['PolicyGroups', 'PolicyUsers', 'PolicyRoles'], ['GroupName', 'GroupId', 'UserName', 'UserId', 'RoleName', 'RoleId']],
    ['list-user-policies', ['PolicyNames'], ['PolicyNames']],
    ['list-saml-providers', ['SAMLProviderList'], ['Arn', 'ValidUntil', 'CreateDate']],
    ['list-organizations-features', [], ['OrganizationId', 'EnabledFeatures']],
  ])('%s', (cli, keys, columns) => {
    expect(itemListsOf(findOperation(cli)!)).toEqual({ keys, columns });
  });
});

describe('members added in front (across)', () => {
  const account = new Map([['Account', '111122223333']]);
  test.each([
    ['an object', '{"UserName": "a", "Account": "x"}', '{"Account":"111122223333","UserName":"a"}'],
    ['a scalar becomes Value', '"a"', '{"Account":"111122223333","Value":"a"}'],
  ])('%s', (_name, item, expected) => {
    expect(line(withMembers(parseJson(item), account))).toBe(expected);
  });
});
