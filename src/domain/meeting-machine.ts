import type { IncidentCase } from './case';
import type { MeetingCommand } from './commands';
import { advance, completeByGraph, no, ok, reopenByGraph, type TransitionContext, type TransitionResult } from './machine';
import { isStale, type MeetingState, offeredSlots } from './meeting';

/** The support meeting: search → choose → book (with Graph's answers in between) → move or cancel. */
export function meetingTransition(c: IncidentCase, cmd: MeetingCommand, ctx: TransitionContext): TransitionResult {
  if (c.status !== 'plan') return no('notAllowedNow');
  const m: MeetingState = c.meeting ?? { status: 'idle', transactionId: `${c.id}-m1`, attempt: 1 };
  const since = ctx.now.toISOString();
  const set = (changes: Partial<MeetingState>, extra: Partial<IncidentCase> = {}) =>
    advance(c, ctx, cmd.type, { meeting: { ...m, ...changes }, ...extra });
  switch (cmd.type) {
    case 'meeting.search': {
      if (m.status === 'booking' || m.status === 'booked' || m.status === 'searching') return no('notAllowedNow');
      // After a cancellation the next booking is a new event, so it needs a new transaction id.
      const fresh = m.status === 'cancelled' ? { transactionId: `${c.id}-m${m.attempt + 1}`, attempt: m.attempt + 1 } : {};
      const next: MeetingState = {
        status: 'searching',
        transactionId: fresh.transactionId ?? m.transactionId,
        attempt: fresh.attempt ?? m.attempt,
        since,
      };
      return ok(advance(c, ctx, cmd.type, { meeting: next }), [{ kind: 'findMeetingTimes', transactionId: next.transactionId }]);
    }
    case 'meeting.found': {
      if (m.status !== 'searching' || m.transactionId !== cmd.transactionId) return no('notAllowedNow');
      const offered = offeredSlots(cmd.suggestions, cmd.emptyReason);
      return ok(set({ status: 'choosing', suggestions: offered.suggestions, emptyReason: offered.emptyReason, error: undefined }));
    }
    case 'meeting.searchFailed':
      if (m.status !== 'searching' || m.transactionId !== cmd.transactionId) return no('notAllowedNow');
      return ok(set({ status: 'choosing', suggestions: [], error: cmd.error }));
    case 'meeting.book': {
      const cutOff = m.status === 'booking' && isStale(m.since, ctx.now);
      if (m.status !== 'choosing' && m.status !== 'idle' && m.status !== 'unknown' && !cutOff) return no('notAllowedNow');
      // The intent is saved before Graph is called; the transaction id makes a repeat call return the same event.
      return ok(set({ status: 'booking', slot: cmd.slot, since, error: undefined }), [
        { kind: 'createEvent', transactionId: m.transactionId, slot: cmd.slot },
      ]);
    }
    case 'meeting.created': {
      if ((m.status !== 'booking' && m.status !== 'unknown') || m.transactionId !== cmd.transactionId) return no('notAllowedNow');
      const plan = completeByGraph(c, 'meeting', ctx);
      return ok(
        set(
          {
            status: 'booked',
            eventId: cmd.eventId,
            slot: cmd.slot,
            error: undefined,
            ...(cmd.joinUrl ? { joinUrl: cmd.joinUrl } : {}),
            ...(cmd.webLink ? { webLink: cmd.webLink } : {}),
          },
          plan ? { plan } : {},
        ),
      );
    }
    case 'meeting.createFailed':
      if (m.status !== 'booking' || m.transactionId !== cmd.transactionId) return no('notAllowedNow');
      return ok(set({ status: cmd.unknown ? 'unknown' : 'choosing', error: cmd.error }));
    case 'meeting.cancel':
      if (m.status !== 'booked' || !m.eventId) return no('notAllowedNow');
      return ok(set({ since }), [{ kind: 'cancelEvent', eventId: m.eventId }]);
    case 'meeting.move':
      if (m.status !== 'booked' || !m.eventId) return no('notAllowedNow');
      return ok(set({ since, error: undefined }), [{ kind: 'moveEvent', eventId: m.eventId, slot: cmd.slot }]);
    case 'meeting.moved':
      if (m.status !== 'booked' || m.eventId !== cmd.eventId) return no('notAllowedNow');
      return ok(set({ slot: cmd.slot, error: undefined }));
    case 'meeting.cancelled': {
      if (m.eventId !== cmd.eventId || m.status !== 'booked') return no('notAllowedNow');
      // Only what the booking ticked off opens again.
      const plan = reopenByGraph(c, 'meeting', ctx);
      return ok(
        advance(c, ctx, cmd.type, {
          meeting: { status: 'cancelled', transactionId: m.transactionId, attempt: m.attempt, since },
          ...(plan ? { plan } : {}),
        }),
      );
    }
    case 'meeting.changeFailed':
      if (m.eventId !== cmd.eventId) return no('notAllowedNow');
      return ok(set({ error: cmd.error }));
    default: {
      const _exhaustive: never = cmd;
      return _exhaustive;
    }
  }
}
