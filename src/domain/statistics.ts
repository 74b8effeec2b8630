import type { Case, IncidentCase, PlannedAction } from './case';
import { addMonths, compareDates, danishDate, daysBetween, type IsoDate } from './dates';
import type { ActionKind, Policy, StatisticKind } from './policy';

/**
 * Statistics for management and MED. A case is reduced to a `CaseFact` when it is saved: no names, links,
 * descriptions or ids of people, only what the figures are made of. The figures are computed from the facts.
 */
export const OUTCOMES = ['policeReport', 'takedownRequest', 'dataProtectionComplaint'] as const satisfies readonly StatisticKind[];
export type Outcome = (typeof OUTCOMES)[number];

/** The months shown, the current one included. */
export const PERIOD_MONTHS = 12;
/** Counts from 1 up to this are shown as "under 3", and a breakdown by kind needs at least this many cases. */
export const MIN_SHOWN = 3;

export interface CaseFact {
  readonly kind: Case['kind'];
  readonly departmentId: string;
  /** The case's revision the fact was made from: an older one never replaces a newer. */
  readonly rev: number;
  /** When the publication was discovered (incident) or the warning noted (Copenhagen date). */
  readonly on: IsoDate;
  readonly characteristics: readonly string[];
  readonly outcomes: readonly Outcome[];
  /** Whole days from discovery to the support meeting / the support message, when they happened. */
  readonly meetingDays?: number;
  readonly messageDays?: number;
  /** Due dates of the plan's open actions, while the case is open ("overdue now" is counted when asked). */
  readonly openDue: readonly IsoDate[];
}

const happened = (a: PlannedAction) => a.status === 'done' && !a.notRelevant;

function firstDone(c: IncidentCase, policy: Policy, kind: ActionKind): PlannedAction | undefined {
  return c.plan?.find((a) => happened(a) && policy.actions.find((d) => d.id === a.actionId)?.kind === kind);
}

function daysTo(from: IsoDate, instant: string | undefined): number | undefined {
  if (!instant) return undefined;
  const at = new Date(instant);
  return Number.isNaN(at.getTime()) ? undefined : Math.max(0, daysBetween(from, danishDate(at)));
}

/** What the statistics keep of a case; undefined until its intake (or the warning) has been saved. */
export function factOf(c: Case, policy: Policy): CaseFact | undefined {
  const base = { departmentId: c.departmentId, rev: c.rev };
  if (c.kind === 'warning')
    return c.warning ? { ...base, kind: 'warning', on: c.warning.notedOn, characteristics: [], outcomes: [], openDue: [] } : undefined;
  const intake = c.intake;
  if (!intake) return undefined;
  const plan = c.plan ?? [];
  const outcomes = OUTCOMES.filter((o) =>
    plan.some((a) => happened(a) && policy.actions.find((d) => d.id === a.actionId)?.statistic === o),
  );
  const meeting = firstDone(c, policy, 'meeting');
  // A meeting booked through Graph was held at its slot; one done by hand, when it was ticked off.
  const meetingAt = meeting && (c.meeting?.status === 'booked' && c.meeting.slot ? c.meeting.slot.start : meeting.doneAt);
  const meetingDays = daysTo(intake.discoveredOn, meetingAt);
  const messageDays = daysTo(intake.discoveredOn, firstDone(c, policy, 'channelPost')?.doneAt);
  return {
    ...base,
    kind: 'incident',
    on: intake.discoveredOn,
    characteristics: policy.characteristics.filter((ch) => intake.characteristics.includes(ch.id)).map((ch) => ch.id),
    outcomes,
    ...(meetingDays !== undefined ? { meetingDays } : {}),
    ...(messageDays !== undefined ? { messageDays } : {}),
    openDue: c.status === 'closed' ? [] : plan.filter((a) => a.status === 'open').map((a) => a.due),
  };
}

/** The first month of the period ending with `today`'s month, as YYYY-MM. */
export function periodMonths(today: IsoDate): string[] {
  const first = addMonths(`${today.slice(0, 7)}-01`, -(PERIOD_MONTHS - 1));
  return Array.from({ length: PERIOD_MONTHS }, (_, i) => addMonths(first, i).slice(0, 7));
}

