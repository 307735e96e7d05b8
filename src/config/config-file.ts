/**
 * The shared config and credentials files, read exactly as botocore reads them: Python's
 * `configparser.RawConfigParser` (strict, no interpolation, `=` and `:` delimiters, full-line
 * `#`/`;` comments only, indented lines continuing a value, option names lower-cased, a
 * `[DEFAULT]` section inherited by every section), then botocore's own rules on top
 * (configloader.py: nested `key =` blocks, `[profile x]` / `[sso-session x]` / `[services x]`
 * split with shlex in the config file only). Any syntax error, duplicate, or undecodable byte
 * refuses the whole file with `Unable to parse config file: <path>`, as the CLI does.
 *
 * Non-regular files (FIFOs, devices, folders) and missing files are skipped without being
 * opened, as `os.path.isfile` makes botocore skip them; unreadable ones read as empty, as
 * `RawConfigParser.read` ignores an OSError.
 */
import { readFileSync, statSync } from 'node:fs';
import { CliError } from '../errors/cli-error.js';
import { shlexSplit } from '../cli/shlex.js';

export type Section = Readonly<Record<string, string>>;
export type Sections = Readonly<Record<string, Section>>;

/** Python's `str.isspace` characters (JavaScript's `\s` lacks \x1c-\x1f and \x85, and adds U+FEFF). */
const WS = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const LEADING_WS = new RegExp(`^[${WS}]+`);
const TRAILING_WS = new RegExp(`[${WS}]+$`);
const NON_SPACE = new RegExp(`[^${WS}]`);
/** configparser's SECTCRE, `\[(?P<header>.+)\]` with `re.match` (trailing text ignored; `.` is not a newline). */
const SECTION_HEADER = /^\[([^\n]+)\]/;
/** configparser's OPTCRE for delimiters `=` and `:`: the first delimiter splits. */
const OPTION_LINE = new RegExp(`^([^\\n]*?)[${WS}]*([=:])[${WS}]*([^\\n]*)$`);
/** Python's `str.splitlines` boundaries, used on nested values. */
const PY_LINE_BREAKS = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;

export const pyStrip = (s: string): string => s.replace(LEADING_WS, '').replace(TRAILING_WS, '');
const pyRstrip = (s: string): string => s.replace(TRAILING_WS, '');

/** Thrown for any text RawConfigParser (or botocore's nested-value reader) refuses. */
export class IniSyntaxError extends Error {}

/**
 * RawConfigParser.read_string + sections()/options()/get(), with botocore's nested values
 * checked: section name → option → value. `[DEFAULT]` options appear in every section.
 */
export function parseIni(text: string): Sections {
  const sections = new Map<string, Map<string, string[]>>();
  const defaults = new Map<string, string[]>();
  const added = new Set<string>();
  let current: Map<string, string[]> | undefined;
  let sectionName = '';
  let option: string | undefined;
  let indentLevel = 0;
  let failed = false;
  // Universal newlines, then Python's file iteration: lines end at \n only.
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  for (const line of lines) {
    const stripped = pyStrip(line);
    const isComment = stripped.startsWith('#') || stripped.startsWith(';');
    const value = isComment ? '' : stripped;
    if (!value) {
      // An empty line inside a value is kept (then trailing ones trimmed); a comment line is not.
      if (!isComment && current && option) current.get(option)!.push('');
      continue;
    }
    const indent = line.search(NON_SPACE);
    if (current && option && indent > indentLevel) {
      current.get(option)!.push(value);
      continue;
    }
    indentLevel = indent;
    const header = SECTION_HEADER.exec(value);
    if (header) {
      sectionName = header[1]!;
      const existing = sections.get(sectionName);
      if (existing) {
        if (added.has(sectionName)) throw new IniSyntaxError(`duplicate section ${sectionName}`);
        current = existing;
        added.add(sectionName);
      } else if (sectionName === 'DEFAULT') {
        current = defaults;
      } else {
        current = new Map();
        sections.set(sectionName, current);
        added.add(sectionName);
      }
      option = undefined;
      continue;
    }
    if (!current) throw new IniSyntaxError('missing section header');
    const match = OPTION_LINE.exec(value);
    if (!match) {
      // configparser collects these and raises at the end; the file is refused either way.
      failed = true;
      continue;
    }
    if (!match[1]) failed = true;
    option = pyRstrip(match[1]!).toLowerCase();
    const key = `${sectionName}\u0000${option}`;
    if (added.has(key)) throw new IniSyntaxError(`duplicate option ${option} in ${sectionName}`);
    added.add(key);
    current.set(option, [pyStrip(match[3]!)]);
  }
  if (failed) throw new IniSyntaxError('line is not a section, an option or a continuation');
  const join = (parts: string[]) => pyRstrip(parts.join('\n'));
  const result: Record<string, Record<string, string>> = {};
  for (const [name, options] of sections) {
    const merged: Record<string, string> = {};
    for (const [k, v] of defaults) merged[k] = join(v);
    for (const [k, v] of options) merged[k] = join(v);
    for (const v of Object.values(merged)) if (v.startsWith('\n')) checkNested(v);
    result[name] = merged;
  }
  return result;
}

