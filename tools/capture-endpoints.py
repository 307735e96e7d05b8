#!/usr/bin/env python3
"""Records the URL the reference AWS CLI calls for IAM in every region it knows, with and
without FIPS and dual-stack, as test/fixtures/endpoints/iam-endpoints.json.

With no network (or an unreachable one) each run fails at once with the CLI's connect error,
which names the URL. Run: tools/capture-endpoints.py /opt/awscli-v2.36.7/aws
"""
import concurrent.futures
import json
import os
import subprocess
import sys

AWS = sys.argv[1] if len(sys.argv) > 1 else '/opt/awscli-v2.36.7/aws'
PARTITIONS = os.path.join(os.path.dirname(os.path.realpath(AWS)), 'site/awscli/botocore/data/partitions.json')
OUT = os.path.join(os.path.dirname(__file__), '..', 'test', 'fixtures', 'endpoints', 'iam-endpoints.json')

# Regions the partitions do not list: one matching each partition's pattern, and odd ones.
EXTRA = ['us-east-9', 'cn-east-7', 'us-gov-north-3', 'us-iso-south-5', 'us-isob-north-2',
         'eu-isoe-north-4', 'us-isof-west-6', 'eusc-de-west-2', 'xx-fake-1', 'local', 'US-EAST-1', '']


def regions():
    with open(PARTITIONS) as f:
        data = json.load(f)
    return [r for p in data['partitions'] for r in sorted(p['regions'])] + EXTRA


def run(case):
    region, fips, dualstack = case
    env = {
        'PATH': os.environ.get('PATH', '/usr/bin:/bin'), 'HOME': '/nonexistent',
        'AWS_ACCESS_KEY_ID': 'testing', 'AWS_SECRET_ACCESS_KEY': 'testing',
        'AWS_CONFIG_FILE': '/dev/null', 'AWS_SHARED_CREDENTIALS_FILE': '/dev/null',
        'AWS_EC2_METADATA_DISABLED': 'true', 'AWS_MAX_ATTEMPTS': '1', 'AWS_REGION': region,
        'AWS_USE_FIPS_ENDPOINT': str(fips).lower(), 'AWS_USE_DUALSTACK_ENDPOINT': str(dualstack).lower(),
    }
    p = subprocess.run([AWS, '--no-cli-pager', 'iam', 'list-users'], env=env, capture_output=True, text=True, timeout=60)
    return {'region': region, 'fips': fips, 'dualstack': dualstack, 'stderr': p.stderr, 'code': p.returncode}


cases = [(r, f, d) for r in regions() for f in (False, True) for d in (False, True)]
with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
    results = list(pool.map(run, cases))
with open(OUT, 'w') as f:
    json.dump({'cli': subprocess.run([AWS, '--version'], capture_output=True, text=True).stdout.strip(), 'cases': results}, f, indent=1, ensure_ascii=False)
    f.write('\n')
print(f'{len(results)} cases -> {OUT}')
