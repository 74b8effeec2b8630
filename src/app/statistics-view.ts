import { danishDate } from '../domain/dates';
import type { Locale } from '../domain/i18n';
import { type AnonymousFigures, anonymise, type CaseFact, figures, type Shown, shown } from '../domain/statistics';
import { type ActionDeps, type Actor, message } from './actions/context';
import { localeOf } from './actions/views';
import type { Department } from './directory';
import type { View } from './screens';

/** Draws the monthly counts as a picture (PNG bytes); the adapter is src/chart/. */
export interface ChartPort {
  monthly(months: AnonymousFigures['months'], locale: Locale): Promise<Uint8Array>;
}

/** What the statistics card shows: anonymous figures only, never a case, a name or a link. */
export interface StatisticsModel {
  /** "all", or the one department shown. */
  readonly scope: string;
  /** The departments the user may choose between (more than one: a picker is shown). */
  readonly choices: readonly { readonly id: string; readonly name: string }[];
  /** The department's name, or undefined for all the user may see. */
  readonly departmentName?: string;
  readonly municipalityWide: boolean;
  readonly today: string;
  readonly figures: AnonymousFigures;
  /** With more than one department in scope: each one's totals. */
  readonly perDepartment?: readonly { readonly name: string; readonly incidents: Shown; readonly warnings: Shown }[];
  /** The chart as a PNG data URI (small enough for the card; see README "Statistics"). */
  readonly chart?: string;
}

/** Who may see which departments: their own as a manager, all as a municipality-wide contact. Decided here, not by the card. */
async function visibleTo(deps: ActionDeps, actor: Actor): Promise<{ departments: readonly Department[]; wide: boolean }> {
  const wide = (await deps.directory.isMunicipalityContact?.(actor.id)) ?? false;
  const all = wide ? await deps.directory.departments?.() : undefined;
  return { departments: all ?? (await deps.directory.departmentsManagedBy(actor.id)), wide: Boolean(all) };
}

/** The statistics card for `requested` ("all" or absent: everything the user may see; else one department id). */
export async function statisticsView(deps: ActionDeps, actor: Actor, requested: unknown): Promise<View> {
  const locale = await localeOf(deps, actor);
  const { departments, wide } = await visibleTo(deps, actor);
  if (!departments.length || !deps.statistics) return { locale, screen: message('noStatistics') };
  if (requested !== undefined && typeof requested !== 'string') return { locale, screen: message('badRequest') };
  const one = requested && requested !== 'all' ? departments.find((d) => d.id === requested) : undefined;
  // A department the user may not see is refused outright: not even its name is echoed.
  if (requested && requested !== 'all' && !one) return { locale, screen: message('statisticsForbidden') };
  const scope = one ? [one] : departments;
  const facts = await deps.statistics.facts(scope.map((d) => d.id));
  const today = danishDate(deps.clock.now());
  const anonymous = anonymise(figures(facts, deps.policy, today));
  const chart = await deps.charts?.monthly(anonymous.months, locale).catch(() => undefined);
  const model: StatisticsModel = {
    scope: one?.id ?? 'all',
    choices: departments.map((d) => ({ id: d.id, name: d.name })),
    ...(one || departments.length === 1 ? { departmentName: scope[0]?.name } : {}),
    municipalityWide: wide,
    today,
    figures: anonymous,
    ...(scope.length > 1 ? { perDepartment: perDepartment(scope, facts, deps, today) } : {}),
    ...(chart ? { chart: `data:image/png;base64,${Buffer.from(chart).toString('base64')}` } : {}),
  };
  return { locale, screen: { kind: 'statistics', model } };
}

function perDepartment(scope: readonly Department[], facts: readonly CaseFact[], deps: ActionDeps, today: string) {
  return scope.map((d) => {
    const f = figures(
      facts.filter((x) => x.departmentId === d.id),
      deps.policy,
      today,
    );
    return { name: d.name, incidents: shown(f.incidents), warnings: shown(f.warnings) };
  });
}
