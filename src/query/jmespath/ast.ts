/** The syntax tree the parser builds and the interpreter walks. */
import type { Value } from '../../value/value.js';

export type Comparator = 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte';

export type Node =
  | { readonly kind: 'identity' }
  | { readonly kind: 'current' }
  | { readonly kind: 'field'; readonly name: string }
  | { readonly kind: 'literal'; readonly value: Value }
  /** `a.b.c`: each step applied to the previous result. */
  | { readonly kind: 'subexpression'; readonly steps: Node[] }
  /**
   * `a[0][1]`: a chain of index/slice steps. It is its own kind because the parser appends a
   * later `[...]` to an existing chain instead of starting a projection (so `a[0][1:]` does not
   * project, a quirk of Python jmespath that changes results).
   */
  | { readonly kind: 'indexChain'; readonly steps: Node[] }
  | { readonly kind: 'index'; readonly index: number }
  | {
      readonly kind: 'slice';
      readonly start: number | null;
      readonly stop: number | null;
      readonly step: number | null;
    }
  /** `left[*]rest`, `left[]rest`, `left[1:]rest`: `right` applied to each element of a list. */
  | { readonly kind: 'projection'; readonly left: Node; readonly right: Node }
  /** `left.*rest`: `right` applied to each value of an object. */
  | { readonly kind: 'valueProjection'; readonly left: Node; readonly right: Node }
  | {
      readonly kind: 'filterProjection';
      readonly left: Node;
      readonly right: Node;
      readonly condition: Node;
    }
  | { readonly kind: 'flatten'; readonly child: Node }
  | { readonly kind: 'pipe'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'or'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'and'; readonly left: Node; readonly right: Node }
  | { readonly kind: 'not'; readonly child: Node }
  | { readonly kind: 'compare'; readonly op: Comparator; readonly left: Node; readonly right: Node }
  | { readonly kind: 'multiSelectList'; readonly items: Node[] }
  | { readonly kind: 'multiSelectHash'; readonly pairs: [string, Node][] }
  | { readonly kind: 'function'; readonly name: string; readonly args: Node[] }
  | { readonly kind: 'expref'; readonly child: Node };
