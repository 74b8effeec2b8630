import type { EmployeeFollowUp, Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import { caseRef } from '../src/domain/drafts';
import { CHECK_IN_ANSWERS, CHECK_IN_COMMENT_MAX, type CheckInAnswer, type CheckInKind } from '../src/domain/follow-up';
import { formatDate, formatSlot } from '../src/domain/format';
import type { Locale } from '../src/domain/i18n';
import type { CardContext } from './context';
import {
  type AdaptiveCard,
  actionSet,
  card,
  confirmAction,
  container,
  type Element,
  execute,
  heading,
  labelled,
  noticeBanner,
  text,
} from './elements';
import { type TextKey, t } from './texts';

const ANSWER_TEXT: Record<CheckInAnswer, TextKey> = { good: 'answerGood', mixed: 'answerMixed', hard: 'answerHard' };

export const answerText = (a: CheckInAnswer, locale: Locale) => t(ANSWER_TEXT[a], locale);

/** The employee's "stop", asked once more before it is sent. */
function stopAction(caseId: string, locale: Locale): Element {
  return confirmAction(t('empStopButton', locale), t('empStopConfirm', locale), t('empStopYes', locale), Verb.followUpStop, { caseId });
}

/** One follow-up: what management does, in plain words, and who to talk to. Names here are the contacts' only. */
function item(m: EmployeeFollowUp, locale: Locale): Element[] {
  const doing: Element[] = [text(t('empBacking', locale)), text(t('empHandling', locale), { spacing: 'Small' })];
  if (m.meeting) doing.push(text(t('empMeeting', locale, { slot: formatSlot(m.meeting, locale) }), { spacing: 'Small' }));
  if (m.posted) doing.push(text(t('empPosted', locale), { spacing: 'Small' }));
  const people: Element[] = [];
  if (m.manager) people.push(labelled(t('empManager', locale), m.manager));
  if (m.tr) people.push(labelled(t('empTr', locale), m.tr));
  if (m.amr) people.push(labelled(t('empAmr', locale), m.amr));
  for (const h of m.help) people.push(labelled(h.label, h.value));
  return [
    text(t('empDoing', locale), { weight: 'Bolder', spacing: 'Medium' }),
    ...doing,
    text(t('empContacts', locale), { weight: 'Bolder', spacing: 'Medium' }),
    ...people,
    text(t('empLater', locale), { isSubtle: true, size: 'Small' }),
    ...(m.nextCheckIn ? [text(t('empCheckIns', locale, { date: formatDate(m.nextCheckIn, locale) }), { spacing: 'Medium' })] : []),
    text(t('empStop', locale), { spacing: 'Medium' }),
    actionSet([stopAction(m.caseId, locale)]),
  ];
}

/** The employee's overview in their own chat. Built from `EmployeeFollowUp` only: the case never reaches this card. */
export function employeeCard(m: { items: readonly EmployeeFollowUp[]; notice?: Notice }, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  const body: Element[] = [...noticeBanner(m.notice, locale), heading(t('empTitle', locale), 'Medium')];
  if (!m.items.length) return card([...body, text(t('empNone', locale))]);
  body.push(text(t('empIntro', locale)));
  m.items.forEach((i, n) => {
    body.push(container(item(i, locale), { separator: n > 0 }));
  });
  return card(body);
}

/** "Hvordan har du det med sagen nu?" with three answers and an optional comment. */
export function checkInCard(
  m: { caseId: string; checkIn: CheckInKind; comment?: string; notice?: Notice },
  ctx: CardContext,
): AdaptiveCard {
  const { locale } = ctx;
  return card(
    [
      ...noticeBanner(m.notice, locale),
      heading(t('checkInQuestion', locale), 'Medium'),
      text(t(m.checkIn === 'week' ? 'checkInSinceWeek' : 'checkInSinceMonths3', locale), { isSubtle: true, spacing: 'None' }),
      {
        type: 'Input.ChoiceSet',
        id: 'answer',
        style: 'expanded',
        isRequired: true,
        label: t('checkInChoose', locale),
        errorMessage: t('checkInChoose', locale),
        choices: CHECK_IN_ANSWERS.map((a) => ({ title: answerText(a, locale), value: a })),
      },
      {
        type: 'Input.Text',
        id: 'comment',
        isMultiline: true,
        maxLength: CHECK_IN_COMMENT_MAX,
        label: t('checkInComment', locale),
        ...(m.comment ? { value: m.comment } : {}),
      },
      text(t('checkInWho', locale), { isSubtle: true, size: 'Small' }),
    ],
    {
      actions: [
        execute(t('checkInSend', locale), Verb.checkInAnswer, { caseId: m.caseId, checkIn: m.checkIn }, { style: 'positive' }),
        stopAction(m.caseId, locale),
      ],
    },
  );
}

/** To each of the case's managers: the answer, nothing more; who answered and the comment are on the case card. */
export function checkInAnsweredCard(m: { caseId: string; answer: CheckInAnswer }, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  return card(
    [
      heading(t('checkInAnsweredTitle', locale, { ref: caseRef(m.caseId) }), 'Medium'),
      text(t('checkInAnsweredIntro', locale)),
      text(answerText(m.answer, locale), { weight: 'Bolder' }),
      text(t('checkInAnsweredMore', locale), { isSubtle: true, size: 'Small' }),
    ],
    { actions: [execute(t('openCase', locale), Verb.open, { caseId: m.caseId }, { associatedInputs: 'none', style: 'positive' })] },
  );
}
