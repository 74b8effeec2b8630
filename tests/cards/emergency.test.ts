import { readFileSync } from 'node:fs';
import path from 'node:path';
import { emergencyBanner } from '../../cards/emergency';
import { cardText } from '../../dev/flow/cards';
import { assess } from '../../src/domain/assessment';
import type { PlannedAction } from '../../src/domain/case';
import { type Policy, parsePolicy } from '../../src/domain/policy';

// The built-in policy, and a municipality's copy in which every characteristic and action has its own id: the
// warnings at the top of the plan follow the policy's `banner` and `statistic` marks, never the built-in ids.
const doc = JSON.parse(readFileSync(path.resolve(__dirname, '../../src/policy/default-policy.json'), 'utf8'));
const own = (id: string) => `kommune_${id}`;
const renamedDoc = {
  ...doc,
  characteristics: doc.characteristics.map((c: { id: string }) => ({ ...c, id: own(c.id) })),
  actions: doc.actions.map((a: { id: string }) => ({ ...a, id: own(a.id) })),
  rules: doc.rules.map((r: { when: Record<string, unknown>; recommend: string[] }) => ({
    ...r,
    when: Object.fromEntries(Object.entries(r.when).map(([k, v]) => [k, Array.isArray(v) ? v.map(own) : v])),
    recommend: r.recommend.map(own),
  })),
};

function policyOf(d: unknown): Policy {
  const result = parsePolicy(d);
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.policy;
}

const policies: [string, Policy, (id: string) => string][] = [
  ['built-in ids', policyOf(doc), (id) => id],
  ['renamed ids', policyOf(renamedDoc), own],
];

function banner(policy: Policy, characteristics: string[], settle: (a: PlannedAction) => PlannedAction = (a) => a): string {
  const intake = {
    employees: [{ id: 'a', name: 'Anders' }],
    urls: ['https://example.org/x'],
    platform: 'website',
    discoveredOn: '2026-11-24',
    description: 'd',
    employeeContacted: true,
    evidenceSaved: false,
    characteristics,
  } as const;
  const plan = assess(policy, intake).map(settle);
  const body = emergencyBanner(plan, characteristics, { locale: 'da', policy, today: '2026-11-24' });
  return cardText({ type: 'AdaptiveCard', version: '1.5', body });
}

describe.each(policies)('the warning at the top of the plan (%s)', (_name, policy, id) => {
  it('a direct threat with the police report open: report the threat today', () => {
    expect(banner(policy, [id('directThreat')])).toContain('Trussel: anmeld til politiet i dag');
  });

  it('a threat to expose counts as a threat (coercion)', () => {
    expect(banner(policy, [id('threatToExpose')])).toContain('Trussel: anmeld til politiet i dag');
  });

  it('once the police report is done, the threat warning goes', () => {
    const done = (a: PlannedAction): PlannedAction =>
      policy.actions.find((d) => d.id === a.actionId)?.statistic === 'policeReport' ? { ...a, status: 'done' } : a;
    expect(banner(policy, [id('directThreat')], done)).toBe('');
  });

  it('immediate danger: call 112', () => {
    expect(banner(policy, [id('imminentDanger')])).toContain('Akut fare: ring 112 nu');
  });

  it('no threat, no warning', () => {
    expect(banner(policy, [id('falseInformation')])).toBe('');
  });
});
