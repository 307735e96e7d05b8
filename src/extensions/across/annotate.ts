/**
 * Every item says which account it came from: `AccountId` (and `Profile`, with `--profiles`)
 * as the first members of each item of the result keys. Where the items are plain strings
 * (`list-account-aliases`, `list-user-policies`), the key holds one entry per account instead:
 * `{"AccountId": …, "AccountAliases": [ … ]}`.
 */
import type { Value, ValueMap } from '../../value/value.js';

export interface AccountTag {
  readonly accountId: string;
  readonly profile?: string;
}

function tagMembers(tag: AccountTag): [string, Value][] {
  const members: [string, Value][] = [['AccountId', tag.accountId]];
  if (tag.profile !== undefined) members.push(['Profile', tag.profile]);
  return members;
}

/** The page with its result keys' items tagged; other members are kept as they are. */
export function tagPage(page: ValueMap, resultKeys: readonly string[], tag: AccountTag): ValueMap {
  const tagged: ValueMap = new Map(page);
  for (const key of resultKeys) {
    const items = page.get(key);
    if (!Array.isArray(items)) continue;
    if (items.length > 0 && items.every((item) => !(item instanceof Map))) {
      tagged.set(key, [new Map([...tagMembers(tag), [key, items]])]);
    } else {
      tagged.set(key, items.map((item) => (item instanceof Map ? new Map([...tagMembers(tag), ...[...item].filter(([k]) => k !== 'AccountId' && k !== 'Profile')]) : item)));
    }
  }
  return tagged;
}

/** One account's pages as one page: lists concatenated, as botocore's build_full_result does. */
export function joinPages(pages: readonly ValueMap[], resultKeys: readonly string[]): ValueMap {
  const joined: ValueMap = new Map();
  for (const key of resultKeys) {
    const lists = pages.map((p) => p.get(key)).filter((v): v is Value[] => Array.isArray(v));
    if (lists.length > 0) joined.set(key, lists.flat());
  }
  return joined;
}
