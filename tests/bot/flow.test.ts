import { Verb } from '../../src/app/verbs';
import {
  action,
  type Card,
  cardOf,
  cardText,
  executes,
  inputs,
  installed,
  invoke,
  PEOPLE,
  type Person,
  type Running,
  say,
  startBot,
} from '../support/bot-client';
import { click, validCards } from '../support/case-steps';
import { validateCard } from '../support/validate-card';

const NOW = new Date('2026-11-24T09:30:00+01:00');
const URL_1 = 'https://www.facebook.com/groups/sandheden-om-kommunen/posts/123';

let bot: Running;
beforeAll(async () => {
  bot = await startBot({ now: () => NOW });
});
afterAll(async () => {
  await bot.stop();
});

function expectValid(card: Card): Card {
  expect(validateCard(card)).toEqual([]);
  return card;
}

/** Clicks a button as `who`, expecting HTTP 200 and a valid card (the shared flow helper). */
const act = async (
  card: Card,
  verb: string,
  extra: Record<string, unknown> = {},
  who: Person = PEOPLE.mette,
  match?: (d: Record<string, unknown>) => boolean,
) => (await click(validCards(bot.url, who), card, verb, extra, match)) as Card;

const validIntake = {
  employees: `${PEOPLE.anders.aadObjectId},${PEOPLE.sofie.aadObjectId}`,
  urls: `${URL_1}\nhttps://sandhed-om-socialraadgivere.dk/anders`,
  platform: 'facebook',
  discoveredOn: '2026-11-24',
  description: 'Borgeren skriver, at Anders har forfalsket journalen. Mulig trussel i kommentarerne.',
  employeeContacted: 'true',
  evidenceSaved: 'false',
  c_directThreat: 'true',
  c_crimeAccusation: 'true',
};

async function openIncident(): Promise<Card> {
  const replies = await say(bot.url, PEOPLE.mette, 'ny sag');
  const start = expectValid(cardOf(replies.activities[0]));
  return act(start, Verb.newIncident);
}

