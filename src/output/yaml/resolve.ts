/**
 * Would a plain scalar read back as something other than a string? The CLI's dumper asks
 * ruamel's VersionedResolver, which applies its YAML 1.2 implicit types when dumping: `yes`,
 * `on`, `no` and sexagesimals (`12:30`) stay plain strings, while `true`, `012`, `0o17`, `1e3`,
 * `.inf`, dates, `~` and `<<` do not. A string that would resolve to another type is quoted.
 */

// ruamel.yaml 0.17.21 resolver.py, the (1, 2) entries, with the verbose-mode whitespace removed.
// Each pattern is only tried for values starting with one of its listed first characters, as
// ruamel indexes them: so `_` stays a plain string although the int pattern would match it.
const DIGITS = '0123456789';
const IMPLICIT_TYPES: readonly (readonly [string, RegExp])[] = [
  ['tTfF', /^(?:true|True|TRUE|false|False|FALSE)$/], // bool
  ['-+.' + DIGITS, /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/], // float
  ['-+' + DIGITS, /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/], // int
  ['<', /^(?:<<)$/], // merge
  ['~nN', /^(?:~|null|Null|NULL|)$/], // null (the empty string too, below)
  [DIGITS, /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/], // timestamp
  ['=', /^(?:=)$/], // value
  ['!&*', /^(?:!|&|\*)$/], // yaml
];

export function resolvesToNonString(value: string): boolean {
  if (value === '') return true; // null
  const first = value[0];
  // Python's `$` also matches just before a final newline ("1\n" resolves as an int).
  const candidates = value.endsWith('\n') ? [value, value.slice(0, -1)] : [value];
  return IMPLICIT_TYPES.some(
    ([firstChars, re]) => firstChars.includes(first) && candidates.some((v) => re.test(v)),
  );
}
