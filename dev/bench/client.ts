/**
 * A minimal Teams-like client for the benchmark: posts activities to /api/messages over one keep-alive
 * connection per simulated manager, and reads the cards that come back. 127.0.0.1 only.
 */
import { Agent, request } from 'node:http';
import { type Card, cardOfActivity } from '../flow/cards';

export interface Person {
  readonly id: string;
  readonly aadObjectId: string;
  readonly name: string;
}

export interface Answer {
  readonly status: number;
  readonly body: unknown;
  readonly ms: number;
  readonly bytes: number;
}

const REQUEST_TIMEOUT_MS = 10_000;
let activityCounter = 0;

/** One manager's connection to the bot, like one Teams client. */
export class BotClient {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: 1 });

  constructor(
    readonly port: number,
    readonly person: Person,
  ) {}

  close(): void {
    this.agent.destroy();
  }

  /** An Action.Execute as Teams sends it: an `adaptiveCard/action` invoke. */
  invoke(verb: string, data: Record<string, unknown>): Promise<Answer> {
    return this.post({
      ...this.base(),
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
    });
  }

  /** A typed message; the replies come back in the response (deliveryMode expectReplies). */
  say(text: string): Promise<Answer> {
    return this.post({ ...this.base(), type: 'message', text, deliveryMode: 'expectReplies' });
  }

  private base() {
    activityCounter += 1;
    return {
      id: `bench-${activityCounter}`,
      channelId: 'msteams',
      // Nothing is sent here for invokes; a closed loopback port keeps any stray call on this machine.
      serviceUrl: 'http://127.0.0.1:9/',
      timestamp: new Date().toISOString(),
      from: this.person,
      recipient: { id: '28:opbakning', name: 'Opbakning' },
      conversation: { id: `a:personal-${this.person.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
      locale: 'da-DK',
    };
  }

  private post(activity: unknown): Promise<Answer> {
    const payload = Buffer.from(JSON.stringify(activity));
    const started = process.hrtime.bigint();
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port: this.port,
          method: 'POST',
          path: '/api/messages',
          agent: this.agent,
          headers: { 'content-type': 'application/json', 'content-length': payload.length },
          timeout: REQUEST_TIMEOUT_MS,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', reject);
          res.on('end', () => {
            const raw = Buffer.concat(chunks);
            const text = raw.toString('utf8');
            let body: unknown;
            try {
              body = text ? JSON.parse(text) : undefined;
            } catch {
              body = undefined;
            }
            resolve({ status: res.statusCode ?? 0, body, ms: Number(process.hrtime.bigint() - started) / 1e6, bytes: raw.length });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error(`no answer within ${REQUEST_TIMEOUT_MS} ms`)));
      req.on('error', reject);
      req.end(payload);
    });
  }
}

/** The first adaptive card among the replies to a message. */
export function cardOfReplies(answer: Answer): Card | undefined {
  const activities = (answer.body as { activities?: unknown[] } | undefined)?.activities;
  for (const a of activities ?? []) {
    const card = cardOfActivity(a);
    if (card) return card;
  }
  return undefined;
}

/** Today in Copenhagen (YYYY-MM-DD), as the intake card's date field proposes. */
export function copenhagenToday(now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen' }).format(now);
}

/** 12 random lower-case base32 characters, like the start card's startId. */
export function newStartId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz234567';
  let id = '';
  for (let i = 0; i < 12; i++) id += alphabet[Math.floor(Math.random() * 32)];
  return id;
}
