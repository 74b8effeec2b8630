import type { Case } from '../../domain/case';
import { manualSlot, type Slot } from '../../domain/meeting';
import { cleanLine } from '../../domain/text';
import type { Verb } from '../verbs';
import { type ActionDeps, type CaseTurn, type Data, notice } from './context';
import type { CaseHandler, Decoded } from './handler';
import { stateScreen } from './views';

/** "Find mødetid": Graph's findMeetingTimes for the people the meeting is with. */
export const meetingSearch: CaseHandler<typeof Verb.meetingSearch> = {
  scope: 'case',
  graph: true,
  needsRev: true,
  decode: async (_deps, { rev }) => ({ command: { type: 'meeting.search', rev } }),
};

/** "Book mødet": a time Graph offered, or the date and time typed; the intent is saved before Graph is called. */
export const meetingBook: CaseHandler<typeof Verb.meetingBook> = {
  scope: 'case',
  graph: true,
  needsRev: true,
  decode: async (deps, turn, data) =>
    withSlot(deps, turn, data, (slot) => ({
      command: { type: 'meeting.book', rev: turn.rev, slot },
      graphNotice: (c) => (c.kind === 'incident' && c.meeting?.status === 'booked' ? notice('meetingBooked', 'good') : undefined),
    })),
};

/** "Flyt mødet": always to the date and time typed. */
export const meetingMove: CaseHandler<typeof Verb.meetingMove> = {
  scope: 'case',
  graph: true,
  needsRev: true,
  decode: async (deps, turn, data) =>
    withSlot(deps, turn, { ...data, slot: 'manual' }, (slot) => ({
      command: { type: 'meeting.move', rev: turn.rev, slot },
      graphNotice: (c) =>
        c.kind === 'incident' && c.meeting?.status === 'booked' && !c.meeting.error ? notice('meetingMoved', 'good') : undefined,
    })),
};

export const meetingCancel: CaseHandler<typeof Verb.meetingCancel> = {
  scope: 'case',
  graph: true,
  needsRev: true,
  decode: async (_deps, { rev }) => ({ command: { type: 'meeting.cancel', rev } }),
};

function withSlot(deps: ActionDeps, turn: CaseTurn, data: Data, then: (slot: Slot) => Decoded): Decoded {
  const slot = slotFrom(deps, data, turn.case);
  return slot ? then(slot) : { screen: stateScreen(turn.case, turn.department, notice('badSlot', 'attention')) };
}

/** A suggested slot ("start|end") or the manual date and time, checked; never trusted as sent. */
function slotFrom(deps: ActionDeps, data: Data, c: Case): Slot | undefined {
  const minutes = deps.policy.meeting.durationMinutes;
  const now = deps.clock.now();
  if (data.slot === undefined || data.slot === 'manual')
    return manualSlot(cleanLine(data.manualDate), cleanLine(data.manualTime), minutes, now);
  if (typeof data.slot !== 'string') return undefined;
  // Only a time Graph offered, or the one already being booked (a retry), is taken as sent.
  const m = c.kind === 'incident' ? c.meeting : undefined;
  const offered = [...(m?.suggestions ?? []), ...(m?.slot ? [m.slot] : [])];
  const chosen = offered.find((o) => `${o.start}|${o.end}` === data.slot);
  if (!chosen || new Date(chosen.start).getTime() < now.getTime() - 5 * 60_000) return undefined;
  return chosen;
}
