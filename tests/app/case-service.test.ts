import path from 'node:path';
import type { Actor } from '../../src/app/actions/context';
import { HANDLERS } from '../../src/app/actions/registry';
import { CaseRepository } from '../../src/app/case-repository';
import { CaseService } from '../../src/app/case-service';
import type { GraphPort } from '../../src/app/graph-port';
import { GraphWork } from '../../src/app/graph-work';
import type { Screen, View } from '../../src/app/screens';
import { ALL_VERBS, Verb } from '../../src/app/verbs';
import { FileDirectory } from '../../src/directory/file-directory';
import type { Case } from '../../src/domain/case';
import { loadPolicy } from '../../src/policy/load-policy';
import { MemoryJsonStore } from '../../src/storage/memory-json-store';
import { FlakyStore } from '../support/flaky-store';

// Unit tests of the action loop: in-memory storage and a fake Graph port, no Azurite, no HTTP.
const NOW = new Date('2026-11-24T08:00:00Z');
const METTE: Actor = { id: '00000000-0000-0000-0000-000000000020', name: 'Mette Holm', locale: 'da-DK' };
const PETER: Actor = { id: '00000000-0000-0000-0000-000000000026', name: 'Peter Møller', locale: 'da-DK' };
const ANDERS = '00000000-0000-0000-0000-000000000021';
const directory = FileDirectory.load(path.resolve(__dirname, '../../dev/demo-departments.json'));
const policy = loadPolicy();
const SLOT = { start: '2026-11-24T12:00:00.000Z', end: '2026-11-24T13:00:00.000Z' };

/** Records every call; answers like a healthy Graph. */
function fakeGraph() {
  const calls: string[] = [];
  const call = <T>(name: string, value: T) => {
    calls.push(name);
    return Promise.resolve({ ok: true as const, value });
  };
  const port: GraphPort = {
    findMeetingTimes: () => call('findMeetingTimes', { suggestions: [SLOT] }),
    createEvent: (_t, r) => call('createEvent', { eventId: 'ev1', slot: r.slot, joinUrl: 'https://x/j' }),
    cancelEvent: () => call('cancelEvent', undefined),
    moveEvent: (_t, _id, slot) => call('moveEvent', { eventId: 'ev1', slot }),
    postChannelMessage: () => call('postChannelMessage', { messageId: 'm1' }),
    users: () => call('users', []),
  };
  return { port, calls };
}

/** Counts writes, and can refuse the next replace as if another instance had saved first, or be down. */
class CountingStore extends FlakyStore {
  replaces = 0;
  conflictNext = false;
  constructor() {
    super(new MemoryJsonStore());
  }
  override async replace(key: string, value: unknown, etag: string) {
    if (!this.down && this.conflictNext) {
      this.conflictNext = false;
      return 'conflict' as const;
    }
    const r = await super.replace(key, value, etag);
    if (r === 'saved') this.replaces += 1;
    return r;
  }
}

function setUp(opts: { signedIn?: boolean } = {}) {
  const store = new CountingStore();
  const cases = new CaseRepository(store);
  const graph = fakeGraph();
  const clock = { now: () => NOW };
  let n = 0;
  const service = new CaseService({
    cases,
    directory,
    policy,
    clock,
    newId: () => {
      n += 1;
      return `case${String(n).padStart(8, '0')}`;
    },
    graph: {
      work: new GraphWork({ graph: graph.port, cases, directory, policy, clock }),
      token: async () => (opts.signedIn === false ? { ok: false, error: 'signIn' } : { ok: true, token: 'tok' }),
      updater: { update: async () => undefined },
      budgetMs: 5000,
      onBackgroundError: (e) => {
        throw e;
      },
    },
  });
  const stored = async (id: string) => (await cases.get(id))?.value as Case;
  return { service, store, graph, stored };
}

type Incident = Extract<Case, { kind: 'incident' }>;
const caseOf = (view: View) => (view.screen as Extract<Screen, { case: unknown }>).case as Incident;
const noticeOf = (view: View) => ('notice' in view.screen ? view.screen.notice?.code : undefined);

