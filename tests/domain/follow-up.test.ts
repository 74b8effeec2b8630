import type { IncidentCase, Intake } from '../../src/domain/case';
import { activeFollowUp, checkInStep, checkInsFrom, claimAnswerNotice, claimCheckIn, untoldAnswer } from '../../src/domain/follow-up';
import { type Command, newIncident, type TransitionContext, transition } from '../../src/domain/transition';
import { loadPolicy } from '../../src/policy/load-policy';

const policy = loadPolicy();
/** Tuesday 24 November 2026, 11:00 in Copenhagen. */
const now = new Date('2026-11-24T10:00:00Z');
const as = (actor: string, at: Date = now): TransitionContext => ({ now: at, actor, policy });
const intake: Intake = {
  employees: [
    { id: 'anders', name: 'Anders' },
    { id: 'sofie', name: 'Sofie' },
  ],
  urls: ['https://example.dk/x'],
  platform: 'website',
  discoveredOn: '2026-11-24',
  description: 'beskrivelse',
  employeeContacted: true,
  evidenceSaved: true,
  characteristics: [],
};
const plan: IncidentCase = {
  ...newIncident({ id: 'case00000001', ownerId: 'mette', departmentId: 'd', locale: 'da', now }),
  status: 'plan',
  intake,
  plan: [],
};

function apply(c: IncidentCase, cmd: Command, ctx = as('mette')): IncidentCase {
  const r = transition(c, cmd, ctx);
  if (!r.ok) throw new Error(`refused: ${r.reason}`);
  return r.state as IncidentCase;
}
const reason = (c: IncidentCase, cmd: Command, ctx = as('mette')) => {
  const r = transition(c, cmd, ctx);
  return r.ok ? 'ok' : r.reason;
};
const started = () => apply(plan, { type: 'followUp.start', rev: plan.rev, employeeId: 'anders', consent: true });
const sent = (c: IncidentCase, at: string) => {
  const step = checkInStep(c, policy, new Date(at), () => true);
  if (step.kind !== 'send') throw new Error('nothing to send');
  return { step, c: claimCheckIn(c, step) };
};

