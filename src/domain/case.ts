import type { IsoDate } from './dates';
import type { EvidenceItem } from './evidence';
import type { FollowUp } from './follow-up';
import type { Locale } from './i18n';
import type { MeetingState } from './meeting';
import type { PostState } from './support-message';

/** A person as the case knows them: the directory id and the display name at the time. */
export interface PersonRef {
  readonly id: string;
  readonly name: string;
  /** Only for people found with the Teams people picker, who are not in the department's member list. */
  readonly upn?: string;
}

/** What the manager entered on the intake card, after validation. */
export interface Intake {
  readonly employees: readonly PersonRef[];
  readonly urls: readonly string[];
  readonly platform: string;
  readonly discoveredOn: IsoDate;
  readonly description: string;
  /** The poster's name or profile, if known: for the police report, and kept out of the support message. */
  readonly posterName?: string;
  /** The municipality's own case number (ESDH), if one exists yet: the reference on outgoing letters. */
  readonly esdhRef?: string;
  readonly employeeContacted: boolean;
  readonly evidenceSaved: boolean;
  /** Ids of the characteristics answered "yes". */
  readonly characteristics: readonly string[];
}

export type ActionStatus = 'open' | 'done';

/** One line of the assessment or the plan. */
export interface PlannedAction {
  readonly actionId: string;
  readonly due: IsoDate;
  /** Rule ids that recommended it; empty when the manager added it. */
  readonly reasons: readonly string[];
  readonly source: 'policy' | 'manager';
  readonly status: ActionStatus;
  readonly doneAt?: string;
  readonly doneBy?: string;
  /** The manager judged it not relevant for this case (done, with `reference` as the reason). */
  readonly notRelevant?: true;
  /** Ticked off by Opbakning because Graph booked the meeting or posted the message. */
  readonly byGraph?: true;
  readonly reference?: string;
}

export interface AuditEntry {
  readonly at: string;
  /** Directory id of who acted; never a name. */
  readonly by: string;
  readonly what: string;
  readonly rev: number;
  readonly actionId?: string;
}

/** Early warning: an udhængning may be brewing (DS advice: journal it, always inform management). */
export interface Warning {
  readonly employees: readonly PersonRef[];
  readonly description: string;
  readonly notedOn: IsoDate;
  /** Ids of the policy's warning suggestions the manager has taken. */
  readonly taken: readonly string[];
}

export type IncidentStatus = 'intake' | 'assessment' | 'plan' | 'closed';
export type WarningStatus = 'warning' | 'recorded' | 'escalated' | 'closed';

interface CaseBase {
  readonly id: string;
  readonly rev: number;
  readonly ownerId: string;
  /** Other managers who may see and act on the case. */
  readonly managerIds: readonly string[];
  readonly departmentId: string;
  readonly locale: Locale;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly audit: readonly AuditEntry[];
  /** When the owner was told that the closed case will be deleted. */
  readonly retentionWarnedAt?: string;
  /** The last day (Copenhagen) the owner was reminded of due actions. */
  readonly remindedOn?: IsoDate;
}

export interface IncidentCase extends CaseBase {
  readonly kind: 'incident';
  readonly status: IncidentStatus;
  readonly intake?: Intake;
  /** Proposed on the assessment card; replaced by `plan` when confirmed. */
  readonly proposal?: readonly PlannedAction[];
  readonly plan?: readonly PlannedAction[];
  readonly meeting?: MeetingState;
  readonly post?: PostState;
  readonly escalatedFrom?: string;
  /** Screenshots, files and saved pages, append-only (withdrawn items stay, marked); absent on cases from before evidence. */
  readonly evidence?: readonly EvidenceItem[];
  /** Carried over from an early warning so the manager does not type it again. */
  readonly prefill?: { readonly employees: readonly PersonRef[]; readonly description: string };
  readonly closedAt?: string;
  /** Opbakning's follow-up with employees who said yes to it (domain/follow-up.ts). */
  readonly followUps?: readonly FollowUp[];
}

export interface WarningCase extends CaseBase {
  readonly kind: 'warning';
  readonly status: WarningStatus;
  readonly warning?: Warning;
  readonly escalatedTo?: string;
  readonly closedAt?: string;
}

export type Case = IncidentCase | WarningCase;

export function isOpen(c: Case): boolean {
  return c.status !== 'closed' && c.status !== 'escalated';
}

export function canSee(c: Case, userId: string): boolean {
  return c.ownerId === userId || c.managerIds.includes(userId);
}
