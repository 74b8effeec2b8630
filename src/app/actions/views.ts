import { nextDue } from '../../domain/assessment';
import { type Case, canSee } from '../../domain/case';
import { danishDate } from '../../domain/dates';
import { type DraftContext, renderActionDraft, renderWarningDraft } from '../../domain/drafts';
import { type Locale, toLocale } from '../../domain/i18n';
import { intakeValues } from '../../domain/intake';
import type { Policy } from '../../domain/policy';
import type { Department } from '../directory';
import type { CaseSummary, Notice, Screen, View } from '../screens';
import { type ActionDeps, type Actor, type Data, message, notice } from './context';

/** The manager's chosen language, else the Teams client's. */
export async function localeOf(deps: ActionDeps, actor: Actor): Promise<Locale> {
  return (await deps.cases.prefs(actor.id)).locale ?? toLocale(actor.locale);
}

export async function startView(deps: ActionDeps, actor: Actor, n?: Notice): Promise<View> {
  const departments = await deps.directory.departmentsManagedBy(actor.id);
  const screen: Screen = departments.length
    ? { kind: 'start', startId: deps.newId(), departments, ...(n ? { notice: n } : {}) }
    : message('notManager');
  return { screen, locale: await localeOf(deps, actor) };
}

export async function myCasesView(deps: ActionDeps, actor: Actor, n?: Notice): Promise<View> {
  const items = await deps.cases.openFor(actor.id, (c) => summary(deps.policy, c));
  return { screen: { kind: 'myCases', items, ...(n ? { notice: n } : {}) }, locale: await localeOf(deps, actor) };
}

export function departmentOf(deps: ActionDeps, c: Case): Promise<Department | undefined> {
  return deps.directory.department(c.departmentId);
}

/** Loads a case and shows it as it is, if the actor may see it. */
export async function showCase(deps: ActionDeps, actor: Actor, caseId: string, locale: Locale, n?: Notice): Promise<View> {
  const stored = await deps.cases.get(caseId);
  if (!stored) return { locale, screen: message('unknownCase') };
  if (!canSee(stored.value, actor.id)) return { locale, screen: message('forbidden') };
  return { locale, screen: await screenFor(deps, stored.value, n) };
}

/** The card for a case's state; an escalated warning shows the incident it became. */
export async function screenFor(deps: ActionDeps, c: Case, n?: Notice): Promise<Screen> {
  const department = await departmentOf(deps, c);
  if (!department) return message('unknownCase');
  if (c.kind === 'warning' && c.status === 'escalated' && c.escalatedTo) {
    const incident = await deps.cases.get(c.escalatedTo);
    const own = incident?.value.kind === 'incident' && incident.value.escalatedFrom === c.id && canSee(incident.value, c.ownerId);
    if (incident && own) return stateScreen(incident.value, department, notice('escalated', 'good'));
  }
  return stateScreen(c, department, n);
}

export function stateScreen(c: Case, department: Department, n?: Notice): Screen {
  const extra = n ? { notice: n } : {};
  if (c.kind === 'warning') return { kind: 'warning', case: c, department, ...extra };
  const status = c.status;
  switch (status) {
    case 'intake':
      return { kind: 'intake', case: c, department, ...(c.intake ? { values: intakeValues(c.intake) } : {}), ...extra };
    case 'assessment':
      return { kind: 'assessment', case: c, department, ...extra };
    case 'plan':
    case 'closed':
      return { kind: 'plan', case: c, department, ...extra };
    default: {
      const _exhaustive: never = status;
      return _exhaustive;
    }
  }
}

/** Who writes a draft and where: the acting manager, the department, its TR and AMR by name, today. */
export function draftContext(department: Department | undefined, actor: Actor, locale: Locale, now: Date): DraftContext {
  const named = (id?: string) => department?.members.find((p) => p.id === id)?.name;
  return {
    locale,
    manager: actor.name,
    department: department?.name ?? '',
    today: danishDate(now),
    trName: named(department?.trId),
    amrName: named(department?.amrId),
  };
}

/** View only: opens one action (or the warning's journal note) without changing the case. */
export function detailsScreen(deps: ActionDeps, c: Case, actor: Actor, department: Department, locale: Locale, data: Data): Screen {
  const { policy } = deps;
  const ctx = draftContext(department, actor, locale, deps.clock.now());
  if (c.kind === 'warning') {
    const draft = renderWarningDraft(policy, c, ctx);
    return { kind: 'warning', case: c, department, ...(draft ? { draft } : {}) };
  }
  if (c.status !== 'plan' && c.status !== 'closed') return stateScreen(c, department, notice('notAllowedNow', 'warning'));
  const actionId = typeof data.actionId === 'string' ? data.actionId : '';
  if (!c.plan?.some((a) => a.actionId === actionId)) return stateScreen(c, department, notice('badRequest', 'warning'));
  const draft = renderActionDraft(policy, c, actionId, ctx);
  return { kind: 'plan', case: c, department, expanded: { actionId, ...(draft ? { draft } : {}) } };
}

/** A line of "Mine sager": names of the employees, what is next, how much is open (also drawn by the card preview). */
export function summary(policy: Policy, c: Case): CaseSummary {
  const incident = c.kind === 'incident' ? c : undefined;
  const warning = c.kind === 'warning' ? c : undefined;
  const actions = incident?.plan ?? incident?.proposal ?? [];
  const next = incident?.plan ? nextDue(policy, incident.plan) : undefined;
  return {
    id: c.id,
    kind: c.kind,
    status: c.status,
    rev: c.rev,
    createdAt: c.createdAt,
    employees: (incident?.intake?.employees ?? incident?.prefill?.employees ?? warning?.warning?.employees ?? []).map((e) => e.name),
    ...(next ? { next } : {}),
    openCount: actions.filter((a) => a.status === 'open').length,
  };
}
