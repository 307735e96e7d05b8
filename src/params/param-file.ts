/**
 * `file://` and `fileb://` values: the AWS CLI replaces such a value with the file's contents
 * (text verbatim, trailing newline included). `http(s)://` values are sent as they are in v2.
 */
import { readFileSync } from 'node:fs';
import { CliError } from '../errors/cli-error.js';

export function resolveParamFile(option: string, value: string, cwd: string = process.cwd()): string {
  const prefix = value.startsWith('file://') ? 'file://' : value.startsWith('fileb://') ? 'fileb://' : undefined;
  if (!prefix) return value;
  const rawPath = value.slice(prefix.length);
  const path = rawPath.startsWith('~') ? (process.env.HOME ?? '') + rawPath.slice(1) : rawPath;
  try {
    const contents = readFileSync(path.startsWith('/') ? path : `${cwd}/${path}`);
    return prefix === 'file://' ? contents.toString('utf8') : contents.toString('latin1');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? `[Errno 2] No such file or directory: '${path}'` : (error as Error).message;
    throw new CliError('param-validation', `Error parsing parameter '--${option}': Unable to load paramfile ${value}: ${reason}`);
  }
}
