import { Verb } from '../../src/app/verbs';
import { caseRef } from '../../src/domain/drafts';
import { type Card, cardText, PEOPLE, type Running, say, startBot, useServiceUrl } from '../support/bot-client';
import { click, confirmedPlan as planOf, validCards } from '../support/case-steps';
import { startFakeConnector } from '../support/fake-connector';
import { validateCard } from '../support/validate-card';

/** Tuesday 24 November 2026, 11:00 in Copenhagen. */
const CONFIRMED = new Date('2026-11-24T10:00:00Z');
let now = CONFIRMED;
let bot: Running;
let second: Running;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;

beforeAll(async () => {
  connector = await startFakeConnector();
  bot = await startBot({ now: () => now });
  // A second instance on the same storage, as App Service runs when scaled out.
  second = await startBot({ now: () => now, container: bot.container });
});
afterAll(async () => {
  await Promise.all([bot.stop(), second.stop()]);
  await connector.stop();
});

const use = (card: Card, verb: string, extra: Record<string, unknown> = {}) => click(validCards(bot.url), card, verb, extra);

async function confirmedPlan(): Promise<{ caseId: string; plan: Card }> {
  now = CONFIRMED;
  return planOf(bot.url);
}

const remindersFor = (caseId: string) =>
  connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.body).includes(caseRef(caseId)));
const cardIn = (call: { body: Record<string, unknown> } | undefined) =>
  ((call?.body.attachments ?? []) as { content: Card }[])[0]?.content as Card;

describe('reminders of due and overdue plan actions', () => {
  it('reminds the owner once on the next working day, from two instances at once, and the card opens the plan', async () => {
    useServiceUrl(connector.url);
    const { caseId } = await confirmedPlan();

    now = new Date('2026-11-24T16:00:00Z'); // the same day: the manager has just made the plan
    await bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(0);

    now = new Date('2026-11-25T08:30:00Z'); // Wednesday 09:30
    const results = await Promise.all([bot.app.reminders.run(), second.app.reminders.run()]);
    expect(results.reduce((n, r) => n + r.reminded, 0)).toBeGreaterThanOrEqual(1);
    await bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(1);

    const sent = remindersFor(caseId)[0];
    // What Teams shows in the notification instead of "sent a card".
    expect(sent?.body.summary).toBe(`Påmindelse: sag ${caseRef(caseId)}`);
    const card = cardIn(sent);
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(`Påmindelse: sag ${caseRef(caseId)}`);
    expect(text).toContain('overskredet');
    // Nothing about the employee or the publication travels in the reminder.
    expect(JSON.stringify(card)).not.toMatch(/Anders|example\.org|Borgerens/);

    const opened = await use(card, Verb.open);
    expect(cardText(opened)).toContain('Handleplan');

    now = new Date('2026-11-26T08:30:00Z'); // Thursday: still overdue, one more
    await bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(2);
  });

  it('goes out from the hourly pass main.ts runs, which also does retention, and the log line holds counts only', async () => {
    useServiceUrl(connector.url);
    const { caseId } = await confirmedPlan();
    now = new Date('2026-12-01T09:30:00Z'); // a Tuesday: a week on, the follow-up is due
    const result = await bot.app.sweep();
    expect(result.counts.sent).toBeGreaterThanOrEqual(1);
    expect(Object.values(result.counts).every((n) => typeof n === 'number')).toBe(true);
    expect(remindersFor(caseId)).toHaveLength(1);
    await bot.app.sweep();
    expect(remindersFor(caseId)).toHaveLength(1);
  });

  it('sends nothing once the case is closed', async () => {
    useServiceUrl(connector.url);
    const { caseId, plan } = await confirmedPlan();
    await use(plan, Verb.close);
    now = new Date('2026-11-25T08:30:00Z');
    await bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(0);
  });

  it('tries an undelivered reminder once a day, and reaches the manager the next day', async () => {
    useServiceUrl('http://127.0.0.1:9/'); // nothing listens there
    const { caseId } = await confirmedPlan();
    now = new Date('2026-11-25T08:30:00Z');
    expect((await bot.app.reminders.run()).undelivered).toBeGreaterThanOrEqual(1);
    now = new Date('2026-11-25T10:30:00Z');
    expect(await bot.app.reminders.run()).toEqual({ reminded: 0, undelivered: 0, failed: 0 });
    expect(remindersFor(caseId)).toHaveLength(0);

    // The manager writes to the bot from a client that can be reached; Thursday's reminder arrives.
    useServiceUrl(connector.url);
    await say(bot.url, PEOPLE.mette, 'mine sager');
    now = new Date('2026-11-26T08:30:00Z');
    await bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(1);
  });
});
