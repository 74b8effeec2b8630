import type { View } from '../screens';
import type { TeamInfo } from '../team-directory';
import type { TeamSetup } from '../team-setup';
import type { Verb } from '../verbs';
import { type ActionDeps, message, type Turn } from './context';
import type { SessionHandler } from './handler';
import { localeOf, startView } from './views';

/** The department setup card works in a team only; elsewhere the start card is shown. */
async function inTeam(deps: ActionDeps, turn: Turn, run: (setup: TeamSetup, team: TeamInfo) => Promise<View>): Promise<View> {
  if (!deps.setup) return { locale: await localeOf(deps, turn.actor), screen: message('badRequest') };
  if (!turn.team) return startView(deps, turn.actor);
  return run(deps.setup, await turn.team());
}

export const setupShow: SessionHandler<typeof Verb.setupShow> = {
  scope: 'session',
  run: (deps, turn) => inTeam(deps, turn, (setup, team) => setup.show(turn.actor, team)),
};

export const setupSave: SessionHandler<typeof Verb.setupSave> = {
  scope: 'session',
  run: (deps, turn, data) => inTeam(deps, turn, (setup, team) => setup.save(turn.actor, team, data)),
};
