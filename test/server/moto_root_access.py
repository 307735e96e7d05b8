"""Centralized root access in moto's IAM, as real IAM serves it (moto 5.2.1 answers these with an
HTML 500): ListOrganizationsFeatures, EnableOrganizationsRootCredentialsManagement and
EnableOrganizationsRootSessions, over moto's own Organizations state, and GetAccountSummary's
AccountPasswordPresent (real IAM reports it; moto's root never has a password).

Rules, as IAM documents them: no organization -> OrganizationNotFound; a member account that is
not IAM's delegated administrator -> AccountNotManagementOrDelegatedAdministrator; trusted access
for iam.amazonaws.com not enabled -> ServiceAccessNotEnabled. Features are kept per organization.
Imported by moto_iam.py before the server starts.
"""
import moto.iam.models as iam_models
from moto.core.exceptions import ServiceException
from moto.core.responses import ActionResult
from moto.iam.responses import IamResponse
from moto.organizations.models import FakeDelegatedAdministrator, FakeServiceAccess, organizations_backends

IAM_PRINCIPAL = "iam.amazonaws.com"
_features = {}  # organization id -> enabled features, in the order they were enabled

# IAM takes trusted access and a delegated administrator in real Organizations; moto's lists lack it.
for _supported in (FakeServiceAccess.TRUSTED_SERVICES, FakeDelegatedAdministrator.SUPPORTED_SERVICES):
    if IAM_PRINCIPAL not in _supported:
        _supported.append(IAM_PRINCIPAL)


class _Error(ServiceException):
    pass


# moto serializes an error with the model of the service its class's module names.
_Error.__module__ = "moto.iam.exceptions"


def _error(code, message):
    error = _Error(message)
    error.code = code
    return error


def _organization(account, partition):
    """(backend of the organization, is the management account), or (None, False)."""
    own = organizations_backends[account][partition]
    if own.org is not None:
        return own, True
    if account in organizations_backends.master_accounts:
        master, master_partition = organizations_backends.master_accounts[account]
        return organizations_backends[master][master_partition], False
    return None, False


def _checked(response):
    backend, is_management = _organization(response.current_account, response.partition)
    if backend is None:
        raise _error("OrganizationNotFoundException", "The request failed because your account is not a member of an organization.")
    delegated = any(a.account.id == response.current_account and IAM_PRINCIPAL in a.services for a in backend.admins)
    if not (is_management or delegated):
        raise _error(
            "AccountNotManagementOrDelegatedAdministratorException",
            "The request was rejected because the account making the request is not the management account or delegated administrator account for centralized root access.",
        )
    if not any(s["ServicePrincipal"] == IAM_PRINCIPAL for s in backend.services):
        raise _error("ServiceAccessNotEnabledException", "The request was rejected because trusted access for IAM is not enabled for the organization.")
    return backend.org.id


def _answer(org_id):
    return ActionResult({"OrganizationId": org_id, "EnabledFeatures": list(_features.get(org_id, []))})


def _enabler(feature):
    def enable(self):
        org_id = _checked(self)
        enabled = _features.setdefault(org_id, [])
        if feature not in enabled:
            enabled.append(feature)
        return _answer(org_id)

    return enable


def list_organizations_features(self):
    return _answer(_checked(self))


IamResponse.list_organizations_features = list_organizations_features
IamResponse.enable_organizations_root_credentials_management = _enabler("RootCredentialsManagement")
IamResponse.enable_organizations_root_sessions = _enabler("RootSessions")

_summary_map = iam_models.AccountSummary.summary_map


def _summary_with_password(self):
    summary = dict(_summary_map.fget(self))
    summary["AccountPasswordPresent"] = 0
    return summary


iam_models.AccountSummary.summary_map = property(_summary_with_password)
