import { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type AuthResult = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['authenticateRequest']>>;
type ConnectorFactory = NonNullable<AuthResult['connectorFactory']>;
type ConnectorClient = Awaited<ReturnType<ConnectorFactory['create']>>;
type ClaimsIdentity = AuthResult['claimsIdentity'];
type UserTokenClient = Awaited<ReturnType<ConfigurationBotFrameworkAuthentication['createUserTokenClient']>>;

/** Few service URLs and one app id in practice; the bound only guards against a flood of forged service URLs. */
const MAX_CLIENTS = 64;

/** Teams puts our app id in the audience claim; the emulator puts it in appid. Unauthenticated (local): none. */
function appIdOf(claims: ClaimsIdentity): string {
  return claims.getClaimValue('aud') ?? claims.getClaimValue('appid') ?? '';
}

/**
 * CloudAdapter builds a new Connector client (HTTP pipeline, credentials) and a user token client for every
 * activity, which is close to a tenth of the CPU a card action costs. Those clients hold no per-turn state —
 * the credentials cache and refresh their own token — so one per (app id, service URL, audience) is reused,
 * as the older BotFrameworkAdapter did.
 */
export class ReusingBotFrameworkAuthentication extends ConfigurationBotFrameworkAuthentication {
  private readonly connectors = new Map<string, ConnectorClient>();
  private readonly tokenClients = new Map<string, UserTokenClient>();

  override async authenticateRequest(
    ...args: Parameters<ConfigurationBotFrameworkAuthentication['authenticateRequest']>
  ): Promise<AuthResult> {
    const result = await super.authenticateRequest(...args);
    return result.connectorFactory
      ? { ...result, connectorFactory: this.reuse(result.connectorFactory, appIdOf(result.claimsIdentity)) }
      : result;
  }

  override createConnectorFactory(claims: ClaimsIdentity): ConnectorFactory {
    return this.reuse(super.createConnectorFactory(claims), appIdOf(claims));
  }

  override async createUserTokenClient(claims: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claims);
    const known = this.tokenClients.get(key);
    if (known) return known;
    const client = await super.createUserTokenClient(claims);
    remember(this.tokenClients, key, client);
    return client;
  }

  private reuse(factory: ConnectorFactory, appId: string): ConnectorFactory {
    return {
      create: async (serviceUrl: string, audience?: string) => {
        const key = `${appId}\n${serviceUrl}\n${audience ?? ''}`;
        const known = this.connectors.get(key);
        if (known) return known;
        // A failed creation is not remembered, so the next turn tries again.
        const client = await factory.create(serviceUrl, audience);
        remember(this.connectors, key, client);
        return client;
      },
    };
  }
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.size >= MAX_CLIENTS) map.clear();
  map.set(key, value);
}
