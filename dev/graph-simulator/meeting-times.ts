/**
 * POST /me/findMeetingTimes. Deliberately simpler than Graph's tuned algorithm (which the docs say changes
 * over time): 30-minute starts, organizer and required attendees must be free, optional ones only lower
 * the confidence, results in chronological order.
 */
import {
  formatDateTimeTimeZone,
  HALF_HOUR_MS,
  type Interval,
  overlaps,
  parseDateTimeTimeZone,
  parseDuration,
  withinWorkingHours,
} from './calendar';
import { GraphError } from './http';
import type { Attendee, SimUser, Store } from './store';

interface FindMeetingTimesBody {
  attendees?: Attendee[];
  timeConstraint?: { activityDomain?: string; timeSlots?: { start: unknown; end: unknown }[] };
  meetingDuration?: string;
  maxCandidates?: number;
  isOrganizerOptional?: boolean;
  returnSuggestionReasons?: boolean;
  minimumAttendeePercentage?: number;
}

const DEFAULT_WINDOW_MS = 7 * 24 * 60 * 60_000;
// Enough for any real request and small enough that a typo in a year cannot make us loop for minutes.
const MAX_WINDOW_MS = 62 * 24 * 60 * 60_000;
const REASON = 'Suggested because it is one of the nearest times when all attendees are available.';

export function findMeetingTimes(store: Store, me: SimUser, input: unknown, responseZone: string, now: number): Record<string, unknown> {
  const body = (input ?? {}) as FindMeetingTimesBody;
  const attendees = Array.isArray(body.attendees) ? body.attendees : [];
  if (attendees.some((a) => typeof a?.emailAddress?.address !== 'string')) {
    throw new GraphError(400, 'ErrorInvalidRequest', 'Every attendee needs emailAddress.address.');
  }
  const duration = parseDuration(body.meetingDuration ?? 'PT30M');
  const maxCandidates = body.maxCandidates ?? 5;
  const minimumPercentage = body.minimumAttendeePercentage ?? 50;
  // 'personal' (outside working hours) is not modelled; only 'unrestricted' lifts the working-hours rule.
  const workOnly = (body.timeConstraint?.activityDomain ?? 'work') !== 'unrestricted';
  const windows = timeWindows(body, now);

  const from = Math.min(...windows.map((w) => w.start));
  const to = Math.max(...windows.map((w) => w.end));
  const organizerBusy = body.isOrganizerOptional ? [] : store.busy(me.id, from, to, now);
  const people = attendees.map((a) => ({ attendee: a, busy: store.busy(a.emailAddress.address, from, to, now) }));

  const suggestions: Record<string, unknown>[] = [];
  let candidates = 0;
  let organizerBusyCount = 0;
  for (const slot of candidateSlots(windows, duration, now)) {
    if (suggestions.length >= maxCandidates) break;
    if (workOnly && !withinWorkingHours(slot)) continue;
    candidates += 1;
    if (organizerBusy.some((b) => overlaps(b, slot))) {
      organizerBusyCount += 1;
      continue;
    }
    const availability = people.map((p) => ({ ...p, free: !p.busy.some((b) => overlaps(b, slot)) }));
    if (availability.some((p) => !p.free && p.attendee.type !== 'optional')) continue;
    const confidence = people.length === 0 ? 100 : (100 * availability.filter((p) => p.free).length) / people.length;
    if (confidence < minimumPercentage) continue;
    suggestions.push({
      confidence,
      order: suggestions.length + 1,
      organizerAvailability: 'free',
      suggestionReason: body.returnSuggestionReasons ? REASON : '',
      attendeeAvailability: availability.map((p) => ({
        attendee: { type: p.attendee.type ?? 'required', emailAddress: { address: p.attendee.emailAddress.address } },
        availability: p.free ? 'free' : 'busy',
      })),
      locations: [],
      meetingTimeSlot: { start: formatDateTimeTimeZone(slot.start, responseZone), end: formatDateTimeTimeZone(slot.end, responseZone) },
    });
  }

  const emptySuggestionsReason =
    suggestions.length > 0 ? '' : candidates > 0 && organizerBusyCount === candidates ? 'OrganizerUnavailable' : 'AttendeesUnavailable';
  return {
    '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.meetingTimeSuggestionsResult',
    emptySuggestionsReason,
    meetingTimeSuggestions: suggestions,
  };
}

function timeWindows(body: FindMeetingTimesBody, now: number): Interval[] {
  const slots = body.timeConstraint?.timeSlots;
  if (!slots?.length) return [{ start: now, end: now + DEFAULT_WINDOW_MS }];
  return slots.map((s, i) => {
    const start = parseDateTimeTimeZone(s?.start, `timeConstraint.timeSlots[${i}].start`);
    const end = parseDateTimeTimeZone(s?.end, `timeConstraint.timeSlots[${i}].end`);
    if (end <= start) throw new GraphError(400, 'ErrorInvalidRequest', `timeConstraint.timeSlots[${i}] ends before it starts.`);
    if (end - start > MAX_WINDOW_MS) throw new GraphError(400, 'ErrorInvalidRequest', 'The time constraint spans more than 62 days.');
    return { start, end };
  });
}

/** Every meeting that starts on a half hour, lies in a window and is not in the past, in chronological order. */
function candidateSlots(windows: Interval[], duration: number, now: number): Interval[] {
  const starts = new Set<number>();
  for (const w of windows) {
    // Epoch half hours are Copenhagen (and UTC) half hours: both zones are whole hours from UTC.
    for (let s = Math.ceil(Math.max(w.start, now) / HALF_HOUR_MS) * HALF_HOUR_MS; s + duration <= w.end; s += HALF_HOUR_MS) starts.add(s);
  }
  return [...starts].sort((a, b) => a - b).map((start) => ({ start, end: start + duration }));
}
