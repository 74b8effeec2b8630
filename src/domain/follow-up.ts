import type { IncidentCase } from './case';
import { addMonths, addWorkingDays, type IsoDate } from './dates';
import type { Policy } from './policy';
import { sendingDay } from './reminders';

/** The two check-ins the procedure asks for: a week and three months after the employee said yes. */
export type CheckInKind = 'week' | 'months3';
export const CHECK_IN_KINDS: readonly CheckInKind[] = ['week', 'months3'];

/** The employee's answer to "Hvordan har du det med sagen nu?". */
export type CheckInAnswer = 'good' | 'mixed' | 'hard';
export const CHECK_IN_ANSWERS: readonly CheckInAnswer[] = ['good', 'mixed', 'hard'];

/** The employee's optional comment; longer is cut off by the card and refused by the application. */
export const CHECK_IN_COMMENT_MAX = 500;

export interface CheckIn {
  readonly kind: CheckInKind;
  /** The working day it is sent on (or the first sweep after it, once the employee has opened the chat). */
  readonly due: IsoDate;
  /** The day it was claimed for sending; set once, so two instances send it once. */
  readonly sentOn?: IsoDate;
  readonly answer?: CheckInAnswer;
  /** The employee's own words; shown to the case's managers only, as typed. */
  readonly comment?: string;
  readonly answeredAt?: string;
  /** When the managers' notification of the answer was claimed; set once, so it goes out once. */
  readonly managersToldAt?: string;
}

/**
 * Opbakning's follow-up with one employee on the case, given only with their consent ("Medarbejderen har sagt ja til
 * opfølgning fra Opbakning"). Stopped by the employee ("stop") or the manager; then nothing more is sent.
 */
export interface FollowUp {
  /** The employee's directory id: the only way the bot recognises them in their own chat. */
  readonly employeeId: string;
  readonly status: 'active' | 'stopped';
  /** When the manager recorded the consent. */
  readonly since: string;
  readonly stoppedAt?: string;
  readonly stoppedBy?: 'employee' | 'manager';
  readonly checkIns: readonly CheckIn[];
}

/** The check-ins from the day the employee said yes: five working days on, and three months on (moved to a working day). */
export function checkInsFrom(day: IsoDate): CheckIn[] {
  return [
    { kind: 'week', due: addWorkingDays(day, 5) },
    { kind: 'months3', due: addWorkingDays(addMonths(day, 3), 0) },
  ];
}

/** The follow-up with this employee, if one is running: on a case still in its plan, with consent not withdrawn. */
export function activeFollowUp(c: IncidentCase, employeeId: string): FollowUp | undefined {
  if (c.status !== 'plan' || !employeeId) return undefined;
  return c.followUps?.find((f) => f.employeeId === employeeId && f.status === 'active');
}

/** What the check-in rule says about a case now. */
export type CheckInStep =
  | { readonly kind: 'none' }
  | { readonly kind: 'send'; readonly today: IsoDate; readonly employeeId: string; readonly checkIn: CheckInKind };

const NONE: CheckInStep = { kind: 'none' };

/**
 * A check-in goes out on a working day within the reminder hours (08–16 by default), on its due day or the first
 * sweep after it, while the follow-up is active. When both are overdue (the employee opened the chat late), only
 * the later one is asked: one question, about now. `ready` says whether the employee can be reached yet.
 */
export function checkInStep(c: IncidentCase, policy: Policy, now: Date, ready: (employeeId: string) => boolean): CheckInStep {
  if (c.status !== 'plan' || !c.followUps?.length) return NONE;
  // The reminder hours, whether or not reminders are switched on: the employee asked for these.
  const today = sendingDay(policy, now);
  if (!today) return NONE;
  for (const f of c.followUps) {
    if (f.status !== 'active' || !ready(f.employeeId)) continue;
    const due = f.checkIns.filter((ci) => ci.due <= today);
    const latest = due[due.length - 1];
    if (latest && !latest.sentOn) return { kind: 'send', today, employeeId: f.employeeId, checkIn: latest.kind };
  }
  return NONE;
}

/**
 * The claim before sending: the check-in's day is set, nothing else. Like the reminder's claim it does not change the
 * revision, so the manager's open card stays current; saved with the eTag, so only one instance sends it.
 */
export function claimCheckIn(c: IncidentCase, step: Extract<CheckInStep, { kind: 'send' }>): IncidentCase {
  return patchCheckIn(c, step.employeeId, step.checkIn, { sentOn: step.today });
}

/** One check-in of one employee changed, nothing else (the claims leave the revision alone). */
function patchCheckIn(c: IncidentCase, employeeId: string, kind: CheckInKind, patch: Partial<CheckIn>): IncidentCase {
  return {
    ...c,
    followUps: c.followUps?.map((f) =>
      f.employeeId === employeeId ? { ...f, checkIns: f.checkIns.map((ci) => (ci.kind === kind ? { ...ci, ...patch } : ci)) } : f,
    ),
  };
}

/** An answer the managers have not been told of yet (the answer path tells them at once; the sweep catches a crash). */
export function untoldAnswer(c: IncidentCase): { readonly employeeId: string; readonly checkIn: CheckIn } | undefined {
  for (const f of c.followUps ?? []) {
    const checkIn = f.checkIns.find((ci) => ci.answer && !ci.managersToldAt);
    if (checkIn) return { employeeId: f.employeeId, checkIn };
  }
  return undefined;
}

/** The claim before telling the managers; like the check-in's claim it leaves the revision alone. */
export function claimAnswerNotice(c: IncidentCase, employeeId: string, kind: CheckInKind, at: Date): IncidentCase {
  return patchCheckIn(c, employeeId, kind, { managersToldAt: at.toISOString() });
}
