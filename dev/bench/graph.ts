/**
 * Graph round trips and wall time for "book the meeting and post the message": the bot talks to the Graph
 * simulator through a counting proxy; the simulator holds every Graph request 100 ms (an injected delay fault).
 */
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Verb } from '../../src/app/verbs';
import { type Card, cardOfInvoke, cardText, dataOf, formValues } from '../flow/cards';
import { click } from '../flow/walk';
import type { GraphSimulator } from '../graph-simulator/simulator';
import { type BotClient, copenhagenToday, newStartId } from './client';
import { cardsFrom, median } from './load';

export const GRAPH_DELAY_MS = 100;

/** Counts every request the bot sends to Graph and passes it on unchanged (Host rewritten for the simulator). */
export class CountingProxy {
  private server: Server | undefined;
  readonly seen: string[] = [];

  constructor(private readonly targetPort: number) {}

  async start(): Promise<string> {
    const server = createServer((req, res) => {
      this.seen.push(`${req.method} ${(req.url ?? '').split('?')[0]}`);
      const upstream = request(
        {
          host: '127.0.0.1',
          port: this.targetPort,
          method: req.method,
          path: req.url,
          headers: { ...req.headers, host: `127.0.0.1:${this.targetPort}` },
        },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    this.server = server;
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeAllConnections();
    await closed;
  }
}

export interface GraphRun {
  readonly roundTrips: number;
  readonly requests: readonly string[];
  readonly clicks: number;
  readonly wallMs: number;
  readonly stepsMs: Record<string, number>;
  readonly events: number;
  readonly messages: number;
}

export interface GraphResult {
  readonly runs: readonly GraphRun[];
  readonly roundTrips: number;
  readonly clicks: number;
  readonly wallMs: number;
  readonly stepsMs: Record<string, number>;
}

function expectCard(card: Card | undefined, what: string, text?: string): Card {
  if (!card) throw new Error(`graph bench: ${what} did not return a card`);
  if (text && !cardText(card).includes(text))
    throw new Error(`graph bench: after ${what} the card does not say "${text}"; it says: ${cardText(card).slice(0, 400)}`);
  return card;
}

/** A case up to its assessment; confirming it (measured) also looks up meeting times. */
async function assessmentFor(client: BotClient): Promise<Card> {
  const send = cardsFrom(client);
  const intake = await send(Verb.newIncident, { startId: newStartId() });
  const assessment = await click(send, intake, Verb.intakeSubmit, {
    ...formValues(intake),
    employees: '00000000-0000-0000-0000-000000000021,00000000-0000-0000-0000-000000000022',
    urls: 'https://www.facebook.com/groups/bench/posts/2',
    platform: 'facebook',
    discoveredOn: copenhagenToday(),
    description: 'Benchmark: borgeren skriver usandheder om to medarbejdere.',
    c_crimeAccusation: 'true',
  });
  return expectCard(assessment, 'intake', 'Vurdering og anbefalede handlinger');
}

/**
 * Clicks one button and returns the card the manager ends up with. If Graph took longer than the bot's
 * budget, the bot answers "working…" first; then the manager's refresh (opb.case.open) is clicked until done.
 */
async function clickUntil(
  client: BotClient,
  verb: string,
  data: Record<string, unknown>,
  done: string,
  what: string,
): Promise<{ card: Card; clicks: number }> {
  let card = expectCard(cardOfInvoke(await client.invoke(verb, data)), what);
  let clicks = 1;
  for (let i = 0; i < 50 && !cardText(card).includes(done); i++) {
    await new Promise((r) => setTimeout(r, 100));
    card = expectCard(cardOfInvoke(await client.invoke(Verb.open, { caseId: data.caseId })), `${what} (refresh)`);
    clicks += 1;
  }
  return { card: expectCard(card, what, done), clicks };
}

export async function graphBench(client: BotClient, sim: GraphSimulator, proxy: CountingProxy, runs: number): Promise<GraphResult> {
  const results: GraphRun[] = [];
  for (let run = 0; run < runs; run++) {
    sim.reset(); // also clears faults
    sim.inject({ delayMs: GRAPH_DELAY_MS, times: Number.POSITIVE_INFINITY });
    const assessment = await assessmentFor(client);
    const before = proxy.seen.length;
    const steps: Record<string, number> = {};
    let clicks = 0;
    const t0 = performance.now();
    let t = t0;
    const lap = (name: string) => {
      const now = performance.now();
      steps[name] = now - t;
      t = now;
    };

    const confirm = { ...formValues(assessment), ...dataOf(assessment, Verb.assessmentConfirm) };
    const found = await clickUntil(client, Verb.assessmentConfirm, confirm, 'Book mødet', 'confirm + search (is GRAPH_AUTH=dev set?)');
    clicks += found.clicks;
    lap('confirm+search');
    const choice = formValues(found.card);
    const booked = await clickUntil(
      client,
      Verb.meetingBook,
      { slot: choice.slot, manualDate: choice.manualDate, manualTime: choice.manualTime, ...dataOf(found.card, Verb.meetingBook) },
      'Mødet er booket',
      'book',
    );
    clicks += booked.clicks;
    lap('book');
    const write = dataOf(booked.card, Verb.details, (d) => d.actionId === 'staffMessage');
    if (!write) throw new Error('graph bench: no "Skriv og send beskeden" on the plan');
    const editor = expectCard(cardOfInvoke(await client.invoke(Verb.details, write)), 'write', 'Send til afdelingens kanal');
    clicks += 1;
    lap('write');
    const posted = await clickUntil(
      client,
      Verb.postSend,
      { ...formValues(editor), postConsent: 'true', ...dataOf(editor, Verb.postSend) },
      'sendt til afdelingens kanal',
      'post',
    );
    clicks += posted.clicks;
    lap('post');
    const wallMs = performance.now() - t0;
    const requests = proxy.seen.slice(before);
    const received = sim.received();
    results.push({
      roundTrips: requests.length,
      requests,
      clicks,
      wallMs,
      stepsMs: steps,
      events: received.events.length,
      messages: received.messages.length,
    });
    if (received.events.length !== 1 || received.messages.length !== 1)
      throw new Error(
        `graph bench: expected 1 event and 1 message, the simulator got ${received.events.length} and ${received.messages.length}`,
      );
  }
  const stepNames = Object.keys(results[0]?.stepsMs ?? {});
  return {
    runs: results,
    roundTrips: median(results.map((r) => r.roundTrips)),
    clicks: median(results.map((r) => r.clicks)),
    wallMs: median(results.map((r) => r.wallMs)),
    stepsMs: Object.fromEntries(stepNames.map((s) => [s, median(results.map((r) => r.stepsMs[s] ?? Number.NaN))])),
  };
}
