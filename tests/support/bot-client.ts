import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { cardOfActivity } from '../../dev/flow/cards';
import type { JsonStore } from '../../src/app/json-store';
import { type App, type AppOverrides, createApp, downloadGate } from '../../src/compose';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/log';
import { BlobJsonStore } from '../../src/storage/blob-json-store';
import { EvidenceBlobStore } from '../../src/storage/evidence-blob-store';

export { action, cardText, executes, inputs } from '../../dev/flow/cards';

/** People from the demo department (dev/demo-departments.json). */
export const PEOPLE = {
  mette: { id: '29:mette', aadObjectId: '00000000-0000-0000-0000-000000000020', name: 'Mette Holm' },
  anders: { id: '29:anders', aadObjectId: '00000000-0000-0000-0000-000000000021', name: 'Anders Kjær' },
  sofie: { id: '29:sofie', aadObjectId: '00000000-0000-0000-0000-000000000022', name: 'Sofie Lund' },
  lars: { id: '29:lars', aadObjectId: '00000000-0000-0000-0000-000000000024', name: 'Lars Bech' },
  peter: { id: '29:peter', aadObjectId: '00000000-0000-0000-0000-000000000026', name: 'Peter Møller' },
} as const;
export type Person = (typeof PEOPLE)[keyof typeof PEOPLE];

export interface CardResponse {
  status: number;
  body: { statusCode: number; type: string; value: Card };
}
export type Card = Record<string, unknown> & { body: unknown[]; actions?: unknown[] };

export interface Running {
  app: App;
  url: string;
  container: string;
  stop(): Promise<void>;
}

export const DEMO_DEPARTMENTS = path.resolve(__dirname, '../../dev/demo-departments.json');

/** Starts the real bot (restify + CloudAdapter, no app id) on a free loopback port over Azurite. */
export interface BotOptions {
  container?: string;
  now?: () => Date;
  env?: Record<string, string>;
  /** Wraps the Azurite-backed store, e.g. to inject outages. */
  wrapStore?: (store: JsonStore) => JsonStore;
  /** Collects every log line the bot writes. */
  logLines?: string[];
  overrides?: Partial<AppOverrides>;
}

export async function startBot(options: BotOptions = {}): Promise<Running> {
  const connection = process.env.TEST_STORAGE_CONNECTION_STRING;
  if (!connection) throw new Error('TEST_STORAGE_CONNECTION_STRING is not set: run the tests through jest (global setup starts Azurite)');
  const container = options.container ?? `t${randomBytes(6).toString('hex')}`;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    STORAGE_CONNECTION_STRING: connection,
    DEPARTMENTS_FILE: DEMO_DEPARTMENTS,
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const blob = BlobJsonStore.fromConnectionString(connection, container);
  const lines = options.logLines;
  const log = lines ? createLogger('debug', { write: (line: string) => void lines.push(line) }) : createLogger('silent');
  const app = createApp(config, log, {
    // Evidence in the test's own container, beside its cases, so a test can list what was stored.
    evidence: EvidenceBlobStore.fromConnectionString(connection, { fetch, gate: downloadGate(config) }, container),
    ...options.overrides,
    store: options.wrapStore ? options.wrapStore(blob) : blob,
    ...(options.now ? { clock: { now: options.now } } : {}),
  });
  const address: AddressInfo = await app.listen();
  return { app, container, url: `http://127.0.0.1:${address.port}/api/messages`, stop: () => app.close() };
}

let counter = 0;
let serviceUrl = 'http://127.0.0.1:9/';
/** Where the bot sends proactive messages and card updates (a fake connector in tests that need them). */
export function useServiceUrl(url: string): void {
  serviceUrl = url;
}

function base(from: Person, locale: string) {
  counter += 1;
  return {
    id: `act-${counter}`,
    channelId: 'msteams',
    serviceUrl,
    timestamp: new Date().toISOString(),
    from,
    recipient: { id: '28:opbakning', name: 'Opbakning' },
    conversation: { id: `a:personal-${from.aadObjectId}`, conversationType: 'personal', tenantId: 'tenant' },
    locale,
  };
}

export async function post(url: string, activity: unknown): Promise<{ status: number; body: unknown; text: string }> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

/** Sends an Action.Execute as Teams does: an `adaptiveCard/action` invoke. */
export async function invoke(
  url: string,
  from: Person,
  verb: string,
  data: Record<string, unknown>,
  locale = 'da-DK',
  extra: Record<string, unknown> = {},
): Promise<CardResponse> {
  const res = await post(url, {
    ...base(from, locale),
    ...extra,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
  return res as CardResponse;
}

/** Sends a message and collects the replies in the response (deliveryMode expectReplies). */
export async function say(
  url: string,
  from: Person,
  text: string,
  locale = 'da-DK',
): Promise<{ status: number; activities: Record<string, unknown>[] }> {
  const res = await post(url, { ...base(from, locale), type: 'message', text, deliveryMode: 'expectReplies' });
  const body = res.body as { activities?: Record<string, unknown>[] } | undefined;
  return { status: res.status, activities: body?.activities ?? [] };
}

/** A message with attachments, as Teams sends files and pasted screenshots; `id` fixes the activity id (a retry). */
export async function sendFiles(
  url: string,
  from: Person,
  attachments: readonly Record<string, unknown>[],
  options: { id?: string; locale?: string } = {},
): Promise<{ status: number; activities: Record<string, unknown>[] }> {
  const activity = { ...base(from, options.locale ?? 'da-DK'), ...(options.id ? { id: options.id } : {}) };
  const res = await post(url, { ...activity, type: 'message', text: '', attachments, deliveryMode: 'expectReplies' });
  const body = res.body as { activities?: Record<string, unknown>[] } | undefined;
  return { status: res.status, activities: body?.activities ?? [] };
}

/** A file attachment as Teams sends it: a pre-authenticated `downloadUrl`. */
export function fileAttachment(downloadUrl: string, name: string): Record<string, unknown> {
  return {
    contentType: 'application/vnd.microsoft.teams.file.download.info',
    contentUrl: 'https://contoso.sharepoint.com/personal/x/Documents/Microsoft%20Teams%20Chat%20Files/x',
    name,
    content: { downloadUrl, uniqueId: 'u', fileType: name.split('.').pop() ?? '' },
  };
}

export async function installed(
  url: string,
  from: Person,
  locale = 'da-DK',
): Promise<{ status: number; activities: Record<string, unknown>[] }> {
  const res = await post(url, {
    ...base(from, locale),
    type: 'conversationUpdate',
    membersAdded: [{ id: '28:opbakning' }],
    deliveryMode: 'expectReplies',
  });
  const body = res.body as { activities?: Record<string, unknown>[] } | undefined;
  return { status: res.status, activities: body?.activities ?? [] };
}

export function cardOf(activity: Record<string, unknown> | undefined): Card {
  const card = cardOfActivity(activity);
  if (!card) throw new Error('no adaptive card in activity');
  return card as Card;
}
