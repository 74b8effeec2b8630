/**
 * The manager's way through one case, as buttons: from "ny sag" to a booked meeting, a posted message and one more
 * action done. One list for the browser end-to-end test (which clicks the button a person sees, by its title) and the
 * HTTP flow test (which clicks the same steps by verb and checks that the button with that verb has that title), so
 * the two cannot drift apart: rename a button or move a verb and the HTTP test says which step.
 */
import { type TextKey, t } from '../../cards/texts';
import { Verb, type VerbName } from '../../src/app/verbs';
import type { Locale } from '../../src/domain/i18n';

export interface JourneyStep {
  /** What the step is, for messages and screenshot names. */
  readonly name: string;
  readonly verb: VerbName;
  /** The button's title, from the cards' own texts. */
  readonly button: TextKey;
  /** What the card shows once the click has been answered (Danish). */
  readonly expect: string | RegExp;
}

/** The steps counted against the target of at most six card submissions from "ny sag" to meeting and message. */
export const BOOK_AND_POST: readonly JourneyStep[] = [
  { name: 'intake', verb: Verb.newIncident, button: 'newIncident', expect: 'Omtalte medarbejdere' },
  { name: 'assessment', verb: Verb.intakeSubmit, button: 'seeAssessment', expect: 'Vurdering og anbefalede handlinger' },
  { name: 'plan-with-meeting-times', verb: Verb.assessmentConfirm, button: 'confirmPlan', expect: 'Vælg tidspunkt' },
  { name: 'meeting-booked', verb: Verb.meetingBook, button: 'bookMeeting', expect: 'Mødet er booket' },
  { name: 'message-draft', verb: Verb.details, button: 'writeMessage', expect: 'Send til afdelingens kanal' },
  { name: 'message-posted', verb: Verb.postSend, button: 'sendPost', expect: 'sendt til afdelingens kanal' },
];

/** After the meeting and the message: one more action on the checklist. */
export const ONE_MORE_DONE: JourneyStep = {
  name: 'action-done',
  verb: Verb.actionDone,
  button: 'markDoneQuick',
  expect: 'Handlingen er markeret som udført.',
};

export const TARGET_SUBMISSIONS = 6;

export function buttonTitle(step: JourneyStep, locale: Locale = 'da'): string {
  return t(step.button, locale);
}

/** Whether a card's text shows what the step expects. */
export function shows(text: string, step: JourneyStep): boolean {
  return typeof step.expect === 'string' ? text.includes(step.expect) : step.expect.test(text);
}
