import { renderCard } from '../../cards/render';
import { T } from '../../cards/texts';
import { summary } from '../../src/app/actions/views';
import type { Department } from '../../src/app/directory';
import type { Screen } from '../../src/app/screens';
import { assess } from '../../src/domain/assessment';
import type { IncidentCase, Intake, WarningCase } from '../../src/domain/case';
import { type EvidenceItem, NOTE_MAX, REASON_MAX } from '../../src/domain/evidence';
import { FILE_NAME_MAX } from '../../src/domain/file-name';
import type { FollowUp } from '../../src/domain/follow-up';
import type { Locale } from '../../src/domain/i18n';
import { LIMITS } from '../../src/domain/intake';
import { loadPolicy } from '../../src/policy/load-policy';
import { cardSize, validateCard } from '../support/validate-card';

const policy = loadPolicy();
const now = '2026-11-24T08:30:00.000Z';

const department: Department = {
  id: 'boern-familie',
  name: 'Børn og Familie, Myndighed Syd',
  members: Array.from({ length: 40 }, (_, i) => ({
    id: `00000000-0000-0000-0000-${String(i).padStart(12, '0')}`,
    name: `Medarbejder Ærø-Østergård ${i}`,
  })),
  managerIds: ['00000000-0000-0000-0000-000000000000'],
};

const intake: Intake = {
  employees: department.members.slice(1, 4),
  urls: ['https://www.facebook.com/groups/1234567890/posts/9876543210', 'https://sandheden-om-kommunen.dk/sagsbehandlere/anders'],
  platform: 'facebook',
  discoveredOn: '2026-11-24',
  description: 'x'.repeat(LIMITS.description),
  employeeContacted: true,
  evidenceSaved: false,
  // Every characteristic: the largest assessment and plan a manager can get.
  characteristics: policy.characteristics.map((c) => c.id),
};

const base = {
  id: 'abcdefghijkl',
  rev: 3,
  ownerId: department.managerIds[0] as string,
  managerIds: [],
  departmentId: department.id,
  locale: 'da' as Locale,
  createdAt: now,
  updatedAt: now,
  audit: [],
};
const proposal = assess(policy, intake);
const incident: IncidentCase = { ...base, kind: 'incident', status: 'assessment', intake, proposal };
const plan: IncidentCase = {
  ...incident,
  status: 'plan',
  plan: proposal.map((a, i) =>
    i % 3 === 0
      ? { ...a, status: 'done', doneAt: now, doneBy: base.ownerId, reference: 'r'.repeat(LIMITS.reference) }
      : i % 5 === 1
        ? { ...a, status: 'done', notRelevant: true, doneAt: now, doneBy: base.ownerId, reference: 'n'.repeat(LIMITS.reference) }
        : a,
  ),
};
const warning: WarningCase = {
  ...base,
  kind: 'warning',
  status: 'recorded',
  warning: {
    employees: intake.employees,
    description: 'y'.repeat(LIMITS.description),
    notedOn: '2026-11-23',
    taken: policy.warning.suggestions.map((s) => s.id),
  },
};
const longDraft = { title: 'Udkast', body: 'z'.repeat(4000) };

/** Twenty items at their longest (name, link, note), one withdrawn: what the case card must hold within the limit. */
const evidence: EvidenceItem[] = Array.from({ length: 20 }, (_, i) => ({
  id: `evid${String(i).padStart(8, '0')}`,
  kind: 'file',
  addedBy: base.ownerId,
  receivedAt: now,
  name: `${'Skærmbillede ÆØÅ '.repeat(10).slice(0, FILE_NAME_MAX - 7)} ${i}.png`,
  size: 25 * 1024 * 1024,
  sniffedType: 'image/png',
  sha256: String(i % 10).repeat(64),
  link: `https://www.facebook.com/groups/1234567890/posts/${'9'.repeat(200)}`,
  note: 'n'.repeat(NOTE_MAX),
  takenAt: '2026-11-24T08:12',
  ...(i === 3 ? { withdrawn: { at: now, by: base.ownerId, reason: 'r'.repeat(REASON_MAX) } } : {}),
}));
const documented: IncidentCase = { ...plan, evidence };

/** One employee's follow-up running with a long comment, another's stopped by the employee: the follow-up at its largest. */
const followUps: FollowUp[] = [
  {
    employeeId: intake.employees[0]?.id as string,
    status: 'active',
    since: now,
    checkIns: [
      { kind: 'week', due: '2026-12-01', sentOn: '2026-12-01', answer: 'hard', answeredAt: now, comment: 'c'.repeat(500) },
      { kind: 'months3', due: '2027-02-24' },
    ],
  },
  {
    employeeId: intake.employees[1]?.id as string,
    status: 'stopped',
    since: now,
    stoppedAt: now,
    stoppedBy: 'employee',
    checkIns: [{ kind: 'week', due: '2026-12-01', sentOn: '2026-12-01', answer: 'good', answeredAt: now }],
  },
];

