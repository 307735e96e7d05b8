/**
 * `--cli-input-yaml` documents loaded as the CLI loads them: ruamel.yaml's pure-Python safe
 * loader, YAML 1.2 unless the document says `%YAML 1.1`. The `yaml` package reads the syntax
 * (every scalar as a string, with its style and tag); this module then resolves and constructs
 * the values the way ruamel does: its implicit resolvers (`012` is 12, `1_000` is 1000, `1e3`
 * a float, `yes` a string), merge keys, duplicate keys refused, and unknown tags refused.
 * Anything ruamel would reject becomes a YamlInputError ("Invalid YAML received.").
 */
import type { Document, Node, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { pyBytesRepr, pyFloatRepr, pyStringRepr } from '../value/python-repr.js';
import { CliError } from '../errors/cli-error.js';
import { PyFloat, type Value, type ValueMap } from '../value/value.js';
import { PyObject } from './py-object.js';
import { NON_STRING_KEY, YamlInputError } from './yaml-input-error.js';

export { YamlInputError };

type Version = '1.1' | '1.2';
const TAG = 'tag:yaml.org,2002:';

const RESOLVERS: Record<Version, readonly (readonly [string, RegExp])[]> = {
  '1.2': [
    ['bool', /^(?:true|True|TRUE|false|False|FALSE)$/],
    ['float', /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
    ['int', /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/],
  ],
  '1.1': [
    ['bool', /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/],
    ['float', /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/],
    ['int', /^(?:[-+]?0b[0-1_]+|[-+]?0?[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/],
  ],
};
/** Resolvers both versions share, tried after the version's own (ruamel's list order). */
const COMMON: readonly (readonly [string, RegExp])[] = [
  ['merge', /^<<$/],
  ['null', /^(?:~|null|Null|NULL|)$/],
  ['timestamp', /^(?:[0-9]{4}-[0-9]{2}-[0-9]{2}|[0-9]{4}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9]{2}:[0-9]{2}(?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9]{2})?))?)$/],
  ['value', /^=$/],
];
/** ruamel looks resolvers up by the scalar's first character. */
const FIRST_CHARS: Record<string, string> = {
  bool: 'yYnNtTfFoO',
  float: '-+0123456789.',
  int: '-+0123456789',
  merge: '<',
  null: '~nN',
  timestamp: '0123456789',
  value: '=',
};

export function resolvePlain(text: string, version: Version): string {
  for (const [tag, pattern] of [...RESOLVERS[version], ...COMMON]) {
    const first = text === '' ? '' : text[0];
    if (first === '' ? tag !== 'null' : !FIRST_CHARS[tag].includes(first)) continue;
    if (pattern.test(text)) return tag;
  }
  return 'str';
}

export function constructInt(text: string, version: Version): number {
  let s = text.replace(/_/g, '');
  const sign = s[0] === '-' ? -1n : 1n;
  if ('+-'.includes(s[0])) s = s.slice(1);
  // Python's int() on an explicitly tagged non-number: a ValueError the CLI does not catch.
  const invalid = (digits: string, radix: number) => new CliError('general', `invalid literal for int() with base ${radix}: ${pyStringRepr(digits)}`);
  const big = (digits: string, radix: number) => {
    if (digits === '' || [...digits].some((d) => Number.isNaN(parseInt(d, radix)))) throw invalid(digits, radix);
    return [...digits].reduce((n, d) => n * BigInt(radix) + BigInt(parseInt(d, radix)), 0n);
  };
  let n: bigint;
  if (s === '0') n = 0n;
  else if (s.startsWith('0b')) n = big(s.slice(2), 2);
  else if (s.startsWith('0x')) n = big(s.slice(2), 16);
  else if (s.startsWith('0o')) n = big(s.slice(2), 8);
  else if (version === '1.1' && s[0] === '0') n = big(s, 8);
  else if (version === '1.1' && s.includes(':')) n = s.split(':').reduce((acc, part) => acc * 60n + BigInt(part), 0n);
  else n = big(s, 10);
  return Number(sign * n);
}

export function constructFloat(text: string, version: Version): PyFloat {
  let s = text.replace(/_/g, '').toLowerCase();
  const sign = s[0] === '-' ? -1 : 1;
  if ('+-'.includes(s[0])) s = s.slice(1);
  if (s === '.inf') return new PyFloat(sign * Infinity);
  if (s === '.nan') return new PyFloat(NaN);
  if (version === '1.1' && s.includes(':')) return new PyFloat(sign * s.split(':').reduce((acc, part) => acc * 60 + Number(part), 0));
  const number = Number(s);
  if (s.trim() === '' || Number.isNaN(number)) throw new CliError('general', `could not convert string to float: ${pyStringRepr(s)}`);
  return new PyFloat(sign * number);
}

