import type { Case, IncidentCase, PlannedAction, WarningCase } from '../domain/case';
import type { Draft } from '../domain/drafts';
import type { CheckInAnswer, CheckInKind } from '../domain/follow-up';
import type { Locale } from '../domain/i18n';
import type { IntakeErrors, IntakeValues } from '../domain/intake';
import type { GuardrailIssue } from '../domain/support-message';
import type { WarningErrors, WarningValues } from '../domain/warning';
import type { Department } from './directory';
import type { PackNoticeCode, PackOffer } from './pack-offer';
import type { StatisticsModel } from './statistics-view';
import type { TeamInfo } from './team-directory';
import type { VerbName } from './verbs';

/** A short message at the top of a card. Cards turn the code into words in the manager's language. */
export type NoticeCode =
  | 'stale'
  | 'notAllowedNow'
  | 'unknownCase'
  | 'forbidden'
  | 'notManager'
  | 'invalidInput'
  | 'storageUnavailable'
  | 'badRequest'
  | 'saved'
  | 'actionDone'
  | 'actionReopened'
  | 'actionNotRelevant'
  | 'reasonRequired'
  | 'closed'
  | 'escalated'
  | 'languageChanged'
  | 'signIn'
  | 'signInFailed'
  | 'postBlocked'
  | 'meetingBooked'
  | 'meetingMoved'
  | 'posted'
  | 'badSlot'
  | 'deleted'
  | 'ownerOnly'
  | 'setupSaved'
  | 'setupInvalid'
  | 'setupForbidden'
  | 'evidenceNoCase'
  | 'evidenceClosed'
  | 'evidenceDuplicate'
  | 'evidenceAlreadyReceived'
  | 'evidenceExpired'
  | 'evidenceDescribed'
  | 'evidenceWithdrawn'
  | PackNoticeCode
  | 'followUpStarted'
  | 'followUpWithdrawn'
  | 'consentRequired'
  | 'checkInThanks'
  | 'followUpStopped'
  | 'followUpInactive'
  | 'noStatistics'
  | 'statisticsForbidden';

export interface Notice {
  readonly code: NoticeCode;
  readonly tone: 'good' | 'attention' | 'warning' | 'accent';
}

export interface CaseSummary {
  readonly id: string;
  readonly kind: Case['kind'];
  readonly status: Case['status'];
  readonly rev: number;
  readonly createdAt: string;
  readonly employees: readonly string[];
  readonly next?: PlannedAction;
  readonly openCount: number;
}

