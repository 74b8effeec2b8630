import { actionDef, assess, byPriority, plannedAction } from './assessment';
import type { IncidentCase, PlannedAction } from './case';
import type { Command } from './commands';
import { evidenceTransition } from './evidence-machine';
import { followUpTransition } from './follow-up-machine';
import { advance, no, ok, reopened, type TransitionContext, type TransitionResult } from './machine';
import { meetingTransition } from './meeting-machine';
import { postTransition } from './post-machine';

/** The incident: intake → assessment → plan → closed; the meeting and the message are sub-machines of the plan. */
export function incidentTransition(c: IncidentCase, cmd: Command, ctx: TransitionContext): TransitionResult {
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
    case 'action.notRelevant':
    case 'action.reopen': {
      if (c.status !== 'plan' || !c.plan) return no('notAllowedNow');
      const target = c.plan.find((a) => a.actionId === cmd.actionId);
      if (!target) return no('unknownAction');
      if ((cmd.type === 'action.reopen') !== (target.status === 'done')) return no('notAllowedNow');
      const updated: PlannedAction =
        cmd.type === 'action.reopen'
          ? reopened(target)
          : {
              ...target,
              status: 'done',
              doneAt: ctx.now.toISOString(),
              doneBy: ctx.actor,
              ...(cmd.type === 'action.notRelevant' ? { notRelevant: true as const } : {}),
              ...(cmd.reference ? { reference: cmd.reference } : {}),
            };
      const plan = c.plan.map((a) => (a.actionId === cmd.actionId ? updated : a));
      return ok(advance(c, ctx, cmd.type, { plan }, cmd.actionId));
    }
    case 'case.close':
      if (c.status === 'closed') return no('notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { status: 'closed', closedAt: ctx.now.toISOString() }));
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
      return meetingTransition(c, cmd, ctx);
    case 'post.save':
    case 'post.send':
    case 'post.confirm':
    case 'post.posted':
    case 'post.failed':
      return postTransition(c, cmd, ctx);
    case 'evidence.add':
    case 'evidence.withdraw':
    case 'evidence.describe':
      return evidenceTransition(c, cmd, ctx);
    case 'followUp.start':
    case 'followUp.withdraw':
    case 'followUp.stop':
    case 'followUp.answer':
      return followUpTransition(c, cmd, ctx);
    case 'warning.submit':
    case 'warning.escalate':
      return no('notAllowedNow');
    default: {
      const _exhaustive: never = cmd;
      return _exhaustive;
    }
  }
}
