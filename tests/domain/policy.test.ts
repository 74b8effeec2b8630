import { assess } from '../../src/domain/assessment';
import type { IncidentCase, Intake } from '../../src/domain/case';
import { type DraftContext, renderIncidentDraft } from '../../src/domain/drafts';
import { DRAFT_PLACEHOLDERS, type Policy, parsePolicy } from '../../src/domain/policy';
import policyJson from '../../src/policy/default-policy.json';

function load(doc: unknown): Policy {
  const result = parsePolicy(doc);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

const policy = load(policyJson);

/** Tuesday; the dates below are counted from it. */
const DISCOVERED = '2026-11-24';
const URL = 'https://www.facebook.com/groups/123456/posts/987654';
const DESCRIPTION = 'Borgeren skriver, at Anna har forfalsket akterne i sagen om familien Hansen.';

function intake(characteristics: readonly string[]): Intake {
  return {
    employees: [{ id: 'e1', name: 'Anna Jensen' }],
    urls: [URL],
    platform: 'facebook',
    discoveredOn: DISCOVERED,
    description: DESCRIPTION,
    employeeContacted: true,
    evidenceSaved: true,
    characteristics,
  };
}

const ids = (characteristics: readonly string[]) => assess(policy, intake(characteristics)).map((a) => a.actionId);
const dueOf = (characteristics: readonly string[]) =>
  Object.fromEntries(assess(policy, intake(characteristics)).map((a) => [a.actionId, a.due]));

const BASELINE = [
  'informChain',
  'contactEmployee',
  'preserveEvidence',
  'watchPosts',
  'meeting',
  'staffMessage',
  'pressLine',
  'crisisSupport',
  'safetyBasics',
  'familySupport',
  'underlyingComplaint',
  'reassignCase',
  'journalNote',
  'internalRegistration',
  'easyReport',
  'followUpWeek',
  'medEvaluation',
  'followUp3Months',
];
const DATATILSYNET = ['datatilsynet', 'datatilsynetNow'];
const GDPR_CHARACTERISTICS = ['cprNumber', 'sensitiveData', 'homeAddressPhotos', 'familyNamed', 'systematicCampaign'];

/** A fresh, writable copy of the default policy to break. */
function copy() {
  return JSON.parse(JSON.stringify(policyJson)) as typeof policyJson;
}

function errorsOf(doc: unknown): string[] {
  const result = parsePolicy(doc);
  return result.ok ? [] : result.errors;
}

describe('the default policy document', () => {
  it('passes parsePolicy', () => {
    expect(parsePolicy(policyJson)).toEqual({ ok: true, policy: policyJson });
  });

  it('asks the intake questions in the agreed order', () => {
    expect(policy.characteristics.map((c) => c.id)).toEqual([
      'imminentDanger',
      'directThreat',
      'indirectThreat',
      'threatToExpose',
      'crimeAccusation',
      'falseInformation',
      'cprNumber',
      'sensitiveData',
      'homeAddressPhotos',
      'familyNamed',
      'systematicCampaign',
      'anonymousPoster',
      'newsMedium',
    ]);
  });

  it('names at least one domain.md source (S1–S69, V0–V11) and a short, distinct citation for every legal basis', () => {
    for (const action of policy.actions) {
      for (const ref of action.legalBasis) {
        expect(ref.sources.length).toBeGreaterThan(0);
        for (const source of ref.sources) expect(source).toMatch(/^(S([1-9]|[1-6][0-9])|V([0-9]|1[01]))$/);
        for (const locale of ['da', 'en'] as const) expect(ref.cite[locale].length).toBeLessThanOrEqual(80);
      }
      const cites = action.legalBasis.map((ref) => ref.cite.da);
      expect(new Set(cites).size).toBe(cites.length);
    }
  });

  it('has the actions the bot acts on itself: the emergency, the meeting and the channel post', () => {
    const byKind = (kind: string) => policy.actions.filter((a) => a.kind === kind).map((a) => a.id);
    expect(byKind('emergency')).toEqual(['call112']);
    expect(byKind('meeting')).toEqual(['meeting']);
    expect(byKind('channelPost')).toEqual(['staffMessage']);
    expect(policy.actions.find((a) => a.id === 'staffMessage')?.draft).toBe('staffSupport');
    expect(policy.actions.find((a) => a.id === 'call112')?.priority).toBe(0);
  });

  it('uses every draft, and every draft is plain text with the same placeholders in both languages', () => {
    const used = new Set([...policy.actions.map((a) => a.draft), policy.warning.journalDraft]);
    for (const [id, draft] of Object.entries(policy.drafts)) {
      expect(used).toContain(id);
      const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
      expect(placeholders(draft.body.en)).toEqual(placeholders(draft.body.da));
      for (const text of [draft.body.da, draft.body.en]) {
        expect(text).not.toMatch(/<[a-z/]|\*\*|__|^#|\]\(/m);
        for (const name of placeholders(text)) expect(DRAFT_PLACEHOLDERS.has(name as string)).toBe(true);
      }
    }
  });

  it('gives the early-warning journal note only the placeholders a warning can fill', () => {
    const body = policy.drafts[policy.warning.journalDraft]?.body;
    const warningPlaceholders = new Set(['employees', 'discoveredOn', 'today', 'manager', 'department', 'caseRef']);
    for (const text of [body?.da ?? '', body?.en ?? ''])
      for (const m of text.matchAll(/\{\{(\w+)\}\}/g)) expect(warningPlaceholders.has(m[1] as string)).toBe(true);
    expect(policy.warning.suggestions.map((s) => s.id)).toEqual(
      expect.arrayContaining(['journalNote', 'informManagement', 'reassign', 'complaintRoutes', 'talkToEmployee']),
    );
  });
});

describe('parsePolicy refuses broken documents with a useful message', () => {
  it('reminders that are not on/off with a whole hour, and accepts a policy without them', () => {
    const bad = copy() as Record<string, unknown>;
    bad.reminders = { enabled: 'yes', fromHour: 8 };
    expect(errorsOf(bad)).toEqual(['reminders: must be {enabled: true|false, fromHour, untilHour}, or left out (on, 8 to 16)']);
    bad.reminders = { enabled: true, fromHour: 24 };
    expect(errorsOf(bad)).toEqual(['reminders.fromHour: must be a whole hour from 0 to 23 (Danish time)']);
    bad.reminders = { enabled: true, fromHour: 10, untilHour: 9 };
    expect(errorsOf(bad)).toEqual(['reminders.untilHour: must be a whole hour after fromHour, at most 24 (Danish time)']);
    bad.reminders = { enabled: true, fromHour: 10 };
    expect(errorsOf(bad)).toEqual([]);
    delete bad.reminders;
    expect(errorsOf(bad)).toEqual([]);
  });

  it('an unknown action id in a rule', () => {
    const doc = copy();
    doc.rules[1]?.recommend.push('callTheMayor');
    expect(errorsOf(doc)).toEqual(['rules[1].recommend: unknown id "callTheMayor"']);
  });

  it('a missing English text', () => {
    const doc = copy();
    const action = doc.actions[2];
    if (action) action.title.en = ' ';
    expect(errorsOf(doc)).toEqual(['actions[2].title: needs non-empty "da" and "en" texts']);
  });

  it('an unknown placeholder in a draft', () => {
    const doc = copy();
    doc.drafts.takedownRequest.body.da += '\n{{citizenName}}';
    expect(errorsOf(doc)).toEqual(['drafts.takedownRequest: unknown placeholder {{citizenName}}']);
  });

  it('a bad unit in a deadline', () => {
    const doc = copy();
    const action = doc.actions[1];
    if (action) action.due = { weeks: 2 } as unknown as typeof action.due;
    expect(errorsOf(doc)).toEqual(['actions[1].due.weeks: unknown unit']);
  });

  it('a legal basis without a source', () => {
    const doc = copy();
    doc.actions[1]?.legalBasis[0]?.sources.splice(0);
    expect(errorsOf(doc)).toEqual(['actions[1].legalBasis[0].sources: name at least one source']);
  });

  it('a rule for a characteristic that does not exist', () => {
    const doc = copy();
    const rule = doc.rules[1];
    if (rule) rule.when = { any: ['rudeEmoji'] };
    expect(errorsOf(doc)).toEqual(['rules[1].when.any: unknown id "rudeEmoji"']);
  });

  it('something that is not a policy at all', () => {
    expect(errorsOf([])).toEqual(['the policy must be a JSON object']);
    expect(errorsOf({ version: 2 })).toEqual(expect.arrayContaining(['version: must be 1', 'actions: must be a non-empty list']));
  });
});

describe('the decision table (domain.md §9)', () => {
  it('gives plain harsh criticism only the baseline, in priority order', () => {
    expect(ids([])).toEqual(BASELINE);
  });

  it.each([
    // characteristics, must include, must not include
    [['imminentDanger'], ['call112', 'policeReport', 'securityReview'], [...DATATILSYNET, 'prosecutionRequest']],
    [['directThreat'], ['policeReport', 'takedownRequest', 'platformNotice', 'legalAid', 'securityReview'], ['call112', ...DATATILSYNET]],
    [['indirectThreat'], ['policeReport', 'takedownRequest', 'platformNotice', 'legalAid', 'securityReview'], ['call112', ...DATATILSYNET]],
    [['crimeAccusation'], ['prosecutionRequest', 'takedownRequest', 'platformNotice', 'legalAid'], ['policeReport', ...DATATILSYNET]],
    [['falseInformation'], ['takedownRequest'], ['policeReport', 'platformNotice', 'prosecutionRequest', ...DATATILSYNET]],
    [['cprNumber'], ['datatilsynetNow', 'takedownRequest', 'platformNotice', 'securityReview'], ['datatilsynet']],
    [['sensitiveData'], ['prosecutionRequest', 'datatilsynet', 'takedownRequest'], ['datatilsynetNow', 'policeReport']],
    [['homeAddressPhotos'], ['policeReport', 'takedownRequest', 'securityReview', 'datatilsynet'], ['datatilsynetNow']],
    [['familyNamed'], ['policeReport', 'takedownRequest', 'securityReview', 'familySupport', 'datatilsynet'], ['datatilsynetNow']],
    [['systematicCampaign'], ['policeReport', 'legalAid', 'takedownRequest', 'platformNotice', 'securityReview', 'datatilsynet'], []],
    [['anonymousPoster'], ['policeReport', 'platformNotice'], DATATILSYNET],
    [['newsMedium'], ['pressenaevnet', 'legalAid'], ['policeReport', 'takedownRequest', ...DATATILSYNET]],
    [['newsMedium', 'homeAddressPhotos'], ['pressenaevnet', 'policeReport', 'securityReview'], DATATILSYNET],
    [['newsMedium', 'cprNumber'], ['pressenaevnet', 'takedownRequest'], DATATILSYNET],
  ])('%j → includes %j, leaves out %j', (characteristics, include, exclude) => {
    const got = ids(characteristics);
    expect(got).toEqual(expect.arrayContaining([...BASELINE, ...include]));
    for (const id of exclude) expect(got).not.toContain(id);
  });

  it.each([
    [
      ['imminentDanger'],
      [
        'call112',
        'policeReport',
        'informChain',
        'contactEmployee',
        'preserveEvidence',
        'watchPosts',
        'meeting',
        'staffMessage',
        'pressLine',
        'crisisSupport',
        'safetyBasics',
        'securityReview',
        'familySupport',
        'victimRights',
        'underlyingComplaint',
        'reassignCase',
        'journalNote',
        'internalRegistration',
        'easyReport',
        'followUpWeek',
        'medEvaluation',
        'followUp3Months',
      ],
    ],
    [
      ['crimeAccusation'],
      [
        'informChain',
        'contactEmployee',
        'preserveEvidence',
        'watchPosts',
        'meeting',
        'staffMessage',
        'pressLine',
        'crisisSupport',
        'safetyBasics',
        'familySupport',
        'takedownRequest',
        'platformNotice',
        'legalAid',
        'prosecutionRequest',
        'underlyingComplaint',
        'reassignCase',
        'journalNote',
        'internalRegistration',
        'easyReport',
        'followUpWeek',
        'medEvaluation',
        'followUp3Months',
      ],
    ],
    [
      ['falseInformation'],
      [
        'informChain',
        'contactEmployee',
        'preserveEvidence',
        'watchPosts',
        'meeting',
        'staffMessage',
        'pressLine',
        'crisisSupport',
        'safetyBasics',
        'familySupport',
        'takedownRequest',
        'underlyingComplaint',
        'reassignCase',
        'journalNote',
        'internalRegistration',
        'easyReport',
        'followUpWeek',
        'medEvaluation',
        'followUp3Months',
      ],
    ],
    [
      ['newsMedium'],
      [
        'informChain',
        'contactEmployee',
        'preserveEvidence',
        'watchPosts',
        'meeting',
        'staffMessage',
        'pressLine',
        'crisisSupport',
        'safetyBasics',
        'familySupport',
        'legalAid',
        'pressenaevnet',
        'underlyingComplaint',
        'reassignCase',
        'journalNote',
        'internalRegistration',
        'easyReport',
        'followUpWeek',
        'medEvaluation',
        'followUp3Months',
      ],
    ],
  ])('%j → exactly these actions in this order', (characteristics, expected) => {
    expect(ids(characteristics)).toEqual(expected);
  });

  it('puts call112 first and the police report second when there is immediate danger', () => {
    const all = policy.characteristics.map((c) => c.id);
    expect(ids(all).slice(0, 2)).toEqual(['call112', 'policeReport']);
    expect(ids(['imminentDanger', 'familyNamed']).slice(0, 2)).toEqual(['call112', 'policeReport']);
  });

  it('counts the deadlines from the discovery date', () => {
    expect(dueOf(['crimeAccusation', 'imminentDanger', 'sensitiveData', 'cprNumber'])).toEqual(
      expect.objectContaining({
        call112: '2026-11-24',
        policeReport: '2026-11-24',
        contactEmployee: '2026-11-24',
        preserveEvidence: '2026-11-24',
        meeting: '2026-11-25',
        staffMessage: '2026-11-24',
        takedownRequest: '2026-11-26',
        datatilsynetNow: '2026-11-25',
        datatilsynet: '2026-12-24',
        easyReport: '2026-12-08',
        followUpWeek: '2026-12-01',
        followUp3Months: '2027-02-24',
        prosecutionRequest: '2027-05-24',
      }),
    );
    // Genmæle: 12 weeks from publication (medieansvarsloven), not the old 4.
    expect(dueOf(['newsMedium']).pressenaevnet).toBe('2027-02-16');
  });

  it('moves the meeting over the weekend when the post is found on a Friday', () => {
    const friday = assess(policy, { ...intake([]), discoveredOn: '2026-11-27' });
    expect(friday.find((a) => a.actionId === 'meeting')?.due).toBe('2026-11-30');
  });

  it('recommends Datatilsynet only for CPR, sensitive data, address/photos, family or a campaign — never for a news medium', () => {
    const all = policy.characteristics.map((c) => c.id);
    // Every combination of the twelve answers (4,096).
    for (let mask = 0; mask < 1 << all.length; mask += 1) {
      const chosen = all.filter((_, i) => mask & (1 << i));
      const got = ids(chosen);
      const datatilsynet = got.some((id) => DATATILSYNET.includes(id));
      const gdpr = chosen.some((c) => GDPR_CHARACTERISTICS.includes(c)) && !chosen.includes('newsMedium');
      if (datatilsynet !== gdpr)
        throw new Error(`Datatilsynet ${datatilsynet ? 'recommended' : 'missing'} for ${chosen.join(', ') || 'nothing'}`);
      expect(got.includes('datatilsynetNow')).toBe(chosen.includes('cprNumber') && !chosen.includes('newsMedium'));
    }
  });

  it('gives every recommendation a reason the card can show', () => {
    const all = policy.characteristics.map((c) => c.id);
    const rules = new Set(policy.rules.map((r) => r.id));
    for (const planned of assess(policy, intake(all))) {
      expect(planned.reasons.length).toBeGreaterThan(0);
      for (const reason of planned.reasons) expect(rules).toContain(reason);
      expect(planned.source).toBe('policy');
      expect(planned.status).toBe('open');
    }
  });
});

describe('the drafts rendered for a case', () => {
  const incident: IncidentCase = {
    id: '3f2a9c1e-7b44-4c1a-9e0d-5a6b7c8d9e0f',
    rev: 3,
    ownerId: 'manager-1',
    managerIds: [],
    departmentId: 'bof',
    locale: 'da',
    createdAt: '2026-11-24T09:00:00.000Z',
    updatedAt: '2026-11-24T09:30:00.000Z',
    audit: [],
    kind: 'incident',
    status: 'plan',
    intake: {
      ...intake(['crimeAccusation', 'homeAddressPhotos', 'familyNamed']),
      employees: [
        { id: 'e1', name: 'Anna Jensen' },
        { id: 'e2', name: 'Bo Nielsen' },
      ],
      urls: [URL, 'https://example.dk/sagsbehandlere/anna'],
    },
  };
  const ctx = (locale: 'da' | 'en'): DraftContext => ({
    locale,
    manager: 'Mette Leder',
    department: 'Børn og Familie',
    today: '2026-11-24',
  });

  it.each(['da', 'en'] as const)(
    'the staff support message (%s) names the employees and the manager, and nothing about the case',
    (locale) => {
      const draft = renderIncidentDraft(policy, 'staffSupport', incident, ctx(locale));
      expect(draft).toBeDefined();
      const body = draft?.body ?? '';
      expect(body).toContain(locale === 'da' ? 'Anna Jensen og Bo Nielsen' : 'Anna Jensen and Bo Nielsen');
      expect(body).toContain('Mette Leder');
      expect(body).not.toMatch(/https?:|www\.|example\.dk|facebook/i);
      expect(body).not.toContain(DESCRIPTION);
      expect(body).not.toMatch(/Hansen|forfalsk|OPB-/i);
      for (const c of policy.characteristics) expect(body).not.toContain(c.label[locale]);
    },
  );

  it.each(['da', 'en'] as const)('every incident draft (%s) fills its placeholders', (locale) => {
    for (const id of Object.keys(policy.drafts)) {
      const body = renderIncidentDraft(policy, id, incident, ctx(locale))?.body ?? '';
      // {{deadline96}}: see the known-bug test below.
      expect(body.replaceAll('{{deadline96}}', '')).not.toContain('{{');
      expect(body.trim().length).toBeGreaterThan(50);
    }
  });

  it('puts the URLs and the ESDH case number (not Opbakning’s own id) in the police report', () => {
    const body = renderIncidentDraft(policy, 'policeReport', incident, ctx('da'))?.body ?? '';
    expect(body).toContain(`- ${URL}`);
    expect(body).toContain('Vores reference: [sagsnummer i ESDH]');
    expect(body).not.toContain('OPB-3F2A9C1E');
    const withEsdh = { ...incident, intake: { ...(incident.intake as Intake), esdhRef: '27.12.00-G01-123-26' } };
    expect(renderIncidentDraft(policy, 'policeReport', withEsdh, ctx('da'))?.body).toContain('Vores reference: 27.12.00-G01-123-26');
    expect(renderIncidentDraft(policy, 'takedownRequest', withEsdh, ctx('en'))?.body).toContain('Our reference: 27.12.00-G01-123-26');
  });

  it('keeps the employer-computed § 96 date out of every letter: it runs from the employee’s own knowledge', () => {
    for (const locale of ['da', 'en'] as const)
      for (const id of Object.keys(policy.drafts)) {
        const body = renderIncidentDraft(policy, id, incident, ctx(locale))?.body ?? '';
        expect(body).not.toMatch(/24\. maj 2027|24 May 2027|udløber fristen|the deadline .* ends/);
      }
    const withDeadline = copy();
    withDeadline.drafts.policeReport.body.da += '\n{{deadline96}}';
    expect(errorsOf(withDeadline)).toEqual(['drafts.policeReport: unknown placeholder {{deadline96}}']);
  });

  it('keeps the takedown request calm: the police are only something that will be considered', () => {
    const da = renderIncidentDraft(policy, 'takedownRequest', incident, ctx('da'))?.body ?? '';
    const en = renderIncidentDraft(policy, 'takedownRequest', incident, ctx('en'))?.body ?? '';
    expect(da).toContain('vil vi overveje at anmelde forholdet til politiet');
    expect(en).toContain('we will consider reporting the matter to the police');
    expect(da).not.toContain(DESCRIPTION);
    expect(`${da}\n${en}`).not.toMatch(/!|erstatning|compensation|sagsanlæg|lawsuit|advokat|lawyer/i);
  });

  it('includes a power of attorney in the Datatilsynet complaint', () => {
    expect(renderIncidentDraft(policy, 'datatilsynetComplaint', incident, ctx('da'))?.body).toContain('FULDMAGT');
    expect(renderIncidentDraft(policy, 'datatilsynetComplaint', incident, ctx('en'))?.body).toContain('POWER OF ATTORNEY');
  });
});
