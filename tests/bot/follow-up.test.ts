import { OpbakningError } from '../../src/app/errors';
import { Verb } from '../../src/app/verbs';
import { caseRef } from '../../src/domain/drafts';
import { loadPolicy } from '../../src/policy/load-policy';
import {
  action,
  type Card,
  cardOf,
  cardText,
  inputs,
  invoke,
  PEOPLE,
  type Person,
  say,
  startBot,
  useServiceUrl,
} from '../support/bot-client';
import { ANDERS_INTAKE, click, confirmedPlan, validCards } from '../support/case-steps';
import { cardSent, scaledOut } from '../support/fake-connector';
import { FlakyStore } from '../support/flaky-store';
import { validateCard } from '../support/validate-card';

/** Tuesday 24 November 2026, 11:00 in Copenhagen: the plan is confirmed and the employee says yes. */
const CONFIRMED = new Date('2026-11-24T10:00:00Z');
/** Tuesday 1 December, 10:30: five working days on, the first check-in is due. */
const WEEK_ON = new Date('2026-12-01T09:30:00Z');
let now = CONFIRMED;
const policy = loadPolicy();
// Two instances on one storage, as App Service runs when scaled out, and the connector they send through.
const stack = scaledOut(() => now);
beforeEach(() => {
  now = CONFIRMED;
  useServiceUrl(stack.connector.url);
});

const as = (who: Person) => validCards(stack.bot.url, who);
const use = async (card: Card, verb: string, extra: Record<string, unknown> = {}, who: Person = PEOPLE.mette) =>
  (await click(as(who), card, verb, extra)) as Card;

/** What was sent proactively into this person's 1:1 chat about this case (the fake Bot Connector saw it). */
const sentTo = (who: Person, caseId: string) =>
  stack.connector.calls.filter(
    (c) =>
      c.method === 'POST' &&
      decodeURIComponent(c.path).includes(`a:personal-${who.aadObjectId}`) &&
      JSON.stringify(c.body).includes(caseId),
  );

/** What the employee may be shown of the case: nothing but the contacts. */
function expectNoCaseContent(card: Card): void {
  const json = JSON.stringify(card);
  for (const secret of [
    ANDERS_INTAKE.description,
    'Borgerens',
    ANDERS_INTAKE.urls,
    'example.org',
    PEOPLE.anders.name,
    'Anders',
    PEOPLE.sofie.name,
    PEOPLE.peter.name,
    'Juridisk enhed',
    'Handleplan',
  ])
    expect(json).not.toContain(secret);
  // Not one action of the plan, nor a word of a draft's title.
  for (const a of policy.actions) expect(json).not.toContain(a.title.da);
}

/** The plan as Mette sees it now: its revision, and the text on it. */
async function planNow(caseId: string): Promise<{ rev: number; card: Card }> {
  const card = (await as(PEOPLE.mette)(Verb.open, { caseId })) as Card;
  return { rev: Number(action(card, Verb.close).data.rev), card };
}

/** Mette's plan about Anders, with the follow-up started on his consent. */
async function consented(): Promise<{ caseId: string; plan: Card }> {
  const { caseId, plan } = await confirmedPlan(stack.bot.url);
  const opened = await use(plan, Verb.followUpShow);
  expect(cardText(opened)).toContain('Medarbejderen har sagt ja til opfølgning fra Opbakning');
  const started = await use(opened, Verb.followUpStart, { followUpConsent: 'true' });
  expect(cardText(started)).toContain('Opfølgningen er startet');
  return { caseId, plan: started };
}

/** A store that loses the connection just as the managers' notification is about to be claimed, as a crash there would. */
class CutOffStore extends FlakyStore {
  override async replace(key: string, value: unknown, etag: string) {
    if (JSON.stringify(value).includes('managersToldAt')) throw new OpbakningError('storage_unavailable', 'cut off');
    return super.replace(key, value, etag);
  }
}

