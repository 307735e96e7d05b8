/**
 * The table formatter fails exactly where the AWS CLI's does, with Python's exception text
 * (`Row should have 1 elements, instead it has 2`, `'int' object is not iterable`...): the CLI
 * prints `aws: [ERROR]: <message>` and exits 255, and nothing of the table has been written,
 * because the whole table is built before the first line is drawn.
 */
export class TableFormatError extends Error {
  override name = 'TableFormatError';
}
