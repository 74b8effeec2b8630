import type { Case } from '../src/domain/case';
import { packTime } from '../src/domain/case-pack';
import type { Locale } from '../src/domain/i18n';
import { t } from './texts';

/**
 * The evidence index as lines of the text export: name, link, received time, who and the full SHA-256, numbered as
 * received; withdrawn items stay, marked (the chain of custody is append-only).
 */
export function evidenceIndexLines(c: Case, names: Readonly<Record<string, string>>, locale: Locale): string[] {
  if (c.kind !== 'incident') return [];
  const items = c.evidence ?? [];
  if (!items.length) return ['', `${t('evidenceIndex', locale)}: ${t('evidenceIndexNone', locale)}`];
  return [
    '',
    `${t('evidenceIndex', locale)} (${items.length}):`,
    ...items.map((i, n) => {
      const who = names[i.addedBy] ?? i.addedBy;
      const outcome =
        i.capture && i.capture.outcome !== 'content' ? ` [${i.capture.outcome}${i.capture.error ? `: ${i.capture.error}` : ''}]` : '';
      const withdrawn = i.withdrawn ? ` (${t('withdrawnMark', locale)} ${packTime(i.withdrawn.at)}: ${i.withdrawn.reason})` : '';
      return `${n + 1}. ${i.name}${outcome} – ${i.link ?? '–'} – ${packTime(i.receivedAt)} – ${who} – SHA-256 ${i.sha256}${withdrawn}`;
    }),
  ];
}
