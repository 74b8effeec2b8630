import type { StatisticsModel } from '../src/app/statistics-view';
import { Verb } from '../src/app/verbs';
import type { Locale } from '../src/domain/i18n';
import type { CardContext } from './context';
import { type AdaptiveCard, card, type Element, execute, heading, plain, text } from './elements';
import { busiestFirst, daysText, kindLabel, monthLabel, OUTCOME_TEXT, shownText, statisticsCsv } from './statistics-csv';
import { t } from './texts';

function factSet(facts: readonly [string, string][]): Element {
  return { type: 'FactSet', facts: facts.map(([title, value]) => ({ title, value })) };
}

/** A table with a header row: read by screen readers as a table, unlike columns. */
function table(header: readonly string[], rows: readonly (readonly string[])[]): Element {
  // No wrap: short figures, and a 12-row table must stay small enough for the card's size limit.
  const cell = (value: string, bold = false) => ({
    type: 'TableCell',
    items: [{ type: 'TextBlock', text: value, ...(bold ? { weight: 'Bolder' } : {}) }],
  });
  return {
    type: 'Table',
    columns: header.map((_, i) => ({ width: i ? 1 : 2 })),
    firstRowAsHeader: true,
    showGridLines: false,
    rows: [header, ...rows].map((r, i) => ({ type: 'TableRow', cells: r.map((v) => cell(v, i === 0)) })),
  };
}

/** Departments listed on the card; the CSV holds them all. */
const PER_DEPARTMENT_SHOWN = 20;

/**
 * Which departments to show: a picker of them all; with more than fit on a card, a name search whose matches become
 * the picker (one match is shown at once).
 */
function departmentPicker(m: StatisticsModel, locale: Locale): Element[] {
  const all = { title: t(m.municipalityWide ? 'statisticsAll' : 'statisticsMine', locale), value: 'all' };
  const choose = (choices: StatisticsModel['choices']): Element => ({
    type: 'Input.ChoiceSet',
    id: 'departmentId',
    label: t('statisticsPick', locale),
    value: choices.some((d) => d.id === m.scope) ? m.scope : 'all',
    choices: [all, ...choices.map((d) => ({ title: d.name, value: d.id }))],
  });
  const show = { type: 'ActionSet', actions: [execute(t('statisticsShow', locale), Verb.statistics, {})] };
  if (!m.search) return m.choices.length > 1 ? [choose(m.choices), show] : [];
  const { text: searched, matches } = m.search;
  return [
    { type: 'Input.Text', id: 'departmentSearch', label: t('statisticsSearch', locale), value: searched, maxLength: 200 },
    ...(searched && !matches ? [plain(t('statisticsSearchNone', locale, { text: searched }), { size: 'Small', isSubtle: true })] : []),
    ...(matches > 1 ? [choose(m.choices)] : []),
    ...(matches > m.choices.length
      ? [text(t('statisticsSearchMore', locale, { shown: m.choices.length, n: matches }), { size: 'Small', isSubtle: true })]
      : []),
    show,
  ];
}

function scopeName(m: StatisticsModel, locale: Locale): string {
  return m.departmentName ?? t(m.municipalityWide ? 'statisticsAll' : 'statisticsMine', locale);
}

/** Statistics for management and MED: anonymous figures, a chart with the same numbers as text, and the CSV. */
export function statisticsCard(m: StatisticsModel, ctx: CardContext): AdaptiveCard {
  const { locale, policy } = ctx;
  const f = m.figures;
  const name = scopeName(m, locale);
  const months = f.months;
  const monthRows = months.map((x) => [monthLabel(x.month, locale), shownText(x.incidents, locale), shownText(x.warnings, locale)]);
  const alt = months
    .map((x) => `${monthLabel(x.month, locale)}: ${shownText(x.incidents, locale)}/${shownText(x.warnings, locale)}`)
    .join(', ');
  const picker = departmentPicker(m, locale);
  const empty = f.incidents === 0 && f.warnings === 0;
  const body: Element[] = [
    heading(t('statisticsTitle', locale, { scope: name })),
    text(
      t('statisticsPeriod', locale, {
        from: monthLabel(months[0]?.month ?? '', locale),
        to: monthLabel(months.at(-1)?.month ?? '', locale),
      }),
    ),
    text(t('statisticsPrivacy', locale), { size: 'Small', isSubtle: true }),
    ...picker,
    ...(empty ? [text(t('statisticsNothingYet', locale), { weight: 'Bolder' })] : []),
    factSet([
      [t('statisticsCases', locale), shownText(f.incidents, locale)],
      [t('statisticsWarnings', locale), shownText(f.warnings, locale)],
      [t('statisticsOverdue', locale), shownText(f.overdue, locale)],
    ]),
    ...(m.chart
      ? [
          { type: 'Image', url: m.chart, altText: t('statisticsChartAlt', locale, { months: alt }), size: 'Stretch' },
          text(t('statisticsChartNote', locale), { size: 'Small', isSubtle: true, spacing: 'None' }),
        ]
      : []),
    table([t('month', locale), t('casesCol', locale), t('warningsCol', locale)], monthRows),
    ...(m.perDepartment
      ? [
          heading(t('statisticsPerDepartment', locale), 'Medium'),
          // Facts rather than a table: a municipality has dozens of departments, and a table cell costs many bytes.
          factSet(
            // The busiest, as the CSV starts.
            busiestFirst(m.perDepartment)
              .slice(0, PER_DEPARTMENT_SHOWN)
              .map((d) => [
                d.name,
                `${shownText(d.incidents, locale)} ${t('casesCol', locale).toLowerCase()} · ${shownText(d.warnings, locale)} ${t('warningsCol', locale).toLowerCase()}`,
              ]),
          ),
          ...(m.perDepartment.length > PER_DEPARTMENT_SHOWN
            ? [
                text(t('statisticsMoreDepartments', locale, { n: m.perDepartment.length - PER_DEPARTMENT_SHOWN }), {
                  size: 'Small',
                  isSubtle: true,
                }),
              ]
            : []),
        ]
      : []),
    heading(t('statisticsByKind', locale), 'Medium'),
    f.byKind
      ? f.byKind.length
        ? factSet(f.byKind.map((k) => [kindLabel(policy, k.id, locale), shownText(k.count, locale)]))
        : text(t('statisticsNoKinds', locale))
      : text(t('statisticsByKindHidden', locale), { isSubtle: true }),
    heading(t('statisticsOutcomes', locale), 'Medium'),
    factSet(f.outcomes.map((o) => [t(OUTCOME_TEXT[o.outcome], locale), shownText(o.count, locale)])),
    heading(t('statisticsTimes', locale), 'Medium'),
    factSet([
      [t('statisticsToMeeting', locale), daysText(f.medianMeetingDays, locale)],
      [t('statisticsToMessage', locale), daysText(f.medianMessageDays, locale)],
    ]),
    heading(t('statisticsCsv', locale), 'Medium'),
    text(t('statisticsCsvHelp', locale), { size: 'Small', isSubtle: true }),
    {
      type: 'Input.Text',
      id: 'csv',
      label: 'CSV',
      isMultiline: true,
      value: statisticsCsv(m, name, locale, policy),
    },
  ];
  return card(body, { actions: [execute(t('back', locale), Verb.start, {}, { associatedInputs: 'none' })] });
}
