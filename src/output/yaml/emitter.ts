/**
 * Dumps a Value as the CLI's YAML dumper does: ruamel.yaml `YAML(typ='safe')` with
 * `default_flow_style=False`, which emits through libyaml with indent 2 and width 80.
 *
 * Layout: block mappings with keys sorted by code point; a sequence that is a mapping value is
 * not indented (`Users:` then `- …` at the key's column); a mapping or sequence that is a
 * sequence item starts on the dash's line (`- Arn: …`, `- - 1`); empty containers are flow
 * style (`[]`, `{}`); keys longer than 128 UTF-8 bytes or holding a line break become explicit
 * `? key` / `: value` pairs. The indentation bookkeeping follows libyaml's, since folded
 * continuation lines depend on it.
 */
import { pyFloatRepr, pyIntRepr } from '../../value/python-repr.js';
import { isList, isMap, PyFloat, type Value } from '../../value/value.js';
import { assignAnchors, type Container } from './anchors.js';
import { sortedKeys } from './code-point-order.js';
import { analyzeScalar, chooseStyle } from './scalar-style.js';
import { YamlWriter } from './writer.js';

const INDENT = 2;
const MAX_SIMPLE_KEY_BYTES = 128;

/** The YAML document for a value, ending with a newline. */
export function dumpYaml(root: Value): string {
  return new Emitter(root).run();
}

class Emitter {
  private readonly w = new YamlWriter();
  private readonly anchors: Map<Container, string>;
  private readonly emitted = new Set<Container>();

  constructor(private readonly root: Value) {
    this.anchors = assignAnchors(root);
  }

  run(): string {
    this.node(this.root, false);
    this.w.indent = -1;
    this.w.writeIndent(); // ends the last line
    return this.w.text();
  }

  /** Pushes an indent level: `flow` for scalars and flow collections, `indentless` for a mapping's sequence. */
  private withIndent(flow: boolean, indentless: boolean, body: () => void): void {
    const saved = this.w.indent;
    if (saved < 0) this.w.indent = flow ? INDENT : 0;
    else if (!indentless) this.w.indent = saved + INDENT;
    body();
    this.w.indent = saved;
  }

  /** `mappingValue`: the node is a mapping's value (a block sequence there is not indented). */
  private node(v: Value, mappingValue: boolean): void {
    if (!isList(v) && !isMap(v)) {
      const [text, isString] = scalarText(v);
      this.scalar(text, isString, false);
      return;
    }
    const anchor = this.anchors.get(v);
    if (anchor !== undefined) {
      if (this.emitted.has(v)) return this.w.writeAnchor('*', anchor);
      this.emitted.add(v);
      this.w.writeAnchor('&', anchor);
    }
    if (isList(v)) {
      if (v.length === 0) this.emptyFlow('[', ']');
      else this.sequence(v, mappingValue);
    } else if (v.size === 0) this.emptyFlow('{', '}');
    else this.mapping(v);
  }

  private emptyFlow(open: string, close: string): void {
    this.w.writeIndicator(open, true, true, false);
    this.w.writeIndicator(close, false, false, false);
  }

  private sequence(items: Value[], mappingValue: boolean): void {
    // After `key:` the sequence stays at the key's column; after an explicit `? key` / `:`
    // (only indicators on the line so far) it is indented like any nested node.
    this.withIndent(false, mappingValue && !this.w.indention, () => {
      for (const item of items) {
        this.w.writeIndent();
        this.w.writeIndicator('-', true, false, true);
        this.node(item, false);
      }
    });
  }

  private mapping(map: Map<string, Value>): void {
    this.withIndent(false, false, () => {
      for (const key of sortedKeys(map.keys())) {
        this.w.writeIndent();
        const analysis = analyzeScalar(key);
        if (!analysis.multiline && Buffer.byteLength(key, 'utf8') <= MAX_SIMPLE_KEY_BYTES) {
          this.scalar(key, true, true);
          this.w.writeIndicator(':', false, false, false);
        } else {
          this.w.writeIndicator('?', true, false, true);
          this.scalar(key, true, false);
          this.w.writeIndent();
          this.w.writeIndicator(':', true, false, true);
        }
        this.node(map.get(key)!, true);
      }
    });
  }

  private scalar(text: string, isString: boolean, simpleKey: boolean): void {
    const style = chooseStyle(text, isString, simpleKey);
    // Simple keys never fold; everything else folds at the scalar's own indent.
    this.withIndent(true, false, () => this.w.writeScalar(text, style, !simpleKey));
  }
}

/** A scalar's YAML text, and whether it is a string (other types never need quoting). */
function scalarText(v: null | boolean | number | bigint | PyFloat | string): [string, boolean] {
  if (typeof v === 'string') return [v, true];
  if (v === null) return ['null', false];
  if (typeof v === 'boolean') return [v ? 'true' : 'false', false];
  if (typeof v === 'number' || typeof v === 'bigint') return [pyIntRepr(v), false];
  const x = v.value;
  if (Number.isNaN(x)) return ['.nan', false];
  if (x === Infinity) return ['.inf', false];
  if (x === -Infinity) return ['-.inf', false];
  return [pyFloatRepr(x).toLowerCase(), false];
}
