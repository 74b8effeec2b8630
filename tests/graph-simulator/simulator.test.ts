import departments from '../../dev/demo-departments.json';
import demoSeed from '../../dev/graph-simulator/demo-seed.json';
import { devToken, GraphSimulator, type Seed } from '../../dev/graph-simulator/simulator';

const ORGANIZER = { id: '10000000-0000-0000-0000-000000000001', displayName: 'Olga Organizer', userPrincipalName: 'olga@test.dk' };
const BO = { id: '10000000-0000-0000-0000-000000000002', displayName: 'Bo Busy-Morning', userPrincipalName: 'bo@test.dk' };
const CAI = { id: '10000000-0000-0000-0000-000000000003', displayName: 'Cai Busy-Monday', userPrincipalName: 'cai@test.dk' };

const SEED: Seed = {
  users: [ORGANIZER, BO, CAI],
  calendars: {
    [ORGANIZER.id]: { rules: [{ subject: 'Heldagskursus', from: '08:00', to: '16:00', days: ['Tue'] }] },
    'bo@test.dk': { rules: [{ from: '08:00', to: '12:00', days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'] }] },
    [CAI.id]: { rules: [{ from: '13:00', to: '16:00', days: ['Mon'] }] },
  },
  teams: [{ id: 'team-1', displayName: 'Team 1', channels: [{ id: 'chan-1', displayName: 'Kanal 1' }] }],
};

// Sunday 29 November 2026, noon in Copenhagen (UTC+1 in winter); Monday 30 November is the next working day.
const SUNDAY_NOON = new Date('2026-11-29T11:00:00Z');
const TOKEN = devToken(ORGANIZER.id, ORGANIZER.displayName);

let sim: GraphSimulator;
let base: string;

beforeAll(async () => {
  sim = new GraphSimulator(SEED);
  ({ url: base } = await sim.start());
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.reset();
  sim.setClock(() => SUNDAY_NOON);
});

interface Reply {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read whatever Graph-shaped JSON came back
  json: any;
}

async function call(
  path: string,
  init: { method?: string; body?: unknown; token?: string | null; headers?: Record<string, string> } = {},
): Promise<Reply> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', ...init.headers };
  const token = init.token === undefined ? TOKEN : init.token;
  if (token) headers.Authorization = `Bearer ${token}`;
  const res = await fetch(`${base}${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body),
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
  };
}

const at = (dateTime: string, timeZone = 'Romance Standard Time') => ({ dateTime, timeZone });
const required = (u: { userPrincipalName: string }) => ({ type: 'required', emailAddress: { address: u.userPrincipalName } });
const optional = (u: { userPrincipalName: string }) => ({ type: 'optional', emailAddress: { address: u.userPrincipalName } });

function meetingTimes(
  attendees: unknown[],
  start: string,
  end: string,
  extra: Record<string, unknown> = {},
  headers?: Record<string, string>,
) {
  return call('/v1.0/me/findMeetingTimes', {
    headers,
    body: {
      attendees,
      timeConstraint: { activityDomain: 'work', timeSlots: [{ start: at(start), end: at(end) }] },
      meetingDuration: 'PT1H',
      returnSuggestionReasons: true,
      ...extra,
    },
  });
}

// biome-ignore lint/suspicious/noExplicitAny: suggestion objects as returned
const starts = (reply: Reply) => reply.json.meetingTimeSuggestions.map((s: any) => s.meetingTimeSlot.start.dateTime);

const COPENHAGEN = { Prefer: 'outlook.timezone="Europe/Copenhagen"' };

function eventBody(transactionId: string | undefined, attendees = [required(BO)]) {
  return {
    subject: 'Opfølgning',
    body: { contentType: 'HTML', content: '<p>Dagsorden</p>' },
    start: at('2026-11-30T12:00:00'),
    end: at('2026-11-30T13:00:00'),
    attendees,
    isOnlineMeeting: true,
    onlineMeetingProvider: 'teamsForBusiness',
    ...(transactionId ? { transactionId } : {}),
  };
}

describe('server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('answers 404 in Graph shape for anything it does not simulate, 400 for bad JSON', async () => {
    const missing = await call('/v1.0/me/messages');
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('Request_ResourceNotFound');
    expect((await call('/v1.0/me/events', { body: '{not json' })).status).toBe(400);
  });

  it('refuses cross-origin calls to the control API', async () => {
    const res = await call('/_sim/reset', { method: 'POST', token: null, headers: { Origin: 'https://evil.example' } });
    expect(res.status).toBe(403);
  });
});

describe('auth', () => {
  it('needs a dev token on every /v1.0 request', async () => {
    for (const token of [null, 'not-a-dev-token', devToken('no-such-user', 'Nobody')]) {
      const res = await call('/v1.0/me', { token });
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('InvalidAuthenticationToken');
    }
  });

  it('treats the token oid as me and finds users by id or upn', async () => {
    expect((await call('/v1.0/me')).json).toEqual({
      id: ORGANIZER.id,
      displayName: ORGANIZER.displayName,
      mail: 'olga@test.dk',
      userPrincipalName: 'olga@test.dk',
    });
    expect((await call(`/v1.0/users/${BO.id}`)).json.displayName).toBe(BO.displayName);
    expect((await call('/v1.0/users/CAI%40test.dk')).json.id).toBe(CAI.id);
    expect((await call('/v1.0/users/nobody@test.dk')).status).toBe(404);
  });
});

describe('findMeetingTimes', () => {
  it('returns only slots where the organizer and all required attendees are free, in UTC by default', async () => {
    const res = await meetingTimes([required(BO), required(CAI)], '2026-11-30T08:00:00', '2026-11-30T16:00:00');
    expect(res.status).toBe(200);
    expect(res.json.emptySuggestionsReason).toBe('');
    expect(res.json.meetingTimeSuggestions).toHaveLength(1);
    const [s] = res.json.meetingTimeSuggestions;
    expect(s.meetingTimeSlot).toEqual({
      start: { dateTime: '2026-11-30T11:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-11-30T12:00:00.0000000', timeZone: 'UTC' },
    });
    expect(s.organizerAvailability).toBe('free');
    expect(s.attendeeAvailability.map((a: { availability: string }) => a.availability)).toEqual(['free', 'free']);
    expect(s.suggestionReason).not.toBe('');
  });

  it('answers in the Prefer: outlook.timezone zone and reads UTC constraints', async () => {
    const res = await call('/v1.0/me/findMeetingTimes', {
      headers: COPENHAGEN,
      body: {
        attendees: [required(BO), required(CAI)],
        timeConstraint: { timeSlots: [{ start: at('2026-11-30T07:00:00', 'UTC'), end: at('2026-11-30T15:00:00', 'UTC') }] },
        meetingDuration: 'PT1H',
      },
    });
    expect(res.json.meetingTimeSuggestions[0].meetingTimeSlot.start).toEqual({
      dateTime: '2026-11-30T12:00:00.0000000',
      timeZone: 'Europe/Copenhagen',
    });
  });

  it('lets optional attendees be busy and respects maxCandidates', async () => {
    const res = await meetingTimes(
      [required(BO), optional(CAI)],
      '2026-11-30T08:00:00',
      '2026-11-30T16:00:00',
      { maxCandidates: 3 },
      COPENHAGEN,
    );
    expect(starts(res)).toEqual(['2026-11-30T12:00:00.0000000', '2026-11-30T12:30:00.0000000', '2026-11-30T13:00:00.0000000']);
    const third = res.json.meetingTimeSuggestions[2];
    expect(third.attendeeAvailability[1]).toEqual({
      attendee: { type: 'optional', emailAddress: { address: 'cai@test.dk' } },
      availability: 'busy',
    });
    expect(third.confidence).toBe(50);
  });

  it('defaults to five candidates', async () => {
    const res = await meetingTimes([], '2026-11-30T08:00:00', '2026-11-30T16:00:00');
    expect(res.json.meetingTimeSuggestions).toHaveLength(5);
  });

  it('keeps to 08:00-16:00 Copenhagen time on weekdays, on half hours', async () => {
    const day = await meetingTimes([], '2026-11-30T05:10:00', '2026-11-30T21:00:00', { maxCandidates: 50 }, COPENHAGEN);
    expect(day.json.meetingTimeSuggestions).toHaveLength(15);
    expect(starts(day)[0]).toBe('2026-11-30T08:00:00.0000000');
    expect(day.json.meetingTimeSuggestions[14].meetingTimeSlot.end.dateTime).toBe('2026-11-30T16:00:00.0000000');

    const weekend = await meetingTimes([], '2026-12-04T14:00:00', '2026-12-07T10:00:00', { maxCandidates: 50 }, COPENHAGEN);
    expect(starts(weekend)).toEqual([
      '2026-12-04T14:00:00.0000000',
      '2026-12-04T14:30:00.0000000',
      '2026-12-04T15:00:00.0000000',
      '2026-12-07T08:00:00.0000000',
      '2026-12-07T08:30:00.0000000',
      '2026-12-07T09:00:00.0000000',
    ]);
  });

  it('follows Copenhagen summer time', async () => {
    const res = await call('/v1.0/me/findMeetingTimes', {
      body: {
        timeConstraint: { timeSlots: [{ start: at('2027-06-07T00:00:00', 'UTC'), end: at('2027-06-07T23:00:00', 'UTC') }] },
        maxCandidates: 1,
      },
    });
    expect(res.json.meetingTimeSuggestions[0].meetingTimeSlot).toEqual({
      start: { dateTime: '2027-06-07T06:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2027-06-07T06:30:00.0000000', timeZone: 'UTC' },
    });
  });

  it('does not suggest times that have passed', async () => {
    sim.setClock(() => new Date('2026-11-30T11:10:00Z'));
    const res = await meetingTimes([], '2026-11-30T08:00:00', '2026-11-30T16:00:00', {}, COPENHAGEN);
    expect(starts(res)[0]).toBe('2026-11-30T12:30:00.0000000');
  });

  it('says AttendeesUnavailable when a required attendee is busy throughout', async () => {
    const res = await meetingTimes([required(BO)], '2026-11-30T09:00:00', '2026-11-30T11:00:00');
    expect(res.json).toMatchObject({ emptySuggestionsReason: 'AttendeesUnavailable', meetingTimeSuggestions: [] });
  });

  it('says OrganizerUnavailable when only the organizer is busy, unless the organizer is optional', async () => {
    const busy = await meetingTimes([required(CAI)], '2026-12-01T08:00:00', '2026-12-01T16:00:00');
    expect(busy.json.emptySuggestionsReason).toBe('OrganizerUnavailable');
    const optionalOrganizer = await meetingTimes([required(CAI)], '2026-12-01T08:00:00', '2026-12-01T16:00:00', {
      isOrganizerOptional: true,
    });
    expect(optionalOrganizer.json.meetingTimeSuggestions).toHaveLength(5);
  });

  it('treats unknown (external) addresses as free', async () => {
    const res = await meetingTimes([required({ userPrincipalName: 'advokat@example.com' })], '2026-11-30T08:00:00', '2026-11-30T10:00:00');
    expect(res.json.meetingTimeSuggestions.length).toBeGreaterThan(0);
  });

  it('counts events it created as busy time', async () => {
    expect((await call('/v1.0/me/events', { body: eventBody('t-1', [required(CAI)]) })).status).toBe(201);
    const res = await meetingTimes([required(BO), required(CAI)], '2026-11-30T08:00:00', '2026-11-30T16:00:00');
    expect(res.json.emptySuggestionsReason).toBe('AttendeesUnavailable');
  });
});

describe('events', () => {
  it('deduplicates a repeated POST with the same transactionId: same event, one invite', async () => {
    const first = await call('/v1.0/me/events', { body: eventBody('incident-1-meeting') });
    const second = await call('/v1.0/me/events', { body: eventBody('incident-1-meeting') });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.json.id).toBe(first.json.id);
    expect(first.json.onlineMeeting.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/sim-/);
    expect(first.json).toMatchObject({ transactionId: 'incident-1-meeting', subject: 'Opfølgning', isOnlineMeeting: true });
    expect(first.json.webLink).toMatch(/^https:\/\//);
    expect(first.json.iCalUId).toEqual(expect.any(String));
    expect(first.json.start).toEqual({ dateTime: '2026-11-30T11:00:00.0000000', timeZone: 'UTC' });
    expect(sim.received().events).toHaveLength(1);
  });

  it('creates two events for two transactionIds, and per organizer', async () => {
    await call('/v1.0/me/events', { body: eventBody('a') });
    await call('/v1.0/me/events', { body: eventBody('b') });
    await call('/v1.0/me/events', { body: eventBody('a'), token: devToken(BO.id, BO.displayName) });
    expect(sim.received().events.map((e) => e.transactionId)).toEqual(['a', 'b', 'a']);
  });

  it('records moves and deletions of the organizer’s own events', async () => {
    const { json: event } = await call('/v1.0/me/events', { body: eventBody('move-me') });
    const moved = await call(`/v1.0/me/events/${event.id}`, {
      method: 'PATCH',
      headers: COPENHAGEN,
      body: { start: at('2026-12-02T14:00:00'), end: at('2026-12-02T15:00:00') },
    });
    expect(moved.json.start).toEqual({ dateTime: '2026-12-02T14:00:00.0000000', timeZone: 'Europe/Copenhagen' });
    expect((await call(`/v1.0/me/events/${event.id}`, { method: 'DELETE', token: devToken(BO.id, BO.displayName) })).status).toBe(404);
    expect((await call(`/v1.0/me/events/${event.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await call(`/v1.0/me/events/${event.id}`, { method: 'DELETE' })).status).toBe(404);
    const received = sim.received();
    expect(received.eventChanges.map((c) => [c.method, c.eventId])).toEqual([
      ['PATCH', event.id],
      ['DELETE', event.id],
    ]);
    expect(received.events[0].isCancelled).toBe(true);
  });
});

