import type { Case } from '../../domain/case';
import { danishDate } from '../../domain/dates';
import { validateWarning } from '../../domain/warning';
import type { Verb } from '../verbs';
import { type ActionDeps, message, notice } from './context';
import type { CaseHandler } from './handler';
import { detailsScreen, stateScreen } from './views';

/** "Gem varslet": the early warning's details, checked. */
export const warningSubmit: CaseHandler<typeof Verb.warningSubmit> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(deps, { case: c, department, rev }, data) {
    if (c.kind !== 'warning') return { screen: message('badRequest') };
    if (c.rev !== rev) return { screen: stateScreen(c, department, notice('stale', 'warning')) };
    const result = validateWarning(data, deps.policy, department.members, danishDate(deps.clock.now()));
    if (!result.ok)
      return {
        screen: {
          kind: 'warning',
          case: c,
          department,
          values: result.values,
          errors: result.errors,
          notice: notice('invalidInput', 'attention'),
        },
      };
    return { command: { type: 'warning.submit', rev, warning: result.warning }, notice: notice('saved', 'good') };
  },
};

/** "Vis journalnotat": the warning's journal note drafted from the policy. Changes nothing. */
export const showDraft: CaseHandler<typeof Verb.showDraft> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: async (deps, { case: c, actor, department, locale }, data) => ({
    screen: detailsScreen(deps, c, actor, department, locale, data),
  }),
};

/** "Gør til sag": the warning becomes an incident, its details carried over. */
export const warningEscalate: CaseHandler<typeof Verb.warningEscalate> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  decode: async (deps, { case: c, rev }) => ({ command: { type: 'warning.escalate', rev, incidentId: await escalationId(deps, c) } }),
};

/**
 * The incident a warning escalates into. Derived from the warning, so a repeated click finds the same one;
 * if somebody else's case already has that id, a fresh id is used instead.
 */
async function escalationId(deps: ActionDeps, c: Case): Promise<string> {
  const derived = `${c.id}x`;
  const existing = await deps.cases.get(derived);
  if (!existing) return derived;
  const ours = existing.value.kind === 'incident' && existing.value.escalatedFrom === c.id && existing.value.ownerId === c.ownerId;
  return ours ? derived : deps.newId();
}
