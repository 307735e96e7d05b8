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
import { isUtf8 } from 'node:buffer';
import { Agent as HttpsAgent, type AgentOptions } from 'node:https';
import type { Socket } from 'node:net';
import { Readable } from 'node:stream';
import type { Settings } from '../config/settings.js';
import { CliError } from '../errors/cli-error.js';
import type { Value, ValueMap } from '../value/value.js';
import { credentialChain, realCredentialDeps } from './credentials.js';
// For `across`, which resolves each account's credentials before any IAM call.
export { credentialChain, realCredentialDeps };
import { showSdkSharedFiles } from './sdk-shared-files.js';
import { parseXml } from '../response/xml.js';
import { modeledErrors } from '../model/operations.js';
import { readErrorAnswer } from './error-body.js';
import { retryPlan, retrySuffix, type RetryBackoff } from './retry-strategy.js';
import { connectionFailure } from './transport-errors.js';
import { genericErrorMessage, isGenericError } from './generic-error.js';
import { caBundleLoader, insecureRequestWarning, tlsFailureReason } from './tls.js';
import { unparsableResponseMessage } from './xml-parse-error.js';
import { checkEndpointUrl, checkEndpointVariant, checkRegion, checkRequestScheme, normalizedEndpoint, requestUrlOf } from './endpoint.js';
import type { AwsCredentialIdentityProvider } from '@smithy/types';

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
  /** Where warnings go (stderr): urllib3's InsecureRequestWarning for `--no-verify-ssl`. */
  readonly warn?: (text: string) => void;
  /** Tests only: what sends the HTTP requests in place of the network. */
  readonly requestHandler?: NodeHttpHandler;
}

/** Sends one request and returns the raw XML body of the successful response. */
export type SendRequest = (operationName: string, params: ValueMap) => Promise<string>;

const DEFAULT_TIMEOUT_SECONDS = 60;

