/**
 * Would a plain scalar read back as something other than a string? The CLI's dumper asks
 * ruamel's VersionedResolver, which applies the YAML 1.2 implicit types when dumping (so `yes`,
 * `on`, `012`-style octals of 1.1 stay strings, while `true`, `0o17`, `1e3`, dates and `~` do
 * not). A string that would resolve to another type is written quoted.
 */

// ruamel.yaml 0.17.21 resolver.py, the (1, 2) entries, with the verbose-mode whitespace removed.
const IMPLICIT_TYPES: readonly RegExp[] = [
  /^(?:true|True|TRUE|false|False|FALSE)$/, // bool
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?(?:[0-9][0-9_]*)(?:[eE][-+]?[0-9]+)|[-+]?\.[0-9_]+(?:[eE][-+][0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/, // float
  /^(?:[-+]?0b[0-1_]+|[-+]?0o?[0-7_]+|[-+]?[0-9_]+|[-+]?0x[0-9a-fA-F_]+)$/, // int
  /^(?:<<)$/, // merge
  /^(?:~|null|Null|NULL|)$/, // null (the empty string too)
  /^(?:[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)$/, // timestamp
  /^(?:=)$/, // value
  /^(?:!|&|\*)$/, // yaml
];

export function resolvesToNonString(value: string): boolean {
  // Python's `$` also matches just before a final newline ("1\n" resolves as an int).
  const candidates = value.endsWith('\n') ? [value, value.slice(0, -1)] : [value];
  return candidates.some((v) => IMPLICIT_TYPES.some((re) => re.test(v)));
}
