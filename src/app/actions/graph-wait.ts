import type { Case } from '../../domain/case';
import type { Locale } from '../../domain/i18n';
import type { GraphEffect } from '../graph-work';
import type { Notice, View } from '../screens';
import type { ActionDeps, Actor, CardTarget } from './context';
import { screenFor } from './views';

/**
 * Waits for Graph within the budget. If Graph is slower, the manager gets the "working…" card now,
 * and the card is updated in place when Graph answers (or fails).
 */
export async function afterGraph(
  deps: ActionDeps,
  actor: Actor,
  locale: Locale,
  state: Case,
  effects: readonly GraphEffect[],
  token: string,
  graphNotice: (c: Case) => Notice | undefined,
  target?: CardTarget,
): Promise<View> {
  const graph = deps.graph;
  if (!graph) return { locale, screen: await screenFor(deps, state) };
  const work = graph.work.run(state.id, effects, token, actor.id, locale);
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), graph.budgetMs);
  });
  const first = await Promise.race([work.then((c) => c ?? state), late]);
  clearTimeout(timer);
  if (first !== 'late') return { locale, screen: await screenFor(deps, first, graphNotice(first)) };
  void work
    .then(async (final) => {
      if (!target || !final) return;
      await graph.updater.update(target, { locale, screen: await screenFor(deps, final, graphNotice(final)) });
    })
    .catch(graph.onBackgroundError);
  return { locale, screen: await screenFor(deps, state) };
}
