/** The Graph v1.0 endpoints the bot uses, and nothing else: anything unknown is a 404 so a wrong URL fails in tests. */
import { ianaZone, parseDateTimeTimeZone } from './calendar';
import { GraphError, type GraphResponse, notFound } from './http';
import { findMeetingTimes } from './meeting-times';
import type { Attendee, SimUser, Store, StoredEvent } from './store';

export interface GraphRequest {
  method: string;
  /** Path after /v1.0, e.g. '/me/events/abc'. */
  path: string;
  /** Lower-case header names. */
  headers: Record<string, string | undefined>;
  body: unknown;
  me: SimUser;
}

type Handler = (req: GraphRequest, params: string[]) => GraphResponse;

export function createRoutes(store: Store, clock: () => Date): (req: GraphRequest) => GraphResponse {
  const now = () => clock().getTime();
  const routes: [string, RegExp, Handler][] = [
    ['GET', /^\/me$/, (req) => ok(200, profile(req.me))],
    [
      'GET',
      /^\/users\/([^/]+)$/,
      (_req, [id]) => {
        const user = store.user(id);
        if (!user) throw notFound(id);
        return ok(200, profile(user));
      },
    ],
    ['POST', /^\/me\/findMeetingTimes$/, (req) => ok(200, findMeetingTimes(store, req.me, req.body, responseZone(req), now()))],
    ['POST', /^\/me\/events$/, (req) => createEvent(store, req, now())],
    ['PATCH', /^\/me\/events\/([^/]+)$/, (req, [id]) => updateEvent(store, req, id, now())],
    ['DELETE', /^\/me\/events\/([^/]+)$/, (req, [id]) => deleteEvent(store, req, id, now())],
    ['POST', /^\/teams\/([^/]+)\/channels\/([^/]+)\/messages$/, (req, [team, channel]) => postMessage(store, req, team, channel, now())],
  ];

  return (req) => {
    for (const [method, pattern, handle] of routes) {
      const m = pattern.exec(req.path);
      if (m && method === req.method.toUpperCase()) return handle(req, m.slice(1).map(decodeSegment));
    }
    throw new GraphError(404, 'Request_ResourceNotFound', `The simulator has no route for ${req.method} /v1.0${req.path}.`);
  };
}

const ok = (status: number, body?: unknown): GraphResponse => ({ status, body });

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new GraphError(400, 'BadRequest', `Malformed path segment '${segment}'.`);
  }
}

function profile(u: SimUser) {
  return { id: u.id, displayName: u.displayName, mail: u.mail, userPrincipalName: u.userPrincipalName };
}

/** Graph answers in the zone named by `Prefer: outlook.timezone="…"`, otherwise in UTC. */
function responseZone(req: GraphRequest): string {
  const m = /outlook\.timezone\s*=\s*"([^"]+)"/i.exec(req.headers.prefer ?? '');
  if (!m) return 'UTC';
  ianaZone(m[1]);
  return m[1];
}

function objectBody(req: GraphRequest): Record<string, unknown> {
  if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
    throw new GraphError(400, 'BadRequest', 'Empty Payload. JSON content expected.');
  }
  return req.body as Record<string, unknown>;
}

function readAttendees(value: unknown): Attendee[] {
  if (value === undefined) return [];
  const list = value as Attendee[];
  if (!Array.isArray(list) || list.some((a) => typeof a?.emailAddress?.address !== 'string')) {
    throw new GraphError(400, 'ErrorInvalidRequest', 'attendees must be [{ type, emailAddress: { address, name? } }].');
  }
  return list.map((a) => ({ type: a.type ?? 'required', emailAddress: { address: a.emailAddress.address, name: a.emailAddress.name } }));
}

function readSlot(body: Record<string, unknown>): { start: number; end: number } {
  const start = parseDateTimeTimeZone(body.start, 'start');
  const end = parseDateTimeTimeZone(body.end, 'end');
  if (end <= start) throw new GraphError(400, 'ErrorInvalidRequest', 'The event ends before it starts.');
  return { start, end };
}

