import type { IsoDate } from './dates';
import type { Locale } from './i18n';

const formats: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** Formatted dates; a plan shows the same few dates on every card. Bounded: cleared when it grows past a year's worth. */
const formatted: Record<Locale, Map<IsoDate, string>> = { da: new Map(), en: new Map() };
const FORMATTED_MAX = 400;

/** "24. november 2026" / "24 November 2026". */
export function formatDate(date: IsoDate, locale: Locale): string {
  const cache = formatted[locale];
  let out = cache.get(date);
  if (out === undefined) {
    out = formats[locale].format(new Date(`${date}T00:00:00Z`));
    if (cache.size >= FORMATTED_MAX) cache.clear();
    cache.set(date, out);
  }
  return out;
}

/** "Anna og Bo" / "Anna, Bo and Carl". */
export function joinNames(names: readonly string[], locale: Locale): string {
  if (names.length <= 1) return names.join('');
  const and = locale === 'da' ? ' og ' : ' and ';
  return `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1]}`;
}

const slotDay: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Copenhagen' }),
  en: new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'Europe/Copenhagen' }),
};
const slotTime: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen', hourCycle: 'h23' }),
  en: new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Copenhagen', hourCycle: 'h23' }),
};

/** "onsdag den 25. november kl. 10.00–11.00" / "Wednesday 25 November, 10:00–11:00" (Danish time). */
export function formatSlot(slot: { start: string; end: string }, locale: Locale): string {
  const start = new Date(slot.start);
  const end = new Date(slot.end);
  const day = slotDay[locale].format(start);
  const from = slotTime[locale].format(start);
  const to = slotTime[locale].format(end);
  return locale === 'da' ? `${day} kl. ${from}–${to}` : `${day}, ${from}–${to}`;
}
