/**
 * What the AWS CLI checks as soon as its global options are parsed (its `top-level-args-parsed`
 * handlers), before it looks at the operation or the operation's options — so these errors win
 * over theirs: `--query` must compile (252), `--endpoint-url` needs a scheme (252), and the
 * timeouts go through Python's `int()` (ValueError, 255).
 */
import { CliError } from '../errors/cli-error.js';
import { compileQuery, type Query } from '../query/compile-query.js';
import { parsePythonInt } from './argparse.js';
import type { GlobalOptions } from './global-options.js';

export function checkTopLevelArgs(globals: GlobalOptions): { readonly query?: Query } {
  const query = globals.query !== undefined ? compileQuery(globals.query) : undefined;
  if (globals.endpointUrl !== undefined && !/^[a-zA-Z][a-zA-Z0-9+.-]*:/.test(globals.endpointUrl)) {
    throw new CliError(
      'param-validation',
      `Bad value for --endpoint-url "${globals.endpointUrl}": scheme is missing.  Must be of the form http://<hostname>/ or https://<hostname>/`,
    );
  }
  for (const timeout of [globals.readTimeout, globals.connectTimeout]) {
    if (timeout !== undefined && parsePythonInt(timeout) === undefined) {
      throw new CliError('general', `invalid literal for int() with base 10: '${timeout}'`);
    }
  }
  return { query };
}
