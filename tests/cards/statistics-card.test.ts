import { PNG } from 'pngjs';
import { renderCard } from '../../cards/render';
import type { StatisticsModel } from '../../src/app/statistics-view';
import { MonthlyChart } from '../../src/chart/monthly-chart';
import type { Locale } from '../../src/domain/i18n';
import { anonymise, type CaseFact, figures } from '../../src/domain/statistics';
import { loadPolicy } from '../../src/policy/load-policy';
import { cardSize, validateCard } from '../support/validate-card';

const policy = loadPolicy();
const today = '2026-11-24';
const now = new Date('2026-11-24T08:30:00.000Z');

/** Many cases with every characteristic: the largest breakdown a card can get. */
const facts: CaseFact[] = Array.from({ length: 60 }, (_, i) => ({
  kind: i % 5 === 0 ? 'warning' : 'incident',
  departmentId: `d${i % 30}`,
  rev: 1,
  on: `2026-${String((i % 11) + 1).padStart(2, '0')}-10`,
  characteristics: policy.characteristics.map((c) => c.id),
  outcomes: ['policeReport', 'takedownRequest', 'dataProtectionComplaint'],
  meetingDays: i % 4,
  messageDays: i % 3,
  openDue: ['2026-11-01'],
}));

const anonymous = anonymise(figures(facts, policy, today));
/** The real chart, drawn once per language (drawing takes a second): the card's size must include it. */
const charts = new Map<Locale, Promise<Uint8Array>>();
const chart = (locale: Locale) => {
  if (!charts.has(locale)) charts.set(locale, new MonthlyChart().monthly(anonymous.months, locale));
  return charts.get(locale) as Promise<Uint8Array>;
};

async function model(perDepartment: boolean, locale: Locale): Promise<StatisticsModel> {
  const png = await chart(locale);
  const departments = Array.from({ length: 30 }, (_, i) => ({ id: `d${i}`, name: `Afdeling for Børn, Unge og Familie – Område ${i}` }));
  return {
    scope: 'all',
    choices: departments,
    municipalityWide: true,
    today,
    figures: anonymous,
    chart: `data:image/png;base64,${Buffer.from(png).toString('base64')}`,
    ...(perDepartment
      ? { perDepartment: departments.map((d, i) => ({ name: d.name, incidents: i % 3 ? 4 : 'under3', warnings: 0 })) }
      : {}),
  };
}

describe.each(['da', 'en'] as Locale[])('statistics card (%s)', (locale) => {
  const ctx = { locale, policy, today, now, graph: true, peoplePicker: false };

  it('is a valid 1.5 card within 28 KB with the chart inside, 30 departments and every kind', async () => {
    const card = renderCard({ kind: 'statistics', model: await model(true, locale) }, ctx);
    expect(validateCard(card)).toEqual([]);
    expect(cardSize(card)).toBeLessThan(28 * 1024);
  });

  it('has the monthly numbers in text beside the picture (alt text and table)', async () => {
    const m = await model(false, locale);
    const card = JSON.stringify(renderCard({ kind: 'statistics', model: m }, ctx));
    const image = JSON.parse(card).body.find((e: { type: string }) => e.type === 'Image');
    expect(image.altText).toMatch(/\d/);
    expect(card).toContain('"type":"Table"');
    for (const x of m.figures.months) expect(image.altText).toContain(String(x.incidents === 'under3' ? 'under 3' : x.incidents));
  });
});

describe('a municipality with many departments', () => {
  const ctx = { locale: 'da' as Locale, policy, today, now, graph: true, peoplePicker: false };
  const many = Array.from({ length: 300 }, (_, i) => ({ id: `d${i}`, name: `Afdeling for Børn, Unge og Familie – Område ${i}` }));
  async function big(search: StatisticsModel['search'], choices = many.slice(0, 0)): Promise<StatisticsModel> {
    return {
      ...(await model(false, 'da')),
      choices,
      search,
      perDepartment: many.map((d, i) => ({ name: d.name, incidents: i % 7 === 0 ? 9 : i % 2 ? 'under3' : 0, warnings: 0 })),
    };
  }

  it.each([
    ['before a search', { text: '', matches: 0 }, []],
    ['a search with no match', { text: 'Ældrepleje', matches: 0 }, []],
    ['a search matching 111 (the first 25 offered)', { text: 'Område 1', matches: 111 }, many.slice(0, 25)],
  ] as const)('stays a valid card within 28 KB with 300 departments: %s', async (_name, search, choices) => {
    const card = renderCard({ kind: 'statistics', model: await big(search, [...choices]) }, ctx);
    expect(validateCard(card)).toEqual([]);
    expect(cardSize(card)).toBeLessThan(28 * 1024);
    const json = JSON.stringify(card);
    expect(json).toContain('"id":"departmentSearch"');
    // The busiest departments are listed; the rest are counted, and all of them are in the CSV.
    expect(json).toContain('De øvrige 280 afdelinger står i CSV’en nedenfor');
    // The CSV: the first 100 departments with cases by name, the rest counted, those without cases on one line.
    expect(json).toContain('Område 173;under 3');
    expect(json).toContain('… og 72 afdelinger mere med sager');
    expect(json).toContain('Afdelinger uden sager (128);0;0');
  });
});

it('draws a real PNG of a sensible size', async () => {
  const png = await chart('da');
  const decoded = PNG.sync.read(Buffer.from(png));
  expect(decoded.width).toBeGreaterThan(300);
  expect(png.length).toBeLessThan(20_000);
});
