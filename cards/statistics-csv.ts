import type { StatisticsModel } from '../src/app/statistics-view';
import type { Locale } from '../src/domain/i18n';
import { pick } from '../src/domain/i18n';
import type { Policy } from '../src/domain/policy';
import type { Outcome, Shown } from '../src/domain/statistics';
import { type TextKey, t } from './texts';

const MONTH = { da: 'da-DK', en: 'en-GB' } as const;

/** "jan. 2026" / "Jan 2026"; short: "jan." / "Jan". */
export function monthLabel(month: string, locale: Locale, short = false): string {
  const at = new Date(`${month}-15T12:00:00Z`);
  return new Intl.DateTimeFormat(MONTH[locale], { month: 'short', ...(short ? {} : { year: 'numeric' }), timeZone: 'UTC' }).format(at);
}

export function shownText(n: Shown, locale: Locale): string {
  return n === 'under3' ? t('under3', locale) : String(n);
}

export function daysText(n: number | undefined, locale: Locale): string {
  if (n === undefined) return t('statisticsTooFew', locale);
  if (n === 0) return t('statisticsSameDay', locale);
  if (n === 1) return t('statisticsDay', locale);
  return t('statisticsDays', locale, { n: Number.isInteger(n) ? n : n.toFixed(1).replace('.', locale === 'da' ? ',' : '.') });
}

export const OUTCOME_TEXT: Record<Outcome, TextKey> = {
  policeReport: 'outcomePoliceReport',
  takedownRequest: 'outcomeTakedownRequest',
  dataProtectionComplaint: 'outcomeDataProtectionComplaint',
};

/** The characteristic's few words from the policy, else its question. */
export function kindLabel(policy: Policy, id: string, locale: Locale): string {
  const def = policy.characteristics.find((c) => c.id === id);
  return def ? pick(def.short ?? def.label, locale) : id;
}

/** A CSV field: quoted when needed, and never read as a formula by a spreadsheet (a department name is typed by IT). */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[;"\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

type DepartmentLine = NonNullable<StatisticsModel['perDepartment']>[number];

/** Most cases first ("under 3" between 0 and 3), then warnings, then by name: as the card lists them. */
export function busiestFirst(lines: readonly DepartmentLine[]): DepartmentLine[] {
  const weight = (n: DepartmentLine['incidents']) => (n === 'under3' ? 1.5 : n);
  return [...lines].sort(
    (a, b) => weight(b.incidents) - weight(a.incidents) || weight(b.warnings) - weight(a.warnings) || a.name.localeCompare(b.name, 'da'),
  );
}

/** Departments with cases named in the CSV: enough for a municipality's year, small enough for the card (28 KB). */
const CSV_DEPARTMENTS = 100;

/** The card's anonymous table as semicolon-separated CSV (Danish Excel's separator), for the MED minutes. */
export function statisticsCsv(m: StatisticsModel, scopeName: string, locale: Locale, policy: Policy): string {
  const f = m.figures;
  const rows: string[][] = [
    [t('statistics', locale), scopeName, m.today],
    [t('month', locale), t('casesCol', locale), t('warningsCol', locale)],
  ];
  for (const x of f.months) rows.push([x.month, shownText(x.incidents, locale), shownText(x.warnings, locale)]);
  rows.push([t('statisticsTotals', locale), shownText(f.incidents, locale), shownText(f.warnings, locale)], []);
  if (m.perDepartment) {
    // Departments without cases are one line; the CSV travels inside the card, so at most CSV_DEPARTMENTS are named.
    const withCases = busiestFirst(m.perDepartment.filter((d) => d.incidents !== 0 || d.warnings !== 0));
    rows.push([t('departmentCol', locale), t('casesCol', locale), t('warningsCol', locale)]);
    for (const d of withCases.slice(0, CSV_DEPARTMENTS)) rows.push([d.name, shownText(d.incidents, locale), shownText(d.warnings, locale)]);
    if (withCases.length > CSV_DEPARTMENTS) rows.push([t('csvMoreDepartments', locale, { n: withCases.length - CSV_DEPARTMENTS })]);
    if (withCases.length < m.perDepartment.length)
      rows.push([t('csvNoCases', locale, { n: m.perDepartment.length - withCases.length }), '0', '0']);
    rows.push([]);
  }
  rows.push([t('statisticsByKind', locale)]);
  if (f.byKind) for (const k of f.byKind) rows.push([kindLabel(policy, k.id, locale), shownText(k.count, locale)]);
  else rows.push([t('statisticsByKindHidden', locale)]);
  rows.push([], [t('statisticsOutcomes', locale)]);
  for (const o of f.outcomes) rows.push([t(OUTCOME_TEXT[o.outcome], locale), shownText(o.count, locale)]);
  rows.push(
    [],
    [t('statisticsTimes', locale)],
    [t('statisticsToMeeting', locale), daysText(f.medianMeetingDays, locale)],
    [t('statisticsToMessage', locale), daysText(f.medianMessageDays, locale)],
    [],
    [t('statisticsOverdue', locale), shownText(f.overdue, locale)],
  );
  return rows.map((r) => r.map(field).join(';')).join('\n');
}
