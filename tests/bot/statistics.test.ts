import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import demo from '../../dev/demo-departments.json';
import { Verb } from '../../src/app/verbs';
import { type Card, cardOf, cardText, invoke, PEOPLE, type Person, type Running, say, startBot } from '../support/bot-client';
import { ANDERS_INTAKE, confirmedPlan, validCards } from '../support/case-steps';
import { validateCard } from '../support/validate-card';

const NOW = new Date('2026-11-24T10:30:00+01:00');
const OLE = { id: '29:ole', aadObjectId: '00000000-0000-0000-0000-000000000040', name: 'Ole Vestergaard' } as unknown as Person;
const KAREN = { id: '29:karen', aadObjectId: '00000000-0000-0000-0000-000000000030', name: 'Karen Vinther' } as unknown as Person;

/** The demo departments plus a second department that Ole manages (Karen is the demo's municipality-wide contact). */
function departmentsFile(): string {
  const file = path.join(tmpdir(), `opb-statistics-${process.pid}.json`);
  const voksen = {
    id: 'voksen',
    name: 'Voksenhandicap',
    members: [
      { id: OLE.aadObjectId, name: OLE.name },
      { id: '00000000-0000-0000-0000-000000000041', name: 'Birgit Holm' },
    ],
    managerIds: [OLE.aadObjectId],
  };
  writeFileSync(file, JSON.stringify({ ...demo, departments: [...demo.departments, voksen] }));
  return file;
}

let a: Running;
let b: Running;
beforeAll(async () => {
  const env = { DEPARTMENTS_FILE: departmentsFile() };
  a = await startBot({ now: () => NOW, env });
  // A second instance over the same storage, as in production.
  b = await startBot({ now: () => NOW, env, container: a.container });
  for (let i = 0; i < 3; i++) await confirmedPlan(i % 2 ? b.url : a.url);
});
afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
});

async function typed(who: Person, text = 'statistik', url = a.url): Promise<Card> {
  const replies = await say(url, who, text);
  expect(replies.status).toBe(200);
  const card = cardOf(replies.activities[0]);
  expect(validateCard(card)).toEqual([]);
  return card;
}

/** A FactSet fact's value on the card, by the start of its title. */
function fact(card: unknown, title: string): string | undefined {
  type Fact = { title: string; value: string };
  const sets = ((card as Card).body as { type: string; facts?: Fact[] }[]).filter((e) => e.type === 'FactSet');
  return sets.flatMap((s) => s.facts ?? []).find((f) => f.title.startsWith(title))?.value;
}

/** Nothing that could identify an employee or the case: the names, the link, the description, the case id. */
function expectNoCaseContent(text: string, caseIds: readonly string[] = []): void {
  for (const secret of [
    PEOPLE.anders.name,
    'Anders',
    PEOPLE.sofie.name,
    PEOPLE.mette.name,
    ANDERS_INTAKE.urls,
    'example.org',
    ANDERS_INTAKE.description,
    'opslag om',
    ...caseIds,
  ])
    expect(text).not.toContain(secret);
}

const NUMBERS = /"type":"(FactSet|Table|Image|Input\.Text)"/;

