import type { Case, PlannedAction } from './case';
import { danishDate, type IsoDate, isWeekend } from './dates';
import { DEFAULT_REMINDERS, type Policy } from './policy';
import { copenhagenWallTime } from './zoned';

/** What the reminder rule says about a case now. */
export type ReminderStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'remind'; readonly today: IsoDate; readonly due: readonly PlannedAction[] };

const NONE: ReminderStep = { kind: 'none' };

/**
 * The owner of a confirmed plan is reminded, once on a working day from the policy's hour, of the open
 * actions due that day or earlier — the one-week and three-month follow-ups above all. Not on a day the
 * case was already worked on: the manager has the card in front of them then.
 */
export function reminderStep(c: Case, policy: Policy, now: Date): ReminderStep {
  const rule = policy.reminders ?? DEFAULT_REMINDERS;
  if (!rule.enabled || c.kind !== 'incident' || c.status !== 'plan' || !c.plan) return NONE;
  const { date: today, time } = copenhagenWallTime(now);
  if (isWeekend(today) || Number(time.slice(0, 2)) < rule.fromHour) return NONE;
  if (c.remindedOn === today || danishDate(new Date(c.updatedAt)) === today) return NONE;
  const due = c.plan.filter((a) => a.status === 'open' && a.due <= today);
  return due.length ? { kind: 'remind', today, due: [...due].sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0)) } : NONE;
}
