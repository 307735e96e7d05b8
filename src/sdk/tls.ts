/**
 * TLS as the CLI does it: a CA bundle (`--ca-bundle`, AWS_CA_BUNDLE, `ca_bundle`) is read only
 * when a request goes out over HTTPS, and refused as Python's ssl module refuses it; a failed
 * verification reads `SSL validation failed for <url> <reason>` with OpenSSL's and urllib3's
 * reasons; `--no-verify-ssl` warns as urllib3 warns, once.
 */
import { readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';

/** A TLS failure whose reason is already worded as the CLI words it. */
export class SslValidationError extends Error {}

/** The build-specific location Python's ssl module reports its errors from (the reference's). */
const SSL_C = { verify: '_ssl.c:992', load: '_ssl.c:4123' };

const ERRNO: Record<string, string> = {
  ENOENT: '[Errno 2] No such file or directory',
  EACCES: '[Errno 13] Permission denied',
  EISDIR: '[Errno 21] Is a directory',
};

/** The bundle's certificates, read once; a file with none is refused as OpenSSL refuses it. */
export function caBundleLoader(path: string): () => Buffer {
  let loaded: Buffer | undefined;
  return () => {
    if (loaded) return loaded;
    let bytes: Buffer;
    try {
      bytes = readFileSync(path);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? '';
      throw new SslValidationError(ERRNO[code] ?? (error as Error).message);
    }
    if (!hasCertificate(bytes)) {
      throw new SslValidationError(`[X509: NO_CERTIFICATE_OR_CRL_FOUND] no certificate or crl found (${SSL_C.load})`);
    }
    return (loaded = bytes);
  };
}

function hasCertificate(bytes: Buffer): boolean {
  const blocks = bytes.toString('latin1').match(/-----BEGIN CERTIFICATE-----[\s\S]*?-----END CERTIFICATE-----/g) ?? [];
  return blocks.some((pem) => {
    try {
      new X509Certificate(pem);
      return true;
    } catch {
      return false;
    }
  });
}

/** OpenSSL's verification failures, as Node names them (its messages are OpenSSL's own texts). */
const VERIFY_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID', 'CERT_REVOKED', 'CERT_UNTRUSTED', 'CERT_REJECTED', 'INVALID_CA',
  'CERT_SIGNATURE_FAILURE', 'CERT_CHAIN_TOO_LONG', 'PATH_LENGTH_EXCEEDED', 'INVALID_PURPOSE',
]);

interface TlsError {
  code?: string;
  message?: string;
  host?: string;
  cert?: { subjectaltname?: string; subject?: { CN?: string | string[] } };
}

/** The CLI's reason for a TLS failure, or undefined when `error` is not one. */
export function tlsFailureReason(error: unknown): string | undefined {
  if (error instanceof SslValidationError) return error.message;
  const e = error as TlsError | undefined;
  if (!e?.code) return undefined;
  if (VERIFY_CODES.has(e.code)) return `[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: ${e.message} (${SSL_C.verify})`;
  if (e.code === 'ERR_TLS_CERT_ALTNAME_INVALID') return hostnameMismatch(e.host ?? '', e.cert);
  return undefined;
}

/** urllib3's `match_hostname` message: the names it compared against, as Python reprs. */
function hostnameMismatch(host: string, cert: TlsError['cert']): string {
  const names = (cert?.subjectaltname ?? '')
    .split(', ')
    .filter(Boolean)
    .map((entry) => /^(DNS|IP Address):(.*)$/.exec(entry))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => m[2]);
  if (names.length === 0 && !(cert?.subjectaltname ?? '').includes('DNS:')) {
    const cn = cert?.subject?.CN;
    names.push(...(cn === undefined ? [] : Array.isArray(cn) ? cn : [cn]));
  }
  const repr = (s: string) => `'${s}'`;
  if (names.length > 1) return `hostname ${repr(host)} doesn't match either of ${names.map(repr).join(', ')}`;
  if (names.length === 1) return `hostname ${repr(host)} doesn't match ${repr(names[0])}`;
  return 'no appropriate commonName or subjectAltName fields were found';
}

/** urllib3's InsecureRequestWarning, as the reference's Python prints it (warnings.warn). */
export const insecureRequestWarning = (host: string): string =>
  `/usr/lib/python3/dist-packages/urllib3/connectionpool.py:1065: InsecureRequestWarning: Unverified HTTPS request is being made to host '${host}'. ` +
  'Adding certificate verification is strongly advised. See: https://urllib3.readthedocs.io/en/1.26.x/advanced-usage.html#ssl-warnings\n' +
  '  warnings.warn(\n';
