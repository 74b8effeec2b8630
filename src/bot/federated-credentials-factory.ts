import { ClientAssertionCredential, type ClientAssertionCredentialOptions, type TokenCredential } from '@azure/identity';
import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type ServiceClientCredentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;

/** The audience Entra ID expects on a managed identity token used as a federated credential. */
export const TOKEN_EXCHANGE_AUDIENCE = 'api://AzureADTokenExchange';

export interface FederatedCredentialsOptions {
  /** The bot's app registration (MicrosoftAppId): the identity Teams and the Bot Framework know. */
  readonly appId: string;
  readonly tenantId: string;
  /** Credential of the managed identity that the registration's federated credential trusts. */
  readonly managedIdentity: TokenCredential;
  /** Sign-in host and HTTP client; tests point them at a local token endpoint. */
  readonly clientOptions?: ClientAssertionCredentialOptions;
}

/**
 * The bot signs in as its app registration without a secret: the managed identity's token for
 * api://AzureADTokenExchange is the client assertion (workload identity federation), so the registration keeps
 * Teams SSO (webApplicationInfo) and nothing long-lived exists to leak or rotate.
 *
 * botbuilder's FederatedServiceClientCredentialsFactory does the same but fetches the assertion once per
 * credentials object and keeps it; the connector clients are reused for the life of the process
 * (reusing-authentication.ts), so after the managed identity token expires (about 24 h) every renewal would fail.
 * ClientAssertionCredential asks for a fresh assertion whenever it needs a new token.
 */
export class FederatedCredentialsFactory implements CredentialsFactory {
  /** One credential per scope; @azure/identity caches and renews the token inside it. */
  private readonly credentials = new Map<string, ClientAssertionCredential>();

  constructor(private readonly options: FederatedCredentialsOptions) {}

  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.options.appId;
  }

  async isAuthenticationDisabled(): Promise<boolean> {
    return false;
  }

  async createCredentials(appId: string, audience: string | undefined): Promise<ServiceClientCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    // Same scope botbuilder's own credentials ask for: the channel's audience, or the Bot Framework by default.
    const scope = `${(audience ?? 'https://api.botframework.com').replace(/\/+$/, '')}/.default`;
    const credential = this.credentialFor(scope);
    return {
      signRequest: async (webResource) => {
        const token = await credential.getToken(scope);
        if (!token) throw new Error('no token for the Bot Framework');
        webResource.headers.set('authorization', `Bearer ${token.token}`);
        return webResource;
      },
    };
  }

  private credentialFor(scope: string): ClientAssertionCredential {
    let credential = this.credentials.get(scope);
    if (!credential) {
      const { appId, tenantId, managedIdentity, clientOptions } = this.options;
      credential = new ClientAssertionCredential(
        tenantId,
        appId,
        async () => {
          const assertion = await managedIdentity.getToken(`${TOKEN_EXCHANGE_AUDIENCE}/.default`);
          if (!assertion) throw new Error('the managed identity gave no token for the federated credential');
          return assertion.token;
        },
        clientOptions ?? {},
      );
      this.credentials.set(scope, credential);
    }
    return credential;
  }
}
