import { isKind } from './assessment';
import type { Case, IncidentCase, PlannedAction } from './case';
import type { Effect } from './commands';
import type { ActionKind, Policy } from './policy';
import type { GuardrailIssue } from './support-message';

export interface TransitionContext {
  readonly now: Date;
  /** Directory id of the manager acting. */
  readonly actor: string;
  readonly policy: Policy;
}

/** `closed`: the case is closed (evidence is refused with that reason); `duplicate`: the same bytes are already on the case. */
export type Rejection = 'stale' | 'notAllowedNow' | 'unknownAction' | 'guardrail' | 'closed' | 'duplicate' | 'invalid';

export type TransitionResult =
  | { readonly ok: true; readonly state: Case; readonly effects: readonly Effect[] }
  | { readonly ok: false; readonly reason: Rejection; readonly issues?: readonly GuardrailIssue[] };

/** The next revision, with the change and who made it in the audit trail. */
export function advance<C extends Case>(c: C, ctx: TransitionContext, what: string, changes: Partial<C>, actionId?: string): C {
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

export const ok = (state: Case, effects: readonly Effect[] = []): TransitionResult => ({ ok: true, state, effects });
export const no = (reason: Rejection): TransitionResult => ({ ok: false, reason });

/** Open again, as planned: who settled it, when, how and why are dropped. */
export function reopened(a: PlannedAction): PlannedAction {
  return { actionId: a.actionId, due: a.due, reasons: a.reasons, source: a.source, status: 'open' };
}

/** Marks the plan's open actions of a kind done on the manager's behalf when Graph has done them. */
export function completeByGraph(c: IncidentCase, kind: ActionKind, ctx: TransitionContext): IncidentCase['plan'] {
  return c.plan?.map((a) =>
    a.status === 'open' && isKind(ctx.policy, a.actionId, kind)
      ? { ...a, status: 'done' as const, doneAt: ctx.now.toISOString(), doneBy: ctx.actor, byGraph: true as const }
      : a,
  );
}

/** Reopens only what Graph ticked off; a manager's own "done" or "not relevant" stands. */
export function reopenByGraph(c: IncidentCase, kind: ActionKind, ctx: TransitionContext): IncidentCase['plan'] {
  return c.plan?.map((a) => (a.byGraph && isKind(ctx.policy, a.actionId, kind) ? reopened(a) : a));
}
