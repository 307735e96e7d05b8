"""Seeds moto as an AWS Organization for `aws-iam across`.

  --seed org            the management account (123456789012) and 3 members
  --seed org:N:U        N members with U generated users each (user-0001 ...), for benchmarks

Management account: users admin and auditor, alias "acme-management".
Member i (dev, staging, prod, then member-4 ...): users <name>-alice and <name>-bob (bob has
no console password), alias "acme-<name>", the role OrganizationAccountAccessRole (moto's
CreateAccount makes it, as Organizations does), and a
virtual MFA device "<name>-spare" left unassigned. One more member, "locked", has no such role,
and one, "closed", is suspended.

AssumeRole is made to refuse a role that does not exist in its account, as STS does (moto would
hand out credentials for any ARN): the failure case of a role that cannot be assumed.
The account ids are printed on one line: `accounts dev=ID staging=ID ...`.
"""
import json
import sys

import boto3
import moto.iam.models as iam_models
import moto.sts.models as sts_models
from moto.sts.exceptions import STSClientError

MANAGEMENT = "123456789012"
ROLE = "OrganizationAccountAccessRole"
NAMES = ["dev", "staging", "prod"]


def _client(service, url, creds=None):
    keys = creds or {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
    return boto3.client(service, endpoint_url=url, region_name="us-east-1", **keys)


def _iam(account):
    return iam_models.iam_backends[account]["global"]


def _refuse_missing_roles():
    original = sts_models.STSBackend.assume_role

    def assume_role(self, region_name, role_session_name, role_arn, policy, duration, external_id):
        account = role_arn.split(":")[4]
        try:
            _iam(account).get_role_by_arn(role_arn)
        except Exception:
            raise STSClientError(
                "AccessDenied",
                f"User: arn:aws:iam::{MANAGEMENT}:user/moto is not authorized to perform: sts:AssumeRole on resource: {role_arn}",
            )
        return original(self, region_name, role_session_name, role_arn, policy, duration, external_id)

    sts_models.STSBackend.assume_role = assume_role


def _people(account, prefix, users):
    iam = _iam(account)
    for name in users:
        iam.create_user("us-east-1", name, "/", [{"Key": "account", "Value": prefix}])
    return iam


def seed(url, kind="org"):
    parts = kind.split(":")
    members = int(parts[1]) if len(parts) > 1 else len(NAMES)
    generated = int(parts[2]) if len(parts) > 2 else 0
    org = _client("organizations", url)
    org.create_organization(FeatureSet="ALL")
    iam = _people(MANAGEMENT, "management", ["admin", "auditor"])
    iam.create_account_alias("acme-management")
    ids = {}
    for i in range(members):
        name = NAMES[i] if i < len(NAMES) else f"member-{i + 1}"
        account = org.create_account(AccountName=name, Email=f"{name}@example.com")["CreateAccountStatus"]["AccountId"]
        ids[name] = account
        users = [f"user-{n:04d}" for n in range(1, generated + 1)] if generated else [f"{name}-alice", f"{name}-bob"]
        iam = _people(account, name, users)
        if not generated:
            iam.create_login_profile(f"{name}-alice", "Correct-Horse-9!")
            iam.create_account_alias(f"acme-{name}")
            iam.create_virtual_mfa_device(f"{name}-spare", "/")
    if not generated:
        ids["locked"] = org.create_account(AccountName="locked", Email="locked@example.com")["CreateAccountStatus"]["AccountId"]
        _people(ids["locked"], "locked", ["locked-user"]).delete_role(ROLE)
        closed = org.create_account(AccountName="closed", Email="closed@example.com")["CreateAccountStatus"]["AccountId"]
        org.close_account(AccountId=closed)
        ids["closed"] = closed
    _refuse_missing_roles()
    print("accounts " + " ".join(f"{k}={v}" for k, v in ids.items()), flush=True)
