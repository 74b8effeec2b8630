/**
 * The simulator's mutable state: created events, channel posts and the change log tests read back.
 * Seed data never changes; reset() returns to it.
 */
import { formatDateTimeTimeZone } from './calendar';
import { type BusyBlock, expandCalendar, type Seed, type SeedCalendar, type SeedTeam } from './seed';

export interface SimUser {
  id: string;
  displayName: string;
  mail: string;
  userPrincipalName: string;
}

export interface Attendee {
  type: string;
  emailAddress: { address: string; name?: string };
}

export interface StoredEvent {
  id: string;
  start: number;
  end: number;
  seq: number;
  organizerId: string;
  transactionId?: string;
  subject: string;
  body: { contentType: string; content: string };
  attendees: Attendee[];
  isOnlineMeeting: boolean;
  onlineMeetingProvider?: string;
  created: number;
  modified: number;
  cancelled: boolean;
}

export interface EventChange {
  method: 'PATCH' | 'DELETE';
  eventId: string;
  organizerId: string;
  at: string;
  body?: unknown;
}

export interface Received {
  /** Every event Graph created (one per distinct transactionId), in its current state; deleted ones have isCancelled. */
  events: Record<string, unknown>[];
  eventChanges: EventChange[];
  /** Every channel POST, duplicates included: Graph does not deduplicate them. */
  messages: Record<string, unknown>[];
}

export class Store {
  readonly users: SimUser[];
  private readonly calendars = new Map<string, SeedCalendar>();
  private readonly teams: SeedTeam[];
  private events: StoredEvent[] = [];
  private byTransaction = new Map<string, StoredEvent>();
  private changes: EventChange[] = [];
  private messages: Record<string, unknown>[] = [];
  // Ids keep counting across reset() so an id a client kept from before a reset never names a new object.
  private seq = 0;

  constructor(seed: Seed) {
    this.users = seed.users.map((u) => ({ ...u, mail: u.mail ?? u.userPrincipalName }));
    this.teams = seed.teams ?? [];
    for (const [key, calendar] of Object.entries(seed.calendars ?? {})) {
      const user = this.user(key);
      if (user) this.calendars.set(user.id, calendar);
    }
  }

  reset(): void {
    this.events = [];
    this.byTransaction = new Map();
    this.changes = [];
    this.messages = [];
  }

  nextSeq(): number {
    this.seq += 1;
    return this.seq;
  }

  /** By id, userPrincipalName or mail, as /users/{id|upn} and attendee addresses resolve. */
  user(idOrAddress: string): SimUser | undefined {
    const key = idOrAddress.toLowerCase();
    return this.users.find((u) => u.id.toLowerCase() === key || u.userPrincipalName.toLowerCase() === key || u.mail.toLowerCase() === key);
  }

  channel(teamId: string, channelId: string): { team: SeedTeam; channelId: string } | undefined {
    const team = this.teams.find((t) => t.id === teamId);
    const channel = team?.channels.find((c) => c.id === channelId);
    return team && channel ? { team, channelId: channel.id } : undefined;
  }

  /** Seeded busy time plus live events the user organises or attends. */
  busy(userId: string, from: number, to: number, now: number): BusyBlock[] {
    const user = this.user(userId);
    if (!user) return [];
    const seeded = expandCalendar(this.calendars.get(user.id), from, to, now);
    const booked = this.events
      .filter((e) => !e.cancelled && e.start < to && from < e.end)
      .filter((e) => e.organizerId === user.id || e.attendees.some((a) => this.user(a.emailAddress.address)?.id === user.id))
      .map((e) => ({ start: e.start, end: e.end, subject: e.subject }));
    return [...seeded, ...booked];
  }

  eventByTransaction(organizerId: string, transactionId: string): StoredEvent | undefined {
    return this.byTransaction.get(`${organizerId}\n${transactionId}`);
  }

  /** An organizer's live event; other people's events and deleted ones are not found, as in Graph. */
  ownEvent(organizerId: string, eventId: string): StoredEvent | undefined {
    return this.events.find((e) => e.id === eventId && e.organizerId === organizerId && !e.cancelled);
  }

  addEvent(event: StoredEvent): void {
    this.events.push(event);
    if (event.transactionId) this.byTransaction.set(`${event.organizerId}\n${event.transactionId}`, event);
  }

  recordChange(change: EventChange): void {
    this.changes.push(change);
  }

  cancel(event: StoredEvent): void {
    event.cancelled = true;
    // Whether Graph still deduplicates against a deleted event is undocumented; forgetting it lets a client rebook.
    if (event.transactionId) this.byTransaction.delete(`${event.organizerId}\n${event.transactionId}`);
  }

  addMessage(message: Record<string, unknown>): void {
    this.messages.push(message);
  }

  messageIdTaken(id: string): boolean {
    return this.messages.some((m) => m.id === id);
  }

  received(): Received {
    return structuredClone({
      events: this.events.map((e) => this.toGraphEvent(e, 'UTC')),
      eventChanges: this.changes,
      messages: this.messages,
    });
  }

  /** The event as Graph returns it, times in the caller's preferred zone. */
  toGraphEvent(e: StoredEvent, timeZone: string): Record<string, unknown> {
    const organizer = this.user(e.organizerId);
    return {
      id: e.id,
      createdDateTime: new Date(e.created).toISOString(),
      lastModifiedDateTime: new Date(e.modified).toISOString(),
      iCalUId: `040000008200E00074C5B7101A82E00800000000SIM${String(e.seq).padStart(8, '0')}`,
      subject: e.subject,
      body: e.body,
      start: formatDateTimeTimeZone(e.start, timeZone),
      end: formatDateTimeTimeZone(e.end, timeZone),
      isCancelled: e.cancelled,
      isOnlineMeeting: e.isOnlineMeeting,
      onlineMeetingProvider: e.isOnlineMeeting ? (e.onlineMeetingProvider ?? 'teamsForBusiness') : 'unknown',
      onlineMeeting: e.isOnlineMeeting ? { joinUrl: `https://teams.microsoft.com/l/meetup-join/sim-${e.seq}` } : null,
      webLink: `https://outlook.office365.com/owa/?itemid=${encodeURIComponent(e.id)}&exvsurl=1&path=/calendar/item`,
      organizer: { emailAddress: { name: organizer?.displayName ?? '', address: organizer?.mail ?? '' } },
      attendees: e.attendees.map((a) => ({
        type: a.type,
        status: { response: 'none', time: '0001-01-01T00:00:00Z' },
        emailAddress: {
          name: a.emailAddress.name ?? this.user(a.emailAddress.address)?.displayName ?? '',
          address: a.emailAddress.address,
        },
      })),
      // Graph returns transactionId only when the client set one.
      ...(e.transactionId ? { transactionId: e.transactionId } : {}),
    };
  }
}
