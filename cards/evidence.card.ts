import { NEW_LINK, NO_LINK } from '../src/app/actions/evidence';
import type { CaseSummary, EvidenceOutcome, Notice } from '../src/app/screens';
import { Verb } from '../src/app/verbs';
import type { IncidentCase } from '../src/domain/case';
import { caseRef } from '../src/domain/drafts';
import { NOTE_MAX } from '../src/domain/evidence';
import type { Locale } from '../src/domain/i18n';
import { LIMITS } from '../src/domain/intake';
import type { CardContext } from './context';
import { type AdaptiveCard, actionSet, card, container, type Element, execute, heading, noticeBanner, plain, text } from './elements';
import { type TextKey, t } from './texts';

const MB = 1024 * 1024;

/** Several open cases: which one do the files belong to? One button per case; nothing is stored before the choice. */
export function evidenceCaseCard(m: { inboxId: string; files: number; cases: readonly CaseSummary[] }, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  const rows: Element[] = m.cases
    .slice(0, 20)
    .map((c) =>
      container(
        [
          text(`**${t('caseTitle', locale)} ${caseRef(c.id)}**`),
          plain(c.employees.length ? c.employees.join(', ') : t('noEmployee', locale), { size: 'Small' }),
          actionSet([
            execute(
              t('evidenceCaseButton', locale, { ref: caseRef(c.id) }),
              Verb.evidenceCase,
              { caseId: c.id, inboxId: m.inboxId },
              { associatedInputs: 'none' },
            ),
          ]),
        ],
        { separator: true },
      ),
    );
  return card([heading(t('evidenceCaseTitle', locale)), text(t('evidenceCaseHelp', locale, { n: m.files }), { isSubtle: true }), ...rows], {
    actions: [execute(t('myCases', locale), Verb.myCases, {}, { associatedInputs: 'none' })],
  });
}

const RESULT: Record<EvidenceOutcome['result'], TextKey> = {
  stored: 'evidenceStored',
  duplicate: 'evidenceResultDuplicate',
  fileTooLarge: 'evidenceResultTooLarge',
  caseFull: 'evidenceResultCaseFull',
  empty: 'evidenceResultEmpty',
  interrupted: 'evidenceResultInterrupted',
  notAllowed: 'evidenceResultNotAllowed',
  failed: 'evidenceResultFailed',
  closed: 'evidenceResultClosed',
};

function outcomeLine(o: EvidenceOutcome, limits: { maxFileBytes: number; maxCaseBytes: number }, locale: Locale): Element {
  const good = o.result === 'stored' || o.result === 'duplicate';
  const mb = Math.round((o.result === 'caseFull' ? limits.maxCaseBytes : limits.maxFileBytes) / MB);
  return container(
    [
      plain(o.name, { weight: 'Bolder' }),
      text(`${good ? '✅' : '⚠️'} ${t(RESULT[o.result], locale, { mb })}`, { size: 'Small', spacing: 'None' }),
    ],
    {
      separator: true,
      spacing: 'Small',
    },
  );
}

/** The link, note and "taken at" for the new items: one form for all files from the message. */
function aboutForm(c: IncidentCase, ids: readonly string[], locale: Locale): Element[] {
  const links = c.intake?.urls ?? [];
  return [
    heading(t('evidenceAboutTitle', locale), 'Medium'),
    text(t('evidenceAboutHelp', locale), { size: 'Small', isSubtle: true, spacing: 'None' }),
    {
      type: 'Input.ChoiceSet',
      id: 'evidenceLink',
      label: t('evidenceLink', locale),
      value: links[0] ?? NO_LINK,
      choices: [
        ...links.map((u) => ({ title: u, value: u })),
        { title: t('evidenceLinkNew', locale), value: NEW_LINK },
        { title: t('evidenceLinkNone', locale), value: NO_LINK },
      ],
    },
    {
      type: 'Input.Text',
      id: 'evidenceNewLink',
      label: t('evidenceNewLink', locale),
      style: 'Url',
      maxLength: LIMITS.url,
      placeholder: 'https://',
    },
    { type: 'Input.Text', id: 'evidenceNote', label: t('evidenceNoteLabel', locale), isMultiline: true, maxLength: NOTE_MAX },
    {
      type: 'ColumnSet',
      columns: [
        {
          type: 'Column',
          width: 'stretch',
          items: [{ type: 'Input.Date', id: 'evidenceTakenDate', label: t('evidenceTakenDate', locale) }],
        },
        {
          type: 'Column',
          width: 'stretch',
          items: [{ type: 'Input.Time', id: 'evidenceTakenTime', label: t('evidenceTakenTime', locale) }],
        },
      ],
    },
    actionSet([
      execute(t('evidenceSaveAbout', locale), Verb.evidenceDescribe, { caseId: c.id, ids: ids.join(',') }, { style: 'positive' }),
    ]),
  ];
}

/** What became of each file sent; then, if anything new was stored, what it documents. */
export function evidenceReceivedCard(
  m: { case: IncidentCase; outcomes: readonly EvidenceOutcome[]; limits: { maxFileBytes: number; maxCaseBytes: number }; notice?: Notice },
  ctx: CardContext,
): AdaptiveCard {
  const { locale } = ctx;
  const c = m.case;
  const fresh = m.outcomes.filter((o) => o.result === 'stored' && o.evidenceId).map((o) => o.evidenceId as string);
  return card(
    [
      ...noticeBanner(m.notice, locale),
      text(`${t('caseTitle', locale)} ${caseRef(c.id)}`, { size: 'Small', weight: 'Bolder', color: 'Accent' }),
      heading(t('evidenceReceivedTitle', locale)),
      ...m.outcomes.slice(0, 100).map((o) => outcomeLine(o, m.limits, locale)),
      ...(fresh.length && c.status !== 'closed' ? aboutForm(c, fresh, locale) : []),
    ],
    { actions: [execute(t('evidenceSkip', locale), Verb.evidenceShow, { caseId: c.id }, { associatedInputs: 'none' })] },
  );
}

/** Too many files in one message: none is stored, and the manager is told the limit. */
export function evidenceTooManyCard(m: { sent: number; limit: number }, ctx: CardContext): AdaptiveCard {
  const { locale } = ctx;
  return card([container([text(t('evidenceTooManyText', locale, m), { weight: 'Bolder' })], { style: 'warning', bleed: true })], {
    actions: [execute(t('myCases', locale), Verb.myCases, {}, { associatedInputs: 'none' })],
  });
}