describe('channel messages', () => {
  it('records every post, duplicates included', async () => {
    const body = { body: { contentType: 'html', content: '<p>Vi bakker op.</p>' } };
    const first = await call('/v1.0/teams/team-1/channels/chan-1/messages', { body });
    await call('/v1.0/teams/team-1/channels/chan-1/messages', { body });
    expect(first.status).toBe(201);
    expect(first.json).toMatchObject({
      webUrl: `https://teams.microsoft.com/l/message/chan-1/${first.json.id}`,
      createdDateTime: SUNDAY_NOON.toISOString(),
      from: { user: { id: ORGANIZER.id, displayName: ORGANIZER.displayName } },
      body: { contentType: 'html', content: '<p>Vi bakker op.</p>' },
    });
    const messages = sim.received().messages;
    expect(messages).toHaveLength(2);
    expect(messages[0].id).not.toBe(messages[1].id);
  });

  it('answers 404 for a team or channel it does not know', async () => {
    const body = { body: { contentType: 'html', content: 'x' } };
    for (const path of ['/v1.0/teams/team-1/channels/nope/messages', '/v1.0/teams/nope/channels/chan-1/messages']) {
      const res = await call(path, { body });
      expect(res.status).toBe(404);
      expect(res.json.error.code).toBe('Request_ResourceNotFound');
    }
    expect(sim.received().messages).toHaveLength(0);
  });
});

