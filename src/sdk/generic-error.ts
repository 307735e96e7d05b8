/**
 * botocore's generic error answer: a 5xx whose body is empty or starts with `<html>` (a proxy's
 * or load balancer's page) is reported by its status and reason phrase, whatever the protocol:
 * IAM's Query answers and Sign-In's JSON ones alike.
 */

/** Python's http.client.responses for the 5xx statuses a generic error can carry. */
const REASONS: Readonly<Record<number, string>> = {
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended', 511: 'Network Authentication Required',
};

export function isGenericError(status: number, body: Buffer): boolean {
  if (status < 500) return false;
  const text = body.toString('utf8').trim();
  return text === '' || text.startsWith('<html>');
}

/** The message botocore gives a generic error: the status's reason phrase, as Python knows it. */
export const genericErrorMessage = (status: number): string => REASONS[status] ?? '';
