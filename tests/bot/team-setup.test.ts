import { Verb } from '../../src/app/verbs';
import {
  action,
  cardOf,
  cardText,
  inputs,
  invoke,
  PEOPLE,
  type Person,
  post,
  type Running,
  say,
  startBot,
  useServiceUrl,
} from '../support/bot-client';
import { startFakeConnector } from '../support/fake-connector';
import { validateCard } from '../support/validate-card';

const TEAM = '19:team-ny-afdeling@thread.tacv2';
const ROSTER = [
  { id: '29:mette', aadObjectId: PEOPLE.mette.aadObjectId, name: 'Mette Holm', userPrincipalName: 'mette.holm@demo-kommune.dk' },
  { id: '29:anders', aadObjectId: PEOPLE.anders.aadObjectId, name: 'Anders Kjær', userPrincipalName: 'anders.kjaer@demo-kommune.dk' },
  { id: '29:sofie', aadObjectId: PEOPLE.sofie.aadObjectId, name: 'Sofie Lund', userPrincipalName: 'sofie.lund@demo-kommune.dk' },
  { id: '29:lars', aadObjectId: PEOPLE.lars.aadObjectId, name: 'Lars Bech', userPrincipalName: 'lars.bech@demo-kommune.dk' },
];

let bot: Running;
let connector: Awaited<ReturnType<typeof startFakeConnector>>;
beforeAll(async () => {
  // A stand-in Bot Connector that answers the roster calls TeamsInfo makes.
  connector = await startFakeConnector((call) => {
    if (call.method !== 'GET') return undefined;
    if (call.path.includes('/pagedmembers')) return { members: ROSTER };
    if (call.path.endsWith('/conversations'))
      return { conversations: [{ id: TEAM }, { id: '19:ledelse@thread.tacv2', name: 'Nyt fra ledelsen' }] };
    if (call.path.includes('/v3/teams/')) return { id: TEAM, name: 'Voksenhandicap', aadGroupId: 'group-1' };
    return undefined;
  });
  useServiceUrl(connector.url);
  bot = await startBot();
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});

const inTeam = (from: Person) => ({
  channelId: 'msteams',
  serviceUrl: connector.url,
  from,
  recipient: { id: '28:opbakning' },
  conversation: { id: `${TEAM};messageid=1`, conversationType: 'channel', isGroup: true },
  channelData: { team: { id: TEAM }, channel: { id: TEAM }, tenant: { id: 'tenant' } },
  locale: 'da-DK',
});

describe('department setup in a team', () => {
  it('offers a setup card when added to a team, saves it for the installer, and makes the managers able to open cases', async () => {
    // Lars is the TR in the demo department, not a manager, so he cannot open cases yet.
    expect(cardText(cardOf((await say(bot.url, PEOPLE.lars, 'ny sag')).activities[0]))).toContain('ikke registreret som leder');

    const added = await post(bot.url, {
      ...inTeam(PEOPLE.lars),
      type: 'conversationUpdate',
      membersAdded: [{ id: '28:opbakning' }],
      id: 'u1',
    });
    expect(added.status).toBe(200);
    const sent = connector.calls.filter((c) => c.method === 'POST' && c.path.includes('/activities'));
    const attachments = (sent.at(-1)?.body.attachments ?? []) as { content: Record<string, unknown> & { body: unknown[] } }[];
    const card = attachments[0]?.content;
    if (!card) throw new Error('no setup card sent');
    expect(validateCard(card)).toEqual([]);
    expect(cardText(card)).toContain('Opsætning af Opbakning');
    expect(JSON.stringify(card)).not.toMatch(/Sag OPB|facebook/i);

    // Someone else than the installer is refused.
    const save = action(card, Verb.setupSave);
    const values = {
      channelId: '19:ledelse@thread.tacv2',
      trId: PEOPLE.lars.aadObjectId,
      amrId: PEOPLE.sofie.aadObjectId,
      managerIds: PEOPLE.lars.aadObjectId,
    };
    const refused = await invoke(bot.url, PEOPLE.anders, Verb.setupSave, { ...save.data, ...values }, 'da-DK', inTeam(PEOPLE.anders));
    expect(cardText(refused.body.value)).toContain('Kun den, der tilføjede Opbakning');

    // Invalid choices are refused with a message.
    const bad = await invoke(
      bot.url,
      PEOPLE.lars,
      Verb.setupSave,
      { ...save.data, ...values, trId: 'somebody-else' },
      'da-DK',
      inTeam(PEOPLE.lars),
    );
    expect(cardText(bad.body.value)).toContain('Vælg kanal, TR, AMR');

    const saved = await invoke(bot.url, PEOPLE.lars, Verb.setupSave, { ...save.data, ...values }, 'da-DK', inTeam(PEOPLE.lars));
    expect(cardText(saved.body.value)).toContain('Opsætningen er gemt');
    expect(inputs(saved.body.value).channelId).toBe('19:ledelse@thread.tacv2');

    // Lars is now a manager of "Voksenhandicap": he can open a case and choose its members.
    const start = cardOf((await say(bot.url, PEOPLE.lars, 'ny sag')).activities[0]);
    const intake = (await invoke(bot.url, PEOPLE.lars, Verb.newIncident, action(start, Verb.newIncident).data)).body.value;
    expect(cardText(intake)).toContain('Voksenhandicap');
    expect(JSON.stringify(intake)).toContain(PEOPLE.sofie.aadObjectId);
  });
});
