import { renderCard } from '../../cards/render';
import { action, cardText, executes, input } from '../../dev/flow/cards';
import type { Department } from '../../src/app/directory';
import { Verb } from '../../src/app/verbs';
import { assess } from '../../src/domain/assessment';
import type { IncidentCase, Intake } from '../../src/domain/case';
import type { EvidenceItem } from '../../src/domain/evidence';
import { LIMITS } from '../../src/domain/intake';
import { loadPolicy } from '../../src/policy/load-policy';
import { cardSize, validateCard } from '../support/validate-card';

const policy = loadPolicy();
const now = '2026-11-24T08:30:00.000Z';
const department: Department = { id: 'd', name: 'Børn og Familie', members: [{ id: 'm', name: 'Mette Holm' }], managerIds: ['m'] };
// The most links a case can have, each as long as allowed: the largest evidence part the card can get.
const urls = Array.from({ length: LIMITS.urls }, (_, i) => `https://example.org/${i}/${'p'.repeat(LIMITS.url - 30)}`);
const intake: Intake = {
  employees: [{ id: 'a', name: 'Anders Kjær' }],
  urls,
  platform: 'facebook',
  discoveredOn: '2026-11-24',
  description: 'x'.repeat(LIMITS.description),
  employeeContacted: true,
  evidenceSaved: false,
  characteristics: policy.characteristics.map((c) => c.id),
};
const proposal = assess(policy, intake);
const capture: EvidenceItem = {
  id: 'cap-3-0',
  kind: 'capture',
  addedBy: 'm',
  receivedAt: '2026-11-24T09:15:00.000Z',
  name: 'example.org',
  size: 10,
  sniffedType: 'text/html',
  sha256: 'a'.repeat(64),
  link: urls[0],
  capture: { requestedUrl: urls[0], finalUrl: urls[0], status: 200, outcome: 'content', headers: {} },
};
const plan: IncidentCase = {
  kind: 'incident',
  id: 'abcdefghijkl',
  rev: 3,
  ownerId: 'm',
  managerIds: [],
  departmentId: 'd',
  locale: 'da',
  createdAt: now,
  updatedAt: now,
  audit: [],
  status: 'plan',
  intake,
  proposal,
  plan: proposal,
  evidence: [capture],
};
const render = (c: IncidentCase, locale: 'da' | 'en' = 'da', evidence = true) =>
  renderCard(
    { kind: 'plan', case: c, department, ...(evidence ? { evidence } : {}) },
    { locale, policy, today: '2026-11-24', graph: true, peoplePicker: true },
  );

describe('the evidence part of the case card', () => {
  it('folded, it points to "Gem siden nu" under "Vis dokumentation" and offers the case pack', () => {
    const card = render(plan, 'da', false);
    expect(validateCard(card)).toEqual([]);
    expect(executes(card).filter((a) => a.verb === Verb.evidenceCapture)).toEqual([]);
    // "Vis dokumentation" and "Lav sagsmappe" both open the section, where the pages are saved and the drafts chosen.
    expect(
      executes(card)
        .filter((a) => a.verb === Verb.evidenceShow)
        .map((a) => a.title),
    ).toEqual(['Vis dokumentation', 'Lav sagsmappe']);
    expect(executes(card).filter((a) => a.verb === Verb.packMake)).toEqual([]);
    expect(cardText(card)).toContain('Gem siden nu');
  });

  it.each(['da', 'en'] as const)(
    'opened: "Gem siden nu" for every link with the revision, and "Lav sagsmappe" (%s), within 28 KB',
    (locale) => {
      const card = render(plan, locale);
      expect(validateCard(card)).toEqual([]);
      expect(cardSize(card)).toBeLessThanOrEqual(28 * 1024);
      const saves = executes(card).filter((a) => a.verb === Verb.evidenceCapture);
      expect(saves.map((a) => a.data)).toEqual(urls.map((_, link) => ({ caseId: plan.id, rev: 3, link })));
      expect(action(card, Verb.packMake).data).toEqual({ caseId: plan.id });
      expect(cardText(card)).toContain(
        locale === 'da' ? 'Gemt 1 gang(e), senest 24.11.2026 10.15' : 'Saved 1 time(s), last 24.11.2026 10.15',
      );
    },
  );

  it("opened, the case pack offers the plan's letters and notes as drafts for the PDF, those of done actions ticked", () => {
    const done = proposal.find((a) => policy.actions.find((d) => d.id === a.actionId)?.draft === 'takedownRequest');
    const card = render({ ...plan, plan: proposal.map((a) => (a === done ? { ...a, status: 'done' as const, doneAt: now } : a)) });
    const set = input(card, 'packDrafts') as { value?: string; choices?: { title: string; value: string }[] } | undefined;
    const withDraft = proposal.filter((a) => {
      const def = policy.actions.find((d) => d.id === a.actionId);
      return def?.draft && def.kind !== 'channelPost';
    });
    expect(set?.choices?.map((c) => c.value)).toEqual(withDraft.map((a) => a.actionId));
    expect(set?.choices?.map((c) => c.value)).not.toContain('staffMessage');
    expect(set?.value).toBe(done?.actionId);
    expect(action(card, Verb.packMake).data).toEqual({ caseId: plan.id });
  });

  it('a closed case offers the case pack but no new captures', () => {
    const card = render({ ...plan, status: 'closed', closedAt: now });
    expect(executes(card).filter((a) => a.verb === Verb.evidenceCapture)).toEqual([]);
    expect(action(card, Verb.packMake).title).toBe('Lav sagsmappe');
  });
});
