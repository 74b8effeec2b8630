import type { Case, IncidentCase } from '../../src/domain/case';
import { manualSlot, meetingWindow } from '../../src/domain/meeting';
import { reminderStep } from '../../src/domain/reminders';
import { type Command, newIncident, type TransitionContext, transition } from '../../src/domain/transition';
import { loadPolicy } from '../../src/policy/load-policy';

const policy = loadPolicy();
/** Wednesday before Easter 2026, 10:00 in Copenhagen (summer time): Thursday to Monday are days off. */
const now = new Date('2026-04-01T08:00:00Z');
const ctx: TransitionContext = { now, actor: 'mette', policy };
const plan: IncidentCase = {
  ...newIncident({ id: 'case00000001', ownerId: 'mette', departmentId: 'd', locale: 'da', now }),
  status: 'plan',
  plan: [{ actionId: 'journalNote', due: '2026-04-01', reasons: [], source: 'policy', status: 'open' }],
};

describe('public holidays in meetings and reminders', () => {
  it('searches to the end of the next working day after Easter and offers no time on a holiday', () => {
    expect(meetingWindow(now).end).toBe('2026-04-07T14:00:00.000Z'); // Tuesday 16:00
    const searching = transition(plan, { type: 'meeting.search', rev: plan.rev }, ctx);
    if (!searching.ok || searching.state.kind !== 'incident') throw new Error('search refused');
    const transactionId = searching.state.meeting?.transactionId ?? '';
    const slot = (start: string, end: string) => ({ start, end });
    const found = transition(
      searching.state,
      {
        type: 'meeting.found',
        transactionId,
        suggestions: [
          slot('2026-04-01T12:00:00Z', '2026-04-01T13:00:00Z'), // Wednesday
          slot('2026-04-02T08:00:00Z', '2026-04-02T09:00:00Z'), // Maundy Thursday
          slot('2026-04-06T08:00:00Z', '2026-04-06T09:00:00Z'), // Easter Monday
          slot('2026-04-07T08:00:00Z', '2026-04-07T09:00:00Z'), // Tuesday
        ],
      },
      ctx,
    );
    if (!found.ok || found.state.kind !== 'incident') throw new Error('found refused');
    expect(found.state.meeting?.suggestions?.map((s) => s.start)).toEqual(['2026-04-01T12:00:00Z', '2026-04-07T08:00:00Z']);
    expect(manualSlot('2026-04-03', '10:00', 60, now)).toBeUndefined();
    expect(manualSlot('2026-04-07', '10:00', 60, now)).toBeDefined();
  });

  it('sends no reminder on a holiday and counts only working days late', () => {
    const at = (iso: string) => reminderStep({ ...plan, updatedAt: '2026-03-30T08:00:00Z' }, policy, new Date(iso)).kind;
    expect(at('2026-04-02T08:00:00Z')).toBe('none'); // Maundy Thursday
    expect(at('2026-04-06T08:00:00Z')).toBe('none'); // Easter Monday
    expect(at('2026-04-07T08:00:00Z')).toBe('remind'); // Tuesday: one working day late
  });
});

