/**
 * `across` exits with 4 when some accounts failed and the others' results were printed: not 0
 * (success), not 3 (`--fail-on-findings` found something: extensions/audit/exit-codes.ts), not
 * 1 or 2 (generic failures of shells and Python), not 130 or 252-255 (interrupted, and the AWS
 * CLI's error classes, which `across` keeps for failures before any account is listed).
 * Failures outrank findings: an audit that could not look everywhere is not a clean result.
 */
export const EXIT_SOME_ACCOUNTS_FAILED = 4;