/** What the manager should see next; the cards module draws it. */
export type Screen =
  | { readonly kind: 'welcome' }
  | {
      readonly kind: 'start';
      readonly startId: string;
      readonly departments: readonly Department[];
      readonly notice?: Notice;
    }
  | { readonly kind: 'myCases'; readonly items: readonly CaseSummary[]; readonly notice?: Notice }
  | {
      readonly kind: 'intake';
      readonly case: IncidentCase;
      readonly department: Department;
      readonly values?: IntakeValues;
      readonly errors?: IntakeErrors;
      readonly notice?: Notice;
    }
  | { readonly kind: 'assessment'; readonly case: IncidentCase; readonly department: Department; readonly notice?: Notice }
  | {
      readonly kind: 'plan';
      readonly case: IncidentCase;
      readonly department: Department;
      /** One action opened with its details, draft and the "done" form. */
      readonly expanded?: { readonly actionId: string; readonly draft?: Draft };
      /** The evidence list opened (the actions shrink to their titles meanwhile, as when one action is open). */
      readonly evidence?: true;
      /** Why the support message may not be posted yet, and whether to show its preview. */
      readonly post?: { readonly issues: readonly GuardrailIssue[]; readonly preview: boolean };
      readonly notice?: Notice;
    }
  | {
      readonly kind: 'warning';
      readonly case: WarningCase;
      readonly department: Department;
      readonly values?: WarningValues;
      readonly errors?: WarningErrors;
      readonly draft?: Draft;
      readonly notice?: Notice;
    }
  | { readonly kind: 'statistics'; readonly model: StatisticsModel }
  | { readonly kind: 'setup'; readonly team: TeamInfo; readonly current?: Department; readonly notice?: Notice }
  | { readonly kind: 'retention'; readonly caseId: string; readonly deleteOn: string }
  | { readonly kind: 'reminder'; readonly caseId: string; readonly today: string; readonly due: readonly PlannedAction[] }
  | {
      readonly kind: 'export';
      readonly case: Case;
      readonly department: Department;
      /** Display names for the ids in the audit trail, from the department. */
      readonly names: Readonly<Record<string, string>>;
      readonly deleteOn?: string;
    }
  /** Files sent to the bot while the manager has more than one open case: which case are they for? */
  | { readonly kind: 'evidenceCase'; readonly inboxId: string; readonly files: number; readonly cases: readonly CaseSummary[] }
  /** What became of each file sent, and the form for the link it documents, a note and when it was taken. */
  | {
      readonly kind: 'evidenceReceived';
      readonly case: IncidentCase;
      readonly outcomes: readonly EvidenceOutcome[];
      readonly limits: { readonly maxFileBytes: number; readonly maxCaseBytes: number };
      readonly notice?: Notice;
    }
  /** More files in one message than allowed: nothing was stored. */
  | { readonly kind: 'evidenceTooMany'; readonly sent: number; readonly limit: number }
  | {
      readonly kind: 'message';
      readonly notice: Notice;
      /** An action that repeats what failed, with everything the manager entered. */
      readonly retry?: { readonly verb: VerbName; readonly data: Readonly<Record<string, unknown>> };
    }
  | EmployeeScreen;

/**
 * What the employee may see of one follow-up: who to talk to and, in plain words, what management is doing.
 * Built from the case by the application; the card never gets the case itself.
 */
export interface EmployeeFollowUp {
  readonly caseId: string;
  readonly manager?: string;
  readonly tr?: string;
  readonly amr?: string;
  /** The department's crisis psychologist (or other psychological help) from its contacts. */
  readonly help: readonly { readonly label: string; readonly value: string }[];
  /** The support meeting, once booked. */
  readonly meeting?: { readonly start: string; readonly end: string };
  /** Management's message to colleagues has been posted. */
  readonly posted: boolean;
  readonly nextCheckIn?: string;
}

/** The employee's side of the follow-up (issue 15): never a case card. */
export type EmployeeScreen =
  | { readonly kind: 'employee'; readonly items: readonly EmployeeFollowUp[]; readonly notice?: Notice }
  | {
      readonly kind: 'checkIn';
      readonly caseId: string;
      readonly checkIn: CheckInKind;
      /** What the employee typed, when the answer was missing. */
      readonly comment?: string;
      readonly notice?: Notice;
    }
  /** To the case's managers: an employee answered; who and their comment are on the case card. */
  | { readonly kind: 'checkInAnswered'; readonly caseId: string; readonly answer: CheckInAnswer };

/** One file of a message: stored (or already on the case), or why not. `name` is the cleaned name. */
export interface EvidenceOutcome {
  readonly name: string;
  readonly result: 'stored' | 'duplicate' | 'fileTooLarge' | 'caseFull' | 'empty' | 'interrupted' | 'notAllowed' | 'failed' | 'closed';
  /** The item holding the bytes (new, or the one already on the case). */
  readonly evidenceId?: string;
}

export interface View {
  readonly screen: Screen;
  readonly locale: Locale;
  /** Graph needs the manager to sign in first (the bot may answer with a login request instead of the card). */
  readonly signIn?: true;
  /** The case pack's files, offered in the 1:1 chat with a Teams file consent card each ("Lav sagsmappe"). */
  readonly offer?: PackOffer;
}
