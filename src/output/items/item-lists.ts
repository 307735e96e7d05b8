/**
 * Where an operation's items are, for the item formats (jsonl, csv): the paginator's result
 * keys, or for an operation without a paginator its one list member. An output with anything
 * else besides paging members (ListOrganizationsFeatures: an id and a list) is one item.
 * The columns known before any item are the item shape's members in model order (for several
 * lists, as ListEntitiesForPolicy has, each list's members in turn, once each); a list of
 * strings is one column named after the list.
 */
import { shapes, type OperationSpec, type ShapeSpec } from '../../model/operations.js';

export interface ItemLists {
  /** The members holding the items, in order; none: the whole document is one item. */
  readonly keys: readonly string[];
  /** The columns of an item, in order, when they are known before any item arrives. */
  readonly columns?: readonly string[];
}

/** Members about paging, never items (ListDelegationRequests spells one `isTruncated`). */
const PAGING_MEMBERS = new Set(['Marker', 'IsTruncated', 'isTruncated']);

export function itemListsOf(operation: OperationSpec): ItemLists {
  const output = structureMembers(shapes[operation.output]);
  const dataMembers = output.filter(([name]) => !PAGING_MEMBERS.has(name));
  const keys = operation.resultKeys ?? (dataMembers.length === 1 && shapes[dataMembers[0][1]]?.type === 'list' ? [dataMembers[0][0]] : []);
  if (keys.length === 0) return { keys, columns: dataMembers.map(([name]) => name) };
  const columns = new Set<string>();
  for (const key of keys) {
    const listShape = shapes[output.find(([name]) => name === key)?.[1] ?? ''];
    const itemShape = listShape?.type === 'list' ? shapes[listShape.member] : undefined;
    if (itemShape?.type === 'structure') for (const [name] of itemShape.members) columns.add(name);
    else columns.add(key);
  }
  return { keys, columns: [...columns] };
}

function structureMembers(shape: ShapeSpec | undefined): readonly (readonly [string, string])[] {
  return shape?.type === 'structure' ? shape.members : [];
}