const screens: [string, Screen][] = [
  ['plan with twenty evidence items', { kind: 'plan', case: documented, department }],
  ['plan with twenty evidence items, the list open', { kind: 'plan', case: documented, department, evidence: true }],
  [
    'plan with twenty evidence items and a long draft open',
    { kind: 'plan', case: documented, department, expanded: { actionId: 'takedownRequest', draft: longDraft } },
  ],
  [
    'files received, twenty of them',
    {
      kind: 'evidenceReceived',
      case: documented,
      limits: { maxFileBytes: 25 * 1024 * 1024, maxCaseBytes: 250 * 1024 * 1024 },
      outcomes: evidence.map((e, i) => ({ name: e.name, result: i % 2 ? 'stored' : 'interrupted', evidenceId: e.id })),
    },
  ],
  [
    'which case for the files',
    { kind: 'evidenceCase', inboxId: 'f'.repeat(40), files: 20, cases: Array.from({ length: 25 }, () => summary(policy, documented)) },
  ],
  ['too many files', { kind: 'evidenceTooMany', sent: 21, limit: 20 }],
  ['welcome', { kind: 'welcome' }],
  ['start', { kind: 'start', startId: 'abcdefghijkl', departments: [department] }],
  [
    'start, two departments',
    { kind: 'start', startId: 'abcdefghijkl', departments: [department, { ...department, id: 'voksen', name: 'Voksenhandicap' }] },
  ],
  ['intake, empty', { kind: 'intake', case: { ...incident, status: 'intake', intake: undefined, proposal: undefined }, department }],
  [
    'intake, with errors',
    {
      kind: 'intake',
      case: { ...incident, status: 'intake' },
      department,
      values: {
        employees: ['nope'],
        urls: 'javascript:alert(1)\n'.repeat(10),
        platform: 'facebook',
        discoveredOn: '2030-01-01',
        description: '',
        posterName: '<b>Jens</b>',
        employeeContacted: false,
        evidenceSaved: true,
        characteristics: ['directThreat'],
      },
      errors: {
        employees: 'unknownChoice',
        urls: 'urlInvalid',
        badUrl: 'javascript:alert(1)',
        discoveredOn: 'dateFuture',
        description: 'required',
      },
      notice: { code: 'invalidInput', tone: 'attention' },
    },
  ],
  ['assessment, every characteristic', { kind: 'assessment', case: incident, department }],
  ['plan, every action', { kind: 'plan', case: plan, department }],
  ['plan, with a long draft open', { kind: 'plan', case: plan, department, expanded: { actionId: 'takedownRequest', draft: longDraft } }],
  ['plan, closed', { kind: 'plan', case: { ...plan, status: 'closed', closedAt: now }, department }],
  ['plan, the meeting open', { kind: 'plan', case: plan, department, expanded: { actionId: 'meeting' } }],
  [
    'plan, the police report open',
    {
      kind: 'plan',
      case: plan,
      department,
      expanded: { actionId: 'policeReport', draft: { title: 'Politianmeldelse', body: 'p'.repeat(5000) } },
    },
  ],
  [
    'assessment, discovered 8 months ago',
    { kind: 'assessment', case: { ...incident, intake: { ...intake, discoveredOn: '2026-03-24' } }, department },
  ],
  ['warning, new', { kind: 'warning', case: { ...warning, status: 'warning', warning: undefined }, department }],
  ['warning, recorded with journal', { kind: 'warning', case: warning, department, draft: longDraft }],
  ['warning, escalated', { kind: 'warning', case: { ...warning, status: 'escalated' }, department }],
  [
    'my cases, many',
    {
      kind: 'myCases',
      items: Array.from({ length: 60 }, (_, i) => ({
        id: `case${String(i).padStart(8, '0')}`,
        kind: 'incident' as const,
        status: 'plan' as const,
        rev: 4,
        createdAt: now,
        employees: ['Anders Kjær', 'Sofie Lund'],
        next: proposal[0],
        openCount: 9,
      })),
    },
  ],
  ['my cases, none', { kind: 'myCases', items: [] }],
  [
    'message with retry',
    {
      kind: 'message',
      notice: { code: 'storageUnavailable', tone: 'attention' },
      retry: { verb: 'opb.intake.submit', data: { caseId: 'abcdefghijkl', rev: 1 } },
    },
  ],
  ['message, refusal', { kind: 'message', notice: { code: 'forbidden', tone: 'warning' } }],
  [
    'team setup, 40 members',
    {
      kind: 'setup',
      team: {
        id: 'team',
        name: 'Børn og Familie',
        channels: [
          { id: 'c1', name: 'General' },
          { id: 'c2', name: 'Nyt fra ledelsen' },
        ],
        members: department.members,
      },
      current: { ...department, channelId: 'c2', trId: department.members[1]?.id, amrId: department.members[2]?.id },
      notice: { code: 'setupSaved', tone: 'good' },
    },
  ],
  ['retention warning', { kind: 'retention', caseId: 'abcdefghijkl', deleteOn: '2028-11-24' }],
  ['reminder, every action due', { kind: 'reminder', caseId: 'abcdefghijkl', today: '2026-11-24', due: plan.plan ?? [] }],
  [
    'plan, follow-up with every employee (active with answers, stopped, none)',
    {
      kind: 'plan',
      case: {
        ...plan,
        followUps,
      },
      department,
    },
  ],
  [
    'plan, the follow-up opened',
    {
      kind: 'plan',
      case: {
        ...plan,
        followUps,
      },
      department,
      expanded: { actionId: '_followUp' },
    },
  ],
  [
    "employee's overview, two follow-ups",
    {
      kind: 'employee',
      items: [1, 2].map((n) => ({
        caseId: `abcdefghijk${n}`,
        manager: 'Mette Holm',
        tr: 'Lars Bech',
        amr: 'Hanne Dahl',
        help: [{ label: 'Krisepsykolog (kommunens ordning)', value: '70 00 00 00' }],
        meeting: { start: '2026-11-26T09:00:00Z', end: '2026-11-26T10:00:00Z' },
        posted: true,
        nextCheckIn: '2026-12-01',
      })),
    },
  ],
  ["employee's overview after stop", { kind: 'employee', items: [], notice: { code: 'followUpStopped', tone: 'accent' } }],
  ['check-in after three months', { kind: 'checkIn', caseId: 'abcdefghijkl', checkIn: 'months3' }],
  ['check-in answered, to the managers', { kind: 'checkInAnswered', caseId: 'abcdefghijkl', answer: 'mixed' }],
];

