/**
 * `--generate-cli-skeleton output`: the CLI stubs the client with a sample response built by
 * botocore's ArgumentGenerator (member names as strings, 0, True, the epoch as a `datetime`,
 * one element per list, None for blobs) and the stubber validates that sample against the
 * output shape before the call. Many IAM samples fail that check (ids shorter than their
 * minimum length, blobs that are None); the CLI then reports a ParamValidation error.
 */
import { shapes, type ShapeSpec } from '../model/operations.js';
import { CliError } from '../errors/cli-error.js';
import { PyFloat, type Value, type ValueMap } from '../value/value.js';

/**
 * The sample's `datetime(1970, 1, 1)` as the CLI prints it: `isoformat()` in JSON (and in a
 * YAML document that is a bare scalar, which is written as JSON), `str()` in text and table,
 * and a plain YAML timestamp inside YAML documents.
 */
export const EPOCH_ISO = '1970-01-01T00:00:00';
export const EPOCH_STR = '1970-01-01 00:00:00';

/** botocore's ArgumentGenerator(use_member_names=True) over a shape. */
export function sampleValue(shapeName: string, timestamp: string, name = '', stack: string[] = []): Value {
  const shape = shapes[shapeName];
  stack.push(shapeName);
  try {
    switch (shape.type) {
      case 'structure': {
        const sample: ValueMap = new Map();
        if (stack.filter((s) => s === shapeName).length > 1) return sample;
        for (const [member, memberShape] of shape.members) sample.set(member, sampleValue(memberShape, timestamp, member, stack));
        return sample;
      }
      case 'list':
        return [sampleValue(shape.member, timestamp, shape.member, stack)];
      case 'map':
        return new Map([['KeyName', sampleValue(shape.value, timestamp, '', stack)]]);
      case 'string':
        return name;
      case 'integer':
      case 'long':
        return 0;
      case 'float':
      case 'double':
        return new PyFloat(0);
      case 'boolean':
        return true;
      case 'timestamp':
        return timestamp;
      default:
        return null; // blobs: the generator has no placeholder for them
    }
  } finally {
    stack.pop();
  }
}

/** botocore's ParamValidator over a generated sample: the errors it reports, in its order. */
export function sampleErrors(shapeName: string, value: Value, path = '', errors: string[] = []): string[] {
  const shape: ShapeSpec = shapes[shapeName];
  const min = 'min' in shape ? shape.min : undefined;
  switch (shape.type) {
    case 'structure':
      for (const [member, memberShape] of shape.members) {
        const memberValue = (value as ValueMap).get(member);
        if (memberValue !== undefined) sampleErrors(memberShape, memberValue, path ? `${path}.${member}` : member, errors);
      }
      break;
    case 'list':
      if (min !== undefined && (value as Value[]).length < min) errors.push(`Invalid length for parameter ${path}, value: ${(value as Value[]).length}, valid min length: ${min}`);
      (value as Value[]).forEach((item, i) => sampleErrors(shape.member, item, `${path}[${i}]`, errors));
      break;
    case 'map':
      for (const [key, item] of value as ValueMap) sampleErrors(shape.value, item, `${path}.${key}`, errors);
      break;
    case 'string': {
      const length = [...(value as string)].length;
      if (min !== undefined && length < min) errors.push(`Invalid length for parameter ${path}, value: ${length}, valid min length: ${min}`);
      break;
    }
    case 'integer':
    case 'long':
      if (min !== undefined && (value as number) < min) errors.push(`Invalid value for parameter ${path}, value: ${value}, valid min value: ${min}`);
      break;
    case 'blob':
      if (value === null) {
        errors.push(`Invalid type for parameter ${path}, value: None, type: <class 'NoneType'>, valid types: <class 'bytes'>, <class 'bytearray'>, file-like object`);
      }
      break;
  }
  return errors;
}

/** The sample response as the chosen output format needs it, and its final touch on the text. */
export interface SampleResponse {
  readonly response: ValueMap;
  /** YAML writes the epoch inside documents as a plain timestamp, not a quoted string. */
  rewrite(text: string): string;
}

const YAML_FORMATS = new Set(['yaml', 'yaml-stream']);

/** Throws the stubber's ParamValidation error when the sample does not fit its own shape. */
export function checkSample(outputShape: string): void {
  const errors = sampleErrors(outputShape, sampleValue(outputShape, EPOCH_ISO));
  if (errors.length > 0) throw new CliError('param-validation', `Parameter validation failed:\n${errors.join('\n')}`);
}

export function sampleResponse(outputShape: string, formatName: string): SampleResponse {
  const yaml = YAML_FORMATS.has(formatName);
  const timestamp = formatName === 'text' || formatName === 'table' ? EPOCH_STR : EPOCH_ISO;
  return {
    response: sampleValue(outputShape, timestamp) as ValueMap,
    rewrite: (text) => (yaml ? text.replaceAll(`'${EPOCH_ISO}'`, EPOCH_STR) : text),
  };
}
