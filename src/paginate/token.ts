/**
 * NextToken strings as botocore writes and reads them, so a token printed by `aws` resumes in
 * aws-iam and the other way round: base64 of Python `json.dumps` text (`", "` and `": "`
 * separators, non-ASCII as `\uXXXX`), `Marker` first, `boto_truncate_amount` last.
 */
import { dumpJson, parseJson } from '../value/json.js';
import type { Value, ValueMap } from '../value/value.js';

/** A failure Python raises outside the paginator's own error handling (exit 255). */
export class TokenError extends Error {}

export const encodeToken = (token: ValueMap): string =>
  Buffer.from(dumpJson(token), 'utf8').toString('base64');

export interface DecodedToken {
  /** Request members to set (a null value, or the string 'None', removes the member). */
  readonly params: ValueMap;
  /** `boto_truncate_amount`: how many items of the first page were already printed. */
  readonly skip: Value;
}

const PY_TYPE_NAMES: Record<string, string> = {
  string: 'str', number: 'int', boolean: 'bool',
};

/** Decodes `--starting-token` exactly as botocore does, including its legacy `a___1` form. */
export function decodeToken(token: string, inputTokens: readonly string[] = ['Marker']): DecodedToken {
  const decoded = tryDecodeJson(token);
  if (decoded instanceof Map) {
    const params = new Map(decoded);
    params.delete('boto_encoded_keys');
    let skip: Value = 0;
    if (params.has('boto_truncate_amount')) {
      skip = params.get('boto_truncate_amount')!;
      params.delete('boto_truncate_amount');
    }
    return { params, skip };
  }
  if (decoded !== undefined && !Array.isArray(decoded)) {
    // dict.pop on a str/int/... raises AttributeError, which botocore does not catch.
    const typeName = decoded === null ? 'NoneType' : decoded instanceof Object ? 'float' : PY_TYPE_NAMES[typeof decoded];
    throw new TokenError(`'${typeName}' object has no attribute 'pop'`);
  }
  return decodeLegacyToken(token, inputTokens);
}

/** base64 → UTF-8 → JSON; undefined where Python raises ValueError/TypeError. */
function tryDecodeJson(token: string): Value | undefined {
  // Python's b64decode drops characters outside the alphabet but insists on correct padding.
  const cleaned = token.replace(/[^A-Za-z0-9+/=]/g, '');
  const body = cleaned.replace(/=[\s\S]*$/, '');
  const padding = /^=*/.exec(cleaned.slice(body.length))![0].length;
  const rest = body.length % 4;
  if (rest === 1 || (rest > 0 && padding < 4 - rest)) return undefined;
  if (cleaned.length > body.length + padding) return undefined; // data after the padding
  const bytes = Buffer.from(body, 'base64');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
  try {
    return parseJson(text);
  } catch {
    return undefined;
  }
}

function decodeLegacyToken(token: string, inputTokens: readonly string[]): DecodedToken {
  let parts = token.split('___');
  let skip: Value = 0;
  if (parts.length === inputTokens.length + 1) {
    const last = parts[parts.length - 1].trim();
    if (/^[+-]?\d+(_\d+)*$/.test(last)) {
      skip = Number(last.replace(/_/g, ''));
      parts = parts.slice(0, -1);
    } else {
      parts = [token];
    }
  }
  if (parts.length > inputTokens.length) throw new TokenError(`Bad starting token: ${token}`);
  const params = new Map<string, Value>();
  inputTokens.forEach((name, i) => {
    const part = parts[i];
    params.set(name, part === undefined || part === 'None' ? null : part);
  });
  return { params, skip };
}