describe.each<Locale>(['da', 'en'])('every card the bot can send (%s)', (locale) => {
  it.each(screens)('%s is a valid Teams card under 28 KB', (_name, screen) => {
    const card = renderCard(screen, { locale, policy, today: '2026-11-24', graph: true, peoplePicker: true, botId: 'bot-app-id' });
    if (process.env.SIZES) console.log(_name, cardSize(card));
    expect(validateCard(card)).toEqual([]);
    expect(cardSize(card)).toBeLessThanOrEqual(28 * 1024);
  });
});

it('shows text a person typed as plain text, never as markdown', () => {
  const hostile = { ...incident, intake: { ...intake, employees: [{ id: 'x', name: '[klik](javascript:alert(1)) **fed**' }] } };
  const card = renderCard({ kind: 'assessment', case: hostile, department }, { locale: 'da', policy, today: '2026-11-24' });
  const json = JSON.stringify(card);
  const textBlocks = json.match(/"type":"TextBlock","text":"[^"]*javascript/g);
  expect(textBlocks).toBeNull();
  expect(json).toContain('"type":"TextRun","text":"[klik](javascript:alert(1)) **fed**');
});

it('has a Danish and an English text for every characteristic, action and draft', () => {
  for (const c of policy.characteristics) expect(c.label.da && c.label.en).toBeTruthy();
  for (const a of policy.actions) expect(a.title.da && a.title.en && a.owner.da && a.owner.en).toBeTruthy();
  for (const d of Object.values(policy.drafts)) expect(d.body.da && d.body.en).toBeTruthy();
});