export function createSender(settings: Settings, connection: ConnectionOptions): SendRequest {
  // What botocore checks first when it creates the client: the region's form.
  checkRegion(settings.region);
  // Every setting the SDK needs is passed to it: it must not read the shared files itself.
  showSdkSharedFiles(process.env);
  const seconds = (v: string | undefined) => {
    const n = v === undefined ? DEFAULT_TIMEOUT_SECONDS : pythonInt(v);
    return n === 0 ? 0 : n * 1000;
  };
  const readTimeout = seconds(connection.readTimeout);
  const connectTimeout = seconds(connection.connectTimeout);
  // The CA bundle is read when the first HTTPS request goes out, and only then.
  const caBundle = settings.caBundle ? caBundleLoader(settings.caBundle) : undefined;
  const httpHandler = (verify: boolean, nameFailures: boolean, timeouts: { connectionTimeout?: number; socketTimeout?: number }) =>
    new CliHttpHandler(
      { ...timeouts, httpsAgent: new HttpsAgentWithBundle({ keepAlive: true, rejectUnauthorized: verify }, caBundle) },
      caBundle,
      nameFailures,
    );
  // STS and SSO calls made for credentials (assume-role, with the MFA code) get a handler of
  // their own: `--no-verify-ssl` and the --cli-*-timeout options are the IAM client's only.
  const credentials: AwsCredentialIdentityProvider = connection.signRequest
    ? connection.credentials ??
      credentialChain(
        settings.profileName,
        settings.profileFromCommandLine,
        realCredentialDeps({
          region: settings.region,
          useFipsEndpoint: settings.useFipsEndpoint,
          useDualstackEndpoint: settings.useDualstackEndpoint,
          requestHandler: connection.requestHandler ?? httpHandler(true, true, {}),
          debug: connection.debug,
        }),
      )
    : async () => ({ accessKeyId: '', secretAccessKey: '' });
  // The CLI resolves credentials when it creates the client: a broken source is reported
  // before the client's own checks; none at all only when the request is signed.
  const lookUpCredentials = async () => {
    if (!connection.signRequest) return;
    await Promise.resolve(credentials()).catch((error) => {
      if (!(error instanceof CliError && error.errorClass === 'no-credentials')) throw error;
    });
  };
  // An empty region (`region =` in the config) is a region: IAM's global endpoint signs for us-east-1.
  if (settings.endpointUrl !== undefined && settings.region === undefined) {
    return async () => {
      await lookUpCredentials();
      throw new CliError('no-region', 'You must specify a region. You can also configure your region by running "aws configure".');
    };
  }
  // Then, still before any request, the endpoint as configured and as botocore's data allows.
  let clientChecked = false;
  let warnedInsecure = false;
  const checkClient = async () => {
    if (clientChecked) return;
    await lookUpCredentials();
    if (settings.endpointUrl !== undefined) checkEndpointUrl(settings.endpointUrl);
    checkEndpointVariant(settings.region, settings.useFipsEndpoint, settings.useDualstackEndpoint);
    clientChecked = true;
  };
  const retry = retryPlan(settings, connection.retryBackoff);
  const client = new IAMClient({
    // IAM is global: the CLI signs for us-east-1 when no region is configured.
    region: settings.region || 'us-east-1',
    endpoint: settings.endpointUrl,
    // A configured endpoint is used as it is: botocore then ignores FIPS and dual-stack.
    useFipsEndpoint: settings.endpointUrl === undefined && settings.useFipsEndpoint,
    useDualstackEndpoint: settings.endpointUrl === undefined && settings.useDualstackEndpoint,
    credentials,
    retryStrategy: retry.strategy,
    streamCollector: collectNodeStream,
    requestHandler:
      connection.requestHandler ??
      // The CLI's read timeout limits each wait for data (urllib3), not the whole exchange:
      // the handler's socket inactivity timeout is that.
      httpHandler(connection.verifySsl, false, { connectionTimeout: connectTimeout, socketTimeout: readTimeout }),
  });

  return async (operationName, params) => {
    const Command = IAM_COMMANDS[operationName];
    if (!Command) throw new CliError('general', `aws-iam does not send ${operationName}`);
    const command = new Command(toSdkInput(params));
    let body: string | undefined;
    let errorBody: Buffer | undefined;
    let errorStatus = 0;
    // The URL the endpoint rules chose, for the CLI's messages about it.
    let url = settings.endpointUrl && normalizedEndpoint(settings.endpointUrl);
    command.middlewareStack.add(
      (next) => async (args) => {
        url = settings.endpointUrl !== undefined ? normalizedEndpoint(settings.endpointUrl) : requestUrlOf(args.request as never);
        const { protocol, hostname } = args.request as { protocol?: string; hostname?: string };
        if (!connection.verifySsl && protocol === 'https:' && !warnedInsecure) {
          warnedInsecure = true;
          connection.warn?.(insecureRequestWarning(hostname ?? ''));
        }
        return next(args);
      },
      { step: 'finalizeRequest', priority: 'high', name: 'awsIamRequestUrl' },
    );
    command.middlewareStack.add(
      (next) => async (args) => {
        // Runs once per attempt: only the last attempt's answer decides the message.
        errorBody = undefined;
        // After signing, before sending: where botocore's HTTP client refuses other schemes.
        checkRequestScheme(args.request as never);
        const result = await next(args).catch((error: unknown) => {
          // botocore retries an SSL failure like a dropped connection (the SDK would not).
          if (tlsFailureReason(error) !== undefined) Object.assign(error as object, { $retryable: {} });
          throw error;
        });
        const response = result.response as { statusCode: number; body: Readable };
        const raw = await readAll(response.body);
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        if (ok) {
          // expat refuses bytes that are not UTF-8 (botocore decodes as UTF-8); text decoding
          // would replace them silently.
          if (!isUtf8(raw)) throw new CliError('general', unparsableResponseMessage(raw));
          body = raw.toString('utf8');
        } else {
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
    // Inside the retry middleware: the SDK classifies a service error by its exception's name,
    // botocore by the code on the wire. IAM's `LimitExceeded` becomes the SDK's
    // LimitExceededException, which the SDK counts as throttling and retries; botocore's
    // throttling codes do not include `LimitExceeded`. Naming the error by its wire code makes
    // the SDK decide as botocore does.
    command.middlewareStack.add(
      (next) => async (args) => {
        try {
          return await next(args);
        } catch (error) {
          const code = errorBody && wireErrorCode(errorBody);
          if (code && error instanceof Error) error.name = code;
          throw error;
        }
      },
      { step: 'finalizeRequest', priority: 'low', name: 'awsIamWireErrorCode' },
    );
    if (!connection.signRequest) command.middlewareStack.add(dropSignature, UNSIGNED);
    try {
      await checkClient();
      await client.send(command);
    } catch (error) {
      const attempts = (error as SdkError)?.$metadata?.attempts;
      const suffix = retrySuffix(attempts, retry.maxAttempts);
      throw toCliError(error, operationName, url ?? 'https://iam.amazonaws.com', errorBody && { body: errorBody, status: errorStatus, suffix });
    }
    return body ?? '';
  };
}

/**
 * The SDK's HTTP handler, with the CLI's CA bundle rule: the bundle is read (and refused, if it
 * must be) when an HTTPS request is about to go out, and never for plain HTTP. With
 * `nameFailures`, each failure names the URL of its request: the CLI's messages about the STS
 * calls made for credentials name STS's URL, not IAM's.
 */
class CliHttpHandler extends NodeHttpHandler {
  constructor(
    options: ConstructorParameters<typeof NodeHttpHandler>[0],
    private readonly caBundle: (() => Buffer) | undefined,
    private readonly nameFailures: boolean,
  ) {
    super(options);
  }
  override async handle(...args: Parameters<NodeHttpHandler['handle']>) {
    try {
      if (args[0].protocol === 'https:') this.caBundle?.();
      return await super.handle(...args);
    } catch (error) {
      if (this.nameFailures && error && typeof error === 'object') Object.assign(error, { $requestUrl: requestUrlOf(args[0]) });
      throw error;
    }
  }
}

/** An HTTPS agent whose connections trust the CA bundle (which CliHttpHandler has read by then). */
class HttpsAgentWithBundle extends HttpsAgent {
  constructor(options: AgentOptions, private readonly caBundle?: () => Buffer) {
    super(options);
  }
  override createConnection(options: never, callback: never) {
    return super.createConnection(this.caBundle ? { ...(options as object), ca: this.caBundle() } : options, callback);
  }
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

/**
 * The body as received, failing as urllib3 (which botocore reads through) fails. A body shorter
 * than its Content-Length is handed over as far as it came when the server closed the
 * connection cleanly (FIN): the CLI then reports unparsable XML, without retrying. A reset
 * connection, a chunked body that ends without its last chunk, and a read timeout are
 * connection errors, which botocore retries: they are rethrown as errors the SDK's strategy
 * retries (a timeout as itself, the others as ECONNRESET) and transport-errors.ts words.
 */
export async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const message = stream as Readable & { socket?: Socket | null; headers?: Record<string, unknown>; complete?: boolean };
  const socket = message.socket;
  const cutShort = () => {
    const chunked = /chunked/i.test(String(message.headers?.['transfer-encoding'] ?? ''));
    const closedCleanly = socket != null && !socket.errored && socket.readableEnded;
    if (chunked || !closedCleanly) throw Object.assign(new Error('connection closed mid-body'), { code: 'ECONNRESET' });
  };
  try {
    for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  } catch (error) {
    if ((error as Error)?.name === 'TimeoutError') throw error;
    cutShort();
    return Buffer.concat(chunks);
  }
  // A response destroyed without an error (its request torn down as the socket failed) ends
  // the loop quietly; whether all of it came is the message's own record.
  if (message.complete === false) cutShort();
  return Buffer.concat(chunks);
}

/**
 * The SDK's reader of the bodies the raw-body middleware hands it, which are always Node
 * streams. The SDK's own first asks whether a body is a web ReadableStream, and reading that
 * global makes Node load its web streams: ~3 ms of every call, for nothing.
 */
async function collectNodeStream(stream: Readable): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk));
  return new Uint8Array(Buffer.concat(chunks));
}

