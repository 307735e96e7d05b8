/**
 * A Python object that a YAML document can produce but the Value model has no place for
 * (`datetime.date`, `datetime.datetime`, `bytes`, `set`). No IAM List member accepts one, so
 * all the CLI ever does with it is name it in a validation error: its type and its `str()`.
 * It is a (always empty) map so that it travels through the request as a Value.
 */
import { pyStr, pyStringRepr } from '../value/python-repr.js';
import { PyFloat, type Value } from '../value/value.js';

export class PyObject extends Map<string, Value> {
  constructor(
    /** `datetime.date`, `bytes`, … as `type(x)` prints it inside `<class '…'>`. */
    readonly pyType: string,
    /** `str(x)`. */
    readonly text: string,
    /** `repr(x)`, as it appears inside a list or dict. */
    readonly repr: string = text,
  ) {
    super();
  }
}

/** `type(x)`, as Python prints it inside `<class '…'>`. */
export function pyTypeName(value: Value): string {
  if (value instanceof PyObject) return value.pyType;
  if (value === null) return 'NoneType';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return 'int';
  if (value instanceof PyFloat) return 'float';
  return Array.isArray(value) ? 'list' : 'dict';
}

/** `str(x)`, as validation errors print a value. */
export function pyText(value: Value): string {
  if (value instanceof PyObject) return value.text;
  return Array.isArray(value) || value instanceof Map ? reprWithObjects(value) : pyStr(value);
}

/** `repr(x)` where containers may hold PyObjects. */
function reprWithObjects(value: Value): string {
  if (value instanceof PyObject) return value.repr;
  if (Array.isArray(value)) return `[${value.map(reprWithObjects).join(', ')}]`;
  if (value instanceof Map) return `{${[...value].map(([k, v]) => `${pyStringRepr(k)}: ${reprWithObjects(v)}`).join(', ')}}`;
  return typeof value === 'string' ? pyStringRepr(value) : pyStr(value);
}
