#!/usr/bin/python3
"""Expected results for the JMESPath differential test, computed by Python jmespath 1.0.1.

Run with /usr/bin/python3 (its jmespath is 1.0.1, the version the AWS CLI ships). Writes
test/fixtures/jmespath/differential-docs.json (the input documents, by name) and
test/fixtures/jmespath/differential.json: a list of
  {doc, expression, result}  result = json.dumps(result) text (keeps key order and 2.0 vs 2)
  {doc, expression, error, errorPhase}  error = str(exception), errorPhase = compile | runtime
A result holding an expression reference (&x) is recorded as the error the CLI's JSON output
raises for it ("Circular reference detected"). Object addresses in messages are normalized.
"""
import json
import os
import random
import re
import sys

import jmespath

assert jmespath.__version__ == '1.0.1', jmespath.__version__

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT_DIR = os.path.join(ROOT, 'test', 'fixtures', 'jmespath')
ADDRESS = re.compile(r'object at 0x[0-9a-f]+')
FIXED_ADDRESS = 'object at 0x7f0000000000'

TS = ['2019-03-04T05:06:07+00:00', '2020-11-30T23:59:59+00:00', '2021-01-15T08:00:00+00:00',
      '2018-07-01T12:30:45+00:00', '2022-02-28T00:00:01+00:00']

USERS = {
    'Users': [
        {'Path': '/', 'UserName': 'alice', 'UserId': 'AIDAEXAMPLE00000001',
         'Arn': 'arn:aws:iam::123456789012:user/alice', 'CreateDate': TS[0],
         'PasswordLastUsed': TS[2],
         'Tags': [{'Key': 'team', 'Value': 'platform'}, {'Key': 'env', 'Value': 'prod'}]},
        {'Path': '/engineering/', 'UserName': 'bob', 'UserId': 'AIDAEXAMPLE00000002',
         'Arn': 'arn:aws:iam::123456789012:user/engineering/bob', 'CreateDate': TS[1],
         'PermissionsBoundary': {'PermissionsBoundaryType': 'Policy',
                                 'PermissionsBoundaryArn': 'arn:aws:iam::aws:policy/PowerUserAccess'},
         'Tags': [{'Key': 'team', 'Value': 'data'}]},
        {'Path': '/', 'UserName': 'Zoë-ünïcode', 'UserId': 'AIDAEXAMPLE00000003',
         'Arn': 'arn:aws:iam::123456789012:user/Zoë-ünïcode', 'CreateDate': TS[3],
         'PasswordLastUsed': TS[4],
         'Tags': [{'Key': 'name', 'Value': '\U0001F600 smile'}, {'Key': 'city', 'Value': 'Zürich'}]},
        {'Path': '/', 'UserName': 'carol', 'UserId': 'AIDAEXAMPLE00000004',
         'Arn': 'arn:aws:iam::123456789012:user/carol', 'CreateDate': TS[2]},
        {'Path': '/svc/', 'UserName': '\uffffsvc', 'UserId': 'AIDAEXAMPLE00000005',
         'Arn': 'arn:aws:iam::123456789012:user/svc/\uffffsvc', 'CreateDate': TS[4], 'Tags': []},
    ],
    'IsTruncated': False,
}

MFA = {
    'VirtualMFADevices': [
        {'SerialNumber': 'arn:aws:iam::123456789012:mfa/root-account-mfa-device',
         'User': {'UserId': '123456789012', 'Arn': 'arn:aws:iam::123456789012:root',
                  'CreateDate': TS[3], 'PasswordLastUsed': TS[0]},
         'EnableDate': TS[1]},
        {'SerialNumber': 'arn:aws:iam::123456789012:mfa/alice',
         'User': {'Path': '/', 'UserName': 'alice', 'UserId': 'AIDAEXAMPLE00000001',
                  'Arn': 'arn:aws:iam::123456789012:user/alice', 'CreateDate': TS[0]},
         'EnableDate': TS[2], 'Tags': [{'Key': 'owner', 'Value': 'alice'}]},
        {'SerialNumber': 'arn:aws:iam::123456789012:mfa/unassigned-1'},
        {'SerialNumber': 'arn:aws:iam::123456789012:mfa/unassigned-2', 'Tags': []},
    ],
    'IsTruncated': True,
    'Marker': 'AAAAAQAAAA==',
}

TRUST = {'Version': '2012-10-17', 'Statement': [
    {'Effect': 'Allow', 'Principal': {'Service': 'ec2.amazonaws.com'}, 'Action': 'sts:AssumeRole'}]}
