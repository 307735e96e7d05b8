"""Seeds a moto IAM server with a small, realistic account.

The data set is the one the demo, the differential corpus and the docs refer to:
users with and without console passwords and MFA, assigned and unassigned virtual MFA devices,
groups, roles (one with a long description, one under a path), managed and inline policies,
instance profiles, identity providers, keys, certificates and tags on everything taggable.
"""
import json

import boto3

ACCOUNT = "123456789012"
TRUST_EC2 = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ],
}
TRUST_LAMBDA = {
    "Version": "2012-10-17",
    "Statement": [
        {"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}
    ],
}
READ_ONLY = {
    "Version": "2012-10-17",
    "Statement": [{"Effect": "Allow", "Action": ["iam:List*", "iam:Get*"], "Resource": "*"}],
}
SSH_KEY = (
    "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQDKi5g5kYDSs6z7Q8vQ3vJk0hFZ0nq7oT0Jb5t3YvR2"
    "dV3x0qX4PSmqZr9y3R7cWl2u1aS1ZB9HQmc0cZ7x5Zb3yY2H0yJxvQ8p8VnJmR2x1JYrG5oN7N9g1bW2"
    " alice@laptop"
)


def client(url):
    return boto3.client(
        "iam",
        endpoint_url=url,
        region_name="us-east-1",
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )


def seed(url, kind="demo"):
    if kind.startswith("audit"):  # `--seed audit` / `--seed audit:N`: see seed_audit.py
        import seed_audit

        return seed_audit.seed(url, kind)
    if kind.startswith("org"):  # `--seed org` / `--seed org:N:U`: see seed_org.py
        import seed_org

        return seed_org.seed(url, kind)
    iam = client(url)
    users = [
        ("alice", "/", {"team": "sec", "env": "prod"}),
        ("bob", "/eng/", {"team": "eng"}),
        ("carol", "/eng/", {}),
        ("Zoë", "/", {"display": "Zoë Ångström"}),
        ("svc-ci", "/service/", {"owner": "platform"}),
    ]
    for name, path, tags in users:
        iam.create_user(
            UserName=name, Path=path, Tags=[{"Key": k, "Value": v} for k, v in tags.items()]
        )
    # Console access: alice (with MFA), bob and Zoë (without).
    for name in ("alice", "bob", "Zoë"):
        iam.create_login_profile(UserName=name, Password="Correct-Horse-9!")

    # Virtual MFA devices: dev-alice assigned to alice, three spare, one left over from carol.
    serials = {}
    for name in ("dev-alice", "spare-1", "spare-2", "spare-3", "carol-old-phone"):
        device = iam.create_virtual_mfa_device(
            VirtualMFADeviceName=name, Tags=[{"Key": "purpose", "Value": name.split("-")[0]}]
        )
        serials[name] = device["VirtualMFADevice"]["SerialNumber"]
    iam.enable_mfa_device(
        UserName="alice",
        SerialNumber=serials["dev-alice"],
        AuthenticationCode1="123456",
        AuthenticationCode2="654321",
    )

    for group in ("admins", "developers", "auditors"):
        iam.create_group(GroupName=group, Path="/" if group != "developers" else "/eng/")
    iam.add_user_to_group(GroupName="admins", UserName="alice")
    iam.add_user_to_group(GroupName="developers", UserName="bob")
    iam.add_user_to_group(GroupName="developers", UserName="carol")
    iam.add_user_to_group(GroupName="auditors", UserName="Zoë")

    policy = iam.create_policy(
        PolicyName="ReadOnlyAudit",
        PolicyDocument=json.dumps(READ_ONLY),
        Description="List and read IAM",
        Tags=[{"Key": "owner", "Value": "security"}],
    )["Policy"]
    iam.create_policy_version(
        PolicyArn=policy["Arn"], PolicyDocument=json.dumps(READ_ONLY), SetAsDefault=True
    )
    iam.create_policy(PolicyName="DeployApp", Path="/eng/", PolicyDocument=json.dumps(READ_ONLY))

    roles = [
        ("app-server", "/", TRUST_EC2, "Runs the web application", {"app": "web", "env": "prod", "cost": "42"}),
        ("lambda-exec", "/service-role/", TRUST_LAMBDA, "Lambda execution role", {}),
        ("auditor", "/", TRUST_EC2, None, {}),
        (
            "longdesc",
            "/long/",
            TRUST_EC2,
            "This is a deliberately long role description that exceeds eighty characters so that folding kicks in",
            {},
        ),
    ]
    for name, path, trust, description, tags in roles:
        kwargs = {"Description": description} if description else {}
        iam.create_role(
            RoleName=name,
            Path=path,
            AssumeRolePolicyDocument=json.dumps(trust),
            Tags=[{"Key": k, "Value": v} for k, v in tags.items()],
            **kwargs,
        )
    iam.put_role_policy(RoleName="app-server", PolicyName="s3-read", PolicyDocument=json.dumps(READ_ONLY))

    for target in ("alice", "Zoë"):
        iam.attach_user_policy(UserName=target, PolicyArn=policy["Arn"])
    for target in ("admins", "auditors"):
        iam.attach_group_policy(GroupName=target, PolicyArn=policy["Arn"])
    for target in ("app-server", "auditor"):
        iam.attach_role_policy(RoleName=target, PolicyArn=policy["Arn"])
    iam.put_user_policy(UserName="alice", PolicyName="inline-billing", PolicyDocument=json.dumps(READ_ONLY))
    iam.put_user_policy(UserName="alice", PolicyName="inline-support", PolicyDocument=json.dumps(READ_ONLY))
    iam.put_group_policy(GroupName="developers", PolicyName="dev-tools", PolicyDocument=json.dumps(READ_ONLY))

    iam.create_instance_profile(
        InstanceProfileName="web", Tags=[{"Key": "app", "Value": "web"}]
    )
    iam.add_role_to_instance_profile(InstanceProfileName="web", RoleName="app-server")
    iam.create_instance_profile(InstanceProfileName="batch", Path="/jobs/")

    for name in ("carol", "svc-ci"):
        iam.create_access_key(UserName=name)
    iam.upload_ssh_public_key(UserName="alice", SSHPublicKeyBody=SSH_KEY)
    # moto 5.2 answers CreateServiceSpecificCredential with a 500, so none are seeded.
    iam.create_account_alias(AccountAlias="example-corp")

    iam.create_saml_provider(
        Name="corp-idp",
        SAMLMetadataDocument="<EntityDescriptor>" + "x" * 1000 + "</EntityDescriptor>",
        Tags=[{"Key": "idp", "Value": "okta"}],
    )
    iam.create_open_id_connect_provider(
        Url="https://token.actions.githubusercontent.com",
        ClientIDList=["sts.amazonaws.com"],
        ThumbprintList=["6938fd4d98bab03faadb97b34396831e3780aea1"],
        Tags=[{"Key": "ci", "Value": "github"}],
    )
    # moto 5.2 has no TagMFADevice (HTML 500), so MFA device tags stay empty.
    return serials
