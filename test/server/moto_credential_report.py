"""The credential report's GeneratedTime, as real IAM sends it. moto 5.2.1 builds the report when
GetCredentialReport is called (so it is never stale) but always answers GeneratedTime
2015-02-02T20:02:02Z, which makes every user look created after the report. Since the content is
current, the time it was built is now (whole seconds, as IAM writes it).
Imported by moto_iam.py before the server starts.
"""
from moto.core.responses import ActionResult
from moto.core.utils import utcnow
from moto.iam.responses import IamResponse

_get_credential_report = IamResponse.get_credential_report


def get_credential_report(self):
    answer = _get_credential_report(self)
    result = dict(answer.result)
    result["GeneratedTime"] = utcnow().replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")
    return ActionResult(result)


IamResponse.get_credential_report = get_credential_report
