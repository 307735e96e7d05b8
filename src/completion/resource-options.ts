/**
 * Options whose values name IAM resources, and where live names for them come from: the List
 * operation to call (from the operation table, so the request is built and shaped exactly as
 * the real command's) and the path of the names in its result. One row per option; an option
 * that accepts several kinds of resources lists several sources, fetched in order.
 */

export interface NameSource {
  /** API name of a List operation in the operation table (`ListUsers`). */
  readonly operation: string;
  /** Result member holding the list, then the member of each element that is the name. */
  readonly list: string;
  readonly name: string;
}

const users: NameSource = { operation: 'ListUsers', list: 'Users', name: 'UserName' };
const roles: NameSource = { operation: 'ListRoles', list: 'Roles', name: 'RoleName' };
const groups: NameSource = { operation: 'ListGroups', list: 'Groups', name: 'GroupName' };

export const RESOURCE_OPTIONS: Readonly<Record<string, readonly NameSource[]>> = {
  '--user-name': [users],
  '--role-name': [roles],
  '--group-name': [groups],
  // Customer managed and AWS managed policies (Scope All, the operation's default).
  '--policy-arn': [{ operation: 'ListPolicies', list: 'Policies', name: 'Arn' }],
  // list-mfa-device-tags takes virtual MFA devices only (TagMFADevice is for virtual devices).
  '--serial-number': [{ operation: 'ListVirtualMFADevices', list: 'VirtualMFADevices', name: 'SerialNumber' }],
  '--instance-profile-name': [{ operation: 'ListInstanceProfiles', list: 'InstanceProfiles', name: 'InstanceProfileName' }],
  '--open-id-connect-provider-arn': [{ operation: 'ListOpenIDConnectProviders', list: 'OpenIDConnectProviderList', name: 'Arn' }],
  '--saml-provider-arn': [{ operation: 'ListSAMLProviders', list: 'SAMLProviderList', name: 'Arn' }],
  '--server-certificate-name': [
    { operation: 'ListServerCertificates', list: 'ServerCertificateMetadataList', name: 'ServerCertificateName' },
  ],
  // list-policies-granting-service-access: "the ARN of the IAM identity (user, group, or role)".
  '--arn': [
    { operation: 'ListUsers', list: 'Users', name: 'Arn' },
    { operation: 'ListGroups', list: 'Groups', name: 'Arn' },
    { operation: 'ListRoles', list: 'Roles', name: 'Arn' },
  ],
};
