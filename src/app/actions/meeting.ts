import { isKind } from '../../domain/assessment';
import type { Case } from '../../domain/case';
import { manualSlot, type Slot } from '../../domain/meeting';
import { cleanLine } from '../../domain/text';
import { type Command, transition } from '../../domain/transition';
import { isGraphEffect } from '../graph-work';
import type { View } from '../screens';
import type { Verb } from '../verbs';
import { type ActionDeps, type CaseTurn, type Data, notice } from './context';
import { afterGraph } from './graph-wait';
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

/**
 * A confirmed plan with a meeting starts looking for times at once, saving the manager a click.
 * Without a Graph token (not signed in yet) the plan is simply shown; "Find mødetid" is on the card.
 * One attempt: if somebody else saved first, the plan is shown as it is.
 */
export async function autoSearch(deps: ActionDeps, turn: CaseTurn, c: Case): Promise<View | undefined> {
  const graph = deps.graph;
  if (!graph || c.kind !== 'incident' || !c.plan?.some((a) => isKind(deps.policy, a.actionId, 'meeting'))) return undefined;
  const granted = await graph.token(turn.actor);
  if (!granted.ok) return undefined;
  const stored = await deps.cases.get(c.id);
  if (!stored) return undefined;
  const command: Command = { type: 'meeting.search', rev: stored.value.rev };
  const result = transition(stored.value, command, { now: deps.clock.now(), actor: turn.actor.id, policy: deps.policy });
  if (!result.ok || (await deps.cases.replace(result.state, stored.etag)) !== 'saved') return undefined;
  const effects = result.effects.filter(isGraphEffect);
  return afterGraph(deps, turn.actor, turn.locale, result.state, effects, granted.token, () => undefined, turn.target);
}
