/**
 * Every Action.Execute verb the cards use. Each is handled in one file under src/app/actions/
 * (the registry is src/app/actions/registry.ts).
 */
export const Verb = {
  start: 'opb.start',
  newIncident: 'opb.incident.new',
  newWarning: 'opb.warning.new',
  myCases: 'opb.cases',
  language: 'opb.language',
  open: 'opb.case.open',
  intakeSubmit: 'opb.intake.submit',
  assessmentEdit: 'opb.assessment.edit',
  assessmentConfirm: 'opb.assessment.confirm',
  showDraft: 'opb.draft.show',
  details: 'opb.action.details',
  actionDone: 'opb.action.done',
  actionReopen: 'opb.action.reopen',
  actionNotRelevant: 'opb.action.notrelevant',
  close: 'opb.case.close',
  exportCase: 'opb.case.export',
  deleteCase: 'opb.case.delete',
  meetingSearch: 'opb.meeting.search',
  meetingBook: 'opb.meeting.book',
  meetingCancel: 'opb.meeting.cancel',
  meetingMove: 'opb.meeting.move',
  postPreview: 'opb.post.preview',
  postSend: 'opb.post.send',
  postConfirm: 'opb.post.confirm',
  setupShow: 'opb.setup.show',
  setupSave: 'opb.setup.save',
  warningSubmit: 'opb.warning.submit',
  warningEscalate: 'opb.warning.escalate',
  evidenceCase: 'opb.evidence.case',
  evidenceDescribe: 'opb.evidence.describe',
  evidenceWithdraw: 'opb.evidence.withdraw',
  evidenceShow: 'opb.evidence.show',
  evidenceCapture: 'opb.evidence.capture',
  packMake: 'opb.case.pack',
  followUpShow: 'opb.followup.show',
  followUpStart: 'opb.followup.start',
  followUpWithdraw: 'opb.followup.withdraw',
  followUpStop: 'opb.followup.stop',
  checkInAnswer: 'opb.checkin.answer',
  statistics: 'opb.statistics',
} as const;

export type VerbName = (typeof Verb)[keyof typeof Verb];

export const ALL_VERBS: ReadonlySet<string> = new Set(Object.values(Verb));

/** A case, as a button names it. `rev` is the revision the card shows: a click on an older card changes nothing. */
export interface CaseRef {
  readonly caseId: string;
  readonly rev: number;
}
export interface CaseOnly {
  readonly caseId: string;
}
export interface ActionRef extends CaseRef {
  readonly actionId: string;
}
type Empty = Readonly<Record<never, never>>;

/** A compile error when a verb has no payload definition. */
type Complete<T extends Record<VerbName, object>> = T;

/**
 * What each verb's button carries in `data`: the cards build it (cards/elements.ts `execute`) and the handler reads it.
 * The values of the card's inputs (form fields) arrive beside it.
 */
export type VerbPayloads = Complete<{
  [Verb.start]: Empty;
  [Verb.newIncident]: { readonly startId: string; readonly departmentId?: string };
  [Verb.newWarning]: { readonly startId: string; readonly departmentId?: string };
  [Verb.myCases]: Empty;
  [Verb.language]: { readonly locale: 'da' | 'en' };
  [Verb.open]: CaseOnly | CaseRef;
  [Verb.intakeSubmit]: CaseRef;
  [Verb.assessmentEdit]: CaseRef;
  [Verb.assessmentConfirm]: CaseRef;
  [Verb.showDraft]: CaseRef;
  [Verb.details]: ActionRef;
  [Verb.actionDone]: ActionRef;
  [Verb.actionReopen]: ActionRef;
  [Verb.actionNotRelevant]: ActionRef;
  [Verb.close]: CaseRef;
  [Verb.exportCase]: CaseOnly;
  [Verb.deleteCase]: CaseRef;
  [Verb.meetingSearch]: CaseRef;
  /** `slot`: "start|end" of a time Graph offered, or "manual" for the date and time inputs. */
  [Verb.meetingBook]: CaseRef & { readonly slot?: string };
  [Verb.meetingCancel]: CaseRef;
  [Verb.meetingMove]: CaseRef;
  [Verb.postPreview]: CaseRef;
  [Verb.postSend]: CaseRef;
  [Verb.postConfirm]: CaseRef;
  [Verb.setupShow]: { readonly teamId?: string };
  [Verb.setupSave]: { readonly teamId: string };
  [Verb.warningSubmit]: CaseRef;
  [Verb.warningEscalate]: CaseRef;
  /** The case chosen for files waiting in the inbox (`inboxId`, from the bot's message). */
  [Verb.evidenceCase]: CaseOnly & { readonly inboxId: string };
  /** `ids`: the items just received, comma-separated; the link, note and time arrive as the form's inputs. */
  [Verb.evidenceDescribe]: CaseOnly & { readonly ids: string };
  /** The item and the reason arrive as the form's inputs (`evidenceId`, `withdrawReason`). */
  [Verb.evidenceWithdraw]: CaseRef;
  /** "Vis dokumentation": the case card with the evidence list open. Changes nothing. */
  [Verb.evidenceShow]: CaseOnly;
  /** `link`: the index of the link in the case's intake. */
  [Verb.evidenceCapture]: CaseRef & { readonly link: number };
  [Verb.packMake]: CaseOnly;
  [Verb.followUpShow]: CaseOnly;
  /**
   * The manager, on the plan: the consent toggle `followUpConsent` arrives beside it, and `followUpEmployee` (a choice)
   * instead of `employeeId` when the case names several employees.
   */
  [Verb.followUpStart]: CaseRef & { readonly employeeId?: string };
  [Verb.followUpWithdraw]: CaseRef & { readonly employeeId: string };
  /** The employee, in their own chat: no revision, they never see the case. Without `caseId`, every follow-up. */
  [Verb.followUpStop]: { readonly caseId?: string };
  /** The answer (`answer`) and the comment (`comment`) arrive as inputs beside it. */
  [Verb.checkInAnswer]: CaseOnly & { readonly checkIn: 'week' | 'months3' };
  /** "all" or a department id, from the card's picker (an input) or absent; who may see what is checked by the handler. */
  [Verb.statistics]: { readonly departmentId?: string };
}>;

export type Payload<V extends VerbName> = VerbPayloads[V];
