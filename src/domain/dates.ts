/**
 * Calendar arithmetic on local dates ("YYYY-MM-DD") in Europe/Copenhagen.
 * Deadlines are whole days, so we never need a time-zone library: we only turn an
 * instant into the Danish calendar date once, and everything else is date maths in UTC.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const TIME_ZONE = 'Europe/Copenhagen';

const dateFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

const HOUR_MS = 3_600_000;
/** The last answer and the UTC hour it holds for: Copenhagen is a whole number of hours from UTC all year. */
let lastHour = Number.NaN;
let lastDate: IsoDate = '';

/** The calendar date in Denmark at the given instant. */
export function danishDate(instant: Date): IsoDate {
  // Every card asks for "today" several times; Intl with a time zone is slow, and the answer only changes on the hour.
  const hour = Math.floor(instant.getTime() / HOUR_MS);
  if (hour !== lastHour) {
    lastDate = dateFormat.format(instant);
    lastHour = hour;
  }
  return lastDate;
}

export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

function parts(date: IsoDate): [number, number, number] {
  const m = ISO_DATE.exec(date);
  if (!m) throw new RangeError(`not an ISO date: ${date}`);
  return [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
}

function fromUtc(d: Date): IsoDate {
  return d.toISOString().slice(0, 10);
}

export function addDays(date: IsoDate, days: number): IsoDate {
  const [y, m, d] = parts(date);
  return fromUtc(new Date(Date.UTC(y, m, d + days)));
}

/** Adds calendar months; the 31st plus one month ends on the last day of the shorter month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = parts(date);
  const lastDay = new Date(Date.UTC(y, m + months + 1, 0)).getUTCDate();
  return fromUtc(new Date(Date.UTC(y, m + months, Math.min(d, lastDay))));
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(date: IsoDate): number {
  const [y, m, d] = parts(date);
  return new Date(Date.UTC(y, m, d)).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

/** Adds working days (Mon–Fri); 0 moves a weekend date to the next Monday. Public holidays are not known here. */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let current = date;
  while (isWeekend(current)) current = addDays(current, 1);
  let left = days;
  while (left > 0) {
    current = addDays(current, 1);
    if (!isWeekend(current)) left -= 1;
  }
  return current;
}

export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  const [ya, ma, da] = parts(a);
  const [yb, mb, db] = parts(b);
  return Math.round((Date.UTC(yb, mb, db) - Date.UTC(ya, ma, da)) / 86_400_000);
}