function readContent(value: unknown): { contentType: string; content: string } {
  const b = value as { contentType?: unknown; content?: unknown } | undefined;
  return {
    contentType: typeof b?.contentType === 'string' ? b.contentType : 'text',
    content: typeof b?.content === 'string' ? b.content : '',
  };
}

function createEvent(store: Store, req: GraphRequest, now: number): GraphResponse {
  const body = objectBody(req);
  const transactionId = typeof body.transactionId === 'string' && body.transactionId !== '' ? body.transactionId : undefined;
  const zone = responseZone(req);
  // Graph's transactionId contract: a retried POST gets the event the first one created, and no second invite goes out.
  const existing = transactionId && store.eventByTransaction(req.me.id, transactionId);
  if (existing) return ok(201, store.toGraphEvent(existing, zone));
  const seq = store.nextSeq();
  const event: StoredEvent = {
    id: `sim-event-${seq}`,
    seq,
    organizerId: req.me.id,
    transactionId,
    ...readSlot(body),
    subject: typeof body.subject === 'string' ? body.subject : '',
    body: readContent(body.body),
    attendees: readAttendees(body.attendees),
    isOnlineMeeting: body.isOnlineMeeting === true,
    onlineMeetingProvider: typeof body.onlineMeetingProvider === 'string' ? body.onlineMeetingProvider : undefined,
    created: now,
    modified: now,
    cancelled: false,
  };
  store.addEvent(event);
  return ok(201, store.toGraphEvent(event, zone));
}

function updateEvent(store: Store, req: GraphRequest, id: string, now: number): GraphResponse {
  const event = store.ownEvent(req.me.id, id);
  if (!event) throw notFound(id);
  const body = objectBody(req);
  // A move may send only one end of the slot; the other keeps its value.
  const start = body.start !== undefined ? parseDateTimeTimeZone(body.start, 'start') : event.start;
  const end = body.end !== undefined ? parseDateTimeTimeZone(body.end, 'end') : event.end;
  if (end <= start) throw new GraphError(400, 'ErrorInvalidRequest', 'The event ends before it starts.');
  event.start = start;
  event.end = end;
  if (typeof body.subject === 'string') event.subject = body.subject;
  if (body.body !== undefined) event.body = readContent(body.body);
  if (body.attendees !== undefined) event.attendees = readAttendees(body.attendees);
  event.modified = now;
  store.recordChange({
    method: 'PATCH',
    eventId: id,
    organizerId: req.me.id,
    at: new Date(now).toISOString(),
    body: structuredClone(body),
  });
  return ok(200, store.toGraphEvent(event, responseZone(req)));
}

function deleteEvent(store: Store, req: GraphRequest, id: string, now: number): GraphResponse {
  const event = store.ownEvent(req.me.id, id);
  if (!event) throw notFound(id);
  store.cancel(event);
  store.recordChange({ method: 'DELETE', eventId: id, organizerId: req.me.id, at: new Date(now).toISOString() });
  return ok(204);
}

function postMessage(store: Store, req: GraphRequest, teamId: string, channelId: string, now: number): GraphResponse {
  if (!store.channel(teamId, channelId)) throw notFound(`${teamId}/${channelId}`);
  const body = objectBody(req);
  const content = readContent(body.body);
  if (content.content === '') throw new GraphError(400, 'BadRequest', 'body.content is required.');
  // Graph message ids are creation times in epoch milliseconds.
  let ms = now;
  while (store.messageIdTaken(String(ms))) ms += 1;
  const id = String(ms);
  const created = new Date(now).toISOString();
  const message = {
    id,
    replyToId: null,
    messageType: 'message',
    createdDateTime: created,
    lastModifiedDateTime: created,
    subject: typeof body.subject === 'string' ? body.subject : null,
    importance: 'normal',
    webUrl: `https://teams.microsoft.com/l/message/${encodeURIComponent(channelId)}/${id}`,
    channelIdentity: { teamId, channelId },
    from: { application: null, device: null, user: { id: req.me.id, displayName: req.me.displayName, userIdentityType: 'aadUser' } },
    body: content,
    attachments: Array.isArray(body.attachments) ? body.attachments : [],
    mentions: Array.isArray(body.mentions) ? body.mentions : [],
    reactions: [],
  };
  store.addMessage(structuredClone(message));
  return ok(201, message);
}
