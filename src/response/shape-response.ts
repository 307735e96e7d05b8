/**
 * Turns a Query-protocol response body into the data the AWS CLI formats: members in model
 * order, only those present on the wire, lists from `<member>` elements, integers and booleans
 * converted, timestamps per `cli_timestamp_format`, blobs as the wire's base64 text, and IAM
 * policy documents (URL-encoded JSON) decoded into objects, as botocore's IAM handler does.
 */
import { shapes, type ShapeSpec } from '../model/operations.js';
import { parseJson } from '../value/json.js';
import { pyInt, pyStringRepr } from '../value/python-repr.js';
import { CliError } from '../errors/cli-error.js';
import type { Value, ValueMap } from '../value/value.js';
import { formatTimestamp, type TimestampFormat } from './timestamps.js';
import { childNamed, parseXml, type XmlElement } from './xml.js';

/** IAM marks every policy-document string with this shape name. */
const POLICY_DOCUMENT_SHAPE = 'policyDocumentType';

export interface ShapeOptions {
  readonly timestampFormat: TimestampFormat;
}

/** The response of `operationName` parsed from its XML body (ResponseMetadata left out). */
export function shapeResponse(body: string, operationName: string, outputShape: string, options: ShapeOptions): ValueMap {
  const root = parseXml(body);
  const result = childNamed(root, `${operationName}Result`);
  // botocore looks the wrapper up in a dict: a missing one is a KeyError, printed as its repr.
  if (!result) throw new CliError('general', `'${operationName}Result'`);
  return shapeStructure(result, shapes[outputShape] as StructureSpec, options);
}

type StructureSpec = Extract<ShapeSpec, { type: 'structure' }>;

function shapeStructure(element: XmlElement, spec: StructureSpec, options: ShapeOptions): ValueMap {
  const out: ValueMap = new Map();
  for (const [member, shapeName] of spec.members) {
    const child = childNamed(element, member);
    if (!child) continue;
    out.set(member, shapeValue(child, shapeName, options));
  }
  return out;
}

function shapeValue(element: XmlElement, shapeName: string, options: ShapeOptions): Value {
  const spec = shapes[shapeName];
  switch (spec.type) {
    case 'structure':
      return shapeStructure(element, spec, options);
    case 'list': {
      const items: Value[] = [];
      for (const c of element.children) if (c.name === 'member') items.push(shapeValue(c, spec.member, options));
      return items;
    }
    case 'map': {
      const out: ValueMap = new Map();
      for (const entry of element.children.filter((c) => c.name === 'entry')) {
        const key = childNamed(entry, 'key');
        const value = childNamed(entry, 'value');
        if (key) out.set(key.text, value ? shapeValue(value, spec.value, options) : null);
      }
      return out;
    }
    case 'boolean':
      return element.text === 'true';
    case 'integer':
    case 'long': {
      // botocore reads integers with Python's int(): exact, Unicode digits, or a ValueError.
      const n = pyInt(element.text);
      if (n === undefined) throw new CliError('general', `invalid literal for int() with base 10: ${pyStringRepr(element.text)}`);
      return n;
    }
    case 'timestamp':
      return formatTimestamp(element.text, options.timestampFormat);
    case 'blob':
      // The CLI's parser leaves blobs as the wire's base64 text: `QUJD\n` or `Q=UJD` print as sent.
      return element.text;
    default:
      return shapeName === POLICY_DOCUMENT_SHAPE ? decodePolicyDocument(element.text) : element.text;
  }
}

/** `json.loads(unquote(text))`, keeping the text when it is not JSON. */
export function decodePolicyDocument(text: string): Value {
  try {
    return parseJson(pythonUnquote(text));
  } catch {
    return text;
  }
}

/** Python's `urllib.parse.unquote`: %XX sequences as UTF-8 bytes, invalid bytes replaced. */
function pythonUnquote(text: string): string {
  if (!text.includes('%')) return text;
  return text.replace(/(?:%[0-9a-fA-F]{2})+/g, (run) => {
    const bytes = Buffer.from(run.replace(/%/g, ''), 'hex');
    // ignoreBOM: a leading U+FEFF is part of the text (json.loads then refuses it, as Python does).
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  });
}
