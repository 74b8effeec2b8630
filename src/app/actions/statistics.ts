import { statisticsView } from '../statistics-view';
import type { Verb } from '../verbs';
import type { SessionHandler } from './handler';

/** "Statistik": the button on the start card, the typed command, and the department picker on the card itself. */
export const statistics: SessionHandler<typeof Verb.statistics> = {
  scope: 'session',
  // `departmentSearch` is the name typed on the card when there are too many departments for a picker.
  run: (deps, turn, data) => statisticsView(deps, turn.actor, data.departmentId, data.departmentSearch),
};
