import type { IncidentCase, PlannedAction } from '../../src/domain/case';
import { onCadence, reminderStep, workingDaysLate } from '../../src/domain/reminders';
import { newIncident } from '../../src/domain/transition';
import { loadPolicy } from '../../src/policy/load-policy';

const policy = loadPolicy();
const action = (actionId: string, due: string, status: 'open' | 'done' = 'open'): PlannedAction => ({
  actionId,
  due,
  reasons: [],
  source: 'policy',
  status,
});
/** A plan confirmed on Tuesday 24 November 2026. */
const plan: IncidentCase = {
  ...newIncident({ id: 'case00000001', ownerId: 'mette', departmentId: 'd', locale: 'da', now: new Date('2026-11-24T10:00:00Z') }),
  status: 'plan',
  plan: [
    action('followUpWeek', '2026-12-01'),
    action('journalNote', '2026-11-25'),
    action('contactEmployee', '2026-11-24', 'done'),
    action('preserveEvidence', '2026-11-24'),
    action('followUp3Months', '2027-02-24'),
  ],
};
const due = (c: IncidentCase, at: string) => {
  const step = reminderStep(c, policy, new Date(at));
  return step.kind === 'remind' ? step.due.map((a) => a.actionId) : [];
};

describe('reminderStep', () => {
  it('reminds on the next working day from 08:00 of what is due or overdue, oldest first', () => {
    // Wednesday 25 November, 08:00 in Copenhagen is 07:00 UTC.
    expect(due(plan, '2026-11-25T06:59:00Z')).toEqual([]);
    expect(due(plan, '2026-11-25T07:00:00Z')).toEqual(['preserveEvidence', 'journalNote']);
    expect(reminderStep(plan, policy, new Date('2026-11-25T07:00:00Z'))).toMatchObject({ kind: 'remind', today: '2026-11-25' });
    // Tuesday a week later: the one-week follow-up is due, and the overdue ones are listed with it.
    expect(due(plan, '2026-12-01T09:00:00Z')).toEqual(['preserveEvidence', 'journalNote', 'followUpWeek']);
  });

  it('nudges on the due day, one and three working days after, then weekly – not every day', () => {
    expect(workingDaysLate('2026-11-24', '2026-11-24')).toBe(0);
    expect(workingDaysLate('2026-11-27', '2026-11-30')).toBe(1); // Friday → Monday
    expect(workingDaysLate('2026-11-28', '2026-11-30')).toBe(1); // due on a Saturday: Monday is the first day late
    expect([0, 1, 2, 3, 4, 5, 6, 9, 10, 15].filter(onCadence)).toEqual([0, 1, 3, 5, 10, 15]);
    const one = { ...plan, plan: [action('journalNote', '2026-11-25')] };
    const days = ['25', '26', '27', '30'].map((d) => `2026-11-${d}T09:00:00Z`).concat(['2026-12-01T09:00:00Z', '2026-12-02T09:00:00Z']);
    // Wed (due), Thu (+1), Fri (+2), Mon (+3), Tue (+4), Wed (+5).
    expect(days.map((at) => due(one, at).length)).toEqual([1, 1, 0, 1, 0, 1]);
  });

  it('sends nothing on the day the case was worked on, at weekends, twice a day, or for closed or unconfirmed cases', () => {
    expect(due(plan, '2026-11-24T15:00:00Z')).toEqual([]); // confirmed today
    expect(due(plan, '2026-11-28T09:00:00Z')).toEqual([]); // Saturday
    expect(due(plan, '2026-11-29T09:00:00Z')).toEqual([]); // Sunday
    expect(due({ ...plan, remindedOn: '2026-11-25' }, '2026-11-25T12:00:00Z')).toEqual([]);
    expect(due({ ...plan, remindedOn: '2026-11-25' }, '2026-11-26T12:00:00Z')).toEqual(['preserveEvidence', 'journalNote']);
    expect(due({ ...plan, status: 'closed' }, '2026-11-25T09:00:00Z')).toEqual([]);
    expect(due({ ...plan, status: 'assessment', proposal: plan.plan, plan: undefined }, '2026-11-25T09:00:00Z')).toEqual([]);
    const allDone = { ...plan, plan: (plan.plan ?? []).map((a) => ({ ...a, status: 'done' as const })) };
    expect(due(allDone, '2026-11-25T09:00:00Z')).toEqual([]);
    // An action the policy no longer has cannot be shown, so it does not send an empty reminder.
    expect(due({ ...plan, plan: [action('removedFromPolicy', '2026-11-24')] }, '2026-11-25T09:00:00Z')).toEqual([]);
  });

  it('follows Danish time over the year and the policy hour, and can be switched off', () => {
    // Summer time: 08:00 in Copenhagen is 06:00 UTC.
    const summer = { ...plan, updatedAt: '2027-06-01T10:00:00Z' };
    expect(due(summer, '2027-06-02T05:59:00Z')).toEqual([]);
    expect(due(summer, '2027-06-02T06:00:00Z')).toContain('followUp3Months');
    const late = { ...policy, reminders: { enabled: true, fromHour: 10 } };
    expect(reminderStep(plan, late, new Date('2026-11-25T08:30:00Z')).kind).toBe('none');
    expect(reminderStep(plan, late, new Date('2026-11-25T09:00:00Z')).kind).toBe('remind');
    // Not in the evening: from 16:00 by default (after an outage the reminder waits for the next working day).
    expect(reminderStep(plan, policy, new Date('2026-11-25T14:59:00Z')).kind).toBe('remind');
    expect(reminderStep(plan, policy, new Date('2026-11-25T15:00:00Z')).kind).toBe('none');
    const evening = { ...policy, reminders: { enabled: true, fromHour: 8, untilHour: 20 } };
    expect(reminderStep(plan, evening, new Date('2026-11-25T18:30:00Z')).kind).toBe('remind');
    const off = { ...policy, reminders: { enabled: false, fromHour: 8 } };
    expect(reminderStep(plan, off, new Date('2026-11-25T09:00:00Z')).kind).toBe('none');
  });
});