describe('the assessment and the plan, grouped by when (review 2026-12)', () => {
  const textOf = (card: unknown) => JSON.stringify(card);
  const render = (screen: Screen, locale: Locale = 'da') => renderCard(screen, { locale, policy, today: '2026-11-24', graph: true });

  it.each<[Locale, string[]]>([
    ['da', ['Nu – i dag', 'Inden for en uge', 'Senere opfølgning']],
    ['en', ['Now – today', 'Within a week', 'Later follow-up']],
  ])('shows the groups most urgent first (%s), on the assessment and on the plan', (locale, headings) => {
    for (const screen of [
      { kind: 'assessment', case: incident, department },
      { kind: 'plan', case: plan, department },
    ] as Screen[]) {
      const json = textOf(render(screen, locale));
      const at = headings.map((h) => json.indexOf(`"${h} (`));
      expect(at.every((i) => i > 0)).toBe(true);
      expect([...at].sort((x, y) => x - y)).toEqual(at);
      // The emergency and the police report come before anything that can wait.
      expect(json.indexOf('keep_call112') === -1 || json.indexOf('keep_call112') < (at[1] as number)).toBe(true);
    }
  });

  it('folds who, why and the legal basis away on the assessment, one button per group, and keeps every choice visible', () => {
    const card = render({ kind: 'assessment', case: incident, department }) as unknown as { body: Record<string, unknown>[] };
    const rows = card.body.filter((el) => (el.items as Record<string, unknown>[] | undefined)?.[0]?.type === 'Input.Toggle');
    expect(rows).toHaveLength(proposal.length);
    for (const row of rows) {
      const items = row.items as Record<string, unknown>[];
      expect(items[0]?.isVisible).toBeUndefined();
      expect(items.find((i) => String(i.id).startsWith('d_'))?.isVisible).toBe(false);
    }
    const toggles = card.body.flatMap((el) => (el.type === 'ActionSet' ? (el.actions as Record<string, unknown>[]) : []));
    const targets = toggles
      .filter((a) => a.type === 'Action.ToggleVisibility' && a.targetElements !== undefined)
      .flatMap((a) => a.targetElements as string[]);
    expect(targets).toEqual(expect.arrayContaining(proposal.map((a) => `d_${a.actionId}`)));
  });

  it('says what a discovery more than 6 months back means, and only then', () => {
    const old = textOf(
      render({ kind: 'assessment', case: { ...incident, intake: { ...intake, discoveredOn: '2026-03-24' } }, department }),
    );
    expect(old).toContain('Opdaget for mere end 6 måneder siden');
    expect(old).toContain('straffeloven § 96');
    expect(old).toContain('anmodning om fjernelse, støtte til medarbejderen og anmeldelse i EASY er stadig relevante');
    expect(textOf(render({ kind: 'assessment', case: incident, department }))).not.toContain('6 måneder siden');
  });

  it('shrinks the other actions to their titles while one is open, and keeps the Graph meeting panel', () => {
    const open = textOf(render({ kind: 'plan', case: plan, department, expanded: { actionId: 'policeReport' } }));
    const closed = textOf(render({ kind: 'plan', case: plan, department }));
    expect(open.length).toBeLessThan(closed.length);
    expect(open).toContain('Luk detaljer');
    expect(open).toContain('Find mødetid');
  });

  it('tells the manager with every draft never to give a CPR number and to file the text in ESDH', () => {
    const json = textOf(render({ kind: 'plan', case: plan, department, expanded: { actionId: 'policeReport', draft: longDraft } }));
    expect(json).toContain('Angiv aldrig CPR-nummer');
    expect(json).toContain('journalisér den endelige tekst i ESDH');
  });

  it('never says "hung out" or "hanging-out" in English, and asks for the ESDH number on the intake', () => {
    for (const [key, value] of Object.entries(T)) expect(`${key}: ${value.en}`).not.toMatch(/hung out|hanging-out|hang out/i);
    const intakeCard = textOf(render({ kind: 'intake', case: { ...incident, status: 'intake' }, department }));
    expect(intakeCard).toContain('"id":"esdhRef"');
    expect(intakeCard).toContain('Sagsnummer i ESDH');
  });
});

describe('the threat banner', () => {
  it.each(['directThreat', 'indirectThreat', 'threatToExpose'])(
    '%s puts "report to the police today" at the top of the assessment',
    (id) => {
      const only: Intake = { ...intake, characteristics: [id] };
      const c: IncidentCase = { ...incident, intake: only, proposal: assess(policy, only) };
      const card = renderCard({ kind: 'assessment', case: c, department }, { locale: 'da', policy, today: '2026-11-24', graph: true });
      expect(JSON.stringify(card)).toContain('Trussel: anmeld til politiet i dag');
      expect(validateCard(card)).toEqual([]);
    },
  );

  it('is not shown for a case without a threat', () => {
    const only: Intake = { ...intake, characteristics: ['crimeAccusation'] };
    const c: IncidentCase = { ...incident, intake: only, proposal: assess(policy, only) };
    const card = renderCard({ kind: 'assessment', case: c, department }, { locale: 'da', policy, today: '2026-11-24', graph: true });
    expect(JSON.stringify(card)).not.toContain('Trussel: anmeld');
  });
});

it('says in the retention warning that the evidence is deleted with the case', () => {
  const card = renderCard(
    { kind: 'retention', caseId: 'abcdefghijkl', deleteOn: '2028-11-24' },
    { locale: 'da', policy, today: '2026-11-24' },
  );
  expect(JSON.stringify(card)).toContain('med al dokumentation, der er gemt på den');
});