describe('statistics over HTTP', () => {
  it('shows a manager their department: counts, chart, the numbers as text and a CSV, and no case content', async () => {
    const card = await typed(PEOPLE.mette);
    const text = cardText(card);
    expect(text).toContain('Statistik – Børn og Familie');
    expect(fact(card, 'Sager')).toBe('3');
    const json = JSON.stringify(card);
    const image = (card.body as { type: string; url?: string; altText?: string }[]).find((e) => e.type === 'Image');
    expect(image?.url).toMatch(/^data:image\/png;base64,iVBORw0KGgo/);
    expect(image?.altText).toContain('nov. 2026: 3/0');
    const csv = (card.body as { id?: string; value?: string }[]).find((e) => e.id === 'csv')?.value ?? '';
    expect(csv).toContain('2026-11;3;0');
    expect(csv).toContain('Statistik;Børn og Familie');
    expectNoCaseContent(json);
    expectNoCaseContent(csv);
    // The start card's button gives the same card.
    const start = await typed(PEOPLE.mette, 'ny sag');
    expect(JSON.stringify(start)).toContain(Verb.statistics);
    const clicked = await validCards(a.url)(Verb.statistics, {});
    expect(fact(clicked, 'Sager')).toBe('3');
  });

  it('refuses a person who is neither a manager nor a municipality-wide contact, politely and with no numbers', async () => {
    for (const card of [
      await typed(PEOPLE.anders),
      await validCards(a.url, PEOPLE.anders)(Verb.statistics, { departmentId: 'boern-familie' }),
      await validCards(a.url, PEOPLE.anders)(Verb.statistics, { departmentId: 'all' }),
    ]) {
      expect(cardText(card)).toContain('Statistikken er for ledere og for kommunens arbejdsmiljø- og HR-kontakter');
      expect(JSON.stringify(card)).not.toMatch(NUMBERS);
      expect(cardText(card)).not.toMatch(/\d/);
    }
  });

  it('gives a manager nothing of another department, whatever the payload says', async () => {
    for (const departmentId of ['boern-familie', 'BOERN-FAMILIE', 'boern-familie ', '../boern-familie']) {
      const card = await validCards(a.url, OLE)(Verb.statistics, { departmentId });
      expect(cardText(card)).toContain('Du kan kun se statistik for de afdelinger, du er leder af');
      expect(JSON.stringify(card)).not.toMatch(NUMBERS);
      expect(cardText(card)).not.toContain('Børn og Familie');
    }
    const odd = await validCards(a.url, OLE)(Verb.statistics, { departmentId: { id: 'boern-familie' } });
    expect(JSON.stringify(odd)).not.toMatch(NUMBERS);
    // Ole's own department: shown, and empty.
    const own = await typed(OLE);
    expect(cardText(own)).toContain('Statistik – Voksenhandicap');
    expect(fact(own, 'Sager')).toBe('0');
    expect(cardText(own)).not.toContain('Børn og Familie');
    // And Mette cannot see Ole's.
    const mette = await validCards(a.url, PEOPLE.mette)(Verb.statistics, { departmentId: 'voksen' });
    expect(JSON.stringify(mette)).not.toMatch(NUMBERS);
  });

  it('shows a municipality-wide contact every department, in total and one by one', async () => {
    const all = await typed(KAREN, 'Statistik', b.url);
    const text = cardText(all);
    expect(text).toContain('Statistik – alle afdelinger');
    expect(fact(all, 'Sager')).toBe('3');
    expect(fact(all, 'Børn og Familie')).toBe('3 sager · 0 varsler');
    expect(fact(all, 'Voksenhandicap')).toBe('0 sager · 0 varsler');
    expectNoCaseContent(JSON.stringify(all));
    const one = await validCards(b.url, KAREN)(Verb.statistics, { departmentId: 'voksen' });
    expect(cardText(one)).toContain('Statistik – Voksenhandicap');
    expect(fact(one, 'Sager')).toBe('0');
    // Fewer than 3 cases: no breakdown by content.
    expect(cardText(one)).toContain('Vises ikke: færre end 3 sager i perioden');
  });

  it('counts cases saved at the same time on two instances', async () => {
    await Promise.all([confirmedPlan(a.url), confirmedPlan(b.url), confirmedPlan(a.url), confirmedPlan(b.url)]);
    // Each instance writes its saves to the summary a moment after them (never in the manager's click); an instance
    // shows its own at once, the other's within that moment.
    for (const url of [a.url, b.url]) {
      let cases: string | undefined;
      for (let i = 0; i < 30 && cases !== '7'; i++) {
        if (i) await new Promise((r) => setTimeout(r, 100));
        cases = fact(await typed(PEOPLE.mette, 'statistik', url), 'Sager');
      }
      expect(cases).toBe('7');
    }
  });

  it('shows another manager of the department the same figures', async () => {
    const res = await invoke(b.url, PEOPLE.peter, Verb.statistics, {});
    expect(res.body.statusCode).toBe(200);
    expect(fact(res.body.value, 'Sager')).toBe('7');
  });
});

describe('statistics in a municipality with more departments than a picker holds', () => {
  let big: Running;
  beforeAll(async () => {
    const file = path.join(tmpdir(), `opb-statistics-many-${process.pid}.json`);
    const areas = Array.from({ length: 40 }, (_, i) => ({
      id: `omraade-${i}`,
      name: `Myndighed Område ${i}`,
      members: [{ id: `00000000-0000-0000-0001-${String(i).padStart(12, '0')}`, name: `Leder ${i}` }],
      managerIds: [`00000000-0000-0000-0001-${String(i).padStart(12, '0')}`],
    }));
    writeFileSync(file, JSON.stringify({ ...demo, departments: [...demo.departments, ...areas] }));
    big = await startBot({ now: () => NOW, env: { DEPARTMENTS_FILE: file } });
  });
  afterAll(async () => {
    await big?.stop();
  });

  it('offers a name search: several matches become the picker, one is shown at once, none is said', async () => {
    const start = await typed(KAREN, 'statistik', big.url);
    const json = JSON.stringify(start);
    expect(json).toContain('"id":"departmentSearch"');
    expect(json).not.toContain('"id":"departmentId"');
    const show = validCards(big.url, KAREN);
    // "Område 1" is in Område 1 and 10–19: eleven, offered as the picker.
    const several = await show(Verb.statistics, { departmentSearch: 'område 1' });
    const picker = JSON.stringify(several);
    expect(picker).toContain('"id":"departmentId"');
    expect(picker.match(/"value":"omraade-\d+"/g)).toHaveLength(11);
    const one = await show(Verb.statistics, { departmentSearch: 'Område 27' });
    expect(cardText(one)).toContain('Statistik – Myndighed Område 27');
    const none = await show(Verb.statistics, { departmentSearch: 'Ældrepleje' });
    expect(cardText(none)).toContain('Ingen afdeling har »Ældrepleje« i navnet.');
    // The choice from the picker wins over the search text still in the box.
    const chosen = await show(Verb.statistics, { departmentSearch: 'område 1', departmentId: 'omraade-12' });
    expect(cardText(chosen)).toContain('Statistik – Myndighed Område 12');
    // A new search is not overridden by the department left chosen in the picker from the last one.
    const next = await show(Verb.statistics, { departmentSearch: 'Område 27', departmentId: 'omraade-12' });
    expect(cardText(next)).toContain('Statistik – Myndighed Område 27');
  });

  it('finds nothing outside what a manager may see', async () => {
    const mine = await validCards(big.url, PEOPLE.mette)(Verb.statistics, { departmentSearch: 'Område 27' });
    expect(cardText(mine)).not.toContain('Område 27');
    const forged = await invoke(big.url, PEOPLE.mette, Verb.statistics, { departmentSearch: 'x'.repeat(201) });
    expect(cardText(forged.body.value)).toContain('Jeg kunne ikke læse dit svar');
  });
});
