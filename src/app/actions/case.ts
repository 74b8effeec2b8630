import { deletionDate } from '../../domain/retention';
import type { Verb } from '../verbs';
import { notice } from './context';
import type { CaseHandler } from './handler';
import { myCasesView, screenFor, stateScreen } from './views';

/** "Åbn", "Opdater", "Luk detaljer": the case as it is now. */
export const open: CaseHandler<typeof Verb.open> = {
  scope: 'case',
  graph: false,
  needsRev: false,
  decode: async (deps, turn) => ({ screen: await screenFor(deps, turn.case) }),
};

/** "Eksportér sagen": the whole record, with names for the ids in the audit trail. */
export const exportCase: CaseHandler<typeof Verb.exportCase> = {
  scope: 'case',
  graph: false,
  needsRev: false,
  async decode(deps, { case: c, department }) {
    const names = Object.fromEntries(department.members.map((m) => [m.id, m.name]));
    const deleteOn = deletionDate(c, deps.policy);
    return { screen: { kind: 'export', case: c, department, names, ...(deleteOn ? { deleteOn } : {}) } };
  },
};

/** "Slet sagen": only the manager who opened the case may delete it; managers added to it may not. */
export const deleteCase: CaseHandler<typeof Verb.deleteCase> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(deps, { case: c, department, rev, actor }) {
    if (c.ownerId !== actor.id) return { screen: stateScreen(c, department, notice('ownerOnly', 'warning')) };
    if (c.rev !== rev) return { screen: stateScreen(c, department, notice('stale', 'warning')) };
    // The evidence first: if that fails the case stays, and deleting again removes both.
    await deps.evidence?.port.deleteCase(c.id);
    await deps.cases.delete(c, 'owner', deps.clock.now());
    return { view: await myCasesView(deps, actor, notice('deleted', 'good')) };
  },
};

/** "Luk sagen" (and "Luk varslet"). */
export const close: CaseHandler<typeof Verb.close> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: async (_deps, { rev }) => ({
    command: { type: 'case.close', rev },
    notice: notice('closed', 'good'),
  }),
};
