/** The languages the product speaks. Danish is the default. */
export type Locale = 'da' | 'en';

/** A text in every supported language. */
export type Localized = Readonly<Record<Locale, string>>;

/** Maps a Teams/BCP-47 locale ("en-US", "da-DK", "da") to ours; anything not English is Danish. */
export function toLocale(tag: string | undefined | null): Locale {
  return typeof tag === 'string' && /^en\b/i.test(tag) ? 'en' : 'da';
}

export function pick(text: Localized, locale: Locale): string {
  return text[locale];
}