describe("the employee's follow-up", () => {
  it('needs the consent ticked, and records it in the case', async () => {
    const { caseId, plan } = await confirmedPlan(stack.bot.url);
    const before = await planNow(caseId);
    const opened = await use(plan, Verb.followUpShow);
    const refused = await use(opened, Verb.followUpStart, { followUpConsent: 'false' });
    expect(cardText(refused)).toContain('Sæt kryds ved, at medarbejderen har sagt ja');
    expect((await planNow(caseId)).rev).toBe(before.rev);
    // Anders has no follow-up: he gets the managers' start (a refusal), nothing of the case.
    const replies = await say(stack.bot.url, PEOPLE.anders, 'hej');
    const card = cardOf(replies.activities[0]);
    expect(cardText(card)).not.toContain('Opfølgning fra Opbakning');
    expectNoCaseContent(card);

    const started = await use(opened, Verb.followUpStart, { followUpConsent: 'true' });
    expect(cardText(started)).toContain('Opfølgning aktiv siden');
    const exported = await as(PEOPLE.mette)(Verb.exportCase, { caseId });
    expect(JSON.stringify(exported)).toContain('followUp.start');
  });

  it('reaches the employee in their own chat, asks a week on (once, from two instances), and the answer reaches the manager only', async () => {
    const { caseId } = await consented();

    // Anders opens the chat from the manager's link: his overview, with the contacts and nothing of the case.
    const replies = await say(stack.bot.url, PEOPLE.anders, 'hej');
    const overview = cardOf(replies.activities[0]);
    expect(validateCard(overview)).toEqual([]);
    const text = cardText(overview);
    for (const contact of ['Mette Holm', 'Lars Bech', 'Hanne Dahl', 'Krisepsykolog (kommunens ordning)', '70 00 00 00', 'stop'])
      expect(text).toContain(contact);
    expectNoCaseContent(overview);

    // Someone else in the department opening the chat gets nothing of it.
    for (const other of [PEOPLE.sofie, PEOPLE.lars]) {
      const card = cardOf((await say(stack.bot.url, other, 'hej')).activities[0]);
      expect(cardText(card)).not.toContain('Opfølgning fra Opbakning');
      expectNoCaseContent(card);
      expect(JSON.stringify(card)).not.toContain(caseId);
    }

    // Not before it is due; then once, though both instances sweep at the same moment.
    now = new Date('2026-11-30T09:30:00Z');
    await stack.bot.app.checkIns.run();
    expect(sentTo(PEOPLE.anders, caseId)).toHaveLength(0);
    now = WEEK_ON;
    await Promise.all([stack.bot.app.checkIns.run(), stack.second.app.checkIns.run()]);
    await stack.bot.app.checkIns.run();
    const asked = sentTo(PEOPLE.anders, caseId);
    expect(asked).toHaveLength(1);
    expect(asked[0]?.body.summary).toBe('Hvordan har du det med sagen nu?');
    const checkIn = cardSent(asked[0]);
    expect(validateCard(checkIn)).toEqual([]);
    expect(cardText(checkIn)).toContain('Hvordan har du det med sagen nu?');
    expectNoCaseContent(checkIn);

    const before = await planNow(caseId);
    const toMette = sentTo(PEOPLE.mette, caseId).length;

    // Forged: Sofie sends Anders's answer; Anders answers a check-in not yet asked; Anders names another case.
    const forged = await invoke(stack.bot.url, PEOPLE.sofie, Verb.checkInAnswer, { caseId, checkIn: 'week', answer: 'good' });
    expect(cardText(forged.body.value)).toContain('ikke åbent længere');
    expectNoCaseContent(forged.body.value);
    await invoke(stack.bot.url, PEOPLE.anders, Verb.checkInAnswer, { caseId, checkIn: 'months3', answer: 'good' });
    const other = await confirmedPlan(stack.bot.url);
    const otherBefore = await planNow(other.caseId);
    const wrongCase = await invoke(stack.bot.url, PEOPLE.anders, Verb.checkInAnswer, {
      caseId: other.caseId,
      checkIn: 'week',
      answer: 'good',
    });
    expectNoCaseContent(wrongCase.body.value);
    expect((await planNow(other.caseId)).rev).toBe(otherBefore.rev);
    expect((await planNow(caseId)).rev).toBe(before.rev);
    // The manager cannot answer for him either.
    await invoke(stack.bot.url, PEOPLE.mette, Verb.checkInAnswer, { caseId, checkIn: 'week', answer: 'good' });
    expect((await planNow(caseId)).rev).toBe(before.rev);

    // Anders answers from the card.
    const thanks = await use(checkIn, Verb.checkInAnswer, { answer: 'hard', comment: 'Jeg sover dårligt' }, PEOPLE.anders);
    expect(cardText(thanks)).toContain('Tak for dit svar');
    expectNoCaseContent(thanks);

    // The managers: a notification with the answer only, and a line on the card; the comment on the opened follow-up.
    const notified = sentTo(PEOPLE.mette, caseId).slice(toMette);
    expect(notified).toHaveLength(1);
    expect(notified[0]?.body.summary).toBe(`Svar på opfølgning: sag ${caseRef(caseId)}`);
    const note = cardSent(notified[0]);
    expect(validateCard(note)).toEqual([]);
    expect(cardText(note)).toContain('Det er svært lige nu');
    expect(JSON.stringify(note)).not.toMatch(/Anders|sover/);
    const after = await planNow(caseId);
    expect(after.rev).toBe(before.rev + 1);
    expect(cardText(after.card)).toContain('Seneste svar: Det er svært lige nu');
    const opened = await use(after.card, Verb.followUpShow);
    expect(cardText(opened)).toContain('»Jeg sover dårligt«');

    // Replayed: the same answer again, or another, changes nothing and tells no one.
    const replay = await use(checkIn, Verb.checkInAnswer, { answer: 'good' }, PEOPLE.anders);
    expect(cardText(replay)).toContain('ikke åbent længere');
    expect((await planNow(caseId)).rev).toBe(after.rev);
    expect(sentTo(PEOPLE.mette, caseId).slice(toMette)).toHaveLength(1);
    // Nothing went anywhere but the two 1:1 chats.
    expect(stack.connector.calls.every((c) => decodeURIComponent(c.path).includes('a:personal-'))).toBe(true);

    // "stop" typed: recorded, nothing more is sent, and Anders is an ordinary user again.
    const stopped = cardOf((await say(stack.bot.url, PEOPLE.anders, 'stop')).activities[0]);
    expect(cardText(stopped)).toContain('Du får ikke flere beskeder fra Opbakning');
    expect(cardText((await planNow(caseId)).card)).toContain('Medarbejderen sagde stop');
    expect(JSON.stringify(await as(PEOPLE.mette)(Verb.exportCase, { caseId }))).toContain('followUp.stop');
    now = new Date('2027-02-24T09:30:00Z');
    await stack.bot.app.checkIns.run();
    expect(sentTo(PEOPLE.anders, caseId)).toHaveLength(1);
    const later = cardOf((await say(stack.bot.url, PEOPLE.anders, 'hej')).activities[0]);
    expect(cardText(later)).not.toContain('Opfølgning fra Opbakning');
  });

  it('changes nothing for an answer after the manager withdrew the consent, and sends nothing more', async () => {
    const { caseId, plan } = await consented();
    await say(stack.bot.url, PEOPLE.anders, 'hej');
    now = WEEK_ON;
    const sentBefore = sentTo(PEOPLE.anders, caseId).length;
    await stack.bot.app.checkIns.run();
    const asked = sentTo(PEOPLE.anders, caseId).slice(sentBefore);
    expect(asked).toHaveLength(1);

    const withdrawn = await use(plan, Verb.followUpWithdraw);
    expect(cardText(withdrawn)).toContain('Stoppet af en leder');
    const { rev } = await planNow(caseId);
    const toMette = sentTo(PEOPLE.mette, caseId).length;

    const late = await use(cardSent(asked[0]), Verb.checkInAnswer, { answer: 'good' }, PEOPLE.anders);
    expect(cardText(late)).toContain('ikke åbent længere');
    expect((await planNow(caseId)).rev).toBe(rev);
    expect(sentTo(PEOPLE.mette, caseId)).toHaveLength(toMette);
    now = new Date('2027-02-24T09:30:00Z');
    await stack.bot.app.checkIns.run();
    expect(sentTo(PEOPLE.anders, caseId).slice(sentBefore)).toHaveLength(1);
  });

  it("refuses a manager's forged start for someone the case is not about", async () => {
    const { caseId, plan } = await confirmedPlan(stack.bot.url);
    const { rev } = await planNow(caseId);
    const forged = await invoke(stack.bot.url, PEOPLE.mette, Verb.followUpStart, {
      caseId,
      rev,
      employeeId: PEOPLE.sofie.aadObjectId,
      followUpConsent: 'true',
    });
    expect(forged.body.statusCode).toBe(200);
    expect((await planNow(caseId)).rev).toBe(rev);
    // Another department's manager, or a staff member, cannot start one at all.
    const outsider = await invoke(stack.bot.url, PEOPLE.sofie, Verb.followUpStart, {
      ...action(await use(plan, Verb.followUpShow), Verb.followUpStart).data,
      followUpConsent: 'true',
    });
    expect(cardText(outsider.body.value)).not.toContain(ANDERS_INTAKE.description);
    expect((await planNow(caseId)).rev).toBe(rev);
  });

  it('leaves a manager who is also the employee their start card, and shows the follow-up when they ask for it', async () => {
    // Mette's case about Peter, who manages the department with her.
    const send = as(PEOPLE.mette);
    const start = cardOf((await say(stack.bot.url, PEOPLE.mette, 'ny sag')).activities[0]);
    const intake = await click(send, start, Verb.newIncident);
    const assessment = await click(send, intake, Verb.intakeSubmit, { ...ANDERS_INTAKE, employees: PEOPLE.peter.aadObjectId });
    const confirmed = (await click(send, assessment, Verb.assessmentConfirm, inputs(assessment))) as Card;
    const peterCase = String(action(confirmed, Verb.close).data.caseId);
    await use(await use(confirmed, Verb.followUpShow), Verb.followUpStart, { followUpConsent: 'true' });

    const hello = cardOf((await say(stack.bot.url, PEOPLE.peter, 'hej')).activities[0]);
    expect(cardText(hello)).not.toContain('Opfølgning fra Opbakning');
    const asked = cardOf((await say(stack.bot.url, PEOPLE.peter, 'min opfølgning')).activities[0]);
    expect(cardText(asked)).toContain('Opfølgning fra Opbakning');
    expect(JSON.stringify(asked)).toContain(peterCase);
    expectNoCaseContent(asked);
  });

  it('tells the managers of an answer whose notification was cut off, once, from the next sweep', async () => {
    const cut = await startBot({ now: () => now, container: stack.bot.container, wrapStore: (store) => new CutOffStore(store) });
    try {
      const { caseId } = await consented();
      await say(stack.bot.url, PEOPLE.anders, 'hej');
      now = WEEK_ON;
      await stack.bot.app.checkIns.run();
      const [asked] = sentTo(PEOPLE.anders, caseId);
      const toMette = sentTo(PEOPLE.mette, caseId).length;
      const data = { ...action(cardSent(asked), Verb.checkInAnswer).data, answer: 'good' };
      const res = await invoke(cut.url, PEOPLE.anders, Verb.checkInAnswer, data);
      // The answer is saved and the employee thanked, though nobody could be told yet.
      expect(cardText(res.body.value)).toContain('Tak for dit svar');
      expect(sentTo(PEOPLE.mette, caseId)).toHaveLength(toMette);
      await Promise.all([stack.bot.app.checkIns.run(), stack.second.app.checkIns.run()]);
      await stack.bot.app.sweep();
      const told = sentTo(PEOPLE.mette, caseId).slice(toMette);
      expect(told).toHaveLength(1);
      expect(cardText(cardSent(told[0]))).toContain('Det går godt');
    } finally {
      await cut.stop();
    }
  });
});
