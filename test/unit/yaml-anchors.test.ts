// Shared containers become anchors/aliases, as the CLI's dumper writes them. Expected outputs
// were captured from AWS CLI v2.36.7 against the seeded emulator (commands in each test).
import { expect, test } from 'vitest';
import { yamlStreamFormat } from '../../src/output/yaml-stream.js';
import { yamlFormat } from '../../src/output/yaml.js';
import { parseJson } from '../../src/value/json.js';
import type { Value } from '../../src/value/value.js';

const ctx = { operationName: 'ListGroups', width: 80, color: false };
const m = (entries: Record<string, Value>): Map<string, Value> => new Map(Object.entries(entries));
const admins = parseJson(
  '{"Path": "/", "GroupName": "admins", "GroupId": "0gpp5cxq2t3b8ya9y11p", "Arn": "arn:aws:iam::123456789012:group/admins", "CreateDate": "2026-11-23T01:28:50+00:00"}',
);
const developers = parseJson(
  '{"Path": "/eng/", "GroupName": "developers", "GroupId": "83u6eiwr5o3i70vx8re9", "Arn": "arn:aws:iam::123456789012:group/eng/developers", "CreateDate": "2026-11-23T01:28:50+00:00"}',
);

test('objects: numbered in output order (keys sorted)', () => {
  // aws iam list-groups --output yaml --query '{b: Groups[0], a: Groups[0], c: [Groups[1], Groups[0], Groups[1]]}'
  const v = m({ b: admins, a: admins, c: [developers, admins, developers] });
  expect(yamlFormat.format(v, ctx)).toBe(
    `a: &id001
  Arn: arn:aws:iam::123456789012:group/admins
  CreateDate: '2026-11-23T01:28:50+00:00'
  GroupId: 0gpp5cxq2t3b8ya9y11p
  GroupName: admins
  Path: /
b: *id001
c:
- &id002
  Arn: arn:aws:iam::123456789012:group/eng/developers
  CreateDate: '2026-11-23T01:28:50+00:00'
  GroupId: 83u6eiwr5o3i70vx8re9
  GroupName: developers
  Path: /eng/
- *id001
- *id002
`,
  );
});

test('lists: an anchored sequence under a key stays unindented', () => {
  // aws iam list-role-tags --role-name app-server --output yaml --query '{x: Tags, y: Tags, z: Tags[0], w: [Tags[0]]}'
  const app = m({ Key: 'app', Value: 'web' });
  const tags = [app, m({ Key: 'cost', Value: '42' }), m({ Key: 'env', Value: 'prod' })];
  expect(yamlFormat.format(m({ x: tags, y: tags, z: app, w: [app] }), ctx)).toBe(
    `w:
- &id001
  Key: app
  Value: web
x: &id002
- *id001
- Key: cost
  Value: '42'
- Key: env
  Value: prod
y: *id002
z: *id001
`,
  );
});

test('empty containers are anchored too', () => {
  // aws iam list-users --path-prefix /nomatch/ --output yaml --query '[Users, Users, {e: Users}]'
  const users: Value[] = [];
  expect(yamlFormat.format([users, users, m({ e: users })], ctx)).toBe('- &id001 []\n- *id001\n- e: *id001\n');
});

test('yaml-stream', () => {
  // aws iam list-groups --output yaml-stream --query '[Groups[0].Path, Groups[0], Groups[0]]'
  expect(yamlStreamFormat.format(['/', admins, admins], ctx)).toBe(
    `- - /
  - &id001
    Arn: arn:aws:iam::123456789012:group/admins
    CreateDate: '2026-11-23T01:28:50+00:00'
    GroupId: 0gpp5cxq2t3b8ya9y11p
    GroupName: admins
    Path: /
  - *id001
`,
  );
});

test('scalars are never anchored', () => {
  const s = 'same';
  expect(yamlFormat.format(m({ a: s, b: s }), ctx)).toBe('a: same\nb: same\n');
});
