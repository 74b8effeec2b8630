import type { Intake, WarningCase } from '../../src/domain/case';
import { type Command, newIncident, newWarning, type TransitionContext, transition } from '../../src/domain/transition';
import { loadPolicy } from '../../src/policy/load-policy';

const policy = loadPolicy();
const now = new Date('2026-11-24T10:00:00Z');
const ctx: TransitionContext = { now, actor: 'mette', policy };
const intake: Intake = {
  employees: [{ id: 'anders', name: 'Anders' }],
  urls: ['https://example.dk/x'],
  platform: 'website',
  discoveredOn: '2026-11-24',
  description: 'beskrivelse',
  employeeContacted: true,
  evidenceSaved: true,
  characteristics: ['directThreat'],
};
const fresh = () => newIncident({ id: 'case00000001', ownerId: 'mette', departmentId: 'd', locale: 'da', now });

function run(commands: ((rev: number) => Command)[]) {
  let state = fresh() as ReturnType<typeof fresh> | ReturnType<typeof newWarning>;
  const outcomes: string[] = [];
  for (const make of commands) {
    const result = transition(state, make(state.rev), ctx);
    outcomes.push(
      result.ok ? (state.kind === 'incident' ? `ok:${result.state.status}` : `ok:${result.state.status}`) : `no:${result.reason}`,
    );
    if (result.ok) state = result.state as typeof state;
  }
  return { state, outcomes };
}

describe('the case state machine', () => {
  it.each([
    [
      'intake → assessment → plan',
      [
        (rev: number) => ({ type: 'intake.submit', rev, intake }) as Command,
        (rev: number) => ({ type: 'assessment.confirm', rev, keep: ['policeReport'], add: [] }) as Command,
      ],
      ['ok:assessment', 'ok:plan'],
    ],
    [
      'edit goes back to intake and keeps the answers',
      [
        (rev: number) => ({ type: 'intake.submit', rev, intake }) as Command,
        (rev: number) => ({ type: 'assessment.edit', rev }) as Command,
      ],
      ['ok:assessment', 'ok:intake'],
    ],
    [
      'confirm before intake is refused',
      [(rev: number) => ({ type: 'assessment.confirm', rev, keep: [], add: [] }) as Command],
      ['no:notAllowedNow'],
    ],
    ['a stale revision changes nothing', [(rev: number) => ({ type: 'intake.submit', rev: rev + 1, intake }) as Command], ['no:stale']],
    [
      'an unknown added action is refused',
      [
        (rev: number) => ({ type: 'intake.submit', rev, intake }) as Command,
        (rev: number) => ({ type: 'assessment.confirm', rev, keep: [], add: ['rmrf'] }) as Command,
      ],
      ['ok:assessment', 'no:unknownAction'],
    ],
    [
      'closing twice is refused',
      [(rev: number) => ({ type: 'case.close', rev }) as Command, (rev: number) => ({ type: 'case.close', rev }) as Command],
      ['ok:closed', 'no:notAllowedNow'],
    ],
  ])('%s', (_name, commands, expected) => {
    expect(run(commands).outcomes).toEqual(expected);
  });

  it('appends an audit entry with who, what and the new revision on every transition, and nothing else', () => {
    const { state } = run([
      (rev) => ({ type: 'intake.submit', rev, intake }),
      (rev) => ({ type: 'assessment.confirm', rev, keep: ['policeReport'], add: ['pressenaevnet'] }),
    ]);
    expect(state.rev).toBe(3);
    expect(state.audit).toEqual([
      { at: now.toISOString(), by: 'mette', what: 'incident.open', rev: 1 },
      { at: now.toISOString(), by: 'mette', what: 'intake.submit', rev: 2 },
      { at: now.toISOString(), by: 'mette', what: 'assessment.confirm', rev: 3 },
    ]);
    expect(JSON.stringify(state.audit)).not.toContain('Anders');
  });

  it('keeps kept and added actions, drops the rest, and records done with a reference', () => {
    const { state } = run([
      (rev) => ({ type: 'intake.submit', rev, intake }),
      (rev) => ({ type: 'assessment.confirm', rev, keep: ['policeReport', 'meeting'], add: ['pressenaevnet'] }),
      (rev) => ({ type: 'action.done', rev, actionId: 'policeReport', reference: 'J.nr. 1' }),
    ]);
    if (state.kind !== 'incident') throw new Error('expected an incident');
    expect(state.plan?.map((a) => a.actionId).sort()).toEqual(['meeting', 'policeReport', 'pressenaevnet']);
    expect(state.plan?.find((a) => a.actionId === 'pressenaevnet')?.source).toBe('manager');
    expect(state.plan?.find((a) => a.actionId === 'policeReport')).toMatchObject({ status: 'done', reference: 'J.nr. 1', doneBy: 'mette' });
    const reopened = transition(state, { type: 'action.reopen', rev: state.rev, actionId: 'policeReport' }, ctx);
    expect(reopened.ok && reopened.state.kind === 'incident' && reopened.state.plan?.find((a) => a.actionId === 'policeReport')).toEqual(
      expect.objectContaining({ status: 'open' }),
    );
  });

  it('settles an action as not relevant with the reason, audited apart from done, and reopening clears it', () => {
    const { state, outcomes } = run([
      (rev) => ({ type: 'intake.submit', rev, intake }),
      (rev) => ({ type: 'assessment.confirm', rev, keep: ['policeReport', 'meeting'], add: [] }),
      (rev) => ({ type: 'action.notRelevant', rev, actionId: 'policeReport', reference: 'Medarbejderen ønsker ikke at anmelde' }),
      (rev) => ({ type: 'action.notRelevant', rev, actionId: 'policeReport' }),
    ]);
    expect(outcomes).toEqual(['ok:assessment', 'ok:plan', 'ok:plan', 'no:notAllowedNow']);
    if (state.kind !== 'incident') throw new Error('expected an incident');
    expect(state.plan?.find((a) => a.actionId === 'policeReport')).toMatchObject({
      status: 'done',
      notRelevant: true,
      reference: 'Medarbejderen ønsker ikke at anmelde',
      doneBy: 'mette',
    });
    expect(state.audit.at(-1)).toMatchObject({ what: 'action.notRelevant', actionId: 'policeReport' });
    const reopened = transition(state, { type: 'action.reopen', rev: state.rev, actionId: 'policeReport' }, ctx);
    if (!reopened.ok || reopened.state.kind !== 'incident') throw new Error('reopen failed');
    const again = reopened.state.plan?.find((a) => a.actionId === 'policeReport');
    expect(again?.status).toBe('open');
    expect(again).not.toHaveProperty('notRelevant');
    expect(again).not.toHaveProperty('reference');
  });

  it('escalates a recorded warning once, with an effect that creates the incident', () => {
    let w: WarningCase = newWarning({ id: 'warn00000001', ownerId: 'mette', departmentId: 'd', locale: 'da', now });
    const submitted = transition(
      w,
      { type: 'warning.submit', rev: 1, warning: { employees: intake.employees, description: 'x', notedOn: '2026-11-24', taken: [] } },
      ctx,
    );
    if (!submitted.ok) throw new Error('submit failed');
    w = submitted.state as WarningCase;
    const escalated = transition(w, { type: 'warning.escalate', rev: w.rev, incidentId: 'warn00000001x' }, ctx);
    expect(escalated).toMatchObject({ ok: true, effects: [{ kind: 'createEscalatedIncident', incidentId: 'warn00000001x' }] });
    if (!escalated.ok) return;
    expect(transition(escalated.state, { type: 'warning.escalate', rev: escalated.state.rev, incidentId: 'warn00000001x' }, ctx)).toEqual({
      ok: false,
      reason: 'notAllowedNow',
    });
    const incident = newIncident(
      { id: 'warn00000001x', ownerId: 'mette', departmentId: 'd', locale: 'da', now },
      escalated.state as WarningCase,
    );
    expect(incident.prefill).toEqual({ employees: intake.employees, description: 'x' });
    expect(incident.escalatedFrom).toBe('warn00000001');
  });
});

