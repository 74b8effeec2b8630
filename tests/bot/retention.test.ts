import { Verb } from '../../src/app/verbs';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { action, type Card, cardText, invoke, PEOPLE, type Running, startBot, useServiceUrl } from '../support/bot-client';
import { click, confirmedPlan, validCards } from '../support/case-steps';
import { startFakeConnector } from '../support/fake-connector';
import { validateCard } from '../support/validate-card';

const CLOSED = new Date('2026-11-24T10:00:00Z');
let now = CLOSED;
let bot: Running;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;

beforeAll(async () => {
  connector = await startFakeConnector();
  useServiceUrl(connector.url);
  bot = await startBot({ now: () => now });
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});

const use = async (card: Card, verb: string, extra: Record<string, unknown> = {}, who = PEOPLE.mette) =>
  (await click(validCards(bot.url, who), card, verb, extra)) as Card;

async function closedCase(): Promise<{ caseId: string; plan: Card }> {
  const { caseId, plan } = await confirmedPlan(bot.url, { keep_journalNote: 'true' });
  return { caseId, plan: await use(plan, Verb.close) };
}

describe('the case record: export, deletion by the owner, retention', () => {
  it('exports everything stored about the case as text the manager can copy', async () => {
    const { plan } = await closedCase();
    const exported = await use(plan, Verb.exportCase);
    const text = cardText(exported);
    expect(text).toContain('Borgerens opslag om Anders');
    expect(text).toContain('https://example.org/opslag');
    expect(text).toMatch(/Mette Holm intake\.submit/);
    expect(text).toContain('slettes automatisk den 24. november 2028');
  });

  it('lets the owner delete a case, keeping only its id and date', async () => {
    const { caseId, plan } = await closedCase();
    const refused = await invoke(bot.url, PEOPLE.peter, Verb.deleteCase, { caseId, rev: action(plan, Verb.deleteCase).data.rev });
    expect(cardText(refused.body.value)).toContain('ikke adgang');
    const mine = await use(plan, Verb.deleteCase);
    expect(cardText(mine)).toContain('Sagen er slettet');
    const gone = await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId });
    expect(cardText(gone.body.value)).toContain('kan ikke finde sagen');
    const store = BlobJsonStore.fromConnectionString(process.env.TEST_STORAGE_CONNECTION_STRING ?? '', bot.container);
    const record = await store.get(`deletions/${caseId}.json`);
    expect(record?.value).toEqual({ caseId, deletedAt: CLOSED.toISOString(), reason: 'owner' });
    expect(await store.get(`cases/${caseId}.json`)).toBeUndefined();
  });

  it('warns the owner once before a closed case expires, then deletes it', async () => {
    const { caseId } = await closedCase();
    const messages = () =>
      connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.body).includes(caseId.slice(0, 8).toUpperCase()));

    now = new Date('2028-10-01T10:00:00Z');
    await bot.app.retention.run();
    expect(messages()).toHaveLength(0);

    now = new Date('2028-11-01T10:00:00Z');
    await bot.app.retention.run();
    await bot.app.retention.run();
    expect(messages()).toHaveLength(1);
    const attachments = (messages()[0]?.body.attachments ?? []) as { content: Card }[];
    const card = attachments[0]?.content as Card;
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain('slettes den 24. november 2028');
    expect(JSON.stringify(card)).not.toContain('Anders');

    now = new Date('2028-11-24T10:00:00Z');
    const result = await bot.app.retention.run();
    expect(result.deleted).toBeGreaterThanOrEqual(1);
    const gone = await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId });
    expect(cardText(gone.body.value)).toContain('kan ikke finde sagen');
    now = CLOSED;
  });
});
