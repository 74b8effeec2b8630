import { createHash } from 'node:crypto';
import { GUARDRAILS } from '../../cards/graph-texts';
import { FIELD_ERRORS, NOTICES } from '../../cards/texts';
import { walk } from '../../dev/flow/cards';
import { GraphSimulator } from '../../dev/graph-simulator/simulator';
import { Verb } from '../../src/app/verbs';
import type { Case } from '../../src/domain/case';
import policy from '../../src/policy/default-policy.json';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import {
  action,
  type Card,
  type CardResponse,
  cardOf,
  cardText,
  executes,
  inputs,
  invoke,
  PEOPLE,
  type Person,
  post,
  type Running,
  say,
  startBot,
} from '../support/bot-client';
import { click as clickOn, validCards } from '../support/case-steps';
import { BASELINE, CASE, type Category, CORPUS, type HostileEntry, NOW, REV, type Stage, type StoredKey } from '../support/hostile-corpus';
import { validateCard } from '../support/validate-card';

jest.setTimeout(60_000);

const CARD = 'application/vnd.microsoft.card.adaptive';
/** Bidi controls: marks, embeddings, overrides and isolates. None may be stored, shown or posted. */
const BIDI = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/;
const INVISIBLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: the test's own model of "cleaned text"
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u180E\u200B\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const SINGLE_LINE = new Set(['posterName', 'platform', 'discoveredOn', 'notedOn', 'manualDate', 'manualTime']);
const ACTION_IDS = new Set(policy.actions.map((a) => a.id));

/** A clear message: a notice, a field error or a guardrail, in Danish. */
const REFUSALS: string[] = [
  ...(['stale', 'notAllowedNow', 'unknownCase', 'forbidden', 'invalidInput', 'badRequest', 'badSlot', 'postBlocked'] as const).map(
    (k) => NOTICES[k].da,
  ),
  ...Object.values(FIELD_ERRORS).map((e) => e.da),
  ...Object.values(GUARDRAILS).map((g) => g.da),
];
/** Notices that must not be on the answer to an accepted entry. */
const FAILURES: string[] = (
  [
    'stale',
    'notAllowedNow',
    'unknownCase',
    'forbidden',
    'invalidInput',
    'badRequest',
    'badSlot',
    'postBlocked',
    'storageUnavailable',
  ] as const
).map((k) => NOTICES[k].da);

/** The audit entry each verb's command writes when it changes the case. */
const COMMAND: Record<string, string> = {
  [Verb.newIncident]: 'incident.open',
  [Verb.intakeSubmit]: 'intake.submit',
  [Verb.assessmentConfirm]: 'assessment.confirm',
  [Verb.actionDone]: 'action.done',
  [Verb.actionReopen]: 'action.reopen',
  [Verb.actionNotRelevant]: 'action.notRelevant',
  [Verb.postSend]: 'post.send',
  [Verb.postPreview]: 'post.save',
  [Verb.meetingBook]: 'meeting.book',
  [Verb.warningSubmit]: 'warning.submit',
};

/** The plan action a stage has opened, so the entry uses that action's buttons. */
const STAGE_ACTION: Partial<Record<Stage, string>> = { details: 'preserveEvidence', post: 'staffMessage' };

let sim: GraphSimulator;
let bot: Running;
let store: BlobJsonStore;
let prototypeKeys: string[];

beforeAll(async () => {
  prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
  sim = GraphSimulator.fromDemo();
  sim.setClock(() => NOW);
  const { url } = await sim.start();
  bot = await startBot({
    now: () => NOW,
    env: { GRAPH_ENDPOINT: url, GRAPH_AUTH: 'dev' },
    overrides: { graphRetryDelaySeconds: 0.1, graphBudgetMs: 1500 },
  });
  store = BlobJsonStore.fromConnectionString(process.env.TEST_STORAGE_CONNECTION_STRING as string, bot.container);
});
afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
});

// ---------------------------------------------------------------------------------------------------------
// Walking a case to the step an entry needs

/** Clicks as Mette, expecting a valid card (the shared flow helper). */
const click = async (card: Card, verb: string, extra: Record<string, unknown> = {}, match?: (d: Record<string, unknown>) => boolean) =>
  (await clickOn(validCards(bot.url), card, verb, extra, match)) as Card;

