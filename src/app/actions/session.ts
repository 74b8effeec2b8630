import { newIncident, newWarning } from '../../domain/transition';
import { CASE_ID } from '../case-repository';
import type { View } from '../screens';
import type { Verb } from '../verbs';
import { type ActionDeps, message, notice, type Turn } from './context';
import type { Incoming, SessionHandler } from './handler';
import { localeOf, myCasesView, showCase, startView } from './views';

export const start: SessionHandler<typeof Verb.start> = {
  scope: 'session',
  run: (deps, turn) => startView(deps, turn.actor),
};

export const myCases: SessionHandler<typeof Verb.myCases> = {
  scope: 'session',
  run: (deps, turn) => myCasesView(deps, turn.actor),
};

export const language: SessionHandler<typeof Verb.language> = {
  scope: 'session',
  async run(deps, turn, data) {
    const locale = data.locale === 'en' ? 'en' : 'da';
    await deps.cases.setPrefs(turn.actor.id, { locale });
    return startView(deps, turn.actor, notice('languageChanged', 'good'));
  },
};

/** "Registrér udhængning" and "Varsel" on the start card: a new case under the start card's id. */
async function create(
  deps: ActionDeps,
  turn: Turn,
  data: Incoming<typeof Verb.newIncident | typeof Verb.newWarning>,
  kind: 'incident' | 'warning',
): Promise<View> {
  const { actor } = turn;
  const locale = await localeOf(deps, actor);
  const id = typeof data.startId === 'string' ? data.startId : '';
  if (!CASE_ID.test(id)) return { locale, screen: message('badRequest') };
  const departments = await deps.directory.departmentsManagedBy(actor.id);
  const department = departments.find((d) => d.id === data.departmentId) ?? departments[0];
  if (!department) return { locale, screen: message('notManager') };
  const n = { id, ownerId: actor.id, departmentId: department.id, locale, now: deps.clock.now() };
  const fresh = kind === 'incident' ? newIncident(n) : newWarning(n);
  // The start card's id becomes the case id, so a double click opens the same case instead of a second one.
  // showCase refuses when that id is somebody else's case.
  if (!(await deps.cases.get(id))) await deps.cases.create(fresh);
  return showCase(deps, actor, id, locale);
}

export const newIncidentCase: SessionHandler<typeof Verb.newIncident> = {
  scope: 'session',
  run: (deps, turn, data) => create(deps, turn, data, 'incident'),
};

export const newWarningCase: SessionHandler<typeof Verb.newWarning> = {
  scope: 'session',
  run: (deps, turn, data) => create(deps, turn, data, 'warning'),
};
