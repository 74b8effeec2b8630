import { assess } from '../../src/domain/assessment';
import type { IncidentCase, Intake, WarningCase } from '../../src/domain/case';
import type { Policy } from '../../src/domain/policy';
import { anonymise, type CaseFact, factOf, figures, median, periodMonths, shown } from '../../src/domain/statistics';
import { loadPolicy } from '../../src/policy/load-policy';

const policy = loadPolicy();
const now = '2026-11-24T08:30:00.000Z';
const today = '2026-11-24';

const intake: Intake = {
  employees: [{ id: 'e1', name: 'Anders Kjær' }],
  urls: ['https://example.org/opslag'],
  platform: 'facebook',
  discoveredOn: '2026-11-20',
  description: 'Borgerens opslag om Anders',
  employeeContacted: true,
  evidenceSaved: true,
  characteristics: ['cprNumber', 'directThreat', 'crimeAccusation'],
};
const base = {
  id: 'abcdefghijkl',
  rev: 4,
  ownerId: 'm1',
  managerIds: [],
  departmentId: 'dep',
  locale: 'da' as const,
  createdAt: now,
  updatedAt: now,
  audit: [],
};
const proposal = assess(policy, intake);
const done = (id: string, doneAt: string, extra = {}) => ({ status: 'done' as const, doneAt, doneBy: 'm1', actionId: id, ...extra });
const incident: IncidentCase = {
  ...base,
  kind: 'incident',
  status: 'plan',
  intake,
  plan: proposal.map((a) =>
    a.actionId === 'policeReport'
      ? { ...a, ...done(a.actionId, '2026-11-20T10:00:00Z') }
      : a.actionId === 'datatilsynetNow'
        ? { ...a, ...done(a.actionId, '2026-11-21T10:00:00Z', { notRelevant: true, reference: 'ikke relevant' }) }
        : a.actionId === 'staffMessage'
          ? { ...a, ...done(a.actionId, '2026-11-22T10:00:00Z', { byGraph: true }) }
          : a,
  ),
  meeting: { status: 'booked', transactionId: 't', attempt: 1, slot: { start: '2026-11-23T08:00:00Z', end: '2026-11-23T09:00:00Z' } },
};

describe('factOf', () => {
  it('keeps no names, links, descriptions or people, only what the figures need', () => {
    const withMeetingDone: IncidentCase = {
      ...incident,
      plan: (incident.plan ?? []).map((a) => (a.actionId === 'meeting' ? { ...a, ...done('meeting', '2026-11-21T10:00:00Z') } : a)),
    };
    const fact = factOf(withMeetingDone, policy);
    const json = JSON.stringify(fact);
    for (const secret of ['Anders', 'example.org', 'opslag', 'm1', 'e1', 'facebook']) expect(json).not.toContain(secret);
    expect(fact).toMatchObject({
      kind: 'incident',
      departmentId: 'dep',
      rev: 4,
      on: '2026-11-20',
      // In the policy's order, not the order answered.
      characteristics: ['directThreat', 'crimeAccusation', 'cprNumber'],
      // A police report done; Datatilsynet marked not relevant does not count.
      outcomes: ['policeReport'],
      // Booked through Graph: the meeting's own day (23rd), not when it was ticked off.
      meetingDays: 3,
      messageDays: 2,
    });
    expect(fact?.openDue.length).toBeGreaterThan(0);
  });

  it('follows the policy’s statistic field, not the action ids, so a municipality may rename them', () => {
    const renamed: Policy = {
      ...policy,
      actions: policy.actions.map((a) => (a.id === 'policeReport' ? { ...a, id: 'anmeldelse' } : a)),
    };
    const c: IncidentCase = {
      ...incident,
      plan: (incident.plan ?? []).map((a) => (a.actionId === 'policeReport' ? { ...a, actionId: 'anmeldelse' } : a)),
    };
    expect(factOf(c, renamed)?.outcomes).toEqual(['policeReport']);
    const untagged: Policy = { ...renamed, actions: renamed.actions.map(({ statistic: _, ...a }) => a) };
    expect(factOf(c, untagged)?.outcomes).toEqual([]);
  });

  it('counts no meeting or message that did not happen, and nothing overdue on a closed case', () => {
    const c: IncidentCase = {
      ...incident,
      status: 'closed',
      plan: incident.plan?.filter((a) => a.actionId !== 'staffMessage'),
      meeting: undefined,
    };
    const fact = factOf(c, policy);
    expect(fact?.meetingDays).toBeUndefined();
    expect(fact?.messageDays).toBeUndefined();
    expect(fact?.openDue).toEqual([]);
  });

  it('skips a case still at intake, and keeps a warning by the day it was noted', () => {
    expect(factOf({ ...incident, status: 'intake', intake: undefined, plan: undefined }, policy)).toBeUndefined();
    const warning: WarningCase = {
      ...base,
      kind: 'warning',
      status: 'recorded',
      warning: { employees: [{ id: 'e1', name: 'Anders' }], description: 'hemmeligt', notedOn: '2026-10-02', taken: [] },
    };
    expect(factOf(warning, policy)).toEqual({
      kind: 'warning',
      departmentId: 'dep',
      rev: 4,
      on: '2026-10-02',
      characteristics: [],
      outcomes: [],
      openDue: [],
    });
  });
});

