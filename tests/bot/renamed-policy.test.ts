import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Card } from '../../dev/flow/cards';
import { GraphSimulator } from '../../dev/graph-simulator/simulator';
import { Verb } from '../../src/app/verbs';
import { cardOf, cardText, inputs, PEOPLE, type Running, say, startBot } from '../support/bot-client';
import { click as clickThrough, validCards } from '../support/case-steps';

// A municipality's own copy of the policy in which every action id is different from the built-in one:
// the meeting and the channel post must still be ticked off, because the bot follows the action's kind.
const NOW = new Date('2026-11-24T08:00:00Z');
const builtIn = JSON.parse(readFileSync(path.resolve(__dirname, '../../src/policy/default-policy.json'), 'utf8'));
const renamed = (id: string) => `kommune_${id}`;
const policy = {
  ...builtIn,
  id: 'renamed',
  actions: builtIn.actions.map((a: { id: string }) => ({ ...a, id: renamed(a.id) })),
  rules: builtIn.rules.map((r: { recommend: string[] }) => ({ ...r, recommend: r.recommend.map(renamed) })),
};
const byKind = (kind: string) => policy.actions.find((a: { kind: string }) => a.kind === kind) as { id: string; title: { da: string } };
const meeting = byKind('meeting');
const message = byKind('channelPost');

let dir: string;
let sim: GraphSimulator;
let bot: Running;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'opbakning-policy-'));
  const file = path.join(dir, 'policy.json');
  writeFileSync(file, JSON.stringify(policy));
  sim = GraphSimulator.fromDemo();
  sim.setClock(() => NOW);
  const { url } = await sim.start();
  bot = await startBot({
    now: () => NOW,
    env: { GRAPH_ENDPOINT: url, GRAPH_AUTH: 'dev', POLICY_FILE: file },
    overrides: { graphRetryDelaySeconds: 0.1, graphBudgetMs: 5000 },
  });
});
afterAll(async () => {
  await bot?.stop();
  await sim?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Clicks as Mette through the shared flow helper, which expects HTTP 200 and a valid card. */
const click = (card: Card, verb: string, extra: Record<string, unknown> = {}, match?: (d: Record<string, unknown>) => boolean) =>
  clickThrough(validCards(bot.url), card, verb, extra, match);

describe('a policy whose action ids are all renamed', () => {
  it('has no built-in action id left', () => {
    const ids = new Set(builtIn.actions.map((a: { id: string }) => a.id));
    expect(policy.actions.filter((a: { id: string }) => ids.has(a.id))).toEqual([]);
    expect(meeting.id).toBe('kommune_meeting');
    expect(message.id).toBe('kommune_staffMessage');
  });

  it('books the meeting and posts the message through Graph, and both are ticked off', async () => {
    const start = cardOf((await say(bot.url, PEOPLE.mette, 'ny sag')).activities[0]);
    const intake = await click(start, Verb.newIncident);
    const assessment = await click(intake, Verb.intakeSubmit, {
      employees: PEOPLE.anders.aadObjectId,
      urls: 'https://www.facebook.com/groups/sandheden/posts/42',
      platform: 'facebook',
      discoveredOn: '2026-11-24',
      description: 'Intern beskrivelse',
      c_crimeAccusation: 'true',
    });
    const plan = await click(assessment, Verb.assessmentConfirm, { [`keep_${meeting.id}`]: 'true', [`keep_${message.id}`]: 'true' });
    expect(cardText(plan)).toContain('0 af 2 handlinger udført');

    // The confirmed plan with a meeting starts looking for times by itself.
    const found = inputs(plan).slot ? plan : await click(plan, Verb.meetingSearch);
    const booked = await click(found, Verb.meetingBook, { slot: inputs(found).slot });
    expect(cardText(booked)).toContain('Mødet er booket');
    expect(sim.received().events).toHaveLength(1);
    expect(cardText(booked)).toContain('1 af 2 handlinger udført');
    expect(cardText(booked)).toContain(`✅ **${meeting.title.da}**`);

    const editor = await click(booked, Verb.details, {}, (d) => d.actionId === message.id);
    const text = inputs(editor).postText as string;
    expect(text).toContain('Anders Kjær');
    const posted = await click(editor, Verb.postSend, { postText: text, postConsent: 'true' });
    expect(cardText(posted)).toContain('sendt til afdelingens kanal');
    expect(sim.received().messages).toHaveLength(1);
    expect(cardText(posted)).toContain('2 af 2 handlinger udført');
    expect(cardText(posted)).toContain(`✅ **${message.title.da}**`);
  });
});
