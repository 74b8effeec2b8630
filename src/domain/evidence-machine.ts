import type { IncidentCase } from './case';
import type { EvidenceCommand } from './commands';
import { addEvidence, describeEvidence, withdrawEvidence } from './evidence';
import { advance, no, ok, type TransitionContext, type TransitionResult } from './machine';

/**
 * Evidence on an incident: items are appended (the same bytes once) and may be withdrawn with a reason, never removed.
 * A closed case takes no new evidence and no withdrawals; its items go with the case when it is deleted.
 */
export function evidenceTransition(c: IncidentCase, cmd: EvidenceCommand, ctx: TransitionContext): TransitionResult {
  if (c.status === 'closed') return no('closed');
  const items = c.evidence ?? [];
  switch (cmd.type) {
    case 'evidence.add': {
      const added = addEvidence(items, cmd.item);
      if (!added.ok) return no(added.reason === 'duplicate' ? 'duplicate' : 'invalid');
      return ok(advance(c, ctx, cmd.type, { evidence: added.items }));
    }
    case 'evidence.withdraw': {
      const withdrawn = withdrawEvidence(items, cmd.evidenceId, ctx.actor, cmd.reason, ctx.now);
      if (!withdrawn.ok)
        return no(withdrawn.reason === 'notFound' ? 'unknownAction' : withdrawn.reason === 'reasonRequired' ? 'invalid' : 'notAllowedNow');
      return ok(advance(c, ctx, cmd.type, { evidence: withdrawn.items }));
    }
    case 'evidence.describe': {
      const described = describeEvidence(items, cmd.evidenceIds, cmd.about);
      if (!described.ok) return no(described.reason === 'notFound' ? 'unknownAction' : 'invalid');
      return ok(advance(c, ctx, cmd.type, { evidence: described.items }));
    }
    default: {
      const _exhaustive: never = cmd;
      return _exhaustive;
    }
  }
}
