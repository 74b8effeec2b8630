import type { PersonRef } from '../../domain/case';
import { danishDate } from '../../domain/dates';
import { LIMITS, readIntakeValues, splitIds, validateIntake } from '../../domain/intake';
import type { Department } from '../directory';
import type { Verb } from '../verbs';
import { type ActionDeps, type Actor, type Data, message, notice } from './context';
import type { CaseHandler } from './handler';
import { stateScreen } from './views';

/** "Se vurdering" on the intake card: the answers are checked, and the assessment follows. */
export const intakeSubmit: CaseHandler<typeof Verb.intakeSubmit> = {
  scope: 'case',
  graph: false,
  needsRev: true,
  async decode(deps, { case: c, department, rev, actor, locale }, data) {
    const picked = await pickedPeople(deps, actor, data, department);
    if ('signIn' in picked) return { view: { locale, signIn: true, screen: stateScreen(c, department, notice('signIn', 'warning')) } };
    if (c.kind !== 'incident') return { screen: message('badRequest') };
    const values = () => readIntakeValues(data, deps.policy);
    if (c.rev !== rev && c.status === 'intake')
      return { screen: { kind: 'intake', case: c, department, values: values(), notice: notice('stale', 'warning') } };
    if (c.rev !== rev) return { screen: stateScreen(c, department, notice('stale', 'warning')) };
    if (c.status !== 'intake') return { screen: stateScreen(c, department, notice('notAllowedNow', 'warning')) };
    const people = [...department.members.map((m) => ({ id: m.id, name: m.name })), ...picked];
    const result = validateIntake(data, deps.policy, people, danishDate(deps.clock.now()));
    if (!result.ok)
      return {
        screen: {
          kind: 'intake',
          case: c,
          department,
          values: result.values,
          errors: result.errors,
          notice: notice('invalidInput', 'attention'),
        },
      };
    return { command: { type: 'intake.submit', rev, intake: result.intake } };
  },
  /** A missing or malformed revision changes nothing, but the intake comes back with what was typed. */
  async malformed(deps, { case: c, department }, data) {
    if (c.kind !== 'incident' || c.status !== 'intake') return undefined;
    return { kind: 'intake', case: c, department, values: readIntakeValues(data, deps.policy), notice: notice('badRequest', 'warning') };
  },
};

/**
 * People chosen with the Teams people picker who are not in the department's member list:
 * their names and addresses come from Graph, never from the card.
 */
async function pickedPeople(deps: ActionDeps, actor: Actor, data: Data, department: Department): Promise<PersonRef[] | { signIn: true }> {
  const known = new Set(department.members.map((m) => m.id));
  const unknown = splitIds(data.employees)
    .filter((id) => !known.has(id) && /^[0-9a-f-]{36}$/i.test(id))
    .slice(0, LIMITS.employees);
  const graph = deps.graph;
  if (!unknown.length || !graph?.users) return [];
  const token = await graph.token(actor);
  if (!token.ok) return { signIn: true };
  const found = await graph.users(token.token, unknown);
  return found.ok ? found.value.map((u) => ({ id: u.id, name: u.name, ...(u.upn ? { upn: u.upn } : {}) })) : [];
}
