/**
 * The shared flow helper (dev/flow/walk.ts, also used by the benchmark) with the tests' idea of a good answer:
 * HTTP 200, an invoke response with status 200 and an Adaptive Card that passes the Teams 1.5 schema.
 */
import { inputs } from '../../dev/flow/cards';
import { click, confirmPlan, type Send } from '../../dev/flow/walk';
import { Verb } from '../../src/app/verbs';
import { type Card, cardOf, invoke, PEOPLE, type Person, say } from './bot-client';
import { validateCard } from './validate-card';

export { click, type Send };

/**
 * Clicks as `who` on the bot at `url`, expecting a valid card back. `activity`: extra activity fields per click
 * (e.g. the card message's replyToId).
 */
export function validCards(url: string, who: Person = PEOPLE.mette, activity: () => Record<string, unknown> = () => ({})): Send {
  return async (verb, data) => {
    const res = await invoke(url, who, verb, data, 'da-DK', activity());
    expect(res.status).toBe(200);
    expect(res.body.statusCode).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateCard(res.body.value)).toEqual([]);
    return res.body.value;
  };
}

/** "ny sag" as Mette: the start card. */
export async function startCard(url: string): Promise<Card> {
  const start = cardOf((await say(url, PEOPLE.mette, 'ny sag')).activities[0]);
  expect(validateCard(start)).toEqual([]);
  return start;
}

/** What Mette types on the intake card by default: one employee, one link, a short description. */
export const ANDERS_INTAKE = {
  employees: PEOPLE.anders.aadObjectId,
  urls: 'https://example.org/opslag',
  platform: 'website',
  discoveredOn: '2026-11-24',
  description: 'Borgerens opslag om Anders',
};

/**
 * Mette's case about Anders, from "ny sag" to a confirmed plan. `keep`: the assessment card's inputs to send;
 * by default the recommended actions as the card ticks them.
 */
export async function confirmedPlan(url: string, keep?: Record<string, unknown>): Promise<{ caseId: string; plan: Card }> {
  const send = validCards(url);
  const start = await startCard(url);
  const intake = await click(send, start, Verb.newIncident);
  const { caseId, plan } = await confirmPlan(send, intake, ANDERS_INTAKE, (assessment) => keep ?? inputs(assessment));
  return { caseId, plan: plan as Card };
}
