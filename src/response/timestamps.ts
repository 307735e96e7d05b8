/**
 * Timestamps as the AWS CLI prints them: with `cli_timestamp_format = iso8601` (the default)
 * the wire string is parsed and re-written as Python's `datetime.isoformat()`; with `wire` it is
 * printed unchanged.
 */
export type TimestampFormat = 'iso8601' | 'wire';

const ISO = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?$/;

/** `2019-10-28T20:37:09Z` → `2019-10-28T20:37:09+00:00`; `.123Z` → `.123000+00:00`. */
export function isoFormat(wire: string): string {
  const m = ISO.exec(wire.trim());
  if (!m) return wire;
  const [, y, mo, d, h, mi, s = '00', frac, zone] = m;
  const micro = frac ? frac.slice(0, 6).padEnd(6, '0') : '000000';
  let out = `${y}-${mo}-${d}T${h}:${mi}:${s}`;
  if (micro !== '000000') out += `.${micro}`;
  if (zone) out += zoneOffset(zone);
  return out;
}

function zoneOffset(zone: string): string {
  if (zone === 'Z' || zone === 'z') return '+00:00';
  const digits = zone.slice(1).replace(':', '');
  const hh = digits.slice(0, 2);
  const mm = digits.slice(2, 4) || '00';
  return `${zone[0]}${hh}:${mm}`;
}

export const formatTimestamp = (wire: string, format: TimestampFormat): string =>
  format === 'wire' ? wire : isoFormat(wire);
