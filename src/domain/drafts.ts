import { actionDef } from './assessment';
import type { IncidentCase, PlannedAction, WarningCase } from './case';
import type { IsoDate } from './dates';
import { formatDate, joinNames } from './format';
import { type Locale, pick } from './i18n';
import { PLATFORM_LABELS } from './platforms';
import type { Policy } from './policy';

/** What a draft needs besides the case: who writes it and where. */
export interface DraftContext {
  readonly locale: Locale;
  readonly manager: string;
  readonly department: string;
  readonly today: IsoDate;
  /** The department's union and safety representatives, named in the support message when known. */
  readonly trName?: string;
  readonly amrName?: string;
}

export interface Draft {
  readonly title: string;
  readonly body: string;
}

export function caseRef(id: string): string {
  return `OPB-${id.slice(0, 8).toUpperCase()}`;
}

function fill(template: string, values: Readonly<Record<string, string>>): string {
  return template.replace(/\{\{\s*([a-zA-Z][a-zA-Z0-9]*)\s*\}\}/g, (_, key: string) => values[key] ?? '');
}

function bullets(lines: readonly string[]): string {
  return lines.map((l) => `- ${l}`).join('\n');
}

/** What a letter says where the manager has not given something yet: a bracket to fill in, never an empty gap. */
const MISSING = {
  esdhRef: { da: '[sagsnummer i ESDH]', en: '[ESDH case number]' },
  name: { da: '[navn]', en: '[name]' },
} as const;

/**
 * Fills a policy draft from an incident. Deliberately no computed § 96 date: the deadline runs from the
 * employee's own knowledge, so the date counted from the employer's discovery stays on the manager's card.
 * Text only: cards and posts escape it where they show it.
 */
export function renderIncidentDraft(policy: Policy, draftId: string, c: IncidentCase, ctx: DraftContext): Draft | undefined {
  const def = policy.drafts[draftId];
  const intake = c.intake;
  if (!def || !intake) return undefined;
  // Letters state facts ("direkte trussel om vold"), not the intake's yes/no questions.
  const facts = new Map(policy.characteristics.map((ch) => [ch.id, pick(ch.short ?? ch.label, ctx.locale)]));
  const values: Record<string, string> = {
    employees: joinNames(
      intake.employees.map((e) => e.name),
      ctx.locale,
    ),
    urls: bullets(intake.urls),
    platform: pick(PLATFORM_LABELS[intake.platform as keyof typeof PLATFORM_LABELS] ?? PLATFORM_LABELS.other, ctx.locale),
    discoveredOn: formatDate(intake.discoveredOn, ctx.locale),
    today: formatDate(ctx.today, ctx.locale),
    manager: ctx.manager,
    department: ctx.department,
    caseRef: caseRef(c.id),
    esdhRef: intake.esdhRef ?? MISSING.esdhRef[ctx.locale],
    characteristics: bullets(intake.characteristics.map((id) => facts.get(id) ?? id)),
    trName: ctx.trName || MISSING.name[ctx.locale],
    amrName: ctx.amrName || MISSING.name[ctx.locale],
  };
  return { title: pick(def.title, ctx.locale), body: fill(pick(def.body, ctx.locale), values) };
}

/** The journal note for an early warning. */
export function renderWarningDraft(policy: Policy, c: WarningCase, ctx: DraftContext): Draft | undefined {
  const def = policy.drafts[policy.warning.journalDraft];
  const w = c.warning;
  if (!def || !w) return undefined;
  const values: Record<string, string> = {
    employees: joinNames(
      w.employees.map((e) => e.name),
      ctx.locale,
    ),
    discoveredOn: formatDate(w.notedOn, ctx.locale),
    today: formatDate(ctx.today, ctx.locale),
    manager: ctx.manager,
    department: ctx.department,
    caseRef: caseRef(c.id),
  };
  return { title: pick(def.title, ctx.locale), body: fill(pick(def.body, ctx.locale), values) };
}

/**
 * The plan's actions whose draft can go into the case pack: letters and notes, in the plan's order. Not the channel
 * message: the pack shows the message as posted.
 */
export function draftActions(policy: Policy, c: IncidentCase): PlannedAction[] {
  return (c.plan ?? []).filter((a) => {
    const def = actionDef(policy, a.actionId);
    return Boolean(def?.draft) && def?.kind !== 'channelPost';
  });
}

/** The draft of one of the plan's actions, filled in for the case; undefined when the action has none. */
export function renderActionDraft(policy: Policy, c: IncidentCase, actionId: string, ctx: DraftContext): Draft | undefined {
  const draft = actionDef(policy, actionId)?.draft;
  return draft ? renderIncidentDraft(policy, draft, c, ctx) : undefined;
}
