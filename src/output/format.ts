/**
 * The one interface every output format implements. Each format lives in its own module
 * (json.ts, text.ts, table.ts, yaml.ts, yaml-stream.ts) and exports one `OutputFormat`;
 * `formats.ts` maps `--output` names to them. Which pages a format sees is the caller's job
 * (output/write-result.ts), following the AWS CLI:
 * - 'merged' formats (json, table, yaml) get one document: the pages merged, then queried;
 * - 'per-page' formats (text, yaml-stream) get each page (queried) as it arrives, so they
 *   can stream; text also gets the NEXTTOKEN pseudo-page at the end.
 */
import type { Value } from '../value/value.js';

export interface FormatContext {
  /** The API operation name (`ListUsers`): the table's title. */
  readonly operationName: string;
  /** Columns available for the table: the terminal's width, or 80 when stdout is not a TTY. */
  readonly width: number;
  /** Whether table output is coloured (`--color`, resolved against the TTY). */
  readonly color: boolean;
  /**
   * Whether the stream written to resets colour after every write call (colorama's autoreset,
   * which the CLI sets up on stdout and stderr with its table styler). Defaults to `color`:
   * true for coloured table output, false for a coloured table error on the CLI's own stderr.
   */
  readonly resetAfterEachWrite?: boolean;
}

export interface OutputFormat {
  readonly pages: 'merged' | 'per-page';
  /** The CLI's `off` formatter never looks at the result, so `--query` is not evaluated for it. */
  readonly ignoresResult?: boolean;
  /** The text to write for one document or page; '' writes nothing. */
  format(value: Value, context: FormatContext): string;
}
