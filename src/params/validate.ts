/**
 * botocore's client-side parameter validation, which the CLI runs before every request:
 * required and unknown members, types, and minimum lengths and values. Maximums, patterns and
 * enum values are left to the service, as the CLI leaves them.
 */
import { shapes, type OperationSpec } from '../model/operations.js';
import { CliError } from '../errors/cli-error.js';
import type { Value, ValueMap } from '../value/value.js';
import { PyObject, pyText, pyTypeName } from './py-object.js';
import { NON_STRING_KEY } from './yaml-input-error.js';

const VALID_TYPES: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  boolean: "<class 'bool'>",
  list: "<class 'list'>, <class 'tuple'>",
};

export function validateRequest(op: OperationSpec, request: ValueMap): void {
  // Python passes the request as keyword arguments before botocore sees it.
  if ([...request.keys()].some((key) => key.startsWith(NON_STRING_KEY))) throw new CliError('general', 'keywords must be strings');
  const errors: string[] = [];
  for (const m of op.input) if (m.required && !request.has(m.name)) errors.push(`Missing required parameter in input: "${m.name}"`);
  const names = op.input.map((m) => m.name);
  // botocore reports unknown parameters first, then checks the known ones; both in the
  // parameters' order (flags first, then --cli-input-* keys).
  for (const key of request.keys()) {
    if (!names.includes(key)) errors.push(`Unknown parameter in input: "${key}", must be one of: ${names.join(', ')}`);
  }
  for (const [key, value] of request) {
    const member = op.input.find((m) => m.name === key);
    if (member) checkValue(member.name, value, member.type, member.min, member.member, errors, listElementMin(op, member.name));
  }
  if (errors.length > 0) throw new CliError('param-validation', `Parameter validation failed:\n${errors.join('\n')}`);
}

function checkValue(
  name: string,
  value: Value,
  type: string,
  min: number | undefined,
  member: string | undefined,
  errors: string[],
  elementMin?: number,
): void {
  const typeError = () =>
    errors.push(`Invalid type for parameter ${name}, value: ${pyText(value)}, type: <class '${pyTypeName(value)}'>, valid types: ${VALID_TYPES[type]}`);
  if (type === 'string') {
    if (typeof value !== 'string') return void typeError();
    if (min !== undefined && codePoints(value) < min) errors.push(`Invalid length for parameter ${name}, value: ${codePoints(value)}, valid min length: ${min}`);
  } else if (type === 'integer') {
    // Python's bool is an int: botocore lets True and False through as integers.
    if (typeof value !== 'number' && typeof value !== 'boolean') return void typeError();
    if (min !== undefined && Number(value) < min) errors.push(`Invalid value for parameter ${name}, value: ${pyText(value)}, valid min value: ${min}`);
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') typeError();
  } else if (type === 'list') {
    if (!Array.isArray(value) || value instanceof PyObject) return void typeError();
    if (min !== undefined && value.length < min) errors.push(`Invalid length for parameter ${name}, value: ${value.length}, valid min length: ${min}`);
    value.forEach((item, i) => checkValue(`${name}[${i}]`, item, member ?? 'string', elementMin, undefined, errors));
  }
}

/** A list member's element minimum length (ServiceNamespaces' elements: 1), from the model. */
function listElementMin(op: OperationSpec, memberName: string): number | undefined {
  const request = shapes[`${op.name}Request`];
  const listName = request?.type === 'structure' ? request.members.find(([name]) => name === memberName)?.[1] : undefined;
  const list = listName ? shapes[listName] : undefined;
  const element = list?.type === 'list' ? shapes[list.member] : undefined;
  return element && 'min' in element ? element.min : undefined;
}

/** len() of a Python str: code points, counted without copying a long value into an array. */
function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++, n++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) i++;
    }
  }
  return n;
}