export interface Figures {
  readonly months: readonly { readonly month: string; readonly incidents: number; readonly warnings: number }[];
  readonly incidents: number;
  readonly warnings: number;
  /** Per characteristic in the policy's order. */
  readonly byKind: readonly { readonly id: string; readonly count: number }[];
  readonly outcomes: readonly { readonly outcome: Outcome; readonly count: number }[];
  readonly meetingDays: readonly number[];
  readonly messageDays: readonly number[];
  readonly overdue: number;
}

/** The raw figures over the last 12 months (overdue: now, whenever the case began). Never shown as they are. */
export function figures(facts: Iterable<CaseFact>, policy: Policy, today: IsoDate): Figures {
  const months = periodMonths(today);
  const from = `${months[0]}-01`;
  const perMonth = new Map(months.map((m) => [m, { month: m, incidents: 0, warnings: 0 }]));
  const kinds = new Map(policy.characteristics.map((ch) => [ch.id, 0]));
  const outcomes = new Map<Outcome, number>(OUTCOMES.map((o) => [o, 0]));
  const meetingDays: number[] = [];
  const messageDays: number[] = [];
  let overdue = 0;
  let incidents = 0;
  let warnings = 0;
  for (const f of facts) {
    overdue += f.openDue.filter((due) => compareDates(due, today) < 0).length;
    const month = perMonth.get(f.on.slice(0, 7));
    if (!month || compareDates(f.on, from) < 0 || compareDates(f.on, today) > 0) continue;
    if (f.kind === 'warning') {
      month.warnings += 1;
      warnings += 1;
      continue;
    }
    month.incidents += 1;
    incidents += 1;
    for (const id of f.characteristics) if (kinds.has(id)) kinds.set(id, (kinds.get(id) ?? 0) + 1);
    for (const o of f.outcomes) outcomes.set(o, (outcomes.get(o) ?? 0) + 1);
    if (f.meetingDays !== undefined) meetingDays.push(f.meetingDays);
    if (f.messageDays !== undefined) messageDays.push(f.messageDays);
  }
  return {
    months: [...perMonth.values()],
    incidents,
    warnings,
    byKind: [...kinds].map(([id, count]) => ({ id, count })),
    outcomes: [...outcomes].map(([outcome, count]) => ({ outcome, count })),
    meetingDays,
    messageDays,
    overdue,
  };
}

/** A count as it may be shown: exact from 3, "under 3" for 1 and 2. */
export type Shown = number | 'under3';

export function shown(n: number): Shown {
  return n > 0 && n < MIN_SHOWN ? 'under3' : n;
}

export function median(values: readonly number[]): number | undefined {
  if (!values.length) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** What may be shown to management and MED: nothing below 3, no breakdown of fewer than 3 cases, no median of 1 or 2. */
export interface AnonymousFigures {
  readonly months: readonly { readonly month: string; readonly incidents: Shown; readonly warnings: Shown }[];
  readonly incidents: Shown;
  readonly warnings: Shown;
  /** Absent when fewer than 3 cases: a breakdown would describe the case. Kinds with no case are left out. */
  readonly byKind?: readonly { readonly id: string; readonly count: Shown }[];
  readonly outcomes: readonly { readonly outcome: Outcome; readonly count: Shown }[];
  readonly medianMeetingDays?: number;
  readonly medianMessageDays?: number;
  readonly overdue: Shown;
}

export function anonymise(f: Figures): AnonymousFigures {
  const enough = (values: readonly number[]) => (values.length >= MIN_SHOWN ? median(values) : undefined);
  const meeting = enough(f.meetingDays);
  const message = enough(f.messageDays);
  return {
    months: f.months.map((m) => ({ month: m.month, incidents: shown(m.incidents), warnings: shown(m.warnings) })),
    incidents: shown(f.incidents),
    warnings: shown(f.warnings),
    ...(f.incidents >= MIN_SHOWN ? { byKind: f.byKind.filter((k) => k.count > 0).map((k) => ({ id: k.id, count: shown(k.count) })) } : {}),
    outcomes: f.outcomes.map((o) => ({ outcome: o.outcome, count: shown(o.count) })),
    ...(meeting !== undefined ? { medianMeetingDays: meeting } : {}),
    ...(message !== undefined ? { medianMessageDays: message } : {}),
    overdue: shown(f.overdue),
  };
}
