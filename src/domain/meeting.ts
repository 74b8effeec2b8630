import type { PersonRef } from './case';
import { addWorkingDays, danishDate, isIsoDate, isWorkingDay } from './dates';
import { copenhagenTime } from './zoned';

/** A proposed or booked meeting time, as UTC instants (ISO strings). */
export interface Slot {
  readonly start: string;
  readonly end: string;
}

export type MeetingStatus = 'idle' | 'searching' | 'choosing' | 'booking' | 'booked' | 'unknown' | 'cancelled';

/** The meeting's own record inside the case. Intent is saved before each Graph call (see case-service). */
export interface MeetingState {
  readonly status: MeetingStatus;
  /** Sent as the event's transactionId: Graph creates the event at most once per id. */
  readonly transactionId: string;
  readonly attempt: number;
  readonly suggestions?: readonly Slot[];
  /** Why Graph found no time ('AttendeesUnavailable', …), when it did not. */
  readonly emptyReason?: string;
  readonly slot?: Slot;
  readonly eventId?: string;
  readonly joinUrl?: string;
  readonly webLink?: string;
  readonly error?: GraphFailure;
  readonly since?: string;
}

/** Graph failures the manager can act on. */
export type GraphFailure = 'throttled' | 'unavailable' | 'forbidden' | 'notFound' | 'signIn' | 'invalid';

export interface Attendees {
  readonly required: readonly PersonRef[];
  readonly optional: readonly PersonRef[];
}

export const WORKDAY = { startHour: 8, endHour: 16 } as const;

/** How many of Graph's suggestions the card offers. */
export const SUGGESTIONS_SHOWN = 3;

/**
 * Graph knows working hours, not Danish public holidays: times on a holiday are dropped, then the first few kept.
 * When none is left the card explains why, like Graph's own "attendees unavailable".
 */
export function offeredSlots(suggestions: readonly Slot[], emptyReason?: string): { suggestions: Slot[]; emptyReason?: string } {
  const kept = suggestions.filter((s) => isWorkingDay(danishDate(new Date(s.start)))).slice(0, SUGGESTIONS_SHOWN);
  const reason = kept.length ? undefined : (emptyReason ?? 'AttendeesUnavailable');
  return { suggestions: kept, ...(reason ? { emptyReason: reason } : {}) };
}

/**
 * A Graph call still marked as running after this long was cut off (the instance stopped or crashed).
 * The manager may then repeat it: the transaction id keeps a meeting single, and a post is never repeated blindly.
 */
export const STALE_AFTER_MS = 30_000;

export function isStale(since: string | undefined, now: Date): boolean {
  return !since || now.getTime() - new Date(since).getTime() > STALE_AFTER_MS;
}

/**
 * The window findMeetingTimes searches: from 30 minutes from now (on a half hour)
 * to the end of the next working day, Danish working hours.
 */
export function meetingWindow(now: Date): Slot {
  const soonest = new Date(Math.ceil((now.getTime() + 30 * 60_000) / (30 * 60_000)) * 30 * 60_000);
  const today = danishDate(now);
  // Same or next working day; from a weekend or a holiday that is the first working day after it.
  const lastDay = addWorkingDays(today, isWorkingDay(today) ? 1 : 0);
  return { start: soonest.toISOString(), end: copenhagenTime(lastDay, WORKDAY.endHour).toISOString() };
}

/** The first half hour of working time at or after the window start: the manual fallback when Graph finds nothing. */
export function earliestManualSlot(now: Date, minutes: number): Slot {
  const window = meetingWindow(now);
  let start = new Date(window.start);
  const day = danishDate(start);
  const open = copenhagenTime(day, WORKDAY.startHour);
  const close = copenhagenTime(day, WORKDAY.endHour);
  if (!isWorkingDay(day) || start.getTime() + minutes * 60_000 > close.getTime())
    start = copenhagenTime(addWorkingDays(day, isWorkingDay(day) ? 1 : 0), WORKDAY.startHour);
  else if (start < open) start = open;
  return { start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() };
}

/** Who is invited: the involved employees and the TR must come; the AMR and other managers are asked. */
export function attendeesFor(
  employees: readonly PersonRef[],
  tr: PersonRef | undefined,
  amr: PersonRef | undefined,
  managers: readonly PersonRef[],
  organizerId: string,
): Attendees {
  const seen = new Set<string>([organizerId]);
  const take = (list: readonly (PersonRef | undefined)[]) =>
    list.filter((p): p is PersonRef => {
      if (!p || seen.has(p.id)) return false;
      seen.add(p.id);
      return true;
    });
  const required = take([...employees, tr]);
  const optional = take([amr, ...managers]);
  return { required, optional };
}

/** A manual date and time (Copenhagen) into a slot, or undefined when it is not a valid future working time. */
export function manualSlot(date: string, time: string, minutes: number, now: Date): Slot | undefined {
  const t = /^(\d{2}):(\d{2})(?::00)?$/.exec(time);
  if (!t || !isIsoDate(date) || !isWorkingDay(date)) return undefined;
  const hour = Number(t[1]);
  const minute = Number(t[2]);
  // The card offers 07:00–18:00; the client enforces it in Teams, so it is checked here again.
  if (minute > 59 || hour < 7 || hour * 60 + minute + minutes > 18 * 60) return undefined;
  const start = copenhagenTime(date, hour, minute);
  if (Number.isNaN(start.getTime()) || start.getTime() < now.getTime()) return undefined;
  return { start: start.toISOString(), end: new Date(start.getTime() + minutes * 60_000).toISOString() };
}
