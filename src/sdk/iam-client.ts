/**
 * The one place aws-iam talks to IAM: the SDK's IAMClient does credentials, signing, endpoint
 * rules, retries (retry-strategy.ts) and HTTP; aws-iam reads the raw response body itself (see
 * response/), because the CLI prints wire values (timestamps, base64 blobs) that the SDK's
 * converted output loses. Failures read as the CLI's: service errors with botocore's retry
 * note, unparsable bodies (xml-parse-error.ts), transport failures (transport-errors.ts).
 */
import { IAMClient } from '@aws-sdk/client-iam';
import { IAM_COMMANDS } from './commands.js';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { readFileSync } from 'node:fs';
import { Agent as HttpsAgent } from 'node:https';
import { Readable } from 'node:stream';
import type { Settings } from '../config/settings.js';
import { CliError } from '../errors/cli-error.js';
import type { Value, ValueMap } from '../value/value.js';
import { credentialChain, realCredentialDeps } from './credentials.js';
import { showSdkSharedFiles } from './sdk-shared-files.js';
import { parseXml } from '../response/xml.js';
import { modeledErrors } from '../model/operations.js';
import { retryPlan, retrySuffix, type RetryBackoff } from './retry-strategy.js';
import { transportError } from './transport-errors.js';
import { unparsableResponseMessage } from './xml-parse-error.js';

/** Credentials that replace the profile's chain (an assumed role's, or ones resolved once). */
export type CredentialSource = () => Promise<{ accessKeyId: string; secretAccessKey: string; sessionToken?: string; expiration?: Date }>;

export interface ConnectionOptions {
  readonly credentials?: CredentialSource;
  readonly verifySsl: boolean;
  readonly signRequest: boolean;
  /** Seconds as typed on the command line; 0 means no limit. */
  readonly readTimeout?: string;
  readonly connectTimeout?: string;
  readonly debug?: (line: string) => void;
  /** Tests only: a short back-off between retries (the user always gets the SDK's own). */
  readonly retryBackoff?: RetryBackoff;
}

/** Sends one request and returns the raw XML body of the successful response. */
export type SendRequest = (operationName: string, params: ValueMap) => Promise<string>;

const DEFAULT_TIMEOUT_SECONDS = 60;

