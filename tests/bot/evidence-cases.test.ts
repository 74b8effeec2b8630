/**
 * Which case files go to: several open cases (the choice), a case closed meanwhile (refused with the reason), two
 * instances receiving the same activity (stored once), and retention (the evidence goes with the case).
 */
import { Verb } from '../../src/app/verbs';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import {
  action,
  type Card,
  cardOf,
  cardText,
  fileAttachment,
  invoke,
  PEOPLE,
  type Running,
  sendFiles,
  startBot,
} from '../support/bot-client';
import { confirmedPlan } from '../support/case-steps';
import { evidenceBlobs, storedItems } from '../support/evidence-steps';
import { type FileServer, sha256Of, startFileServer } from '../support/file-server';
import { validateCard } from '../support/validate-card';

const START = new Date('2026-11-24T10:00:00Z');
let now = START;
let bot: Running;
let files: FileServer;

beforeAll(async () => {
  files = await startFileServer();
  bot = await startBot({ now: () => now });
});
afterAll(async () => {
  await bot.stop();
  await files.close();
});

const url = (seed: number, size = 4000) => `${files.url}/file?seed=${seed}&size=${size}`;

async function closeCase(plan: Card): Promise<void> {
  const close = action(plan, Verb.close);
  const res = await invoke(bot.url, PEOPLE.mette, Verb.close, close.data);
  expect(cardText(res.body.value)).toContain('lukket');
}

describe('which case the files belong to', () => {
  it('asks which case when the manager has several open; a case closed meanwhile is refused with the reason, nothing stored', async () => {
    const a = await confirmedPlan(bot.url);
    const b = await confirmedPlan(bot.url);
    const res = await sendFiles(bot.url, PEOPLE.mette, [fileAttachment(url(501), 'a.png'), fileAttachment(url(502), 'b.png')]);
    const choice = cardOf(res.activities[0]);
    expect(validateCard(choice)).toEqual([]);
    expect(cardText(choice)).toContain('Hvilken sag hører filerne til?');
    // Nothing is fetched before the choice.
    expect(files.requests.filter((r) => r.path.includes('seed=50'))).toHaveLength(0);
    const forB = action(choice, Verb.evidenceCase, (d) => d.caseId === b.caseId);
    const forA = action(choice, Verb.evidenceCase, (d) => d.caseId === a.caseId);

    await closeCase(b.plan);
    const refused = await invoke(bot.url, PEOPLE.mette, Verb.evidenceCase, forB.data);
    expect(validateCard(refused.body.value)).toEqual([]);
    expect(cardText(refused.body.value)).toContain('Sagen er lukket, så den kan ikke få ny dokumentation');
    expect(await evidenceBlobs(bot.container, b.caseId)).toEqual([]);
    expect(await storedItems(bot.container, b.caseId)).toEqual([]);

    const stored = await invoke(bot.url, PEOPLE.mette, Verb.evidenceCase, forA.data);
    expect(validateCard(stored.body.value)).toEqual([]);
    expect(cardText(stored.body.value).match(/Gemt på sagen/g)).toHaveLength(2);
    expect((await evidenceBlobs(bot.container, a.caseId)).sort()).toEqual(
      [`evidence/${a.caseId}/${sha256Of(501, 4000)}`, `evidence/${a.caseId}/${sha256Of(502, 4000)}`].sort(),
    );
    expect((await storedItems(bot.container, a.caseId)).map((i) => i.name)).toEqual(['a.png', 'b.png']);

    // A second click on the same choice stores nothing again.
    const again = await invoke(bot.url, PEOPLE.mette, Verb.evidenceCase, forA.data);
    expect(cardText(again.body.value)).toContain('allerede modtaget');
    expect(await storedItems(bot.container, a.caseId)).toHaveLength(2);
    await closeCase((await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId: a.caseId })).body.value);
  });

  it('offers to start a case when the manager has none open, storing nothing', async () => {
    const before = await evidenceBlobs(bot.container);
    const res = await sendFiles(bot.url, PEOPLE.mette, [fileAttachment(url(503), 'c.png')]);
    const card = cardOf(res.activities[0]);
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain('Du har ingen åben sag');
    expect(JSON.stringify(card)).toContain(Verb.newIncident);
    expect(await evidenceBlobs(bot.container)).toEqual(before);
  });

  it('two instances receiving the same activity store it once', async () => {
    const { caseId } = await confirmedPlan(bot.url);
    const other = await startBot({ container: bot.container, now: () => now });
    try {
      const attachment = fileAttachment(url(504, 300_000), 'samme-aktivitet.png');
      const [x, y] = await Promise.all([bot, other].map((i) => sendFiles(i.url, PEOPLE.mette, [attachment], { id: 'activity-twice-1' })));
      for (const r of [x, y]) expect(validateCard(cardOf(r.activities[0]))).toEqual([]);
      expect(await evidenceBlobs(bot.container, caseId)).toEqual([`evidence/${caseId}/${sha256Of(504, 300_000)}`]);
      expect(await storedItems(bot.container, caseId)).toHaveLength(1);
      const texts = [x, y].map((r) => cardText(cardOf(r.activities[0])));
      expect(texts.filter((t) => t.includes('Gemt på sagen'))).toHaveLength(1);
      // Delivered again later (a retry): still once.
      const retry = await sendFiles(other.url, PEOPLE.mette, [attachment], { id: 'activity-twice-1' });
      expect(cardText(cardOf(retry.activities[0]))).toContain('allerede modtaget');
      expect(await storedItems(bot.container, caseId)).toHaveLength(1);
    } finally {
      await other.stop();
    }
  });

  it('retention deletes the evidence with the case', async () => {
    const { caseId } = await openCaseOf();
    expect(await evidenceBlobs(bot.container, caseId)).toHaveLength(1);
    const plan = (await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId })).body.value;
    await closeCase(plan);
    now = new Date('2028-11-24T10:00:00Z');
    try {
      const result = await bot.app.retention.run();
      expect(result.deleted).toBeGreaterThanOrEqual(1);
      expect(await evidenceBlobs(bot.container, caseId)).toEqual([]);
      expect(await evidenceBlobs(bot.container)).toEqual([]);
      // Inbox claims go a day later with the hourly sweep (they may hold download links).
      expect((await bot.app.sweep()).counts.inboxPruned).toBeGreaterThanOrEqual(1);
      const left = await BlobJsonStore.fromConnectionString(process.env.TEST_STORAGE_CONNECTION_STRING ?? '', bot.container).list('inbox/');
      expect(left).toEqual([]);
    } finally {
      now = START;
    }
  });
});

