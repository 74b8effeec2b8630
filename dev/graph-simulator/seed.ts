/**
 * The simulated tenant: people, their calendars and the teams they post to.
 * Calendars are rules, not dates, so the demo looks the same whichever week it runs in.
 */
import { COPENHAGEN, copenhagenDays, daysBetween, type Interval, instantOf, type WallTime, wallTime, weekdayOf } from './calendar';

export type Weekday = 'Mon' | 'Tue' | 'Wed' | 'Thu' | 'Fri' | 'Sat' | 'Sun';

export interface SeedUser {
  /** Entra object id; a dev token's oid. */
  id: string;
  displayName: string;
  userPrincipalName: string;
  /** Defaults to userPrincipalName. */
  mail?: string;
}

/** Busy from..to (Copenhagen wall time, 'HH:mm') on the given weekdays and/or days counted from today (0 = today). */
export interface BusyRule {
  from: string;
  to: string;
  days?: Weekday[];
  inDays?: number[];
  subject?: string;
}

/** A one-off busy block at fixed instants (ISO 8601 with offset), for tests that pin dates. */
export interface FixedBlock {
  start: string;
  end: string;
  subject?: string;
}

export interface SeedCalendar {
  rules?: BusyRule[];
  blocks?: FixedBlock[];
}

export interface SeedTeam {
  id: string;
  displayName: string;
  channels: { id: string; displayName: string }[];
}

export interface Seed {
  users: SeedUser[];
  /** Keyed by user id or userPrincipalName. */
  calendars?: Record<string, SeedCalendar>;
  teams?: SeedTeam[];
}

export interface BusyBlock extends Interval {
  subject: string;
}

const WEEKDAYS: readonly Weekday[] = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Validates a seed read from JSON, naming the first thing wrong, so a bad file fails at start-up rather than mid-demo. */
export function checkSeed(input: unknown): Seed {
  const seed = input as Seed;
  const fail = (why: string): never => {
    throw new Error(`invalid Graph simulator seed: ${why}`);
  };
  if (typeof seed !== 'object' || seed === null || !Array.isArray(seed.users)) fail('expected { users: [...] }');
  const known = new Set<string>();
  for (const [i, u] of seed.users.entries()) {
    for (const key of ['id', 'displayName', 'userPrincipalName'] as const) {
      if (typeof u?.[key] !== 'string' || u[key] === '') fail(`users[${i}].${key} must be a non-empty string`);
    }
    known.add(u.id);
    known.add(u.userPrincipalName.toLowerCase());
  }
  for (const [key, cal] of Object.entries(seed.calendars ?? {})) {
    if (!known.has(key) && !known.has(key.toLowerCase())) fail(`calendars has '${key}', which is not a user`);
    for (const [i, r] of (cal.rules ?? []).entries()) {
      if (!CLOCK.test(r.from) || !CLOCK.test(r.to) || r.from >= r.to) fail(`calendars['${key}'].rules[${i}] needs from < to as 'HH:mm'`);
      if (r.days?.some((d) => !WEEKDAYS.includes(d))) fail(`calendars['${key}'].rules[${i}].days must use ${WEEKDAYS.join('/')}`);
      if (!r.days?.length && !r.inDays?.length) fail(`calendars['${key}'].rules[${i}] needs days or inDays`);
    }
    for (const [i, b] of (cal.blocks ?? []).entries()) {
      if (!(Date.parse(b.start) < Date.parse(b.end))) fail(`calendars['${key}'].blocks[${i}] needs ISO start < end`);
    }
  }
  for (const [i, t] of (seed.teams ?? []).entries()) {
    if (typeof t?.id !== 'string' || !Array.isArray(t.channels)) fail(`teams[${i}] needs id and channels`);
  }
  return seed;
}

function at(day: WallTime, clock: string): number {
  const [hour, minute] = clock.split(':').map(Number);
  return instantOf({ ...day, hour, minute, second: 0 }, COPENHAGEN);
}

/** The calendar's busy blocks that touch [from, to), with `now` anchoring the rules' inDays. */
export function expandCalendar(calendar: SeedCalendar | undefined, from: number, to: number, now: number): BusyBlock[] {
  if (!calendar) return [];
  const today = wallTime(now, COPENHAGEN);
  const blocks: BusyBlock[] = [];
  for (const day of copenhagenDays(from, to)) {
    const weekday = WEEKDAYS[weekdayOf(day)];
    const offset = daysBetween(today, day);
    for (const rule of calendar.rules ?? []) {
      if (rule.days?.includes(weekday) || rule.inDays?.includes(offset)) {
        blocks.push({ start: at(day, rule.from), end: at(day, rule.to), subject: rule.subject ?? 'Optaget' });
      }
    }
  }
  for (const b of calendar.blocks ?? [])
    blocks.push({ start: Date.parse(b.start), end: Date.parse(b.end), subject: b.subject ?? 'Optaget' });
  return blocks.filter((b) => b.start < to && from < b.end);
}
