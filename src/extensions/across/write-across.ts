/**
 * The accounts' pages as the command's own document. Merged formats (json, yaml, table) get
 * one document: each account's pages joined, tagged, in account order, through the same
 * writer as a single-account listing (so `--query` applies to the merged document), with a
 * `NextTokens` list when `--max-items` cut accounts short. Streamed formats (text,
 * yaml-stream) get each page, tagged, as it arrives, queried page by page; text then
 * prints each cut-short account's `NEXTTOKEN` line with its account.
 */
import type { FormatContext, ItemFormat, OutputFormat } from '../../output/format.js';
import type { ItemLists } from '../../output/items/item-lists.js';
import { pageItems, withMembers } from '../../output/items/page-items.js';
import { nextItemsHint, openItemWriter } from '../../output/items/write-items.js';
import { writePaginated, writeSingle, type Query, type ResultWriter } from '../../output/write-result.js';
import type { ValueMap } from '../../value/value.js';
import { joinPages, tagPage, type AccountTag } from './annotate.js';

export interface Destination {
  readonly format: OutputFormat;
  readonly formatName: string;
  readonly query?: Query;
  readonly context: FormatContext;
  readonly out: ResultWriter;
}

export interface AccountResult {
  readonly tag: AccountTag;
  readonly pages: readonly ValueMap[];
  readonly nextToken?: string;
}

async function* replay(pages: readonly ValueMap[]): AsyncGenerator<ValueMap, undefined> {
  yield* pages;
  return undefined;
}

const tagMembers = (tag: AccountTag): [string, string][] => [['AccountId', tag.accountId], ...(tag.profile !== undefined ? [['Profile', tag.profile] as [string, string]] : [])];

export async function writeMerged(results: readonly AccountResult[], resultKeys: readonly string[], to: Destination): Promise<void> {
  const pages = results.map((r) => tagPage(joinPages(r.pages, resultKeys), resultKeys, r.tag));
  const cut = results.filter((r) => r.nextToken !== undefined);
  const keys = cut.length > 0 ? [...resultKeys, 'NextTokens'] : resultKeys;
  if (cut.length > 0) pages.push(new Map([['NextTokens', cut.map((r) => new Map([...tagMembers(r.tag), ['NextToken', r.nextToken!]]))]]));
  await writePaginated({ resultKeys: keys, pages: replay(pages) }, to.format, to.formatName, to.query, to.context, to.out);
}

/** One page of one account, written now (streamed formats). */
export async function writeStreamedPage(page: ValueMap, tag: AccountTag, resultKeys: readonly string[], to: Destination): Promise<void> {
  await writePaginated({ resultKeys, pages: replay([tagPage(page, resultKeys, tag)]) }, to.format, to.formatName, to.query, to.context, to.out);
}

/** Text's `NEXTTOKEN` line, with the account it resumes (yaml-stream prints none, as the CLI). */
export function writeStreamedNextToken(token: string, tag: AccountTag, to: Destination): void {
  if (to.formatName === 'yaml-stream') return;
  writeSingle(new Map([['NextToken', new Map([...tagMembers(tag), ['NextToken', token]])]]), to.format, to.query, to.context, to.out);
}

/**
 * The item formats (jsonl, csv): one writer for the whole run (one csv header), each page's
 * items written as they arrive with the account's members in front (output/items/). A
 * cut-short account's continuation goes to stderr, naming the account.
 */
export function openItemSink(format: ItemFormat, lists: ItemLists, withProfile: boolean, query: Query | undefined, out: ResultWriter, notices: ResultWriter) {
  const added = withProfile ? ['AccountId', 'Profile'] : ['AccountId'];
  const writer = openItemWriter(format, { lists: { ...lists, columns: lists.columns && [...added, ...lists.columns] }, notices }, query);
  const emit = (text: string) => text && out.write(text);
  return {
    page(page: ValueMap, tag: AccountTag) {
      const members: ValueMap = new Map(tagMembers(tag));
      emit(writer.write(pageItems(page, lists, query).map((item) => withMembers(item, members))));
    },
    nextToken(token: string, tag: AccountTag) {
      notices.write(`${tag.profile !== undefined ? `profile ${tag.profile}` : `account ${tag.accountId}`}: ${nextItemsHint('--starting-token', token)}`);
    },
    end: () => emit(writer.end()),
  };
}
