import type { Intake } from '../../src/domain/case';
import type { EvidenceItem } from '../../src/domain/evidence';
import { type Command, newIncident, newWarning, type TransitionContext, transition } from '../../src/domain/transition';
import { loadPolicy } from '../../src/policy/load-policy';

const policy = loadPolicy();
const now = new Date('2026-12-02T10:00:00Z');
const ctx: TransitionContext = { now, actor: 'mette', policy };
const intake: Intake = {
  employees: [{ id: 'anders', name: 'Anders' }],
  urls: ['https://example.dk/x'],
  platform: 'website',
  discoveredOn: '2026-12-01',
  description: 'beskrivelse',
  employeeContacted: true,
  evidenceSaved: false,
  characteristics: [],
};
const item = (id: string, sha: string): EvidenceItem => ({
  id,
  kind: 'file',
  addedBy: 'mette',
  receivedAt: now.toISOString(),
  name: 'skærmbillede.png',
  size: 10,
  sniffedType: 'image/png',
  sha256: sha.repeat(64),
  link: 'https://example.dk/x',
});

function planned() {
  let c = newIncident({ id: 'case00000001', ownerId: 'mette', departmentId: 'd', locale: 'da', now });
  const r = transition(c, { type: 'intake.submit', rev: c.rev, intake }, ctx);
  if (!r.ok || r.state.kind !== 'incident') throw new Error('intake');
  c = r.state;
  return c;
}

function apply(c: ReturnType<typeof planned>, cmd: Command) {
  const r = transition(c, cmd, ctx);
  return r;
}

describe('evidence on an incident', () => {
  it('records the manager’s description of received items, without a revision, in the audit trail', () => {
    const r1 = apply(planned(), { type: 'evidence.add', item: { ...item('e1', 'a'), link: undefined } });
    if (!r1.ok || r1.state.kind !== 'incident') throw new Error('add');
    const r2 = apply(r1.state, {
      type: 'evidence.describe',
      evidenceIds: ['e1'],
      about: { link: 'https://example.dk/x', takenAt: '2026-12-01' },
    });
    if (!r2.ok || r2.state.kind !== 'incident') throw new Error('describe');
    expect(r2.state.evidence?.[0]).toMatchObject({ link: 'https://example.dk/x', takenAt: '2026-12-01', sha256: 'a'.repeat(64) });
    expect(r2.state.audit.at(-1)).toMatchObject({ what: 'evidence.describe', by: 'mette' });
    expect(apply(r1.state, { type: 'evidence.describe', evidenceIds: ['nope'], about: {} })).toEqual({
      ok: false,
      reason: 'unknownAction',
    });
  });

  it('appends an item with an audit line, whatever revision the card showed', () => {
    const c = planned();
    const r = apply(c, { type: 'evidence.add', item: item('e1', 'a') });
    expect(r.ok).toBe(true);
    if (!r.ok || r.state.kind !== 'incident') return;
    expect(r.state.evidence?.map((e) => e.id)).toEqual(['e1']);
    expect(r.state.rev).toBe(c.rev + 1);
    expect(r.state.audit.at(-1)).toMatchObject({ what: 'evidence.add', by: 'mette' });
  });

  it('refuses the same bytes twice and an item that is not whole', () => {
    const r1 = apply(planned(), { type: 'evidence.add', item: item('e1', 'a') });
    if (!r1.ok || r1.state.kind !== 'incident') throw new Error('add');
    expect(apply(r1.state, { type: 'evidence.add', item: item('e2', 'a') })).toEqual({ ok: false, reason: 'duplicate' });
    expect(apply(r1.state, { type: 'evidence.add', item: { ...item('e3', 'b'), sha256: 'x' } })).toEqual({ ok: false, reason: 'invalid' });
  });

  it('withdraws with a reason at the current revision only, and keeps the item', () => {
    const r1 = apply(planned(), { type: 'evidence.add', item: item('e1', 'a') });
    if (!r1.ok || r1.state.kind !== 'incident') throw new Error('add');
    const c = r1.state;
    expect(apply(c, { type: 'evidence.withdraw', rev: c.rev - 1, evidenceId: 'e1', reason: 'forkert sag' })).toEqual({
      ok: false,
      reason: 'stale',
    });
    expect(apply(c, { type: 'evidence.withdraw', rev: c.rev, evidenceId: 'e1', reason: '  ' })).toEqual({ ok: false, reason: 'invalid' });
    expect(apply(c, { type: 'evidence.withdraw', rev: c.rev, evidenceId: 'nope', reason: 'x' })).toEqual({
      ok: false,
      reason: 'unknownAction',
    });
    const r2 = apply(c, { type: 'evidence.withdraw', rev: c.rev, evidenceId: 'e1', reason: 'forkert sag' });
    if (!r2.ok || r2.state.kind !== 'incident') throw new Error('withdraw');
    expect(r2.state.evidence).toHaveLength(1);
    expect(r2.state.evidence?.[0]?.withdrawn).toEqual({ at: now.toISOString(), by: 'mette', reason: 'forkert sag' });
    expect(apply(r2.state, { type: 'evidence.withdraw', rev: r2.state.rev, evidenceId: 'e1', reason: 'igen' })).toEqual({
      ok: false,
      reason: 'notAllowedNow',
    });
  });

  it('a closed case takes no evidence, and an early warning none at all', () => {
    const c = planned();
    const closed = apply(c, { type: 'case.close', rev: c.rev });
    if (!closed.ok || closed.state.kind !== 'incident') throw new Error('close');
    expect(apply(closed.state, { type: 'evidence.add', item: item('e1', 'a') })).toEqual({ ok: false, reason: 'closed' });
    const w = newWarning({ id: 'case00000002', ownerId: 'mette', departmentId: 'd', locale: 'da', now });
    expect(transition(w, { type: 'evidence.add', item: item('e1', 'a') }, ctx)).toEqual({ ok: false, reason: 'notAllowedNow' });
  });
});