function isXml(body: Buffer): boolean {
  if (!isUtf8(body)) return false;
  try {
    parseXml(body.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

/** The `Code` of an XML error answer, if it has one. */
function wireErrorCode(body: Buffer): string | undefined {
  try {
    const code = readErrorAnswer(parseXml(body.toString('utf8')), () => undefined).code;
    return code ?? undefined;
  } catch {
    return undefined;
  }
}

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
  const connection = connectionFailure(error, endpoint);
  if (connection) return connection;
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
 * (error-body.ts: `Unknown` when missing, `None` when empty). A body that is not XML was
 * already reported by the middleware.
 */
function serviceError({ body, status, suffix }: ErrorAnswer, operationName: string): CliError {
  if (isGenericError(status, body)) {
    const code = String(status);
    const message = genericErrorMessage(status);
    return new CliError('client', `An error occurred (${code}) when calling the ${operationName} operation${suffix}: ${message}`, {
      code,
      message,
      fields: [['Code', code], ['Message', message]],
    });
  }
  let root;
  try {
    root = parseXml(body.toString('utf8'));
  } catch {
    return new CliError('general', unparsableResponseMessage(body));
  }
  const answer = readErrorAnswer(root, (code) => modeledErrors[code]);
  const said = (v: string | null | undefined) => (v === undefined ? 'Unknown' : v === null ? 'None' : v);
  const code = said(answer.code);
  const message = said(answer.message);
  return new CliError('client', `An error occurred (${code}) when calling the ${operationName} operation${suffix}: ${message}`, {
    code,
    message,
    fields: answer.fields,
  });
}
