import type { IsoDate } from './dates';
import type { Locale } from './i18n';

const formats: Record<Locale, Intl.DateTimeFormat> = {
  da: new Intl.DateTimeFormat('da-DK', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
};

/** "24. november 2026" / "24 November 2026". */
export function formatDate(date: IsoDate, locale: Locale): string {
  return formats[locale].format(new Date(`${date}T00:00:00Z`));
}

/** "Anna og Bo" / "Anna, Bo and Carl". */
export function joinNames(names: readonly string[], locale: Locale): string {
  if (names.length <= 1) return names.join('');
  const and = locale === 'da' ? ' og ' : ' and ';
  return `${names.slice(0, -1).join(', ')}${and}${names[names.length - 1]}`;
}
