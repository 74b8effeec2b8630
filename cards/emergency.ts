import { isKind } from '../src/domain/assessment';
import type { PlannedAction } from '../src/domain/case';
import type { CardContext } from './context';
import { container, type Element, text } from './elements';
import { t } from './texts';

/** Imminent danger or a threat puts the police at the very top, in red, before anything else. */
export function emergencyBanner(actions: readonly PlannedAction[], characteristics: readonly string[], ctx: CardContext): Element[] {
  const { locale } = ctx;
  const open = (id: string) => actions.some((a) => a.actionId === id && a.status === 'open');
  const emergencyOpen = actions.some((a) => a.status === 'open' && isKind(ctx.policy, a.actionId, 'emergency'));
  if (emergencyOpen || characteristics.includes('imminentDanger'))
    return [
      container([text(`🚨 ${t('emergencyTitle', locale)}`, { weight: 'Bolder', size: 'Large' }), text(t('emergencyBody', locale))], {
        style: 'attention',
        bleed: true,
      }),
    ];
  // A threat to expose the employee unless a decision is made is coercion (straffeloven § 260), reported like a threat.
  const threatened = ['directThreat', 'indirectThreat', 'threatToExpose'].some((c) => characteristics.includes(c));
  if (open('policeReport') && threatened)
    return [
      container([text(`⚠ ${t('threatTitle', locale)}`, { weight: 'Bolder', size: 'Medium' }), text(t('threatBody', locale))], {
        style: 'attention',
        bleed: true,
      }),
    ];
  return [];
}
