import type { IncidentCase } from './case';
import type { FollowUpCommand } from './commands';
import { danishDate } from './dates';
import { activeFollowUp, CHECK_IN_ANSWERS, CHECK_IN_COMMENT_MAX, checkInsFrom, type FollowUp } from './follow-up';
import { advance, no, ok, type TransitionContext, type TransitionResult } from './machine';

function replaced(c: IncidentCase, next: FollowUp): readonly FollowUp[] {
  const list = c.followUps ?? [];
  return list.some((f) => f.employeeId === next.employeeId)
    ? list.map((f) => (f.employeeId === next.employeeId ? next : f))
    : [...list, next];
}

/**
 * The employee's follow-up, a sub-machine of the plan: none → active (the manager records the employee's consent)
 * → stopped (the employee says stop, or the manager withdraws it). While active, check-ins are sent (the sweep
 * claims them) and the employee may answer each once. Every change is in the audit trail under who made it.
 */
export function followUpTransition(c: IncidentCase, cmd: FollowUpCommand, ctx: TransitionContext): TransitionResult {
  if (c.status !== 'plan' || !c.intake) return no('notAllowedNow');
  const at = ctx.now.toISOString();
  switch (cmd.type) {
    case 'followUp.start': {
      // Only with the employee's yes, and only for someone the case is about.
      if (!cmd.consent || !c.intake.employees.some((e) => e.id === cmd.employeeId)) return no('notAllowedNow');
      if (activeFollowUp(c, cmd.employeeId)) return no('notAllowedNow');
      const next: FollowUp = { employeeId: cmd.employeeId, status: 'active', since: at, checkIns: checkInsFrom(danishDate(ctx.now)) };
      return ok(advance(c, ctx, cmd.type, { followUps: replaced(c, next) }), [{ kind: 'indexFollowUp', employeeId: cmd.employeeId }]);
    }
    case 'followUp.withdraw': {
      const f = activeFollowUp(c, cmd.employeeId);
      if (!f) return no('notAllowedNow');
      const next: FollowUp = { ...f, status: 'stopped', stoppedAt: at, stoppedBy: 'manager' };
      return ok(advance(c, ctx, cmd.type, { followUps: replaced(c, next) }));
    }
    case 'followUp.stop': {
      const f = activeFollowUp(c, ctx.actor);
      if (!f) return no('notAllowedNow');
      const next: FollowUp = { ...f, status: 'stopped', stoppedAt: at, stoppedBy: 'employee' };
      return ok(advance(c, ctx, cmd.type, { followUps: replaced(c, next) }));
    }
    case 'followUp.answer': {
      const f = activeFollowUp(c, ctx.actor);
      const target = f?.checkIns.find((ci) => ci.kind === cmd.checkIn);
      // Only a question that was asked, once: a replayed or forged answer changes nothing.
      if (!f || !target?.sentOn || target.answer) return no('notAllowedNow');
      if (!CHECK_IN_ANSWERS.includes(cmd.answer)) return no('notAllowedNow');
      const comment = cmd.comment?.trim().slice(0, CHECK_IN_COMMENT_MAX);
      const answered = { ...target, answer: cmd.answer, answeredAt: at, ...(comment ? { comment } : {}) };
      const next: FollowUp = { ...f, checkIns: f.checkIns.map((ci) => (ci.kind === cmd.checkIn ? answered : ci)) };
      return ok(advance(c, ctx, cmd.type, { followUps: replaced(c, next) }));
    }
    default: {
      const _exhaustive: never = cmd;
      return _exhaustive;
    }
  }
}
