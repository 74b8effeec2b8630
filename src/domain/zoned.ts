import type { IsoDate } from './dates';
import { TIME_ZONE } from './dates';

const offsetFormat = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, timeZoneName: 'shortOffset' });

/** Minutes Copenhagen is ahead of UTC at an instant (60 in winter, 120 in summer). */
export function copenhagenOffset(instant: Date): number {
  const name = offsetFormat.formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{1,2})(?::(\d{2}))?/.exec(name);
  if (!m) return 0;
  const minutes = Number(m[2]) * 60 + Number(m[3] ?? 0);
  return m[1] === '-' ? -minutes : minutes;
}

/** The instant of a wall-clock time in Copenhagen ("2026-11-25", 16, 0 → 15:00Z). */
export function copenhagenTime(date: IsoDate, hour: number, minute = 0): Date {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const guess = Date.UTC(y, mo - 1, d, hour, minute);
  // Two passes settle the offset even on the days the clocks change.
  let instant = new Date(guess - copenhagenOffset(new Date(guess)) * 60_000);
  instant = new Date(guess - copenhagenOffset(instant) * 60_000);
  return instant;
}

const wallFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "2026-11-25T10:30" in Copenhagen for an instant. */
export function copenhagenWallTime(instant: Date): { date: IsoDate; time: string } {
  const parts = Object.fromEntries(wallFormat.formatToParts(instant).map((p) => [p.type, p.value]));
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
}
