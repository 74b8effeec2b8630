import type { PersonRef } from '../domain/case';
import type { GraphFailure, Slot } from '../domain/meeting';

/** A Graph outcome. `unknown` means Graph may have acted although we got no answer (timeout, 5xx, dropped). */
export type GraphResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: GraphFailure; readonly unknown: boolean };

/** A person as Graph needs them for invitations. */
export interface Invitee extends PersonRef {
  readonly address: string;
}

export interface FindTimesRequest {
  readonly window: Slot;
  readonly minutes: number;
  readonly required: readonly Invitee[];
  readonly optional: readonly Invitee[];
  readonly maxCandidates: number;
}

export interface EventRequest {
  readonly transactionId: string;
  readonly slot: Slot;
  readonly subject: string;
  readonly bodyHtml: string;
  readonly required: readonly Invitee[];
  readonly optional: readonly Invitee[];
}

export interface CreatedEvent {
  readonly eventId: string;
  readonly joinUrl?: string;
  readonly webLink?: string;
  readonly slot: Slot;
}

/**
 * What Opbakning asks of Microsoft Graph, always on behalf of the signed-in manager (delegated):
 * the meeting is organised by them and the message is theirs.
 */
export interface GraphPort {
  findMeetingTimes(token: string, request: FindTimesRequest): Promise<GraphResult<{ suggestions: Slot[]; emptyReason?: string }>>;
  createEvent(token: string, request: EventRequest): Promise<GraphResult<CreatedEvent>>;
  cancelEvent(token: string, eventId: string): Promise<GraphResult<void>>;
  moveEvent(token: string, eventId: string, slot: Slot): Promise<GraphResult<CreatedEvent>>;
  postChannelMessage(
    token: string,
    teamId: string,
    channelId: string,
    html: string,
  ): Promise<GraphResult<{ messageId: string; webUrl?: string }>>;
  /** Names and addresses of people chosen with the Teams people picker (User.ReadBasic.All). */
  users(token: string, ids: readonly string[]): Promise<GraphResult<{ id: string; name: string; upn?: string }[]>>;
}

/** A delegated Graph token for the person acting, or why there is none. */
export type TokenResult = { readonly ok: true; readonly token: string } | { readonly ok: false; readonly error: 'signIn' };