/** From the start card to a confirmed plan with the meeting and the support message. */
async function planned(s: ReturnType<typeof setUp>) {
  const start = await s.service.handle(METTE, Verb.start, {});
  if (start.screen.kind !== 'start') throw new Error('no start card');
  let view = await s.service.handle(METTE, Verb.newIncident, { startId: start.screen.startId, departmentId: 'boern-familie' });
  const id = caseOf(view).id;
  view = await s.service.handle(METTE, Verb.intakeSubmit, {
    caseId: id,
    rev: caseOf(view).rev,
    employees: ANDERS,
    urls: 'https://example.org/opslag',
    platform: 'website',
    discoveredOn: '2026-11-24',
    description: 'Intern beskrivelse',
  });
  expect(view.screen.kind).toBe('assessment');
  view = await s.service.handle(METTE, Verb.assessmentConfirm, {
    caseId: id,
    rev: caseOf(view).rev,
    keep_meeting: 'true',
    keep_staffMessage: 'true',
    keep_contactEmployee: 'true',
  });
  return { id, view };
}

describe('the card action registry', () => {
  it('has exactly one handler for every verb the cards use', () => {
    expect(Object.keys(HANDLERS).sort()).toEqual([...ALL_VERBS].sort());
  });

  it('declares Graph for the meeting and the send button only', () => {
    const graph = Object.entries(HANDLERS)
      .filter(([, h]) => h.scope === 'case' && h.graph)
      .map(([v]) => v)
      .sort();
    expect(graph).toEqual([Verb.meetingBook, Verb.meetingCancel, Verb.meetingMove, Verb.meetingSearch, Verb.postSend].sort());
  });
});