async function prepare(stage: Stage): Promise<{ card: Card; caseId: string }> {
  const start = cardOf((await say(bot.url, PEOPLE.mette, 'ny sag')).activities[0]);
  if (stage === 'start') return { card: start, caseId: String(action(start, Verb.newIncident).data.startId) };
  if (stage === 'warning') {
    const card = await click(start, Verb.newWarning);
    return { card, caseId: String(action(card, Verb.warningSubmit).data.caseId) };
  }
  const intake = await click(start, Verb.newIncident);
  const caseId = String(action(intake, Verb.intakeSubmit).data.caseId);
  if (stage === 'intake') return { card: intake, caseId };
  const assessment = await click(intake, Verb.intakeSubmit, BASELINE[Verb.intakeSubmit]);
  if (stage === 'assessment') return { card: assessment, caseId };
  await click(assessment, Verb.assessmentConfirm, {
    keep_meeting: 'true',
    keep_staffMessage: 'true',
    keep_preserveEvidence: 'true',
  });
  // The plan may look for meeting times by itself; wait for that, then work from the current card.
  const current = await opened(caseId);
  if (stage === 'details') return { card: await click(current, Verb.details, {}, (d) => d.actionId === 'preserveEvidence'), caseId };
  if (stage === 'post') return { card: await click(current, Verb.details, {}, (d) => d.actionId === 'staffMessage'), caseId };
  let choosing = current;
  if (typeof inputs(choosing).slot !== 'string') {
    await click(current, Verb.meetingSearch);
    choosing = await opened(caseId);
  }
  if (typeof inputs(choosing).slot !== 'string') throw new Error('preparing the case: no meeting times to choose from');
  return { card: choosing, caseId };
}

/** Waits until no Graph call of the case is still running (a slow answer updates the case in the background). */
async function settled(caseId: string): Promise<void> {
  const busy = (c: Case | undefined) =>
    c?.kind === 'incident' && (c.post?.status === 'posting' || ['searching', 'booking'].includes(c.meeting?.status ?? ''));
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (!busy((await store.get<Case>(`cases/${caseId}.json`))?.value)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function opened(caseId: string): Promise<Card> {
  await settled(caseId);
  return (await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId })).body.value;
}

interface Snapshot {
  stored?: Case;
  /** What the owner sees when she opens the case. */
  text?: string;
}

async function snapshot(caseId: string): Promise<Snapshot> {
  const stored = (await store.get<Case>(`cases/${caseId}.json`))?.value;
  if (!stored) return {};
  const res = await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId });
  return { stored, text: cardText(res.body.value) };
}

// ---------------------------------------------------------------------------------------------------------
// Building the payload

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Replaces CASE and REV; keeps own `__proto__` keys own (Object.fromEntries defines, never sets a prototype). */
function substitute(v: unknown, caseId: string, rev: number): unknown {
  if (typeof v === 'string') return v === REV ? rev : v.split(CASE).join(caseId);
  if (Array.isArray(v)) return v.map((x) => substitute(x, caseId, rev));
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, substitute(x, caseId, rev)]));
  return v;
}

function baselineFor(verb: string, card: Card): Record<string, unknown> {
  if (verb === Verb.meetingBook) {
    const { slot, manualDate, manualTime } = inputs(card);
    return { slot, manualDate, manualTime };
  }
  return { ...(BASELINE[verb] ?? {}) };
}

function revOf(card: Card): number {
  const rev = executes(card).find((a) => typeof a.data.rev === 'number')?.data.rev;
  return typeof rev === 'number' ? rev : 1;
}

function payload(entry: HostileEntry, card: Card, caseId: string): { data: unknown; baseline: Record<string, unknown> } {
  const rev = revOf(card);
  if (entry.data !== undefined && !isPlainObject(entry.data)) return { data: substitute(entry.data, caseId, rev), baseline: {} };
  const verb = typeof entry.verb === 'string' ? entry.verb : undefined;
  const offered = verb ? executes(card).filter((a) => a.verb === verb) : [];
  const chosen = offered.find((a) => a.data.actionId === STAGE_ACTION[entry.stage]) ?? offered[0];
  const baseline = verb ? baselineFor(verb, card) : {};
  const merged = {
    ...(chosen?.data ?? { caseId, rev }),
    ...baseline,
    ...(entry.field ? { [entry.field]: entry.value } : {}),
    ...((entry.data as Record<string, unknown> | undefined) ?? {}),
  };
  return { data: substitute(merged, caseId, rev), baseline };
}

