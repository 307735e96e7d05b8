/**
 * `aws-iam help`, `aws-iam <command> help`, and the same with `--help`: builds the page, lays
 * it out (plain text, or bold/underline for a terminal) and writes it to stdout or, for a
 * person at a terminal, through `less -R`. Loaded only for help, with the API documentation.
 */
import type { OperationSpec } from '../model/operations.js';
import type { Io } from '../cli/io.js';
import type { GlobalOptions } from '../cli/global-options.js';
import { EXIT } from '../errors/cli-error.js';
import { extensionNames } from '../extensions/registry.js';
import type { Section } from './blocks.js';
import { layoutPage, plainStyle, terminalStyle } from './layout.js';
import { operationPage } from './operation-page.js';
import { helpPager } from './pager.js';
import { topLevelPage } from './top-level-page.js';

/** The man page width the AWS CLI's help is laid out in (groff's 78 columns). */
export const HELP_WIDTH = 78;

export async function showHelp(operation: OperationSpec | undefined, io: Io, globals?: Pick<GlobalOptions, 'noCliPager'>): Promise<number> {
  const sections = operation ? operationPage(operation) : topLevelPage(extensionNames());
  const pager = io.startPager ? helpPager(io.env, io.stdoutIsTTY, globals?.noCliPager ?? false) : undefined;
  const page = renderHelp(sections, { terminal: io.stdoutIsTTY, columns: io.columns });
  if (!pager || !io.startPager) {
    io.stdout.write(page);
    return EXIT.ok;
  }
  const child = io.startPager(pager, io.env);
  // Ctrl-C belongs to less while it runs (as with man): aws-iam waits for it instead of dying under it.
  const ignore = () => {};
  process.on('SIGINT', ignore);
  try {
    child.write(page);
    await child.end();
  } catch {
    // less could not start: the page goes to stdout instead.
    io.stdout.write(page);
  } finally {
    process.off('SIGINT', ignore);
  }
  return EXIT.ok;
}

/** The page as text: plain unless for a terminal, as wide as the terminal allows up to 78 columns. */
export function renderHelp(sections: readonly Section[], target: { terminal: boolean; columns?: number }): string {
  const width = target.terminal && target.columns ? Math.max(40, Math.min(HELP_WIDTH, target.columns - 2)) : HELP_WIDTH;
  return layoutPage(sections, { width, style: target.terminal ? terminalStyle : plainStyle });
}
