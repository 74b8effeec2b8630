import { actionDef, isKind } from '../src/domain/assessment';
import type { PlannedAction } from '../src/domain/case';
import type { CardContext } from './context';
import { container, type Element, text } from './elements';
import { t } from './texts';

/** Imminent danger or a threat puts the police at the very top, in red, before anything else. */
export function emergencyBanner(actions: readonly PlannedAction[], characteristics: readonly string[], ctx: CardContext): Element[] {
  const { locale } = ctx;
  const { policy } = ctx;
  // The policy marks which characteristics and actions these are, so a municipality's own ids keep the warnings.
  const banner = (kind: 'emergency' | 'threat') => policy.characteristics.some((c) => c.banner === kind && characteristics.includes(c.id));
  const emergencyOpen = actions.some((a) => a.status === 'open' && isKind(policy, a.actionId, 'emergency'));
  if (emergencyOpen || banner('emergency'))
    return [
      container([text(`🚨 ${t('emergencyTitle', locale)}`, { weight: 'Bolder', size: 'Large' }), text(t('emergencyBody', locale))], {
        style: 'attention',
        bleed: true,
      }),
    ];
  // A threat to expose the employee unless a decision is made is coercion (straffeloven § 260), reported like a threat.
  const reportOpen = actions.some((a) => a.status === 'open' && actionDef(policy, a.actionId)?.statistic === 'policeReport');
  if (reportOpen && banner('threat'))
    return [
      container([text(`⚠ ${t('threatTitle', locale)}`, { weight: 'Bolder', size: 'Medium' }), text(t('threatBody', locale))], {
        style: 'attention',
        bleed: true,
      }),
    ];
  return [];
}
