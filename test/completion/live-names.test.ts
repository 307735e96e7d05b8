/**
 * Live names through the real session and response shaping, with the sender replaced by a
 * script of raw IAM bodies: which requests go out, how pages are followed, what is read.
 */
import { describe, expect, it } from 'vitest';
import type { Io } from '../../src/cli/io.js';
import { liveNameFetcher } from '../../src/completion/live-names.js';
import { RESOURCE_OPTIONS } from '../../src/completion/resource-options.js';
import type { ValueMap } from '../../src/value/value.js';

const users = (names: string[], marker?: string) =>
  `<ListUsersResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/"><ListUsersResult><Users>${names
    .map((n) => `<member><Path>/</Path><UserName>${n}</UserName><UserId>AID${n}</UserId><Arn>arn:aws:iam::123456789012:user/${n}</Arn><CreateDate>2024-01-01T00:00:00Z</CreateDate></member>`)
    .join('')}</Users><IsTruncated>${marker ? 'true' : 'false'}</IsTruncated>${marker ? `<Marker>${marker}</Marker>` : ''}</ListUsersResult></ListUsersResponse>`;
const empty = (op: string, list: string) => `<${op}Response><${op}Result><${list}/><IsTruncated>false</IsTruncated></${op}Result></${op}Response>`;
const saml = `<ListSAMLProvidersResponse><ListSAMLProvidersResult><SAMLProviderList><member><Arn>arn:aws:iam::123456789012:saml-provider/corp</Arn><ValidUntil>2030-01-01T00:00:00Z</ValidUntil></member></SAMLProviderList></ListSAMLProvidersResult></ListSAMLProvidersResponse>`;

function scriptedIo(bodies: Record<string, string[]>, env: Record<string, string> = {}) {
  const requests: { operation: string; params: Record<string, unknown>; settings: { profileName: string; region?: string; endpointUrl?: string } }[] = [];
  const io: Io = {
    stdout: { write: () => undefined },
    stderr: { write: () => undefined },
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    now: () => 0,
    loadSharedFiles: async () => ({ configFile: { work: { region: 'eu-west-1' } }, credentialsFile: {} }),
    createSender: (settings) => async (operation: string, params: ValueMap) => {
      requests.push({
        operation,
        params: Object.fromEntries(params),
        settings: { profileName: settings.profileName, region: settings.region, endpointUrl: settings.endpointUrl },
      });
      const body = bodies[operation]?.shift();
      if (body === undefined) throw new Error(`unexpected ${operation}`);
      return body;
    },
  };
  return { io, requests };
}

describe('liveNameFetcher', () => {
  it('follows Marker pages of 1000 and reads the names at the table path, with the line settings', async () => {
    const { io, requests } = scriptedIo({ ListUsers: [users(['alice', 'bob'], 'page2'), users(['Zoë'])] });
    const names = await liveNameFetcher(io)(RESOURCE_OPTIONS['--user-name'], { profile: 'work', endpointUrl: 'http://h:1' });
    expect(names).toEqual(['alice', 'bob', 'Zoë']);
    expect(requests).toEqual([
      { operation: 'ListUsers', params: { MaxItems: 1000 }, settings: { profileName: 'work', region: 'eu-west-1', endpointUrl: 'http://h:1' } },
      { operation: 'ListUsers', params: { MaxItems: 1000, Marker: 'page2' }, settings: { profileName: 'work', region: 'eu-west-1', endpointUrl: 'http://h:1' } },
    ]);
  });

  it('calls each source of an option in order', async () => {
    const { io, requests } = scriptedIo({
      ListUsers: [users(['alice'])],
      ListGroups: [empty('ListGroups', 'Groups')],
      ListRoles: [empty('ListRoles', 'Roles')],
    });
    expect(await liveNameFetcher(io)(RESOURCE_OPTIONS['--arn'], {})).toEqual(['arn:aws:iam::123456789012:user/alice']);
    expect(requests.map((r) => r.operation)).toEqual(['ListUsers', 'ListGroups', 'ListRoles']);
  });

  it('sends no paging members to operations that have none', async () => {
    const { io, requests } = scriptedIo({ ListSAMLProviders: [saml] });
    expect(await liveNameFetcher(io)(RESOURCE_OPTIONS['--saml-provider-arn'], {})).toEqual(['arn:aws:iam::123456789012:saml-provider/corp']);
    expect(requests[0].params).toEqual({});
  });

  it('fails (and so gives no candidates) when the profile does not exist', async () => {
    const { io } = scriptedIo({});
    await expect(liveNameFetcher(io)(RESOURCE_OPTIONS['--user-name'], { profile: 'nosuch' })).rejects.toThrow('could not be found');
  });
});

describe('RESOURCE_OPTIONS', () => {
  it('names only List operations of the table, with a list and a name member in their output', async () => {
    const { operations, shapes } = await import('../../src/model/operations.js');
    for (const sources of Object.values(RESOURCE_OPTIONS)) {
      for (const source of sources) {
        const op = operations.find((o) => o.name === source.operation)!;
        expect(op, source.operation).toBeDefined();
        type Structure = { members: readonly (readonly [string, string])[] };
        const output = shapes[op.output] as Structure;
        const listShape = shapes[output.members.find(([m]) => m === source.list)![1]] as { member: string };
        const element = shapes[listShape.member] as Structure;
        expect(element.members.map(([m]) => m), `${source.operation} ${source.list}`).toContain(source.name);
      }
    }
  });
});
