"""Seeds a moto IAM server for `aws-iam audit mfa`: a realistic mix of people and machines.

  --seed audit        the named users below (every case the audit distinguishes)
  --seed audit-org    the named users, in the management account of an organization with
                      trusted access for IAM and centralized root access (RootCredentialsManagement,
                      RootSessions) enabled, and one member account, "workload", with one user
  --seed audit:N      the named users, then N generated ones (user-0001 ...) for progress and
                      benchmarks: every 2nd has a console password, every 3rd a virtual MFA
                      device, every 5th an access key.

Named users (console = login profile; MFA = an enabled device):
  alice      console, virtual MFA, active key                -> fine
  bob        console, no MFA                                 -> finding
  carol      no console, one active and one inactive key     -> fine (machine user)
  dave       console, two virtual devices                    -> fine
  erin       no console, virtual MFA                         -> fine
  frank      console, MFA deactivated (device now unassigned)-> finding + unassigned device
  gina       console, FIDO key (u2f serial)                  -> fine; not in ListVirtualMFADevices
  hank       console, hardware TOTP token (bare serial)      -> fine; not in ListVirtualMFADevices
  svc-ci     no console, two active keys, /service/          -> fine
  Zoë        console, no MFA (non-ASCII name)                -> finding
Unassigned virtual devices: spare-1, spare-2 and frank's old device. Root: no MFA (moto has no
way to enable it), so RootWithoutMfa is always a finding here.
moto accepts any serial in EnableMFADevice; real IAM enables FIDO keys only in the console.
"""
import seed as base

ACCOUNT = base.ACCOUNT
PASSWORD = "Correct-Horse-9!"


def _tags(pairs):
    return [{"Key": k, "Value": v} for k, v in pairs.items()]


def _virtual(iam, name):
    device = iam.create_virtual_mfa_device(VirtualMFADeviceName=name, Tags=_tags({"purpose": "audit"}))
    return device["VirtualMFADevice"]["SerialNumber"]


def _enable(iam, user, serial):
    iam.enable_mfa_device(UserName=user, SerialNumber=serial, AuthenticationCode1="123456", AuthenticationCode2="654321")


NAMED = [
    # name, path, tags, console, devices (virtual names or literal serials), keys (statuses)
    ("alice", "/", {"team": "sec", "env": "prod"}, True, ["v:alice-phone"], ["Active"]),
    ("bob", "/eng/", {"team": "eng"}, True, [], []),
    ("carol", "/eng/", {}, False, [], ["Active", "Inactive"]),
    ("dave", "/eng/", {"team": "eng", "oncall": "yes"}, True, ["v:dave-phone", "v:dave-tablet"], []),
    ("erin", "/", {}, False, ["v:erin-phone"], []),
    ("frank", "/", {"left": "2026-10"}, True, [], []),
    ("gina", "/", {"team": "sec"}, True, [f"arn:aws:iam::{ACCOUNT}:u2f/user/gina/yubikey-7KQ2XWZL4J5M6N7P"], []),
    ("hank", "/ops/", {}, True, ["GAHT12345678"], []),
    ("svc-ci", "/service/", {"owner": "platform"}, False, [], ["Active", "Active"]),
    ("Zoë", "/", {"display": "Zoë Ångström"}, True, [], []),
]


def _make_user(iam, name, path, tags, console, devices, keys):
    iam.create_user(UserName=name, Path=path, Tags=_tags(tags))
    if console:
        iam.create_login_profile(UserName=name, Password=PASSWORD)
    for device in devices:
        _enable(iam, name, _virtual(iam, device[2:]) if device.startswith("v:") else device)
    for status in keys:
        key = iam.create_access_key(UserName=name)["AccessKey"]
        if status != "Active":
            iam.update_access_key(UserName=name, AccessKeyId=key["AccessKeyId"], Status=status)


def seed(url, kind="audit"):
    iam = base.client(url)
    for spec in NAMED:
        _make_user(iam, *spec)
    # frank's phone was enabled, then deactivated when he left: the device stays, unassigned.
    old = _virtual(iam, "frank-old-phone")
    _enable(iam, "frank", old)
    iam.deactivate_mfa_device(UserName="frank", SerialNumber=old)
    for spare in ("spare-1", "spare-2"):
        _virtual(iam, spare)
    if kind == "audit-org":
        _organization(url)
    count = int(kind.split(":", 1)[1]) if ":" in kind else 0
    for i in range(1, count + 1):
        _make_user(
            iam,
            f"user-{i:04d}",
            "/generated/",
            {"batch": str(i // 100)},
            i % 2 == 0,
            [f"v:user-{i:04d}-phone"] if i % 3 == 0 else [],
            ["Active"] if i % 5 == 0 else [],
        )


def _organization(url):
    """This account manages an organization with centralized root access; one member account."""
    import boto3

    org = boto3.client("organizations", endpoint_url=url, region_name="us-east-1", aws_access_key_id="testing", aws_secret_access_key="testing")
    org.create_organization(FeatureSet="ALL")
    org.enable_aws_service_access(ServicePrincipal="iam.amazonaws.com")
    org.create_account(AccountName="workload", Email="workload@example.com")
    iam = base.client(url)
    iam.enable_organizations_root_credentials_management()
    iam.enable_organizations_root_sessions()
