/** `aws-iam audit help` and `aws-iam audit mfa help`: plain text on stdout. */
import { EXIT_FINDINGS } from './exit-codes.js';
import { DEFAULT_CONCURRENCY } from './options.js';

export const AUDIT_HELP = `aws-iam audit
=============

Checks of aws-iam's own over IAM data. Subcommands:

  mfa    Users who can sign in to the console without MFA (or without
         phishing-resistant MFA), root without MFA where it matters,
         unassigned virtual MFA devices.

Run "aws-iam audit mfa help" for the options of a subcommand.
`;

export const MFA_HELP = `aws-iam audit mfa
=================

Usage: aws-iam audit mfa [--source auto|credential-report|api]
                         [--require-mfa any|phishing-resistant]
                         [--fail-on-findings] [--max-concurrency N]
                         [global options: --output, --query, --profile, ...]

Reports, as one JSON document that every --output format and --query work on:
every user (console access, password last used, MFA devices and their kind:
virtual, fido, hardware-totp, sms; active access keys), the root user (MFA,
credentials, whether the organization manages it centrally), the unassigned
virtual MFA devices, and the findings. The schema is in docs/audit-mfa.md.

Options
  --source auto|credential-report|api
      Where per-user facts come from. credential-report: one generated report
      (GenerateCredentialReport, GetCredentialReport), plus ListMFADevices for
      users with MFA. api: GetLoginProfile, ListMFADevices and ListAccessKeys for
      every user. auto (default): the report, or the API when the report is
      denied (AccessDenied) or not ready in time; a note on stderr says so.
      A finding from the report is always confirmed through the API first, and
      users the report does not know (or that changed since) are read live.
      Both sources give the same Users, Account and Findings.
  --require-mfa any|phishing-resistant
      any (default): a console user needs an MFA device. phishing-resistant:
      a FIDO security key or passkey; users whose MFA is all TOTP (virtual or
      hardware) or SMS get a ConsoleWithoutPhishingResistantMfa finding.
  --fail-on-findings
      Exit with status ${EXIT_FINDINGS} when there is at least one finding (the report
      is printed all the same).
  --max-concurrency N
      Requests in flight at once (default ${DEFAULT_CONCURRENCY}, 1 to 256). Requests use the
      adaptive retry mode, so throttling slows the audit down instead of failing it.

Exit status
  0    no findings, or findings without --fail-on-findings
  ${EXIT_FINDINGS}    findings, with --fail-on-findings
  252-255, 130   as for every command (usage, configuration, service, other, interrupted)

Progress
  On a terminal, a progress line on stderr (erased before the report is printed).
  Never when stderr is not a terminal, with --debug, when CI is set, or when
  AWS_IAM_NO_PROGRESS is set to a value other than 0.

Examples
  aws-iam audit mfa --output table
  aws-iam audit mfa --query 'Users[?ConsoleAccess && !MfaActive].UserName' --output text
  aws-iam audit mfa --fail-on-findings
  aws-iam audit mfa --require-mfa phishing-resistant --query 'Findings[].[Type, UserName]' --output text
`;
