/**
 * Shared containers become anchors and aliases. The CLI's dumper represents each Python list or
 * dict once per object identity, so when `--query` selects the same object twice
 * (`[Users[0], Users[0]]`) the YAML shows `&id001` at the first place and `*id001` at the
 * others. JMESPath evaluation hands out the same Map/array objects the same way, so identity
 * here mirrors identity there. Names are given in the order the second sighting happens while
 * walking the tree in output order (keys sorted), as ruamel's serializer numbers them.
 */
import { isList, isMap, type Value } from '../../value/value.js';
import { sortedKeys } from './code-point-order.js';

export type Container = Value[] | Map<string, Value>;

export function assignAnchors(root: Value): Map<Container, string> {
  const seen = new Set<Container>();
  const anchors = new Map<Container, string>();
  const visit = (v: Value): void => {
    if (!isList(v) && !isMap(v)) return; // scalars are never shared
    if (seen.has(v)) {
      if (!anchors.has(v)) anchors.set(v, `id${String(anchors.size + 1).padStart(3, '0')}`);
      return;
    }
    seen.add(v);
    if (isList(v)) v.forEach(visit);
    else for (const k of sortedKeys(v.keys())) visit(v.get(k)!);
  };
  visit(root);
  return anchors;
}