describe('the follow-up sub-machine', () => {
  it('starts only with the consent, for an employee on the case, and records it', () => {
    expect(reason(plan, { type: 'followUp.start', rev: plan.rev, employeeId: 'anders', consent: false })).toBe('notAllowedNow');
    expect(reason(plan, { type: 'followUp.start', rev: plan.rev, employeeId: 'lars', consent: true })).toBe('notAllowedNow');
    expect(reason(plan, { type: 'followUp.start', rev: plan.rev - 1, employeeId: 'anders', consent: true })).toBe('stale');
    const r = transition(plan, { type: 'followUp.start', rev: plan.rev, employeeId: 'anders', consent: true }, as('mette'));
    expect(r.ok && r.effects).toEqual([{ kind: 'indexFollowUp', employeeId: 'anders' }]);
    const c = started();
    expect(c.rev).toBe(plan.rev + 1);
    expect(c.audit.at(-1)).toMatchObject({ by: 'mette', what: 'followUp.start' });
    expect(activeFollowUp(c, 'anders')?.checkIns).toEqual([
      { kind: 'week', due: '2026-12-01' },
      { kind: 'months3', due: '2027-02-24' },
    ]);
    // Not twice while it runs.
    expect(reason(c, { type: 'followUp.start', rev: c.rev, employeeId: 'anders', consent: true })).toBe('notAllowedNow');
  });

  it('is refused before the plan and on an early warning', () => {
    const intakeStep = { ...plan, status: 'intake' as const };
    expect(reason(intakeStep, { type: 'followUp.start', rev: plan.rev, employeeId: 'anders', consent: true })).toBe('notAllowedNow');
    const closed = { ...started(), status: 'closed' as const };
    expect(reason(closed, { type: 'followUp.stop' }, as('anders'))).toBe('notAllowedNow');
    expect(activeFollowUp(closed, 'anders')).toBeUndefined();
  });

  it('counts the check-ins in working days from the day of consent, moved off holidays', () => {
    expect(checkInsFrom('2026-12-18')).toEqual([
      { kind: 'week', due: '2026-12-28' }, // over Christmas: 24–26 December are not working days
      { kind: 'months3', due: '2027-03-18' },
    ]);
    expect(checkInsFrom('2026-11-28')[1]?.due).toBe('2027-03-01'); // 28 February 2027 is a Sunday
  });

  it('sends a check-in on a working day within hours, once, and only the latest when both are overdue', () => {
    const c = started();
    expect(checkInStep(c, policy, new Date('2026-11-30T09:00:00Z'), () => true).kind).toBe('none'); // not due yet
    expect(checkInStep(c, policy, new Date('2026-12-01T06:30:00Z'), () => true).kind).toBe('none'); // 07:30
    expect(checkInStep(c, policy, new Date('2026-12-01T15:30:00Z'), () => true).kind).toBe('none'); // 16:30
    expect(checkInStep(c, policy, new Date('2026-12-05T09:00:00Z'), () => true).kind).toBe('none'); // Saturday
    expect(checkInStep(c, policy, new Date('2026-12-01T09:00:00Z'), () => false).kind).toBe('none'); // chat not opened
    const week = sent(c, '2026-12-01T09:00:00Z');
    expect(week.step).toMatchObject({ employeeId: 'anders', checkIn: 'week', today: '2026-12-01' });
    expect(week.c.rev).toBe(c.rev);
    expect(checkInStep(week.c, policy, new Date('2026-12-02T09:00:00Z'), () => true).kind).toBe('none');
    expect(sent(c, '2027-03-01T09:00:00Z').step.checkIn).toBe('months3');
  });

  it('takes one answer per check-in asked, from the employee only', () => {
    const asked = sent(started(), '2026-12-01T09:00:00Z').c;
    const answer: Command = { type: 'followUp.answer', checkIn: 'week', answer: 'mixed', comment: '  Det går op og ned  ' };
    expect(reason(asked, answer, as('sofie'))).toBe('notAllowedNow'); // another employee
    expect(reason(asked, answer, as('mette'))).toBe('notAllowedNow'); // the manager
    expect(reason(asked, { ...answer, checkIn: 'months3' }, as('anders'))).toBe('notAllowedNow'); // not asked yet
    expect(reason(asked, { ...answer, answer: 'great' as never }, as('anders'))).toBe('notAllowedNow');
    const answered = apply(asked, answer, as('anders'));
    expect(activeFollowUp(answered, 'anders')?.checkIns[0]).toMatchObject({ answer: 'mixed', comment: 'Det går op og ned' });
    expect(answered.audit.at(-1)).toMatchObject({ by: 'anders', what: 'followUp.answer' });
    expect(reason(answered, answer, as('anders'))).toBe('notAllowedNow'); // replayed
    // The managers are told once: the claim marks it, without a new revision.
    expect(untoldAnswer(asked)).toBeUndefined();
    expect(untoldAnswer(answered)).toMatchObject({ employeeId: 'anders', checkIn: { kind: 'week', answer: 'mixed' } });
    const told = claimAnswerNotice(answered, 'anders', 'week', now);
    expect(told.rev).toBe(answered.rev);
    expect(untoldAnswer(told)).toBeUndefined();
  });

  it('stops at once when the employee says stop or the manager withdraws, and answers are refused after', () => {
    const asked = sent(started(), '2026-12-01T09:00:00Z').c;
    const stopped = apply(asked, { type: 'followUp.stop' }, as('anders'));
    expect(stopped.followUps?.[0]).toMatchObject({ status: 'stopped', stoppedBy: 'employee', stoppedAt: now.toISOString() });
    expect(stopped.audit.at(-1)).toMatchObject({ by: 'anders', what: 'followUp.stop' });
    expect(reason(stopped, { type: 'followUp.answer', checkIn: 'week', answer: 'good' }, as('anders'))).toBe('notAllowedNow');
    expect(reason(stopped, { type: 'followUp.stop' }, as('anders'))).toBe('notAllowedNow');
    expect(checkInStep(stopped, policy, new Date('2027-03-01T09:00:00Z'), () => true).kind).toBe('none');
    expect(reason(asked, { type: 'followUp.stop' }, as('sofie'))).toBe('notAllowedNow');

    const withdrawn = apply(asked, { type: 'followUp.withdraw', rev: asked.rev, employeeId: 'anders' });
    expect(withdrawn.followUps?.[0]).toMatchObject({ status: 'stopped', stoppedBy: 'manager' });
    expect(withdrawn.audit.at(-1)).toMatchObject({ by: 'mette', what: 'followUp.withdraw' });
    // Consent given again later starts afresh, in the same place.
    const again = apply(withdrawn, { type: 'followUp.start', rev: withdrawn.rev, employeeId: 'anders', consent: true });
    expect(again.followUps).toHaveLength(1);
    expect(activeFollowUp(again, 'anders')?.checkIns.every((ci) => !ci.sentOn)).toBe(true);
  });
});
