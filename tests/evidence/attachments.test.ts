import { CloudAdapter, TurnContext } from 'botbuilder';
import { ConnectorClient, MicrosoftAppCredentials } from 'botframework-connector';
import { botAuthorization, filesOf, inboxIdOf, tokenFor } from '../../src/bot/attachments';

/** A turn whose adapter's connector client signs requests as botbuilder's AppCredentials do. */
function turn(sign: (headers: { set(k: string, v: string): void }) => void, activity: Record<string, unknown> = {}): TurnContext {
  const key = Symbol('ConnectorClient');
  const client = { credentials: { signRequest: async (r: { headers: { set(k: string, v: string): void } }) => sign(r.headers) } };
  return {
    adapter: { ConnectorClientKey: key },
    turnState: new Map<symbol, unknown>([[key, client]]),
    activity: { id: 'a1', conversation: { id: 'c1' }, ...activity },
  } as unknown as TurnContext;
}

describe('attachments of a chat message', () => {
  it('takes both Teams forms and nothing else', () => {
    const files = filesOf([
      {
        contentType: 'application/vnd.microsoft.teams.file.download.info',
        contentUrl: 'https://x.sharepoint.com/a',
        name: 'rapport.pdf',
        content: { downloadUrl: 'https://x.sharepoint.com/dl?tempauth=1', fileType: 'pdf' },
      },
      { contentType: 'image/png', contentUrl: 'https://smba.trafficmanager.net/emea/v3/attachments/1/views/original' },
      { contentType: 'text/html', content: '<p><img src="x"></p>' },
      { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
      { contentType: 'image/png' },
    ]);
    expect(files).toEqual([
      { url: 'https://x.sharepoint.com/dl?tempauth=1', name: 'rapport.pdf', needsToken: false },
      {
        url: 'https://smba.trafficmanager.net/emea/v3/attachments/1/views/original',
        name: 'skærmbillede.png',
        declaredType: 'image/png',
        needsToken: true,
      },
    ]);
    expect(filesOf(undefined)).toEqual([]);
  });

  it('keys the inbox claim by conversation and activity, the same for a retried activity', () => {
    const a = inboxIdOf(turn(() => undefined));
    expect(a).toMatch(/^[0-9a-f]{40}$/);
    expect(inboxIdOf(turn(() => undefined))).toBe(a);
    expect(inboxIdOf(turn(() => undefined, { id: 'a2' }))).not.toBe(a);
  });

  it('gets the bot’s own Authorization header from the adapter’s connector client, and sends it to Bot Framework hosts only', async () => {
    let signed = 0;
    const context = turn((h) => {
      signed++;
      h.set('Authorization', 'Bearer bot-token');
    });
    expect(await botAuthorization(context)).toBe('Bearer bot-token');
    const token = tokenFor(context);
    expect(await token('https://smba.trafficmanager.net/emea/v3/attachments/1/views/original')).toBe('Bearer bot-token');
    expect(await token('https://eu.botframework.com/v3/attachments/1')).toBe('Bearer bot-token');
    for (const other of [
      'https://kommune.sharepoint.com/x',
      'http://smba.trafficmanager.net/x',
      'https://smba.trafficmanager.net.evil.example/x',
      'https://botframework.com.evil.example/x',
      'not a url',
    ])
      expect(await token(other)).toBeUndefined();
    // Fetched once per turn however many images the message holds.
    expect(signed).toBe(2);
  });

  it('works with botbuilder’s own connector client and app credentials (the token they would fetch, stubbed)', async () => {
    const credentials = new MicrosoftAppCredentials('00000000-0000-0000-0000-0000000000aa', 'secret', 'tenant');
    credentials.getToken = async () => 'real-shape-token';
    const adapter = new CloudAdapter();
    const context = new TurnContext(adapter, { type: 'message', id: 'x', conversation: { id: 'c' } } as never);
    context.turnState.set(adapter.ConnectorClientKey, new ConnectorClient(credentials));
    expect(await botAuthorization(context)).toBe('Bearer real-shape-token');
    // Without an app id (local mode) botbuilder signs nothing.
    const local = new TurnContext(adapter, { type: 'message', id: 'y', conversation: { id: 'c' } } as never);
    local.turnState.set(adapter.ConnectorClientKey, new ConnectorClient(new MicrosoftAppCredentials('', '')));
    expect(await botAuthorization(local)).toBeUndefined();
  });

  it('has no token in local mode, where the connector client signs nothing', async () => {
    expect(await botAuthorization(turn(() => undefined))).toBeUndefined();
    const bare = { adapter: {}, turnState: new Map(), activity: {} } as unknown as TurnContext;
    expect(await botAuthorization(bare)).toBeUndefined();
  });
});
