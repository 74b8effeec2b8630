import {
  type Activity,
  ActivityTypes,
  type AdaptiveCardInvokeResponse,
  CardFactory,
  type FileConsentCardResponse,
  type InvokeResponse,
  MessageFactory,
  TeamsActivityHandler,
  TurnContext,
} from 'botbuilder';
import { type AdaptiveCard, notificationText, renderCard } from '../../cards/render';
import type { CasePackService } from '../app/case-pack-service';
import type { Actor, CaseService } from '../app/case-service';
import type { View } from '../app/screens';
import type { TeamSetup } from '../app/team-setup';
import { danishDate } from '../domain/dates';
import { toLocale } from '../domain/i18n';
import type { Policy } from '../domain/policy';
import { errorSummary, type Logger } from '../log';
import { filesOf, inboxIdOf, tokenFor } from './attachments';
import type { BotCardTarget } from './card-updater';
import { typed } from './chat-commands';
import { type ConsentDeps, consentAccepted, consentDeclined, offerPack } from './file-consent';
import { answerSignIn } from './sign-in-invokes';
import { actorOf, isPersonal, SETUP, teamId, teamInfo } from './turn';
import { signInResource } from './user-token';

export interface BotDeps {
  readonly service: CaseService;
  /** The department setup card in teams; absent, the bot says nothing when added to a team. */
  readonly setup?: TeamSetup;
  readonly policy: Policy;
  readonly clock: { now(): Date };
  readonly log: Logger;
  /** Whether meetings and the support message go through Graph (cards show their controls). */
  readonly graph: boolean;
  /** The OAuth connection for Teams SSO; absent when Graph uses the simulator's dev token. */
  readonly sso?: { readonly connectionName: string };
  /** Whether inline images are fetched with the bot's own token (production; in local mode there is none). */
  readonly attachmentAuth?: boolean;
  /** Builds and uploads the case pack when the manager accepts a file consent card. */
  readonly packs?: CasePackService;
  /** How the file card follows when the upload outlasts the invoke (`budgetMs`, default 8 s). */
  readonly packDelivery?: Pick<ConsentDeps, 'later' | 'budgetMs'>;
  /** The bot's app id, for the deep link to its chat that the manager sends an employee; absent in local mode. */
  readonly botId?: string;
}

const CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * The Teams adapter: turns activities into CaseService calls and views into cards.
 * Card actions arrive as `adaptiveCard/action` invokes, are dispatched by verb to their handler (src/app/actions/)
 * and are answered with the updated card.
 */
