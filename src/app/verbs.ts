/**
 * Every Action.Execute verb the cards use. Case verbs carry { caseId, rev } in their data.
 * The bot routes on these in CaseService.handle (src/app/case-service.ts).
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
} as const;

export type VerbName = (typeof Verb)[keyof typeof Verb];

export const ALL_VERBS: ReadonlySet<string> = new Set(Object.values(Verb));