const fact = (on: string, extra: Partial<CaseFact> = {}): CaseFact => ({
  kind: 'incident',
  departmentId: 'dep',
  rev: 1,
  on,
  characteristics: ['directThreat'],
  outcomes: [],
  openDue: [],
  ...extra,
});

describe('figures and what may be shown', () => {
  it('covers the last 12 months, this one included', () => {
    expect(periodMonths(today)).toEqual([
      '2025-12',
      '2026-01',
      '2026-02',
      '2026-03',
      '2026-04',
      '2026-05',
      '2026-06',
      '2026-07',
      '2026-08',
      '2026-09',
      '2026-10',
      '2026-11',
    ]);
  });

  it('counts per month and kind, leaves out what is older than the period, and counts overdue actions now', () => {
    const f = figures(
      [
        fact('2026-11-02', { outcomes: ['policeReport'], meetingDays: 1, messageDays: 0, openDue: ['2026-11-23', '2026-11-24'] }),
        fact('2026-11-10', { characteristics: ['directThreat', 'cprNumber'], meetingDays: 3 }),
        fact('2026-01-05', { meetingDays: 2 }),
        fact('2026-01-06', { kind: 'warning', characteristics: [] }),
        fact('2025-11-30', { openDue: ['2025-12-01'] }),
      ],
      policy,
      today,
    );
    expect(f.incidents).toBe(3);
    expect(f.warnings).toBe(1);
    expect(f.months.find((m) => m.month === '2026-11')).toEqual({ month: '2026-11', incidents: 2, warnings: 0 });
    expect(f.months.find((m) => m.month === '2026-01')).toEqual({ month: '2026-01', incidents: 1, warnings: 1 });
    expect(f.byKind.find((k) => k.id === 'directThreat')?.count).toBe(3);
    expect(f.byKind.find((k) => k.id === 'cprNumber')?.count).toBe(1);
    expect(f.outcomes.find((o) => o.outcome === 'policeReport')?.count).toBe(1);
    expect(median(f.meetingDays)).toBe(2);
    // Due today is not overdue; the old case's open action still is.
    expect(f.overdue).toBe(2);
  });

  it('shows 1 and 2 as "under 3", and no breakdown by kind or median for fewer than 3 cases', () => {
    expect([0, 1, 2, 3].map(shown)).toEqual([0, 'under3', 'under3', 3]);
    const two = anonymise(figures([fact('2026-11-02', { meetingDays: 1 }), fact('2026-11-03', { meetingDays: 5 })], policy, today));
    expect(two.incidents).toBe('under3');
    expect(two.byKind).toBeUndefined();
    expect(two.medianMeetingDays).toBeUndefined();
    expect(two.months.at(-1)?.incidents).toBe('under3');
    const three = anonymise(
      figures([fact('2026-11-02'), fact('2026-11-03'), fact('2026-10-03', { characteristics: ['cprNumber'] })], policy, today),
    );
    expect(three.incidents).toBe(3);
    // Kinds with no case are left out; 1–2 still "under 3".
    expect(three.byKind).toEqual([
      { id: 'directThreat', count: 'under3' },
      { id: 'cprNumber', count: 'under3' },
    ]);
  });

  it('takes the median of an even count as the mean of the middle two', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeUndefined();
  });
});
