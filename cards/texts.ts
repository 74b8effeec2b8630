import type { Locale, Localized } from '../src/domain/i18n';
import { ADMIN_TEXTS } from './texts-admin';
import { CASE_TEXTS } from './texts-case';
import { EVIDENCE_TEXTS } from './texts-evidence';
import { FOLLOW_UP_TEXTS } from './texts-follow-up';
import { PACK_TEXTS } from './texts-pack';
import { PLAN_TEXTS } from './texts-plan';
import { STATISTICS_TEXTS } from './texts-statistics';

export { FIELD_ERRORS, NOTICES } from './texts-notices';

/** Every fixed text a card shows, in Danish and English; split by area, looked up in one place. */
export const T = {
  ...CASE_TEXTS,
  ...PLAN_TEXTS,
  ...ADMIN_TEXTS,
  ...EVIDENCE_TEXTS,
  ...PACK_TEXTS,
  ...FOLLOW_UP_TEXTS,
  ...STATISTICS_TEXTS,
} as const satisfies Record<string, Localized>;

export type TextKey = keyof typeof T;

export function t(key: TextKey, locale: Locale, vars?: Readonly<Record<string, string | number>>): string {
  const s = T[key][locale];
  // Most texts have no placeholders; a card asks for dozens of texts, so skip the regular expression for those.
  return vars || s.includes('{') ? s.replace(/\{(\w+)\}/g, (_, k: string) => String(vars?.[k] ?? '')) : s;
}
