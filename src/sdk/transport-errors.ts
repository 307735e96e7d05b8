/**
 * Failures below HTTP (no answer at all), worded as botocore words them once its retries are
 * spent. Each names the request URL: the endpoint plus `/` (IAM's requests go to the root).
 */
import { CliError } from '../errors/cli-error.js';
import { tlsFailureReason } from './tls.js';

interface NodeError {
  name?: string;
  code?: string;
  errno?: string;
  message?: string;
  cause?: unknown;
}

/** The endpoint as the CLI quotes it: its own path, or `/` when it has none. */
export const requestUrl = (endpoint: string): string => (/^[^:]+:\/\/[^/]+$/.test(endpoint) ? `${endpoint}/` : endpoint);

/** The CLI's message for a transport failure, or undefined when `error` is not one. */
export function transportError(error: unknown, endpoint: string): CliError | undefined {
  const e = error as NodeError | undefined;
  if (!e) return undefined;
  const url = requestUrl(endpoint);
  const code = e.code ?? e.errno;
  if (code && /^(ECONNRESET|EPIPE)$/.test(code)) {
    return new CliError('general', `Connection was closed before we received a valid response from endpoint URL: "${url}".`);
  }
  if (code && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT)$/.test(code)) {
    return new CliError('general', `Could not connect to the endpoint URL: "${url}"`);
  }
  // Checked after the codes: node-http-handler renames socket errors such as ECONNRESET
  // to TimeoutError too.
  if (e.name === 'TimeoutError') {
    // node-http-handler: the connection timer says "did not establish a connection"; the
    // socket inactivity timer (our --cli-read-timeout) says "timed out after".
    const connecting = /establish a connection/.test(e.message ?? '');
    return new CliError('general', `${connecting ? 'Connect' : 'Read'} timeout on endpoint URL: "${url}"`);
  }
  return undefined;
}

/** The URL a failed request went to, where its handler named it (iam-client.ts's CliHttpHandler). */
function failedRequestUrl(error: unknown, depth = 0): string | undefined {
  const e = error as { $requestUrl?: string; cause?: unknown } | undefined;
  return e?.$requestUrl ?? (e?.cause !== undefined && depth < 10 ? failedRequestUrl(e.cause, depth + 1) : undefined);
}

/**
 * A failure to talk to an endpoint at all (TLS, connection, timeout) in the CLI's words, naming
 * the URL the request went to (else `endpoint`); undefined for any other failure.
 */
export function connectionFailure(error: unknown, endpoint: string): CliError | undefined {
  const where = failedRequestUrl(error) ?? endpoint;
  const tls = tlsFailureReason(error) ?? tlsFailureReason((error as { cause?: unknown } | undefined)?.cause);
  if (tls !== undefined) return new CliError('general', `SSL validation failed for ${requestUrl(where)} ${tls}`);
  return transportError(error, where);
}
