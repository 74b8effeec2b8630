import type { IncidentCase, PlannedAction } from '../../src/domain/case';
import { reminderStep } from '../../src/domain/reminders';
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
    action('evidence', '2026-11-24'),
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
    expect(due(plan, '2026-11-25T07:00:00Z')).toEqual(['evidence', 'journalNote']);
    expect(reminderStep(plan, policy, new Date('2026-11-25T07:00:00Z'))).toMatchObject({ kind: 'remind', today: '2026-11-25' });
    // Tuesday a week later: the one-week follow-up joins the overdue ones.
    expect(due(plan, '2026-12-01T09:00:00Z')).toEqual(['evidence', 'journalNote', 'followUpWeek']);
  });

  it('sends nothing on the day the case was worked on, at weekends, twice a day, or for closed or unconfirmed cases', () => {
    expect(due(plan, '2026-11-24T15:00:00Z')).toEqual([]); // confirmed today
    expect(due(plan, '2026-11-28T09:00:00Z')).toEqual([]); // Saturday
    expect(due(plan, '2026-11-29T09:00:00Z')).toEqual([]); // Sunday
    expect(due({ ...plan, remindedOn: '2026-11-25' }, '2026-11-25T12:00:00Z')).toEqual([]);
    expect(due({ ...plan, remindedOn: '2026-11-25' }, '2026-11-26T12:00:00Z')).toEqual(['evidence', 'journalNote']);
    expect(due({ ...plan, status: 'closed' }, '2026-11-25T09:00:00Z')).toEqual([]);
    expect(due({ ...plan, status: 'assessment', proposal: plan.plan, plan: undefined }, '2026-11-25T09:00:00Z')).toEqual([]);
    const allDone = { ...plan, plan: (plan.plan ?? []).map((a) => ({ ...a, status: 'done' as const })) };
    expect(due(allDone, '2026-11-25T09:00:00Z')).toEqual([]);
  });

  it('follows Danish time over the year and the policy hour, and can be switched off', () => {
    // Summer time: 08:00 in Copenhagen is 06:00 UTC.
    const summer = { ...plan, updatedAt: '2027-06-01T10:00:00Z' };
    expect(due(summer, '2027-06-02T05:59:00Z')).toEqual([]);
    expect(due(summer, '2027-06-02T06:00:00Z')).toContain('followUp3Months');
    const late = { ...policy, reminders: { enabled: true, fromHour: 10 } };
    expect(reminderStep(plan, late, new Date('2026-11-25T08:30:00Z')).kind).toBe('none');
    expect(reminderStep(plan, late, new Date('2026-11-25T09:00:00Z')).kind).toBe('remind');
    const off = { ...policy, reminders: { enabled: false, fromHour: 8 } };
    expect(reminderStep(plan, off, new Date('2026-11-25T09:00:00Z')).kind).toBe('none');
  });
});
