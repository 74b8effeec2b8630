import type { TokenResponse, TurnContext } from 'botbuilder';
import type { TokenResult } from '../app/graph-port';

/** The two ways botbuilder exposes the Token Service: CloudAdapter's UserTokenClient, and TestAdapter's methods. */
interface UserTokenClientLike {
  getUserToken(userId: string, connectionName: string, channelId: string, magicCode: string): Promise<TokenResponse>;
  exchangeToken(userId: string, connectionName: string, channelId: string, request: { token: string }): Promise<TokenResponse>;
  getSignInResource(
    connectionName: string,
    activity: unknown,
    finalRedirect: string,
  ): Promise<{ signInLink?: string; tokenExchangeResource?: unknown }>;
}
interface LegacyTokenProvider {
  getUserToken(context: TurnContext, connectionName: string, magicCode?: string): Promise<TokenResponse | undefined>;
  exchangeToken(
    context: TurnContext,
    connectionName: string,
    userId: string,
    request: { token: string },
  ): Promise<TokenResponse | undefined>;
}

function client(context: TurnContext): UserTokenClientLike | undefined {
  const adapter = context.adapter as unknown as { UserTokenClientKey?: symbol };
  return adapter.UserTokenClientKey ? (context.turnState.get(adapter.UserTokenClientKey) as UserTokenClientLike | undefined) : undefined;
}

function legacy(context: TurnContext): LegacyTokenProvider | undefined {
  const adapter = context.adapter as unknown as Partial<LegacyTokenProvider>;
  return typeof adapter.getUserToken === 'function' && typeof adapter.exchangeToken === 'function'
    ? (adapter as LegacyTokenProvider)
    : undefined;
}

/**
 * The signed-in manager's Graph token through the Azure Bot OAuth connection (Teams SSO).
 * A token Teams sent with the card action (Universal Actions SSO) is exchanged first; otherwise a cached one is used.
 */
export async function userToken(context: TurnContext, connectionName: string, ssoToken?: string): Promise<TokenResult> {
  const { from, channelId } = context.activity;
  const userId = from?.id ?? '';
  try {
    const c = client(context);
    const l = legacy(context);
    if (ssoToken) {
      const exchanged = c
        ? await c.exchangeToken(userId, connectionName, channelId, { token: ssoToken })
        : await l?.exchangeToken(context, connectionName, userId, { token: ssoToken });
      if (exchanged?.token) return { ok: true, token: exchanged.token };
    }
    const cached = c ? await c.getUserToken(userId, connectionName, channelId, '') : await l?.getUserToken(context, connectionName);
    return cached?.token ? { ok: true, token: cached.token } : { ok: false, error: 'signIn' };
  } catch {
    // A failed exchange (consent missing, expired token) means the manager must sign in.
    return { ok: false, error: 'signIn' };
  }
}

/** Redeems the code a sign-in card's `signin/verifyState` carries; a bogus or expired code gives `signIn`. */
export async function redeemMagicCode(context: TurnContext, connectionName: string, magicCode: string): Promise<TokenResult> {
  const { from, channelId } = context.activity;
  try {
    const c = client(context);
    const token = c
      ? await c.getUserToken(from?.id ?? '', connectionName, channelId, magicCode)
      : await legacy(context)?.getUserToken(context, connectionName, magicCode);
    return token?.token ? { ok: true, token: token.token } : { ok: false, error: 'signIn' };
  } catch {
    return { ok: false, error: 'signIn' };
  }
}

/** Sign-in link and token-exchange resource for a Universal Actions login request, when the adapter can give them. */
export async function signInResource(
  context: TurnContext,
  connectionName: string,
): Promise<{ signInLink?: string; tokenExchangeResource?: unknown }> {
  try {
    return (await client(context)?.getSignInResource(connectionName, context.activity, '')) ?? {};
  } catch {
    return {};
  }
}