/** botocore's `_parse_nested`: every non-empty line of a value that starts on the next line needs `=`. */
function checkNested(value: string): void {
  for (const line of value.split(PY_LINE_BREAKS)) {
    if (pyStrip(line) && !line.includes('=')) throw new IniSyntaxError('nested value without =');
  }
}

/** A nested value (`s3 =` followed by indented `key = value` lines) as botocore's dictionary. */
export function nestedValue(value: string): Record<string, string> | undefined {
  if (!value.startsWith('\n')) return undefined;
  const parsed: Record<string, string> = {};
  for (const line of value.split(PY_LINE_BREAKS)) {
    const text = pyStrip(line);
    if (!text) continue;
    const eq = text.indexOf('=');
    parsed[pyStrip(text.slice(0, eq))] = pyStrip(text.slice(eq + 1));
  }
  return parsed;
}

/** What the file system tells the reader; injected by tests. */
export interface FileReader {
  /** 'file' for a regular file (symlinks followed), 'other' for anything else, undefined if absent. */
  kind(path: string): 'file' | 'other' | undefined;
  /** The bytes, or undefined when the file cannot be opened (read as empty, as configparser does). */
  read(path: string): Buffer | undefined;
}

export const realFileReader: FileReader = {
  kind(path) {
    try {
      // A missing file (the usual case for one of the two) answers without an exception.
      const stats = statSync(path, { throwIfNoEntry: false });
      return stats === undefined ? undefined : stats.isFile() ? 'file' : 'other';
    } catch {
      return undefined;
    }
  },
  read(path) {
    try {
      return readFileSync(path);
    } catch {
      return undefined;
    }
  },
};

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * botocore's `raw_config_parse`: undefined when the path is not a regular file
 * (ConfigNotFound), the sections otherwise; CliError for a file it cannot parse. The path is
 * already expanded (see expandPath).
 */
export function readIniFile(path: string, reader: FileReader): Sections | undefined {
  if (reader.kind(path) !== 'file') return undefined;
  const bytes = reader.read(path);
  if (bytes === undefined) return {};
  try {
    // Python decodes with the locale's encoding (UTF-8), strictly; a BOM stays a character
    // (U+FEFF before `[default]` is then a line outside any section).
    return parseIni(utf8.decode(bytes));
  } catch {
    throw new CliError('general', `Unable to parse config file: ${path}`);
  }
}

/** `os.path.expandvars` then `os.path.expanduser`, as botocore expands both file paths. */
export function expandPath(path: string, env: Readonly<Record<string, string | undefined>>): string {
  const vars = path.replace(/\$(\w+|\{[^}]*\})/g, (whole, name: string) => {
    const key = name.startsWith('{') ? name.slice(1, -1) : name;
    return env[key] ?? whole;
  });
  if (!vars.startsWith('~')) return vars;
  const slash = vars.indexOf('/');
  const user = slash < 0 ? vars.slice(1) : vars.slice(1, slash);
  if (user !== '') return vars; // ~other: left as written (no password database here)
  const home = env.HOME;
  if (home === undefined) return vars;
  const rest = slash < 0 ? '' : vars.slice(slash);
  return (home.replace(/\/+$/, '') || '/') + rest;
}

/** The config file's sections as botocore's `build_profile_map` groups them. */
export interface ProfileMap {
  readonly profiles: Record<string, Section>;
  readonly ssoSessions: Record<string, Section>;
  readonly services: Record<string, Section>;
}

export function buildProfileMap(sections: Sections): ProfileMap {
  const map: ProfileMap = { profiles: {}, ssoSessions: {}, services: {} };
  const named = (key: string): string | undefined => {
    let parts: string[];
    try {
      parts = shlexSplit(key);
    } catch {
      return undefined;
    }
    return parts.length === 2 ? parts[1] : undefined;
  };
  for (const [key, values] of Object.entries(sections)) {
    const target = key.startsWith('profile')
      ? map.profiles
      : key.startsWith('sso-session')
        ? map.ssoSessions
        : key.startsWith('services')
          ? map.services
          : key === 'default'
            ? map.profiles
            : undefined;
    if (!target) continue;
    const name = key === 'default' && target === map.profiles && !key.startsWith('profile') ? 'default' : named(key);
    if (name !== undefined) target[name] = values;
  }
  return map;
}
