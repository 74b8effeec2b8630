import { Verb } from '../src/app/verbs';
import type { IncidentCase } from '../src/domain/case';
import { activeEvidence, type EvidenceItem, REASON_MAX, shortHash } from '../src/domain/evidence';
import { formatDate } from '../src/domain/format';
import type { Locale } from '../src/domain/i18n';
import { isRasterImage } from '../src/domain/sniff-type';
import { copenhagenWallTime } from '../src/domain/zoned';
import type { CardContext } from './context';
import { actionSet, caseData, container, type Element, execute, heading, labelled, plain, shorten, text } from './elements';
import { t } from './texts';

/** The newest items shown on the case card; the rest are counted (the card must stay well under Teams' size limit). */
const EVIDENCE_SHOWN = 8;

/** Links, notes and reasons are cut on the card (the whole text is in the export). */
const SHOWN_CHARS = 140;

/** The id of the section's button row: later features append their buttons to it ("Gem siden nu", "Lav sagsmappe"). */
const EVIDENCE_ACTIONS_ID = 'evidenceActions';

/** "12. december 2026 kl. 14.03" in Copenhagen time. */
function receivedWhen(iso: string, locale: Locale): string {
  const { date, time } = copenhagenWallTime(new Date(iso));
  return `${formatDate(date, locale)} ${locale === 'da' ? 'kl. ' : ''}${locale === 'da' ? time.replace(':', '.') : time}`;
}

function kindOf(i: EvidenceItem, locale: Locale): string {
  if (i.kind === 'capture') return t('evidenceCapture', locale);
  return t(isRasterImage(i.sniffedType) ? 'evidenceImage' : 'evidenceFile', locale);
}

/**
 * One item as text only: kind, name, the link it documents, when it was received and the first 16 hex digits of its
 * SHA-256. Never an image drawn from the stored bytes: an SVG or HTML file is listed, not shown.
 */
function itemLines(i: EvidenceItem, locale: Locale): Element {
  const items: Element[] = [
    labelled(kindOf(i, locale), i.name, i.withdrawn ? { isSubtle: true, strikethrough: true } : {}),
    i.link
      ? labelled(t('evidenceLinkLine', locale), i.link, { size: 'Small' })
      : text(t('evidenceNoLink', locale), { size: 'Small', isSubtle: true, spacing: 'None' }),
    text(t('evidenceMeta', locale, { when: receivedWhen(i.receivedAt, locale), hash: shortHash(i.sha256) }), {
      size: 'Small',
      isSubtle: true,
      spacing: 'None',
      fontType: 'Monospace',
    }),
  ];
  if (i.takenAt) items.push(labelled(t('evidenceTakenAt', locale), i.takenAt.replace('T', ' '), { size: 'Small' }));
  if (i.note) items.push(labelled(t('evidenceNote', locale), shorten(i.note, SHOWN_CHARS), { size: 'Small' }));
  if (i.withdrawn) {
    items.push(
      text(t('evidenceWithdrawnMark', locale, { when: receivedWhen(i.withdrawn.at, locale) }), {
        size: 'Small',
        color: 'Attention',
        weight: 'Bolder',
        spacing: 'None',
      }),
    );
    items.push(plain(shorten(i.withdrawn.reason, SHOWN_CHARS), { size: 'Small', isSubtle: true }));
  }
  return container(items, { separator: true, spacing: 'Small' });
}

/** Withdraw one item, with a reason: a folded form so the card stays short. */
function withdrawForm(c: IncidentCase, active: readonly EvidenceItem[], locale: Locale): Element {
  return {
    type: 'Action.ShowCard',
    title: t('evidenceWithdraw', locale),
    card: {
      type: 'AdaptiveCard',
      body: [
        text(t('evidenceWithdrawHelp', locale), { size: 'Small', isSubtle: true }),
        {
          type: 'Input.ChoiceSet',
          id: 'evidenceId',
          label: t('evidenceWithdrawWhich', locale),
          isRequired: true,
          errorMessage: t('evidenceWithdrawWhich', locale),
          value: active.at(-1)?.id ?? '',
          choices: [...active].reverse().map((i) => ({ title: `${i.name} (${shortHash(i.sha256)})`, value: i.id })),
        },
        {
          type: 'Input.Text',
          id: 'withdrawReason',
          label: t('evidenceWithdrawReason', locale),
          isRequired: true,
          errorMessage: t('evidenceWithdrawReason', locale),
          maxLength: REASON_MAX,
        },
      ],
      actions: [execute(t('evidenceWithdrawYes', locale), Verb.evidenceWithdraw, caseData(c.id, c.rev), { style: 'destructive' })],
    },
  };
}

/**
 * "Dokumentation (n)" on the case card. Folded, it is the heading, the count and "Vis dokumentation"; open, `rows`
 * ("Gem siden nu" per link), the newest items (withdrawn ones marked), `after` (the case pack) and the withdraw form. Folded by default because a
 * full plan alone comes near Teams' 28 KB. `actions`: further buttons for the section's row ("Lav sagsmappe").
 */
export function evidenceSection(
  c: IncidentCase,
  ctx: CardContext,
  options: {
    readonly actions?: readonly Element[];
    readonly rows?: readonly Element[];
    readonly after?: readonly Element[];
    readonly open?: boolean;
  } = {},
): Element[] {
  const { locale } = ctx;
  const all = c.evidence ?? [];
  const closed = c.status === 'closed';
  const active = activeEvidence(all);
  const withdrawn = all.length - active.length;
  const body: Element[] = [heading(t('evidenceTitle', locale, { n: all.length }), 'Medium')];
  if (!all.length && !closed) body.push(text(t('evidenceNone', locale), { size: 'Small', isSubtle: true, spacing: 'None' }));
  const links = closed ? 0 : (c.intake?.urls.length ?? 0);
  const buttons: Element[] = [];
  if (options.open) {
    body.push(...(options.rows ?? []));
    const shown = all.slice(-EVIDENCE_SHOWN).reverse();
    body.push(...shown.map((i) => itemLines(i, locale)));
    if (all.length > shown.length)
      body.push(text(t('evidenceOlder', locale, { n: all.length - shown.length }), { size: 'Small', isSubtle: true }));
    body.push(...(options.after ?? []));
    if (!closed && active.length) buttons.push(withdrawForm(c, active, locale));
    buttons.push(execute(t('evidenceHide', locale), Verb.open, { caseId: c.id }, { associatedInputs: 'none' }));
  } else if (all.length || links) {
    if (withdrawn)
      body.push(text(t('evidenceWithdrawnCount', locale, { n: withdrawn }), { size: 'Small', isSubtle: true, spacing: 'None' }));
    if (links) body.push(text(t('evidenceCaptureHint', locale), { size: 'Small', isSubtle: true, spacing: 'None' }));
    buttons.push(execute(t('evidenceShow', locale), Verb.evidenceShow, { caseId: c.id }, { associatedInputs: 'none' }));
  }
  buttons.push(...(options.actions ?? []));
  if (buttons.length) body.push(actionSet(buttons, { id: EVIDENCE_ACTIONS_ID, spacing: 'Small' }));
  return [container(body, { id: 'evidence', separator: true, spacing: 'Large' })];
}
