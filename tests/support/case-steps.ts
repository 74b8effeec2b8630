import { Verb } from '../../src/app/verbs';
import { action, type Card, cardOf, inputs, invoke, PEOPLE, say } from './bot-client';
import { validateCard } from './validate-card';

/** Clicks the card's button for `verb` as Mette, expecting a valid card back. */
export async function click(url: string, card: Card, verb: string, extra: Record<string, unknown> = {}): Promise<Card> {
  const res = await invoke(url, PEOPLE.mette, verb, { ...action(card, verb).data, ...extra });
  expect(res.status).toBe(200);
  expect(validateCard(res.body.value)).toEqual([]);
  return res.body.value;
}

/**
 * Mette's case about Anders, from "ny sag" to a confirmed plan. `keep`: the assessment card's inputs to send;
 * by default the recommended actions as the card ticks them.
 */
export async function confirmedPlan(url: string, keep?: Record<string, unknown>): Promise<{ caseId: string; plan: Card }> {
  const start = cardOf((await say(url, PEOPLE.mette, 'ny sag')).activities[0]);
  let card = await click(url, start, Verb.newIncident);
  card = await click(url, card, Verb.intakeSubmit, {
    employees: PEOPLE.anders.aadObjectId,
    urls: 'https://example.org/opslag',
    platform: 'website',
    discoveredOn: '2026-11-24',
    description: 'Borgerens opslag om Anders',
  });
  const plan = await click(url, card, Verb.assessmentConfirm, keep ?? inputs(card));
  return { caseId: String(action(plan, Verb.close).data.caseId), plan };
}
