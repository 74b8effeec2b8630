import type { Department } from '../src/app/directory';
import { Verb } from '../src/app/verbs';
import { actionDef } from '../src/domain/assessment';
import type { Case } from '../src/domain/case';
import { danishDate } from '../src/domain/dates';
import { caseRef } from '../src/domain/drafts';
import { formatDate, formatSlot } from '../src/domain/format';
import { pick } from '../src/domain/i18n';
import type { CardContext } from './context';
import { type AdaptiveCard, card, container, type Element, execute, heading, plain, text } from './elements';
import { evidenceIndexLines } from './evidence-index';
import { t } from './texts';

export interface ExportModel {
  readonly case: Case;
  readonly department: Department;
  readonly names: Readonly<Record<string, string>>;
  readonly deleteOn?: string;
}

/** Audit entries shown; a long trail is cut from the oldest end so the card stays within Teams' size limit. */
const MAX_AUDIT = 60;

/** The whole stored record as plain text, for the manager to copy into the municipality's case system. */
export function exportRecord(m: ExportModel, ctx: CardContext): string {
  const { locale, policy } = ctx;
  const c = m.case;
  const name = (id: string) => m.names[id] ?? id;
  const lines: string[] = [`${t('caseTitle', locale)} ${caseRef(c.id)} – ${m.department.name}`, `${c.createdAt} → ${c.status}`];
  if (c.kind === 'incident') {
    const i = c.intake;
    if (i) {
      lines.push(
        '',
        `${t('employees', locale)}: ${i.employees.map((e) => e.name).join(', ')}`,
        `${t('urls', locale)}: ${i.urls.join(' ')}`,
        `${t('platform', locale)}: ${i.platform}`,
        `${t('discoveredOn', locale)}: ${formatDate(i.discoveredOn, locale)}`,
        `${t('description', locale)}: ${i.description}`,
        ...(i.posterName ? [`${t('posterName', locale)}: ${i.posterName}`] : []),
        ...(i.esdhRef ? [`${t('esdhRef', locale)}: ${i.esdhRef}`] : []),
        ...i.characteristics.map(
          (id) => `✔ ${pick(policy.characteristics.find((ch) => ch.id === id)?.label ?? { da: id, en: id }, locale)}`,
        ),
      );
    }
    if (c.plan?.length) {
      lines.push('', t('planTitle', locale));
      for (const a of c.plan) {
        const def = actionDef(policy, a.actionId);
        // Pasted into the municipality's case system: words, a date, and what the reference is.
        const on = a.doneAt ? formatDate(danishDate(new Date(a.doneAt)), locale) : '';
        const why = a.reference ? ` (${t(a.notRelevant ? 'reasonLabel' : 'referenceLabel', locale)}: ${a.reference})` : '';
        const done = a.status === 'done' ? ` – ${t(a.notRelevant ? 'notRelevantOn' : 'doneOn', locale, { date: on })}${why}` : '';
        lines.push(`- ${def ? pick(def.title, locale) : a.actionId} – ${formatDate(a.due, locale)}${done}`);
      }
    }
    if (c.meeting?.slot && c.meeting.status === 'booked')
      lines.push(
        '',
        `${t('meetingAt', locale, { when: formatSlot(c.meeting.slot, locale) })}${c.meeting.joinUrl ? ` ${c.meeting.joinUrl}` : ''}`,
      );
    if (c.post?.text) lines.push('', `${t('messageText', locale)} (${c.post.status}):`, c.post.text);
  } else if (c.warning) {
    lines.push('', `${t('warningEmployees', locale)}: ${c.warning.employees.map((e) => e.name).join(', ')}`, c.warning.description);
  }
  lines.push(...evidenceIndexLines(c, m.names, locale));
  const audit = c.audit.slice(-MAX_AUDIT);
  lines.push('', 'Audit:', ...audit.map((e) => `${e.at} ${name(e.by)} ${e.what}${e.actionId ? ` ${e.actionId}` : ''} (rev ${e.rev})`));
  return lines.join('\n');
}

export function exportCard(m: ExportModel, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  const items: Element[] = [
    heading(t('exportTitle', locale)),
    text(t('exportHelp', locale), { isSubtle: true, size: 'Small' }),
    ...(m.deleteOn ? [text(t('deleteOn', locale, { date: formatDate(m.deleteOn, locale) }), { size: 'Small' })] : []),
    container([plain(exportRecord(m, ctx), { size: 'Small' })], { style: 'emphasis' }),
  ];
  return card(items, { actions: [execute(t('back', locale), Verb.open, { caseId: m.case.id }, { associatedInputs: 'none' })] });
}

/** Sent to the owner some days before a closed case is deleted. */
export function retentionCard(m: { caseId: string; deleteOn: string }, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  return card([text(t('retentionWarning', locale, { ref: caseRef(m.caseId), date: formatDate(m.deleteOn, locale) }))], {
    actions: [execute(t('exportCase', locale), Verb.exportCase, { caseId: m.caseId }, { associatedInputs: 'none' })],
  });
}
