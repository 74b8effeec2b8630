/**
 * What Teams gets for invokes the bot does not handle, and for sign-in invokes that cannot succeed: never 503
 * (which makes Teams retry and reads as an outage), and the manager is told what to do by hand.
 */
import { cardText, PEOPLE, post, type Running, say, startBot, useServiceUrl } from '../support/bot-client';
import { type ConnectorCall, startFakeConnector } from '../support/fake-connector';
import { FlakyStore } from '../support/flaky-store';
import { validateCard } from '../support/validate-card';

let connector: Awaited<ReturnType<typeof startFakeConnector>>;
let bot: Running;
let flaky: FlakyStore | undefined;
const logLines: string[] = [];

beforeAll(async () => {
  connector = await startFakeConnector();
  useServiceUrl(connector.url);
  bot = await startBot({
    logLines,
    wrapStore: (s) => {
      flaky = new FlakyStore(s);
      return flaky;
    },
  });
});
afterAll(async () => {
  await bot.stop();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.splice(0);
  logLines.splice(0);
  if (flaky) flaky.down = false;
});

let n = 0;
function invokeActivity(name: string, value: unknown, locale = 'da-DK') {
  n += 1;
  const who = PEOPLE.mette;
  return {
    type: 'invoke',
    name,
    value,
    id: `inv-${n}`,
    channelId: 'msteams',
    serviceUrl: connector.url,
    locale,
    from: who,
    recipient: { id: '28:opbakning', name: 'Opbakning' },
    conversation: { id: `a:personal-${who.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
  };
}

/** The cards the bot sent to the chat during the invoke (through the Bot Connector). */
function cardsSent(): Record<string, unknown>[] {
  return connector.calls
    .filter((c: ConnectorCall) => c.method === 'POST' && c.path.includes('/activities'))
    .flatMap((c) => (c.body.attachments ?? []) as { contentType: string; content: Record<string, unknown> }[])
    .filter((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')
    .map((a) => a.content);
}

function logged(): Record<string, unknown>[] {
  return logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('invokes the bot does not implement', () => {
  it.each([
    ['composeExtension/query', { commandId: 'search', parameters: [{ name: 'q', value: 'x' }] }],
    ['task/fetch', { data: {} }],
    ['an/unknownInvoke', {}],
  ])('%s is answered 501, never 503, and sends nothing to the chat', async (name, value) => {
    const res = await post(bot.url, invokeActivity(name, value));
    expect(res.status).toBe(501);
    expect(cardsSent()).toEqual([]);
    expect(logged().filter((l) => l.level === 'error' || l.level === 50)).toEqual([]);
  });
});

describe('sign-in invokes that cannot succeed (local mode: no single sign-on)', () => {
  const expectManualPathCard = (locale: 'da' | 'en') => {
    const cards = cardsSent();
    expect(cards).toHaveLength(1);
    expect(validateCard(cards[0])).toEqual([]);
    const text = cardText(cards[0]);
    expect(text).toContain(locale === 'da' ? 'Jeg kunne ikke logge dig ind' : 'I could not sign you in');
    expect(text).toContain(locale === 'da' ? 'Book mødet i Outlook eller Teams' : 'book the meeting in Outlook or Teams');
  };

  it('signin/verifyState with a bogus state: 404, and the manager is told to do the meeting and message by hand', async () => {
    const res = await post(bot.url, invokeActivity('signin/verifyState', { state: '123456-bogus' }));
    expect(res.status).toBe(404);
    expectManualPathCard('da');
    expect(logLines.join('\n')).not.toContain('123456-bogus');
  });

  it('signin/tokenExchange: 412 with a failure detail (as botbuilder answers a failed exchange), and the card', async () => {
    const res = await post(
      bot.url,
      invokeActivity('signin/tokenExchange', { id: 'x-1', connectionName: 'graph', token: 'eyJ.not-a-token.x' }, 'en-US'),
    );
    expect(res.status).toBe(412);
    expect(res.body).toMatchObject({ id: 'x-1', connectionName: 'graph', failureDetail: expect.any(String) });
    expectManualPathCard('en');
    expect(logLines.join('\n')).not.toContain('eyJ.not-a-token.x');
  });

  it('signin/failure from Teams: 200, its code logged (not its message), and the card', async () => {
    const message = 'Resource mismatch for https://kommune.example/secret Mette Holm';
    const res = await post(bot.url, invokeActivity('signin/failure', { code: 'resourcematchfailed', message }));
    expect(res.status).toBe(200);
    expectManualPathCard('da');
    const entry = logged().find((l) => l.event === 'signin/failure');
    expect(entry).toMatchObject({ code: 'resourcematchfailed' });
    const all = logLines.join('\n');
    expect(all).not.toContain('kommune.example');
    expect(all).not.toContain('Mette');
  });

  it('signin/failure with a code that is not an identifier logs a placeholder instead', async () => {
    const res = await post(bot.url, invokeActivity('signin/failure', { code: '<script>Mette Holm</script>', message: 'x' }));
    expect(res.status).toBe(200);
    expect(logged().find((l) => l.event === 'signin/failure')).toMatchObject({ code: 'unrecognised' });
    expect(logLines.join('\n')).not.toContain('Mette');
  });

  it('a sign-in failure while storage is down still answers (no 503) and still tells the manager', async () => {
    if (!flaky) throw new Error('no store');
    flaky.down = true;
    const res = await post(bot.url, invokeActivity('signin/failure', { code: 'installedappnotfound' }));
    expect(res.status).toBe(200);
    expectManualPathCard('da');
  });
});

describe('503 only for a real outage, and the log says which', () => {
  it('storage down during a message: the log names storage as the outage', async () => {
    if (!flaky) throw new Error('no store');
    flaky.down = true;
    const res = await say(bot.url, PEOPLE.mette, 'ny sag');
    expect(res.status).toBe(200);
    expect(logged().find((l) => l.msg === 'turn failed')).toMatchObject({ outage: 'storage', err: { code: 'storage_unavailable' } });
  });
});
