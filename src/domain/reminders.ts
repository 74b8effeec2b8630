import { actionDef } from './assessment';
import type { Case, PlannedAction } from './case';
import { addDays, compareDates, danishDate, type IsoDate, isWorkingDay } from './dates';
import { DEFAULT_REMINDERS, type Policy } from './policy';
import { copenhagenWallTime } from './zoned';

/** What the reminder rule says about a case now. */
export type ReminderStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'remind'; readonly today: IsoDate; readonly due: readonly PlannedAction[] };

const NONE: ReminderStep = { kind: 'none' };

/** Working days from the due date to today: 0 on the due day (or the day off it fell on), 1 the next working day… */
export function workingDaysLate(due: IsoDate, today: IsoDate): number {
  let n = 0;
  // Bounded: a case is deleted within a few years, and beyond that the cadence is weekly anyway.
  for (let d = addDays(due, 1); d <= today && n < 2000; d = addDays(d, 1)) if (isWorkingDay(d)) n += 1;
  return n;
}

/** On the due day, one and three working days after, then once a week: a nudge, not a nag. */
export function onCadence(late: number): boolean {
  return late === 0 || late === 1 || late === 3 || (late >= 5 && late % 5 === 0);
}

/** Today's date when `now` is a working day within the policy's reminder hours (08–16 by default, Danish time). */
export function sendingDay(policy: Policy, now: Date): IsoDate | undefined {
  const rule = { ...DEFAULT_REMINDERS, ...policy.reminders };
  const { date: today, time } = copenhagenWallTime(now);
  const hour = Number(time.slice(0, 2));
  return isWorkingDay(today) && hour >= rule.fromHour && hour < rule.untilHour ? today : undefined;
}

/**
 * The owner of a confirmed plan is reminded on working days within the policy's hours, of the open actions
 * due that day or earlier — the one-week and three-month follow-ups above all — when one of them is on its
 * cadence day. Not twice a day, and not on a day the case was already worked on: the card is in front of them then.
 */
export function reminderStep(c: Case, policy: Policy, now: Date): ReminderStep {
  if (!{ ...DEFAULT_REMINDERS, ...policy.reminders }.enabled || c.kind !== 'incident' || c.status !== 'plan' || !c.plan) return NONE;
  const today = sendingDay(policy, now);
  if (!today) return NONE;
  if (c.remindedOn === today || danishDate(new Date(c.updatedAt)) === today) return NONE;
  // Actions the policy no longer knows cannot be shown, so they do not make a reminder either.
  const due = c.plan.filter((a) => a.status === 'open' && a.due <= today && actionDef(policy, a.actionId));
  if (!due.some((a) => onCadence(workingDaysLate(a.due, today)))) return NONE;
  return { kind: 'remind', today, due: due.sort((a, b) => compareDates(a.due, b.due)) };
}
