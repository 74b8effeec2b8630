import { statisticsView } from '../statistics-view';
import type { Verb } from '../verbs';
import type { SessionHandler } from './handler';

/** "Statistik": the button on the start card, the typed command, and the department picker on the card itself. */
export const statistics: SessionHandler<typeof Verb.statistics> = {
  scope: 'session',
  run: (deps, turn, data) => statisticsView(deps, turn.actor, data.departmentId),
};
