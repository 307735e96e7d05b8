/**
 * `--output table`: AWS CLI v2's boxed tables, byte for byte (reference §4.4).
 *
 * Three phases, one module each under ./table/: build-sections.ts turns the value into titled
 * sections of header and data rows; layout.ts measures them (East Asian Width, see
 * display-width.ts), flips single-row sections to vertical when the table is wider than the
 * terminal and scales columns; render.ts draws, with colour if asked.
 *
 * The table is 'merged': it needs every page before it can measure anything. Errors are the
 * CLI's (TableFormatError carries Python's exception text; the caller exits 255).
 */
import type { Value } from '../value/value.js';
import type { FormatContext, OutputFormat } from './format.js';
import { buildSections } from './table/build-sections.js';
import { fitToTerminal, tableWidth } from './table/layout.js';
import { renderTable } from './table/render.js';

export { TableFormatError } from './table/errors.js';

/**
 * What the CLI writes to stdout *at exit* when table colour is on and stdout is a terminal:
 * colorama's atexit handler sends one more reset there, after the table — and also when the
 * table was empty or failed (the styler is set up before anything is formatted). On a pipe it
 * writes nothing. `format` cannot know about the TTY, so the caller appends this.
 */
export function tableExitText(color: boolean, stdoutIsTTY: boolean): string {
  return color && stdoutIsTTY ? '\x1b[0m' : '';
}

export const tableFormat: OutputFormat = {
  pages: 'merged',
  format(value: Value, context: FormatContext): string {
    const built = buildSections(context.operationName, value);
    if (built.length === 0) return '';
    const sections = fitToTerminal(built, context.width);
    return renderTable(sections, tableWidth(sections), context.color, context.resetAfterEachWrite ?? context.color);
  },
};
