import { Verb } from '../../src/app/verbs';
import { caseRef } from '../../src/domain/drafts';
import { type Card, cardText, PEOPLE, say, useServiceUrl } from '../support/bot-client';
import { click, confirmedPlan as planOf, validCards } from '../support/case-steps';
import { cardSent, scaledOut } from '../support/fake-connector';
import { validateCard } from '../support/validate-card';

/** Tuesday 24 November 2026, 11:00 in Copenhagen. */
const CONFIRMED = new Date('2026-11-24T10:00:00Z');
let now = CONFIRMED;
const stack = scaledOut(() => now);

const use = (card: Card, verb: string, extra: Record<string, unknown> = {}) => click(validCards(stack.bot.url), card, verb, extra);

async function confirmedPlan(): Promise<{ caseId: string; plan: Card }> {
  now = CONFIRMED;
  return planOf(stack.bot.url);
}

const remindersFor = (caseId: string) =>
  stack.connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.body).includes(caseRef(caseId)));

describe('reminders of due and overdue plan actions', () => {
  it('reminds the owner once on the next working day, from two instances at once, and the card opens the plan', async () => {
    useServiceUrl(stack.connector.url);
    const { caseId } = await confirmedPlan();

    now = new Date('2026-11-24T16:00:00Z'); // the same day: the manager has just made the plan
    await stack.bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(0);

    now = new Date('2026-11-25T08:30:00Z'); // Wednesday 09:30
    const results = await Promise.all([stack.bot.app.reminders.run(), stack.second.app.reminders.run()]);
    expect(results.reduce((n, r) => n + r.reminded, 0)).toBeGreaterThanOrEqual(1);
    await stack.bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(1);

    const sent = remindersFor(caseId)[0];
    // What Teams shows in the notification instead of "sent a card".
    expect(sent?.body.summary).toBe(`Påmindelse: sag ${caseRef(caseId)}`);
    const card = cardSent(sent);
    expect(validateCard(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(`Påmindelse: sag ${caseRef(caseId)}`);
    expect(text).toContain('overskredet');
    // Nothing about the employee or the publication travels in the reminder.
    expect(JSON.stringify(card)).not.toMatch(/Anders|example\.org|Borgerens/);

    const opened = await use(card, Verb.open);
    expect(cardText(opened)).toContain('Handleplan');

    now = new Date('2026-11-26T08:30:00Z'); // Thursday: still overdue, one more
    await stack.bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(2);
  });

  it('goes out from the hourly pass main.ts runs, which also does retention, and the log line holds counts only', async () => {
    useServiceUrl(stack.connector.url);
    const { caseId } = await confirmedPlan();
    now = new Date('2026-12-01T09:30:00Z'); // a Tuesday: a week on, the follow-up is due
    const result = await stack.bot.app.sweep();
    expect(result.counts.sent).toBeGreaterThanOrEqual(1);
    expect(Object.values(result.counts).every((n) => typeof n === 'number')).toBe(true);
    expect(remindersFor(caseId)).toHaveLength(1);
    await stack.bot.app.sweep();
    expect(remindersFor(caseId)).toHaveLength(1);
  });

  it('sends nothing once the case is closed', async () => {
    useServiceUrl(stack.connector.url);
    const { caseId, plan } = await confirmedPlan();
    await use(plan, Verb.close);
    now = new Date('2026-11-25T08:30:00Z');
    await stack.bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(0);
  });

  it('tries an undelivered reminder once a day, and reaches the manager the next day', async () => {
    useServiceUrl('http://127.0.0.1:9/'); // nothing listens there
    const { caseId } = await confirmedPlan();
    now = new Date('2026-11-25T08:30:00Z');
    expect((await stack.bot.app.reminders.run()).undelivered).toBeGreaterThanOrEqual(1);
    now = new Date('2026-11-25T10:30:00Z');
    expect(await stack.bot.app.reminders.run()).toEqual({ reminded: 0, undelivered: 0, failed: 0 });
    expect(remindersFor(caseId)).toHaveLength(0);

    // The manager writes to the bot from a client that can be reached; Thursday's reminder arrives.
    useServiceUrl(stack.connector.url);
    await say(stack.bot.url, PEOPLE.mette, 'mine sager');
    now = new Date('2026-11-26T08:30:00Z');
    await stack.bot.app.reminders.run();
    expect(remindersFor(caseId)).toHaveLength(1);
  });
});