async function sendRaw(who: Person, verb: unknown, data: unknown, bytes: number) {
  return post(bot.url, {
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `raw-${Date.now()}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    from: who,
    recipient: { id: '28:opbakning', name: 'Opbakning' },
    conversation: { id: `a:personal-${who.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
    locale: 'da-DK',
    value: { action: { type: 'Action.Execute', verb, data: { ...(data as object), description: 'x'.repeat(bytes) } }, trigger: 'manual' },
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading cards and stored cases

/** Text a card renders as markdown: TextBlocks and facts. A person's text belongs in TextRuns and inputs only. */
function markdownTexts(card: Card): string[] {
  const out: string[] = [];
  walk(card, (o) => {
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (o.type === 'FactSet' && Array.isArray(o.facts))
      for (const f of o.facts as { title?: unknown; value?: unknown }[]) out.push(String(f.title ?? ''), String(f.value ?? ''));
  });
  return out;
}

/** Every URL a card links to or loads. */
function urlsOn(card: Card): string[] {
  const out: string[] = [];
  walk(card, (o) => {
    if (typeof o.url === 'string') out.push(o.url);
  });
  return out;
}

function textInput(card: Card, id: string): { value?: unknown; maxLength?: number } | undefined {
  let found: Record<string, unknown> | undefined;
  walk(card, (o) => {
    if (o.type === 'Input.Text' && o.id === id) found = o;
  });
  return found ? { value: found.value, maxLength: typeof found.maxLength === 'number' ? found.maxLength : undefined } : undefined;
}

const length = (s: string) => [...s].length;

/** What a person typed, as the card should give it back: NFC, no control or bidi characters, trimmed. */
function cleaned(typed: unknown, field: string): string {
  if (typeof typed !== 'string') return '';
  const text = typed.normalize('NFC').replace(/\r\n?/g, '\n').replace(INVISIBLE, '').trim();
  return SINGLE_LINE.has(field) || field.startsWith('ref_') ? text.replace(/\s+/g, ' ') : text;
}

function expectEcho(card: Card, field: string, typed: unknown): void {
  const input = textInput(card, field);
  if (!input) return;
  const expected = cleaned(typed, field);
  const actual = typeof input.value === 'string' ? input.value : '';
  expect(actual).not.toMatch(BIDI);
  const max = input.maxLength ?? Number.POSITIVE_INFINITY;
  if (length(expected) <= max) expect({ field, value: actual }).toEqual({ field, value: expected });
  else {
    // Longer than the input takes: the start of what was typed, at least as long as the input allows.
    expect(expected.startsWith(actual)).toBe(true);
    expect(length(actual)).toBeGreaterThanOrEqual(max);
  }
}

function storedView(c: Case): Record<StoredKey, unknown> {
  const incident = c.kind === 'incident' ? c : undefined;
  const warning = c.kind === 'warning' ? c : undefined;
  return {
    'intake.description': incident?.intake?.description,
    'intake.posterName': incident?.intake?.posterName,
    'intake.urls': incident?.intake?.urls,
    'intake.characteristics': incident?.intake?.characteristics,
    plan: incident?.plan?.map((a) => a.actionId).sort(),
    'reference.preserveEvidence': incident?.plan?.find((a) => a.actionId === 'preserveEvidence')?.reference,
    'post.text': incident?.post?.text,
    'post.status': incident?.post?.status,
    'meeting.status': incident?.meeting?.status,
    'warning.description': warning?.warning?.description,
    'warning.taken': warning?.warning?.taken,
  };
}

/** Each bidi control in a text, named, with a little context. */
function bidiIn(text: string): string[] {
  return [...text.matchAll(new RegExp(BIDI.source, 'g'))].map(
    (m) =>
      `U+${(m[0].codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')} in "…${text.slice(Math.max(0, m.index - 30), m.index + 30)}…"`,
  );
}

/** The storage key of a user's case index (as CaseRepository derives it). */
function userKey(userId: string): string {
  return createHash('sha256').update(userId).digest('hex').slice(0, 40);
}

function received() {
  const r = sim.received();
  return { messages: r.messages.length, events: r.events.length };
}

/** What changed in a stored case, briefly: revision, audit entries added, and the parts that differ. */
function changes(before: Case | undefined, after: Case | undefined): string[] {
  if (!before || !after) return before === after ? [] : [before ? 'the case was deleted' : 'a case was created'];
  const out: string[] = [];
  if (before.rev !== after.rev) out.push(`rev ${before.rev} → ${after.rev}`);
  const audit = after.audit.slice(before.audit.length).map((a) => a.what + (a.actionId ? `(${a.actionId})` : ''));
  if (audit.length) out.push(`audit + ${audit.join(', ')}`);
  const diff = (x: Record<string, unknown>, y: Record<string, unknown>, path: string, depth: number) => {
    for (const key of new Set([...Object.keys(x), ...Object.keys(y)])) {
      if (!path && ['rev', 'audit', 'updatedAt'].includes(key)) continue;
      const [xv, yv] = [x[key], y[key]];
      if (JSON.stringify(xv) === JSON.stringify(yv)) continue;
      if (depth > 0 && isPlainObject(xv) && isPlainObject(yv)) diff(xv, yv, `${path}${key}.`, depth - 1);
      else out.push(`${path}${key}: ${JSON.stringify(yv)?.slice(0, 200)}`);
    }
  };
  diff(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>, '', 1);
  return out;
}

// ---------------------------------------------------------------------------------------------------------

describe('the hostile-input corpus', () => {
  it('has at least 45 uniquely named entries and covers every category', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(45);
    expect(new Set(CORPUS.map((e) => e.name)).size).toBe(CORPUS.length);
    const categories: Category[] = [
      'oversized',
      'wrong-type',
      'unknown-verb',
      'forged-id',
      'forged-rev',
      'script-url',
      'html',
      'markdown',
      'mention',
      'bidi',
      'emoji',
      'danish',
      'empty',
      'duplicate',
      'prototype',
    ];
    for (const c of categories) expect(CORPUS.filter((e) => e.category === c).map((e) => e.category)).toContain(c);
    const stages = new Set(CORPUS.map((e) => e.stage));
    for (const s of ['intake', 'assessment', 'details', 'post', 'choosing'] as const) expect(stages).toContain(s);
  });
});

describe('hostile input over /api/messages', () => {
  it.each(CORPUS.map((e) => [e.name, e] as const))('%s', async (_name, entry) => {
    const who = PEOPLE[entry.as ?? 'mette'];
    const { card, caseId } = await prepare(entry.stage);
    const before = await snapshot(caseId);
    const sent = received();
    const { data, baseline } = payload(entry, card, caseId);
    const verb = typeof entry.verb === 'string' ? entry.verb : '';
    // Every check runs; the test fails with all of an entry's problems at once.
    const problems: string[] = [];
    const check = (what: string, fn: () => void) => {
      try {
        fn();
      } catch (e) {
        problems.push(`✗ ${what}\n${(e as Error).message}`);
      }
    };

    // --- the answer
    if (entry.rawBytes) {
      const res = await sendRaw(who, entry.verb, data, entry.rawBytes);
      // Refused before it is read: 413 (or 400), never a 5xx.
      check('HTTP status', () => expect([400, 413]).toContain(res.status));
    } else {
      const responses: CardResponse[] = await Promise.all(
        Array.from({ length: entry.repeat ?? 1 }, () => invoke(bot.url, who, entry.verb as string, data as Record<string, unknown>)),
      );
      for (const res of responses) {
        check('HTTP 200 with a card', () => {
          expect(res.status).toBe(200);
          expect(res.body?.statusCode).toBe(200);
          expect(res.body?.type).toBe(CARD);
        });
        const answer = res.body?.value;
        check('a valid card', () => expect(validateCard(answer)).toEqual([]));
        check('only web links on the card', () => expect(urlsOn(answer).filter((u) => !/^https:\/\//i.test(u))).toEqual([]));
        if (entry.markup && typeof entry.value === 'string') {
          const typed = cleaned(entry.value, entry.field ?? '');
          const links = typed.match(/\[[^\]]*\]\([^)]*\)/g) ?? [];
          check('typed markup never in a markdown TextBlock', () =>
            expect(markdownTexts(answer).filter((t) => t.includes(typed) || links.some((l) => t.includes(l)))).toEqual([]),
          );
        }
      }
      const texts = responses.map((r) => cardText(r.body?.value));
      const first = responses[0]?.body?.value as Card;
      const text = texts[0] ?? '';
      check('no direction overrides on the card', () => expect(text).not.toMatch(BIDI));

      if (entry.expect === 'refused') {
        const says = entry.says;
        const clear = says ? text.includes(says) : REFUSALS.some((r) => text.includes(r));
        const wanted = says ? `shows "${says}"` : 'shows a refusal';
        check('a clear Danish message', () => expect(clear ? wanted : `the card says instead: ${text.slice(0, 250)}…`).toBe(wanted));
        check('the typed values back', () => {
          if (entry.field) expectEcho(first, entry.field, entry.value);
          const overridden = isPlainObject(entry.data) ? Object.keys(entry.data) : [];
          for (const [field, value] of Object.entries(baseline))
            if (field !== entry.field && !overridden.includes(field)) expectEcho(first, field, value);
        });
        // A refusal never shows the case to someone who may not see it.
        if (entry.as && entry.as !== 'mette')
          check('nothing of the case shown', () => {
            for (const name of ['Anders Kjær', 'Sofie Lund', 'Jens Jensen']) expect(text).not.toContain(name);
          });
      }
      if (entry.expect === 'accepted-clean') {
        // With duplicates, one answer is the change and the others say the card was out of date.
        check('an answer without a refusal', () => expect(texts.some((t) => !FAILURES.some((f) => t.includes(f)))).toBe(true));
        if (entry.shows)
          check('the accepted text shown exactly', () => expect(texts.some((t) => t.includes(entry.shows as string))).toBe(true));
      }
    }

    // --- what was stored
    await settled(caseId);
    const after = await snapshot(caseId);
    const added = after.stored ? after.stored.audit.slice(before.stored?.audit.length ?? 0) : [];
    if (entry.expect === 'accepted-clean') {
      check('exactly one change', () => {
        expect(after.stored).toBeDefined();
        expect(added.filter((a) => a.what === COMMAND[verb])).toHaveLength(1);
      });
      const view = after.stored ? storedView(after.stored) : undefined;
      check('the stored values', () => {
        for (const [key, value] of Object.entries(entry.stored ?? {}))
          expect({ [key]: view?.[key as StoredKey] }).toEqual({ [key]: value });
      });
    } else if (entry.savesDraft) {
      check('kept as the draft (one save), never sent', () => {
        expect(added.map((a) => a.what)).toEqual(['post.save']);
        const p = after.stored?.kind === 'incident' ? after.stored.post : undefined;
        expect(p?.status ?? 'draft').toBe('draft');
        expect(length(p?.text ?? '')).toBeLessThanOrEqual(4001);
      });
    } else {
      const changed = changes(before.stored, after.stored);
      check('nothing stored', () => expect(changed).toEqual([]));
      if (!changed.length) check('the case looks the same when opened', () => expect(after.text).toBe(before.text));
    }

    // --- no junk anywhere
    if (after.stored) {
      const stored = after.stored;
      const json = JSON.stringify(stored);
      check('no direction overrides stored', () => expect(bidiIn(json)).toEqual([]));
      check('no junk keys stored', () => {
        expect(json).not.toContain('polluted');
        expect(json).not.toContain('junk_');
        if (stored.kind === 'incident')
          for (const a of [...(stored.plan ?? []), ...(stored.proposal ?? [])]) expect(ACTION_IDS).toContain(a.actionId);
      });
    }
    const owners = after.stored ? [after.stored.ownerId, ...after.stored.managerIds].map(userKey) : [];
    const indexedBy = (await store.list('index/')).filter((k) => k.endsWith(`/${caseId}`)).map((k) => k.split('/')[1] ?? '');
    check("no index entry for someone who cannot see the case (key = sha256 of the user's id)", () =>
      expect(indexedBy.filter((u) => !owners.includes(u))).toEqual([]),
    );
    check('no prototype pollution', () => {
      expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    // --- what reached Microsoft 365
    const accepted = entry.expect === 'accepted-clean';
    check('posts and meetings sent through Graph', () =>
      expect(received()).toEqual({
        messages: sent.messages + (accepted && verb === Verb.postSend ? 1 : 0),
        events: sent.events + (accepted && verb === Verb.meetingBook ? 1 : 0),
      }),
    );

    if (problems.length) throw new Error(problems.join('\n\n'));
  });

  it('never lets a forged start id take over the incident a warning escalates into', async () => {
    const { card } = await prepare('warning');
    const recorded = await click(card, Verb.warningSubmit, BASELINE[Verb.warningSubmit]);
    const warningId = String(action(recorded, Verb.warningEscalate).data.caseId);
    // Another manager of the department names the id the escalation will use (`<warning id>x`).
    const forgedId = `${warningId}x`;
    const forged = await invoke(bot.url, PEOPLE.peter, Verb.newIncident, { startId: forgedId, departmentId: 'boern-familie' });
    expect(forged.status).toBe(200);
    // The forgery really took the id (else this test would pass with nothing to defend against).
    const peters = async () => (await store.get<Case>(`cases/${forgedId}.json`))?.value;
    const before = await peters();
    expect(before?.ownerId).toBe(PEOPLE.peter.aadObjectId);
    const escalated = await click(recorded, Verb.warningEscalate);
    const incidentId = String(action(escalated, Verb.intakeSubmit).data.caseId);
    const incident = (await store.get<Case>(`cases/${incidentId}.json`))?.value;
    // Mette gets her own incident, with the warning's details carried over (not Peter's case, shown without an access check).
    expect({ owner: incident?.ownerId, description: inputs(escalated).description }).toEqual({
      owner: PEOPLE.mette.aadObjectId,
      description: BASELINE[Verb.warningSubmit].description,
    });
    expect(incidentId).not.toBe(forgedId);
    // Peter's case is untouched by the escalation.
    expect(await peters()).toEqual(before);
  });

  it('posted and booked nothing with markup from user input, script URLs or direction overrides', async () => {
    // It posts and books what it checks itself, so it proves something when run alone: every accepted support
    // message and booking of the corpus, each sent (as often as the entry says) on a case of its own.
    const sends = CORPUS.filter((e) => e.expect === 'accepted-clean' && (e.verb === Verb.postSend || e.verb === Verb.meetingBook));
    const expected = {
      messages: sends.filter((e) => e.verb === Verb.postSend).length,
      events: sends.filter((e) => e.verb === Verb.meetingBook).length,
    };
    expect(expected.messages).toBeGreaterThan(0);
    expect(expected.events).toBeGreaterThan(0);
    const start = received();
    for (const entry of sends) {
      const { card, caseId } = await prepare(entry.stage);
      const { data } = payload(entry, card, caseId);
      await Promise.all(
        Array.from({ length: entry.repeat ?? 1 }, () =>
          invoke(bot.url, PEOPLE.mette, entry.verb as string, data as Record<string, unknown>),
        ),
      );
      await settled(caseId);
    }
    expect(received()).toEqual({ messages: start.messages + expected.messages, events: start.events + expected.events });

    const { messages, events } = sim.received();
    const bad: string[] = [];
    for (const [kind, list] of [
      ['message', messages],
      ['event', events],
    ] as const)
      for (const item of list) {
        const html = String((item.body as { content?: unknown } | undefined)?.content ?? '');
        // Only the bot's own paragraphs and line breaks are markup.
        if (html.replace(/<\/?p>|<br>/g, '').includes('<')) bad.push(`${kind} with markup: ${html.slice(0, 200)}`);
        if (/javascript:|data:text\//i.test(JSON.stringify(item))) bad.push(`${kind} with a script URL: ${html.slice(0, 200)}`);
        for (const b of bidiIn(JSON.stringify(item))) bad.push(`${kind} with ${b}`);
      }
    expect(bad).toEqual([]);
  });
});
