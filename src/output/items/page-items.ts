/**
 * The items the item formats (jsonl, csv) write, taken from a page or a whole response:
 * - without --query, the elements of the item lists (item-lists.ts), list after list
 *   (ListEntitiesForPolicy: a page's groups, then its users, then its roles);
 * - with --query, the query's result: each element of a list, any other value as one item, and
 *   nothing for null. On a listing the query runs on each page reduced to its result keys, as it
 *   does for `--output text`; on a single response, on the response, as for `--output json`.
 */
import type { Query } from '../write-result.js';
import { isList, type Value, type ValueMap } from '../../value/value.js';
import type { ItemLists } from './item-lists.js';

export function pageItems(page: ValueMap, lists: ItemLists, query: Query | undefined): Value[] {
  if (query) return resultItems(query.search(new Map(lists.keys.map((key) => [key, page.get(key) ?? null]))));
  return listItems(page, lists.keys);
}

export function documentItems(document: ValueMap, lists: ItemLists, query: Query | undefined): Value[] {
  if (query) return resultItems(query.search(document));
  return lists.keys.length === 0 ? [document] : listItems(document, lists.keys);
}

function listItems(page: ValueMap, keys: readonly string[]): Value[] {
  const items: Value[] = [];
  for (const key of keys) {
    const value = page.get(key);
    if (isList(value)) items.push(...value);
    else if (value !== undefined && value !== null) items.push(value);
  }
  return items;
}

const resultItems = (result: Value): Value[] => (isList(result) ? result : result === null ? [] : [result]);

/**
 * An item with members added in front (`across`: the account an item came from). The added
 * members come first and win over the item's own of the same name; an item that is not an
 * object becomes `{...members, Value: item}`. Columns to match: `[...added, ...columns]`.
 */
export function withMembers(item: Value, members: ValueMap): ValueMap {
  const result = new Map(members);
  if (item instanceof Map) {
    for (const [key, value] of item) if (!members.has(key)) result.set(key, value);
  } else {
    result.set('Value', item);
  }
  return result;
}
