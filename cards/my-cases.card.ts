import type { CaseSummary, Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import { actionDef } from '../src/domain/assessment';
import { caseRef } from '../src/domain/drafts';
import { formatDate } from '../src/domain/format';
import { pick } from '../src/domain/i18n';
import type { CardContext } from './context';
import { type AdaptiveCard, card, container, type Element, execute, heading, noticeBanner, plain, text } from './elements';
import { type TextKey, t } from './texts';

export interface MyCasesModel {
  readonly items: readonly CaseSummary[];
  readonly notice?: Notice;
}

const STATUS: Record<CaseSummary['status'], TextKey> = {
  intake: 'statusIntake',
  assessment: 'statusAssessment',
  plan: 'statusPlan',
  closed: 'statusClosed',
  warning: 'statusWarning',
  recorded: 'statusRecorded',
  escalated: 'statusEscalated',
};

/** Cards have a size limit; the oldest cases beyond this are reached by opening newer ones first. */
const MAX_ITEMS = 25;

/** The manager's open cases, each with its next due action and a button to open its card. */
export function myCasesCard(m: MyCasesModel, ctx: CardContext): AdaptiveCard {
  const { locale, policy } = ctx;
  const rows: Element[] = m.items.slice(0, MAX_ITEMS).map((item) => {
    const kind = t(item.kind === 'incident' ? 'caseTitle' : 'warningTitle', locale);
    const next = item.next ? actionDef(policy, item.next.actionId) : undefined;
    return {
      type: 'ColumnSet',
      separator: true,
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [
            text(`**${kind} ${caseRef(item.id)}** · ${t(STATUS[item.status], locale)}`),
            plain(item.employees.length ? item.employees.join(', ') : t('noEmployee', locale), { size: 'Small' }),
            ...(item.next && next
              ? [
                  text(`${t('next', locale)}: ${pick(next.title, locale)} – ${formatDate(item.next.due, locale)}`, {
                    size: 'Small',
                    isSubtle: true,
                    spacing: 'None',
                  }),
                ]
              : []),
          ],
        },
        {
          type: 'Column',
          width: 'auto',
          verticalContentAlignment: 'Center',
          items: [{ type: 'ActionSet', actions: [execute(t('open', locale), Verb.open, { caseId: item.id })] }],
        },
      ],
    };
  });
  return card(
    [
      ...noticeBanner(m.notice, locale),
      heading(t('myCasesTitle', locale)),
      ...(rows.length ? rows : [container([text(t('noCases', locale))])]),
    ],
    { actions: [execute(t('newCase', locale), Verb.start, {})] },
  );
}
