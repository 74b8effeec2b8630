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
  /**
   * The departments the user may choose between (more than one: a picker is shown). With more than PICKER_MAX, only
   * those a name search found, and `search` says so: the card offers the search instead of a list that would not fit.
   */
  readonly choices: readonly { readonly id: string; readonly name: string }[];
  /** Set when the user may see more departments than a picker holds: what was searched for, and how many matched. */
  readonly search?: { readonly text: string; readonly matches: number };
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

/** Above this many departments the card offers a name search instead of a picker (Teams' 28 KB). */
const PICKER_MAX = 25;

/** The departments whose name holds the search text, ignoring case (accents count: "é" is not "e"), in their order. */
function searchDepartments(departments: readonly Department[], text: string): Department[] {
  const fold = (v: string) => v.normalize('NFKC').toLocaleLowerCase('da');
  const wanted = fold(text.trim());
  return wanted ? departments.filter((d) => fold(d.name).includes(wanted)) : [];
}

/**
 * The statistics card for `requested` ("all" or absent: everything the user may see; else one department id).
 * `search`: a department name typed on the card when there are too many departments for a picker.
 */
export async function statisticsView(deps: ActionDeps, actor: Actor, requested: unknown, search?: unknown): Promise<View> {
  const locale = await localeOf(deps, actor);
  const { departments, wide } = await visibleTo(deps, actor);
  if (!departments.length || !deps.statistics) return { locale, screen: message('noStatistics') };
  if (requested !== undefined && typeof requested !== 'string') return { locale, screen: message('badRequest') };
  if (search !== undefined && (typeof search !== 'string' || [...search].length > 200)) return { locale, screen: message('badRequest') };
  const found = typeof search === 'string' && search.trim() ? searchDepartments(departments, search) : undefined;
  // One match is shown at once; several become the picker. A department chosen in that picker counts only while it is
  // among the matches: a new search is not overridden by the choice left from the last one.
  const chosen = requested && requested !== 'all' && (!found || found.some((d) => d.id === requested)) ? requested : undefined;
  const picked = chosen ?? (found?.length === 1 ? found[0]?.id : undefined);
  const one = picked ? departments.find((d) => d.id === picked) : undefined;
  // A department the user may not see is refused outright: not even its name is echoed.
  if (picked && !one) return { locale, screen: message('statisticsForbidden') };
  const scope = one ? [one] : departments;
  const facts = await deps.statistics.facts(scope.map((d) => d.id));
  const today = danishDate(deps.clock.now());
  const anonymous = anonymise(figures(facts, deps.policy, today));
  const chart = await deps.charts?.monthly(anonymous.months, locale).catch(() => undefined);
  const model: StatisticsModel = {
    scope: one?.id ?? 'all',
    choices: (departments.length > PICKER_MAX ? (found ?? []).slice(0, PICKER_MAX) : departments).map((d) => ({ id: d.id, name: d.name })),
    ...(departments.length > PICKER_MAX
      ? { search: { text: typeof search === 'string' ? search.trim() : '', matches: found?.length ?? 0 } }
      : {}),
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
