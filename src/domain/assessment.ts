import type { Intake, PlannedAction } from './case';
import { addDays, addMonths, addWorkingDays, compareDates, type IsoDate } from './dates';
import type { ActionDef, ActionKind, Condition, DueRule, Policy } from './policy';

export function matches(condition: Condition, present: ReadonlySet<string>): boolean {
  if ('always' in condition) return condition.always === true;
  const any = condition.any ?? [];
  const all = condition.all ?? [];
  const none = condition.none ?? [];
  if (!any.length && !all.length) return false;
  if (any.length && !any.some((c) => present.has(c))) return false;
  if (!all.every((c) => present.has(c))) return false;
  return !none.some((c) => present.has(c));
}

/** The deadline of a rule, counted from the discovery date. Hours round up to whole days. */
export function dueDate(rule: DueRule, from: IsoDate): IsoDate {
  let date = from;
  if (rule.months) date = addMonths(date, rule.months);
  if (rule.days) date = addDays(date, rule.days);
  if (rule.hours) date = addDays(date, Math.ceil(rule.hours / 24));
  if (rule.workingDays !== undefined) date = addWorkingDays(date, rule.workingDays);
  return date;
}

/** When an action belongs on the cards: today (or tomorrow), within a week, or later follow-up. */
export type Urgency = 'now' | 'week' | 'later';
export const URGENCIES: readonly Urgency[] = ['now', 'week', 'later'];

/**
 * Derived from the deadline rule alone, so it needs no policy field and stays the same however late a
 * case is registered: at most a day (a working day counts as one) is "now", at most 7 days "within a week".
 */
export function urgency(rule: DueRule): Urgency {
  const days = (rule.months ?? 0) * 28 + (rule.days ?? 0) + Math.ceil((rule.hours ?? 0) / 24) + (rule.workingDays ?? 0);
  return days <= 1 ? 'now' : days <= 7 ? 'week' : 'later';
}

/** The actions in urgency groups, most urgent first, each keeping the order it was given in; empty groups left out. */
export function byUrgency<T extends { readonly actionId: string }>(
  policy: Policy,
  actions: readonly T[],
): { readonly urgency: Urgency; readonly actions: readonly T[] }[] {
  const of = (a: T): Urgency => {
    const def = actionDef(policy, a.actionId);
    return def ? urgency(def.due) : 'later';
  };
  return URGENCIES.map((u) => ({ urgency: u, actions: actions.filter((a) => of(a) === u) })).filter((g) => g.actions.length);
}

export function actionDef(policy: Policy, actionId: string): ActionDef | undefined {
  return policy.actions.find((a) => a.id === actionId);
}

/** Whether a plan action is of a kind; the policy names the ids, the kind says what the bot does with it. */
export function isKind(policy: Policy, actionId: string, kind: ActionKind): boolean {
  return actionDef(policy, actionId)?.kind === kind;
}

/** Orders by the policy's priority, then deadline, then id, so cards are stable. */
export function byPriority(policy: Policy): (a: PlannedAction, b: PlannedAction) => number {
  const rank = new Map(policy.actions.map((a, i) => [a.id, [a.priority, i] as const]));
  return (a, b) => {
    const [pa, ia] = rank.get(a.actionId) ?? [Number.MAX_SAFE_INTEGER, 0];
    const [pb, ib] = rank.get(b.actionId) ?? [Number.MAX_SAFE_INTEGER, 0];
    return pa - pb || compareDates(a.due, b.due) || ia - ib;
  };
}

export function plannedAction(
  policy: Policy,
  actionId: string,
  discoveredOn: IsoDate,
  reasons: readonly string[],
  source: PlannedAction['source'],
): PlannedAction {
  const def = actionDef(policy, actionId);
  if (!def) throw new RangeError(`unknown action ${actionId}`);
  return { actionId, due: dueDate(def.due, discoveredOn), reasons, source, status: 'open' };
}

/** Runs the decision table over the intake: every matching row adds its actions, with the row as the reason. */
export function assess(policy: Policy, intake: Intake): PlannedAction[] {
  const present = new Set(intake.characteristics);
  const reasons = new Map<string, string[]>();
  for (const rule of policy.rules) {
    if (!matches(rule.when, present)) continue;
    for (const actionId of rule.recommend) {
      const list = reasons.get(actionId) ?? [];
      if (!list.includes(rule.id)) list.push(rule.id);
      reasons.set(actionId, list);
    }
  }
  return [...reasons.entries()]
    .map(([actionId, why]) => plannedAction(policy, actionId, intake.discoveredOn, why, 'policy'))
    .sort(byPriority(policy));
}

/** The open action that is due first (emergency first when due the same day). */
export function nextDue(policy: Policy, actions: readonly PlannedAction[]): PlannedAction | undefined {
  const open = actions.filter((a) => a.status === 'open');
  const order = byPriority(policy);
  return [...open].sort((a, b) => compareDates(a.due, b.due) || order(a, b))[0];
}
