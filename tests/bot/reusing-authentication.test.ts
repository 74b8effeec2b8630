import { ReusingBotFrameworkAuthentication } from '../../src/bot/reusing-authentication';

// Local mode: no app id, so botbuilder accepts an activity without a token and gives anonymous claims.
const auth = () => new ReusingBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: '' });
const activity = (serviceUrl: string) => ({ type: 'message', channelId: 'msteams', serviceUrl }) as never;

describe('ReusingBotFrameworkAuthentication', () => {
  it('hands out one Connector client per service URL and audience, across turns', async () => {
    const a = auth();
    const first = await a.authenticateRequest(activity('http://127.0.0.1:9/'), '');
    const second = await a.authenticateRequest(activity('http://127.0.0.1:9/'), '');
    const c1 = await first.connectorFactory?.create('http://127.0.0.1:9/', first.audience);
    const c2 = await second.connectorFactory?.create('http://127.0.0.1:9/', second.audience);
    const other = await second.connectorFactory?.create('http://127.0.0.2:9/', second.audience);
    expect(c1).toBeDefined();
    expect(c2).toBe(c1);
    expect(other).not.toBe(c1);
    expect((other as unknown as { baseUri?: string }).baseUri).toBe('http://127.0.0.2:9/');
    // Proactive turns (card updates, retention warnings) build their factory from claims: the same client.
    const proactive = await a.createConnectorFactory(first.claimsIdentity).create('http://127.0.0.1:9/', first.audience);
    expect(proactive).toBe(c1);
  });

  it('reuses the user token client, and each instance keeps its own', async () => {
    const a = auth();
    const { claimsIdentity } = await a.authenticateRequest(activity('http://127.0.0.1:9/'), '');
    const t1 = await a.createUserTokenClient(claimsIdentity);
    expect(await a.createUserTokenClient(claimsIdentity)).toBe(t1);
    expect(await auth().createUserTokenClient(claimsIdentity)).not.toBe(t1);
  });
});
