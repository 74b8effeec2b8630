import type { Urgency } from '../src/domain/assessment';
import type { PlannedAction } from '../src/domain/case';
import { daysBetween } from '../src/domain/dates';
import { formatDate } from '../src/domain/format';
import { pick } from '../src/domain/i18n';
import type { ActionDef, Policy } from '../src/domain/policy';
import type { CardContext } from './context';
import { container, type Element, text } from './elements';
import { t } from './texts';

/** "i dag, 24. november 2026 (samme dag)" — plus "overskredet" when an open action is late. */
export function dueText(a: PlannedAction, def: ActionDef, ctx: CardContext): { text: string; late: boolean } {
  const { locale } = ctx;
  const days = daysBetween(ctx.today, a.due);
  const when = days === 0 ? `${t('today', locale)}, ${formatDate(a.due, locale)}` : formatDate(a.due, locale);
  const label = def.dueLabel ? ` (${pick(def.dueLabel, locale)})` : '';
  const late = a.status === 'open' && days < 0;
  return { text: `${when}${label}${late ? ` – ${t('overdue', locale)}` : ''}`, late };
}

/** Late text is red, except on an emergency row: that is already red (attention style), and Teams' red text on it
 * is too faint to read (npm run preview, axe). */
function lateColour(late: boolean, def: ActionDef): { color?: 'Attention' } {
  return late && def.kind !== 'emergency' ? { color: 'Attention' } : {};
}

/** "Hvem: … · Frist: …" in one small block. */
export function whoDue(a: PlannedAction, def: ActionDef, ctx: CardContext): Element {
  const due = dueText(a, def, ctx);
  return text(`**${t('who', ctx.locale)}:** ${pick(def.owner, ctx.locale)}\n\n**${t('due', ctx.locale)}:** ${due.text}`, {
    size: 'Small',
    spacing: 'Small',
    ...lateColour(due.late, def),
  });
}

/** "Frist: …" alone, for the assessment's first screen. */
export function dueLine(a: PlannedAction, def: ActionDef, ctx: CardContext): Element {
  const due = dueText(a, def, ctx);
  return text(`**${t('due', ctx.locale)}:** ${due.text}`, { size: 'Small', ...lateColour(due.late, def) });
}

const GROUP_TITLE = { now: 'groupNow', week: 'groupWeek', later: 'groupLater' } as const;

/** "Nu – i dag (7)": the heading of one urgency group. */
export function groupHeading(u: Urgency, count: number, ctx: CardContext): Element {
  return text(`${t(GROUP_TITLE[u], ctx.locale)} (${count})`, {
    size: 'Medium',
    weight: 'Bolder',
    spacing: 'Large',
    ...(u === 'now' ? { color: 'Accent' } : {}),
  });
}

/** The characteristics (or "always") that made the decision table recommend the action. */
export function whyShort(a: PlannedAction, policy: Policy, ctx: CardContext): string {
  const { locale } = ctx;
  if (a.source === 'manager') return t('addedByManager', locale);
  const labels = new Map(policy.characteristics.map((c) => [c.id, pick(c.short ?? c.label, locale)]));
  const parts = new Set<string>();
  for (const id of a.reasons) {
    const rule = policy.rules.find((r) => r.id === id);
    if (!rule) continue;
    if ('always' in rule.when) parts.add(t('always', locale));
    else for (const c of [...(rule.when.any ?? []), ...(rule.when.all ?? [])]) parts.add(labels.get(c) ?? c);
  }
  return [...parts].join(', ');
}

/** Who, why (short) and the legal citations, for the assessment overview; the caveat waits for the plan's details. */
export function basisShort(a: PlannedAction, def: ActionDef, ctx: CardContext): Element {
  const { locale, policy } = ctx;
  const lines = [`**${t('who', locale)}:** ${pick(def.owner, locale)}`];
  // "Always applies" says nothing the group heading does not; only the characteristics behind an action are shown.
  const why = whyShort(a, policy, ctx);
  if (why !== t('always', locale)) lines.push(`**${t('why', locale)}:** ${why}`);
  if (def.legalBasis.length) lines.push(`**${t('legalBasis', locale)}:** ${def.legalBasis.map((b) => pick(b.cite, locale)).join('; ')}`);
  return text(lines.join('\n\n'), { size: 'Small', isSubtle: true });
}

/** Full reasons and legal texts, for an opened action on the plan. */
export function basisFull(a: PlannedAction, def: ActionDef, ctx: CardContext): Element[] {
  const { locale, policy } = ctx;
  const reasons =
    a.source === 'manager'
      ? [t('addedByManager', locale)]
      : a.reasons.map((id) => policy.rules.find((r) => r.id === id)).flatMap((r) => (r ? [pick(r.reason, locale)] : []));
  const blocks: Element[] = [text(`**${t('why', locale)}:**\n\n${reasons.map((r) => `- ${r}`).join('\n')}`, { size: 'Small' })];
  if (def.legalBasis.length)
    blocks.push(
      text(`**${t('legalBasis', locale)}:**\n\n${def.legalBasis.map((b) => `- ${pick(b.text, locale)}`).join('\n')}`, { size: 'Small' }),
    );
  // Teams' yellow text is unreadable on white; a warning-style box is not.
  if (def.caveat) blocks.push(container([text(`⚠ ${pick(def.caveat, locale)}`, { size: 'Small' })], { style: 'warning' }));
  return blocks;
}
