import { existsSync } from 'node:fs';
import { GraphSimulator } from '../../dev/graph-simulator/simulator';
import { Verb } from '../../src/app/verbs';
import { action, type Card, cardOf, cardText, inputs, invoke, PEOPLE, say } from '../support/bot-client';
import { type Instance, MAIN, startInstance } from '../support/bot-process';
import { click, validCards } from '../support/case-steps';

// Eight process starts: about 10 s on a quiet machine, about 30 s on two cores shared with other test runs
// (where the default 20 s timed out and left the last process running, so jest never exited).
jest.setTimeout(60_000);

/** SIGKILL, no goodbye: whatever was not committed to storage is gone with the process. */
async function kill(i: Instance): Promise<void> {
  const exited = new Promise((r) => i.child.once('exit', r));
  i.child.kill('SIGKILL');
  await exited;
}

describe('the bot killed (SIGKILL) after every step and started again', () => {
  let sim: GraphSimulator;
  let env: Record<string, string>;
  let bot: Instance;
  let port: number;
  beforeAll(async () => {
    if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds first; run `npm run build`');
    sim = GraphSimulator.fromDemo();
    env = { GRAPH_ENDPOINT: (await sim.start()).url, GRAPH_AUTH: 'dev' };
    bot = await startInstance(env);
    port = Number(new URL(bot.url).port);
  });
  afterAll(async () => {
    bot?.child.kill('SIGTERM');
    await sim?.stop();
  });

  /** Kills the bot and starts a new process on the same port and storage, then shows the case again. */
  async function crashAndReopen(caseId: unknown): Promise<Card> {
    await kill(bot);
    bot = await startInstance(env, port);
    const res = await invoke(bot.url, PEOPLE.mette, Verb.open, { caseId });
    expect(res.status).toBe(200);
    return res.body.value;
  }

  it('keeps the last committed step every time, and books and posts exactly once', async () => {
    const use = async (card: Card, verb: string, extra: Record<string, unknown> = {}, match?: (d: Record<string, unknown>) => boolean) =>
      (await click(validCards(bot.url), card, verb, extra, match)) as Card;

    const start = cardOf((await say(bot.url, PEOPLE.mette, 'ny sag')).activities[0]);
    const intake = await use(start, Verb.newIncident);
    const caseId = action(intake, Verb.intakeSubmit).data.caseId;
    expect(cardText(await crashAndReopen(caseId))).toContain('Registrér udhængning');

    await use(intake, Verb.intakeSubmit, {
      employees: `${PEOPLE.anders.aadObjectId},${PEOPLE.sofie.aadObjectId}`,
      urls: 'https://example.org/opslag/7',
      platform: 'website',
      discoveredOn: '2026-11-24',
      description: 'Intern beskrivelse',
      c_crimeAccusation: 'true',
    });
    const assessment = await crashAndReopen(caseId);
    expect(cardText(assessment)).toContain('Vurdering og anbefalede handlinger');

    await use(assessment, Verb.assessmentConfirm, { keep_meeting: 'true', keep_staffMessage: 'true', keep_journalNote: 'true' });
    const plan = await crashAndReopen(caseId);
    expect(cardText(plan)).toContain('0 af 3 handlinger udført');

    await use(plan, Verb.actionDone, {}, (d) => d.actionId === 'journalNote');
    const afterDone = await crashAndReopen(caseId);
    expect(cardText(afterDone)).toContain('1 af 3 handlinger udført');

    await use(afterDone, Verb.meetingSearch);
    const choosing = await crashAndReopen(caseId);
    await use(choosing, Verb.meetingBook, { slot: inputs(choosing).slot });
    const booked = await crashAndReopen(caseId);
    expect(cardText(booked)).toMatch(/✅ Møde \w+/);
    expect(sim.received().events).toHaveLength(1);

    const editor = await use(booked, Verb.details, {}, (d) => d.actionId === 'staffMessage');
    await use(editor, Verb.postSend, { postText: inputs(editor).postText, postConsent: 'true' });
    const posted = await crashAndReopen(caseId);
    expect(cardText(posted)).toContain('Beskeden er sendt til afdelingens kanal');
    expect(cardText(posted)).toContain('3 af 3 handlinger udført');
    expect(sim.received().messages).toHaveLength(1);
    expect(sim.received().events).toHaveLength(1);
  });
});
