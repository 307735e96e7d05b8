/**
 * botocore's client-side parameter validation, which the CLI runs before every request:
 * required and unknown members, types, and minimum lengths and values. Maximums, patterns and
 * enum values are left to the service, as the CLI leaves them.
 */
import type { OperationSpec } from '../model/operations.js';
import { CliError } from '../errors/cli-error.js';
import { pyStr } from '../value/python-repr.js';
import { PyFloat, type Value, type ValueMap } from '../value/value.js';

const PY_TYPE: (v: Value) => string = (v) =>
  v === null ? 'NoneType' : typeof v === 'string' ? 'str' : typeof v === 'boolean' ? 'bool' : typeof v === 'number' ? 'int' : v instanceof PyFloat ? 'float' : Array.isArray(v) ? 'list' : 'dict';

const VALID_TYPES: Record<string, string> = {
  string: "<class 'str'>",
  integer: "<class 'int'>",
  boolean: "<class 'bool'>",
  list: "<class 'list'>, <class 'tuple'>",
};

export function validateRequest(op: OperationSpec, request: ValueMap): void {
  const errors: string[] = [];
  for (const m of op.input) if (m.required && !request.has(m.name)) errors.push(`Missing required parameter in input: "${m.name}"`);
  const names = op.input.map((m) => m.name);
  for (const key of request.keys()) {
    if (!names.includes(key)) errors.push(`Unknown parameter in input: "${key}", must be one of: ${names.join(', ')}`);
  }
  for (const member of op.input) {
    if (!request.has(member.name)) continue;
    const value = request.get(member.name)!;
    checkValue(member.name, value, member.type, member.min, member.member, errors);
  }
  if (errors.length > 0) throw new CliError('param-validation', `Parameter validation failed:\n${errors.join('\n')}`);
}

function checkValue(name: string, value: Value, type: string, min: number | undefined, member: string | undefined, errors: string[]): void {
  const typeError = () =>
    errors.push(`Invalid type for parameter ${name}, value: ${pyStr(value)}, type: <class '${PY_TYPE(value)}'>, valid types: ${VALID_TYPES[type]}`);
  if (type === 'string') {
    if (typeof value !== 'string') return void typeError();
    if (min !== undefined && [...value].length < min) errors.push(`Invalid length for parameter ${name}, value: ${[...value].length}, valid min length: ${min}`);
  } else if (type === 'integer') {
    if (typeof value !== 'number') return void typeError();
    if (min !== undefined && value < min) errors.push(`Invalid value for parameter ${name}, value: ${value}, valid min value: ${min}`);
  } else if (type === 'boolean') {
    if (typeof value !== 'boolean') typeError();
  } else if (type === 'list') {
    if (!Array.isArray(value)) return void typeError();
    if (min !== undefined && value.length < min) errors.push(`Invalid length for parameter ${name}, value: ${value.length}, valid min length: ${min}`);
    value.forEach((item, i) => checkValue(`${name}[${i}]`, item, member ?? 'string', undefined, undefined, errors));
  }
}
