import { PEOPLE, post, type Running, startBot } from '../support/bot-client';

// A production configuration: an app id, so botbuilder validates every request's Bot Framework token.
const APP = {
  MicrosoftAppId: '11111111-2222-3333-4444-555555555555',
  MicrosoftAppPassword: 'not-a-real-secret',
  MicrosoftAppType: 'MultiTenant',
};

const activity = {
  type: 'message',
  id: 'a1',
  channelId: 'msteams',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  from: PEOPLE.mette,
  recipient: { id: '28:opbakning' },
  conversation: { id: 'a:1', conversationType: 'personal' },
  text: 'ny sag',
};

// header.payload.signature of a token we signed ourselves: well-formed, but not from the Bot Framework.
const forged = [
  Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'forged' })).toString('base64url'),
  Buffer.from(JSON.stringify({ iss: 'https://api.botframework.com', aud: APP.MicrosoftAppId, exp: 4102444800 })).toString('base64url'),
  'c2lnbmF0dXJl',
].join('.');

describe('in production only Bot Framework requests get through', () => {
  let bot: Running;
  const logLines: string[] = [];
  beforeAll(async () => {
    bot = await startBot({ env: { ...APP, HOST: '127.0.0.1' }, logLines });
  });
  afterAll(() => bot.stop());

  async function send(headers: Record<string, string>) {
    const res = await fetch(bot.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(activity),
    });
    return { status: res.status, body: await res.text() };
  }

  it('refuses a request without a token with 401 and no details', async () => {
    const res = await send({});
    expect(res.status).toBe(401);
    expect(res.body).not.toMatch(/at \w+ \(|Error:|stack/i);
  });

  it('refuses a forged token with 401, or 503 when the signing keys cannot be fetched (no internet here)', async () => {
    logLines.splice(0);
    const res = await send({ authorization: `Bearer ${forged}` });
    expect([401, 503]).toContain(res.status);
    expect(res.body).not.toMatch(/at \w+ \(|stack|ENOTFOUND|getaddrinfo/i);
    // A 503 is an outage, and the log says which one.
    if (res.status === 503) expect(logLines.map((l) => JSON.parse(l).outage)).toContain('bot-framework-auth');
  });

  it('does not answer or store anything for a refused request', async () => {
    const res = await post(bot.url, { ...activity, deliveryMode: 'expectReplies' });
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/activities|attachments|Opbakning/);
  });
});
