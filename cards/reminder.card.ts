import { Verb } from '../src/app/verbs';
import { actionDef } from '../src/domain/assessment';
import type { PlannedAction } from '../src/domain/case';
import { caseRef } from '../src/domain/drafts';
import { pick } from '../src/domain/i18n';
import { dueText } from './action-lines';
import type { CardContext } from './context';
import { type AdaptiveCard, card, type Element, execute, heading, text } from './elements';
import { t } from './texts';

export interface ReminderModel {
  readonly caseId: string;
  readonly due: readonly PlannedAction[];
}

/** More would make a long card in the chat; the plan has them all. */
const MAX_SHOWN = 8;

/** Sent to the owner on a working day when plan actions are due or overdue; "Åbn sagen" turns it into the plan. */
export function reminderCard(m: ReminderModel, ctx: CardContext): AdaptiveCard {
  const { locale, policy } = ctx;
  const rows: Element[] = m.due.slice(0, MAX_SHOWN).flatMap((a) => {
    const def = actionDef(policy, a.actionId);
    if (!def) return [];
    const due = dueText(a, def, ctx);
    return [
      text(`⬜ **${pick(def.title, locale)}**`, { spacing: 'Medium' }),
      text(`**${t('due', locale)}:** ${due.text}`, { size: 'Small', spacing: 'None', ...(due.late ? { color: 'Attention' } : {}) }),
    ];
  });
  const more = m.due.length - MAX_SHOWN;
  return card(
    [
      heading(t('reminderTitle', locale, { ref: caseRef(m.caseId) }), 'Medium'),
      text(t('reminderIntro', locale)),
      ...rows,
      ...(more > 0 ? [text(t('reminderMore', locale, { n: more }), { isSubtle: true })] : []),
      text(t('reminderWhy', locale), { isSubtle: true, size: 'Small', spacing: 'Medium' }),
    ],
    { actions: [execute(t('openCase', locale), Verb.open, { caseId: m.caseId }, { associatedInputs: 'none', style: 'positive' })] },
  );
}
