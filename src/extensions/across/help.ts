/** `aws-iam across help`: plain text on stdout. */
import { EXIT_FINDINGS } from '../audit/exit-codes.js';
import { EXIT_SOME_ACCOUNTS_FAILED } from './exit-codes.js';
import { DEFAULT_CONCURRENCY, DEFAULT_ROLE_NAME, MAX_CONCURRENCY } from './options.js';

export const ACROSS_HELP = `aws-iam across
==============

Usage: aws-iam across --profiles NAMES [--max-concurrency N] <command> [options]
       aws-iam across --organization [--role-name NAME] [--accounts IDS]
                      [--max-concurrency N] <command> [options]

Runs a list-* command (or audit mfa) in many accounts and prints one document for all of
them. The command after the options takes all its usual options and the
global options (--output, --query, --region, ...), checked as always before
any account is contacted.

Accounts
  --profiles NAMES
      Comma-separated profile names and shell globs ('sec-*') over the
      profiles of the config and credentials files. Each profile is one
      account, with its own credentials and settings.
  --organization
      Every active account of the organization (Organizations ListAccounts,
      called with --profile's credentials); suspended accounts are named in a
      note. The caller's own account is read with its own credentials; in
      every other account the role --role-name is assumed (session name
      "aws-iam-across").
  --role-name NAME
      The role to assume in member accounts (default ${DEFAULT_ROLE_NAME}).
  --accounts IDS
      Only these 12-digit account ids of the organization (comma-separated).
  --max-concurrency N
      Accounts listed at once (default ${DEFAULT_CONCURRENCY}, 1 to ${MAX_CONCURRENCY}). Each account's
      requests use the adaptive retry mode.

Output
  Every item carries "AccountId" (and "Profile" with --profiles) as its
  first members; where items are plain strings (list-account-aliases), the
  result key holds one {"AccountId": ..., <key>: [...]} entry per account.
  json, yaml and table print one merged document (--query applies to it);
  text and yaml-stream print each account's pages as they arrive (--query
  applies to each page). --max-items, --page-size and --starting-token apply
  to each account; accounts cut short are listed under "NextTokens" (text:
  one NEXTTOKEN line per account, with its account id).

Exit status
  0      every account listed
  ${EXIT_SOME_ACCOUNTS_FAILED}      some accounts failed: each is named on stderr with its error, the
         others' results are printed, and the last lines of stderr give the
         command that re-runs only the failed accounts
  ${EXIT_FINDINGS}      (audit) findings with --fail-on-findings
  252-255, 130   as for every command, for failures before any account is
         listed (usage, configuration, Organizations or STS errors)

Progress
  On a terminal, "across <command>, 3/50 accounts: 1200 items" on stderr;
  never in a pipe, with --debug, or when CI or AWS_IAM_NO_PROGRESS is set.

Examples
  aws-iam across --profiles prod,dev list-users --query 'Users[?PasswordLastUsed==null].UserName' --output text
  aws-iam across --profiles 'sec-*,audit' list-virtual-mfa-devices --assignment-status Unassigned --output table
  aws-iam across --organization list-roles --output json
  aws-iam across --organization --accounts 111111111111,222222222222 list-users
  aws-iam across --organization audit mfa --fail-on-findings --output table

  audit mfa: one audit per account, as {"Accounts": [...], "Findings": [...]}
  (findings carry AccountId); docs/across.md has the schema.
`;
