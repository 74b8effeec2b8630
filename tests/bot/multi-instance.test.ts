import { existsSync } from 'node:fs';
import { Verb } from '../../src/app/verbs';
import { action, type Card, cardOf, cardText, invoke, PEOPLE, say } from '../support/bot-client';
import { type Instance, MAIN, startInstance } from '../support/bot-process';
import { click, validCards } from '../support/case-steps';

describe('two bot processes on one Azurite behave as one bot', () => {
  let a: Instance;
  let b: Instance;
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds first; run `npm run build`');
    [a, b] = await Promise.all([startInstance(), startInstance()]);
  });
  afterAll(() => {
    for (const i of [a, b]) i?.child.kill('SIGTERM');
  });

  it('walks the flow with requests alternating between instances, and never applies a double click twice', async () => {
    const start = cardOf((await say(a.url, PEOPLE.mette, 'ny sag')).activities[0]);
    const on = async (
      i: Instance,
      card: Card,
      verb: string,
      extra: Record<string, unknown> = {},
      match?: (d: Record<string, unknown>) => boolean,
    ) => (await click(validCards(i.url), card, verb, extra, match)) as Card;

    const intake = await on(b, start, Verb.newIncident);
    const again = await on(a, start, Verb.newIncident);
    expect(action(again, Verb.intakeSubmit).data.caseId).toBe(action(intake, Verb.intakeSubmit).data.caseId);

    const assessment = await on(a, intake, Verb.intakeSubmit, {
      employees: PEOPLE.anders.aadObjectId,
      urls: 'https://example.org/post/1',
      platform: 'website',
      discoveredOn: '2026-11-24',
      description: 'Intern beskrivelse',
      c_directThreat: 'true',
    });
    const plan = await on(b, assessment, Verb.assessmentConfirm, {
      keep_policeReport: 'true',
      keep_journalNote: 'true',
      keep_followUpWeek: 'true',
    });
    expect(cardText(plan)).toContain('0 af 3 handlinger udført');

    // The same card clicked on both instances at once: two different actions, same revision.
    const [x, y] = await Promise.all([
      on(a, plan, Verb.actionDone, {}, (d) => d.actionId === 'policeReport'),
      on(b, plan, Verb.actionDone, {}, (d) => d.actionId === 'journalNote'),
    ]);
    const texts = [cardText(x), cardText(y)];
    expect(texts.filter((t) => t.includes('markeret som udført'))).toHaveLength(1);
    expect(texts.filter((t) => t.includes('ikke længere det nyeste'))).toHaveLength(1);

    // Five concurrent double clicks of one button across both instances: it is applied exactly once.
    const latest = texts[0]?.includes('markeret som udført') ? x : y;
    const clicks = await Promise.all([a, b, a, b, a].map((i) => on(i, latest, Verb.actionDone, {}, (d) => d.actionId === 'followUpWeek')));
    expect(clicks.filter((c) => cardText(c).includes('markeret som udført'))).toHaveLength(1);
    const caseId = action(plan, Verb.close).data.caseId;
    const final = (await invoke(a.url, PEOPLE.mette, Verb.open, { caseId })).body.value;
    expect(cardText(final)).toContain('2 af 3 handlinger udført');
  });
});