const pad = (n: number | string, width = 2) => String(n).padStart(width, '0');

/** ruamel's timestamp: a `datetime.date`, or a naive `datetime.datetime` moved to UTC. */
export function constructTimestamp(text: string): PyObject {
  const m = /^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?)?$/.exec(text);
  if (!m) throw new YamlInputError('bad timestamp');
  const [, y, mo, d, h, mi, s, frac, tz, tzSign, tzH, tzM] = m;
  if (h === undefined) return new PyObject('datetime.date', `${y}-${pad(mo)}-${pad(d)}`, `datetime.date(${Number(y)}, ${Number(mo)}, ${Number(d)})`);
  const micro = Number(((frac ?? '') + '000000').slice(0, 6));
  let ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
  if (tz && tz !== 'Z') ms -= (tzSign === '-' ? -1 : 1) * (Number(tzH) * 60 + Number(tzM ?? 0)) * 60_000;
  const t = new Date(ms);
  const date = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
  const time = `${pad(t.getUTCHours())}:${pad(t.getUTCMinutes())}:${pad(t.getUTCSeconds())}`;
  const fields = [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate(), t.getUTCHours(), t.getUTCMinutes()];
  // repr leaves out trailing zero seconds and microseconds.
  if (micro) fields.push(t.getUTCSeconds(), micro);
  else if (t.getUTCSeconds()) fields.push(t.getUTCSeconds());
  return new PyObject('datetime.datetime', `${date} ${time}${micro ? `.${pad(micro, 6)}` : ''}`, `datetime.datetime(${fields.join(', ')})`);
}

/** The `str()` Python gives a key when naming it in "Unknown parameter" errors. */
function keyText(key: Value): string {
  if (typeof key === 'string') return key;
  if (key === null) return 'None';
  if (typeof key === 'boolean') return key ? 'True' : 'False';
  if (typeof key === 'number') return String(key);
  if (key instanceof PyFloat) return pyFloatRepr(key.value);
  if (key instanceof PyObject) return key.text;
  throw new YamlInputError('found unhashable key');
}

interface MapKey {
  readonly text: string;
  readonly merged: boolean;
  readonly isString: boolean;
}

class Constructor {
  constructor(
    private readonly yaml: typeof import('yaml'),
    private readonly doc: Document,
    private readonly version: Version,
  ) {}

  value(node: unknown): Value {
    const y = this.yaml;
    if (node === null || node === undefined) return null;
    if (y.isAlias(node)) return this.value(node.resolve(this.doc));
    if (y.isScalar(node)) return this.scalar(node as Scalar);
    if (y.isMap(node)) return this.map(node as YAMLMap);
    if (y.isSeq(node)) return this.seq(node as YAMLSeq);
    throw new YamlInputError('unexpected node');
  }

  private tagOf(node: Node, fallback: string): string {
    const tag = node.tag;
    if (!tag || tag === '!') return fallback;
    if (!tag.startsWith(TAG)) throw new YamlInputError(`could not determine a constructor for the tag ${tag}`);
    return tag.slice(TAG.length);
  }

  private scalar(node: Scalar): Value {
    // A tag the `yaml` package knows may already be applied to `value`; `source` is the text.
    const text = node.source ?? (node.value === null || node.value === undefined ? '' : String(node.value));
    const implicit = node.type === 'PLAIN' || node.type === undefined ? resolvePlain(text, this.version) : 'str';
    const tag = this.tagOf(node, implicit);
    switch (tag) {
      case 'str':
        return text;
      case 'null':
        return null;
      case 'bool':
        return /^(?:true|yes|on|y)$/i.test(text);
      case 'int':
        return constructInt(text, this.version);
      case 'float':
        return constructFloat(text, this.version);
      case 'timestamp':
        return constructTimestamp(text);
      case 'binary':
        return new PyObject('bytes', pyBytesRepr(node.value instanceof Uint8Array ? node.value : Buffer.from(text.replace(/\s/g, ''), 'base64')));
      default:
        throw new YamlInputError(`could not determine a constructor for the tag ${tag}`); // merge, value
    }
  }