export class OpbakningBot extends TeamsActivityHandler {
  constructor(private readonly deps: BotDeps) {
    super();

    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient?.id;
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botAdded && isPersonal(context)) {
        const actor = actorOf(context);
        await this.remember(context, actor);
        // An employee the manager sent here sees their follow-up, not the managers' welcome.
        await this.send(context, (await this.deps.service.employee(actor)) ?? (await this.deps.service.welcome(actor)));
      } else if (botAdded && this.deps.setup && teamId(context)) {
        const team = await teamInfo(context);
        await this.send(context, await this.deps.setup.installed(actorOf(context), team));
      }
      await next();
    });

    this.onMessage(async (context, next) => {
      if (!isPersonal(context)) {
        const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
        if (this.deps.setup && teamId(context) && SETUP.test(text)) {
          await this.send(context, await this.deps.setup.show(actorOf(context), await teamInfo(context)));
          return next();
        }
        // Case details never go to a group chat or channel.
        await context.sendActivity(MessageFactory.text('Opbakning virker i en 1:1-chat med mig. / Opbakning works in a 1:1 chat with me.'));
        return next();
      }
      const actor = actorOf(context);
      await this.remember(context, actor);
      if (await this.evidence(context, actor)) return next();
      const view = await typed(this.deps.service, actor, context.activity.text ?? '');
      this.deps.log.info({ activityId: context.activity.id, event: 'message', screen: view.screen.kind }, 'message handled');
      await this.send(context, view);
      await next();
    });
  }

  /**
   * Card actions are handled here so that no payload, however malformed, gets a 4xx/5xx instead of a card; the
   * sign-in invokes get a definite answer (`sign-in-invokes.ts`); anything else botbuilder does not implement is
   * 501, which tells Teams not to retry.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action') return { status: 200, body: await this.cardAction(context) };
    const signIn = await answerSignIn(context, this.deps.sso, this.deps.log);
    if (!signIn) return super.onInvokeActivity(context);
    if (signIn.tellManager && isPersonal(context)) await this.send(context, await this.signInFailed(actorOf(context)));
    return signIn.response;
  }

  /** Files and pasted screenshots in the 1:1 chat become evidence on a case; false when the message holds none. */
  private async evidence(context: TurnContext, actor: Actor): Promise<boolean> {
    const files = filesOf(context.activity.attachments);
    if (!files.length) return false;
    const token = this.deps.attachmentAuth ? tokenFor(context) : undefined;
    const view = await this.deps.service.evidenceReceived(actor, inboxIdOf(context), files, token);
    if (!view) return false;
    // Counts only: never a file name, a URL or who sent it.
    this.deps.log.info({ activityId: context.activity.id, event: 'files', files: files.length, screen: view.screen.kind }, 'files handled');
    await this.send(context, view);
    return true;
  }

  protected override async handleTeamsFileConsentAccept(context: TurnContext, response: FileConsentCardResponse): Promise<void> {
    await consentAccepted(context, response, actorOf(context), isPersonal(context), this.consent());
  }

  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    await consentDeclined(context, actorOf(context), this.consent());
  }

  private consent(): ConsentDeps {
    return {
      log: this.deps.log,
      locale: (actor) => this.deps.service.locale(actor),
      budgetMs: 8000,
      ...this.deps.packDelivery,
      ...(this.deps.packs ? { packs: this.deps.packs } : {}),
    };
  }

  /** The manager's open cases, headed by why Graph is out of reach and how to do the meeting and message by hand. */
  private async signInFailed(actor: Actor): Promise<View> {
    const n = { code: 'signInFailed', tone: 'warning' } as const;
    return this.deps.service.myCases(actor, n).catch(() => ({ locale: toLocale(actor.locale), screen: { kind: 'message', notice: n } }));
  }

  private async cardAction(context: TurnContext): Promise<AdaptiveCardInvokeResponse> {
    const value = context.activity.value as
      | { action?: { type?: unknown; verb?: unknown; data?: unknown }; authentication?: { token?: unknown } }
      | undefined;
    // Universal Actions SSO: after a login request Teams repeats the action with the user's SSO token.
    const ssoToken = typeof value?.authentication?.token === 'string' ? value.authentication.token : undefined;
    const actor = actorOf(context, this.deps.sso, ssoToken);
    const action = value?.action;
    const verb = typeof action?.verb === 'string' ? action.verb : '';
    const data =
      typeof action?.data === 'object' && action.data !== null && !Array.isArray(action.data)
        ? (action.data as Record<string, unknown>)
        : {};
    const caseId = typeof data.caseId === 'string' && data.caseId.length <= 40 ? data.caseId : undefined;
    const log = this.deps.log.child({ activityId: context.activity.id, verb: verb.slice(0, 40), ...(caseId ? { caseId } : {}) });
    const started = Date.now();
    const activity = context.activity;
    const target: BotCardTarget | undefined = activity.replyToId
      ? {
          kind: 'card-target',
          reference: TurnContext.getConversationReference(activity),
          activityId: activity.replyToId,
        }
      : undefined;
    try {
      if (isPersonal(context)) await this.remember(context, actor);
      const team = teamId(context) ? { team: () => teamInfo(context) } : {};
      const files = this.deps.attachmentAuth ? { attachmentToken: tokenFor(context) } : {};
      const view = await this.deps.service.handle(actor, verb, data, { ...(target ? { target } : {}), ...team, ...files });
      log.info({ screen: view.screen.kind, notice: noticeOf(view), ms: Date.now() - started }, 'card action');
      if (view.signIn && this.deps.sso) return this.loginRequest(context, this.deps.sso.connectionName, view);
      if (view.offer) await offerPack(context, view, isPersonal(context));
      return { statusCode: 200, type: CARD, value: this.render(view) };
    } catch (e) {
      log.error({ err: errorSummary(e), ms: Date.now() - started }, 'card action failed');
      const view: View = { locale: 'da', screen: { kind: 'message', notice: { code: 'storageUnavailable', tone: 'attention' } } };
      return { statusCode: 200, type: CARD, value: this.render(view) };
    }
  }

  /** The 1:1 chat's address (ids and service URL only), for retention warnings later. */
  private async remember(context: TurnContext, actor: Actor): Promise<void> {
    if (!actor.id) return;
    const { activityId: _, ...reference } = TurnContext.getConversationReference(context.activity);
    await this.deps.service.rememberReference(actor, reference as Record<string, unknown>).catch(() => undefined);
  }

  /** Asks Teams to sign the manager in silently (SSO) and repeat the action with a token. */
  private async loginRequest(context: TurnContext, connectionName: string, view: View): Promise<AdaptiveCardInvokeResponse> {
    const resource = await signInResource(context, connectionName);
    const text =
      view.locale === 'da'
        ? 'Log ind for at give Opbakning adgang til din kalender og Teams'
        : 'Sign in to let Opbakning use your calendar and Teams';
    return {
      statusCode: 401,
      type: 'application/vnd.microsoft.activity.loginRequest',
      value: {
        text,
        connectionName,
        ...(resource.tokenExchangeResource ? { tokenExchangeResource: resource.tokenExchangeResource } : {}),
        ...(resource.signInLink ? { buttons: [{ title: text, text, type: 'signin', value: resource.signInLink }] } : {}),
      },
    } as unknown as AdaptiveCardInvokeResponse;
  }

  /** Draws a view as a card; also used for proactive updates after slow Graph work. */
  render(view: View): AdaptiveCard {
    const now = this.deps.clock.now();
    return renderCard(view.screen, {
      locale: view.locale,
      policy: this.deps.policy,
      today: danishDate(now),
      now,
      graph: this.deps.graph,
      peoplePicker: Boolean(this.deps.sso),
      ...(this.deps.botId ? { botId: this.deps.botId } : {}),
    });
  }

  /** A card sent on its own (reminders, retention warnings), with the line Teams shows in the notification. */
  notification(view: View): { card: AdaptiveCard; summary?: string } {
    const summary = notificationText(view.screen, view.locale);
    return { card: this.render(view), ...(summary ? { summary } : {}) };
  }

  private async send(context: TurnContext, view: View): Promise<void> {
    const activity: Partial<Activity> = { type: ActivityTypes.Message, attachments: [CardFactory.adaptiveCard(this.render(view))] };
    await context.sendActivity(activity);
  }
}

function noticeOf(view: View): string | undefined {
  return 'notice' in view.screen ? view.screen.notice?.code : undefined;
}
