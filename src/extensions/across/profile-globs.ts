/**
 * `--profiles prod,'sec-*',audit`: names and shell globs (`*`, `?`, `[abc]`, `[!abc]`, as
 * Python's fnmatch) over the profiles of the config and credentials files, in botocore's order
 * (completion/profiles.ts). A plain name is kept as given (a missing one fails like `--profile`
 * does, for that account); a glob that matches nothing is an error before anything is sent.
 */
import { CliError } from '../../errors/cli-error.js';

const GLOB_CHARS = /[*?[]/;

export function expandProfiles(patterns: readonly string[], available: readonly string[]): string[] {
  const chosen: string[] = [];
  const add = (name: string) => {
    if (!chosen.includes(name)) chosen.push(name);
  };
  for (const pattern of patterns) {
    if (!GLOB_CHARS.test(pattern)) {
      add(pattern);
      continue;
    }
    const re = globToRegExp(pattern);
    const matches = available.filter((name) => re.test(name));
    if (matches.length === 0) throw new CliError('general', `No profile matches '${pattern}' in the config and credentials files`);
    matches.forEach(add);
  }
  return chosen;
}

/** fnmatch.translate: `*` any run, `?` one character, `[...]` a class (`[!...]` negated). */
export function globToRegExp(pattern: string): RegExp {
  let out = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') out += '.*';
    else if (c === '?') out += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) {
        out += '\\[';
        continue;
      }
      let body = pattern.slice(i + 1, end);
      const negated = body.startsWith('!');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^' : ''}${body.replace(/[\\\]^]/g, '\\$&')}]`;
      i = end;
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }
  return new RegExp(`^${out}$`, 's');
}
