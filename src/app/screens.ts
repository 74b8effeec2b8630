import type { Case, IncidentCase, PlannedAction, WarningCase } from '../domain/case';
import type { Draft } from '../domain/drafts';
import type { Locale } from '../domain/i18n';
import type { IntakeErrors, IntakeValues } from '../domain/intake';
import type { GuardrailIssue } from '../domain/support-message';
import type { WarningErrors, WarningValues } from '../domain/warning';
import type { Department } from './directory';
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
  | {
      readonly kind: 'message';
      readonly notice: Notice;
      /** An action that repeats what failed, with everything the manager entered. */
      readonly retry?: { readonly verb: VerbName; readonly data: Readonly<Record<string, unknown>> };
    };

export interface View {
  readonly screen: Screen;
  readonly locale: Locale;
  /** Graph needs the manager to sign in first (the bot may answer with a login request instead of the card). */
  readonly signIn?: true;
}