  private seq(node: YAMLSeq): Value {
    const tag = this.tagOf(node, 'seq');
    if (tag === 'seq') return node.items.map((item) => this.value(item));
    if (tag === 'omap' || tag === 'pairs') {
      // Sequences of one-pair mappings: an ordered dict, or a list of (key, value) tuples.
      const entries = node.items.map((item) => {
        // The `yaml` package may already have turned each one-pair mapping into its pair.
        const single = this.yaml.isPair(item) ? [item] : this.yaml.isMap(item) ? item.items : [];
        if (single.length !== 1) throw new YamlInputError(`expected a single mapping item for ${tag}`);
        return [keyText(this.value(single[0].key)), this.value(single[0].value)] as [string, Value];
      });
      return tag === 'omap' ? new Map(entries) : entries.map(([k, v]) => [k, v]);
    }
    throw new YamlInputError(`could not determine a constructor for the tag ${tag}`);
  }

  private map(node: YAMLMap): Value {
    const tag = this.tagOf(node, 'map');
    if (tag === 'set') {
      const keys = node.items.map((pair) => keyText(this.value(pair.key)));
      const text = keys.length === 0 ? 'set()' : `{${keys.map(pyStringRepr).join(', ')}}`;
      return new PyObject('set', text);
    }
    if (tag !== 'map') throw new YamlInputError(`could not determine a constructor for the tag ${tag}`);
    const result: ValueMap = new Map();
    const own = new Set<string>();
    const topLevel = node === this.doc.contents;
    for (const [key, value] of this.pairs(node)) {
      // The request's keys become Python keyword arguments: mark those that are not strings.
      result.set(topLevel && !key.isString ? NON_STRING_KEY + key.text : key.text, value);
      if (!key.merged) {
        if (own.has(key.text)) throw new YamlInputError(`found duplicate key "${key.text}"`);
        own.add(key.text);
      }
    }
    return result;
  }

  /** The mapping's pairs with merge keys flattened as ruamel flattens them (merged first). */
  private pairs(node: YAMLMap): [MapKey, Value][] {
    const merged: [MapKey, Value][] = [];
    const own: [MapKey, Value][] = [];
    for (const pair of node.items as Pair[]) {
      const keyNode = pair.key as Node | null;
      if (this.yaml.isScalar(keyNode) && keyNode.type === 'PLAIN' && !keyNode.tag && String(keyNode.value) === '<<') {
        merged.unshift(...this.mergeSources(pair.value as Node | null));
        continue;
      }
      const key = this.value(keyNode);
      own.push([{ text: keyText(key), merged: false, isString: typeof key === 'string' }, this.value(pair.value)]);
    }
    return [...merged, ...own];
  }

  private mergeSources(node: Node | null): [MapKey, Value][] {
    const target = this.yaml.isAlias(node) ? node.resolve(this.doc) : node;
    const maps = this.yaml.isMap(target) ? [target] : this.yaml.isSeq(target) ? target.items.map((i) => (this.yaml.isAlias(i) ? i.resolve(this.doc) : i)) : undefined;
    if (!maps || maps.some((m) => !this.yaml.isMap(m))) throw new YamlInputError('expected a mapping or list of mappings for merging');
    const flattened: [MapKey, Value][] = [];
    for (const map of [...maps].reverse()) {
      for (const [key, value] of this.pairs(map as YAMLMap)) flattened.push([{ ...key, merged: true }, value]);
    }
    return flattened;
  }
}

let YAML_MODULE: typeof import('yaml') | undefined;

/** Loads one YAML document (the `yaml` package is imported on first use). */
export async function loadYaml(text: string): Promise<Value> {
  // `yaml` is CommonJS: bundled, its exports may arrive as the namespace's default.
  if (!YAML_MODULE) {
    const imported = await import('yaml');
    YAML_MODULE = 'parseAllDocuments' in imported ? imported : (imported as { default: typeof import('yaml') }).default;
  }
  const docs = YAML_MODULE.parseAllDocuments(text, { version: '1.2', schema: 'failsafe', uniqueKeys: false, strict: true, prettyErrors: false });
  if (!Array.isArray(docs)) throw new YamlInputError('not a YAML stream');
  // Directives promise a document; ruamel refuses a stream that ends without one.
  if (docs.length === 0 && /^%/m.test(text)) throw new YamlInputError("expected '<document start>'");
  if (docs.length > 1) throw new YamlInputError('expected a single document in the stream');
  const doc = docs[0];
  // A document end marker with no document before it is an error to ruamel.
  if (!doc) return null;
  // A document end marker with nothing before it is an error to ruamel, not an empty document.
  if (/^(?:[ \t]*(?:#.*)?\n)*\.\.\.(?:[ \t]|$)/.test(text)) throw new YamlInputError("expected '<document start>'");
  if (doc.errors.length > 0) throw new YamlInputError(doc.errors[0].message);
  const version: Version = doc.directives?.yaml.version === '1.1' ? '1.1' : '1.2';
  return new Constructor(YAML_MODULE, doc, version).value(doc.contents);
}
