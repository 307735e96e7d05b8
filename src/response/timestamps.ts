/**
 * Timestamps as the AWS CLI prints them. With `cli_timestamp_format = wire` the wire string is
 * printed unchanged. With `iso8601` (the default) the CLI runs botocore's parse_timestamp and
 * prints `datetime.isoformat()`: a number is epoch seconds (`datetime.fromtimestamp`, in the
 * local zone: aws-iam, like the CLI in a UTC environment, writes UTC), anything else goes to
 * dateutil's parser. This module reads the shapes dateutil reads from ISO 8601 dates and times
 * (extended and basic forms, `T` or space, fractions cut to microseconds, `Z`/`UTC`/`GMT` and
 * numeric offsets: a zero offset prints `+00:00`, also `-00:00`/`-0000`; no zone prints none),
 * and fails as the CLI fails: `Invalid timestamp "<wire>": <dateutil's reason>`, exit 255.
 */
import { CliError } from '../errors/cli-error.js';

export type TimestampFormat = 'iso8601' | 'wire';

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

const ISO =
  /^(\d{4})(?:-(\d{1,2})-(\d{1,2})|\/(\d{1,2})\/(\d{1,2})|(\d{2})(\d{2}))(?:[T ](\d{1,2})(?::(\d{1,2})(?::(\d{1,2}))?|(\d{2})(\d{2})?)?(?:[.,](\d+))?)?\s*(?:([Zz]|UTC|GMT)|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/** The largest epoch Python's fromtimestamp takes (years 1..9999). */
const MAX_EPOCH = 253402300799;
const MIN_EPOCH = -62135596800;

const invalid = (wire: string, reason: string) => new CliError('general', `Invalid timestamp "${wire}": ${reason}`);

/** `2019-10-28T20:37:09Z` → `2019-10-28T20:37:09+00:00`; `.123Z` → `.123000+00:00`. */
export function isoFormat(wire: string): string {
  // What IAM sends (whole seconds, UTC) needs only its zone rewritten, once its fields are in range.
  if (WHOLE_SECONDS_UTC.test(wire) && inRange(+wire.slice(0, 4), +wire.slice(5, 7), +wire.slice(8, 10), +wire.slice(11, 13), +wire.slice(14, 16), +wire.slice(17, 19))) {
    return `${wire.slice(0, 19)}+00:00`;
  }
  const epoch = pythonFloat(wire);
  if (epoch !== undefined && Number.isFinite(epoch) && epoch >= MIN_EPOCH && epoch <= MAX_EPOCH) return fromEpoch(epoch);
  const text = wire.trim();
  if (text === '') throw invalid(wire, `String does not contain a date: ${wire}`);
  const m = ISO.exec(text);
  if (!m) throw invalid(wire, `Unknown string format: ${wire}`);
  const year = Number(m[1]);
  const month = Number(m[2] ?? m[4] ?? m[6]);
  const day = Number(m[3] ?? m[5] ?? m[7]);
  const hour = Number(m[8] ?? 0);
  const minute = Number(m[9] ?? m[11] ?? 0);
  const second = Number(m[10] ?? m[12] ?? 0);
  const micro = m[13] ? Number(m[13].slice(0, 6).padEnd(6, '0')) : 0;
  // datetime()'s own checks, in its order, with dateutil's `: <text>` after them.
  const rangeError =
    year < 1 ? `year ${year} is out of range` :
    month < 1 || month > 12 ? 'month must be in 1..12' :
    day < 1 || day > daysInMonth(year, month) ? 'day is out of range for month' :
    hour > 23 ? 'hour must be in 0..23' :
    minute > 59 ? 'minute must be in 0..59' :
    second > 59 ? 'second must be in 0..59' : undefined;
  if (rangeError) throw invalid(wire, `${rangeError}: ${wire}`);
  let zone = '';
  if (m[14]) zone = '+00:00';
  else if (m[15]) {
    const minutes = Number(m[16]) * 60 + Number(m[17] ?? 0);
    if (minutes >= 24 * 60) {
      throw new CliError('general', 'offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24).');
    }
    zone = minutes === 0 ? '+00:00' : `${m[15]}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
  }
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}:${pad(second)}${micro ? `.${pad(micro, 6)}` : ''}${zone}`;
}

const WHOLE_SECONDS_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/;

const inRange = (year: number, month: number, day: number, hour: number, minute: number, second: number) =>
  year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month) && hour <= 23 && minute <= 59 && second <= 59;

const daysInMonth = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** Python's `float(text)` for what epoch timestamps look like, or undefined when it would fail. */
function pythonFloat(text: string): number | undefined {
  const t = text.trim().replace(/(?<=\d)_(?=\d)/g, '');
  if (!/^[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)$/.test(t)) return undefined;
  return Number(t);
}

/** `datetime.fromtimestamp(t, tzutc()).isoformat()`: microseconds rounded half to even. */
function fromEpoch(t: number): string {
  let seconds = Math.trunc(t);
  const frac = t - seconds;
  let micro = roundHalfEven(frac * 1e6);
  if (micro >= 1e6) (seconds += 1), (micro -= 1e6);
  if (micro < 0) (seconds -= 1), (micro += 1e6);
  const d = new Date(seconds * 1000);
  const date = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return `${date}T${time}${micro ? `.${pad(micro, 6)}` : ''}+00:00`;
}

function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return Math.abs(x % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

export const formatTimestamp = (wire: string, format: TimestampFormat): string =>
  format === 'wire' ? wire : isoFormat(wire);