export function createSender(settings: Settings, connection: ConnectionOptions): SendRequest {
  if (settings.endpointUrl !== undefined && !/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(settings.endpointUrl)) {
    throw new CliError(
      'param-validation',
      `Bad value for --endpoint-url "${settings.endpointUrl}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
  // Every setting the SDK needs is passed to it: it must not read the shared files itself.
  showSdkSharedFiles(process.env);
  const credentials = connection.signRequest
    ? (connection.credentials ??
      credentialChain(settings.profileName, settings.profileFromCommandLine, realCredentialDeps({ region: settings.region, debug: connection.debug })))
    : async () => ({ accessKeyId: '', secretAccessKey: '' });
  // The CLI resolves credentials when it creates the client, before it checks the region: a
  // broken credential source is reported first; no credentials at all only when signing.
  const noRegion = async () => {
    if (connection.signRequest) {
      await Promise.resolve(credentials()).catch((error) => {
        if (!(error instanceof CliError && error.errorClass === 'no-credentials')) throw error;
      });
    }
    throw new CliError('no-region', 'You must specify a region. You can also configure your region by running "aws configure".');
  };
  // An empty region (`region =` in the config) is a region: IAM's global endpoint signs for us-east-1.
  if (settings.endpointUrl !== undefined && settings.region === undefined) return noRegion;
  const seconds = (v: string | undefined) => {
    const n = v === undefined ? DEFAULT_TIMEOUT_SECONDS : pythonInt(v);
    return n === 0 ? 0 : n * 1000;
  };
  const readTimeout = seconds(connection.readTimeout);
  const connectTimeout = seconds(connection.connectTimeout);
  const ca = settings.caBundle ? readCaBundle(settings.caBundle, settings.endpointUrl) : undefined;
  const retry = retryPlan(settings, connection.retryBackoff);
  const client = new IAMClient({
    // IAM is global: the CLI signs for us-east-1 when no region is configured.
    region: settings.region || 'us-east-1',
    endpoint: settings.endpointUrl,
    credentials,
    retryStrategy: retry.strategy,
    requestHandler: new NodeHttpHandler({
      connectionTimeout: connectTimeout,
      // The CLI's read timeout limits each wait for data (urllib3), not the whole exchange:
      // the handler's socket inactivity timeout is that.
      socketTimeout: readTimeout,
      httpsAgent: new HttpsAgent({ keepAlive: true, rejectUnauthorized: connection.verifySsl, ca }),
    }),
  });
  const endpointForMessages = settings.endpointUrl ?? 'https://iam.amazonaws.com';

  return async (operationName, params) => {
    const Command = IAM_COMMANDS[operationName];
    if (!Command) throw new CliError('general', `aws-iam does not send ${operationName}`);
    const command = new Command(toSdkInput(params));
    let body: string | undefined;
    let errorBody: Buffer | undefined;
    let errorStatus = 0;
    command.middlewareStack.add(
      (next) => async (args) => {
        // Runs once per attempt: only the last attempt's answer decides the message.
        errorBody = undefined;
        const result = await next(args);
        const response = result.response as { statusCode: number; body: Readable };
        const raw = await readAll(response.body);
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        if (ok) body = raw.toString('utf8');
        else {
          errorBody = raw;
          errorStatus = response.statusCode;
          // botocore fails at once, without retrying, on an error body it cannot parse
          // (except the bare HTML or empty answers of 5xx, which it retries by status).
          if (!isGenericError(errorStatus, raw) && !isXml(raw)) throw new CliError('general', unparsableResponseMessage(raw));
        }
        // The SDK still deserializes: errors from the real body, success from a stub, so its
        // retry and error classification keep working without parsing big pages twice.
        response.body = Readable.from(ok ? [Buffer.from(`<${operationName}Response/>`)] : [raw]);
        return result;
      },
      { step: 'deserialize', priority: 'low', name: 'awsIamRawBody' },
    );
    if (!connection.signRequest) command.middlewareStack.add(dropSignature, UNSIGNED);
    try {
      await client.send(command);
    } catch (error) {
      const attempts = (error as SdkError)?.$metadata?.attempts;
      const suffix = retrySuffix(attempts, retry.maxAttempts);
      throw toCliError(error, operationName, endpointForMessages, errorBody && { body: errorBody, status: errorStatus, suffix });
    }
    return body ?? '';
  };
}

/** `--no-sign-request`: the request goes out without any signature headers. */
const UNSIGNED = { step: 'finalizeRequest', priority: 'low', name: 'awsIamUnsigned' } as const;
const dropSignature = (next: (args: any) => Promise<any>) => async (args: any) => {
  const headers = args.request?.headers as Record<string, string> | undefined;
  if (headers) {
    for (const name of Object.keys(headers)) {
      if (/^(authorization|x-amz-date|x-amz-security-token|x-amz-content-sha256)$/i.test(name)) delete headers[name];
    }
  }
  return next(args);
};

/** Python `int(text)` for the timeout options (ValueError text on failure, exit 255). */
function pythonInt(text: string): number {
  if (!/^\s*[+-]?\d+(_\d+)*\s*$/.test(text)) throw new CliError('general', `invalid literal for int() with base 10: '${text}'`);
  return Number(text.replace(/_/g, ''));
}

function readCaBundle(path: string, endpoint: string | undefined): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch (error) {
    throw new CliError('general', `SSL validation failed for ${endpoint ?? 'https://iam.amazonaws.com/'} ${(error as Error).message}`);
  }
}

/**
 * The body as received. A body cut off mid-stream is kept as far as it came, as urllib3 hands
 * botocore what it read: the CLI then reports it as unparsable XML (no retry), not as a
 * connection error.
 */
async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  try {
    for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  } catch {
    // cut off: keep what arrived
  }
  return Buffer.concat(chunks);
}

/** botocore's generic error answer: a 5xx whose body is empty or starts with `<html>`. */
function isGenericError(status: number, body: Buffer): boolean {
  if (status < 500) return false;
  const text = body.toString('utf8').trim();
  return text === '' || text.startsWith('<html>');
}

function isXml(body: Buffer): boolean {
  try {
    parseXml(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** Python's http.client.responses for the 5xx statuses a generic error can carry. */
const REASONS: Record<number, string> = {
  500: 'Internal Server Error', 501: 'Not Implemented', 502: 'Bad Gateway', 503: 'Service Unavailable',
  504: 'Gateway Timeout', 505: 'HTTP Version Not Supported', 506: 'Variant Also Negotiates',
  507: 'Insufficient Storage', 508: 'Loop Detected', 510: 'Not Extended', 511: 'Network Authentication Required',
};

/** Request members as the SDK takes them. */
function toSdkInput(params: ValueMap): Record<string, unknown> {
  const plain = (v: Value): unknown =>
    v instanceof Map ? Object.fromEntries([...v].map(([k, x]) => [k, plain(x)])) : Array.isArray(v) ? v.map(plain) : v;
  return plain(params) as Record<string, unknown>;
}

interface SdkError {
  name?: string;
  code?: string;
  message?: string;
  $fault?: string;
  $metadata?: { httpStatusCode?: number; attempts?: number };
  $response?: unknown;
}

/** Maps an SDK failure to the CLI's error class and message. */
interface ErrorAnswer {
  readonly body: Buffer;
  readonly status: number;
  /** ` (reached max retries: N)` when the last allowed attempt failed, else ''. */
  readonly suffix: string;
}

function toCliError(error: unknown, operationName: string, endpoint: string, answer?: ErrorAnswer): CliError {
  const e = error as SdkError;
  if (error instanceof CliError) return error;
  if (answer !== undefined) return serviceError(answer, operationName);
  if (e?.name === 'CredentialsProviderError' || /Could not load credentials/.test(e?.message ?? '')) {
    return new CliError(
      'no-credentials',
      'Unable to locate credentials. You can configure credentials by running "aws login".',
    );
  }
  const transport = transportError(error, endpoint);
  if (transport) return transport;
  if (e?.$metadata?.httpStatusCode !== undefined && e.$fault) {
    const code = e.name && e.name !== 'Error' ? e.name : 'Unknown';
    const message = e.message && e.message !== 'UnknownError' ? e.message : 'Unknown';
    return new CliError(
      'client',
      `An error occurred (${code}) when calling the ${operationName} operation: ${message}`,
      { code, message },
    );
  }
  return new CliError('general', e?.message ?? String(error));
}

/**
 * An error answer, read from the wire as botocore reads it: a generic 5xx (empty or HTML body)
 * is `(<status>)` with the status's reason phrase; otherwise Code and Message from the XML
 * (`Unknown` when missing). A body that is not XML was already reported by the middleware.
 */
function serviceError({ body, status, suffix }: ErrorAnswer, operationName: string): CliError {
  let code: string;
  let message: string;
  if (isGenericError(status, body)) {
    code = String(status);
    message = REASONS[status] ?? '';
  } else {
    let root;
    try {
      root = parseXml(body.toString('utf8'));
    } catch {
      return new CliError('general', unparsableResponseMessage(body));
    }
    const error = root.name === 'Error' ? root : root.children.find((c) => c.name === 'Error');
    const text = (name: string) => error?.children.find((c) => c.name === name)?.text;
    code = text('Code') || 'Unknown';
    message = text('Message') || 'Unknown';
  }
  const modeled = (modeledErrors[code] ?? []).filter((m) => m === 'message').map((m) => [m, message] as const);
  return new CliError('client', `An error occurred (${code}) when calling the ${operationName} operation${suffix}: ${message}`, {
    code,
    message,
    modeled,
  });
}