describe('the action loop (in-memory storage, fake Graph)', () => {
  it('walks to a plan, books the meeting and posts the message, each ticked off once', async () => {
    const s = setUp();
    const { id, view: plan } = await planned(s);
    // The confirmed plan with a meeting looks for times at once.
    expect(s.graph.calls).toEqual(['findMeetingTimes']);
    expect(caseOf(plan).meeting?.status).toBe('choosing');
    const booked = await s.service.handle(METTE, Verb.meetingBook, {
      caseId: id,
      rev: caseOf(plan).rev,
      slot: `${SLOT.start}|${SLOT.end}`,
    });
    expect(noticeOf(booked)).toBe('meetingBooked');
    expect(caseOf(booked).plan?.find((a) => a.actionId === 'meeting')).toMatchObject({ status: 'done', byGraph: true });
    const editor = await s.service.handle(METTE, Verb.details, { caseId: id, rev: caseOf(booked).rev, actionId: 'staffMessage' });
    expect(editor.screen).toMatchObject({ kind: 'plan', expanded: { actionId: 'staffMessage' } });
    const text = 'Kære alle. Vi står sammen om Anders Kjær, og ledelsen bakker op.';
    const posted = await s.service.handle(METTE, Verb.postSend, {
      caseId: id,
      rev: caseOf(booked).rev,
      postText: text,
      postConsent: 'true',
    });
    expect(noticeOf(posted)).toBe('posted');
    expect(caseOf(posted).plan?.find((a) => a.actionId === 'staffMessage')).toMatchObject({ status: 'done', byGraph: true });
    expect(s.graph.calls).toEqual(['findMeetingTimes', 'createEvent', 'postChannelMessage']);
  });

  it('keeps a refused message as typed and opens the editor on it, without calling Graph', async () => {
    const s = setUp();
    const { id, view } = await planned(s);
    const refused = await s.service.handle(METTE, Verb.postSend, {
      caseId: id,
      rev: caseOf(view).rev,
      postText: 'Hej',
      postConsent: 'false',
    });
    expect(refused.screen).toMatchObject({ kind: 'plan', expanded: { actionId: 'staffMessage' }, notice: { code: 'postBlocked' } });
    expect((await s.stored(id)).kind === 'incident' && ((await s.stored(id)) as Incident).post).toMatchObject({
      text: 'Hej',
      status: 'draft',
    });
    expect(s.graph.calls).not.toContain('postChannelMessage');
  });

  it('refuses a click on an older card and saves nothing', async () => {
    const s = setUp();
    const { id, view } = await planned(s);
    const before = s.store.replaces;
    const stale = await s.service.handle(METTE, Verb.actionDone, { caseId: id, rev: caseOf(view).rev - 1, actionId: 'contactEmployee' });
    expect(noticeOf(stale)).toBe('stale');
    expect(s.store.replaces).toBe(before);
    expect((await s.stored(id)).rev).toBe(caseOf(view).rev);
  });

  it('re-reads and applies the command once when another instance saved first', async () => {
    const s = setUp();
    const { id, view } = await planned(s);
    const before = s.store.replaces;
    s.store.conflictNext = true;
    const done = await s.service.handle(METTE, Verb.actionDone, {
      caseId: id,
      rev: caseOf(view).rev,
      actionId: 'contactEmployee',
      ref_contactEmployee: 'J.nr. 1234',
    });
    expect(noticeOf(done)).toBe('actionDone');
    expect(s.store.replaces).toBe(before + 1);
    expect(((await s.stored(id)) as Incident).plan?.find((a) => a.actionId === 'contactEmployee')).toMatchObject({
      status: 'done',
      reference: 'J.nr. 1234',
    });
  });

  it('shows another manager nothing and changes nothing', async () => {
    const s = setUp();
    const { id, view } = await planned(s);
    const before = s.store.replaces;
    const refused = await s.service.handle(PETER, Verb.close, { caseId: id, rev: caseOf(view).rev });
    expect(refused.screen).toEqual({ kind: 'message', notice: { code: 'forbidden', tone: 'warning' } });
    expect(s.store.replaces).toBe(before);
  });

  it('asks to sign in before a Graph action, and changes nothing', async () => {
    const s = setUp({ signedIn: false });
    const { id, view } = await planned(s);
    const before = s.store.replaces;
    const answer = await s.service.handle(METTE, Verb.meetingSearch, { caseId: id, rev: caseOf(view).rev });
    expect(answer.signIn).toBe(true);
    expect(noticeOf(answer)).toBe('signIn');
    expect(s.store.replaces).toBe(before);
    expect(s.graph.calls).toEqual([]);
  });

  it('answers an unknown verb or a missing revision with the current card and "bad request"', async () => {
    const s = setUp();
    const { id, view } = await planned(s);
    const before = s.store.replaces;
    expect(noticeOf(await s.service.handle(METTE, 'opb.nonsense', { caseId: id, rev: caseOf(view).rev }))).toBe('badRequest');
    expect(noticeOf(await s.service.handle(METTE, Verb.close, { caseId: id, rev: true }))).toBe('badRequest');
    expect((await s.service.handle(METTE, Verb.close, { caseId: '../x', rev: 1 })).screen).toMatchObject({
      notice: { code: 'badRequest' },
    });
    expect(s.store.replaces).toBe(before);
  });

  it('gives the intake back with what was typed when the revision is malformed', async () => {
    const s = setUp();
    const start = await s.service.handle(METTE, Verb.start, {});
    if (start.screen.kind !== 'start') throw new Error('no start card');
    const intake = await s.service.handle(METTE, Verb.newIncident, { startId: start.screen.startId, departmentId: 'boern-familie' });
    const again = await s.service.handle(METTE, Verb.intakeSubmit, { caseId: caseOf(intake).id, rev: 'x', description: 'Det jeg skrev' });
    expect(again.screen).toMatchObject({ kind: 'intake', notice: { code: 'badRequest' }, values: { description: 'Det jeg skrev' } });
  });

  it('turns a storage outage into a card that repeats the action with everything entered', async () => {
    const s = setUp();
    const { id, view } = await planned(s);
    s.store.down = true;
    const data = { caseId: id, rev: caseOf(view).rev, actionId: 'contactEmployee', ref_contactEmployee: 'J.nr. 1234' };
    const answer = await s.service.handle(METTE, Verb.actionDone, data);
    expect(answer.screen).toEqual({
      kind: 'message',
      notice: { code: 'storageUnavailable', tone: 'attention' },
      retry: { verb: Verb.actionDone, data },
    });
  });
});
