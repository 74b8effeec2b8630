import { PACK_DRAFTS_INPUT } from '../src/app/pack-offer';
import { Verb } from '../src/app/verbs';
import { actionDef } from '../src/domain/assessment';
import type { IncidentCase } from '../src/domain/case';
import { packTime } from '../src/domain/case-pack';
import { draftActions } from '../src/domain/drafts';
import { pick } from '../src/domain/i18n';
import type { CardContext } from './context';
import { actionSet, caseData, container, type Element, execute, plain, shorten, text } from './elements';
import { t } from './texts';

/** "Gem siden nu" for each link while the case is open, in the opened "Dokumentation (n)" section, and what the pack holds. */
export function captureRows(c: IncidentCase, ctx: CardContext): Element[] {
  const { locale } = ctx;
  const links = c.status === 'plan' ? (c.intake?.urls ?? []) : [];
  const items: Element[] = [];
  if (links.length) items.push(text(t('evidenceActionsHelp', locale), { size: 'Small', isSubtle: true }));
  for (const [index, link] of links.entries()) {
    const captures = (c.evidence ?? []).filter((i) => i.kind === 'capture' && i.link === link && !i.withdrawn);
    const last = captures.at(-1);
    items.push(
      container([
        plain(`${index + 1}. ${shortLink(link)}`, { size: 'Small' }),
        ...(last
          ? [
              text(t('pageSavedTimes', locale, { n: captures.length, when: packTime(last.receivedAt) }), {
                size: 'Small',
                isSubtle: true,
                spacing: 'None',
              }),
            ]
          : []),
        actionSet([
          execute(t('savePage', locale), Verb.evidenceCapture, caseData(c.id, c.rev, { link: index }), { associatedInputs: 'none' }),
        ]),
      ]),
    );
  }
  return items;
}

/** "Lav sagsmappe" on the folded section: opens it, where the drafts for the PDF are chosen. */
export function packButton(c: IncidentCase, ctx: CardContext): Element {
  return execute(t('makePack', ctx.locale), Verb.evidenceShow, { caseId: c.id }, { associatedInputs: 'none' });
}

/**
 * The case pack in the opened section: which of the plan's drafts go into the PDF (those of actions already done are
 * ticked), and "Lav sagsmappe", which offers the PDF and the ZIP in the chat. Open or closed case alike.
 */
export function packForm(c: IncidentCase, ctx: CardContext): Element[] {
  const { locale, policy } = ctx;
  const drafts = draftActions(policy, c);
  const title = (id: string) => pick(actionDef(policy, id)?.title ?? { da: id, en: id }, locale);
  const choose: Element[] = drafts.length
    ? [
        {
          type: 'Input.ChoiceSet',
          id: PACK_DRAFTS_INPUT,
          label: t('packDrafts', locale),
          isMultiSelect: true,
          style: 'expanded',
          value: drafts
            .filter((a) => a.status === 'done' && !a.notRelevant)
            .map((a) => a.actionId)
            .join(','),
          choices: drafts.map((a) => ({ title: title(a.actionId), value: a.actionId })),
        },
      ]
    : [];
  return [
    container(
      [
        text(t('makePack', locale), { weight: 'Bolder' }),
        text(t('makePackHelp', locale), { size: 'Small', isSubtle: true, spacing: 'None' }),
        ...choose,
        // The chosen drafts travel as the form's input.
        actionSet([execute(t('makePack', locale), Verb.packMake, { caseId: c.id })], { spacing: 'Small' }),
      ],
      { separator: true, spacing: 'Medium' },
    ),
  ];
}

/** The link as the manager recognises it, short enough that ten of them fit on the card: host and the start of the path. */
export function shortLink(url: string, max = 45): string {
  let text = url;
  try {
    const u = new URL(url);
    text = `${u.hostname.replace(/^www\./, '')}${u.pathname === '/' ? '' : u.pathname}${u.search}`;
  } catch {
    // Not a URL (intake only stores http(s) links): shown as it is, cut.
  }
  return shorten(text, max);
}
