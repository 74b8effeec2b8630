import { existsSync } from 'node:fs';
import { GraphSimulator } from '../../dev/graph-simulator/simulator';
import { Verb } from '../../src/app/verbs';
import { action, cardOf, cardText, invoke, PEOPLE, say } from '../support/bot-client';
import { MAIN, startInstance } from '../support/bot-process';

describe('graceful shutdown', () => {
  it('finishes a turn that is in flight when App Service sends SIGTERM, then exits', async () => {
    if (!existsSync(MAIN)) throw new Error('dist/src/main.js is missing: `npm test` builds first; run `npm run build`');
    const sim = GraphSimulator.fromDemo();
    const { url } = await sim.start();
    const bot = await startInstance({ GRAPH_ENDPOINT: url, GRAPH_AUTH: 'dev' });
    try {
      const start = cardOf((await say(bot.url, PEOPLE.mette, 'ny sag')).activities[0]);
      const intake = (await invoke(bot.url, PEOPLE.mette, Verb.newIncident, action(start, Verb.newIncident).data)).body.value;
      const assessment = (
        await invoke(bot.url, PEOPLE.mette, Verb.intakeSubmit, {
          ...action(intake, Verb.intakeSubmit).data,
          employees: PEOPLE.anders.aadObjectId,
          urls: 'https://example.org/x',
          platform: 'website',
          discoveredOn: '2026-11-24',
          description: 'Intern beskrivelse',
        })
      ).body.value;
      // Graph answers slowly, so the confirm (which looks up meeting times) is still running at SIGTERM.
      sim.inject({ match: { path: 'findMeetingTimes' }, delayMs: 800, times: 1 });
      const inFlight = invoke(bot.url, PEOPLE.mette, Verb.assessmentConfirm, {
        ...action(assessment, Verb.assessmentConfirm).data,
        keep_meeting: 'true',
      });
      await new Promise((r) => setTimeout(r, 200));
      const exited = new Promise<number | null>((r) => bot.child.once('exit', (code) => r(code)));
      bot.child.kill('SIGTERM');
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(cardText(res.body.value)).toContain('Handleplan');
      expect(await exited).toBe(0);
    } finally {
      if (bot.child.exitCode === null) bot.child.kill('SIGKILL');
      await sim.stop();
    }
  });
});
