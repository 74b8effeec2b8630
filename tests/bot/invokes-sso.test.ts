/**
 * The sign-in invokes with Teams SSO switched on, through botbuilder's TestAdapter (the HTTP path needs a real
 * Bot Framework token): a successful exchange or verification is answered 200, a bogus one 404/412, never 5xx.
 */
import { type Activity, TeamsSSOTokenExchangeMiddleware, TestAdapter } from 'botbuilder';
import { CaseRepository } from '../../src/app/case-repository';
import { CaseService } from '../../src/app/case-service';
import { JsonBotStorage } from '../../src/bot/json-bot-storage';
import { OpbakningBot } from '../../src/bot/opbakning-bot';
import { FileDirectory } from '../../src/directory/file-directory';
import { createLogger } from '../../src/log';
import { loadPolicy } from '../../src/policy/load-policy';
import { MemoryJsonStore } from '../../src/storage/memory-json-store';
import { cardText, DEMO_DEPARTMENTS, PEOPLE } from '../support/bot-client';

const CONNECTION = 'graph';
const mette = PEOPLE.mette;

function makeAdapter() {
  const store = new MemoryJsonStore();
  const policy = loadPolicy();
  const clock = { now: () => new Date('2026-11-24T08:00:00Z') };
  const directory = FileDirectory.load(DEMO_DEPARTMENTS);
  const service = new CaseService({ cases: new CaseRepository(store), directory, policy, clock, newId: () => 'ssoinvoke0001' });
  const bot = new OpbakningBot({ service, policy, clock, log: createLogger('silent'), graph: true, sso: { connectionName: CONNECTION } });
  const adapter = new TestAdapter(async (context) => bot.run(context), { channelId: 'msteams' } as Partial<Activity>);
  adapter.use(new TeamsSSOTokenExchangeMiddleware(new JsonBotStorage(store, 'sso/'), CONNECTION));
  return adapter;
}

async function send(adapter: TestAdapter, name: string, value: unknown) {
  adapter.activeQueue.splice(0);
  await adapter.processActivity({
    type: 'invoke',
    name,
    value,
    channelId: 'msteams',
    locale: 'da-DK',
    from: { id: mette.id, name: mette.name, aadObjectId: mette.aadObjectId },
    conversation: { id: 'a:sso-invokes', conversationType: 'personal' } as Activity['conversation'],
  });
  const reply = adapter.activeQueue.find((a) => a.type === 'invokeResponse');
  const sent = adapter.activeQueue.filter((a) => a.type === 'message');
  return { status: (reply?.value as { status?: number } | undefined)?.status, sent };
}

describe('sign-in invokes with Teams SSO', () => {
  it('a token exchange the middleware accepted is answered 200 and shows nothing', async () => {
    const adapter = makeAdapter();
    adapter.addExchangeableToken(CONNECTION, 'msteams', mette.id, 'teams-sso', 'graph-token');
    const res = await send(adapter, 'signin/tokenExchange', { id: 'e-1', connectionName: CONNECTION, token: 'teams-sso' });
    expect(res.status).toBe(200);
    expect(res.sent).toEqual([]);
  });

  it('a token exchange that fails is answered 412 by the middleware', async () => {
    const res = await send(makeAdapter(), 'signin/tokenExchange', { id: 'e-2', connectionName: CONNECTION, token: 'unknown' });
    expect(res.status).toBe(412);
  });

  it('verifyState with the right code is answered 200', async () => {
    const adapter = makeAdapter();
    adapter.addUserToken(CONNECTION, 'msteams', mette.id, 'graph-token', '424242');
    const res = await send(adapter, 'signin/verifyState', { state: '424242' });
    expect(res.status).toBe(200);
    expect(res.sent).toEqual([]);
  });

  it('verifyState with a bogus code is answered 404, and the manager gets the manual path', async () => {
    const adapter = makeAdapter();
    adapter.addUserToken(CONNECTION, 'msteams', mette.id, 'graph-token', '424242');
    const res = await send(adapter, 'signin/verifyState', { state: '000000' });
    expect(res.status).toBe(404);
    expect(res.sent).toHaveLength(1);
    expect(cardText(res.sent[0].attachments?.[0]?.content)).toContain('Book mødet i Outlook eller Teams');
  });
});
