/**
 * The IAM reads the audit makes, over the session's sender: List operations are paginated and
 * shaped as the CLI shapes them (timestamps per cli_timestamp_format), the others are read
 * straight from their XML. Nothing here decides anything about MFA; it only fetches.
 */
import { findOperation } from '../../model/operations.js';
import { paginate } from '../../paginate/paginator.js';
import { shapeResponse } from '../../response/shape-response.js';
import { formatTimestamp, type TimestampFormat } from '../../response/timestamps.js';
import { childNamed, parseXml } from '../../response/xml.js';
import { CliError } from '../../errors/cli-error.js';
import type { SendRequest } from '../../sdk/iam-client.js';
import type { Value, ValueMap } from '../../value/value.js';

export interface ListedUser {
  readonly UserName: string;
  readonly UserId: string;
  readonly Arn: string;
  readonly CreateDate: string;
  readonly PasswordLastUsed: string | null;
}

export interface ListedMfaDevice {
  readonly SerialNumber: string;
  readonly EnableDate: string;
}

export interface IamReader {
  /** ListUsers, every page; `onPage` hears of each page's size (progress). */
  listUsers(onPage?: (count: number) => void): Promise<ListedUser[]>;
  /** ListMFADevices: virtual, hardware and FIDO devices enabled for the user. */
  listMfaDevices(userName: string): Promise<ListedMfaDevice[]>;
  /** ListAccessKeys, counting the keys whose Status is Active. */
  countActiveAccessKeys(userName: string): Promise<number>;
  /** GetLoginProfile: false when IAM answers NoSuchEntity (the user has no console password). */
  hasLoginProfile(userName: string): Promise<boolean>;
  /** GetAccountSummary's SummaryMap (AccountMFAEnabled, AccountPasswordPresent, ...). */
  accountSummary(): Promise<Map<string, number>>;
  /** ListOrganizationsFeatures: the organization's id and its centralized root access features. */
  listOrganizationsFeatures(): Promise<{ organizationId: string | null; features: string[] }>;
  /** ListVirtualMFADevices --assignment-status Unassigned: serial numbers in IAM's order. */
  unassignedVirtualMfaDevices(): Promise<string[]>;
  /** GenerateCredentialReport's State (STARTED, INPROGRESS, COMPLETE). */
  generateCredentialReport(): Promise<string>;
  /** GetCredentialReport: Content base64-decoded (the report's CSV text), GeneratedTime as the CLI prints it. */
  getCredentialReport(): Promise<{ csv: string; generatedTime: string }>;
}

/** The service's error code of a failure, when IAM answered with one. */
export const serviceErrorCode = (error: unknown): string | undefined =>
  error instanceof CliError ? error.details?.code : undefined;

export function createIamReader(send: SendRequest, timestampFormat: TimestampFormat): IamReader {
  const listAll = async (cliName: string, params: ValueMap, onPage?: (count: number) => void): Promise<ValueMap[]> => {
    const operation = findOperation(cliName)!;
    const [primary] = operation.resultKeys!;
    const fetch = async (request: ValueMap) =>
      shapeResponse(await send(operation.name, request), operation.name, operation.output, { timestampFormat });
    const items: ValueMap[] = [];
    for await (const page of paginate(operation.resultKeys!, fetch, params, {})) {
      const pageItems = (page.get(primary) ?? []) as ValueMap[];
      items.push(...pageItems);
      onPage?.(pageItems.length);
    }
    return items;
  };
  const text = (item: ValueMap, key: string): string => String(item.get(key) ?? '');
  const optionalText = (item: ValueMap, key: string): string | null => {
    const v: Value | undefined = item.get(key);
    return v === undefined || v === null ? null : String(v);
  };
  const resultOf = (body: string, operationName: string) => {
    const result = childNamed(parseXml(body), `${operationName}Result`);
    if (!result) throw new CliError('general', `'${operationName}Result'`);
    return result;
  };

  return {
    async listUsers(onPage) {
      const users = await listAll('list-users', new Map(), onPage);
      return users.map((u) => ({
        UserName: text(u, 'UserName'),
        UserId: text(u, 'UserId'),
        Arn: text(u, 'Arn'),
        CreateDate: text(u, 'CreateDate'),
        PasswordLastUsed: optionalText(u, 'PasswordLastUsed'),
      }));
    },
    async listMfaDevices(userName) {
      const devices = await listAll('list-mfa-devices', new Map([['UserName', userName]]));
      return devices.map((d) => ({ SerialNumber: text(d, 'SerialNumber'), EnableDate: text(d, 'EnableDate') }));
    },
    async countActiveAccessKeys(userName) {
      const keys = await listAll('list-access-keys', new Map([['UserName', userName]]));
      return keys.filter((k) => k.get('Status') === 'Active').length;
    },
    async hasLoginProfile(userName) {
      try {
        await send('GetLoginProfile', new Map([['UserName', userName]]));
        return true;
      } catch (error) {
        if (serviceErrorCode(error) === 'NoSuchEntity') return false;
        throw error;
      }
    },
    async accountSummary() {
      const summary = childNamed(resultOf(await send('GetAccountSummary', new Map()), 'GetAccountSummary'), 'SummaryMap');
      const entries = (summary?.children ?? []).map((e) => [childNamed(e, 'key')?.text ?? '', Number(childNamed(e, 'value')?.text ?? 'NaN')] as const);
      return new Map(entries.filter(([key, value]) => key !== '' && !Number.isNaN(value)));
    },
    async listOrganizationsFeatures() {
      const result = resultOf(await send('ListOrganizationsFeatures', new Map()), 'ListOrganizationsFeatures');
      const features = childNamed(result, 'EnabledFeatures')?.children.map((m) => m.text ?? '') ?? [];
      return { organizationId: childNamed(result, 'OrganizationId')?.text ?? null, features };
    },
    async unassignedVirtualMfaDevices() {
      const devices = await listAll('list-virtual-mfa-devices', new Map([['AssignmentStatus', 'Unassigned']]));
      return devices.map((d) => text(d, 'SerialNumber'));
    },
    async generateCredentialReport() {
      const result = resultOf(await send('GenerateCredentialReport', new Map()), 'GenerateCredentialReport');
      return childNamed(result, 'State')?.text ?? '';
    },
    async getCredentialReport() {
      const result = resultOf(await send('GetCredentialReport', new Map()), 'GetCredentialReport');
      return {
        csv: Buffer.from(childNamed(result, 'Content')?.text ?? '', 'base64').toString('utf8'),
        generatedTime: formatTimestamp(childNamed(result, 'GeneratedTime')?.text ?? '', timestampFormat),
      };
    },
  };
}
