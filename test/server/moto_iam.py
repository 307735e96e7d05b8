"""Runs moto's IAM on loopback the way real IAM behaves where the CLIs' output depends on it.

Usage: python3 moto_iam.py PORT [--seed demo|none]   (prints "ready http://127.0.0.1:PORT")

Real IAM sends whole-second timestamps; moto sends microseconds. Both CLIs print what the
wire says, so the server is patched to drop microseconds before it starts (see
../shared/reference/moto.md). Seeding goes through boto3, so objects are made as IAM makes them.
"""
import logging
import sys
import time

import moto.iam.models as iam_models
from moto.core.utils import utcnow

iam_models.utcnow = lambda: utcnow().replace(microsecond=0)

from moto.server import ThreadedMotoServer  # noqa: E402  (after the patch on purpose)

import moto_credential_report  # noqa: E402,F401  (a real GeneratedTime)
import moto_root_access  # noqa: E402,F401  (ListOrganizationsFeatures and friends, which moto lacks)


def main():
    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    port = int(sys.argv[1])
    seed = sys.argv[sys.argv.index("--seed") + 1] if "--seed" in sys.argv else "demo"
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    url = f"http://127.0.0.1:{port}"
    if seed != "none":
        import seed as seeding

        seeding.seed(url, seed)
    print(f"ready {url}", flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


if __name__ == "__main__":
    main()