describe('a cancelled booking reopens only what the booking ticked off', () => {
  const withMeeting: IncidentCase = {
    ...plan,
    plan: [{ actionId: 'meeting', due: '2026-04-01', reasons: [], source: 'policy', status: 'open' }],
  };
  const slot = { start: '2026-04-01T12:00:00Z', end: '2026-04-01T13:00:00Z' };
  const step = (c: Case, cmd: (c: IncidentCase) => Command): IncidentCase => {
    const r = transition(c, cmd(c as IncidentCase), ctx);
    if (!r.ok || r.state.kind !== 'incident') throw new Error(`refused: ${r.ok ? '' : r.reason}`);
    return r.state;
  };
  const bookThenCancel = (start: IncidentCase) => {
    let c = step(start, (x) => ({ type: 'meeting.search', rev: x.rev }));
    const transactionId = c.meeting?.transactionId ?? '';
    c = step(c, () => ({ type: 'meeting.found', transactionId, suggestions: [slot] }));
    c = step(c, (x) => ({ type: 'meeting.book', rev: x.rev, slot }));
    c = step(c, () => ({ type: 'meeting.created', transactionId, eventId: 'ev1', slot }));
    const booked = c.plan?.[0];
    c = step(c, (x) => ({ type: 'meeting.cancel', rev: x.rev }));
    c = step(c, () => ({ type: 'meeting.cancelled', eventId: 'ev1' }));
    return { booked, after: c.plan?.[0] };
  };

  it('reopens the meeting action the booking completed', () => {
    const { booked, after } = bookThenCancel(withMeeting);
    expect(booked).toMatchObject({ status: 'done', byGraph: true });
    expect(after?.status).toBe('open');
  });

  it("keeps the manager's own decision: done with a reference, or not relevant with a reason", () => {
    for (const type of ['action.done', 'action.notRelevant'] as const) {
      const settled = step(withMeeting, (x) => ({ type, rev: x.rev, actionId: 'meeting', reference: 'Holdt som fysisk møde' }));
      const { after } = bookThenCancel(settled);
      expect(after).toMatchObject({ status: 'done', reference: 'Holdt som fysisk møde' });
      expect(after?.byGraph).toBeUndefined();
    }
  });
});

describe('the policy names the actions; the kind says what Graph ticks off', () => {
  const renamed = {
    ...policy,
    actions: policy.actions.map((a) => ({ ...a, id: `eget_${a.id}` })),
  };
  const at = { ...ctx, policy: renamed };
  const withBoth: IncidentCase = {
    ...plan,
    intake: {
      employees: [{ id: 'anders', name: 'Anders' }],
      urls: ['https://example.dk/x'],
      platform: 'website',
      discoveredOn: '2026-04-01',
      description: 'intern beskrivelse',
      employeeContacted: true,
      evidenceSaved: true,
      characteristics: [],
    },
    plan: [
      { actionId: 'eget_meeting', due: '2026-04-01', reasons: [], source: 'policy', status: 'open' },
      { actionId: 'eget_staffMessage', due: '2026-04-01', reasons: [], source: 'policy', status: 'open' },
      { actionId: 'eget_journalNote', due: '2026-04-01', reasons: [], source: 'policy', status: 'open' },
    ],
  };
  const slot = { start: '2026-04-01T12:00:00Z', end: '2026-04-01T13:00:00Z' };
  const step = (c: Case, cmd: (c: IncidentCase) => Command): IncidentCase => {
    const r = transition(c, cmd(c as IncidentCase), at);
    if (!r.ok || r.state.kind !== 'incident') throw new Error(`refused: ${r.ok ? '' : r.reason}`);
    return r.state;
  };
  const status = (c: IncidentCase) => Object.fromEntries((c.plan ?? []).map((a) => [a.actionId, a.status]));

  it('ticks off the renamed meeting when booked and the renamed message when posted, and nothing else', () => {
    let c = step(withBoth, (x) => ({ type: 'meeting.book', rev: x.rev, slot }));
    const transactionId = c.meeting?.transactionId ?? '';
    c = step(c, () => ({ type: 'meeting.created', transactionId, eventId: 'ev1', slot }));
    expect(status(c)).toEqual({ eget_meeting: 'done', eget_staffMessage: 'open', eget_journalNote: 'open' });
    c = step(c, (x) => ({ type: 'post.send', rev: x.rev, text: 'Vi bakker op om vores kollega.', consent: true }));
    c = step(c, (x) => ({ type: 'post.posted', html: x.post?.html ?? '', messageId: 'm1' }));
    expect(status(c)).toEqual({ eget_meeting: 'done', eget_staffMessage: 'done', eget_journalNote: 'open' });
    c = step(c, (x) => ({ type: 'meeting.cancel', rev: x.rev }));
    c = step(c, () => ({ type: 'meeting.cancelled', eventId: 'ev1' }));
    expect(status(c)).toEqual({ eget_meeting: 'open', eget_staffMessage: 'done', eget_journalNote: 'open' });
  });
});
