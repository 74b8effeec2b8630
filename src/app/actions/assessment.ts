import { isKind } from '../../domain/assessment';
import type { Verb } from '../verbs';
import type { CaseHandler } from './handler';

/** "Ret oplysninger": back to the intake, answers kept. */
export const assessmentEdit: CaseHandler<typeof Verb.assessmentEdit> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: async (_deps, { rev }) => ({ command: { type: 'assessment.edit', rev } }),
};

/** "Bekræft handleplan": the ticked recommendations and the actions added by hand become the plan. */
export const assessmentConfirm: CaseHandler<typeof Verb.assessmentConfirm> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(deps, turn, data) {
    const ids = deps.policy.actions.map((a) => a.id);
    const keep = ids.filter((id) => data[`keep_${id}`] === 'true' || data[`keep_${id}`] === true);
    const add = typeof data.add === 'string' ? data.add.split(',').filter((id) => ids.includes(id)) : [];
    return {
      command: { type: 'assessment.confirm', rev: turn.rev, keep, add },
      // A plan with the meeting starts looking for times at once, saving the manager a click.
      next: (saved) =>
        saved.kind === 'incident' && saved.plan?.some((a) => isKind(deps.policy, a.actionId, 'meeting'))
          ? { type: 'meeting.search', rev: saved.rev }
          : undefined,
    };
  },
};
