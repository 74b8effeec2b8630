/**
 * Card-action load: N managers, each a closed loop over one keep-alive connection (like autocannon -c N),
 * clicking through their own cases the way the plan card lets them. Every loop is bounded in time and count.
 */
import { Verb } from '../../src/app/verbs';
import { cardOfInvoke, dataOf, executes, formValues } from '../flow/cards';
import { confirmPlan, type Send } from '../flow/walk';
import { type BotClient, copenhagenToday, newStartId, type Person } from './client';

export interface CaseInPlay {
  readonly caseId: string;
  /** Plan actions that can be marked done and reopened. */
  readonly actionIds: readonly string[];
  turn: number;
}

export interface RunStats {
  readonly seconds: number;
  readonly requests: number;
  readonly errors: number;
  readonly rps: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly byVerb: Record<string, number>;
  /** Mean size of the answers (the card JSON). */
  readonly meanBytes: number;
}

/** The mix, per case visited: open, details, done, open, details (another action), reopen – 4 reads, 2 writes. */
export const MIX = 'open 2/6 · details 2/6 · done 1/6 · reopen 1/6';

const EMPLOYEES = ['00000000-0000-0000-0000-000000000021', '00000000-0000-0000-0000-000000000022'];

export function percentile(sorted: readonly number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  if (!s.length) return Number.NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? Number.NaN) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

/** The flow helper's Send over one bench client: a click must be answered with a card. Not measured. */
export function cardsFrom(client: BotClient): Send {
  return async (verb, data) => {
    const answer = await client.invoke(verb, data);
    const card = cardOfInvoke(answer);
    if (!card) throw new Error(`${verb}: expected a card, got HTTP ${answer.status}`);
    return card;
  };
}

/** Opens a case the way a manager does: start card → intake → assessment → confirmed plan. Not measured. */
export async function createCase(client: BotClient, departmentId: string, characteristics: readonly string[]): Promise<CaseInPlay> {
  const send = cardsFrom(client);
  const intake = await send(Verb.newIncident, { startId: newStartId(), departmentId });
  const { caseId, plan } = await confirmPlan(send, intake, {
    ...formValues(intake),
    employees: EMPLOYEES.join(','),
    urls: 'https://www.facebook.com/groups/bench/posts/1',
    platform: 'facebook',
    discoveredOn: copenhagenToday(),
    description: 'Benchmark-sag: borgeren skriver usandheder om to medarbejdere i en lukket gruppe.',
    ...Object.fromEntries(characteristics.map((c) => [`c_${c}`, 'true'])),
  });
  if (!dataOf(plan, Verb.actionDone)) throw new Error('confirm: the plan card has no "done" action');
  const actionIds = [
    ...new Set(
      executes(plan)
        .filter((a) => a.verb === Verb.actionDone && typeof a.data.actionId === 'string')
        .map((a) => a.data.actionId as string),
    ),
  ];
  return { caseId, actionIds, turn: 0 };
}

interface Recorder {
  latencies: number[];
  bytes: number;
  errors: number;
  byVerb: Record<string, number>;
}

/**
 * One manager's loop until the deadline or the request cap. `echo`: the server answers a static card,
 * so the same requests are sent with the last known data instead of data read from the card.
 */
async function managerLoop(
  client: BotClient,
  cases: readonly CaseInPlay[],
  deadline: number,
  maxRequests: number,
  echo: boolean,
  rec: Recorder,
): Promise<void> {
  let sent = 0;
  const click = async (verb: string, data: Record<string, unknown> | undefined, fallback: Record<string, unknown>) => {
    sent += 1;
    const payload = data ?? fallback;
    if (!data && !echo) rec.errors += 1; // the button the manager needed was not on the card
    try {
      const answer = await client.invoke(verb, payload);
      rec.latencies.push(answer.ms);
      rec.bytes += answer.bytes;
      rec.byVerb[verb] = (rec.byVerb[verb] ?? 0) + 1;
      const card = cardOfInvoke(answer);
      if (!card) rec.errors += 1;
      return card;
    } catch {
      rec.errors += 1;
      return undefined;
    }
  };
  for (let i = 0; Date.now() < deadline && sent < maxRequests; i++) {
    const c = cases[i % cases.length];
    if (!c) return;
    const n = c.actionIds.length || 1;
    const a = c.actionIds[c.turn % n] ?? 'policeReport';
    const b = c.actionIds[(c.turn + 1) % n] ?? 'policeReport';
    c.turn += 1;
    const base = { caseId: c.caseId, rev: 1 };
    const isA = (d: Record<string, unknown>) => d.actionId === a;
    const isB = (d: Record<string, unknown>) => d.actionId === b;

    let card = await click(Verb.open, { caseId: c.caseId }, base);
    card = await click(Verb.details, dataOf(card, Verb.details, isA), { ...base, actionId: a });
    card = await click(Verb.actionDone, withRef(dataOf(card, Verb.actionDone, isA), a), { ...base, actionId: a, [`ref_${a}`]: '' });
    if (!echo && card && !dataOf(card, Verb.actionReopen, isA)) rec.errors += 1; // the action should now be done
    const opened = await click(Verb.open, { caseId: c.caseId }, base);
    await click(Verb.details, dataOf(opened, Verb.details, isB), { ...base, actionId: b });
    // "Genåbn" is read from the plan as opened: while B's details are open the other actions shrink to their titles.
    // Details change nothing, so the revision on that card is still the current one.
    card = await click(Verb.actionReopen, dataOf(opened, Verb.actionReopen, isA), { ...base, actionId: a });
    if (!echo && card && !dataOf(card, Verb.actionDone, isA)) rec.errors += 1; // and open again
  }
}

function withRef(data: Record<string, unknown> | undefined, actionId: string): Record<string, unknown> | undefined {
  return data ? { ...data, [`ref_${actionId}`]: '' } : undefined;
}

/** One measured (or warm-up) run: every manager loops until `seconds` have passed. */
export async function runLoad(
  clients: readonly BotClient[],
  casesByClient: readonly (readonly CaseInPlay[])[],
  seconds: number,
  echo: boolean,
  maxRequestsPerManager = 100_000,
): Promise<RunStats> {
  const rec: Recorder = { latencies: [], bytes: 0, errors: 0, byVerb: {} };
  const started = Date.now();
  const deadline = started + seconds * 1000;
  await Promise.all(clients.map((client, i) => managerLoop(client, casesByClient[i] ?? [], deadline, maxRequestsPerManager, echo, rec)));
  const elapsed = (Date.now() - started) / 1000;
  const sorted = rec.latencies.sort((x, y) => x - y);
  return {
    seconds: elapsed,
    requests: sorted.length,
    errors: rec.errors,
    rps: sorted.length / elapsed,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    byVerb: rec.byVerb,
    meanBytes: sorted.length ? rec.bytes / sorted.length : 0,
  };
}

export function managers(count: number): Person[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `29:bench-leder-${i + 1}`,
    aadObjectId: `00000000-0000-0000-0000-0000000b${String(i + 1).padStart(4, '0')}`,
    name: `Bench-leder ${i + 1}`,
  }));
}
