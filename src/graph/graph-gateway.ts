import {
  Client,
  type Context,
  GraphError,
  HTTPMessageHandler,
  type Middleware,
  RetryHandler,
  RetryHandlerOptions,
  type ShouldRetry,
} from '@microsoft/microsoft-graph-client';
import type { CreatedEvent, EventRequest, FindTimesRequest, GraphPort, GraphResult, Invitee } from '../app/graph-port';
import type { GraphFailure, Slot } from '../domain/meeting';

export interface GraphGatewayOptions {
  /** GRAPH_ENDPOINT, e.g. https://graph.microsoft.com or the local simulator. */
  readonly endpoint: string;
  /** Seconds before the first retry when Graph sends no Retry-After (the client's default is 3). */
  readonly retryDelaySeconds?: number;
  readonly maxRetries?: number;
  /** A single request may not hang longer than this. */
  readonly timeoutMs?: number;
}

/** The chatMessage Graph receives for a channel post; Graph refuses one over about 28 KB (the preview checks the size). */
export function channelMessage(html: string): { body: { contentType: 'html'; content: string } } {
  return { body: { contentType: 'html', content: html } };
}

/** Sets the delegated token on every request: the SDK's own handler skips non-Graph hosts such as the simulator. */
class BearerToken implements Middleware {
  private next: Middleware | undefined;
  constructor(
    private readonly token: string,
    private readonly timeoutMs: number,
  ) {}
  async execute(context: Context): Promise<void> {
    context.options ??= {};
    const options = context.options;
    options.headers = { ...(options.headers as Record<string, string> | undefined), Authorization: `Bearer ${this.token}` };
    options.signal ??= AbortSignal.timeout(this.timeoutMs);
    await this.next?.execute(context);
  }
  setNext(next: Middleware): void {
    this.next = next;
  }
}

// 429 means Graph did not process the request, so any request may be repeated after Retry-After.
const ONLY_THROTTLED: ShouldRetry = (_delay, _attempt, _request, _options, response) => response.status === 429;
const ALWAYS: ShouldRetry = () => true;

function failure(e: unknown, mayHaveActed: boolean): { ok: false; error: GraphFailure; unknown: boolean } {
  if (e instanceof GraphError && e.statusCode > 0) {
    const s = e.statusCode;
    if (s === 401) return { ok: false, error: 'signIn', unknown: false };
    if (s === 403) return { ok: false, error: 'forbidden', unknown: false };
    if (s === 404) return { ok: false, error: 'notFound', unknown: false };
    if (s === 429) return { ok: false, error: 'throttled', unknown: false };
    if (s >= 400 && s < 500) return { ok: false, error: 'invalid', unknown: false };
    return { ok: false, error: 'unavailable', unknown: mayHaveActed };
  }
  // No answer at all (refused, reset, timed out): Graph may or may not have acted.
  return { ok: false, error: 'unavailable', unknown: mayHaveActed };
}

function attendee(p: Invitee, type: 'required' | 'optional') {
  return { type, emailAddress: { address: p.address, name: p.name } };
}

/** Graph "dateTime" in UTC without offset, as Graph writes it. */
function graphTime(iso: string) {
  return { dateTime: iso.replace(/Z$/, '').replace(/\.\d{3}$/, ''), timeZone: 'UTC' };
}

function fromGraphTime(t: { dateTime?: string; timeZone?: string } | undefined): string {
  const raw = t?.dateTime ?? '';
  return new Date(/Z|[+-]\d\d:\d\d$/.test(raw) ? raw : `${raw}Z`).toISOString();
}

/**
 * GraphPort over @microsoft/microsoft-graph-client. Retries are per call type:
 * reads, event creation (deduplicated by transactionId) and DELETE retry on 429/503/504;
 * the channel post is not idempotent, so it retries only on 429.
 */
export class GraphGateway implements GraphPort {
  private readonly base: string;
  constructor(private readonly options: GraphGatewayOptions) {
    this.base = `${options.endpoint.replace(/\/+$/, '')}/v1.0`;
  }

  private client(token: string, shouldRetry: ShouldRetry): Client {
    const auth = new BearerToken(token, this.options.timeoutMs ?? 20_000);
    const retry = new RetryHandler(new RetryHandlerOptions(this.options.retryDelaySeconds ?? 3, this.options.maxRetries ?? 3, shouldRetry));
    const http = new HTTPMessageHandler();
    auth.setNext(retry);
    retry.setNext(http);
    return Client.initWithMiddleware({ baseUrl: this.base.replace(/\/v1\.0$/, ''), middleware: auth, defaultVersion: 'v1.0' });
  }