TRUST2 = {'Version': '2012-10-17', 'Statement': [
    {'Sid': '', 'Effect': 'Allow', 'Principal': {'AWS': ['arn:aws:iam::111122223333:root',
                                                         'arn:aws:iam::444455556666:root']},
     'Action': 'sts:AssumeRole', 'Condition': {'Bool': {'aws:MultiFactorAuthPresent': 'true'}}},
    {'Effect': 'Deny', 'Principal': {'Federated': 'cognito-identity.amazonaws.com'},
     'Action': ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession']}]}

ROLES = {
    'Roles': [
        {'Path': '/', 'RoleName': 'ec2-app', 'RoleId': 'AROAEXAMPLE000000001',
         'Arn': 'arn:aws:iam::123456789012:role/ec2-app', 'CreateDate': TS[0],
         'AssumeRolePolicyDocument': TRUST, 'Description': 'App servers', 'MaxSessionDuration': 3600},
        {'Path': '/service-role/', 'RoleName': 'cross-account', 'RoleId': 'AROAEXAMPLE000000002',
         'Arn': 'arn:aws:iam::123456789012:role/service-role/cross-account', 'CreateDate': TS[1],
         'AssumeRolePolicyDocument': TRUST2, 'MaxSessionDuration': 43200,
         'RoleLastUsed': {'LastUsedDate': TS[4], 'Region': 'eu-west-1'},
         'PermissionsBoundary': {'PermissionsBoundaryType': 'Policy',
                                 'PermissionsBoundaryArn': 'arn:aws:iam::123456789012:policy/boundary'},
         'Tags': [{'Key': 'env', 'Value': 'prod'}]},
        {'Path': '/aws-service-role/', 'RoleName': 'AWSServiceRoleForSupport', 'RoleId': 'AROAEXAMPLE000000003',
         'Arn': 'arn:aws:iam::123456789012:role/aws-service-role/AWSServiceRoleForSupport',
         'CreateDate': TS[3], 'AssumeRolePolicyDocument': TRUST, 'MaxSessionDuration': 3600,
         'Description': 'Enables resource access for AWS to provide billing, administrative and support services',
         'RoleLastUsed': {}},
    ],
    'IsTruncated': False,
}

POLICIES = {
    'Policies': [
        {'PolicyName': 'AdministratorAccess', 'PolicyId': 'ANPAEXAMPLE000000001',
         'Arn': 'arn:aws:iam::aws:policy/AdministratorAccess', 'Path': '/', 'DefaultVersionId': 'v1',
         'AttachmentCount': 3, 'PermissionsBoundaryUsageCount': 0, 'IsAttachable': True,
         'CreateDate': TS[3], 'UpdateDate': TS[3]},
        {'PolicyName': 'ReadOnly', 'PolicyId': 'ANPAEXAMPLE000000002',
         'Arn': 'arn:aws:iam::123456789012:policy/ReadOnly', 'Path': '/custom/', 'DefaultVersionId': 'v12',
         'AttachmentCount': 0, 'PermissionsBoundaryUsageCount': 2, 'IsAttachable': True,
         'CreateDate': TS[0], 'UpdateDate': TS[2], 'Tags': [{'Key': 'team', 'Value': 'sec'}]},
        {'PolicyName': 'boundary', 'PolicyId': 'ANPAEXAMPLE000000003',
         'Arn': 'arn:aws:iam::123456789012:policy/boundary', 'Path': '/', 'DefaultVersionId': 'v2',
         'AttachmentCount': 12, 'PermissionsBoundaryUsageCount': 1, 'IsAttachable': False,
         'CreateDate': TS[1], 'UpdateDate': TS[4], 'Description': 'Boundary for ünïcode users'},
    ],
    'IsTruncated': True,
    'Marker': 'next-page',
}

ACCESS_KEYS = {
    'AccessKeyMetadata': [
        {'UserName': 'alice', 'AccessKeyId': 'AKIAEXAMPLE000000001', 'Status': 'Active', 'CreateDate': TS[0]},
        {'UserName': 'alice', 'AccessKeyId': 'AKIAEXAMPLE000000002', 'Status': 'Inactive', 'CreateDate': TS[2]},
    ],
    'IsTruncated': False,
}

EDGE = {
    'ints': {'2': 'two', '1': 'one', '10': 'ten', '0': 'zero'},
    'floats': [2.0, 1.5, -0.0, 0.1, 1e-05, 1e16, 3, -2],
    'mixed': [1, 'a', None, True, False, [], {}, 0, '', 2.5],
    'proto': {'constructor': 'c', 'toString': 't', '__proto__': 'p', 'hasOwnProperty': 1},
    'strs': ['b', 'a', '\U0001F600', '\uffff', 'A', '', 'é', 'ab'],
    'nums': [3, 1, 2, 1.0, -5, 2],
    'nested': [[1, [2, 3]], [4], 5, [[6]], None, []],
    'objs': [{'a': 1, 'b': 'x'}, {'a': 2, 'b': 'y'}, {'a': 1.5}, {'b': 'z'}],
    'empty': {'list': [], 'obj': {}, 'str': '', 'zero': 0, 'false': False, 'null': None},
    'numstrs': ['10', '0x10', '1.0', '', ' 7 ', '1e3', 'abc', '-3', '1_000', 'nan', 'inf'],
    'unicode': 'a\U0001F600b\u00e9',
    # Longer than 64 items: Python's sort switches from binary insertion to merging runs.
    'big': [{'id': i, 'k': (i * 7) % 5, 'f': ((i * 13) % 11) / 2, 's': 'k%d' % ((i * 3) % 7)} for i in range(100)],
}

DOCS = {'users': USERS, 'mfa': MFA, 'roles': ROLES, 'policies': POLICIES, 'keys': ACCESS_KEYS, 'edge': EDGE}

# ---------------------------------------------------------------------------------------------
# Curated: typical --query use.
CURATED = {
    'users': [
        'Users[].UserName', 'Users[*].UserName', 'Users[*].[UserName, CreateDate]',
        'Users[*].{Name: UserName, Created: CreateDate}', 'Users[0]', 'Users[-1].UserName',
        'Users[?PasswordLastUsed].UserName', 'Users[?!PasswordLastUsed].UserName',
        "Users[?Path=='/'].UserName", "Users[?Path!='/'].[UserName, Path]",
        "Users[?starts_with(UserName, 'a')]", "Users[?contains(UserName, 'o')].UserName",
        'Users[?CreateDate > `2019-12-31`].UserName', "Users[?CreateDate >= '2020-01-01'].UserName",
        'length(Users)', 'length(Users[?Tags])', 'Users[].Tags[]', 'Users[].Tags[].Key',
        "Users[].Tags[?Key=='team'].Value", "Users[].Tags[?Key=='team'].Value[]",
        "Users[].Tags[?Key=='team'][].Value", 'Users[?Tags[?Key==`team`]].UserName',
        'sort_by(Users, &CreateDate)[].UserName', 'reverse(sort_by(Users, &CreateDate))[].UserName',
        'max_by(Users, &CreateDate).UserName', 'min_by(Users, &CreateDate).UserName',
        'sort(Users[].UserName)', 'Users[].PermissionsBoundary.PermissionsBoundaryArn',
        'Users[?PermissionsBoundary].UserName', 'Users[:2].UserName', 'Users[::-1].UserName',
        'Users[1:3]', 'Users[].[UserName, Tags[0].Value]', 'Users[].Tags[0]', 'Users | length(@)',
        'Users[0].Tags', 'Users[0].Tags[*].Value', 'join(`, `, Users[].UserName)',
        "join(', ', Users[].UserName)", 'Users[*].UserName | sort(@) | [0]', 'IsTruncated',
        'Users[].{u: UserName, t: length(Tags || `[]`)}', 'Users[?length(Tags || `[]`) > `1`].UserName',
        'Users[].Arn', 'Users[?ends_with(Arn, `alice`)].UserId', 'Users[].UserName | [0:2]',
        'length(Users[].UserName[])', 'Users[].length(UserName)', 'map(&UserName, Users)',
        'map(&length(UserName), Users)', 'Users[].CreateDate | max(@)', 'Users[].CreateDate | min(@)',
        'Users[?UserName == `"alice"`]', 'Users[?Tags == `[]`].UserName', 'Users[].Tags | [?@ != `[]`]',
        "Users[?contains(Tags[].Key || `[]`, 'team')].UserName", 'Users[].keys(@)',
        'Users[0] | keys(@)', 'Users[0] | values(@)', 'Users[].{N: UserName, P: PasswordLastUsed}',
        'Users[?PasswordLastUsed < CreateDate]', 'Users[].[UserName][]', 'Users[].[[UserName]]',
        'Users[*].Tags[*].Key', 'Users[*].Tags[*].Key[]', 'Users[].Tags[].Value | sort(@)',
        'Users[].Tags[].Value | reverse(@)', 'Users[2].UserName | length(@)', 'Users[2].UserName | reverse(@)',
        'Users[2].Tags[0].Value | length(@)', 'Users[].UserName | sort(@)', 'Users[].UserName | max(@)',
        'sort_by(Users, &UserName)[].UserName', 'max_by(Users, &UserName).UserName',
        'min_by(Users, &UserName).UserName', 'to_string(Users[0].Tags)', 'to_string(Users[2])',
        'Users[2].Tags[0].Value | to_string(@)', 'to_string(Users[2].Tags[0].Value)',
        'Users[?Path == `/`] | length(@)', '{count: length(Users), names: Users[].UserName}',
        'Users[0].{Name: UserName, Tags: Tags[].Key}', 'Users[0].Tags[?Value == `prod`].Key | [0]',
        'not_null(Users[3].PasswordLastUsed, Users[3].CreateDate)', 'Users[].not_null(PasswordLastUsed, `never`)',
    ],
    'mfa': [
        'VirtualMFADevices[].SerialNumber', 'VirtualMFADevices[?User].SerialNumber',
        'VirtualMFADevices[?!User].SerialNumber', 'VirtualMFADevices[].User.UserName',
        'VirtualMFADevices[?User.UserName].User.UserName', 'VirtualMFADevices[?User && !User.UserName].SerialNumber',
        'VirtualMFADevices[].[SerialNumber, User.UserName, EnableDate]', 'VirtualMFADevices[].User',
        'VirtualMFADevices[*].User.Arn', 'length(VirtualMFADevices[?EnableDate])', 'Marker', 'IsTruncated',
        'VirtualMFADevices[].{S: SerialNumber, U: User.UserName || `unassigned`}',
        'VirtualMFADevices[].Tags', 'VirtualMFADevices[].Tags[]', 'VirtualMFADevices[?Tags].SerialNumber',
        'VirtualMFADevices[?Tags == `[]`].SerialNumber', 'sort_by(VirtualMFADevices, &SerialNumber)[].SerialNumber',
        'VirtualMFADevices[?contains(SerialNumber, `root`)]', 'VirtualMFADevices[0].User | keys(@)',
        'VirtualMFADevices[?User.PasswordLastUsed].User.Arn', 'VirtualMFADevices[].User.PasswordLastUsed',
        'sort_by(VirtualMFADevices[?EnableDate], &EnableDate)[].SerialNumber',
        'max_by(VirtualMFADevices[?EnableDate], &EnableDate).SerialNumber',
        'VirtualMFADevices[?ends_with(SerialNumber, `-1`)].SerialNumber',
    ],
    'roles': [
        'Roles[].RoleName', 'Roles[].AssumeRolePolicyDocument.Statement[].Principal',
        'Roles[].AssumeRolePolicyDocument.Statement[].Principal.Service',
        'Roles[].AssumeRolePolicyDocument.Statement[].Principal.AWS[]',
        'Roles[?AssumeRolePolicyDocument.Statement[?Principal.Service==`ec2.amazonaws.com`]].RoleName',
        'Roles[?MaxSessionDuration > `3600`].RoleName', 'Roles[?MaxSessionDuration == `3600`].RoleName',
        'Roles[].MaxSessionDuration | sum(@)', 'Roles[].MaxSessionDuration | avg(@)',
        'Roles[].MaxSessionDuration | max(@)', 'max_by(Roles, &MaxSessionDuration).RoleName',
        'sort_by(Roles, &MaxSessionDuration)[].[RoleName, MaxSessionDuration]', 'Roles[].Description',
        'Roles[?Description].RoleName', "Roles[?starts_with(Path, '/aws-service-role/')].RoleName",
        'Roles[].RoleLastUsed', 'Roles[].RoleLastUsed.LastUsedDate', 'Roles[?RoleLastUsed.LastUsedDate].RoleName',
        'Roles[?RoleLastUsed].RoleName', 'Roles[].AssumeRolePolicyDocument.Statement[].Action',
        'Roles[].AssumeRolePolicyDocument.Statement[].Action[]',
        'Roles[].AssumeRolePolicyDocument.Statement[].Condition', 'Roles[1].AssumeRolePolicyDocument',
        'Roles[1].AssumeRolePolicyDocument.Statement[0].Principal.AWS | length(@)',
        'Roles[].AssumeRolePolicyDocument.Statement[].Effect | sort(@)',
        'Roles[].AssumeRolePolicyDocument.Statement[?Effect==`Deny`][]',
        'Roles[].AssumeRolePolicyDocument.Statement[].Principal.*', 'Roles[].AssumeRolePolicyDocument.Statement[].Principal.*[]',
        'Roles[*].AssumeRolePolicyDocument.Statement[*].Condition.Bool.*',
        'Roles[].{Name: RoleName, Max: MaxSessionDuration, Hours: MaxSessionDuration}',
        'to_string(Roles[0].AssumeRolePolicyDocument)', 'Roles[0].AssumeRolePolicyDocument | to_string(@)',
        'Roles[].[RoleName, length(Description || ``)]', 'Roles[?length(Description || ``) > `20`].RoleName',
        'Roles[].Tags[?Key==`env`].Value[]', 'Roles[].PermissionsBoundary', 'Roles[] | [?Path != `/`] | [].RoleName',
        'Roles[].MaxSessionDuration | [0] / `60`', 'map(&MaxSessionDuration, Roles)',
        'Roles[].RoleLastUsed.Region | [0]', 'Roles[?RoleLastUsed == `{}`].RoleName',
        'Roles[1].AssumeRolePolicyDocument.Statement[0].Condition.Bool."aws:MultiFactorAuthPresent"',
        'Roles[].AssumeRolePolicyDocument.Version | [0]', 'length(Roles[0].AssumeRolePolicyDocument)',
        'Roles[?contains(AssumeRolePolicyDocument.Statement[].Action[], `sts:TagSession`)].RoleName',
        'Roles[].AssumeRolePolicyDocument.Statement[].Sid',
    ],
    'policies': [
        'Policies[].PolicyName', 'Policies[?AttachmentCount > `0`].PolicyName', 'Policies[?AttachmentCount == `0`].Arn',
        'Policies[?IsAttachable].PolicyName', 'Policies[?!IsAttachable].PolicyName',
        'Policies[?IsAttachable == `false`].PolicyName', 'Policies[].AttachmentCount | sum(@)',
        'Policies[].AttachmentCount | avg(@)', 'Policies[].AttachmentCount | max(@)', 'Policies[].AttachmentCount | min(@)',
        'sort_by(Policies, &AttachmentCount)[].PolicyName', 'sort_by(Policies, &AttachmentCount)[-1].PolicyName',
        'max_by(Policies, &AttachmentCount).PolicyName', 'min_by(Policies, &PermissionsBoundaryUsageCount).PolicyName',
        'Policies[].[PolicyName, AttachmentCount, IsAttachable]', 'Policies[].{N: PolicyName, C: AttachmentCount}',
        "Policies[?Path == '/custom/'].PolicyName", 'Policies[?AttachmentCount >= `3` && IsAttachable].PolicyName',
        'Policies[?AttachmentCount < `1` || !IsAttachable].PolicyName', 'Policies[].DefaultVersionId | sort(@)',
        'Policies[?UpdateDate > CreateDate].PolicyName', 'Policies[?UpdateDate == CreateDate].PolicyName',
        'Policies[].Description', 'Policies[?Description].Description | [0]', 'Policies[].Tags[].Value',
        'Policies | length(@)', 'Marker', 'Policies[].AttachmentCount | sort(@)', 'Policies[].AttachmentCount | reverse(sort(@))',
        'Policies[].to_string(AttachmentCount)', 'Policies[].to_number(DefaultVersionId)', 'Policies[].IsAttachable | to_string(@)',
        'Policies[].abs(AttachmentCount)', 'Policies[].ceil(AttachmentCount)', 'Policies[].[AttachmentCount, PermissionsBoundaryUsageCount] | [].sum(@)',
        'Policies[].AttachmentCount | [?@ > `2`]', 'Policies[?AttachmentCount > `2`] | length(@)',
        'Policies[?contains(Arn, `aws:policy`)].PolicyName', 'Policies[?type(Tags) == `array`].PolicyName',
        'Policies[].type(AttachmentCount)', 'Policies[].type(IsAttachable)', 'Policies[].type(Tags)',
    ],
    'keys': [
        'AccessKeyMetadata[].AccessKeyId', "AccessKeyMetadata[?Status=='Active'].AccessKeyId",
        'AccessKeyMetadata[?Status==`Inactive`].[AccessKeyId, CreateDate]', 'length(AccessKeyMetadata)',
        'AccessKeyMetadata[0]', 'max_by(AccessKeyMetadata, &CreateDate).AccessKeyId',
        'AccessKeyMetadata[].{Id: AccessKeyId, Status: Status}', 'AccessKeyMetadata[].Status | sort(@)',
        'AccessKeyMetadata | [?Status != `Active`] | length(@)', 'AccessKeyMetadata[*].UserName | [0]',
        'AccessKeyMetadata[].CreateDate | sort(@) | [-1]', 'AccessKeyMetadata[?CreateDate < `2020`].AccessKeyId',
    ],
}

# Edge cases of Python's semantics, evaluated over EDGE (and a few over other docs).
EDGE_CASES = [
    'ints', 'keys(ints)', 'values(ints)', 'ints."2"', 'ints."1"', 'ints.*', 'ints | merge(@, `{"3": "three", "1": "uno"}`)',
    'merge(`{"b": 1, "a": 2}`, `{"a": 3, "c": 4}`)', 'merge(`{}`)', 'merge(ints, proto)',
    'proto', 'proto.constructor', 'proto.toString', 'proto.__proto__', 'proto.hasOwnProperty', 'ints.constructor',
    'ints.toString', 'ints.__proto__', 'ints.valueOf', 'keys(proto)', 'constructor', '__proto__', 'toString',
    'floats', 'floats[0]', 'floats[2]', 'floats[4]', 'floats[5]', 'sum(floats)', 'avg(floats)', 'max(floats)', 'min(floats)',
    'sort(floats)', 'floats[].abs(@)', 'floats[].ceil(@)', 'floats[].floor(@)', 'floats[].to_string(@)',
    'floats[].to_number(@)', 'floats[?@ > `1`]', 'floats[?@ == `2`]', 'floats[?@ == `2.0`]', 'floats[?@ == `0`]',
    'floats[0] == `2`', 'floats[6] == `3.0`', 'avg(nums)', 'sum(nums)', 'sum(`[]`)', 'avg(`[]`)', 'avg(`[1]`)', 'avg(`[1, 2]`)',
    'avg(`[0.1, 0.2, 0.3]`)', 'sum(`[0.1, 0.2, 0.3]`)', 'sum(`[1, 2.0]`)', 'sum(`[1e308, 1e308]`)',
    'max(nums)', 'min(nums)', 'sort(nums)', 'max(`[1, 1.0]`)', 'max(`[1.0, 1]`)', 'min(`[1, 1.0]`)', 'sort(`[2, 1.0, 1, 2.0]`)',
    'abs(`-1`)', 'abs(`-1.5`)', 'abs(`-0.0`)', 'ceil(`1.5`)', 'ceil(`-1.5`)', 'floor(`-1.5`)', 'floor(`-0.5`)', 'ceil(`-0.5`)',
    'ceil(`2`)', 'floor(`1e20`)', 'ceil(`1.0`)',
    'mixed', 'mixed[?@]', 'mixed[?!@]', 'mixed[].not_null(@)', 'not_null(mixed[2], mixed[7])', 'not_null(mixed[4], `1`)',
    'not_null(`null`, `false`)', 'not_null(`0`, `1`)', 'not_null(`null`)', 'mixed[].type(@)', 'mixed[] | [?@ == `0`]',
    'mixed[?@ == `false`]', 'mixed[?@ == `true`]', 'mixed[?@ == `1`]', 'mixed[?@ == `[]`]', 'mixed[?@ == `{}`]',
    '`0` == `false`', '`1` == `true`', '`1.0` == `true`', '`2` == `true`', '`[1]` == `[true]`', '`[0]` == `[false]`',
    '`{"a": 1}` == `{"a": true}`', '`{"a": 1, "b": 2}` == `{"b": 2, "a": 1}`', '`1` == `1.0`', '`[1, 2]` == `[1.0, 2.0]`',
    '!`0`', '!`0.0`', '!`1`', '!`""`', '!`[]`', '!`{}`', '!`null`', '!`false`', '!`"a"`', '`0` || `1`', '`""` || `1`',
    '`0` && `1`', '`[]` && `1`', '`null` || `null`', '`false` || `[]`', '`1` && `false`',
    '`1` < `2`', '`1` < `1.5`', '`"a"` < `"b"`', '`"a"` < `"B"`', '`"\\u00e9"` > `"z"`', 'strs[2] > strs[3]',
    'strs[3] < strs[2]', '`true` < `false`', '`null` < `1`', '`[1]` < `[2]`', '`{}` < `{}`', '`"1"` == `1`',
    '`1` <= `1.0`', '`2` >= `2.5`', 'strs[0] <= strs[7]',
    'strs', 'sort(strs)', 'max(strs)', 'min(strs)', 'reverse(strs)', 'strs[].length(@)', 'strs[].reverse(@)',
    'sort_by(strs, &@)', 'max_by(strs, &@)', 'min_by(strs, &@)', 'strs[?@ > `"a"`]', 'strs[?@ < `"\\uffff"`]',
    'sort_by(objs, &a)', 'sort_by(objs[:3], &a)', 'sort_by(objs[:2], &b)', 'max_by(objs[:3], &a)', 'min_by(objs[:3], &a)',
    'sort_by(nums, &@)', 'sort_by(`[3, 1.0, 1, 2]`, &@)', 'sort_by(`[]`, &a)', 'max_by(`[]`, &a)', 'min_by(`[]`, &a)',
    'length(unicode)', 'reverse(unicode)', 'to_string(unicode)', 'to_string(strs)', 'to_string(objs)', 'to_string(`null`)',
    'to_string(`1.0`)', 'to_string(`"x"`)', 'to_string(`[1, 2.5, "é"]`)', 'to_string(ints)', 'to_string(floats)',
    'starts_with(`"abc"`, `""`)', "starts_with('abc', '')", "ends_with('abc', '')", "starts_with(unicode, 'a')",
    "ends_with(unicode, '\u00e9')", "contains(unicode, '\U0001F600')", "contains('abc', '')", 'contains(mixed, `null`)',
    'contains(mixed, `false`)', 'contains(mixed, `1.0`)', 'contains(`[1]`, `true`)', 'contains(`[true]`, `1`)',
    'contains(nums, `1.0`)', 'contains(objs, `{"b": "x", "a": 1}`)',
    'numstrs[].to_number(@)', 'to_number(`"1.0"`)', 'to_number(`""`)', 'to_number(`"0x10"`)', 'to_number(`"1e3"`)',
    'to_number(`true`)', 'to_number(`null`)', 'to_number(`[1]`)', 'to_number(`"  12  "`)', 'to_number(`"-0"`)',
    'to_number(`"-0.0"`)', 'to_number(`"+1.5"`)', 'to_number(`".5"`)', 'to_number(`"5."`)', 'to_number(`"1__0"`)',
    'to_number(`"Infinity"`)', 'to_number(`"١٢"`)',
    'nested', 'nested[]', 'nested[][]', 'nested[][][]', 'nested[].length(@)', 'nested[0][1]', 'nested[0][1][0]',
    'nested[*][0]', 'nested[][0]', 'nested[:2][0]', 'nested[0][0:1]', 'nested[0][1:]', 'nested[0][1:][0]',
    'nested[0][:1].foo', 'nested[:1].foo', 'nested[3][0][0]', 'nested[-1]', 'nested[-7]', 'nested[6]',
    'nums[::2]', 'nums[::-1]', 'nums[::-2]', 'nums[-2:]', 'nums[:-2]', 'nums[10:]', 'nums[-10:2]', 'nums[5:1:-1]',
    'nums[1:5:-1]', 'nums[-1:-4:-1]', 'nums[:]', 'nums[::]', 'nums[0:0]', 'nums[100:-100:-1]', 'nums[::3]',
    'nums[2:0]', 'nums[:-100:-2]',
    'empty', 'empty.*', 'empty.list[]', 'empty.obj.*', 'empty.str[0]', 'empty.zero[0]', 'empty.null[0]', 'empty.null[*]',
    'empty.null.*', 'empty.null[]', 'empty.null[?a]', 'empty.null.[a]', 'empty.null.{a: a}', 'empty.zero.[a]',
    'empty.zero.{a: a}', 'empty.false.[a]', 'empty.str.{a: @}', 'empty.list.{a: @}', 'empty.obj.[@]', '[`null`]',
    '{a: `null`}', 'empty.null | [@]', 'empty | [?zero]', 'empty.[zero, false]', 'empty.*[]',
    '`"foo"`', '`foo`', '`  foo`', '`foo bar`', '`[1, 2`', '`{"a": `', '``', '`\\``', "'a\\'b'", "'a\\\\b'", "'\\n'",
    "'\U0001F600'", '"\\u00e9"', '"\\ud83d\\ude00"', '`"\\ud83d\\ude00"`', '`1e2`', '`-0`', '`-0.0`', '`1E400`',
    '`NaN`', '`Infinity`', '`-Infinity`', '`[NaN]`', 'to_string(`NaN`)', 'sort(`[3, NaN, 1, 2]`)', 'max(`[1, NaN, 3]`)',
    'min(`[NaN, 1, 3]`)', '`NaN` == `NaN`', '`[NaN]` == `[NaN]`', 'sum(`[1, NaN]`)', '`{"a": 1, "a": 2}`',
    '`{"b": 1, "a": 2, "b": 3}`', '`"\\u0000"`', 'to_string(`"\\u007f\\u0080"`)',
    '@', '@.ints', 'ints.@', '[ints, floats[0]]', '{a: ints."2", b: floats[1]}', '{b: `1`, a: `2`, b: `3`}',
    '*.constructor', '* | length(@)', '*[0]', 'keys(@)', 'values(@)[0]', 'type(@)', 'length(@)', '[*]', '[]', '[0]',
    '&a', '[&a]', '{a: &a}', 'type(&a)', '`[1]` | map(&@, @)', 'map(&[@], nums)', 'map(&a, objs)', 'map(&@, `[]`)',
    'not_null(&a)', 'to_array(&a)', '&a == &a', '&a != &a', '!&a', '&a || `1`', '`1` && &a', '[&a][?@]',
    'to_array(nums)', 'to_array(`1`)', 'to_array(`null`)', 'to_array(ints)', 'to_string(&a)',
    'join(`,`, `[]`)', "join('', strs)", "join(', ', `[\"a\"]`)", 'reverse(`[]`)', "reverse('')", 'length(`""`)',
    'length(ints)', 'sort(`[]`)', 'max(`[]`)', 'min(`[]`)', 'keys(`{}`)', 'values(`{}`)', 'merge(`{"a": [1]}`, `{"a": {"b": 2}}`)',
    'objs[?a > `1`]', 'objs[?a >= `1`].b', 'objs[?b > `"x"`]', 'objs[?a]', 'objs[?!a]', 'objs[?a == `1`]', 'objs[?a == `1.5`]',
    'objs[?a < `2`] | [].b', 'objs[*].a', 'objs[].[a, b]', 'objs[].{b: b, a: a}', 'objs[?b][?a]', 'objs[?b] | [?a]',
    'objs[?b].a | [0]', 'objs[0].*', 'objs[].*', 'objs[*].* | []', 'objs[].keys(@)',
    "objs[?b == 'x' || b == 'z'].b", 'objs[?a && b].b', 'objs[?!(a && b)].b', 'objs[?(a || `0`) > `1`]',
    '(objs)[0]', '(objs[0]).a', 'objs | [0].a', 'objs[0] | a', '(length)(objs)', '(sort_by)(objs[:2], &a)[0]',
    'objs[].(a)', 'objs[].[(a)]', 'a.b(@)', 'objs[0].length(@)', 'objs[0].keys(@)',
    'f(objs a b)', 'length(objs,)', '{a: a b: b}', '{x: objs[0].a "y": objs[1].a}', 'objs[1:3 2]', 'objs[1 :3]',
    'objs[0][1:2]', 'objs[0:2][0]', 'nested[0][1:2][0]', 'nested[1:3][0]', '[0][0]', 'nested | [1:][0]',
    'nested[?@ == `[4]`]', 'nested[?length(@ || ``) > `1`]', 'nested | [?type(@) == `array`][]',
    'ints | [@]', 'ints | {x: @}', 'floats | [0] | to_string(@)', 'sum(floats[:3])', 'avg(floats[:2])',
]

# More edge cases: precedence, escapes, big sorts, Unicode.
EDGE_CASES += [
    'sort_by(big, &k)[].id', 'sort_by(big, &f)[].id', 'sort_by(big, &s)[].id', 'reverse(sort_by(big, &k))[:10].id',
    'max_by(big, &k).id', 'min_by(big, &f).id', 'sort(big[].k)', 'sort(big[].s)', 'sort(big[].f)', 'sum(big[].f)',
    'avg(big[].f)', 'avg(big[].k)', 'sum(big[].id)', 'length(big[?k == `3`])', 'big[?f > `4`] | length(@)',
    'to_string(`["\\u007f"]`)', 'to_string(`{"a\\u00e9": "\\ud83d\\ude00"}`)', 'to_number(`"1e400"`)',
    'to_number(`"-1e400"`)', 'to_number(`"1.5e-7"`)', 'to_number(`"123456789012"`)', '`1e-7`', '`123.456e5`',
    'merge(`{}`, `[[1, 2]]`)', '"a\\"b"', '"\\\\"', '"\\/"', '{"\u00e9": strs[6], "b c": `1`}', '`{"\u00e9": 1}`',
    '!ints == `false`', '!ints.a', '!nums[0]', '!empty | [0]', '!empty.zero', '!!empty.zero', '&a.b', '`1` < `2` < `3`',
    '`1` == `1` == `true`', 'nums[?`true`]', 'nums[?`false`]', 'nums[?`0`]', 'nums[*] | [0]', 'nums[*][0]', '*.*',
    '*.*.*', 'objs[*].a | sort(@)', 'objs[].a.b', 'objs[0].a.b', 'length("unicode")', 'length(`"\\ud800"`)',
    'reverse(`"a\\ud800b"`)', 'strs[?contains(@, `"a"`)]', 'floats[?@ < `0.5`]', 'floats[?@ >= `-0.0`]',
    'nums[?@ != `1`]', 'nums[?!(@ == `2`)]', 'objs[?a == `2` || b == `"z"`].[a, b]', 'objs[?a] | [?b] | length(@)',
    '[[`1`, `2`], [`3`]][]', '[[`1`, `2`], [`3`]][][]', '[`1`, [`2`, [`3`]]][]', '{a: {b: `1`}}.a.b', '{a: `1`}.*',
    'keys({b: `1`, a: `2`})', 'values({b: `1`, a: `2`})', 'merge({b: `1`}, {a: `2`}, {b: `3`})',
    'to_string({b: `1`, a: [`2.0`, `null`]})', 'nested[][?@ > `3`]', 'nested[*][?@ > `3`]', 'nested[?@ > `3`]',
    'objs[?a > `1`][]', 'objs[?a > `1`][].b', 'objs[?a > `1`][*].b', 'objs[0:2].a', 'objs[0:2][].a', 'objs[:-1].b',
    'objs[::-1].b', 'ints.*.length(@)', 'ints.* | sort(@)', 'proto.* | [?type(@) == `string`]', 'mixed[?type(@) == `number`]',
    'nums[?@ > `1`] | sort(@) | reverse(@) | [0]', 'not_null(missing, `null`, nums[10], strs[5], `7`)',
    'ints."0" || ints."1"', 'ints."9" || ints."1"', 'ints."0" && ints."1"', 'ints.missing && `1`', 'ints."2" < ints."1"',
    'starts_with(strs[2], `"\\ud83d"`)', "contains(strs, '\U0001F600')", "ends_with('\U0001F600', '\U0001F600')",
]

# Runtime errors Python raises.
RUNTIME_ERRORS = [
    ('edge', e) for e in [
        'length(`1`)', 'length(`null`)', 'length(`true`)', 'length(floats[1])', 'foo()', 'foo(@)', 'unknown_fn(length(`1`))',
        'length()', 'length(@, @)', 'not_null()', 'merge()', 'sort_by(objs)', 'abs(`"1"`)', 'abs(`null`)', 'abs(`true`)',
        'avg(strs)', 'avg(mixed)', 'sum(`[true]`)', 'sum(`[null]`)', 'sum(`[[1]]`)', 'sum(`[{}]`)', 'sum(`[1, "a"]`)',
        'sum(objs)', 'max(mixed)', 'max(`[true]`)', 'max(`[1, "a"]`)', 'max(`["a", 1]`)', 'min(`[{}]`)', 'sort(mixed)',
        'sort(`[1, "a"]`)', 'sort(`[[1]]`)', 'sort(`[null]`)', 'join(`,`, nums)', 'join(`1`, strs)', 'join(`,`, `[["a"]]`)',
        'keys(`[]`)', 'values(`"a"`)', 'reverse(`1`)', 'reverse(`{}`)', 'starts_with(`1`, `"a"`)', 'ends_with(`"a"`, `1`)',
        'contains(`1`, `1`)', 'contains(`{}`, `"a"`)', "contains('abc', `1`)", "contains('abc', `null`)", "contains('abc', `[\"a\"]`)",
        'ceil(`"1"`)', 'floor(`null`)', 'ceil(`1E400`)', 'floor(`-1E400`)', 'ceil(`NaN`)', 'floor(to_number(`"nan"`))',
        'map(&a, `1`)', 'map(`1`, objs)', 'map(@, objs)', 'sort_by(`1`, &a)', 'sort_by(objs, `1`)', 'sort_by(objs, &a)',
        'sort_by(objs, &b)', 'sort_by(mixed, &@)', 'sort_by(`[[1]]`, &@)', 'sort_by(`[null]`, &@)', 'sort_by(`[true]`, &@)',
        'sort_by(`[1, "a"]`, &@)', 'sort_by(`["a", 1]`, &@)', 'sort_by(`[1, null]`, &@)', 'sort_by(objs, &keys(@))',
        'max_by(objs, &a)', 'max_by(objs, &b)', 'min_by(objs, &b)', 'max_by(mixed, &@)', 'min_by(mixed, &@)',
        'max_by(`[1, "a"]`, &@)', 'min_by(`[1, "a"]`, &@)', 'max_by(`["a", 1]`, &@)', 'min_by(`["a", 1]`, &@)',
        'max_by(`[null]`, &@)', 'min_by(`[[]]`, &@)', 'max_by(objs, `1`)', 'min_by(`{}`, &a)',
        'merge(`1`)', 'merge(`{}`, `1`)', 'merge(`{}`, `null`)', 'merge(`{}`, `true`)', 'merge(`{}`, `1.5`)',
        "merge(`{}`, 'ab')", "merge(`{}`, '')", 'merge(`{}`, `[["a", 1]]`)', 'merge(`{}`, `[["a"]]`)',
        'merge(`{}`, `[1]`)', 'merge(`{}`, `["ab"]`)', 'merge(`{}`, `[[[1], 2]]`)', 'merge(`{}`, `[{"x": 1, "y": 2}]`)',
        'merge(`{}`, &a)', 'merge(`{"a": 1}`, `[]`)',
        'nums[::0]', 'nums[1:2:0]', 'empty.null[::0]', 'strs[0] < nums[0]', 'nums[0] < strs[0]', 'nums[0] <= strs[0]',
        'nums[0] > strs[0]', 'nums[0] >= strs[0]', 'floats[1] < strs[1]', 'strs[1] >= floats[1]',
        'mixed[?@ < `"a"`]', 'mixed[?@ > `1`]', 'numstrs[?@ > `5`]', 'objs[?a < b]',
        'length(&a)', 'to_number(&a)', 'abs(&a)', 'keys(&a)', 'sort_by(objs, &a)[?a]', 'sort([&a])', 'max([&a])',
        'to_string(&a)', 'to_string([&a, `1`])', 'contains([&a], &a)', 'type([&a])', 'length([&a])',
        'length(`[1]`, sort(`[1, "a"]`))', 'length(sort(`[1, "a"]`), foo())', 'foo(sort(`[1, "a"]`))',
        'sort(`[1, "a"]`) || foo()', 'mixed[?length(@)]', 'nums[?length(@) > `1`]', 'objs[?a > `1`].length(a)',
        'objs[?length(a)].b', 'strs[?to_number(@) > `1`]', 'numstrs[?to_number(@) > `1`]', 'avg(`[1, "2"]`)',
    ]
] + [
    ('users', 'length(Users[0].UserName, `1`)'), ('users', 'Users[?CreateDate > `1`]'),
    ('users', 'sort_by(Users, &Tags)'), ('users', 'sort_by(Users, &PasswordLastUsed)'),
    ('users', 'max_by(Users, &PasswordLastUsed)'), ('users', 'min_by(Users, &length(Tags))'),
    ('users', 'join(`, `, Users[].Tags)'), ('users', 'sum(Users[].UserName)'), ('roles', 'avg(Roles[].RoleName)'),
    ('policies', 'sort_by(Policies, &IsAttachable)'), ('policies', 'Policies[?AttachmentCount > `"1"`]'),
    ('policies', 'Policies[?PolicyName > `1`]'), ('mfa', 'VirtualMFADevices[].User.length(UserName)'),
    ('mfa', 'sort_by(VirtualMFADevices, &EnableDate)'), ('keys', 'AccessKeyMetadata[].abs(Status)'),
]

# Syntax errors (all detected at compile time by Python).
SYNTAX_ERRORS = [
    '', ' ', 'Users[', 'Users[.', 'Users[-]', 'Users[?', 'Users[?]', 'Users[?Path==]', 'Users[?Path=`/`]', 'Users[?Path=]',
    'Users[*', 'Users[*.', 'Users[0', 'Users[0:', 'Users[:::]', 'Users[1:2:3:4]', 'Users[a]', 'Users[-a]', 'Users[?a]]',
    'Users[].', 'Users.', 'Users..UserName', 'Users.[', 'Users.{', 'Users.{}', 'Users.{a}', 'Users.{a:}', 'Users.{a:b',
    'Users.{a:b,}', 'Users.{1: a}', "Users.{'a': a}", 'Users.[a,]', 'Users.[]', 'Users.[a', '[a, b', '{a: b', '(a',
    'a)', 'a]', 'a}', 'a b', 'a,b', 'a:b', 'a.1', 'a.-1', 'a.@', 'a.&b', "a.'b'", 'a.`b`', 'a.(b)', 'a*', 'a!b', 'a{b}',
    'a[*]*', 'a[*]!', 'a[*]{a: b}', 'a[*](b)', 'a.*.*]', '"a"(b)', 'a."b"(c)', 'a.b.c(', 'f(', 'f(a', 'f(a,', 'f(,)',
    'f(a,,b)', '@(a)', 'a[0](b)', 'a[].b(c)', '&', '!', '!!', '||', 'a ||', '&& a', 'a &&', 'a ==', '== a', 'a <', 'a < < b',
    'a = b', '=', 'a =', 'a ! = b', '"a', '"a\\"', "'a", '`a', '`a\\`', 'a#b', 'a$', 'a%', 'a^', 'a~', 'a;', 'a\\b',
    '"\\x"', '"\\u12"', '"\\u12zz"', '"a\tb"', '"a\nb"', 'a.\u00e9', '\u00e9', '\U0001F600', 'a.\U0001F600.b',
    '"\U0001F600"[', 'Users[\U0001F600]', '`foo"bar`', '` foo\\"bar`', '`\tfoo`', '`{"a": 1}` `1`', 'a `1`',
    "a 'b'", 'a @', 'a &b', '[?a][', '[?a]]', '[*]]', '*]', '[]]', '[0]]', '[', ']', '.', '.a', '*.', '[?', '?', '-',
    '-1', '1', '[-]', '[:-]', '[1:-]', '[--1]', 'a[1 2]', 'a[:a]', 'a[::a]', 'a[0 :]', 'a[*a]', 'a[* ]', 'a[ ]', '[ ]',
    'a.[*]', 'a.[0]', 'a.[:]', '{a: b}.', '{"a": b', '{a: b} c', 'a | ', '| a', 'a | | b', 'a || || b', 'a[?b ==]',
    'foo[?bar==`1`', 'foo[?bar==`1`]]', 'foo.bar[0]baz', 'foo.{bar: baz}.[', 'Users[].{Name: UserName Created}',
    'Users[?contains(UserName, ]', 'Users[?contains(UserName, `a`)', 'sort_by(Users, &)', 'sort_by(Users, &CreateDate',
    'length(@))', 'Users[0].Tags[?Key==`team`].Value | [0', 'Users[0].Tags[?Key==\'team\'.Value',
]

# ---------------------------------------------------------------------------------------------
# Random compositions.

FIELDS = {
    'users': ['Users', 'UserName', 'Path', 'CreateDate', 'PasswordLastUsed', 'Tags', 'Key', 'Value', 'Arn',
              'PermissionsBoundary', 'PermissionsBoundaryArn', 'IsTruncated', 'UserId', 'missing'],
    'mfa': ['VirtualMFADevices', 'SerialNumber', 'User', 'UserName', 'EnableDate', 'Tags', 'Arn', 'Marker', 'missing'],
    'roles': ['Roles', 'RoleName', 'AssumeRolePolicyDocument', 'Statement', 'Principal', 'Service', 'AWS',
              'Action', 'Effect', 'MaxSessionDuration', 'Description', 'RoleLastUsed', 'Condition', 'missing'],
    'policies': ['Policies', 'PolicyName', 'AttachmentCount', 'IsAttachable', 'Path', 'Tags', 'DefaultVersionId',
                 'PermissionsBoundaryUsageCount', 'Description', 'missing'],
    'keys': ['AccessKeyMetadata', 'AccessKeyId', 'Status', 'UserName', 'CreateDate', 'missing'],
    'edge': ['ints', 'floats', 'mixed', 'proto', 'strs', 'nums', 'nested', 'objs', 'empty', 'a', 'b', 'numstrs',
             'constructor', '"2"', '"1"'],
}
LITERALS = ['`1`', '`0`', '`2.5`', '`"a"`', "'prod'", '`null`', '`true`', '`false`', '`[]`', '`{}`', '`[1, 2]`',
            "'/'", '`3600`', "'2020-01-01T00:00:00+00:00'", '`-1`', '`"\\u00e9"`']
FUNCS1 = ['length', 'keys', 'values', 'sort', 'reverse', 'to_string', 'to_number', 'to_array', 'type', 'max', 'min',
          'sum', 'avg', 'abs', 'ceil', 'floor', 'not_null']
FUNCS2 = ['contains', 'starts_with', 'ends_with', 'join', 'merge', 'not_null']
FUNCS_BY = ['sort_by', 'max_by', 'min_by', 'map']


def gen(rng, doc, depth=0):
    fields = FIELDS[doc]
    f = lambda: rng.choice(fields)
    if depth > 3:
        return rng.choice([f(), f(), '@', rng.choice(LITERALS)])
    r = rng.random()
    sub = lambda: gen(rng, doc, depth + 1)
    if r < 0.14:
        return f()
    if r < 0.24:
        return '%s.%s' % (sub(), f())
    if r < 0.32:
        return '%s[%s].%s' % (f(), rng.choice(['*', '', '0', '-1', '1:', '::-1', ':2']), sub())
    if r < 0.40:
        op = rng.choice(['==', '!=', '<', '<=', '>', '>='])
        return '%s[?%s %s %s]%s' % (f(), f(), op, rng.choice(LITERALS + [f()]), rng.choice(['', '.' + f(), '[]', '|[0]']))
    if r < 0.46:
        return '%s | %s' % (sub(), sub())
    if r < 0.52:
        return '[%s, %s]' % (sub(), sub())
    if r < 0.57:
        return '{x: %s, %s: %s}' % (sub(), rng.choice(['y', 'a', 'x']), sub())
    if r < 0.66:
        return '%s(%s)' % (rng.choice(FUNCS1), sub())
    if r < 0.72:
        return '%s(%s, %s)' % (rng.choice(FUNCS2), sub(), rng.choice([sub(), rng.choice(LITERALS)]))
    if r < 0.78:
        fn = rng.choice(FUNCS_BY)
        if fn == 'map':
            return 'map(&%s, %s)' % (sub(), sub())
        return '%s(%s, &%s)' % (fn, sub(), sub())
    if r < 0.83:
        return '%s %s %s' % (sub(), rng.choice(['||', '&&']), sub())
    if r < 0.86:
        return '!%s' % sub()
    if r < 0.90:
        return '%s[]' % sub()
    if r < 0.93:
        return '%s.*' % sub()
    if r < 0.96:
        return '(%s)' % sub()
    return '%s %s %s' % (sub(), rng.choice(['==', '!=', '<', '>=']), rng.choice(LITERALS))


def mutate(rng, expr):
    """A small random edit, to probe syntax error positions."""
    chars = list(expr)
    i = rng.randrange(len(chars) + 1)
    op = rng.random()
    if op < 0.4 and chars:
        del chars[min(i, len(chars) - 1)]
    elif op < 0.8:
        chars.insert(i, rng.choice('[]{}().,:|&!<>=`\'"*@?-1 a'))
    else:
        chars = chars[:i]
    return ''.join(chars)


def run(doc, expression):
    case = {'doc': doc, 'expression': expression}
    try:
        compiled = jmespath.compile(expression)
    except Exception as e:  # noqa: BLE001 - every exception's text is the expected output
        case.update(error=ADDRESS.sub(FIXED_ADDRESS, str(e)), errorPhase='compile')
        return case
    try:
        result = compiled.search(DOCS[doc])
    except Exception as e:  # noqa: BLE001
        case.update(error=ADDRESS.sub(FIXED_ADDRESS, str(e)), errorPhase='runtime')
        return case
    try:
        # As the CLI's JSON output does: its default= hook returns unknown objects unchanged.
        json.dumps(result, default=lambda o: o)
    except ValueError as e:
        case.update(error=str(e), errorPhase='runtime')
        return case
    case['result'] = ADDRESS.sub(FIXED_ADDRESS, json.dumps(result))
    return case


def main():
    # Optional: OUT_DIR SEED RANDOM MUTATIONS, for ad-hoc larger runs outside the fixtures.
    global OUT_DIR
    args = sys.argv[1:]
    if args:
        OUT_DIR = args[0]
    seed, n_random, n_mutations = (int(a) for a in (args[1:4] if len(args) >= 4 else (20240601, 600, 300)))
    rng = random.Random(seed)
    cases = []
    seen = set()

    def add(doc, expression):
        if (doc, expression) in seen:
            return
        seen.add((doc, expression))
        cases.append(run(doc, expression))

    for doc, exprs in CURATED.items():
        for e in exprs:
            add(doc, e)
    for e in EDGE_CASES:
        add('edge', e)
    for doc, e in RUNTIME_ERRORS:
        add(doc, e)
    for e in SYNTAX_ERRORS:
        add('users', e)
    for _ in range(n_random):
        doc = rng.choice(list(FIELDS))
        add(doc, gen(rng, doc))
    valid = [c['expression'] for c in cases if 'result' in c and c['expression']]
    for _ in range(n_mutations):
        add('users', mutate(rng, rng.choice(valid)))

    with open(os.path.join(OUT_DIR, 'differential-docs.json'), 'w') as f:
        json.dump(DOCS, f, indent=1)
        f.write('\n')
    with open(os.path.join(OUT_DIR, 'differential.json'), 'w') as f:
        f.write('[\n' + ',\n'.join(json.dumps(c) for c in cases) + '\n]\n')
    kinds = {}
    for c in cases:
        k = c.get('errorPhase', 'result')
        kinds[k] = kinds.get(k, 0) + 1
    print('%d cases %s' % (len(cases), kinds), file=sys.stderr)


if __name__ == '__main__':
    main()
