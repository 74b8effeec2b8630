import { Verb } from '../verbs';
import { assessmentConfirm, assessmentEdit } from './assessment';
import { close, deleteCase, exportCase, open } from './case';
import { packMake } from './case-pack';
import { evidenceCase, evidenceDescribe, evidenceShow, evidenceWithdraw } from './evidence';
import { evidenceCapture } from './evidence-capture';
import { checkInAnswer, followUpShow, followUpStart, followUpStop, followUpWithdraw } from './follow-up';
import type { Handlers } from './handler';
import { intakeSubmit } from './intake';
import { meetingBook, meetingCancel, meetingMove, meetingSearch } from './meeting';
import { actionDone, actionNotRelevant, actionReopen, details } from './plan-action';
import { postConfirm, postPreview, postSend } from './post';
import { language, myCases, newIncidentCase, newWarningCase, start } from './session';
import { setupSave, setupShow } from './setup';
import { statistics } from './statistics';
import { showDraft, warningEscalate, warningSubmit } from './warning';

/** Every card action's handler, by verb. A verb without a handler, or a handler for no verb, does not compile. */
export const HANDLERS = {
  [Verb.start]: start,
  [Verb.newIncident]: newIncidentCase,
  [Verb.newWarning]: newWarningCase,
  [Verb.myCases]: myCases,
  [Verb.language]: language,
  [Verb.open]: open,
  [Verb.intakeSubmit]: intakeSubmit,
  [Verb.assessmentEdit]: assessmentEdit,
  [Verb.assessmentConfirm]: assessmentConfirm,
  [Verb.showDraft]: showDraft,
  [Verb.details]: details,
  [Verb.actionDone]: actionDone,
  [Verb.actionReopen]: actionReopen,
  [Verb.actionNotRelevant]: actionNotRelevant,
  [Verb.close]: close,
  [Verb.exportCase]: exportCase,
  [Verb.deleteCase]: deleteCase,
  [Verb.meetingSearch]: meetingSearch,
  [Verb.meetingBook]: meetingBook,
  [Verb.meetingCancel]: meetingCancel,
  [Verb.meetingMove]: meetingMove,
  [Verb.postPreview]: postPreview,
  [Verb.postSend]: postSend,
  [Verb.postConfirm]: postConfirm,
  [Verb.setupShow]: setupShow,
  [Verb.setupSave]: setupSave,
  [Verb.warningSubmit]: warningSubmit,
  [Verb.warningEscalate]: warningEscalate,
  [Verb.evidenceCase]: evidenceCase,
  [Verb.evidenceDescribe]: evidenceDescribe,
  [Verb.evidenceWithdraw]: evidenceWithdraw,
  [Verb.evidenceShow]: evidenceShow,
  [Verb.evidenceCapture]: evidenceCapture,
  [Verb.packMake]: packMake,
  [Verb.followUpShow]: followUpShow,
  [Verb.followUpStart]: followUpStart,
  [Verb.followUpWithdraw]: followUpWithdraw,
  [Verb.followUpStop]: followUpStop,
  [Verb.checkInAnswer]: checkInAnswer,
  [Verb.statistics]: statistics,
} as const satisfies Handlers;

export function isVerb(verb: string): verb is keyof typeof HANDLERS {
  return Object.hasOwn(HANDLERS, verb);
}
