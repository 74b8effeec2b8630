import { LIMITS } from '../../domain/intake';
import { cleanLine } from '../../domain/text';
import type { Verb } from '../verbs';
import { notice } from './context';
import type { CaseHandler } from './handler';
import { detailsScreen, stateScreen } from './views';

const actionIdOf = (data: { readonly actionId?: unknown }) => (typeof data.actionId === 'string' ? data.actionId : '');

/** "Detaljer" / "Vis udkast" on a plan action: its legal basis, draft and the "done" form. Changes nothing. */
export const details: CaseHandler<typeof Verb.details> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: async (deps, { case: c, actor, department, locale }, data) => ({
    screen: detailsScreen(deps, c, actor, department, locale, data),
  }),
};

/** "Marker som udført", with an optional reference (a police case number). */
export const actionDone: CaseHandler<typeof Verb.actionDone> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(_deps, { case: c, department, rev }, data) {
    const actionId = actionIdOf(data);
    const reference = cleanLine(data[`ref_${actionId}`]);
    if ([...reference].length > LIMITS.reference) return { screen: stateScreen(c, department, notice('invalidInput', 'attention')) };
    return { command: { type: 'action.done', rev, actionId, ...(reference ? { reference } : {}) }, notice: notice('actionDone', 'good') };
  },
};

/** "Marker som ikke relevant": a decision for the record, so it needs its reason; without one the details stay open. */
export const actionNotRelevant: CaseHandler<typeof Verb.actionNotRelevant> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(deps, { case: c, actor, department, locale, rev }, data) {
    const actionId = actionIdOf(data);
    const reason = cleanLine(data[`ref_${String(data.actionId)}`]);
    if (!reason) {
      const screen = detailsScreen(deps, c, actor, department, locale, data);
      return { screen: screen.kind === 'plan' ? { ...screen, notice: notice('reasonRequired', 'attention') } : screen };
    }
    if ([...reason].length > LIMITS.reference) return { screen: stateScreen(c, department, notice('invalidInput', 'attention')) };
    return { command: { type: 'action.notRelevant', rev, actionId, reference: reason }, notice: notice('actionNotRelevant', 'accent') };
  },
};

/** "Genåbn": a settled action is open again. */
export const actionReopen: CaseHandler<typeof Verb.actionReopen> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: async (_deps, { rev }, data) => ({
    command: { type: 'action.reopen', rev, actionId: actionIdOf(data) },
    notice: notice('actionReopened', 'accent'),
  }),
};
