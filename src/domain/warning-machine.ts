import type { WarningCase } from './case';
import type { Command } from './commands';
import { advance, no, ok, type TransitionContext, type TransitionResult } from './machine';

/** The early warning: recorded, escalated into an incident, or closed. The incident's own steps do not apply. */
export function warningTransition(c: WarningCase, cmd: Command, ctx: TransitionContext): TransitionResult {
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
    case 'intake.submit':
    case 'assessment.edit':
    case 'assessment.confirm':
    case 'action.done':
    case 'action.notRelevant':
    case 'action.reopen':
    case 'meeting.search':
    case 'meeting.book':
    case 'meeting.cancel':
    case 'meeting.move':
    case 'meeting.found':
    case 'meeting.searchFailed':
    case 'meeting.created':
    case 'meeting.createFailed':
    case 'meeting.cancelled':
    case 'meeting.moved':
    case 'meeting.changeFailed':
    case 'post.save':
    case 'post.send':
    case 'post.confirm':
    case 'post.posted':
    case 'post.failed':
    case 'evidence.add':
    case 'evidence.withdraw':
    case 'evidence.describe':
    case 'followUp.start':
    case 'followUp.withdraw':
    case 'followUp.stop':
    case 'followUp.answer':
      return no('notAllowedNow');
    default: {
      const _exhaustive: never = cmd;
      return _exhaustive;
    }
  }
}
