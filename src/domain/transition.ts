import type { Case, IncidentCase, WarningCase } from './case';
import { type Command, hasRevision } from './commands';
import type { Locale } from './i18n';
import { incidentTransition } from './incident-machine';
import { no, type TransitionContext, type TransitionResult } from './machine';
import { warningTransition } from './warning-machine';

export type {
  Command,
  Effect,
  EmployeeCommand,
  FollowUpCommand,
  IncidentCommand,
  MeetingCommand,
  PostCommand,
  ResultCommand,
  WarningCommand,
} from './commands';
export { isResult } from './commands';
export type { Rejection, TransitionContext, TransitionResult } from './machine';

/**
 * The case state machine: (state, command, now) → new state and effects.
 * A command made against an older revision changes nothing; the caller shows the current card.
 */
export function transition(state: Case, cmd: Command, ctx: TransitionContext): TransitionResult {
  if (hasRevision(cmd) && cmd.rev !== state.rev) return no('stale');
  switch (state.kind) {
    case 'incident':
      return incidentTransition(state, cmd, ctx);
    case 'warning':
      return warningTransition(state, cmd, ctx);
    default: {
      const _exhaustive: never = state;
      return _exhaustive;
    }
  }
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