/** Mette's one open case (from the test before). */
async function openCaseOf(): Promise<{ caseId: string }> {
  const list = (await invoke(bot.url, PEOPLE.mette, Verb.myCases, {})).body.value;
  return { caseId: String(action(list, Verb.open).data.caseId) };
}

describe('the per-case limit', () => {
  it('refuses a file that would take the case over its limit with a clear card, storing nothing of it', async () => {
    const small = await startBot({ env: { EVIDENCE_MAX_FILE_MB: '1', EVIDENCE_MAX_CASE_MB: '1' } });
    try {
      const { caseId } = await confirmedPlan(small.url);
      const first = await sendFiles(small.url, PEOPLE.mette, [fileAttachment(url(601, 700_000), 'første.png')]);
      expect(cardText(cardOf(first.activities[0]))).toContain('Gemt på sagen');
      const second = await sendFiles(small.url, PEOPLE.mette, [fileAttachment(url(602, 700_000), 'anden.png')]);
      const card = cardOf(second.activities[0]);
      expect(validateCard(card)).toEqual([]);
      expect(cardText(card)).toContain('Ikke gemt: sagen har nået grænsen på 1 MB dokumentation');
      expect(await evidenceBlobs(small.container, caseId)).toEqual([`evidence/${caseId}/${sha256Of(601, 700_000)}`]);
      expect((await storedItems(small.container, caseId)).map((i) => i.name)).toEqual(['første.png']);
    } finally {
      await small.stop();
    }
  });
});
