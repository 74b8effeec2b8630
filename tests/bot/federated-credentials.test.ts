/**
 * The bot signs in to the Bot Framework as its app registration with no secret: a managed identity token is the client
 * assertion. Entra ID is played over https by a local token endpoint (certificate made for this run, trusted by this
 * credential's HTTP client only); the Connector is a local server that records the Authorization header it receives.
 */
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage } from 'node:http';
import { Agent, createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createDefaultHttpClient, type HttpClient } from '@azure/core-rest-pipeline';
import type { AccessToken, TokenCredential } from '@azure/identity';
import { type Certificate, selfSignedCertificate } from '../../dev/azurite-oauth';
import { FederatedCredentialsFactory, TOKEN_EXCHANGE_AUDIENCE } from '../../src/bot/federated-credentials-factory';
import { ReusingBotFrameworkAuthentication } from '../../src/bot/reusing-authentication';
import { createApp } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';

const APP_ID = 'b2a1e3c4-0000-4000-8000-000000000001';
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let raw = '';
    req.on('data', (c) => {
      raw += c;
    });
    req.on('end', () => resolve(raw));
  });
}

/** Entra ID's discovery document and token endpoint for one tenant; every token lives 60 s, so each use renews it. */
async function startEntra(certificate: Certificate) {
  const tokenRequests: URLSearchParams[] = [];
  const server = createHttpsServer({ cert: certificate.pem, key: readFileSync(certificate.keyFile) }, async (req, res) => {
    const base = `https://127.0.0.1:${(server.address() as AddressInfo).port}/${TENANT}`;
    const json = (status: number, value: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(value));
    };
    if (req.method === 'GET' && req.url?.startsWith(`/${TENANT}/v2.0/.well-known/openid-configuration`))
      return json(200, {
        issuer: `${base}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        response_types_supported: ['code', 'id_token', 'token'],
      });
    if (req.method === 'POST' && req.url?.startsWith(`/${TENANT}/oauth2/v2.0/token`)) {
      const form = new URLSearchParams(await body(req));
      tokenRequests.push(form);
      return json(200, { token_type: 'Bearer', expires_in: 60, ext_expires_in: 60, access_token: `bot-token-${tokenRequests.length}` });
    }
    return json(404, { error: 'not_found' });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    authorityHost: `https://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tokenRequests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A Bot Connector that records the Authorization header of each call. */
async function startConnector() {
  const authorizations: string[] = [];
  const server = createHttpServer(async (req, res) => {
    await body(req);
    authorizations.push(req.headers.authorization ?? '');
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: `activity-${authorizations.length}` }));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    authorizations,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The managed identity: hands out a new token each time and remembers for what. */
class FakeManagedIdentity implements TokenCredential {
  readonly scopes: string[] = [];
  async getToken(scopes: string | string[]): Promise<AccessToken> {
    this.scopes.push(String(scopes));
    return { token: `mi-assertion-${this.scopes.length}`, expiresOnTimestamp: Date.now() + 86_400_000 };
  }
}

function trusting(certificate: Certificate): HttpClient {
  const agent = new Agent({ ca: certificate.pem });
  const inner = createDefaultHttpClient();
  return {
    sendRequest: (request) => {
      request.agent = agent;
      return inner.sendRequest(request);
    },
  };
}

describe('FederatedCredentialsFactory: the bot without a client secret', () => {
  let certificate: Certificate;
  let entra: Awaited<ReturnType<typeof startEntra>>;
  let connector: Awaited<ReturnType<typeof startConnector>>;
  beforeAll(async () => {
    certificate = selfSignedCertificate();
    [entra, connector] = await Promise.all([startEntra(certificate), startConnector()]);
  });
  afterAll(async () => {
    await Promise.all([entra?.close(), connector?.close()]);
    certificate?.remove();
  });

  it('sends to the Connector with a token got by a managed identity assertion, asking for a fresh assertion each renewal', async () => {
    const identity = new FakeManagedIdentity();
    const factory = new FederatedCredentialsFactory({
      appId: APP_ID,
      tenantId: TENANT,
      managedIdentity: identity,
      clientOptions: { authorityHost: entra.authorityHost, disableInstanceDiscovery: true, httpClient: trusting(certificate) },
    });
    // The same wiring as src/compose.ts: botbuilder's configuration for a single-tenant bot, no password, our factory.
    const auth = new ReusingBotFrameworkAuthentication(
      { MicrosoftAppId: APP_ID, MicrosoftAppPassword: '', MicrosoftAppTenantId: TENANT, MicrosoftAppType: 'SingleTenant' },
      factory,
    );
    const claims = {
      claims: [{ type: 'aud', value: APP_ID }],
      isAuthenticated: true,
      getClaimValue: (t: string) => (t === 'aud' ? APP_ID : null),
    };
    const client = await auth.createConnectorFactory(claims as never).create(connector.url, 'https://api.botframework.com');
    await client.conversations.sendToConversation('conversation-1', { type: 'message', text: 'hej' } as never);
    await client.conversations.sendToConversation('conversation-1', { type: 'message', text: 'igen' } as never);

    expect(connector.authorizations).toEqual(['Bearer bot-token-1', 'Bearer bot-token-2']);
    expect(entra.tokenRequests.map((f) => Object.fromEntries(f))).toEqual(
      [1, 2].map(() =>
        expect.objectContaining({
          grant_type: 'client_credentials',
          client_id: APP_ID,
          scope: 'https://api.botframework.com/.default',
          client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
          client_assertion: expect.stringMatching(/^mi-assertion-\d+$/),
        }),
      ),
    );
    // The renewal carried a newer managed identity token than the first request, not the one kept from before.
    const [first, second] = entra.tokenRequests.map((f) => Number(f.get('client_assertion')?.split('-').pop()));
    expect(second).toBeGreaterThan(first as number);
    for (const form of entra.tokenRequests) expect(form.has('client_secret')).toBe(false);
    expect(new Set(identity.scopes)).toEqual(new Set([`${TOKEN_EXCHANGE_AUDIENCE}/.default`]));
  });

  it('accepts only its own app id', async () => {
    const factory = new FederatedCredentialsFactory({ appId: APP_ID, tenantId: TENANT, managedIdentity: new FakeManagedIdentity() });
    expect(await factory.isValidAppId(APP_ID)).toBe(true);
    expect(await factory.isValidAppId('someone-else')).toBe(false);
    expect(await factory.isAuthenticationDisabled()).toBe(false);
    await expect(factory.createCredentials('someone-else', undefined)).rejects.toThrow(/Invalid appId/);
  });

  it('is what the composition root builds from the recommended production settings (no password anywhere)', () => {
    const config = loadConfig({
      STORAGE_ACCOUNT_URL: 'https://opbakningstore.blob.core.windows.net',
      MANAGED_IDENTITY_CLIENT_ID: '0f8fad5b-d9cb-469f-a165-70867728950e',
      MicrosoftAppId: APP_ID,
      MicrosoftAppTenantId: TENANT,
      MicrosoftAppType: 'SingleTenant',
    });
    expect(config.botCredential).toBe('federated');
    // Building the app contacts nothing; tokens are asked for on the first request.
    expect(() => createApp(config, createLogger('silent'))).not.toThrow();
  });
});
