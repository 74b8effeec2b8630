import type { Case } from '../../domain/case';
import type { Locale } from '../../domain/i18n';
import type { Policy } from '../../domain/policy';
import type { CaseRepository } from '../case-repository';
import type { Department, Directory } from '../directory';
import type { AttachmentToken } from '../evidence-intake';
import type { EvidencePort } from '../evidence-port';
import type { GraphPort, TokenResult } from '../graph-port';
import type { GraphWork } from '../graph-work';
import type { JsonStore } from '../json-store';
import type { OwnerNotifier } from '../retention';
import type { Notice, Screen, View } from '../screens';
import type { StatisticsIndex } from '../statistics-index';
import type { ChartPort } from '../statistics-view';
import type { TeamInfo } from '../team-directory';
import type { TeamSetup } from '../team-setup';
import type { CaptureDeps } from './evidence-capture';

/** Who is acting, as the channel told us. */
export interface Actor {
  /** Directory (Entra object) id; the key for ownership and department membership. */
  readonly id: string;
  readonly name: string;
  /** The locale the Teams client reported. */
  readonly locale?: string;
  /** The manager's delegated Graph token for this turn (Teams SSO), when the channel can give one. */
  readonly token?: () => Promise<TokenResult>;
}

export interface Clock {
  now(): Date;
}

/** Where a card is shown, as the bot knows it; opaque here. Used to update the card when slow work ends. */
export type CardTarget = { readonly kind: 'card-target' };

export interface CardUpdater {
  update(target: CardTarget, view: View): Promise<void>;
}

/** Meeting and channel post through Graph; absent, those actions stay manual. */
export interface GraphDeps {
  readonly work: GraphWork;
  readonly token: (actor: Actor) => Promise<TokenResult>;
  readonly updater: CardUpdater;
  /** How long a card action waits for Graph before it answers "working…" and updates the card later. */
  readonly budgetMs: number;
  readonly onBackgroundError: (e: unknown) => void;
  /** Looks up people chosen with the people picker; absent, only department members can be named. */
  readonly users?: GraphPort['users'];
}

export interface ActionDeps {
  readonly cases: CaseRepository;
  readonly directory: Directory;
  readonly policy: Policy;
  readonly clock: Clock;
  /** New random case id (lower-case base32). */
  readonly newId: () => string;
  readonly graph?: GraphDeps;
  /** The department setup card in teams; absent, its verbs are refused. */
  readonly setup?: TeamSetup;
  /** Files sent to the bot; absent, attachments are not taken (and deleting a case has no evidence to remove). */
  readonly evidence?: EvidenceDeps;
  /** "Gem siden nu": the guarded page fetch and where its bytes go; absent, the button answers "not now". */
  readonly capture?: CaptureDeps;
  /** Tells the case's managers of an employee's check-in answer; absent, the answer is on the card only. */
  readonly notifier?: OwnerNotifier;
  /** The running statistics summary; absent, "Statistik" is refused. */
  readonly statistics?: StatisticsIndex;
  /** Draws the statistics chart; absent, the card has the numbers only. */
  readonly charts?: ChartPort;
}

/** Evidence capture: where the bytes go, the limits, and where files wait while the manager chooses a case. */
export interface EvidenceDeps {
  readonly port: EvidencePort;
  readonly limits: { readonly maxFileBytes: number; readonly maxCaseBytes: number; readonly maxFilesPerMessage: number };
  /** Holds the claim on each received message (and its files while a case is chosen). */
  readonly inbox: JsonStore;
  /** A download refused because of its host: logged with the host only, never the URL. */
  readonly refused: (host: string | undefined) => void;
}

/** A card action's data as it arrived: the button's payload and the card's inputs, none of it trusted. */
export type Data = Readonly<Record<string, unknown>>;

/** Everything a card action may need besides its data; the bot fills in what it knows of the turn. */
export interface Turn {
  readonly actor: Actor;
  /** The card to update in place when Graph answers after the budget. */
  readonly target?: CardTarget;
  /** The team the action came from, read from Teams only when asked (setup). */
  readonly team?: () => Promise<TeamInfo>;
  /** The bot's own token for an inline image's `contentUrl` (production only); sent to allow-listed hosts only. */
  readonly attachmentToken?: AttachmentToken;
}

/** A loaded case the actor may see, in the loop's current attempt. */
export interface CaseTurn extends Turn {
  readonly locale: Locale;
  readonly case: Case;
  readonly department: Department;
  /** The revision the card was made against. */
  readonly rev: number;
  /** The manager's Graph token, present when the handler declared `graph: true`. */
  readonly token?: string;
}

export const notice = (code: Notice['code'], tone: Notice['tone'] = 'accent'): Notice => ({ code, tone });
export const message = (code: Notice['code'], tone: Notice['tone'] = 'warning'): Screen => ({
  kind: 'message',
  notice: notice(code, tone),
});
