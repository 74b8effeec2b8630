import { Verb } from '../../src/app/verbs';
import { action, cardOf, cardText, invoke, PEOPLE, type Running, say, startBot } from '../support/bot-client';
import { FlakyStore } from '../support/flaky-store';
import { validateCard } from '../support/validate-card';

const NOW = new Date('2026-11-24T09:30:00+01:00');
const intake = {
  employees: PEOPLE.anders.aadObjectId,
  urls: 'https://hængt-ud.example/anders-kjaer',
  platform: 'website',
  discoveredOn: '2026-11-24',
  description: 'Hjemmeside med Anders’ adresse og billeder af hans børn.',
  employeeContacted: 'true',
  evidenceSaved: 'true',
  c_homeAddressPhotos: 'true',
  c_familyNamed: 'true',
};

describe('when storage is unavailable', () => {
  let bot: Running;
  let flaky: FlakyStore | undefined;
  beforeAll(async () => {
    bot = await startBot({
      now: () => NOW,
      wrapStore: (s) => {
        flaky = new FlakyStore(s);
        return flaky;
      },
    });
  });
  afterAll(() => bot.stop());

  it('shows a "try again" card that keeps the input, and the retry works once storage is back', async () => {
    const start = cardOf((await say(bot.url, PEOPLE.mette, 'ny sag')).activities[0]);
    const opened = await invoke(bot.url, PEOPLE.mette, Verb.newIncident, action(start, Verb.newIncident).data);
    const submit = action(opened.body.value, Verb.intakeSubmit);
    if (!flaky) throw new Error('store not wrapped');
    flaky.down = true;
    const failed = await invoke(bot.url, PEOPLE.mette, Verb.intakeSubmit, { ...submit.data, ...intake });
    expect(failed.status).toBe(200);
    expect(validateCard(failed.body.value)).toEqual([]);
    expect(cardText(failed.body.value)).toContain('Intet er gået tabt');
    const retry = action(failed.body.value, Verb.intakeSubmit);
    expect(retry.data).toMatchObject(intake);

    flaky.down = false;
    const recovered = await invoke(bot.url, PEOPLE.mette, retry.verb, retry.data);
    expect(cardText(recovered.body.value)).toContain('Vurdering og anbefalede handlinger');
    expect(cardText(recovered.body.value)).toContain('Anders Kjær');
  });
});

describe('logs', () => {
  it('hold ids and codes only: no name, URL or description from a full flow', async () => {
    const lines: string[] = [];
    const bot = await startBot({ now: () => NOW, logLines: lines });
    try {
      const start = cardOf((await say(bot.url, PEOPLE.mette, 'ny sag')).activities[0]);
      const opened = await invoke(bot.url, PEOPLE.mette, Verb.newIncident, action(start, Verb.newIncident).data);
      const assessed = await invoke(bot.url, PEOPLE.mette, Verb.intakeSubmit, {
        ...action(opened.body.value, Verb.intakeSubmit).data,
        ...intake,
      });
      const confirm = action(assessed.body.value, Verb.assessmentConfirm);
      const plan = await invoke(bot.url, PEOPLE.mette, Verb.assessmentConfirm, {
        ...confirm.data,
        keep_policeReport: 'true',
        keep_staffMessage: 'true',
      });
      const draft = action(plan.body.value, Verb.details, (d) => d.actionId === 'staffMessage');
      await invoke(bot.url, PEOPLE.mette, Verb.details, draft.data);
      await invoke(bot.url, PEOPLE.anders, Verb.open, { caseId: confirm.data.caseId });
    } finally {
      await bot.stop();
    }
    const log = lines.join('\n');
    expect(lines.length).toBeGreaterThan(4);
    expect(log).toContain('"caseId"');
    for (const secret of [
      'Anders',
      'Kjær',
      'Mette',
      'Holm',
      'hængt-ud',
      'example',
      'adresse',
      'børn',
      'ny sag',
      PEOPLE.anders.aadObjectId,
      PEOPLE.mette.aadObjectId,
    ])
      expect(log).not.toContain(secret);
  });
});
