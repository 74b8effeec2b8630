import { actionDef, assess, byPriority, plannedAction } from './assessment';
import type { Case, IncidentCase, Intake, PlannedAction, Warning, WarningCase } from './case';
import type { Locale } from './i18n';
import type { Policy } from './policy';

/** What a manager asked for, already validated. Every command names the revision it was made against. */
export type Command =
  | { readonly type: 'intake.submit'; readonly rev: number; readonly intake: Intake }
  | { readonly type: 'assessment.edit'; readonly rev: number }
  | { readonly type: 'assessment.confirm'; readonly rev: number; readonly keep: readonly string[]; readonly add: readonly string[] }
  | { readonly type: 'action.done'; readonly rev: number; readonly actionId: string; readonly reference?: string }
  | { readonly type: 'action.reopen'; readonly rev: number; readonly actionId: string }
  | { readonly type: 'case.close'; readonly rev: number }
  | { readonly type: 'warning.submit'; readonly rev: number; readonly warning: Warning }
  | { readonly type: 'warning.escalate'; readonly rev: number; readonly incidentId: string };

/** Work outside the case record that the application must carry out after saving. */
export type Effect = { readonly kind: 'createEscalatedIncident'; readonly incidentId: string; readonly fromWarning: string };

export interface TransitionContext {
  readonly now: Date;
  /** Directory id of the manager acting. */
  readonly actor: string;
  readonly policy: Policy;
}

export type Rejection = 'stale' | 'notAllowedNow' | 'unknownAction';

export type TransitionResult =
  | { readonly ok: true; readonly state: Case; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly reason: Rejection };

function advance<C extends Case>(c: C, ctx: TransitionContext, what: string, changes: Partial<C>, actionId?: string): C {
  const rev = c.rev + 1;
  const at = ctx.now.toISOString();
  return {
    ...c,
    ...changes,
    rev,
    updatedAt: at,
    audit: [...c.audit, { at, by: ctx.actor, what, rev, ...(actionId ? { actionId } : {}) }],
  };
}

const ok = (state: Case, effects: readonly Effect[] = []): TransitionResult => ({ ok: true, state, effects });
const no = (reason: Rejection): TransitionResult => ({ ok: false, reason });

function incident(c: IncidentCase, cmd: Command, ctx: TransitionContext): TransitionResult {
  switch (cmd.type) {
    case 'intake.submit': {
      if (c.status !== 'intake') return no('notAllowedNow');
      const proposal = assess(ctx.policy, cmd.intake);
      return ok(advance(c, ctx, cmd.type, { status: 'assessment', intake: cmd.intake, proposal }));
    }
    case 'assessment.edit':
      if (c.status !== 'assessment') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'intake' }));
    case 'assessment.confirm': {
      if (c.status !== 'assessment' || !c.intake || !c.proposal) return no('notAllowedNow');
      const keep = new Set(cmd.keep);
      const kept = c.proposal.filter((a) => keep.has(a.actionId));
      const added: PlannedAction[] = [];
      for (const id of new Set(cmd.add)) {
        if (!actionDef(ctx.policy, id)) return no('unknownAction');
        if (kept.some((a) => a.actionId === id)) continue;
        const proposed = c.proposal.find((a) => a.actionId === id);
        added.push(proposed ?? plannedAction(ctx.policy, id, c.intake.discoveredOn, [], 'manager'));
      }
      const plan = [...kept, ...added].sort(byPriority(ctx.policy));
      return ok(advance(c, ctx, cmd.type, { status: 'plan', plan }));
    }
    case 'action.done':
    case 'action.reopen': {
      if (c.status !== 'plan' || !c.plan) return no('notAllowedNow');
      const target = c.plan.find((a) => a.actionId === cmd.actionId);
      if (!target) return no('unknownAction');
      const updated: PlannedAction =
        cmd.type === 'action.done'
          ? {
              ...target,
              status: 'done',
              doneAt: ctx.now.toISOString(),
              doneBy: ctx.actor,
              ...(cmd.reference ? { reference: cmd.reference } : {}),
            }
          : { actionId: target.actionId, due: target.due, reasons: target.reasons, source: target.source, status: 'open' };
      const plan = c.plan.map((a) => (a.actionId === cmd.actionId ? updated : a));
      return ok(advance(c, ctx, cmd.type, { plan }, cmd.actionId));
    }
    case 'case.close':
      if (c.status === 'closed') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'closed', closedAt: ctx.now.toISOString() }));
    default:
      return no('notAllowedNow');
  }
}

function warning(c: WarningCase, cmd: Command, ctx: TransitionContext): TransitionResult {
  switch (cmd.type) {
    case 'warning.submit':
      if (c.status !== 'warning' && c.status !== 'recorded') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'recorded', warning: cmd.warning }));
    case 'warning.escalate':
      if (c.status !== 'recorded') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'escalated', escalatedTo: cmd.incidentId }), [
        { kind: 'createEscalatedIncident', incidentId: cmd.incidentId, fromWarning: c.id },
      ]);
    case 'case.close':
      if (c.status === 'closed' || c.status === 'escalated') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'closed', closedAt: ctx.now.toISOString() }));
    default:
      return no('notAllowedNow');
  }
}

/**
 * The case state machine: (state, command, now) → new state and effects.
 * A command made against an older revision changes nothing; the caller shows the current card.
 */
export function transition(state: Case, cmd: Command, ctx: TransitionContext): TransitionResult {
  if (cmd.rev !== state.rev) return no('stale');
  return state.kind === 'incident' ? incident(state, cmd, ctx) : warning(state, cmd, ctx);
}

export interface NewCase {
  readonly id: string;
  readonly ownerId: string;
  readonly departmentId: string;
  readonly locale: Locale;
  readonly now: Date;
}

function base(n: NewCase, what: string) {
  const at = n.now.toISOString();
  return {
    id: n.id,
    rev: 1,
    ownerId: n.ownerId,
    managerIds: [] as string[],
    departmentId: n.departmentId,
    locale: n.locale,
    createdAt: at,
    updatedAt: at,
    audit: [{ at, by: n.ownerId, what, rev: 1 }],
  };
}

export function newIncident(n: NewCase, escalatedFrom?: WarningCase): IncidentCase {
  const c: IncidentCase = { ...base(n, escalatedFrom ? 'incident.escalated' : 'incident.open'), kind: 'incident', status: 'intake' };
  if (!escalatedFrom) return c;
  const w = escalatedFrom.warning;
  return {
    ...c,
    managerIds: escalatedFrom.managerIds,
    escalatedFrom: escalatedFrom.id,
    ...(w ? { prefill: { employees: w.employees, description: w.description } } : {}),
  };
}

export function newWarning(n: NewCase): WarningCase {
  return { ...base(n, 'warning.open'), kind: 'warning', status: 'warning' };
}