describe('faults', () => {
  it('throttles once with Retry-After, then lets the request through', async () => {
    sim.inject({ match: { method: 'POST', path: '/me/events' }, status: 429, retryAfterSeconds: 2 });
    const throttled = await call('/v1.0/me/events', { body: eventBody('t') });
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect(throttled.json.error.code).toEqual(expect.any(String));
    expect(sim.received().events).toHaveLength(0);
    expect((await call('/v1.0/me/events', { body: eventBody('t') })).status).toBe(201);
  });

  it('applyAfter: creates the event and still answers 503, so only a transactionId saves a retry from doubling', async () => {
    sim.inject({ match: { path: /\/me\/events$/ }, status: 503, applyAfter: true, times: 2 });
    const withId = await call('/v1.0/me/events', { body: eventBody('safe') });
    expect(withId.status).toBe(503);
    expect(sim.received().events).toHaveLength(1);
    const retried = await call('/v1.0/me/events', { body: eventBody('safe') });
    expect(retried.status).toBe(503);
    expect((await call('/v1.0/me/events', { body: eventBody('safe') })).json.id).toBe(sim.received().events[0].id);
    expect(sim.received().events).toHaveLength(1);

    sim.inject({ match: { path: '/me/events' }, status: 503, applyAfter: true });
    await call('/v1.0/me/events', { body: eventBody(undefined) });
    await call('/v1.0/me/events', { body: eventBody(undefined) });
    expect(sim.received().events).toHaveLength(3);
  });

  it("drop 'after' acts and then kills the connection; drop 'before' does not act", async () => {
    sim.inject({ match: { path: '/messages' }, drop: 'after' });
    const body = { body: { contentType: 'html', content: 'x' } };
    await expect(call('/v1.0/teams/team-1/channels/chan-1/messages', { body })).rejects.toThrow();
    expect(sim.received().messages).toHaveLength(1);

    sim.inject({ match: { path: '/messages' }, drop: 'before' });
    await expect(call('/v1.0/teams/team-1/channels/chan-1/messages', { body })).rejects.toThrow();
    expect(sim.received().messages).toHaveLength(1);
  });

  it('delays a response', async () => {
    sim.inject({ match: { path: '/me' }, delayMs: 300 });
    const started = Date.now();
    expect((await call('/v1.0/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(280);
  });

  it('is controllable over HTTP, and reset clears everything', async () => {
    const added = await call('/_sim/faults', { token: null, body: { match: { path: '/messages' }, status: 500 } });
    expect(added.status).toBe(201);
    expect((await call('/_sim/faults', { token: null, body: { status: 418 } })).status).toBe(400);
    const body = { body: { contentType: 'html', content: 'x' } };
    expect((await call('/v1.0/teams/team-1/channels/chan-1/messages', { body })).status).toBe(500);

    await call('/_sim/faults', { token: null, body: { status: 503, times: 5 } });
    expect((await call('/_sim/faults', { method: 'DELETE', token: null })).status).toBe(204);
    expect((await call('/v1.0/teams/team-1/channels/chan-1/messages', { body })).status).toBe(201);
    expect((await call('/_sim/received', { token: null })).json).toMatchObject({
      events: [],
      eventChanges: [],
      messages: [{ body: { content: 'x' } }],
    });

    expect((await call('/_sim/reset', { method: 'POST', token: null })).status).toBe(204);
    expect((await call('/_sim/received', { token: null })).json.messages).toEqual([]);
  });

  it('rejects a fault that would do nothing', () => {
    expect(() => sim.inject({ match: { path: '/me' } })).toThrow(/invalid fault/);
    expect(() => sim.inject({ drop: 'after', status: 503 })).toThrow(/invalid fault/);
  });
});

describe('$batch', () => {
  it('runs inner requests through the same handlers, faults included', async () => {
    sim.inject({ match: { path: '/teams/' }, status: 429, retryAfterSeconds: 1 });
    const res = await call('/v1.0/$batch', {
      body: {
        requests: [
          { id: '1', method: 'GET', url: '/me' },
          { id: '2', method: 'POST', url: '/me/events', headers: { 'Content-Type': 'application/json' }, body: eventBody('batched') },
          { id: '3', method: 'POST', url: '/teams/team-1/channels/chan-1/messages', body: { body: { contentType: 'html', content: 'x' } } },
          { id: '4', method: 'GET', url: '/users/nobody@test.dk' },
          { id: '5', method: 'GET', url: '/me', dependsOn: ['4'] },
        ],
      },
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.json.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId['1']).toMatchObject({ status: 200, body: { id: ORGANIZER.id } });
    expect(byId['2']).toMatchObject({ status: 201, body: { transactionId: 'batched' } });
    expect(byId['3']).toMatchObject({ status: 429, headers: { 'Retry-After': '1' } });
    expect(byId['4'].status).toBe(404);
    expect(byId['5'].status).toBe(424);
    expect(sim.received().events).toHaveLength(1);
    expect(sim.received().messages).toHaveLength(0);
  });

  it('refuses more than 20 requests', async () => {
    const requests = Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' }));
    expect((await call('/v1.0/$batch', { body: { requests } })).status).toBe(400);
  });
});

describe('HTML view', () => {
  it('lists invites and posts with everything escaped', async () => {
    await call('/v1.0/me/events', { body: { ...eventBody('html'), subject: 'Møde <img src=x onerror=alert(1)>' } });
    await call('/v1.0/teams/team-1/channels/chan-1/messages', {
      body: { body: { contentType: 'html', content: '<p>Hej</p><script>alert(1)</script>' } },
    });
    const page = await fetch(base);
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<meta http-equiv="refresh" content="3">');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('Møde &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('https://teams.microsoft.com/l/meetup-join/sim-');
    expect(html).toContain('Bo Busy-Morning');
  });
});

describe('demo seed', () => {
  const demo = departments.departments[0];

  // A subset, not equality: the seed may know more people than the department lists (harmless for the bot).
  it('has the demo department’s people, team and channel', () => {
    expect(GraphSimulator.fromDemo()).toBeInstanceOf(GraphSimulator);
    const file: Seed = demoSeed as Seed;
    const seeded = file.users.map((u) => [u.id, u.displayName, u.userPrincipalName]);
    for (const m of demo.members) expect(seeded).toContainEqual([m.id, m.name, m.upn]);
    expect(file.teams?.[0].id).toBe(demo.teamId);
    expect(file.teams?.[0].channels.map((c) => c.id)).toContain(demo.channelId);
  });

  it('keeps Lars Bech busy 09:00-11:00 every weekday', async () => {
    const demoSim = GraphSimulator.fromDemo();
    demoSim.setClock(() => SUNDAY_NOON);
    const { url } = await demoSim.start();
    try {
      const manager = demo.members[0];
      const res = await fetch(`${url}/v1.0/me/findMeetingTimes`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${devToken(manager.id, manager.name)}`, Prefer: 'outlook.timezone="Europe/Copenhagen"' },
        body: JSON.stringify({
          attendees: [{ type: 'required', emailAddress: { address: 'lars.bech@demo-kommune.dk', name: 'Lars Bech' } }],
          timeConstraint: {
            timeSlots: [{ start: at('2026-11-30T08:00:00', 'Europe/Copenhagen'), end: at('2026-12-04T16:00:00', 'Europe/Copenhagen') }],
          },
          meetingDuration: 'PT1H',
          maxCandidates: 100,
        }),
      });
      const { meetingTimeSuggestions } = (await res.json()) as {
        meetingTimeSuggestions: { meetingTimeSlot: { start: { dateTime: string } } }[];
      };
      const hours = meetingTimeSuggestions.map((s) => s.meetingTimeSlot.start.dateTime.slice(11, 16));
      expect(hours.length).toBeGreaterThan(10);
      expect(hours.filter((h) => h >= '08:30' && h < '11:00')).toEqual([]);
    } finally {
      await demoSim.stop();
    }
  });
});
