/**
 * Time-zone and duration maths for the simulator, on epoch milliseconds.
 * Node ships full ICU, so Intl does the zone rules and we need no time-zone library.
 */
import { GraphError } from './http';

export const COPENHAGEN = 'Europe/Copenhagen';
export const WORK_START_MINUTE = 8 * 60;
export const WORK_END_MINUTE = 16 * 60;
export const HALF_HOUR_MS = 30 * 60_000;
const DAY_MS = 24 * 60 * 60_000;

export interface Interval {
  readonly start: number;
  readonly end: number;
}

/** Graph's dateTimeTimeZone: a wall-clock time plus the zone it is read in. */
export interface DateTimeTimeZone {
  dateTime: string;
  timeZone: string;
}

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
}

// Graph accepts Windows zone names as well as IANA ones; these are the ones a Danish tenant and its tests meet.
const WINDOWS_ZONES: Record<string, string> = {
  'romance standard time': COPENHAGEN,
  'w. europe standard time': 'Europe/Berlin',
  'central european standard time': 'Europe/Warsaw',
  'gmt standard time': 'Europe/London',
  'greenwich standard time': 'Atlantic/Reykjavik',
  utc: 'UTC',
  'coordinated universal time': 'UTC',
  'eastern standard time': 'America/New_York',
  'pacific standard time': 'America/Los_Angeles',
};

const formatters = new Map<string, Intl.DateTimeFormat>();

export function ianaZone(name: string): string {
  const mapped = WINDOWS_ZONES[name.trim().toLowerCase()];
  if (mapped) return mapped;
  try {
    formatter(name);
    return name;
  } catch {
    throw new GraphError(
      400,
      'TimeZoneNotSupportedException',
      `A valid TimeZone value must be specified. The following TimeZone value is not supported: '${name}'.`,
    );
  }
}

function formatter(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(zone, f);
  }
  return f;
}

export function wallTime(instant: number, zone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const p of formatter(zone).formatToParts(new Date(instant))) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour, minute: parts.minute, second: parts.second };
}

function wallAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

/** The instant a wall-clock time denotes in a zone. Twice, because the offset can differ either side of a DST change. */
export function instantOf(w: WallTime, zone: string): number {
  const asUtc = wallAsUtc(w);
  const offset = (t: number) => wallAsUtc(wallTime(t, zone)) - Math.floor(t / 1000) * 1000;
  const first = asUtc - offset(asUtc);
  return asUtc - offset(first);
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?$/;

/** Reads a Graph dateTimeTimeZone; an explicit offset in dateTime wins over timeZone, as in Graph. */
export function parseDateTimeTimeZone(value: unknown, field: string): number {
  const v = value as Partial<DateTimeTimeZone> | undefined;
  const m = typeof v?.dateTime === 'string' ? DATE_TIME.exec(v.dateTime) : null;
  if (!m || typeof v?.timeZone !== 'string') {
    throw new GraphError(400, 'ErrorInvalidRequest', `${field} must be { dateTime: 'YYYY-MM-DDTHH:mm:ss', timeZone }.`);
  }
  const wall = { year: +m[1], month: +m[2], day: +m[3], hour: +m[4], minute: +m[5], second: m[6] ? +m[6] : 0 };
  if (m[7]) {
    const offsetMinutes = m[7] === 'Z' ? 0 : (m[7][0] === '-' ? -1 : 1) * (+m[7].slice(1, 3) * 60 + +m[7].slice(4, 6));
    return wallAsUtc(wall) - offsetMinutes * 60_000;
  }
  return instantOf(wall, ianaZone(v.timeZone));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Graph writes seven fractional digits; clients that compare strings expect them. */
export function formatDateTimeTimeZone(instant: number, timeZone: string): DateTimeTimeZone {
  const w = wallTime(instant, ianaZone(timeZone));
  return {
    dateTime: `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}.0000000`,
    timeZone,
  };
}

const DURATION = /^P(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** ISO 8601 durations as Graph uses them (PT1H, PT30M, P1DT2H); weeks, months and years are not meeting lengths. */
export function parseDuration(value: string): number {
  const m = DURATION.exec(value);
  if (!m || value === 'P' || value.endsWith('T'))
    throw new GraphError(400, 'ErrorInvalidRequest', `meetingDuration '${value}' is not an ISO 8601 duration.`);
  const ms = ((+(m[1] ?? 0) * 24 + +(m[2] ?? 0)) * 60 + +(m[3] ?? 0)) * 60_000 + +(m[4] ?? 0) * 1000;
  if (ms <= 0) throw new GraphError(400, 'ErrorInvalidRequest', 'meetingDuration must be positive.');
  return ms;
}

/** 0 = Sunday … 6 = Saturday, of the wall date. */
export function weekdayOf(w: WallTime): number {
  return new Date(Date.UTC(w.year, w.month - 1, w.day)).getUTCDay();
}

/** Whether [start, end) lies inside one Copenhagen working day, 08:00-16:00 Mon-Fri. */
export function withinWorkingHours(slot: Interval): boolean {
  const s = wallTime(slot.start, COPENHAGEN);
  const e = wallTime(slot.end, COPENHAGEN);
  const weekday = weekdayOf(s);
  if (weekday === 0 || weekday === 6) return false;
  const sameDay = s.year === e.year && s.month === e.month && s.day === e.day;
  return sameDay && s.hour * 60 + s.minute >= WORK_START_MINUTE && e.hour * 60 + e.minute + e.second / 60 <= WORK_END_MINUTE;
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The Copenhagen dates (as wall times at midnight) touched by [from, to). */
export function copenhagenDays(from: number, to: number): WallTime[] {
  const days: WallTime[] = [];
  const first = wallTime(from, COPENHAGEN);
  const last = wallTime(to, COPENHAGEN);
  const lastUtc = Date.UTC(last.year, last.month - 1, last.day);
  for (let t = Date.UTC(first.year, first.month - 1, first.day); t <= lastUtc; t += DAY_MS) {
    const d = new Date(t);
    days.push({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate(), hour: 0, minute: 0, second: 0 });
  }
  return days;
}

/** Whole days from a to b on the calendar (b − a). */
export function daysBetween(a: WallTime, b: WallTime): number {
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY_MS);
}
