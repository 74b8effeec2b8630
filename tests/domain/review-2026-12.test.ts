import { assess, byUrgency, urgency } from '../../src/domain/assessment';
import type { IncidentCase, Intake } from '../../src/domain/case';
import { type DraftContext, renderIncidentDraft } from '../../src/domain/drafts';
import { type ActionDef, type Policy, parsePolicy } from '../../src/domain/policy';
import policyJson from '../../src/policy/default-policy.json';

/**
 * The December 2026 legal and language review (review §1 "Wrong" and "Imprecise", §2, §3), one test per
 * finding, so that none of them can come back unnoticed.
 */
function load(doc: unknown): Policy {
  const result = parsePolicy(doc);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

const policy = load(policyJson);
const action = (id: string): ActionDef => {
  const a = policy.actions.find((x) => x.id === id);
  if (!a) throw new Error(`no action ${id}`);
  return a;
};
const rule = (id: string) => policy.rules.find((r) => r.id === id);
const everything = (a: ActionDef, locale: 'da' | 'en') =>
  [a.title, a.owner, a.dueLabel, a.caveat, ...a.legalBasis.flatMap((b) => [b.cite, b.text])].map((l) => l?.[locale] ?? '').join('\n');
const allText = (locale: 'da' | 'en') =>
  [
    ...policy.actions.map((a) => everything(a, locale)),
    ...policy.rules.map((r) => r.reason[locale]),
    ...policy.characteristics.flatMap((c) => [c.label[locale], c.short?.[locale] ?? '', c.help?.[locale] ?? '']),
    ...Object.values(policy.drafts).flatMap((d) => [d.title[locale], d.body[locale]]),
    ...policy.warning.suggestions.map((s) => s.text[locale]),
    policy.name[locale],
  ].join('\n');

const intake = (characteristics: readonly string[]): Intake => ({
  employees: [
    { id: 'e1', name: 'Anna Jensen' },
    { id: 'e2', name: 'Bo Nielsen' },
  ],
  urls: ['https://www.facebook.com/groups/123456/posts/987654'],
  platform: 'facebook',
  discoveredOn: '2026-11-24',
  description: 'Borgeren skriver, at Anna har forfalsket akterne.',
  employeeContacted: true,
  evidenceSaved: true,
  characteristics,
});
const ids = (characteristics: readonly string[]) => assess(policy, intake(characteristics)).map((a) => a.actionId);
const incident = (characteristics: readonly string[]): IncidentCase => ({
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
  intake: intake(characteristics),
});
const ctx = (locale: 'da' | 'en', extra: Partial<DraftContext> = {}): DraftContext => ({
  locale,
  manager: 'Mette Leder',
  department: 'Børn og Familie',
  today: '2026-11-24',
  ...extra,
});
const draft = (id: string, characteristics: readonly string[], locale: 'da' | 'en', extra: Partial<DraftContext> = {}) =>
  renderIncidentDraft(policy, id, incident(characteristics), ctx(locale, extra))?.body ?? '';

describe('review §1 "Wrong"', () => {
  it('genmæle: 12 weeks from publication (84 days), in the deadline, the texts and the rule – never 4 weeks', () => {
    const pn = action('pressenaevnet');
    expect(pn.due).toEqual({ days: 84 });
    expect(assess(policy, intake(['newsMedium'])).find((a) => a.actionId === 'pressenaevnet')?.due).toBe('2027-02-16');
    expect(everything(pn, 'da')).toContain('genmæle inden 12 uger');
    expect(everything(pn, 'en')).toContain('right of reply within 12 weeks');
    expect(rule('newsMedium')?.reason.da).toContain('inden 12 uger');
    expect(allText('da')).not.toMatch(/genmæle[^.\n]{0,80}\b(4|fire) uger/);
    expect(allText('en')).not.toMatch(/reply[^.\n]{0,80}\b(4|four) weeks/);
  });

  it('BEK 1406/2020 §§ 33 and 34 are cited for violence outside working hours only', () => {
    let cited = 0;
    for (const a of policy.actions)
      for (const b of a.legalBasis)
        if (/1406\/2020.*§§? (3 og )?3[34]\b/.test(b.cite.da)) {
          cited += 1;
          expect(b.cite.da).toContain('(uden for arbejdstiden)');
          expect(b.cite.en).toContain('(outside working hours)');
          expect(b.text.da).toContain('ved vold uden for arbejdstiden');
          expect(b.text.en).toContain('for violence outside working hours');
        }
    expect(cited).toBeGreaterThanOrEqual(4);
    expect(allText('da')).not.toMatch(/også uden for arbejdstiden[^–]*retningslinjer|retningslinjer[^.]*også uden for arbejdstiden/);
    expect(allText('en')).not.toMatch(/guidelines[^.]*including outside working hours/);
  });

  it('the threat "decide my case or I will shame you online" is § 260, stk. 1, nr. 1 (also attempted) and possibly § 119, stk. 2', () => {
    expect(policy.characteristics.map((c) => c.id)).toContain('threatToExpose');
    expect(ids(['threatToExpose'])).toEqual(expect.arrayContaining(['policeReport', 'victimRights', 'takedownRequest']));
    const reason = rule('threatToExpose')?.reason;
    expect(reason?.da).toMatch(/§ 260, stk\. 1, nr\. 1 – også som forsøg.*§ 119, stk\. 2/);
    expect(reason?.en).toMatch(/section 260\(1\)\(1\) – also as an attempt.*section 119\(2\)/);
    expect(rule('indirectThreat')?.reason.da).not.toMatch(/udhæng/);
    expect(action('policeReport').legalBasis.map((b) => b.cite.da)).toContain('Straffeloven § 260, stk. 1, nr. 1');
    for (const [locale, p260, p119] of [
      ['da', 'Straffeloven § 260, stk. 1, nr. 1 (ulovlig tvang, også forsøg', 'Straffeloven § 119, stk. 2'],
      ['en', 'Penal Code section 260(1)(1) (unlawful coercion, also attempted', 'Penal Code section 119(2)'],
    ] as const) {
      const body = draft('policeReport', ['threatToExpose'], locale);
      expect(body).toContain(p260);
      expect(body).toContain(p119);
    }
  });

  it('the EASY caveat says the change is law and what it means, and cites the act’s number only as something to confirm', () => {
    const ea = action('easyReport');
    expect(ea.caveat?.da).toContain('L 31 (2025-26) er vedtaget');
    expect(ea.caveat?.da).toContain('fra 1. juli 2026');
    expect(ea.caveat?.da).toContain('mindst 3 dages fravær ud over skadedagen');
    expect(ea.caveat?.da).toContain('kan give ret til erstatning, skal stadig anmeldes');
    expect(ea.caveat?.da).toContain('psykiske skader tæller med');
    expect(ea.caveat?.da).toMatch(/1626 af 16\. december 2025 – bekræft det på Retsinformation/);
    expect(ea.caveat?.en).toMatch(/1626 of 16 December 2025 – confirm it on Retsinformation/);
    expect(allText('da')).not.toMatch(/lovforslag hæver|Fraværsgrænsen kan være ændret/);
    // The number is never stated as a fact anywhere else.
    expect(allText('da').match(/1626/g)).toHaveLength(1);
  });
});

describe('review §1 "Imprecise"', () => {
  it('§§ 267/268: the higher penalty is for a serious untrue accusation or one spread in a mass medium', () => {
    const text = action('prosecutionRequest').legalBasis.find((b) => b.cite.da === 'Straffeloven §§ 267 og 268')?.text;
    expect(text?.da).toContain(
      'hvis en alvorlig beskyldning er usand, eller hvis den er udbredt i et massemedie og egnet til at skade betydeligt',
    );
    expect(allText('da')).not.toContain('grov, usand');
  });

  it('mortifikation is cited as straffeloven §§ 270-271 with its 3-year limit, not "lov 1719/2018"', () => {
    expect(allText('da')).not.toContain('1719/2018');
    expect(allText('en')).not.toMatch(/1719\/2018|mortification/);
    const text = action('legalAid').legalBasis.find((b) => b.cite.da.startsWith('Straffeloven §§ 270-271'))?.text;
    expect(text?.da).toContain('inden 3 år (§ 96, stk. 5)');
    expect(text?.en).toContain('declare a defamatory allegation unfounded (mortifikation)');
  });

  it('the 72-hour rule concerns personal injury and can be waived (offererstatningsloven § 10, stk. 4)', () => {
    const b = action('policeReport').legalBasis.find((x) => x.cite.da.startsWith('Offererstatningsloven § 10'));
    expect(b?.text.da).toMatch(/erstatning for personskade.*kan fraviges, hvis forholdene taler for det \(stk\. 4\)/);
  });

  it('tilhold: no immediate order where the person has a reasonable interest in contact', () => {
    for (const id of ['securityReview', 'safetyBasics']) expect(everything(action(id), 'da')).toContain('rimelig interesse i kontakt');
  });

  it('databeskyttelsesloven § 11, stk. 3 "som udgangspunkt", everywhere it is used', () => {
    expect(allText('da')).not.toMatch(/CPR-nummer må ikke offentliggøres|er i strid med databeskyttelsesloven § 11/);
    expect(everything(action('datatilsynetNow'), 'da')).toContain('vil som udgangspunkt være i strid med loven');
    expect(draft('datatilsynetComplaint', ['cprNumber'], 'da')).toContain(
      'vil som udgangspunkt være i strid med databeskyttelsesloven § 11, stk. 3',
    );
  });

  it('Datatilsynet: its own power-of-attorney form, and Digital Post for confidential material', () => {
    for (const id of ['datatilsynetNow', 'datatilsynet']) expect(everything(action(id), 'da')).toMatch(/fuldmagtsblanket.*Digital Post/s);
    const body = draft('datatilsynetComplaint', ['cprNumber'], 'da');
    expect(body).toContain('Datatilsynets egen fuldmagtsblanket');
    expect(body).toContain('Digital Post');
  });

  it('reassignment is a management decision: forvaltningsloven § 3 is no legal basis, only a caveat', () => {
    const rc = action('reassignCase');
    expect(rc.legalBasis.map((b) => b.cite.da).join()).not.toContain('Forvaltningsloven § 3');
    expect(rc.caveat?.da).toContain('ledelsesbeslutning');
    expect(rc.caveat?.da).toContain('forvaltningsloven § 3');
  });

  it('aktindsigt: § 21, stk. 3 for staff cases only; a party asks under forvaltningsloven § 9 a, stk. 2', () => {
    const rc = action('reassignCase');
    expect(everything(rc, 'da')).toContain('i personalesager kan en ansats navn undtages');
    expect(rc.caveat?.da).toContain('retsstridig (§ 9 a, stk. 2)');
  });

  it('can now state CPR-loven § 28 and the 4-week appeal to the statsadvokat', () => {
    expect(action('safetyBasics').legalBasis.map((b) => b.cite.da)).toContain('CPR-loven § 28: navne- og adressebeskyttelse');
    expect(everything(action('victimRights'), 'da')).toContain('påklages til statsadvokaten inden 4 uger');
    expect(action('followUp3Months').caveat?.da).toContain('klage til statsadvokaten inden 4 uger (retsplejeloven § 749, stk. 3)');
    expect(allText('da')).not.toContain('kan afgørelsen muligvis påklages');
  });

  it('the staff message recommends (lov 557/2025 § 2) – it does not ask staff to stay silent', () => {
    expect(action('staffMessage').legalBasis.map((b) => b.cite.da)).toContain('Lov nr. 557/2025 § 2 (ansattes ytringsfrihed)');
    const body = draft('staffSupport', [], 'da');
    expect(body).toContain('Vi anbefaler, at I ikke kommenterer, deler eller liker opslaget');
    expect(body).not.toMatch(/Vi beder jer om|ikke at kommentere/);
  });

  it('marks Arbejdstilsynet’s guide as possibly withdrawn wherever it is relied on', () => {
    for (const a of policy.actions)
      if (everything(a, 'da').includes('Arbejdstilsynet: trusler'))
        expect(a.caveat?.da).toContain('trak mange vejledninger tilbage i 2025');
  });
});

describe('review §2: what a manager needs on the day', () => {
  const NEW = ['informChain', 'pressLine', 'underlyingComplaint', 'safetyBasics', 'watchPosts', 'medEvaluation', 'familySupport'];

  it.each(NEW)('%s applies in every case, with who, a deadline and Danish and English text', (id) => {
    const a = action(id);
    expect(a.title.da && a.title.en && a.owner.da && a.owner.en && a.dueLabel?.da && a.dueLabel?.en).toBeTruthy();
    expect(ids([])).toContain(id);
    expect(ids(policy.characteristics.map((c) => c.id))).toContain(id);
  });

  it('the bistandsadvokat and the police’s duty to inform come with every case that goes to the police', () => {
    const all = policy.characteristics.map((c) => c.id);
    for (let mask = 0; mask < 1 << all.length; mask += 1) {
      const got = ids(all.filter((_, i) => mask & (1 << i)));
      expect(got.includes('victimRights')).toBe(got.includes('policeReport'));
    }
    const cites = action('victimRights').legalBasis.map((b) => b.cite.da);
    expect(cites).toEqual(
      expect.arrayContaining(['Retsplejeloven § 741 a: bistandsadvokat', 'Retsplejeloven § 741 e: politiets orientering']),
    );
  });

  it('says what each part is for: the holding line, one watcher and a new § 96 clock per post, ESDH, MED and the APV', () => {
    expect(action('pressLine').caveat?.da).toContain('»Vi kommenterer ikke enkeltsager, men vi bakker op om vores medarbejdere.«');
    expect(action('pressLine').caveat?.da).toContain('Tavshedspligten');
    expect(everything(action('watchPosts'), 'da')).toContain('et nyt opslag starter en ny frist');
    expect(action('underlyingComplaint').title.da).toContain('aldrig som en del af at få opslaget fjernet');
    expect(action('journalNote').title.da).toContain('ESDH med begrænset adgang');
    expect(action('journalNote').caveat?.da).toContain('Opbakning er ikke kommunens journal');
    expect(action('medEvaluation').title.da).toMatch(/det kan ske for alle.*MED.*APV/);
    expect(action('reassignCase').title.da).toMatch(/ingen hjemmebesøg alene.*sygefravær/);
  });
});

describe('grouping by when', () => {
  it.each([
    [{ days: 0 }, 'now'],
    [{ hours: 24 }, 'now'],
    [{ days: 1 }, 'now'],
    [{ workingDays: 1 }, 'now'],
    [{ hours: 48 }, 'week'],
    [{ workingDays: 3 }, 'week'],
    [{ days: 7 }, 'week'],
    [{ days: 14 }, 'later'],
    [{ months: 1 }, 'later'],
    [{ days: 84 }, 'later'],
  ])('%j → %s', (due, expected) => {
    expect(urgency(due)).toBe(expected);
  });

  it('puts what must happen today first, keeps the policy order inside a group, and leaves out empty groups', () => {
    const proposal = assess(policy, intake(policy.characteristics.map((c) => c.id)));
    const groups = byUrgency(policy, proposal);
    expect(groups.map((g) => g.urgency)).toEqual(['now', 'week', 'later']);
    expect(groups.flatMap((g) => g.actions)).toHaveLength(proposal.length);
    const now = groups[0]?.actions.map((a) => a.actionId) ?? [];
    expect(now.slice(0, 3)).toEqual(['call112', 'policeReport', 'informChain']);
    expect(now).toEqual(
      expect.arrayContaining(['contactEmployee', 'preserveEvidence', 'meeting', 'staffMessage', 'pressLine', 'watchPosts']),
    );
    expect(groups[2]?.actions.map((a) => a.actionId)).toEqual(
      expect.arrayContaining(['pressenaevnet', 'easyReport', 'medEvaluation', 'followUp3Months', 'prosecutionRequest']),
    );
    expect(
      byUrgency(
        policy,
        proposal.filter((a) => a.actionId === 'followUp3Months'),
      ).map((g) => g.urgency),
    ).toEqual(['later']);
  });
});

describe('review §3: words', () => {
  it('uses "den, der har skrevet opslaget" and "omtalte", never "afsender" or "involverede"', () => {
    expect(allText('da')).not.toMatch(/afsender|[Ii]nvolverede/);
    expect(allText('da')).toContain('den, der har skrevet opslaget');
  });

  it('says "publicly shamed online" in English, "right of reply", "Ankestyrelsen (the Danish Appeals Agency)" and "who work for us"', () => {
    const en = allText('en');
    expect(en).not.toMatch(/hung out|hanging-out|hang out|National Social Appeals Board|(?<!right of )reply \(genmæle\)|employed by us/i);
    expect(en).toContain('publicly shamed online');
    expect(en).toContain('right of reply (genmæle)');
    expect(en).toContain('Ankestyrelsen (the Danish Appeals Agency)');
    expect(draft('takedownRequest', [], 'en')).toContain('who work for us');
  });

  it.each(['da', 'en'] as const)('every letter (%s) says never to give a CPR number', (locale) => {
    for (const id of Object.keys(policy.drafts).filter((d) => d !== 'staffSupport'))
      expect(`${id}: ${policy.drafts[id]?.body[locale]}`).toContain(
        locale === 'da' ? 'Angiv aldrig CPR-nummer' : 'Never include a CPR number',
      );
  });

  it.each(['da', 'en'] as const)(
    'letters (%s) come from the municipality and department, with the ESDH number as the reference',
    (locale) => {
      const sender = locale === 'da' ? '[X] Kommune, Børn og Familie' : '[X] Municipality, Børn og Familie';
      for (const id of ['takedownRequest', 'policeReport', 'prosecutionRequest', 'platformNotice', 'datatilsynetComplaint']) {
        const body = draft(id, [], locale);
        expect(`${id}: ${body}`).toContain(sender);
        expect(`${id}: ${body}`).toContain(locale === 'da' ? '[sagsnummer i ESDH]' : '[ESDH case number]');
        expect(`${id}: ${body}`).not.toContain('OPB-');
      }
    },
  );

  it.each(['da', 'en'] as const)('letters (%s) state facts, not the intake’s yes/no questions', (locale) => {
    const chosen = ['directThreat', 'homeAddressPhotos', 'threatToExpose'];
    for (const id of ['policeReport', 'internalRegistration']) {
      const body = draft(id, chosen, locale);
      for (const c of policy.characteristics) expect(body).not.toContain(c.label[locale]);
      expect(body).toContain(locale === 'da' ? '- direkte trussel om vold' : '- direct threat of violence');
      expect(body).not.toMatch(/besvaret med ja|answered yes/);
    }
  });

  it('takedown request: the citizen’s case is handled the same way either way; threats go by the police first; Digital Post', () => {
    const body = draft('takedownRequest', [], 'da');
    expect(body).toContain('Din sag behandles på samme måde, uanset om du fjerner opslaget.');
    expect(body).toContain('aftal med politiet, før I sender brevet');
    expect(body).toContain('Digital Post');
  });

  it('the staff message keeps "I" throughout, names the TR and AMR, and sends the press to the manager', () => {
    const body = draft('staffSupport', [], 'da', { trName: 'Tove Rasmussen', amrName: 'Arne Madsen' });
    expect(body).toContain('jeres TR, Tove Rasmussen, eller jeres AMR, Arne Madsen');
    expect(body).toContain('Henvendelser fra pressen sendes til mig.');
    expect(body).toContain('Det samme gælder, hvis det sker for nogen af jer.');
    expect(body).not.toMatch(/\b(du|dig|din|dit)\b/i);
    expect(draft('staffSupport', [], 'da')).toContain('jeres TR, [navn], eller jeres AMR, [navn]');
    expect(draft('staffSupport', [], 'en', { trName: 'Tove Rasmussen' })).toContain('your union representative (TR), Tove Rasmussen,');
  });

  it('writes about several employees without singular-only phrases', () => {
    for (const id of ['policeReport', 'platformNotice'])
      for (const locale of ['da', 'en'] as const)
        expect(draft(id, [], locale)).not.toMatch(/medarbejderens arbejde|the employee’s work(?! address)/);
  });
});
