import { CONSENT_INPUT, EMPLOYEE_INPUT } from '../src/app/actions/follow-up';
import { Verb } from '../src/app/verbs';
import type { IncidentCase, PersonRef } from '../src/domain/case';
import { danishDate } from '../src/domain/dates';
import type { CheckIn, FollowUp } from '../src/domain/follow-up';
import { formatDate } from '../src/domain/format';
import type { Locale } from '../src/domain/i18n';
import type { CardContext } from './context';
import { actionSet, caseData, container, type Element, execute, plain, text, toggle } from './elements';
import { answerText } from './employee.card';
import { t } from './texts';

/** The Teams deep link that opens a 1:1 chat with the bot (28: is a bot's id prefix); following it needs no install rights. */
function botChatLink(botId: string): string {
  return `https://teams.microsoft.com/l/chat/0/0?users=${encodeURIComponent(`28:${botId}`)}`;
}

const dateOf = (iso: string, locale: Locale) => formatDate(danishDate(new Date(iso)), locale);
const small = { size: 'Small', spacing: 'None' } as const;

function checkInLine(ci: CheckIn, today: string, locale: Locale): Element[] {
  const label = t(ci.kind === 'week' ? 'checkInWeek' : 'checkInMonths3', locale);
  const state = ci.answer
    ? `${t('checkInAnsweredOn', locale, { date: ci.answeredAt ? dateOf(ci.answeredAt, locale) : '' })}: **${answerText(ci.answer, locale)}**`
    : ci.sentOn
      ? t('checkInSent', locale, { date: formatDate(ci.sentOn, locale) })
      : ci.due > today
        ? t('checkInDue', locale, { date: formatDate(ci.due, locale) })
        : t('checkInWaiting', locale);
  // The comment is the employee's own words: shown as typed, never as markdown.
  return [text(`${label}: ${state}`, small), ...(ci.comment ? [plain(`»${ci.comment}«`, { size: 'Small' })] : [])];
}

/** "Opfølgning aktiv siden …", ended with the case, or who stopped it and when. */
function statusText(c: IncidentCase, f: FollowUp, locale: Locale): string {
  if (f.status === 'active') return t(c.status === 'plan' ? 'fuActiveSince' : 'fuEndedClosed', locale, { date: dateOf(f.since, locale) });
  return t(f.stoppedBy === 'employee' ? 'fuStoppedByEmployee' : 'fuStoppedByManager', locale, {
    date: f.stoppedAt ? dateOf(f.stoppedAt, locale) : '',
  });
}

/** One employee's follow-up as lines: the state, the check-ins, and (while it runs) the manager's "stop". */
function followUpLines(c: IncidentCase, name: string, f: FollowUp, ctx: CardContext): Element[] {
  const { locale } = ctx;
  const status = statusText(c, f, locale);
  const lines: Element[] = [plain(name, { weight: 'Bolder' }), text(status, small)];
  lines.push(...f.checkIns.filter((ci) => f.status === 'active' || ci.answer).flatMap((ci) => checkInLine(ci, ctx.today, locale)));
  if (f.status === 'active' && c.status === 'plan')
    lines.push(actionSet([execute(t('fuWithdraw', locale), Verb.followUpWithdraw, caseData(c.id, c.rev, { employeeId: f.employeeId }))]));
  return [container(lines, { spacing: 'Small' })];
}

/** The consent and "start", once for the employees without a running follow-up: a choice only when there are several. */
function offer(c: IncidentCase, ctx: CardContext): Element[] {
  const { locale } = ctx;
  const open = (c.intake?.employees ?? []).filter((e) => !c.followUps?.some((f) => f.employeeId === e.id && f.status === 'active'));
  const [only] = open;
  if (c.status !== 'plan' || !only) return [];
  const choice: Element[] =
    open.length > 1
      ? [{ type: 'Input.ChoiceSet', id: EMPLOYEE_INPUT, value: only.id, choices: open.map((e) => ({ title: e.name, value: e.id })) }]
      : [];
  const data = caseData(c.id, c.rev, open.length > 1 ? {} : { employeeId: only.id });
  return [
    ...choice,
    toggle(CONSENT_INPUT, t('fuConsent', locale), false),
    actionSet([execute(t('fuStart', locale), Verb.followUpStart, data)], { spacing: 'None' }),
  ];
}

/** Folded: one line per follow-up with its latest answer, and the button that opens it. */
function summaryLine(c: IncidentCase, f: FollowUp, employees: readonly PersonRef[], locale: Locale): Element {
  const name = employees.find((e) => e.id === f.employeeId)?.name ?? '';
  const last = [...f.checkIns].reverse().find((ci) => ci.answer);
  const state = statusText(c, f, locale);
  const answer = last?.answer ? ` ${t('fuLastAnswer', locale, { answer: answerText(last.answer, locale) })}` : '';
  return {
    type: 'RichTextBlock',
    spacing: 'None',
    inlines: [
      { type: 'TextRun', text: `${name}: `, weight: 'Bolder', size: 'Small' },
      { type: 'TextRun', text: `${state}${answer}`, size: 'Small' },
    ],
  };
}

/**
 * On the plan: the follow-up with the employees the case is about, offered only with their consent. Folded to a line
 * per employee (the plan card is near Teams' size limit); opened, as an action's details are, with the check-ins,
 * comments, the link for the employee and the consent.
 */
export function followUpPanel(c: IncidentCase, ctx: CardContext, opened: boolean): Element[] {
  const { locale } = ctx;
  const employees = c.intake?.employees ?? [];
  if (!employees.length || (c.status !== 'plan' && !c.followUps?.length)) return [];
  const title = text(t('fuTitle', locale), { weight: 'Bolder' });
  if (!opened) {
    const button = execute(
      t(c.status !== 'plan' ? 'fuShow' : c.followUps?.length ? 'fuOpen' : 'fuOffer', locale),
      Verb.followUpShow,
      { caseId: c.id },
      { associatedInputs: 'none' },
    );
    const lines = (c.followUps ?? []).map((f) => summaryLine(c, f, employees, locale));
    return [container([title, ...lines, actionSet([button], { spacing: 'Small' })], { separator: true, spacing: 'Medium' })];
  }
  const running = c.followUps?.some((f) => f.status === 'active') && c.status === 'plan';
  const link = ctx.botId
    ? [text(t('fuLink', locale), small), plain(botChatLink(ctx.botId), { size: 'Small' })]
    : [text(t('fuNoLink', locale), small)];
  const lines = (c.followUps ?? []).flatMap((f) => followUpLines(c, employees.find((e) => e.id === f.employeeId)?.name ?? '', f, ctx));
  const close = execute(t('closeDetails', locale), Verb.open, caseData(c.id, c.rev), { associatedInputs: 'none' });
  return [
    container(
      [
        title,
        text(t('fuIntro', locale), { ...small, isSubtle: true }),
        ...lines,
        ...(running ? link : []),
        ...offer(c, ctx),
        actionSet([close]),
      ],
      { separator: true, spacing: 'Medium', style: 'emphasis' },
    ),
  ];
}
