/**
 * `--fail-on-findings` exits with 3 when there are findings: not 0 (success), not 1 or 2
 * (shells and Python use them for generic failures), not 130 (interrupted) and not 252-255
 * (the AWS CLI's error classes), so CI can tell "found something" from "could not look".
 */
export const EXIT_FINDINGS = 3;