describe('the manager’s flow over /api/messages', () => {
  it('greets on install with a card that explains the bot', async () => {
    const res = await installed(bot.url, PEOPLE.mette);
    expect(res.status).toBe(200);
    const card = expectValid(cardOf(res.activities[0]));
    expect(cardText(card)).toContain('Velkommen til Opbakning');
    const start = await act(card, Verb.start);
    expect(cardText(start)).toContain('Registrér udhængning');
  });

  it.each(['ny sag', 'hjælp', 'new case', 'noget helt andet'])('"%s" opens the start card', async (text) => {
    const res = await say(bot.url, PEOPLE.mette, text);
    const card = expectValid(cardOf(res.activities[0]));
    const verbs = executes(card).map((a) => a.verb);
    expect(verbs).toEqual(expect.arrayContaining([Verb.newIncident, Verb.newWarning, Verb.myCases]));
  });

  it('walks from "new case" to a confirmed plan, with drafts and a done action', async () => {
    const intake = await openIncident();
    expect(cardText(intake)).toContain('Omtalte medarbejdere');
    const data = action(intake, Verb.intakeSubmit).data;
    expect(data).toEqual({ caseId: expect.stringMatching(/^[a-z2-7]{12}$/), rev: 1 });

    const assessment = await act(intake, Verb.intakeSubmit, validIntake);
    const text = cardText(assessment);
    expect(text).toContain('Vurdering og anbefalede handlinger');
    expect(text).toMatch(/politi/i);
    const keep = Object.keys(inputs(assessment)).filter((id) => id.startsWith('keep_'));
    expect(keep).toEqual(expect.arrayContaining(['keep_policeReport', 'keep_prosecutionRequest', 'keep_meeting', 'keep_staffMessage']));
    // A threat puts the police first, visibly.
    expect(JSON.stringify(assessment.body.slice(0, 2))).toMatch(/attention/);

    const keepAll = Object.fromEntries(keep.map((id) => [id, 'true']));
    const plan = await act(assessment, Verb.assessmentConfirm, { ...keepAll, keep_easyReport: 'false', add: 'pressenaevnet' });
    const planText = cardText(plan);
    expect(planText).toContain('Handleplan');
    expect(planText).toMatch(/Pressenævnet/);
    const planIds = executes(plan)
      .filter((a) => a.verb === Verb.actionDone)
      .map((a) => a.data.actionId);
    expect(planIds).toContain('pressenaevnet');
    expect(planIds).not.toContain('easyReport');

    const draftCard = await act(plan, Verb.details, {}, PEOPLE.mette, (d) => d.actionId === 'staffMessage');
    const draftText = cardText(draftCard);
    expect(draftText).toContain('Anders Kjær');
    expect(draftText).not.toContain('facebook.com');
    expect(draftText).not.toContain('forfalsket');

    const takedown = await act(plan, Verb.details, {}, PEOPLE.mette, (d) => d.actionId === 'takedownRequest');
    expect(cardText(takedown)).toContain(URL_1);

    const opened = await act(plan, Verb.details, {}, PEOPLE.mette, (d) => d.actionId === 'policeReport');
    const done = await act(
      opened,
      Verb.actionDone,
      { ref_policeReport: 'Politiets j.nr. 0100-12345-00001-26' },
      PEOPLE.mette,
      (d) => d.actionId === 'policeReport',
    );
    expect(cardText(done)).toContain('0100-12345-00001-26');
    expect(executes(done).some((a) => a.verb === Verb.actionReopen && a.data.actionId === 'policeReport')).toBe(true);

    // Not every recommendation fits: the manager settles one as not relevant, with the reason, and can reopen it.
    const takedownOpen = await act(done, Verb.details, {}, PEOPLE.mette, (d) => d.actionId === 'takedownRequest');
    // Without a reason nothing changes: the details stay open and say what is missing.
    const noReason = await act(
      takedownOpen,
      Verb.actionNotRelevant,
      { ref_takedownRequest: '  ' },
      PEOPLE.mette,
      (d) => d.actionId === 'takedownRequest',
    );
    expect(cardText(noReason)).toContain('hvorfor handlingen ikke er relevant');
    expect(inputs(noReason)).toHaveProperty('ref_takedownRequest');
    expect(action(noReason, Verb.actionNotRelevant, (d) => d.actionId === 'takedownRequest').data.rev).toBe(
      action(takedownOpen, Verb.actionNotRelevant, (d) => d.actionId === 'takedownRequest').data.rev,
    );
    const skipped = await act(
      takedownOpen,
      Verb.actionNotRelevant,
      { ref_takedownRequest: 'Opslaget er allerede fjernet af platformen' },
      PEOPLE.mette,
      (d) => d.actionId === 'takedownRequest',
    );
    const skippedText = cardText(skipped);
    expect(skippedText).toContain('Handlingen er markeret som ikke relevant');
    expect(skippedText).toMatch(/➖ \*\*[^*]+\*\*/);
    expect(skippedText).toContain('Vurderet som ikke relevant den 24. november 2026');
    expect(skippedText).toContain('Opslaget er allerede fjernet af platformen');
    expect(skippedText).toMatch(/1 af \d+ handlinger udført, 1 ikke relevant$/m);
    expect(executes(skipped).some((a) => a.verb === Verb.actionReopen && a.data.actionId === 'takedownRequest')).toBe(true);

    const mine = await say(bot.url, PEOPLE.mette, 'mine sager');
    const list = expectValid(cardOf(mine.activities[0]));
    expect(cardText(list)).toContain('Anders Kjær');
    const reopened = await act(list, Verb.open, {}, PEOPLE.mette, (d) => d.caseId === data.caseId);
    expect(cardText(reopened)).toContain('0100-12345-00001-26');
  });

  it('keeps what was typed and says what is wrong when the intake is invalid', async () => {
    const intake = await openIncident();
    const bad = await act(intake, Verb.intakeSubmit, {
      ...validIntake,
      urls: 'javascript:alert(1)',
      description: '',
      discoveredOn: '2030-01-01',
    });
    const text = cardText(bad);
    expect(text).toContain('https://');
    expect(text).toContain('Skal udfyldes.');
    expect(text).toContain('fremtiden');
    const values = inputs(bad);
    expect(values.urls).toBe('javascript:alert(1)');
    expect(values.employees).toBe(validIntake.employees);
    expect(values.c_directThreat).toBe('true');
    // Nothing was saved: the same revision is still the one to submit.
    expect(action(bad, Verb.intakeSubmit).data.rev).toBe(1);
  });

  it('answers a double click or a stale card with the current card and changes nothing', async () => {
    const intake = await openIncident();
    const first = await act(intake, Verb.intakeSubmit, validIntake);
    const again = await act(intake, Verb.intakeSubmit, { ...validIntake, c_imminentDanger: 'true' });
    expect(cardText(again)).toContain('ikke længere det nyeste');
    expect(action(again, Verb.assessmentConfirm).data.rev).toBe(action(first, Verb.assessmentConfirm).data.rev);
    expect(cardText(again)).not.toContain('Akut fare');
  });

  it('double-clicking "new case" opens one case, not two', async () => {
    const replies = await say(bot.url, PEOPLE.mette, 'ny sag');
    const start = cardOf(replies.activities[0]);
    const a = await act(start, Verb.newIncident);
    const b = await act(start, Verb.newIncident);
    expect(action(a, Verb.intakeSubmit).data.caseId).toBe(action(b, Verb.intakeSubmit).data.caseId);
  });

  it('refuses other people politely and changes nothing', async () => {
    const intake = await openIncident();
    const { caseId, rev } = action(intake, Verb.intakeSubmit).data;
    for (const who of [PEOPLE.peter, PEOPLE.anders, PEOPLE.lars]) {
      const res = await invoke(bot.url, who, Verb.intakeSubmit, { caseId, rev, ...validIntake });
      expect(res.status).toBe(200);
      expect(cardText(res.body.value)).toContain('ikke adgang');
      expect(cardText(res.body.value)).not.toContain('Anders Kjær');
    }
    const still = await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId });
    expect(action(still.body.value, Verb.intakeSubmit).data.rev).toBe(1);
  });

  it('tells staff who are not managers that they cannot open cases', async () => {
    const res = await say(bot.url, PEOPLE.anders, 'ny sag');
    expect(cardText(cardOf(res.activities[0]))).toContain('ikke registreret som leder');
  });

  it.each([
    ['no value', undefined],
    ['no action', {}],
    ['verb not a string', { action: { type: 'Action.Execute', verb: 42, data: {} } }],
    ['data is a list', { action: { type: 'Action.Execute', verb: Verb.intakeSubmit, data: [1, 2] } }],
    ['unknown verb', { action: { type: 'Action.Execute', verb: 'opb.rm-rf', data: { caseId: 'abcdefghijkl', rev: 1 } } }],
    ['unknown case', { action: { type: 'Action.Execute', verb: Verb.open, data: { caseId: 'zzzzzzzzzzzz' } } }],
    ['path in case id', { action: { type: 'Action.Execute', verb: Verb.open, data: { caseId: '../users/x' } } }],
  ])('a malformed invoke (%s) gets 200 and a card, never an error', async (_name, value) => {
    const res = await fetch(bot.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'x1',
        channelId: 'msteams',
        serviceUrl: 'http://127.0.0.1:9/',
        from: PEOPLE.mette,
        recipient: { id: '28:opbakning' },
        conversation: { id: 'a:1', conversationType: 'personal' },
        ...(value === undefined ? {} : { value }),
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { type: string; value: Card };
    expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
    expectValid(body.value);
  });

  it('speaks English when Teams is in English, and remembers a language choice', async () => {
    const en = await say(bot.url, PEOPLE.peter, 'new case', 'en-US');
    const card = cardOf(en.activities[0]);
    expect(cardText(card)).toContain('Register public shaming online');
    const switched = await act(card, Verb.language, {}, PEOPLE.peter);
    expect(cardText(switched)).toContain('Registrér udhængning');
    const later = await say(bot.url, PEOPLE.peter, 'new case', 'en-US');
    expect(cardText(cardOf(later.activities[0]))).toContain('Registrér udhængning');
  });

  it('records an early warning, drafts the journal note and escalates it without retyping', async () => {
    const replies = await say(bot.url, PEOPLE.mette, 'ny sag');
    const warning = await act(cardOf(replies.activities[0]), Verb.newWarning);
    const recorded = await act(warning, Verb.warningSubmit, {
      employees: PEOPLE.sofie.aadObjectId,
      description: 'Borger truede i telefonen med at lægge Sofies navn på Facebook.',
      notedOn: '2026-11-23',
      s_journalNote: 'true',
    });
    expect(cardText(recorded)).toContain('registreret');
    const journal = await act(recorded, Verb.showDraft);
    expect(cardText(journal)).toContain('Sofie Lund');
    const escalated = await act(recorded, Verb.warningEscalate);
    const again = await act(recorded, Verb.warningEscalate);
    const values = inputs(escalated);
    expect(values.employees).toBe(PEOPLE.sofie.aadObjectId);
    expect(values.description).toContain('Sofies navn');
    expect(action(again, Verb.intakeSubmit).data.caseId).toBe(action(escalated, Verb.intakeSubmit).data.caseId);
  });

  it('keeps the case across a restart of the bot', async () => {
    const intake = await openIncident();
    const assessment = await act(intake, Verb.intakeSubmit, validIntake);
    const { caseId } = action(assessment, Verb.assessmentConfirm).data;
    await bot.stop();
    bot = await startBot({ container: bot.container, now: () => NOW });
    const res = await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId });
    expect(cardText(res.body.value)).toContain('Vurdering og anbefalede handlinger');
  });
});
