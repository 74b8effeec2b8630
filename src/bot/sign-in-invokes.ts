import type { InvokeResponse, TurnContext } from 'botbuilder';
import type { Logger } from '../log';
import { redeemMagicCode } from './user-token';

/** What the bot answers Teams, and whether the manager should be shown the "do it by hand" card. */
export interface SignInAnswer {
  readonly response: InvokeResponse;
  readonly tellManager: boolean;
}

/** A failure code Teams sends is an identifier; anything else is not logged as it stands. */
function safeCode(value: unknown): string {
  return typeof value === 'string' && /^[A-Za-z0-9_.-]{1,60}$/.test(value) ? value : 'unrecognised';
}

function field(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

/**
 * The sign-in invokes Teams sends around SSO and sign-in cards. botbuilder leaves `signin/verifyState` and
 * `signin/failure` unhandled, and answers `signin/tokenExchange` only from its middleware; an unanswered invoke
 * would reach Teams as an error. Each gets a definite answer here: 200 when it worked, a 4xx when it cannot, and
 * in that case the manager is told that the meeting and the message can be done by hand.
 */
export async function answerSignIn(
  context: TurnContext,
  sso: { readonly connectionName: string } | undefined,
  log: Logger,
): Promise<SignInAnswer | undefined> {
  const { name, value, id } = context.activity;
  switch (name) {
    case 'signin/tokenExchange': {
      // With SSO, TeamsSSOTokenExchangeMiddleware has exchanged the token (a failure was answered 412 there and
      // never reaches the bot), so arriving here means it worked.
      if (sso) return { response: { status: 200 }, tellManager: false };
      log.warn({ activityId: id, event: 'signin/tokenExchange', reason: 'sso-off' }, 'sign-in not possible');
      return {
        response: {
          status: 412,
          body: { id: field(value, 'id'), connectionName: field(value, 'connectionName'), failureDetail: 'Single sign-on is not set up.' },
        },
        tellManager: true,
      };
    }
    case 'signin/verifyState': {
      const state = field(value, 'state');
      if (sso && typeof state === 'string' && state.length > 0 && state.length <= 200) {
        const token = await redeemMagicCode(context, sso.connectionName, state);
        if (token.ok) return { response: { status: 200 }, tellManager: false };
      }
      log.warn({ activityId: id, event: 'signin/verifyState', reason: sso ? 'state-not-accepted' : 'sso-off' }, 'sign-in not possible');
      // OAuthPrompt answers an unknown state the same way.
      return { response: { status: 404 }, tellManager: true };
    }
    case 'signin/failure': {
      // Teams' own report that SSO failed (e.g. resourcematchfailed): the code helps IT; the message may quote data.
      log.warn({ activityId: id, event: 'signin/failure', code: safeCode(field(value, 'code')) }, 'Teams reported a failed sign-in');
      return { response: { status: 200 }, tellManager: true };
    }
    default:
      return undefined;
  }
}
