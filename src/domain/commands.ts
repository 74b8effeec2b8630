import type { Intake, Warning } from './case';
import type { EvidenceAbout, EvidenceItem } from './evidence';
import type { CheckInAnswer, CheckInKind } from './follow-up';
import type { GraphFailure, Slot } from './meeting';

/** Steps of the incident itself: intake, assessment, the plan's actions, closing. */
export type IncidentCommand =
  | { readonly type: 'intake.submit'; readonly rev: number; readonly intake: Intake }
  | { readonly type: 'assessment.edit'; readonly rev: number }
  | { readonly type: 'assessment.confirm'; readonly rev: number; readonly keep: readonly string[]; readonly add: readonly string[] }
  | { readonly type: 'action.done'; readonly rev: number; readonly actionId: string; readonly reference?: string }
  /** Settles an action as not relevant for this case; `reference` holds the manager's reason. */
  | { readonly type: 'action.notRelevant'; readonly rev: number; readonly actionId: string; readonly reference?: string }
  | { readonly type: 'action.reopen'; readonly rev: number; readonly actionId: string };

/**
 * Evidence on an incident. `evidence.add` carries no revision: the bytes are already stored when it is applied, and a
 * file sent while the manager's card was open must still be recorded. `evidence.withdraw` is a manager's click.
 */
export type EvidenceCommand =
  | { readonly type: 'evidence.add'; readonly item: EvidenceItem }
  | { readonly type: 'evidence.withdraw'; readonly rev: number; readonly evidenceId: string; readonly reason: string }
  /**
   * The manager's word about items just received: the link they document, a note, when they were taken. No revision: it
   * names its items, and evidence arriving meanwhile must not make it stale. Recorded in the audit trail.
   */
  | { readonly type: 'evidence.describe'; readonly evidenceIds: readonly string[]; readonly about: EvidenceAbout };

/** Closing applies to both kinds of case. */
export type CloseCommand = { readonly type: 'case.close'; readonly rev: number };

export type WarningCommand =
  | { readonly type: 'warning.submit'; readonly rev: number; readonly warning: Warning }
  | { readonly type: 'warning.escalate'; readonly rev: number; readonly incidentId: string };

export type MeetingRequest =
  | { readonly type: 'meeting.search'; readonly rev: number }
  | { readonly type: 'meeting.book'; readonly rev: number; readonly slot: Slot }
  | { readonly type: 'meeting.cancel'; readonly rev: number }
  | { readonly type: 'meeting.move'; readonly rev: number; readonly slot: Slot };

export type PostRequest =
  | { readonly type: 'post.save'; readonly rev: number; readonly text: string; readonly consent: boolean }
  | { readonly type: 'post.send'; readonly rev: number; readonly text: string; readonly consent: boolean }
  | { readonly type: 'post.confirm'; readonly rev: number };

/**
 * What Graph answered, applied by the application after the call. These carry no revision:
 * they apply whenever the case still waits for that very call (same transaction id / status).
 */
export type MeetingResult =
  | { readonly type: 'meeting.found'; readonly transactionId: string; readonly suggestions: readonly Slot[]; readonly emptyReason?: string }
  | { readonly type: 'meeting.searchFailed'; readonly transactionId: string; readonly error: GraphFailure }
  | {
      readonly type: 'meeting.created';
      readonly transactionId: string;
      readonly eventId: string;
      readonly joinUrl?: string;
      readonly webLink?: string;
      readonly slot: Slot;
    }
  | { readonly type: 'meeting.createFailed'; readonly transactionId: string; readonly error: GraphFailure; readonly unknown: boolean }
  | { readonly type: 'meeting.cancelled'; readonly eventId: string }
  | { readonly type: 'meeting.moved'; readonly eventId: string; readonly slot: Slot }
  | { readonly type: 'meeting.changeFailed'; readonly eventId: string; readonly error: GraphFailure };

export type PostResult =
  | { readonly type: 'post.posted'; readonly html: string; readonly messageId?: string; readonly webUrl?: string }
  | { readonly type: 'post.failed'; readonly html: string; readonly error: GraphFailure; readonly unknown: boolean };

export type MeetingCommand = MeetingRequest | MeetingResult;
export type PostCommand = PostRequest | PostResult;
export type ResultCommand = MeetingResult | PostResult | Extract<EvidenceCommand, { type: 'evidence.add' | 'evidence.describe' }>;

/** The manager records the employee's consent to Opbakning's follow-up, or withdraws it. */
export type FollowUpRequest =
  | { readonly type: 'followUp.start'; readonly rev: number; readonly employeeId: string; readonly consent: boolean }
  | { readonly type: 'followUp.withdraw'; readonly rev: number; readonly employeeId: string };

/**
 * The employee's own: they never see the case, so there is no revision to name. Each applies only while the follow-up
 * with the acting employee (ctx.actor) is active, and an answer only to a check-in sent and not yet answered.
 */
export type EmployeeCommand =
  | { readonly type: 'followUp.stop' }
  | { readonly type: 'followUp.answer'; readonly checkIn: CheckInKind; readonly answer: CheckInAnswer; readonly comment?: string };

export type FollowUpCommand = FollowUpRequest | EmployeeCommand;

/**
 * What a manager asked for, already validated, what Graph answered, or what the employee answered. Every manager's
 * command names its revision.
 */
export type Command = IncidentCommand | CloseCommand | WarningCommand | MeetingCommand | PostCommand | EvidenceCommand | FollowUpCommand;

/** Graph's answers and received evidence are the commands without a revision (besides the employee's own). */
export function isResult(cmd: Command): cmd is ResultCommand {
  return !('rev' in cmd) && !cmd.type.startsWith('followUp.');
}

/** A manager's command, made against the revision it names. */
export function hasRevision(cmd: Command): cmd is Extract<Command, { readonly rev: number }> {
  return 'rev' in cmd;
}

/** Work outside the case record that the application must carry out after saving. */
export type Effect =
  | { readonly kind: 'createEscalatedIncident'; readonly incidentId: string; readonly fromWarning: string }
  | { readonly kind: 'findMeetingTimes'; readonly transactionId: string }
  | { readonly kind: 'createEvent'; readonly transactionId: string; readonly slot: Slot }
  | { readonly kind: 'cancelEvent'; readonly eventId: string }
  | { readonly kind: 'moveEvent'; readonly eventId: string; readonly slot: Slot }
  | { readonly kind: 'postMessage'; readonly html: string }
  /** Lets the employee be recognised in their own chat (an index entry under their id); written before the save. */
  | { readonly kind: 'indexFollowUp'; readonly employeeId: string };
