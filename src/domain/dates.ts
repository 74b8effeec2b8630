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

/** Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm). */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromUtc(new Date(Date.UTC(year, month - 1, day)));
}

const holidaysByYear = new Map<number, ReadonlySet<IsoDate>>();

/**
 * The Danish public holidays that can fall on a weekday: New Year's Day, Maundy Thursday, Good Friday,
 * Easter Monday, Ascension Day, Whit Monday, Christmas Day and Boxing Day (and Great Prayer Day until 2023).
 * Days off by collective agreement (24 and 31 December, Constitution Day) differ between workplaces and are not here.
 */
export function isPublicHoliday(date: IsoDate): boolean {
  const year = parts(date)[0];
  let days = holidaysByYear.get(year);
  if (!days) {
    const easter = easterSunday(year);
    const fromEaster = [-3, -2, 1, 39, 50, ...(year <= 2023 ? [26] : [])].map((n) => addDays(easter, n));
    days = new Set([`${year}-01-01`, `${year}-12-25`, `${year}-12-26`, ...fromEaster]);
    holidaysByYear.set(year, days);
  }
  return days.has(date);
}

/** Monday to Friday and not a public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  return !isWeekend(date) && !isPublicHoliday(date);
}

/**
 * Adds working days (Mon–Fri, not public holidays). From a day off, the first working day after it is day 0
 * and day 1 alike: "by the next working day" counted from a Saturday is Monday. 0 moves a day off to that day.
 */
export function addWorkingDays(date: IsoDate, days: number): IsoDate {
  let current = date;
  let left = days;
  if (!isWorkingDay(current)) {
    while (!isWorkingDay(current)) current = addDays(current, 1);
    left = Math.max(0, left - 1);
  }
  while (left > 0) {
    current = addDays(current, 1);
    if (isWorkingDay(current)) left -= 1;
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