describe('Graph steps cut off mid-way', () => {
  const planned = (post: object, meeting?: object) => {
    const c = fresh();
    return { ...c, status: 'plan' as const, intake, plan: [], post, ...(meeting ? { meeting } : {}) } as ReturnType<typeof fresh>;
  };
  const at = (ms: number): TransitionContext => ({ ...ctx, now: new Date(now.getTime() + ms) });

  it('never re-posts a message that may be on its way, but lets the manager decide once it is clearly cut off', () => {
    const c = planned({ status: 'posting', text: 'Kære alle', consent: true, html: '<p>Kære alle</p>', since: now.toISOString() });
    const send = { type: 'post.send', rev: c.rev, text: 'Kære alle', consent: true } as const;
    expect(transition(c, send, at(5_000))).toEqual({ ok: false, reason: 'notAllowedNow' });
    expect(transition(c, { type: 'post.confirm', rev: c.rev }, at(5_000))).toEqual({ ok: false, reason: 'notAllowedNow' });
    expect(transition(c, send, at(60_000))).toMatchObject({ ok: true, effects: [{ kind: 'postMessage' }] });
    expect(transition(c, { type: 'post.confirm', rev: c.rev }, at(60_000))).toMatchObject({ ok: true });
  });

  it('repeats a cut-off booking with the same transaction id', () => {
    const slot = { start: '2026-11-25T10:00:00.000Z', end: '2026-11-25T11:00:00.000Z' };
    const c = planned(
      { status: 'draft', text: '', consent: false },
      { status: 'booking', transactionId: 't-1', attempt: 1, slot, since: now.toISOString() },
    );
    expect(transition(c, { type: 'meeting.book', rev: c.rev, slot }, at(5_000))).toEqual({ ok: false, reason: 'notAllowedNow' });
    expect(transition(c, { type: 'meeting.book', rev: c.rev, slot }, at(60_000))).toMatchObject({
      ok: true,
      effects: [{ kind: 'createEvent', transactionId: 't-1' }],
    });
  });

  it('refuses a support message that breaks a guardrail and names every reason', () => {
    const c = planned({ status: 'draft', text: '', consent: false });
    const result = transition(c, { type: 'post.send', rev: c.rev, text: 'Se https://example.dk/x', consent: false }, ctx);
    expect(result).toEqual({ ok: false, reason: 'guardrail', issues: ['containsUrl', 'noConsent'] });
  });
});
