/**
 * Walking a case through the bot as a manager does: click a card's button (its data plus what was typed), and
 * from the intake card to a confirmed action plan. One helper for the tests and the benchmark: each passes a
 * `Send` that posts the Action.Execute its own way and says what a good answer is (a test expects HTTP 200 and
 * a valid Adaptive Card; the benchmark counts a missing card as an error).
 */
import { Verb } from '../../src/app/verbs';
import { action, type Card, formValues } from './cards';

/** Sends one Action.Execute (verb and data) and returns the card the bot answered with, or throws. */
export type Send = (verb: string, data: Record<string, unknown>) => Promise<Card>;

/** Clicks the card's first button for `verb` (whose data matches), sending its data and `typed` on top. */
export function click(
  send: Send,
  card: unknown,
  verb: string,
  typed: Record<string, unknown> = {},
  match?: (d: Record<string, unknown>) => boolean,
): Promise<Card> {
  return send(verb, { ...action(card, verb, match).data, ...typed });
}

export interface ConfirmedPlan {
  readonly caseId: string;
  readonly assessment: Card;
  readonly plan: Card;
}

/**
 * From the intake card to a confirmed plan: submits `intake`, then confirms the assessment with `keep`'s inputs –
 * by default the assessment card's own (the recommended actions as the card ticks them).
 */
export async function confirmPlan(
  send: Send,
  intakeCard: Card,
  intake: Record<string, unknown>,
  keep: (assessment: Card) => Record<string, unknown> = formValues,
): Promise<ConfirmedPlan> {
  const assessment = await click(send, intakeCard, Verb.intakeSubmit, intake);
  const plan = await click(send, assessment, Verb.assessmentConfirm, keep(assessment));
  return { caseId: String(action(plan, Verb.close).data.caseId), assessment, plan };
}
