import { randomBytes } from 'node:crypto';
import { type Activity, TeamsSSOTokenExchangeMiddleware, TestAdapter } from 'botbuilder';
import { GraphSimulator } from '../../dev/graph-simulator/simulator';
import { CaseRepository } from '../../src/app/case-repository';
import { CaseService } from '../../src/app/case-service';
import { GraphWork } from '../../src/app/graph-work';
import { Verb } from '../../src/app/verbs';
import { JsonBotStorage } from '../../src/bot/json-bot-storage';
import { OpbakningBot } from '../../src/bot/opbakning-bot';
import { FileDirectory } from '../../src/directory/file-directory';
import { devToken } from '../../src/graph/dev-token';
import { GraphGateway } from '../../src/graph/graph-gateway';
import { createLogger } from '../../src/log';
import { loadPolicy } from '../../src/policy/load-policy';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { action, type Card, cardText, DEMO_DEPARTMENTS, PEOPLE } from '../support/bot-client';

const CONNECTION = 'graph';
const NOW = new Date('2026-11-24T08:00:00Z');
const mette = PEOPLE.mette;

function blobStore(): BlobJsonStore {
  const connection = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connection) throw new Error('run through jest: the global setup starts Azurite');
  return BlobJsonStore.fromConnectionString(connection, `sso${randomBytes(5).toString('hex')}`);
}

const exchange = (id: string, token: string): Partial<Activity> => ({
  type: 'invoke',
  name: 'signin/tokenExchange',
  channelId: 'msteams',
  from: { id: mette.id, name: mette.name },
  conversation: { id: 'a:sso', conversationType: 'personal' } as Activity['conversation'],
  value: { id, connectionName: CONNECTION, token },
});

describe('Teams SSO token exchange on Blob Storage (botbuilder TestAdapter)', () => {
  it('processes the first signin/tokenExchange and drops the duplicate from another instance', async () => {
    const store = blobStore();
    const seen: string[] = [];
    // Two adapters over one storage stand for two bot instances receiving the same exchange.
    const make = () => {
      const adapter = new TestAdapter(async (context) => {
        seen.push(String((context.activity.value as { id: string }).id));
      });
      adapter.use(new TeamsSSOTokenExchangeMiddleware(new JsonBotStorage(store, 'sso/'), CONNECTION));
      adapter.addExchangeableToken(CONNECTION, 'msteams', mette.id, 'sso-token-1', 'graph-token-1');
      return adapter;
    };
    const [a, b] = [make(), make()];
    await a.processActivity(exchange('exchange-1', 'sso-token-1'));
    await b.processActivity(exchange('exchange-1', 'sso-token-1'));
    expect(seen).toEqual(['exchange-1']);
    // A new exchange (another id) is processed again.
    await b.processActivity(exchange('exchange-2', 'sso-token-1'));
    expect(seen).toEqual(['exchange-1', 'exchange-2']);
  });
});

describe('card actions with Teams SSO (TestAdapter token exchange)', () => {
  let sim: GraphSimulator;
  let simUrl: string;
  beforeAll(async () => {
    sim = GraphSimulator.fromDemo();
    sim.setClock(() => NOW);
    simUrl = (await sim.start()).url;
  });
  afterAll(() => sim.stop());

  function makeBot() {
    const policy = loadPolicy();
    const directory = FileDirectory.load(DEMO_DEPARTMENTS);
    const cases = new CaseRepository(blobStore());
    const clock = { now: () => NOW };
    let id = 0;
    const service = new CaseService({
      cases,
      directory,
      policy,
      clock,
      newId: () => {
        id += 1;
        return `ssocase${String(id).padStart(5, '0')}`;
      },
      graph: {
        work: new GraphWork({ graph: new GraphGateway({ endpoint: simUrl, retryDelaySeconds: 0.1 }), cases, directory, policy, clock }),
        token: async (actor) => (actor.token ? actor.token() : { ok: false, error: 'signIn' }),
        updater: { update: async () => undefined },
        budgetMs: 5000,
        onBackgroundError: () => undefined,
      },
    });
    return new OpbakningBot({ service, policy, clock, log: createLogger('silent'), graph: true, sso: { connectionName: CONNECTION } });
  }

  async function send(adapter: TestAdapter, verb: string, data: Record<string, unknown>, authentication?: { token: string }) {
    adapter.activeQueue.splice(0);
    await adapter.processActivity({
      type: 'invoke',
      name: 'adaptiveCard/action',
      channelId: 'msteams',
      locale: 'da-DK',
      from: { id: mette.id, name: mette.name, aadObjectId: mette.aadObjectId },
      conversation: { id: 'a:sso-card', conversationType: 'personal' } as Activity['conversation'],
      value: { action: { type: 'Action.Execute', verb, data }, ...(authentication ? { authentication } : {}) },
    });
    const reply = adapter.activeQueue.find((a) => a.type === 'invokeResponse');
    if (!reply) throw new Error('no invoke response');
    return (reply.value as { status: number; body: { statusCode: number; type: string; value: unknown } }).body;
  }

  it('asks Teams to sign in, then uses the exchanged SSO token for Graph', async () => {
    const adapter = new TestAdapter(async (context) => bot.run(context), { channelId: 'msteams' } as Partial<Activity>);
    const bot = makeBot();
    const graphToken = devToken(mette.aadObjectId, mette.name);
    adapter.addExchangeableToken(CONNECTION, 'msteams', mette.id, 'teams-sso-token', graphToken);

    let card = (await send(adapter, Verb.newIncident, { startId: 'ssocase00001', departmentId: 'boern-familie' })).value as Card;
    card = (
      await send(adapter, Verb.intakeSubmit, {
        ...action(card, Verb.intakeSubmit).data,
        employees: PEOPLE.anders.aadObjectId,
        urls: 'https://example.org/x',
        platform: 'website',
        discoveredOn: '2026-11-24',
        description: 'Intern beskrivelse',
      })
    ).value as Card;
    card = (await send(adapter, Verb.assessmentConfirm, { ...action(card, Verb.assessmentConfirm).data, keep_meeting: 'true' }))
      .value as Card;
    const search = action(card, Verb.meetingSearch).data;

    // No token yet: the answer is a Universal Actions login request, and nothing is changed.
    const login = await send(adapter, Verb.meetingSearch, search);
    expect(login).toMatchObject({
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: { connectionName: CONNECTION },
    });

    // Teams signs the user in silently and repeats the action with the SSO token; the bot exchanges it.
    const found = await send(adapter, Verb.meetingSearch, search, { token: 'teams-sso-token' });
    expect(found.statusCode).toBe(200);
    expect(JSON.stringify(found.value)).toMatch(/"value":"2026-11-2\d/);
    expect(cardText(found.value)).toContain('Vælg tidspunkt');
  });
});