  async findMeetingTimes(token: string, r: FindTimesRequest): Promise<GraphResult<{ suggestions: Slot[]; emptyReason?: string }>> {
    try {
      const res = await this.client(token, ALWAYS)
        .api('/me/findMeetingTimes')
        .header('Prefer', 'outlook.timezone="UTC"')
        .post({
          attendees: [...r.required.map((p) => attendee(p, 'required')), ...r.optional.map((p) => attendee(p, 'optional'))],
          timeConstraint: { activityDomain: 'work', timeSlots: [{ start: graphTime(r.window.start), end: graphTime(r.window.end) }] },
          meetingDuration: `PT${r.minutes}M`,
          maxCandidates: r.maxCandidates,
          isOrganizerOptional: false,
          returnSuggestionReasons: true,
          minimumAttendeePercentage: 100,
        });
      const suggestions = (
        (res?.meetingTimeSuggestions ?? []) as { meetingTimeSlot?: { start?: { dateTime?: string }; end?: { dateTime?: string } } }[]
      )
        .map((s) => ({ start: fromGraphTime(s.meetingTimeSlot?.start), end: fromGraphTime(s.meetingTimeSlot?.end) }))
        .slice(0, r.maxCandidates);
      const reason = typeof res?.emptySuggestionsReason === 'string' && res.emptySuggestionsReason ? res.emptySuggestionsReason : undefined;
      return { ok: true, value: { suggestions, ...(reason && !suggestions.length ? { emptyReason: reason } : {}) } };
    } catch (e) {
      return failure(e, false);
    }
  }

  async createEvent(token: string, r: EventRequest): Promise<GraphResult<CreatedEvent>> {
    try {
      const res = await this.client(token, ALWAYS)
        .api('/me/events')
        .header('Prefer', `outlook.timezone="UTC"`)
        .post({
          subject: r.subject,
          body: { contentType: 'html', content: r.bodyHtml },
          start: { ...graphTime(r.slot.start) },
          end: { ...graphTime(r.slot.end) },
          attendees: [...r.required.map((p) => attendee(p, 'required')), ...r.optional.map((p) => attendee(p, 'optional'))],
          isOnlineMeeting: true,
          onlineMeetingProvider: 'teamsForBusiness',
          allowNewTimeProposals: true,
          // Graph returns the existing event for a repeated transactionId, so a retried POST never books twice.
          transactionId: r.transactionId,
        });
      return {
        ok: true,
        value: {
          eventId: String(res.id),
          slot: { start: fromGraphTime(res.start), end: fromGraphTime(res.end) },
          ...(res.onlineMeeting?.joinUrl ? { joinUrl: String(res.onlineMeeting.joinUrl) } : {}),
          ...(res.webLink ? { webLink: String(res.webLink) } : {}),
        },
      };
    } catch (e) {
      return failure(e, true);
    }
  }

  async moveEvent(token: string, eventId: string, slot: Slot): Promise<GraphResult<CreatedEvent>> {
    try {
      // PATCH is idempotent: repeating it after a lost answer sets the same time again.
      const res = await this.client(token, ALWAYS)
        .api(`/me/events/${encodeURIComponent(eventId)}`)
        .header('Prefer', 'outlook.timezone="UTC"')
        .patch({ start: graphTime(slot.start), end: graphTime(slot.end) });
      return {
        ok: true,
        value: {
          eventId,
          slot: res?.start ? { start: fromGraphTime(res.start), end: fromGraphTime(res.end) } : slot,
          ...(res?.onlineMeeting?.joinUrl ? { joinUrl: String(res.onlineMeeting.joinUrl) } : {}),
        },
      };
    } catch (e) {
      return failure(e, false);
    }
  }

  async cancelEvent(token: string, eventId: string): Promise<GraphResult<void>> {
    try {
      await this.client(token, ALWAYS)
        .api(`/me/events/${encodeURIComponent(eventId)}`)
        .delete();
      return { ok: true, value: undefined };
    } catch (e) {
      if (e instanceof GraphError && e.statusCode === 404) return { ok: true, value: undefined };
      return failure(e, false);
    }
  }

  async users(token: string, ids: readonly string[]): Promise<GraphResult<{ id: string; name: string; upn?: string }[]>> {
    try {
      const client = this.client(token, ALWAYS);
      const found = await Promise.all(
        ids.map((id) =>
          client
            .api(`/users/${encodeURIComponent(id)}`)
            .select(['id', 'displayName', 'userPrincipalName'])
            .get()
            .catch((e: unknown) => {
              if (e instanceof GraphError && e.statusCode === 404) return undefined;
              throw e;
            }),
        ),
      );
      return {
        ok: true,
        value: found.flatMap((u) =>
          u?.id
            ? [
                {
                  id: String(u.id),
                  name: String(u.displayName ?? ''),
                  ...(u.userPrincipalName ? { upn: String(u.userPrincipalName) } : {}),
                },
              ]
            : [],
        ),
      };
    } catch (e) {
      return failure(e, false);
    }
  }

  async postChannelMessage(
    token: string,
    teamId: string,
    channelId: string,
    html: string,
  ): Promise<GraphResult<{ messageId: string; webUrl?: string }>> {
    try {
      const res = await this.client(token, ONLY_THROTTLED)
        .api(`/teams/${encodeURIComponent(teamId)}/channels/${encodeURIComponent(channelId)}/messages`)
        .post(channelMessage(html));
      return { ok: true, value: { messageId: String(res.id), ...(res.webUrl ? { webUrl: String(res.webUrl) } : {}) } };
    } catch (e) {
      return failure(e, true);
    }
  }
}
