import { Verb } from '../src/app/verbs';
import type { IncidentCase } from '../src/domain/case';
import { danishDate } from '../src/domain/dates';
import { formatSlot } from '../src/domain/format';
import { pick } from '../src/domain/i18n';
import { earliestManualSlot, isStale } from '../src/domain/meeting';
import { copenhagenWallTime } from '../src/domain/zoned';
import type { CardContext } from './context';
import { actionSet, caseData, confirmAction, type Element, execute, text } from './elements';
import { EMPTY_REASONS, GRAPH_FAILURES } from './graph-texts';
import { t } from './texts';

/** The meeting row's own controls: find times, pick one (or another), book, open, cancel. */
export function meetingPanel(c: IncidentCase, ctx: CardContext, now: Date): Element[] {
  const { locale } = ctx;
  const m = c.meeting;
  const data = caseData(c.id, c.rev);
  const none = { associatedInputs: 'none' };
  const error = m?.error ? [text(`⚠ ${pick(GRAPH_FAILURES[m.error], locale)}`, { color: 'Attention', size: 'Small' })] : [];
  switch (m?.status ?? 'idle') {
    case 'searching':
      return [text(t('searching', locale), { size: 'Small' }), actionSet([execute(t('refresh', locale), Verb.open, data, none)])];
    case 'booking':
      if (!isStale(m?.since, now))
        return [text(t('booking', locale), { size: 'Small' }), actionSet([execute(t('refresh', locale), Verb.open, data, none)])];
      // Cut off mid-way (an instance stopped): same as no answer, and safe to repeat.
      return meetingPanel({ ...c, meeting: { ...(m as NonNullable<typeof m>), status: 'unknown' } }, ctx, now);
    case 'unknown':
      return [
        ...error,
        text(t('bookingUnknown', locale), { size: 'Small', wrap: true }),
        actionSet([
          execute(
            t('retry', locale),
            Verb.meetingBook,
            { ...data, slot: m?.slot ? `${m.slot.start}|${m.slot.end}` : '' },
            { ...none, style: 'positive' },
          ),
        ]),
      ];
    case 'booked': {
      const when = m?.slot ? formatSlot(m.slot, locale) : '';
      const actions: Element[] = [];
      if (m?.joinUrl) actions.push({ type: 'Action.OpenUrl', title: t('joinMeeting', locale), url: m.joinUrl });
      const at = m?.slot ? copenhagenWallTime(new Date(m.slot.start)) : copenhagenWallTime(now);
      actions.push({
        type: 'Action.ShowCard',
        title: t('moveMeeting', locale),
        card: {
          type: 'AdaptiveCard',
          body: [
            { type: 'Input.Date', id: 'manualDate', label: t('moveTo', locale), min: danishDate(now), value: at.date },
            { type: 'Input.Time', id: 'manualTime', label: t('manualTime', locale), min: '07:00', max: '18:00', value: at.time },
          ],
          actions: [execute(t('moveMeeting', locale), Verb.meetingMove, data, { style: 'positive' })],
        },
      });
      actions.push(
        confirmAction(t('cancelMeeting', locale), t('cancelMeetingConfirm', locale), t('cancelMeeting', locale), Verb.meetingCancel, data),
      );
      return [...error, text(t('meetingAt', locale, { when }), { weight: 'Bolder', size: 'Small' }), actionSet(actions)];
    }
    case 'choosing': {
      const suggestions = m?.suggestions ?? [];
      const fallback = earliestManualSlot(now, ctx.policy.meeting.durationMinutes);
      const wall = copenhagenWallTime(new Date(fallback.start));
      const reason = m?.emptyReason ? (EMPTY_REASONS[m.emptyReason] ?? EMPTY_REASONS.AttendeesUnavailable) : undefined;
      const choices = [
        ...suggestions.map((s) => ({ title: formatSlot(s, locale), value: `${s.start}|${s.end}` })),
        { title: t('otherTime', locale), value: 'manual' },
      ];
      return [
        ...error,
        ...(reason && !suggestions.length ? [text(pick(reason, locale), { size: 'Small' })] : []),
        {
          type: 'Input.ChoiceSet',
          id: 'slot',
          label: t('chooseSlot', locale),
          style: 'expanded',
          choices,
          value: suggestions.length ? choices[0]?.value : 'manual',
        },
        { type: 'Input.Date', id: 'manualDate', label: t('manualDate', locale), min: danishDate(now), value: wall.date },
        { type: 'Input.Time', id: 'manualTime', label: t('manualTime', locale), min: '07:00', max: '18:00', value: wall.time },
        actionSet([
          execute(t('bookMeeting', locale), Verb.meetingBook, data, { style: 'positive' }),
          execute(t('searchAgain', locale), Verb.meetingSearch, data, none),
        ]),
      ];
    }
    default: {
      const label = m?.status === 'cancelled' ? 'findNewTime' : 'findTimes';
      return [
        ...error,
        text(t(m?.status === 'cancelled' ? 'meetingCancelled' : 'findTimesHelp', locale), { size: 'Small', isSubtle: true }),
        actionSet([execute(t(label, locale), Verb.meetingSearch, data, { ...none, style: 'positive' })]),
      ];
    }
  }
}
